package dev.mamori.deid;

import dev.mamori.report.Message;
import dev.mamori.risk.RiskReport;
import dev.mamori.risk.SearchResult;
import dev.mamori.table.Block;
import dev.mamori.table.ByteRows;
import dev.mamori.table.ReadSummary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * 匿名加工情報 from a CSV of any length in memory that grows with the distinct combinations of
 * quasi-identifier values, not with the records: the first pass numbers each counted column's values
 * (a dictionary per column, as ARX encodes its data) and counts the combinations of numbers, and checks
 * every kept column on every row; the search runs on the counts; the second pass looks each record's
 * combination up, suppresses or generalises it by tables made once per value, and writes it. The risk
 * before and after comes from the counts. The same policy rules as {@link Deidentifier}, and the same
 * output byte for byte.
 */
public final class TwoPassAnonymizer {

    /**
     * @param records      records read
     * @param written      records written
     * @param distinct     distinct combinations of quasi-identifier (and l-diverse) values
     * @param search       the chosen transformation and its figures
     * @param before       the risk of the input, over its quasi-identifiers
     * @param after        the risk of the output
     * @param firstPassMs  counting and the search; {@code secondPassMs} writing
     * @param read         how the input was read
     * @param outputSha256 SHA-256 of the output's bytes
     * @param warnings     quasi-identifiers left with one value for every record
     */
    public record Summary(long records, long written, int distinct, SearchResult search, RiskReport before, RiskReport after,
                          long firstPassMs, long secondPassMs, ReadSummary read, String outputSha256,
                          List<Generalisation.Warning> warnings) {
    }

    private TwoPassAnonymizer() {
    }

