package dev.mamori.cli.scan;

import dev.mamori.cli.Lang;
import dev.mamori.cli.Main;
import dev.mamori.cli.Outputs;
import dev.mamori.cli.Progress;
import dev.mamori.cli.ReportSink;

import dev.mamori.detect.FileReport;
import dev.mamori.detect.LocatedFinding;
import dev.mamori.detect.PiiType;
import dev.mamori.detect.ScanListener;
import dev.mamori.detect.Scanner;
import dev.mamori.report.Message;
import dev.mamori.report.OutputGuard;
import dev.mamori.report.Terminal;
import dev.mamori.table.DocumentReader;
import dev.mamori.table.Archives;
import dev.mamori.table.Database;
import dev.mamori.table.FileWalker;
import dev.mamori.table.PathFilter;
import dev.mamori.table.Format;
import dev.mamori.table.ReadException;
import dev.mamori.table.ReadProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori scan}: find and classify personal information in files. */
@Command(name = "scan", resourceBundle = "dev.mamori.cli.scan.Help",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Find and classify Japanese personal information in files, directories or standard input.",
                "",
                "Reads plain text, CSV/TSV (encoding and delimiter detected: UTF-8, CP932/Shift_JIS, EUC-JP), XLSX, XLS, ODS and JSON Lines, and pulls the text out of Word (.docx, .doc), PowerPoint (.pptx, .ppt), OpenDocument (.odt, .odp), RTF, PDF (pages with text), e-mail (.eml, Maildir, mbox, Outlook .msg) and HTML documents (line numbers are those of the text pulled out), and the files inside ZIP, 7z, tar and gzip archives (named archive.zip!/path; entries locked with a password are listed as unread). A database named by its JDBC URL is read table by table, read-only (PostgreSQL and H2 drivers bundled; others with --jdbc-driver), each column headed by its name and comment. Tables are classified per column and as a whole (特定個人情報, 個人識別符号を含む, 要配慮個人情報を含む, 個人情報). Values are masked unless --show-values is given.",
                "",
                "Examples:",
                "  mamori scan examples/customers_cp932.csv",
                "  mamori scan --format jsonl --types PHONE,EMAIL logs/ > findings.jsonl",
                "  mamori scan --fail-on MY_NUMBER,CREDIT_CARD --exclude '**/test/**' export/",
                "  cat notes.txt | mamori scan -",
                "  mamori scan jdbc:postgresql://db.example/shop --db-user auditor --db-password",
                ""})
public final class ScanCommand implements Callable<Integer> {

    enum OutputFormat { summary, json, jsonl }

    enum InputFormat { auto, text, csv, tsv, xlsx, xls, ods, jsonl, labeled_jsonl, docx, doc, odt, rtf, pptx, ppt, odp, pdf, eml, msg, html }

    @Parameters(arity = "1..*", paramLabel = "PATH", descriptionKey = "paths", description = "Files or directories to scan (recursively); '-' reads standard input; jdbc:… a database.")
    List<String> paths;

    @Option(names = "--format", paramLabel = "FORMAT", description = "summary (default, for people), json (one document) or jsonl (one finding a line). See docs/scan-output.md.")
    OutputFormat format = OutputFormat.summary;

    @picocli.CommandLine.Mixin
    DetectorOptions detection = new DetectorOptions();

    @Option(names = "--fail-on", split = ",", paramLabel = "TYPE", description = "Exit with code 1 if any of these types is found, to gate a pipeline. If any part of the input could not be read (a file skipped, a line, record or sheet unread), exit with code 2 instead: the gate cannot vouch for what it did not read.")
    List<PiiType> failOn;

    @Option(names = "--allow-unread", description = "Accept input that could not be read: --fail-on decides on what was read, and a file in a directory that cannot be read does not make the exit code 2. What was not read is still reported.")
    boolean allowUnread;

    @Option(names = "--show-values", description = "Print found values in full. Off by default: values are masked (1234 **** ****).")
    boolean showValues;

    @Option(names = "--input-format", paramLabel = "FMT", description = "auto (default: by extension, then content), text, csv, tsv, xlsx, jsonl, labeled_jsonl ({\"doc_id\", \"text\"} per line), docx, pptx, pdf, eml, html; Office 97–2003 and Outlook: xls, doc, ppt, msg; OpenDocument (LibreOffice): ods, odt, odp; rtf.",
            converter = InputFormatConverter.class)
    InputFormat inputFormat = InputFormat.auto;

