package dev.mamori.spark;

import dev.mamori.deid.CsvOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * A map over the input's partitions that processes each record into an output record (or drops it), written in the
 * input's format: one output part per input partition, in the same order, so the parts put together are what one
 * machine writes.
 */
final class Partitions {

    /** What a partition's task does to each record. Made on the executor from a serializable {@link Maker}. */
    interface Processor {
        /** The output record for a row's cells, or null to drop it. */
        String[] apply(List<String> cells);

        /** After the partition's last row (counts to accumulators). */
        void end();
    }

    /** Makes a partition's {@link Processor}: what travels to the executors (no key, no value). */
    interface Maker extends Serializable {
        Processor make();
    }

    private Partitions() {
    }

    /**
     * Processes every row and writes the output records into {@code dir} (the staging directory).
     *
     * @param bom a CSV in UTF-8: each part starts with a byte order mark
     */
    static void write(SparkSession spark, Tables.Table in, List<String> outHeader, Maker maker, Path dir, boolean bom) {
        int columns = in.header().size();
        boolean checkCorrupt = java.util.Arrays.asList(in.rows().columns()).contains(Tables.CORRUPT);
        int corrupt = checkCorrupt ? columns : -1;
        if (in.input().kind() == Tables.Kind.CSV) {
            String cs = in.input().charset().name(); // a Charset is not serialisable
            char delimiter = in.input().delimiter();
            FlatMapFunction<Iterator<Row>, byte[]> f = rows -> new CsvChunks(rows, columns, corrupt, maker.make(), outHeader,
                    Charset.forName(cs), delimiter, bom);
            Outputs.writeParts(in.rows().javaRDD().mapPartitions(f), dir);
            return;
        }
        FlatMapFunction<Iterator<Row>, Row> f = rows -> new Records(rows, columns, corrupt, maker.make());
        java.util.List<StructField> fields = outHeader.stream().map(h -> DataTypes.createStructField(h, DataTypes.StringType, true)).toList();
        Dataset<Row> out = spark.createDataFrame(in.rows().javaRDD().mapPartitions(f), DataTypes.createStructType(fields));
        if (in.input().kind() == Tables.Kind.PARQUET) {
            out.write().parquet(dir.toString());
        } else {
            out.write().json(dir.toString());
        }
    }

    /** The cells of a row, refusing one Spark could not read (it was read in the first pass: the input changed). */
    static List<String> cells(Row r, int columns, int corrupt) {
        if (corrupt >= 0 && !r.isNullAt(corrupt)) {
            throw SparkDeid.changed();
        }
        return Tables.cells(r, columns);
    }

    /** Output rows, lazily. */
    private static final class Records implements Iterator<Row> {
        private final Iterator<Row> rows;
        private final int columns;
        private final int corrupt;
        private final Processor p;
        private Row next;
        private boolean ended;

        Records(Iterator<Row> rows, int columns, int corrupt, Processor p) {
            this.rows = rows;
            this.columns = columns;
            this.corrupt = corrupt;
            this.p = p;
        }

        @Override
        public boolean hasNext() {
            while (next == null && rows.hasNext()) {
                String[] o = p.apply(cells(rows.next(), columns, corrupt));
                if (o != null) {
                    next = RowFactory.create((Object[]) o);
                }
            }
            if (next == null && !ended) {
                ended = true;
                p.end();
            }
            return next != null;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row r = next;
            next = null;
            return r;
        }
    }

    /** A partition's part file as chunks of about 1 MiB of encoded CSV, the header first (every part reads alone). */
    private static final class CsvChunks implements Iterator<byte[]> {
        private static final int CHUNK = 1 << 20;
        private final Iterator<Row> rows;
        private final int columns;
        private final int corrupt;
        private final Processor p;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(CHUNK + (CHUNK >> 2));
        private final de.siegmar.fastcsv.writer.CsvWriter csv;
        private boolean ended;

        CsvChunks(Iterator<Row> rows, int columns, int corrupt, Processor p, List<String> header, Charset cs, char delimiter,
                  boolean bom) {
            this.rows = rows;
            this.columns = columns;
            this.corrupt = corrupt;
            this.p = p;
            if (bom && cs.equals(java.nio.charset.StandardCharsets.UTF_8)) {
                bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            this.csv = CsvOutput.writer(new OutputStreamWriter(bytes, cs), delimiter);
            csv.writeRecord(header);
            try {
                csv.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean hasNext() {
            if (bytes.size() == 0 && !ended) {
                fill();
            }
            return bytes.size() > 0;
        }

        /** Adds records until the chunk is full or the partition ends (the formatter's buffer flushed every 64 records). */
        private void fill() {
            try {
                int n = 0;
                while (rows.hasNext() && (++n % 64 != 0 || flushed() < CHUNK)) {
                    String[] o = p.apply(cells(rows.next(), columns, corrupt));
                    if (o != null) {
                        csv.writeRecord(o);
                    }
                }
                csv.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!rows.hasNext() && !ended) {
                ended = true;
                p.end();
            }
        }

        private int flushed() throws IOException {
            csv.flush();
            return bytes.size();
        }

        @Override
        public byte[] next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            byte[] b = bytes.toByteArray();
            bytes.reset();
            return b;
        }
    }
}