    public static Summary run(Path input, Policy policy, Path baseDir, Output output) throws IOException {
        List<String> counted = CountedAnonymization.counted(policy);
        long t0 = System.nanoTime();
        Counter counter = new Counter(counted, policy);
        output.progress().pass(1, 2);
        int threads = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
        ExecutorService workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mamori-deid");
            t.setDaemon(true);
            return t;
        });
        try {
            ReadSummary read = TableStream.readInBlocks(input, counter, block -> {
                Counter part = TableStream.forBlock(counter.part(true), input);
                if (block.readBytes(part) < 0) { // not UTF-8, or a block only FastCSV reads: cells as strings
                    part = TableStream.forBlock(counter.part(false), input);
                    block.read(part);
                }
                part.block = block.byteOffset();
                part.checksum = block.checksum();
                return part;
            }, counter::add, output.progress(), workers, threads);
            counter.finish();
            int combos = counter.counts.size();
            List<String[]> distinct = new ArrayList<>(combos);
            int[] weights = new int[combos];
            for (int i = 0; i < combos; i++) {
                distinct.add(counter.values(i));
                weights[i] = counter.counts.count(i);
            }
            CountedAnonymization.Plan plan = CountedAnonymization.plan(policy, baseDir, distinct, weights);
            boolean[] kept = plan.keep(); // by combination number
            int qis = plan.quasiIdentifiers().size();
            String[][] generalised = new String[qis][]; // per quasi-identifier, the generalised value of each value number
            for (int j = 0; j < qis; j++) {
                List<String> values = counter.values.get(j);
                generalised[j] = new String[values.size()];
                for (int v = 0; v < values.size(); v++) {
                    generalised[j][v] = plan.generalise(j, values.get(v));
                }
            }
            long t1 = System.nanoTime();
            long[] written = {0};
            String sha = write(input, read, policy, counter, kept, generalised, plan.kept(), output, written, workers, threads);
            long t2 = System.nanoTime();
            return new Summary(counter.records, written[0], distinct.size(), plan.search(), plan.before(), plan.after(),
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, read, sha, plan.warnings());
        } finally {
            workers.shutdownNow();
        }
    }

    private static String write(Path input, ReadSummary read, Policy policy, Counter counter, boolean[] kept,
                                String[][] generalised, long expected, Output output, long[] written, ExecutorService workers,
                                int threads) throws IOException {
        output.progress().pass(2, 2);
        try (CsvOutput csv = CsvOutput.open(output.path(), read.charset(), read.delimiter(), output.bom(), false)) {
            Key throwaway = Key.ephemeral("linking-ids");
            char delimiter = read.delimiter() == '\0' ? ',' : read.delimiter();
            boolean bytes = read.charset().equals(StandardCharsets.UTF_8) && delimiter <= 0x7F;
            Records whole = new Records(input, policy, counter, kept, generalised, throwaway, bytes ? delimiter : 0) {
                @Override
                void record(List<String> values) {
                    try {
                        csv.write(values);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
            TableStream.readInBlocks(input, whole, block -> {
                counter.sameAsCounted(block, input);
                if (bytes) { // records formatted as UTF-8 bytes, kept cells copied undecoded
                    CsvBytes out = new CsvBytes(delimiter);
                    Records part = TableStream.forBlock(whole.part(out), input);
                    if (block.readBytes(part) < 0) {
                        block.read(part);
                    }
                    return new Encoded(out.toByteArray(), part.written);
                }
                ByteArrayOutputStream encoded = new ByteArrayOutputStream(1 << 16);
                Writer w = new OutputStreamWriter(encoded, read.charset());
                de.siegmar.fastcsv.writer.CsvWriter out = CsvOutput.writer(w, read.delimiter());
                Records part = TableStream.forBlock(whole.part(out::writeRecord), input);
                block.read(part);
                try {
                    out.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return new Encoded(encoded.toByteArray(), part.written);
            }, e -> {
                try {
                    csv.writeEncoded(e.bytes, e.bytes.length);
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
                whole.written += e.records;
            }, output.progress(), workers, threads);
            written[0] = whole.written;
            if (written[0] != expected) {
                throw changed(input);
            }
            return csv.commit();
        }
    }

    /** A block's output records, formatted and encoded on a worker. */
    private record Encoded(byte[] bytes, long records) {
    }

    /**
     * Second pass: each row's combination looked up, the row suppressed or its output record made (quasi-identifiers
     * generalised by the per-value tables, other columns kept or transformed) and handed to {@link #record}.
     */
    private abstract static class Records extends TableStream.Rows implements ByteRows {
        private final Path input;
        private final Policy policy;
        private final Counter counter;
        private final boolean[] kept;
        private final int[] k; // a row's combination (a part reads one block on one thread)
        private final String[][] generalised;
        private final Key throwaway;
        /**
         * Per output column that is a quasi-identifier with no transform, each value number's generalised value as
         * formatted CSV bytes (else null); made with the header, shared read-only by the parts.
         */
        byte[][][] formatted;
        /** The delimiter of records formatted as bytes (UTF-8 output), else 0. */
        private final char bytesDelimiter;
        /** Where a part formats its records as bytes, or null (records go to {@link #record}). */
        private CsvBytes out;
        int[] outCols;
        int[] outQi; // for each output column, its quasi-identifier's index, or -1
        List<Policy.Method> methods;
        Transform[] transforms;
        long written;

        /** The counted columns' values by their UTF-8 bytes (made once, shared read-only by the blocks' parts). */
        private final ByteDictionary[] byBytes;

        Records(Path input, Policy policy, Counter counter, boolean[] kept, String[][] generalised, Key throwaway,
                char bytesDelimiter) {
            this(input, policy, counter, kept, generalised, throwaway, counter.byBytes(), bytesDelimiter);
        }

        private Records(Path input, Policy policy, Counter counter, boolean[] kept, String[][] generalised, Key throwaway,
                        ByteDictionary[] byBytes, char bytesDelimiter) {
            this.input = input;
            this.bytesDelimiter = bytesDelimiter;
            this.policy = policy;
            this.counter = counter;
            this.kept = kept;
            this.k = new int[counter.cols.length];
            this.generalised = generalised;
            this.throwaway = throwaway;
            this.byBytes = byBytes;
        }

        abstract void record(List<String> values);

        /** The same for a block, sending its records to {@code sink}; transforms of its own (they are not shared across threads). */
        Records part(java.util.function.Consumer<List<String>> sink) {
            Records p = new Records(input, policy, counter, kept, generalised, throwaway, byBytes, bytesDelimiter) {
                @Override
                void record(List<String> values) {
                    sink.accept(values);
                }
            };
            p.outCols = outCols;
            p.outQi = outQi;
            p.formatted = formatted;
            p.transforms = transforms(outCols, counter.header);
            return p;
        }

        /** The same for a block whose records are formatted into {@code out} (UTF-8 output). */
        Records part(CsvBytes out) {
            Records p = part(values -> {
                for (String v : values) {
                    out.field(v);
                }
                out.end();
            });
            p.out = out;
            return p;
        }

        private Transform[] transforms(int[] cols, List<String> header) {
            Transform[] ts = new Transform[cols.length];
            for (int i = 0; i < cols.length; i++) {
                ts[i] = policy.columns().get(header.get(cols[i])).method().transform(header.get(cols[i]), null, throwaway);
            }
            return ts;
        }

        @Override
        public void table(String sheet, List<String> header) {
            if (!header.equals(counter.header)) {
                throw changed(input);
            }
            List<Integer> out = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                Policy.Method m = policy.columns().get(header.get(c)).method();
                if (m != Policy.Method.DELETE) {
                    out.add(c);
                    if (m.keyed()) {
                        throw new IllegalArgumentException("column '" + header.get(c) + "': " + m.yamlName() + " is not for 匿名加工情報");
                    }
                }
            }
            outCols = out.stream().mapToInt(Integer::intValue).toArray();
            outQi = new int[outCols.length];
            for (int i = 0; i < outCols.length; i++) {
                outQi[i] = -1;
                for (int j = 0; j < generalised.length; j++) {
                    if (counter.cols[j] == outCols[i]) {
                        outQi[i] = j;
                    }
                }
            }
            transforms = transforms(outCols, header);
            formatted = new byte[outCols.length][][];
            for (int i = 0; i < outCols.length; i++) {
                if (outQi[i] >= 0 && transforms[i] == null && bytesDelimiter != 0) {
                    String[] values = generalised[outQi[i]];
                    formatted[i] = new byte[values.length][];
                    for (int v = 0; v < values.length; v++) {
                        formatted[i][v] = CsvBytes.format(bytesDelimiter, values[v], i == 0);
                    }
                }
            }
            record(out.stream().map(header::get).toList());
        }

        @Override
        public void row(long row, long line, List<String> cells) {
            if (!counter.lookUp(cells, k)) {
                throw changed(input);
            }
            if (kept(k)) {
                write(k, c -> c < cells.size() && cells.get(c) != null ? cells.get(c) : "");
            }
        }

        /** Whether the records of combination {@code k} are kept (a combination the first pass never met: the input changed). */
        private boolean kept(int[] k) {
            int i = counter.counts.find(k);
            if (i < 0) {
                throw changed(input);
            }
            return kept[i];
        }

        @Override
        public void row(long row, long line, byte[] b, int[] starts, int[] ends, int from, int count) {
            for (int j = 0; j < k.length; j++) {
                int c = counter.cols[j];
                k[j] = c < count ? byBytes[j].code(b, starts[from + c], ends[from + c]) : byBytes[j].code(b, 0, 0);
                if (k[j] < 0) {
                    throw changed(input);
                }
            }
            if (!kept(k)) {
                return;
            }
            if (out == null) {
                write(k, c -> c < count
                        ? new String(b, starts[from + c], ends[from + c] - starts[from + c], StandardCharsets.UTF_8) : "");
                return;
            }
            for (int i = 0; i < outCols.length; i++) { // bytes to bytes: no String unless a transform needs one
                int q = outQi[i];
                int c = outCols[i];
                if (transforms[i] != null) {
                    out.field(transforms[i].apply(q >= 0 ? generalised[q][k[q]] : c < count
                            ? new String(b, starts[from + c], ends[from + c] - starts[from + c], StandardCharsets.UTF_8) : ""));
                } else if (q >= 0) {
                    out.formatted(formatted[i][k[q]]);
                } else if (c < count) {
                    out.field(b, starts[from + c], ends[from + c]);
                } else {
                    out.field(b, 0, 0);
                }
            }
            out.end();
            written++;
        }

        /** The output record of a kept row: quasi-identifiers by the generalisation tables, other columns from {@code cell}. */
        private void write(int[] k, java.util.function.IntFunction<String> cell) {
            String[] o = new String[outCols.length];
            for (int i = 0; i < o.length; i++) {
                String v = outQi[i] >= 0 ? generalised[outQi[i]][k[outQi[i]]] : cell.apply(outCols[i]);
                o[i] = transforms[i] == null ? v : transforms[i].apply(v);
            }
            record(List.of(o));
            written++;
        }
    }

    private static Message.Problem changed(Path input) {
        return new Message.Problem(input + ": 1 回目と 2 回目の読み通しの間に入力が変わりました。何も書き出していません",
                input + ": the input changed between the two passes; nothing was written");
    }

    /**
     * First pass: the header, a dictionary of each counted column's values, the count of each combination, and the
     * checks of kept columns on every row.
     */
    private static final class Counter extends TableStream.Rows implements ByteRows {
        final List<String> counted;
        final Policy policy;
        List<String> header = List.of();
        int[] cols;
        ColumnChecks checks;
        final List<Map<String, Integer>> dictionaries = new ArrayList<>();
        final List<List<String>> values = new ArrayList<>();
        final Combos counts;
        private final int[] k; // a row's combination (a part reads one block on one thread)
        /** A part's block (its byte offset) and the CRC-32C of its bytes. */
        long block;
        int checksum;
        /**
         * The checksum of each block counted, by its byte offset: the second pass refuses a block whose bytes changed (a
         * value changed to another the first pass also saw would pass the look-ups, but not the counts).
         */
        private final Map<Long, Integer> checksums = new java.util.concurrent.ConcurrentHashMap<>();
        /** A block's part read undecoded: its dictionaries, by bytes (else null: {@link #dictionaries} by text). */
        private ByteDictionary[] bytes;
        long records;

        Counter(List<String> counted, Policy policy) {
            this.counted = counted;
            this.policy = policy;
            this.counts = new Combos(counted.size());
            this.k = new int[counted.size()];
            for (int j = 0; j < counted.size(); j++) {
                dictionaries.add(new HashMap<>());
                values.add(new ArrayList<>());
            }
        }

        @Override
        public void table(String sheet, List<String> h) {
            header = List.copyOf(h);
            Deidentifier.checkColumns(header, policy);
            cols = counted.stream().mapToInt(header::indexOf).toArray();
            checks = ColumnChecks.of(header, policy);
        }

        @Override
        public void row(long row, long line, List<String> cells) {
            records++;
            for (int j = 0; j < k.length; j++) {
                k[j] = code(j, value(cells, cols[j]));
            }
            counts.add(k, 1);
            for (int c = 0; c < cells.size(); c++) {
                checks.accept(c, cells.get(c));
            }
        }

        /** A counter of the same columns for one block of the input (its own dictionaries, counts and checks). */
        Counter part(boolean undecoded) {
            Counter p = new Counter(counted, policy);
            if (undecoded) {
                p.bytes = new ByteDictionary[cols.length];
                for (int j = 0; j < cols.length; j++) {
                    p.bytes[j] = new ByteDictionary();
                }
            }
            p.header = header;
            p.cols = cols;
            p.checks = checks.part();
            return p;
        }

        /**
         * Adds a block's counts, in input order: its values numbered here in the order they first appear in it, so the
         * numbers are those a single reader would give.
         */
        void add(Counter part) {
            records += part.records;
            int[][] to = new int[cols.length][];
            for (int j = 0; j < cols.length; j++) {
                List<String> vs = part.bytes != null ? part.bytes[j].values() : part.values.get(j);
                to[j] = new int[vs.size()];
                for (int v = 0; v < vs.size(); v++) {
                    to[j][v] = code(j, vs.get(v));
                }
            }
            counts.addAll(part.counts, to);
            checks.add(part.checks.counts());
            checksums.put(part.block, part.checksum);
        }

        /** @throws Message.Problem when the first pass read other bytes at {@code block}: the input changed */
        void sameAsCounted(Block block, Path input) {
            Integer c = checksums.get(block.byteOffset());
            if (c == null || c != block.checksum()) {
                throw changed(input);
            }
        }

        private int code(int j, String v) {
            Map<String, Integer> d = dictionaries.get(j);
            Integer code = d.get(v);
            if (code == null) {
                code = d.size();
                d.put(v, code);
                values.get(j).add(v);
            }
            return code;
        }

        @Override
        public void row(long row, long line, byte[] b, int[] starts, int[] ends, int from, int count) {
            records++;
            for (int j = 0; j < k.length; j++) {
                int c = cols[j];
                k[j] = c < count ? bytes[j].codeOrAdd(b, starts[from + c], ends[from + c]) : bytes[j].codeOrAdd(b, 0, 0);
            }
            counts.add(k, 1);
            for (int c = 0; c < count; c++) {
                if (checks.checked(c)) { // a string only for the cells a rule looks at
                    checks.accept(c, new String(b, starts[from + c], ends[from + c] - starts[from + c], StandardCharsets.UTF_8));
                }
            }
        }

        /** The counted columns' values by their UTF-8 bytes, numbered as here (for the second pass). */
        ByteDictionary[] byBytes() {
            ByteDictionary[] d = new ByteDictionary[cols.length];
            for (int j = 0; j < d.length; j++) {
                d[j] = ByteDictionary.of(values.get(j));
            }
            return d;
        }

        /** Puts the combination of a row of the second pass in {@code k}; false when a value was not there in the first. */
        boolean lookUp(List<String> cells, int[] k) {
            for (int j = 0; j < k.length; j++) {
                Integer code = dictionaries.get(j).get(value(cells, cols[j]));
                if (code == null) {
                    return false;
                }
                k[j] = code;
            }
            return true;
        }

        /** The values of combination {@code i}. */
        String[] values(int i) {
            String[] out = new String[cols.length];
            for (int j = 0; j < out.length; j++) {
                out[j] = values.get(j).get(counts.code(i, j));
            }
            return out;
        }

        private static String value(List<String> cells, int col) {
            String v = col < cells.size() ? cells.get(col) : null;
            return v == null ? "" : v;
        }

        void finish() {
            if (checks == null) {
                throw new IllegalArgumentException("no header row; a policy names the columns of a table");
            }
            checks.finish(records);
        }
    }
}
