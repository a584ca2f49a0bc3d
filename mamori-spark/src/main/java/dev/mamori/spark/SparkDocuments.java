package dev.mamori.spark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.detect.Classification;
import dev.mamori.detect.FileReport;
import dev.mamori.detect.PiiType;
import dev.mamori.detect.ScanListener;
import dev.mamori.detect.Scanner;
import dev.mamori.report.Message;
import dev.mamori.table.Archives;
import dev.mamori.table.DocumentReader;
import dev.mamori.table.PathFilter;
import dev.mamori.table.ReadException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import scala.Tuple2;

/**
 * {@code mamori scan} of documents on Spark — plain text and spreadsheets (XLSX), which Spark cannot split into
 * records: one task per file, each file read and scanned by the core's {@link Scanner} on an executor exactly as one
 * machine scans it (the same context across lines, the same tables inside text, sheets and their rows), so the
 * findings carry their line, row, column and sheet. Many files are scanned in parallel; one file is scanned by one
 * core. A task writes its findings to a local temporary file as it finds them, so a large file does not have to fit
 * in an executor's memory.
 */
final class SparkDocuments {

    /** The extensions taken as documents by {@code --input-format auto}. */
    static final Set<String> EXTENSIONS = Set.of("txt", "text", "log", "md", "xlsx", "xlsm", "docx", "docm", "pptx", "pptm", "pdf",
            "eml", "html", "htm", "xhtml", "xls", "doc", "ppt", "pps", "msg", "ods", "ots", "fods", "odt", "ott", "fodt", "odp", "otp", "fodp", "rtf", "zip", "7z", "tar", "gz", "tgz");

    /** What one file gave: its report, or why it could not be read. Small: collected to the driver. */
    record FileResult(String file, String classification, Map<String, Long> counts, long problems, long unread,
                      String errorJa, String errorEn) implements Serializable {
        String error(boolean ja) {
            return ja ? errorJa : errorEn;
        }
    }

    /**
     * All files: their results in path order, the number of findings, how many times a recognizer failed (a bug), and
     * whether the input was a file named (not a directory), which must be read, as on the command line of mamori scan.
     */
    record Result(List<FileResult> files, long findings, long recognizerFailures, boolean named) {
        /** Something was not read: a file, or part of one. */
        boolean unreadable() {
            return files.stream().anyMatch(f -> f.errorEn != null || f.unread > 0);
        }

        /** A file could not be read at all (not one skipped as no document: binary, an image). */
        boolean notRead() {
            return files.stream().anyMatch(f -> f.errorEn != null && f.unread == 0);
        }

        /** The file named (not one in a folder or in an archive) could not be read at all: bad input. */
        boolean namedNotRead() {
            return named && files.stream().anyMatch(f -> f.errorEn != null && f.unread == 0 && !f.file.contains("!/"));
        }
    }

    /**
     * What to scan for, and how, as {@code mamori scan} takes it: sent to the executors.
     *
     * @param headerRow a table's first row is its header (unless it looks like data), as without {@code --no-header}
     * @param includes  --include: in a directory and in archives, only files matching these globs (none: all)
     * @param excludes  --exclude: never files matching these, nor the folders they name
     */
    record Request(Set<PiiType> types, double minConfidence, boolean showValues, boolean headerRow, List<String> includes,
                   List<String> excludes) implements Serializable {
        Request {
            includes = List.copyOf(includes);
            excludes = List.copyOf(excludes);
        }

        /** Every type, the default confidence, values masked, header rows, every file. */
        static Request all() {
            return new Request(java.util.EnumSet.allOf(PiiType.class), dev.mamori.detect.Detector.DEFAULT_MIN_CONFIDENCE, false,
                    true, List.of(), List.of());
        }

        /** The globs, compiled once in each JVM where this runs (a {@link PathFilter} is not sent: its matchers do not serialise). */
        PathFilter filter() {
            return FILTERS.computeIfAbsent(List.of(includes, excludes), k -> PathFilter.of(k.get(0), k.get(1)));
        }
    }

