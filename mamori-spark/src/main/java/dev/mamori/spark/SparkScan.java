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
import dev.mamori.report.Message;
import dev.mamori.table.Database;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
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

    /**
     * What a scan found: the table's report (columns classified), the records that could not be read, and how many times
     * a recognizer failed (a bug: the findings of those cells are missing); for a database's table, the columns holding
     * values longer than {@link dev.mamori.table.Database#MAX_CELL} characters, read only that far as mamori scan reads them,
     * and whether it changed while it was read (its rows then numbered as the scan read them, not as a reading of one moment).
     */
    record Result(TableReport table, long findings, long unreadable, long recognizerFailures, List<String> cut, boolean changed) {
    }

    /** One detector per executor JVM and settings: building one loads the lexicons. */
    private static final ConcurrentHashMap<String, Detector> DETECTORS = new ConcurrentHashMap<>();

    private SparkScan() {
    }

    /**
     * The number of each split's first row in its file ({@link #split} names a split): 1 plus the records of the file's
     * splits before it. A CSV's records are counted as its lines that hold more than white space (Spark's CSV reader
     * reads a line a record and skips blank ones), less the header in a file's first split, by Spark's text source,
     * which cuts files into the same splits and lines without parsing a field; other tables (and a CSV in UTF-16 or
     * UTF-32, whose line breaks are not single bytes) by a count of the table's rows.
     */
    private static HashMap<String, Long> firstRows(SparkSession spark, Tables.Table t, Dataset<Row> rows) {
        Tables.Input in = t.input();
        if (in.multiLine()) {
            return null; // each file is read whole, as one split: its rows are numbered from 1 as they come
        }
        boolean lines = t.csv() && !in.charset().name().startsWith("UTF-16") && !in.charset().name().startsWith("UTF-32");
        Dataset<Row> counts;
        if (lines) {
            StringBuilder blank = new StringBuilder();
            for (char c = 0; c <= ' '; c++) {
                blank.append(c); // what Scala's String.trim takes off, as Spark's CSV reader does before it skips a line
            }
            counts = Tables.lines(spark, in).where(functions.length(functions.trim(functions.col("value"), blank.toString())).gt(0))
                    .groupBy(functions.col("_metadata.file_path"), functions.col("_metadata.file_block_start")).count();
        } else if (t.csv() || !Arrays.asList(rows.columns()).contains(Tables.CORRUPT) || t.header().isEmpty()) {
            counts = rows.groupBy(Tables.FILE, Tables.BLOCK).count();
        } else { // a JSON line that is no object is no record to mamori scan, and takes no number; a data column is read
            // beside the corrupt-record one, as Spark refuses a query of that column alone
            counts = rows.groupBy(Tables.FILE, Tables.BLOCK).agg(functions.count(functions.when(functions.col(Tables.CORRUPT).isNull(), 1)),
                    functions.max(functions.hash(t.col(t.header().get(0)))));
        }
        java.util.TreeMap<String, java.util.TreeMap<Long, Long>> byFile = new java.util.TreeMap<>();
        for (Row r : counts.collectAsList()) {
            long n = r.getLong(2) - (lines && in.headerRow() && r.getLong(1) == 0 ? 1 : 0);
            byFile.computeIfAbsent(r.getString(0), f -> new java.util.TreeMap<>()).put(r.getLong(1), Math.max(0, n));
        }
        HashMap<String, Long> first = new HashMap<>();
        byFile.forEach((file, splits) -> {
            long next = 1;
            for (var e : splits.entrySet()) {
                first.put(split(file, e.getKey()), next);
                next += e.getValue();
            }
        });
        return first;
    }

    /**
     * The rows of each of a database table's partitions, counted by a first pass that reads the key alone: Spark's JDBC
     * source reads a partition a range of the key, the ranges in the key's order, so the rows before a partition are
     * those of the partitions before it ({@link #starts}).
     */
    private static long[] keyCounts(Dataset<Row> rows, String key) {
        int parts = rows.rdd().getNumPartitions();
        List<long[]> counts = rows.select(key).javaRDD().mapPartitionsWithIndex((i, it) -> {
            long n = 0;
            for (; it.hasNext(); it.next()) {
                n++;
            }
            return List.of(new long[] {i, n}).iterator();
        }, true).collect();
        long[] perPart = new long[parts];
        counts.forEach(c -> perPart[(int) c[0]] = c[1]);
        return perPart;
    }

    /** Each partition's first row number, from the rows of each. */
    private static long[] starts(long[] perPart) {
        long[] starts = new long[perPart.length];
        long next = 1;
        for (int i = 0; i < perPart.length; i++) {
            starts[i] = next;
            next += perPart[i];
        }
        return starts;
    }

    /**
     * A finding's line and row fields as FindingJson writes them: a quote inside a string is escaped, so {@code ,"row":}
     * can only start a field.
     */
    private static final java.util.regex.Pattern NUMBERS = java.util.regex.Pattern.compile("(?<=[,{]\"(?:line|row)\":)\\d+");

    /** A finding's line with its line and row moved by {@code shift}, every other character kept. */
    private static String shifted(String line, long shift) {
        return NUMBERS.matcher(line).replaceAll(m -> String.valueOf(Long.parseLong(m.group()) + shift));
    }

    /** A part file Spark wrote for a partition: part-00003-…: the partition's number. */
    private static final java.util.regex.Pattern PART = java.util.regex.Pattern.compile("part-(\\d{5,})-.*");

    /**
     * When a database's table changed between the counting pass and the scan (rows written meanwhile), renumbers the
     * findings of each partition from what the scan itself read, so that rows keep unique, consecutive numbers: each
     * partition's findings move by the rows the partitions before it gained or lost.
     *
     * @return whether the table changed
     */
    static boolean renumber(SparkSession spark, Path dir, long[] counted, long[] read) throws java.io.IOException {
        if (Arrays.equals(counted, read)) {
            return false;
        }
        long[] before = starts(counted);
        long[] now = starts(read);
        org.apache.hadoop.fs.FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
        for (org.apache.hadoop.fs.FileStatus st : fs.listStatus(dir)) {
            java.util.regex.Matcher m = PART.matcher(st.getPath().getName());
            if (!m.matches()) {
                continue; // _SUCCESS, the header's findings
            }
            int part = Integer.parseInt(m.group(1));
            if (part >= now.length) {
                throw new IllegalStateException(st.getPath().getName() + ": no partition " + part + " of " + now.length);
            }
            long shift = now[part] - before[part];
            if (shift == 0) {
                continue;
            }
            Path moved = new Path(dir, "." + st.getPath().getName() + ".renumbered");
            try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(fs.open(st.getPath()), java.nio.charset.StandardCharsets.UTF_8));
                 var out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(fs.create(moved, true), java.nio.charset.StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    out.write(shifted(line, shift));
                    out.write('\n');
                }
            }
            fs.delete(st.getPath(), false);
            if (!fs.rename(moved, st.getPath())) {
                throw new java.io.IOException("could not rename " + moved + " to " + st.getPath());
            }
        }
        return true;
    }

    /** The first row number of the task's partition ({@link #starts}). */
    private static long keyStart(long[] starts) {
        int part = org.apache.spark.TaskContext.getPartitionId();
        if (part >= starts.length) { // the partitions differ from the counting pass's: the numbers would be wrong
            throw new IllegalStateException("partition " + part + " of " + starts.length);
        }
        return starts[part];
    }

    private static String split(String file, long start) {
        return start + "@" + file;
    }

    /** The slot of a column's counts that holds its cells cut (after one per type). */
    private static final int CUT = PiiType.values().length;

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
        long driverBefore = Detector.threadFailures();
        HeaderCells head = HeaderCells.of(t.header(), detector(types, minConfidence));
        long driverFailures = Detector.threadFailures() - driverBefore;
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
        int corrupt = Arrays.asList(t.rows().columns()).indexOf(Tables.CORRUPT);
        boolean located = Tables.located(t.rows());
        Dataset<Row> rows = located ? t.rows() : t.rows().withColumn(Tables.FILE, t.input().kind() == Tables.Kind.JDBC
                ? functions.lit(t.input().path()) : functions.input_file_name());
        List<String> names = Arrays.asList(rows.columns());
        int fileCol = names.indexOf(Tables.FILE);
        int blockCol = names.indexOf(Tables.BLOCK);
        // each split's first row's number in its file: the rows before it, counted by a first pass over the splits
        HashMap<String, Long> counted = located ? firstRows(spark, t, rows) : null;
        Broadcast<HashMap<String, Long>> firstRows = counted == null ? null
                : JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(counted);
        boolean wholeFiles = located && counted == null; // a file a split: rows numbered from 1 in each
        // a database's table with an integer key: its rows numbered by the key, as mamori scan reads them (ORDER BY the key)
        long[] keyCounts = t.key() == null ? null : keyCounts(rows, t.key());
        long[] keyStarts = keyCounts == null ? null : starts(keyCounts);
        Dataset<Row> source = keyStarts == null ? rows : rows.sortWithinPartitions(t.key());
        CountsAccumulator perPart = new CountsAccumulator(); // [partition][0]: the rows the scan read in each
        spark.sparkContext().register(perPart, "mamori rows per key range");
        int parts = keyStarts == null ? 0 : keyStarts.length;
        boolean numberCorrupt = t.csv(); // a CSV record Spark cannot split is still a record to mamori scan
        String sheet = t.sheet();
        LongAccumulator records = spark.sparkContext().longAccumulator("mamori records");
        LongAccumulator unreadable = spark.sparkContext().longAccumulator("mamori unreadable records");
        LongAccumulator found = spark.sparkContext().longAccumulator("mamori findings");
        LongAccumulator failed = spark.sparkContext().longAccumulator("mamori recognizer failures");
        boolean database = t.input().kind() == Tables.Kind.JDBC;
        CountsAccumulator counts = new CountsAccumulator(); // [column][type ordinal], cells cut, non-blank cells last
        spark.sparkContext().register(counts, "mamori column counts");
        int slots = PiiType.values().length + 2; // the types, the cells cut, then the non-blank cells
        MapPartitionsFunction<Row, String> f = it -> {
            Detector d = detector(types, minConfidence);
            CellMemo memo = new CellMemo(d); // a partition's repeated cells, as mamori scan looks them up
            List<ScanContext> contexts = d.contextsFor(raw);
            long[][] c = new long[columns][slots];
            long[] n = new long[3];
            HashMap<String, Long> first = firstRows == null ? null : firstRows.value();
            long keyed = keyStarts == null ? 0 : keyStart(keyStarts);
            long failedBefore = Detector.threadFailures(); // the detector serves every task of this JVM: this thread's count
            return new Iterator<>() {
                private final ArrayList<String> pending = new ArrayList<>();
                private int next;
                private boolean ended;
                /** The split being read (a partition reads its splits one after the other) and the next row's number. */
                private String splitFile;
                private long splitStart = -1;
                private long row = keyed;
                /** The row's file as Spark gives it (URL-encoded), and as findings show it. */
                private String file;
                private String shown;

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
                        failed.add(Detector.threadFailures() - failedBefore);
                        if (keyed > 0) {
                            long[][] mine = new long[parts][1];
                            mine[org.apache.spark.TaskContext.getPartitionId()][0] = row - keyed;
                            perPart.add(mine);
                        }
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

                /** A file's path as mamori scan of documents shows it ({@code file:/tmp/名簿 a.csv}, not {@code %20}). */
                private String shown(String raw) {
                    if (!raw.equals(file)) {
                        file = raw;
                        try {
                            shown = database ? raw : new Path(new java.net.URI(raw)).toString();
                        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                            shown = raw;
                        }
                    }
                    return shown;
                }

                private void scanRow(Row r) throws RuntimeException {
                    boolean bad = corrupt >= 0 && !r.isNullAt(corrupt);
                    long number = 0; // the row's number in its file, as one machine numbers it (1 the first after the header)
                    if (first != null || wholeFiles) {
                        String path = r.getString(fileCol);
                        long start = r.getLong(blockCol);
                        if (start != splitStart || !path.equals(splitFile)) { // a split's rows come together: a look-up a split
                            splitFile = path;
                            splitStart = start;
                            Long base = wholeFiles ? Long.valueOf(1) : first.get(split(path, start));
                            if (base == null) { // the splits differ from the first pass's: the input changed under the scan
                                throw new Message.Problem(r.getString(fileCol) + ": 1 回目と 2 回目の読み通しの間に変わりました",
                                        r.getString(fileCol) + ": changed between the two passes");
                            }
                            row = base;
                        }
                        if (!bad || numberCorrupt) {
                            number = row++;
                        }
                    } else if (keyed > 0) {
                        number = row++;
                    }
                    if (bad) {
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
                        if (database && cell.length() > Database.MAX_CELL) { // as mamori scan reads it
                            cell = cell.substring(0, Database.MAX_CELL);
                            c[i][CUT]++;
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
                            // the row's line in a file is not known in a partition (quoted line breaks, blank lines); a
                            // database's row is its line, as mamori scan gives it
                            Location where = new Location(shown(r.getString(fileCol)), database ? number : 0, number, sheet, header.get(i), i,
                                    null);
                            pending.add(FindingJson.line(new LocatedFinding(where, fi), showValues));
                        }
                    }
                }
            };
        };
        source.mapPartitions(f, Encoders.STRING()).write().text(findingsDir.toString());
        boolean changed = false;
        if (keyCounts != null) {
            long[][] v = perPart.value();
            long[] read = new long[parts];
            for (int i = 0; i < parts && i < v.length; i++) {
                read[i] = v[i] == null || v[i].length == 0 ? 0 : v[i][0];
            }
            changed = renumber(spark, findingsDir, keyCounts, read);
        }
        if (!headerFindings.isEmpty()) {
            Outputs.writeText(spark, findingsDir, "part-header.txt", String.join("\n", headerFindings) + "\n");
        }
        if (firstRows != null) {
            firstRows.destroy();
        }
        long[][] sums = counts.value();
        List<ColumnReport> cols = new ArrayList<>();
        List<String> cut = new ArrayList<>();
        EnumSet<PiiType> all = EnumSet.noneOf(PiiType.class);
        for (int i = 0; i < columns; i++) {
            long[] s = i < sums.length && sums[i].length == slots ? sums[i] : new long[slots];
            ColumnReport cr = ColumnReport.of(i, header.get(i), s[slots - 1], Arrays.copyOf(s, CUT));
            if (s[CUT] > 0) {
                cut.add(header.get(i));
            }
            cols.add(cr);
            all.addAll(cr.hits().keySet());
        }
        return new Result(new TableReport(null, records.value(), cols, Classification.of(all)), found.value() + headerFindings.size(),
                unreadable.value(), failed.value() + driverFailures, List.copyOf(cut), changed);
    }
}