    @Option(names = "--encoding", paramLabel = "CHARSET", description = "Read text and CSV in this encoding instead of detecting it (e.g. windows-31j, EUC-JP, UTF-8).")
    String encoding;

    @Option(names = "--no-header", description = "CSV/TSV files and sheets have no header row: columns are named 列1, 列2, … (without it, a first row that looks like data, such as identifiers, dates or e-mail addresses shaped like the rows below, is taken as data too).")
    boolean noHeader;

    @Option(names = "--include", paramLabel = "GLOB", description = "In directories and archives, scan only files matching (e.g. '**/*.csv', which finds export/名簿.zip/会員.csv too); in a database, only tables matching, as schema.table (e.g. 'public.*'); repeatable.")
    List<String> includes = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "In directories and archives, skip files matching (e.g. '**/archive/**'); in a database, tables matching (e.g. '*.audit_*'); repeatable.")
    List<String> excludes = new ArrayList<>();

    @picocli.CommandLine.Mixin
    DatabaseOptions database = new DatabaseOptions();

    private Database.Options databaseRead;
    /** --include and --exclude, for files in folders and in archives. */
    private PathFilter filter;

    @Option(names = "--threads", paramLabel = "N", description = "Detection threads (default: the number of cores, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    Lang lang = Lang.current();

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE (atomically) instead of standard output; owner-only with --show-values.")
    Path output;

    @Option(names = "--no-progress", description = "No progress bar (it is only shown when standard error is a terminal).")
    boolean noProgress;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (threads < 1) {
            throw new Main.UsageProblem("--threads は 1 以上にしてください", "--threads must be at least 1");
        }
        dev.mamori.report.OutputGuard guard = Outputs.guard().writes(output, "--output", "--output");
        paths.stream().filter(p -> !Database.isUrl(p)).forEach(p -> guard.reads(Path.of(p), "検査する入力", "a scanned input"));
        database.refuseTypedPassword(spec.commandLine().getParseResult().originalArgs());
        guard.check();
        Set<PiiType> wanted = detection.types();
        Thread prepare = new Thread(() -> { // on the idle core, while the inputs open
            try {
                Scanner.prepare(wanted);
            } catch (RuntimeException | LinkageError e) {
                // nothing is lost: the scan's own first use of the dictionaries fails the same way and reports it
            }
        }, "mamori-prepare");
        prepare.setDaemon(true);
        prepare.start();
        Scanner.Options options = new Scanner.Options(wanted, detection.minConfidence(), threads, readOptions());
        var err = spec.commandLine().getErr();
        filter = PathFilter.of(includes, excludes);
        if (paths.stream().anyMatch(Database::isUrl)) { // before any input is read
            databaseRead = database.read(includes, excludes);
            database.askPassword(err, lang); // standard input may hold the password, then '-'
        }
        Progress progress = Progress.forStderr(!noProgress);
        // with --show-values the report holds the values found in full: personal data, so owner-only
        try (ReportSink sink = showValues ? ReportSink.openPrivate(output, spec.commandLine().getOut())
                : ReportSink.open(output, spec.commandLine().getOut());
             Scanner scanner = new Scanner(options)) {
            ScanReport report = switch (format) {
                case summary -> new SummaryReport(sink.writer(), lang, showValues);
                case json -> new JsonReport(sink.writer(), err, lang, showValues, false);
                case jsonl -> new JsonReport(sink.writer(), sink.stream(), err, lang, showValues, true);
            };
            Outcome outcome = new Outcome(failOn == null ? Set.of() : EnumSet.copyOf(failOn), allowUnread);
            report.begin(wanted);
            for (String p : paths) {
                scanPath(p, scanner, report, outcome, progress, err);
            }
            progress.done();
            outcome.recognizerFailures(scanner.detector().failures());
            if (outcome.recognizerFailures() > 0) {
                err.println("mamori: " + lang.t("認識器が " + outcome.recognizerFailures() + " 回失敗しました。その箇所の検出は欠けています（不具合です。報告してください）",
                        "a recognizer failed " + outcome.recognizerFailures() + " times; findings there are missing (a bug: please report it)"));
            }
            report.end(outcome);
            sink.commit();
            return outcome.exitCode();
        }
    }

    private void scanPath(String p, Scanner scanner, ScanReport report, Outcome outcome, Progress progress, PrintWriter err)
            throws IOException {
        if (p.equals("-")) {
            scanOne(null, "-", true, scanner, report, outcome, progress, err);
            return;
        }
        if (Database.isUrl(p)) {
            scanDatabase(p, databaseRead, scanner, report, outcome, progress, err);
            return;
        }
        Path path = Path.of(p);
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            outcome.badInput();
            Message missing = new Message(p + ": ファイルもフォルダもありません", p + ": no such file or directory");
            err.println("mamori: " + Terminal.safe(missing.in(lang.name())));
            report.unreadable(p, missing);
            return;
        }
        if (Files.isDirectory(path)) {
            List<Path> files = new ArrayList<>();
            FileWalker.walk(path, includes, excludes, files::add, problem -> {
                if (problem.unread()) { // an unreadable file or directory, a special file
                    outcome.unread();
                    report.skipped(problem.file(), problem.text());
                } else { // a loop, a broken link: nothing there to read
                    report.problem(problem);
                }
            });
            for (Path f : files) {
                Path relative = path.relativize(f);
                boolean chosen = filter.included(relative); // else an archive, for the files inside that may be
                DocumentReader.Sniff sniff;
                try {
                    sniff = inputFormat == InputFormat.auto ? DocumentReader.sniff(f) : null;
                } catch (IOException e) { // gone or unreadable since the walk listed it
                    sniff = new DocumentReader.Sniff(null, new Message("読めません（" + e.getMessage() + "）", "cannot read (" + e.getMessage() + ")"));
                }
                if (sniff != null && sniff.format() == null && archive(f)) {
                    scanArchive(f, f.toString(), false, filter.entries(relative, f.toString(), chosen), scanner, report, outcome,
                            progress, err);
                    continue;
                }
                if (!chosen) {
                    continue;
                }
                if (sniff != null && sniff.format() == null) {
                    outcome.unread();
                    report.skipped(f.toString(), sniff.skipReason());
                    continue;
                }
                scanOne(f, f.toString(), false, scanner, report, outcome, progress, err);
            }
        } else if (inputFormat == InputFormat.auto && archive(path)) {
            // an archive named: its files as a folder's
            scanArchive(path, p, true, filter.entries(path.getFileName(), p, filter.included(path.getFileName())), scanner,
                    report, outcome, progress, err);
        } else {
            scanOne(path, p, true, scanner, report, outcome, progress, err);
        }
    }

    /** A ZIP (not an Office or OpenDocument file), tar or gzip, whose files are scanned one by one. */
    private static boolean archive(Path file) {
        try {
            return Files.isRegularFile(file) && Archives.kind(file) != null;
        } catch (IOException e) {
            return false; // its reading says why
        }
    }

    /**
     * The files inside an archive, each scanned as a file named {@code archive!/path} (a private copy, deleted after);
     * entries that cannot be read (locked with a password, a zip bomb, nested too deep) are listed as unread.
     */
    private void scanArchive(Path archive, String name, boolean named, java.util.function.Predicate<String> chosen, Scanner scanner,
                             ScanReport report, Outcome outcome, Progress progress, PrintWriter err) {
        try {
            Archives.read(archive, name, new Archives.Visitor() {
                @Override
                public void file(Path copy, String inner) throws IOException {
                    if (!chosen.test(inner)) {
                        return;
                    }
                    DocumentReader.Sniff sniff = DocumentReader.sniff(copy);
                    if (sniff.format() == null) {
                        skipped(inner, sniff.skipReason());
                    } else {
                        scanOne(copy, inner, false, scanner, report, outcome, progress, err);
                    }
                }

                @Override
                public void skipped(String inner, Message why) {
                    if (inner.equals(name) || chosen.test(inner)) { // a locked 7z is skipped whole, under its own name
                        outcome.unread();
                        report.skipped(inner, why);
                    }
                }

                @Override
                public void empty(String archiveName) {
                    report.problem(new ReadProblem(archiveName, -1, 0, new Message(archiveName + ": 空のアーカイブです（中にファイルがありません）",
                            archiveName + ": an empty archive (no file inside)"), false));
                }
            });
        } catch (ReadException e) {
            unreadable(name, named, e, report, outcome, err);
        }
    }

    /** A file that cannot be read at all: said on standard error and in the report; a named one is bad input. */
    private void unreadable(String name, boolean named, ReadException e, ScanReport report, Outcome outcome, PrintWriter err) {
        if (named) {
            outcome.badInput();
        } else {
            outcome.unreadableFile();
        }
        err.println("mamori: " + Terminal.safe(e.message(lang.name())));
        report.unreadable(name, e.text());
    }

    /** A database named by its JDBC URL: each table it selects, as a sheet of a workbook is. */
    private void scanDatabase(String url, Database.Options read, Scanner scanner, ScanReport report, Outcome outcome,
                              Progress progress, PrintWriter err) {
        String name = Database.displayName(url);
        try (Database.Session db = database.connect(url)) {
            OutputGuard guard = Outputs.guard().writes(output, "--output", "--output");
            db.files().forEach(f -> guard.reads(f, "検査するデータベース", "the scanned database"));
            guard.check(); // the database's own files, as it names them: never written over by the report
            progress.start(name, -1);
            report.file(scanner.scan(name, listener(report, outcome, progress), v -> db.read(read, v)));
        } catch (ReadException e) {
            unreadable(name, true, e, report, outcome, err);
        }
    }

    private void scanOne(Path file, String name, boolean named, Scanner scanner, ScanReport report, Outcome outcome,
                         Progress progress, PrintWriter err) {
        ScanListener listener = listener(report, outcome, progress);
        progress.start(name, size(file));
        try {
            FileReport r = file == null
                    ? scanner.scan(System.in, name, listener)
                    : scanner.scan(file, name, listener);
            report.file(r);
        } catch (ReadException e) {
            unreadable(name, named, e, report, outcome, err);
        } catch (RuntimeException | StackOverflowError e) { // a defect: say so, and scan the other files
            outcome.internalError();
            Message message = new Message(name + ": 読み込み中の内部エラー（" + e + "）。このファイルは検査していません",
                    name + ": internal error while reading (" + e + "); the file is not scanned");
            err.println("mamori: " + Terminal.safe(message.in(lang.name())));
            report.unreadable(name, message);
        }
    }

    private static ScanListener listener(ScanReport report, Outcome outcome, Progress progress) {
        return new ScanListener() {
            @Override
            public void finding(LocatedFinding f) {
                outcome.found(f.finding().type());
                report.finding(f);
            }

            @Override
            public Encoder encoder() {
                return report.encoder();
            }

            @Override
            public void encoded(LocatedFinding f, byte[] bytes, int from, int to) {
                outcome.found(f.finding().type());
                report.encoded(f, bytes, from, to);
            }

            @Override
            public void problem(ReadProblem problem) {
                if (problem.unread()) {
                    outcome.unread();
                }
                report.problem(problem);
            }

            @Override
            public void progress(long bytesRead) {
                progress.advance(bytesRead);
            }
        };
    }

    private static long size(Path file) {
        try {
            return file == null ? -1 : Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private DocumentReader.Options readOptions() {
        Charset cs = DetectorOptions.charset(encoding);
        Format f = switch (inputFormat) {
            case auto, labeled_jsonl -> null;
            case text -> Format.TEXT;
            case csv, tsv -> Format.CSV;
            case xlsx -> Format.XLSX;
            case jsonl -> Format.JSONL;
            case docx -> Format.DOCX;
            case pptx -> Format.PPTX;
            case pdf -> Format.PDF;
            case eml -> Format.EML;
            case html -> Format.HTML;
            case xls -> Format.XLS;
            case doc -> Format.DOC;
            case ppt -> Format.PPT;
            case msg -> Format.MSG;
            case ods -> Format.ODS;
            case odt -> Format.ODT;
            case odp -> Format.ODP;
            case rtf -> Format.RTF;
        };
        return new DocumentReader.Options(inputFormat == InputFormat.labeled_jsonl ? Format.JSONL : f, cs,
                inputFormat == InputFormat.labeled_jsonl, !noHeader, inputFormat == InputFormat.tsv ? '\t' : '\0', true);
    }

    /** Accepts labeled-jsonl as well as labeled_jsonl. */
    static final class InputFormatConverter implements picocli.CommandLine.ITypeConverter<InputFormat> {
        @Override
        public InputFormat convert(String value) {
            try {
                return InputFormat.valueOf(value.trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(Lang.tr(
                        "'" + value + "' は入力の形式ではありません。auto、text、csv、tsv、xlsx、xls、ods、jsonl、labeled-jsonl、docx、doc、odt、rtf、pptx、ppt、odp、pdf、eml、msg、html のどれかです",
                        "'" + value + "' is not an input format; use auto, text, csv, tsv, xlsx, xls, ods, jsonl, labeled-jsonl, docx, doc, odt, rtf, pptx, ppt, odp, pdf, eml, msg"
                                + " or html"));
            }
        }
    }
}