    /** The globs compiled in this JVM: a run's one or two choices, small. */
    private static final ConcurrentHashMap<List<List<String>>, PathFilter> FILTERS = new ConcurrentHashMap<>();

    private SparkDocuments() {
    }

    /**
     * True when the input is to be read as documents: asked for, or the first data file {@code filter} chooses (an
     * archive's name is enough: the files inside may be chosen) has a document's or an archive's extension.
     */
    static boolean applies(SparkSession spark, String path, String inputFormat, PathFilter filter) throws IOException {
        if (inputFormat != null && !inputFormat.equals("auto")) {
            return inputFormat.equals("documents") || inputFormat.equals("text") || inputFormat.equals("xlsx");
        }
        Path p = new Path(path);
        org.apache.hadoop.fs.FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.exists(p)) {
            return false; // reading says what is wrong
        }
        List<Path> files = Tables.dataFiles(fs, p);
        if (files.isEmpty()) {
            return fs.getFileStatus(p).isDirectory(); // an empty folder: no file, as mamori scan says it
        }
        if (fs.getFileStatus(p).isDirectory()) {
            String top = fs.makeQualified(p).toUri().getPath();
            files = files.stream().filter(f -> filter.walked(Tables.relative(top, f))).toList();
            if (files.isEmpty()) {
                return true; // the globs chose nothing: no file, as mamori scan says it
            }
        }
        String n = files.get(0).getName().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(n.substring(dot + 1));
    }

    static Result scan(SparkSession spark, String path, Request request, Path findingsDir) throws IOException {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        // the files in subdirectories too, as the table path and mamori scan take them (names starting with _ or . are not data)
        jsc.hadoopConfiguration().setBoolean("mapreduce.input.fileinputformat.input.dir.recursive", true);
        Path root = new Path(path);
        org.apache.hadoop.fs.FileSystem fs = root.getFileSystem(jsc.hadoopConfiguration());
        // in a directory, files are chosen by their path below it; a file named is read whatever the globs say
        String top = fs.getFileStatus(root).isDirectory() ? fs.makeQualified(root).toUri().getPath() : null;
        JavaPairRDD<String, PortableDataStream> files = jsc.binaryFiles(Tables.literal(path));
        if (top != null && !(request.includes().isEmpty() && request.excludes().isEmpty())) {
            files = files.filter(f -> request.filter().walked(Tables.relative(top, new Path(f._1()))));
        }
        CollectionAccumulator<FileResult> results = spark.sparkContext().collectionAccumulator("mamori files");
        org.apache.spark.util.LongAccumulator found = spark.sparkContext().longAccumulator("mamori findings");
        org.apache.spark.util.LongAccumulator failed = spark.sparkContext().longAccumulator("mamori recognizer failures");
        files.flatMap(file -> lines(file, top, request, results, found, failed)).saveAsTextFile(findingsDir.toString());
        TreeMap<String, FileResult> byFile = new TreeMap<>();
        for (FileResult r : results.value()) {
            byFile.put(r.file(), r); // a task run twice reports its file twice, with the same result
        }
        return new Result(List.copyOf(byFile.values()), found.value(), failed.value(), top == null);
    }

    /**
     * Runs on an executor: the file's findings as JSON Lines, read back from the temporary file they were written to.
     *
     * @param top the directory's URI path, which --include and --exclude see paths below; null when the file was named
     */
    private static Iterator<String> lines(Tuple2<String, PortableDataStream> file, String top, Request request,
                                          CollectionAccumulator<FileResult> results, org.apache.spark.util.LongAccumulator found,
                                          org.apache.spark.util.LongAccumulator failed) throws IOException {
        String name = file._1();
        Path hadoop = new Path(name);
        java.nio.file.Path relative = top == null ? java.nio.file.Path.of(hadoop.getName()) : Tables.relative(top, hadoop);
        PathFilter filter = request.filter();
        // a file the globs did not choose is here for its name, an archive's: the files inside may be chosen
        boolean chosen = top == null || filter.included(relative);
        java.nio.file.Path tmp = Files.createTempFile("mamori-findings", ".jsonl");
        long[] n = new long[1];
        boolean showValues = request.showValues();
        Scanner.Options options = new Scanner.Options(request.types(), request.minConfidence(), 1,
                new DocumentReader.Options(null, null, false, request.headerRow()).withTitleLines(true));
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
             Scanner scanner = new Scanner(options);
             InputStream in = new java.io.BufferedInputStream(file._2().open(), 1 << 16)) {
            ScanListener sink = lf -> {
                try {
                    w.write(dev.mamori.report.FindingJson.line(lf, showValues));
                    w.write('\n');
                    n[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
            if (chosen || mayBeArchive(in)) {
                // a private copy under the file's own name, read as mamori scan reads a file in a folder: sniffed first (a
                // binary file is skipped, an archive's files read one by one: archive!/path), then scanned
                java.nio.file.Path dir = Files.createTempDirectory("mamori-doc");
                java.nio.file.Path local = dir.resolve(localName(hadoop.getName()));
                try {
                    Files.copy(in, local);
                    DocumentReader.Sniff sniff = DocumentReader.sniff(local);
                    if (sniff.format() == null && Archives.kind(local, name) != null) {
                        // a named archive's files are chosen by the globs too (as if it were a folder), as mamori scan chooses them
                        archive(local, name, scanner, sink, results, filter.entries(relative, name, filter.included(relative)));
                    } else if (chosen) { // a file named is read whatever it looks like, as mamori scan reads it
                        scanOne(local, name, scanner, sink, results, top == null ? null : sniff.skipReason());
                    }
                } finally {
                    Files.deleteIfExists(local);
                    Files.deleteIfExists(dir);
                }
            }
            failed.add(scanner.detector().failures()); // the task's own scanner
        }
        found.add(n[0]);
        BufferedReader r = Files.newBufferedReader(tmp, StandardCharsets.UTF_8);
        return new Iterator<>() {
            private String next = advance();

            private String advance() {
                try {
                    String l = r.readLine();
                    if (l == null) {
                        r.close();
                        Files.deleteIfExists(tmp);
                    }
                    return l;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public String next() {
                if (next == null) {
                    throw new java.util.NoSuchElementException();
                }
                String l = next;
                next = advance();
                return l;
            }
        };
    }

    /**
     * One file's result: scanned, skipped as no document (binary, an image) as {@code mamori scan} skips it, or why it
     * could not be read.
     */
    private static void scanOne(java.nio.file.Path local, String name, Scanner scanner, ScanListener sink,
                                CollectionAccumulator<FileResult> results, Message skip) {
        if (skip != null) {
            results.add(new FileResult(name, Classification.NONE.name(), Map.of(), 0, 1, skip.ja(), skip.en()));
            return;
        }
        try {
            FileReport report = scanner.scan(local, name, sink);
            Map<String, Long> counts = new TreeMap<>();
            report.counts().forEach((t, c) -> counts.put(t.name(), c));
            results.add(new FileResult(name, report.headline().name(), counts, report.problems(), report.unread(), null, null));
        } catch (ReadException e) {
            Message m = Message.of(e);
            results.add(new FileResult(name, Classification.NONE.name(), Map.of(), 0, 0, m.ja(), m.en()));
        }
    }

    /** The local copy's name: the file's own (its extension tells its format), or a stand-in where this file system cannot hold it. */
    private static String localName(String name) {
        try {
            java.nio.file.Path p = java.nio.file.Path.of(name);
            if (p.getNameCount() == 1 && !name.equals("..") && !name.equals(".") && name.getBytes(StandardCharsets.UTF_8).length <= 255) {
                return name;
            }
        } catch (java.nio.file.InvalidPathException e) {
            // below
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= 8 ? name.substring(dot).replaceAll("[^.A-Za-z0-9]", "") : "";
        return "document" + ext;
    }

    /** Whether the stream starts as a ZIP, gzip, 7z or tar does (its head read and put back). */
    private static boolean mayBeArchive(InputStream in) throws IOException {
        in.mark(Archives.HEAD);
        byte[] head = in.readNBytes(Archives.HEAD);
        in.reset();
        return Archives.byMagic(head) != null;
    }

    /** The files inside an archive, as {@code mamori scan} reads them; an entry not read listed with why. */
    private static void archive(java.nio.file.Path local, String name, Scanner scanner, ScanListener sink,
                                CollectionAccumulator<FileResult> results, java.util.function.Predicate<String> chosen) {
        try {
            Archives.read(local, name, new Archives.Visitor() {
                @Override
                public void file(java.nio.file.Path copy, String inner) throws IOException {
                    if (chosen.test(inner)) {
                        scanOne(copy, inner, scanner, sink, results, DocumentReader.sniff(copy).skipReason());
                    }
                }

                @Override
                public void skipped(String inner, Message why) {
                    if (inner.equals(name) || chosen.test(inner)) { // a locked 7z is skipped whole, under its own name
                        results.add(new FileResult(inner, Classification.NONE.name(), Map.of(), 0, 1, why.ja(), why.en()));
                    }
                }
            });
        } catch (ReadException e) {
            Message m = Message.of(e);
            results.add(new FileResult(name, Classification.NONE.name(), Map.of(), 0, 0, m.ja(), m.en()));
        }
    }

    /** The lines {@code mamori spark scan} prints for documents. */
    static String summary(String input, Result r, String output, boolean ja) {
        StringBuilder b = new StringBuilder();
        b.append(input).append(": ").append(String.format(ja ? "%,d ファイル、%,d 件の検出%n" : "%,d files, %,d findings%n",
                r.files().size(), r.findings()));
        int shown = 0;
        for (FileResult f : r.files()) {
            if (shown++ == 20) {
                b.append("  …\n");
                break;
            }
            b.append("  ").append(f.file()).append(": ");
            if (f.errorEn() != null) {
                b.append(ja ? "読めません — " : "not read — ").append(f.error(ja)).append('\n');
                continue;
            }
            Classification c = Classification.valueOf(f.classification());
            b.append(ja ? c.japanese() : c.english());
            List<String> parts = new ArrayList<>();
            f.counts().forEach((t, n) -> parts.add((ja ? PiiType.valueOf(t).japanese() : t) + " " + n));
            if (!parts.isEmpty()) {
                b.append(" (").append(String.join(", ", parts)).append(')');
            }
            b.append('\n');
        }
        b.append(ja ? "  検出の一覧: " : "  findings: ").append(output).append('\n');
        return b.toString();
    }

    /** {@code _mamori_scan.json} for documents. */
    static ObjectNode json(String input, Result r) {
        ObjectNode n = dev.mamori.report.Json.object();
        n.put("input", input);
        n.put("files", r.files().size());
        n.put("findings", r.findings());
        n.put("recognizer_failures", r.recognizerFailures());
        com.fasterxml.jackson.databind.node.ArrayNode fs = n.putArray("documents");
        for (FileResult f : r.files()) {
            ObjectNode o = fs.addObject();
            o.put("file", f.file());
            if (f.errorEn() != null) {
                o.put("error", f.errorEn());
                continue;
            }
            o.put("classification", f.classification());
            ObjectNode c = o.putObject("counts");
            f.counts().forEach(c::put);
            o.put("problems", f.problems());
            o.put("unread", f.unread());
        }
        return n;
    }

    /** Whether a file holds a type asked for by --fail-on. */
    static boolean holds(Result r, List<PiiType> failOn) {
        return r.files().stream().anyMatch(f -> failOn.stream().anyMatch(t -> f.counts().containsKey(t.name())));
    }
}
