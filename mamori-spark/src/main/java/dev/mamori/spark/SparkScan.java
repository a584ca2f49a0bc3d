package dev.mamori.spark;

import dev.mamori.detect.CellMemo;
import dev.mamori.detect.Classification;
import dev.mamori.detect.ColumnReport;
import dev.mamori.detect.Detector;
import dev.mamori.detect.Finding;
import dev.mamori.detect.HeaderCells;
import dev.mamori.detect.LocatedFinding;
import dev.mamori.detect.Location;
import dev.mamori.detect.PiiType;
import dev.mamori.detect.ScanContext;
import dev.mamori.detect.TableReport;
import dev.mamori.report.FindingJson;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.util.LongAccumulator;

/**
 * {@code mamori scan} over Spark partitions: every cell goes through the core's {@link Detector} with its column's
 * context (as one machine scans a table), the findings are written as JSON Lines (masked unless asked), and the
 * per-column counts — cells, and cells holding each type — are added across partitions into the same
 * {@link TableReport} the single-machine scan gives.
 */
final class SparkScan {

    /** What a scan found: the table's report (columns classified), and the records that could not be read. */
    record Result(TableReport table, long findings, long unreadable) {
    }

    private static final String FILE = "_mamori_file";
    /** One detector per executor JVM and settings: building one loads the lexicons. */
    private static final ConcurrentHashMap<String, Detector> DETECTORS = new ConcurrentHashMap<>();

    private SparkScan() {
    }

    static Detector detector(Set<PiiType> types, double minConfidence) {
        return DETECTORS.computeIfAbsent(types + "@" + minConfidence, k -> Detector.of(types, minConfidence));
    }

    /**
     * @param types      the types to look for (all of them: {@link PiiType} values)
     * @param showValues write each value in full beside its masked form
     * @param findingsDir where the findings go (the staging directory)
     */
    static Result scan(SparkSession spark, Tables.Table t, Set<PiiType> types, double minConfidence, boolean showValues, Path findingsDir)
            throws java.io.IOException {
        // the header's own findings, on the driver, and the columns' names as shown (masked where they hold personal data)
        HeaderCells head = HeaderCells.of(t.header(), detector(types, minConfidence));
        List<String> header = head.shown();
        List<String> headerFindings = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            for (Finding fi : head.found().get(i)) {
                headerFindings.add(FindingJson.line(new LocatedFinding(new Location(t.input().path(), 0, 0, t.sheet(), header.get(i), i, null), fi),
                        showValues));
            }
        }
        List<String> raw = t.header();
        int columns = header.size();
        int corrupt = java.util.Arrays.asList(t.rows().columns()).indexOf(Tables.CORRUPT);
        Dataset<Row> rows = t.rows().withColumn(FILE, t.input().kind() == Tables.Kind.JDBC ? functions.lit(t.input().path())
                : functions.input_file_name());
        String sheet = t.sheet();
        int fileCol = rows.columns().length - 1;
        LongAccumulator records = spark.sparkContext().longAccumulator("mamori records");
        LongAccumulator unreadable = spark.sparkContext().longAccumulator("mamori unreadable records");
        LongAccumulator found = spark.sparkContext().longAccumulator("mamori findings");
        CountsAccumulator counts = new CountsAccumulator(); // [column][type ordinal], then non-blank cells in the last slot
        spark.sparkContext().register(counts, "mamori column counts");
        int slots = PiiType.values().length + 1;
        MapPartitionsFunction<Row, String> f = it -> {
            Detector d = detector(types, minConfidence);
            CellMemo memo = new CellMemo(d); // a partition's repeated cells, as mamori scan looks them up
            List<ScanContext> contexts = d.contextsFor(raw);
            long[][] c = new long[columns][slots];
            long[] n = new long[3];
            return new Iterator<>() {
                private final ArrayList<String> pending = new ArrayList<>();
                private int next;
                private boolean ended;

                @Override
                public boolean hasNext() {
                    while (next == pending.size() && it.hasNext()) {
                        pending.clear();
                        next = 0;
                        scanRow(it.next());
                    }
                    if (next == pending.size() && !ended) {
                        ended = true;
                        records.add(n[0]);
                        unreadable.add(n[1]);
                        found.add(n[2]);
                        counts.add(c);
                    }
                    return next < pending.size();
                }

                @Override
                public String next() {
                    if (!hasNext()) {
                        throw new java.util.NoSuchElementException();
                    }
                    return pending.get(next++);
                }

                private void scanRow(Row r) throws RuntimeException {
                    if (corrupt >= 0 && !r.isNullAt(corrupt)) {
                        n[1]++;
                        return;
                    }
                    n[0]++;
                    for (int i = 0; i < columns; i++) {
                        Object v = r.get(i);
                        String cell = v == null ? "" : v.toString();
                        if (cell.isBlank()) {
                            continue;
                        }
                        c[i][slots - 1]++;
                        long seen = 0;
                        for (Finding fi : memo.detect(cell, contexts.get(i), i)) {
                            int type = fi.type().ordinal();
                            if ((seen & 1L << type) == 0) {
                                seen |= 1L << type;
                                c[i][type]++;
                            }
                            n[2]++;
                            // the row's number in the file is not known in a partition: the line has none
                            Location where = new Location(r.getString(fileCol), 0, 0, sheet, header.get(i), i, null);
                            pending.add(FindingJson.line(new LocatedFinding(where, fi), showValues));
                        }
                    }
                }
            };
        };
        rows.mapPartitions(f, Encoders.STRING()).write().text(findingsDir.toString());
        if (!headerFindings.isEmpty()) {
            Outputs.writeText(spark, findingsDir, "part-header.txt", String.join("\n", headerFindings) + "\n");
        }
        long[][] sums = counts.value();
        List<ColumnReport> cols = new ArrayList<>();
        EnumSet<PiiType> all = EnumSet.noneOf(PiiType.class);
        for (int i = 0; i < columns; i++) {
            long[] s = i < sums.length && sums[i].length == slots ? sums[i] : new long[slots];
            ColumnReport cr = ColumnReport.of(i, header.get(i), s[slots - 1], java.util.Arrays.copyOf(s, slots - 1));
            cols.add(cr);
            all.addAll(cr.hits().keySet());
        }
        return new Result(new TableReport(null, records.value(), cols, Classification.of(all)), found.value() + headerFindings.size(),
                unreadable.value());
    }
}
