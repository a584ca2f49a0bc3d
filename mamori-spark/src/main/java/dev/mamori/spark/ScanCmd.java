package dev.mamori.spark;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.detect.ColumnReport;
import dev.mamori.detect.Detector;
import dev.mamori.detect.PiiType;
import dev.mamori.report.Json;
import dev.mamori.report.Message;
import dev.mamori.table.Database;
import dev.mamori.table.DatabasePassword;
import dev.mamori.table.PathFilter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori spark scan}: {@code mamori scan} of a table, or of documents, on Spark. */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Find and classify personal information in a table as mamori scan does, on Spark: every cell through the same recognizers with its column's context; the findings as JSON Lines (masked unless --show-values) in the output directory; the per-column classification added across partitions, printed and written as _mamori_scan.json beside the findings.",
                "Documents (plain text, XLSX, Word, PowerPoint, PDF, e-mail and HTML: .txt .text .log .md .xlsx .xlsm .docx .docm .pptx .pptm .pdf .eml .html .htm .xhtml, or --input-format documents for a directory of any files mamori scan reads) are scanned one file per task, each exactly as mamori scan scans it, with line, row, column and sheet in every finding, and a classification per file.",
                "",
                "  mamori spark scan customers.csv --output findings/",
                "  mamori spark scan hdfs:///shares/letters/ --input-format documents --output findings/",
                "  mamori spark scan customers.csv orders/ hdfs:///shares/letters/ --output findings/   # findings/input=1, input=2, input=3",
                "  mamori spark scan s3a://bucket/export/ --input-format parquet --types MY_NUMBER,PHONE --output findings/ --fail-on MY_NUMBER",
                "  mamori spark scan jdbc:postgresql://db/shop --table public.orders --db-user auditor --db-password --output findings/",
                "",
                "A database's table (DATA a JDBC URL, --table its schema.table) is read by Spark's JDBC source, in ranges of its integer key, one task each, read-only, with the columns mamori scan reads (binary ones left out) headed by their names and comments."})
final class ScanCmd extends SparkCommand {

    @Parameters(paramLabel = "DATA", arity = "1..*", description = "A CSV/TSV, Parquet or JSON Lines file, or a directory of parts; or documents (text, XLSX, DOCX, PPTX, PDF, e-mail, HTML), a file or a directory of them; or a database's JDBC URL (PostgreSQL, H2) with --table. Several files or directories may be given, each read as if it were the only one: the findings of the Nth go to the output's folder input=N (so that Spark reads the output as one table with a column input), and _mamori_scan.json lists each one's report under inputs.")
    List<String> data;

    @Option(names = "--table", paramLabel = "SCHEMA.TABLE", description = "With a JDBC URL: the table to scan, as mamori scan names it (e.g. public.customers).")
    String table;

    @Option(names = "--db-user", paramLabel = "USER", description = "With a JDBC URL: the user to connect as; the password comes from --db-password or MAMORI_DB_PASSWORD (never the command line).")
    String dbUser;

    @Option(names = "--db-password", description = "With a JDBC URL: ask for the database user's password (not echoed; read from standard input when it is not a terminal). Or set MAMORI_DB_PASSWORD.")
    boolean askPassword;

    @Option(names = "--db-max-rows", paramLabel = "N", description = "With a JDBC URL: read at most N rows (the first in primary-key order): a sample of a large table. Default: every row.")
    long maxRows;

    /** The password typed when asked, or MAMORI_DB_PASSWORD's. */
    private String password;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Where the findings go (a directory that must not exist): JSON Lines parts and _mamori_scan.json.")
    String output;

    @Option(names = "--types", split = ",", paramLabel = "TYPE", description = "Only these types (comma-separated). Types: ${COMPLETION-CANDIDATES}")
    List<PiiType> types;

    @Option(names = "--min-confidence", paramLabel = "P", description = "Drop findings below this confidence (default 0.4).")
    double minConfidence = Detector.DEFAULT_MIN_CONFIDENCE;

    @Option(names = "--show-values", description = "Write found values in full beside the masked ones (personal data: keep the output as such).")
    boolean showValues;

    @Option(names = "--fail-on", split = ",", paramLabel = "TYPE", description = "Exit with code 1 if any of these types is found; 2 if any record could not be read.")
    List<PiiType> failOn;

    @Option(names = "--allow-unread", description = "Accept input that could not be read: --fail-on decides on what was read, and a file in a directory that cannot be read does not make the exit code 2. What was not read is still reported.")
    boolean allowUnread;

    @Option(names = "--no-header", description = "CSV/TSV files and sheets have no header row: columns are named 列1, 列2, ….")
    boolean noHeader;

    @Option(names = "--include", paramLabel = "GLOB", description = "In a directory and in archives, scan only files matching (e.g. '**/*.csv', which finds export/名簿.zip/会員.csv too); repeatable. For a table's directory of parts, the parts read.")
    List<String> includes = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "In a directory and in archives, skip files matching (e.g. '**/archive/**'); repeatable.")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "summary (default) or json: what is printed.")
    String format = "summary";

    private Set<PiiType> wanted;

    @Override
    void before() throws IOException {
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new Message.Problem("--min-confidence は 0 から 1 の数にしてください（指定は " + minConfidence + "）",
                    "--min-confidence must be a number from 0 to 1, not " + minConfidence);
        }
        if (!List.of("summary", "json").contains(format)) {
            throw new Message.Problem("--format は summary か json です（指定は " + format + "）", "--format is summary or json, not " + format);
        }
        wanted = types == null || types.isEmpty() ? EnumSet.allOf(PiiType.class) : EnumSet.copyOf(types);
        if (maxRows < 0) {
            throw new Message.Problem("--db-max-rows は 0 以上にしてください", "--db-max-rows must be 0 or more");
        }
        password = System.getenv("MAMORI_DB_PASSWORD");
        if (askPassword) { // before Spark starts, whose lines would cover the prompt
            if (data.stream().noneMatch(Database::isUrl)) {
                throw new Message.Problem("--db-password はデータベース（jdbc:…）とだけ指定してください",
                        "--db-password goes with a database (jdbc:…) only");
            }
            boolean ja = common.language().equals("ja");
            password = DatabasePassword.ask(spec.commandLine().getErr(), ja
                    ? "データベースのパスワード" + (dbUser == null ? "" : "（" + dbUser + "）") + ": "
                    : "Database password" + (dbUser == null ? "" : " for " + dbUser) + ": ");
            if (password == null) {
                throw new Message.Problem("パスワードが入力されませんでした（標準入力が終わっています）", "no password was given (standard input ended)");
            }
        }
    }

    @Override
    int run(SparkSession spark) throws IOException {
        boolean database = data.stream().anyMatch(Database::isUrl);
        if (database && data.size() > 1) {
            throw new Message.Problem("データベースの表は 1 回に 1 つです（jdbc:… のほかに DATA を並べないでください）",
                    "a database's table is scanned alone (give no other DATA beside the jdbc:… URL)");
        }
        if (database != (table != null)) {
            throw new Message.Problem("--table はデータベース（jdbc:…）とだけ、データベースには --table を指定してください",
                    "--table goes with a database (jdbc:…) only, and a database needs --table");
        }
        if (!database && maxRows > 0) {
            throw new Message.Problem("--db-max-rows はデータベース（jdbc:…）とだけ指定してください", "--db-max-rows goes with a database (jdbc:…) only");
        }
        if (database && (noHeader || !includes.isEmpty() || !excludes.isEmpty())) {
            throw new Message.Problem("--include、--exclude、--no-header はファイルのためのものです。データベースの表は --table で選びます",
                    "--include, --exclude and --no-header are for files; a database's table is chosen by --table");
        }
        for (String d : data) {
            Outputs.guard(spark, database ? null : d, output);
        }
        Outputs.Staging staged = Outputs.staging(spark, output);
        List<Done> done = new ArrayList<>();
        String report;
        try {
            for (int i = 0; i < data.size(); i++) {
                boolean alone = data.size() == 1;
                done.add(one(spark, data.get(i), database, alone ? staged.path() : new Path(staged.path(), folder(i)),
                        alone ? output : new Path(output, folder(i)).toString(), !alone));
            }
            report = Json.write(done.size() == 1 ? done.get(0).report() : combined(done));
            Outputs.writeText(spark, staged.path(), "_mamori_scan.json", report);
            Outputs.commit(spark, staged, output);
        } catch (Exception e) { // SparkException too, which Scala throws unchecked: nothing is left behind
            Outputs.discard(spark, staged);
            throw e;
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (format.equals("json")) {
            out.print(report);
        }
        int code = 0;
        for (Done d : done) {
            if (!format.equals("json")) {
                out.print(d.summary());
            }
            d.warnings().forEach(err::println);
            code = Math.max(code, d.code()); // 3 (a recognizer failed) over 2 (unread) over 1 (found) over 0, as one machine
        }
        out.flush();
        return code;
    }

    /** Where the findings of the {@code i}th of several inputs go: a folder Spark's readers take for a column (input=1). */
    private static String folder(int i) {
        return "input=" + (i + 1);
    }

    /** What one input gave: its exit code, report and summary, and the warnings said after the output is in place. */
    private record Done(int code, ObjectNode report, String summary, List<String> warnings) {
    }

    /** The report of several inputs: each input's as it would be alone, in the order given, with its folder. */
    private static ObjectNode combined(List<Done> done) {
        ObjectNode n = Json.object();
        ArrayNode inputs = n.putArray("inputs");
        for (int i = 0; i < done.size(); i++) {
            inputs.add(done.get(i).report().put("findings_folder", folder(i)));
        }
        return n;
    }

    /** One input, its findings written to {@code dir}; a failure said in one line naming the input. */
    private Done one(SparkSession spark, String input, boolean database, Path dir, String shownDir, boolean several) throws IOException {
        PathFilter filter = PathFilter.of(includes, excludes);
        if (!database && SparkDocuments.applies(spark, input, common.inputFormat, filter)) {
            if (input.contains(",")) { // Hadoop's file input takes a comma for a separator between paths
                throw new Message.Problem(input + ": 文書の読み込み（Hadoop のファイル入力）はコンマを含むパスを読めません。名前を変えるか、リンクを作ってください",
                        input + ": documents are read by Hadoop's file input, which cannot take a path with a comma; rename it or make a link");
            }
            return documents(spark, input, dir, shownDir);
        }
        Tables.Table t;
        try {
            t = database ? Tables.jdbc(spark, input, table, dbUser, password, maxRows)
                    : Tables.read(spark, Tables.probe(spark, input, common.inputFormat, common.encoding,
                    includes.isEmpty() && excludes.isEmpty() ? null : filter, !noHeader), true);
        } catch (Exception e) { // SparkException too (a Parquet file's footer unreadable), which Scala throws unchecked
            throw stopped(e, database ? Database.displayName(input) + " " + table : input, database);
        }
        String shown = t.input().path(); // a database's URL without its secrets
        SparkScan.Result r;
        try {
            r = SparkScan.scan(spark, t, wanted, minConfidence, showValues, dir);
        } catch (Exception e) { // SparkException too, which Scala throws unchecked
            throw stopped(e, database ? shown + " " + t.sheet() : shown, database);
        }
        boolean ja = common.language().equals("ja");
        List<String> warnings = new ArrayList<>();
        if (r.unreadable() > 0) {
            String which = several ? shown + ": " : ""; // with one input, said as it always was
            warnings.add(ja ? "mamori: " + which + r.unreadable() + " 件のレコードが読めませんでした（検査していません）"
                    : "mamori: " + which + r.unreadable() + " records could not be read (not scanned)");
        }
        if (!t.unread().isEmpty()) {
            warnings.add(ja ? "mamori: " + shown + " " + t.sheet() + ": バイナリの列は読んでいません: " + String.join(", ", t.unread())
                    : "mamori: " + shown + " " + t.sheet() + ": binary columns not read: " + String.join(", ", t.unread()));
        }
        if (!r.cut().isEmpty()) {
            warnings.add(ja ? "mamori: " + shown + " " + t.sheet() + ": " + Database.MAX_CELL + " 文字を超える値は、その先を読んでいません: "
                    + String.join(", ", r.cut())
                    : "mamori: " + shown + " " + t.sheet() + ": values longer than " + Database.MAX_CELL
                    + " characters are read only that far: " + String.join(", ", r.cut()));
        }
        if (r.changed()) {
            warnings.add(ja ? "mamori: " + shown + " " + t.sheet() + ": 読んでいる間に行が増減しました。行番号はこの読み取りでの番号です"
                    : "mamori: " + shown + " " + t.sheet() + ": rows were written while the table was read; rows are numbered as this"
                    + " reading found them");
        }
        if (t.more()) { // as mamori scan says it, and as it blocks --fail-on
            warnings.add(ja ? "mamori: " + shown + " " + t.sheet() + ": --db-max-rows により、主キーの順で " + maxRows + " 行目より後は読んでいません"
                    : "mamori: " + shown + " " + t.sheet() + ": rows after the first " + maxRows + " in key order not read (--db-max-rows)");
        }
        failed(r.recognizerFailures(), warnings);
        boolean hit = failOn != null && r.table().columns().stream().anyMatch(c -> failOn.stream().anyMatch(c.hits()::containsKey));
        int code = r.recognizerFailures() > 0 ? 3
                : gateBlocked(r.unreadable() > 0 || !t.unread().isEmpty() || !r.cut().isEmpty() || t.more()) ? 2 : hit ? 1 : 0;
        return new Done(code, json(r, t), summary(r, shown, shownDir, ja), warnings);
    }

    /** As {@code mamori scan}: a recognizer that threw is a bug, said on standard error; the exit code is 3. */
    private void failed(long failures, List<String> warnings) {
        if (failures > 0) {
            warnings.add(common.language().equals("ja")
                    ? "mamori: 認識器が " + failures + " 回失敗しました。その箇所の検出は欠けています（不具合です。報告してください）"
                    : "mamori: a recognizer failed " + failures + " times; findings there are missing (a bug: please report it)");
        }
    }

    /**
     * A failure said in one line: Mamori's own problem as it is; Spark's or a driver's (a part cut short, a record Spark
     * cannot parse, the table dropped) with where it happened and what it was. For files only the error's condition and
     * class are said, since Spark's messages quote the record (personal data); a database's message is its first line.
     */
    private static Message.Problem stopped(Exception e, String where, boolean database) {
        RuntimeException u = SparkMain.unwrap(e);
        if (u instanceof Message.Problem p) {
            return p;
        }
        Throwable root = e;
        String condition = null;
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (condition == null && c instanceof org.apache.spark.SparkThrowable st && st.getCondition() != null) {
                condition = st.getCondition();
            }
            root = c;
        }
        String why = database ? String.valueOf(root.getMessage()).lines().findFirst().orElse(root.getClass().getSimpleName())
                : (condition == null ? "" : condition + ", ") + root.getClass().getSimpleName();
        return new Message.Problem(where + ": 読み込みが途中で止まりました（" + why + "）", where + ": the reading stopped (" + why + ")");
    }

    /** As {@code mamori scan}: --fail-on cannot pass when part of the input was not read, unless --allow-unread. */
    private boolean gateBlocked(boolean unread) {
        return unread && failOn != null && !allowUnread;
    }

    /** Documents, one task per file. */
    private Done documents(SparkSession spark, String input, Path dir, String shownDir) throws IOException {
        SparkDocuments.Result r;
        try {
            r = SparkDocuments.scan(spark, input, new SparkDocuments.Request(wanted, minConfidence, showValues, !noHeader, includes,
                    excludes), dir);
        } catch (Exception e) { // SparkException too, which Scala throws unchecked
            throw stopped(e, input, false);
        }
        List<String> warnings = new ArrayList<>();
        failed(r.recognizerFailures(), warnings);
        boolean hit = failOn != null && SparkDocuments.holds(r, failOn);
        // as mamori scan: a file in the directory that could not be read at all makes it 2 (unless --allow-unread), and
        // anything left unread blocks --fail-on
        // a file named that cannot be read is bad input, as on mamori scan's command line, whatever --allow-unread says
        int code = r.recognizerFailures() > 0 ? 3 : r.namedNotRead() || r.notRead() && !allowUnread || gateBlocked(r.unreadable()) ? 2
                : hit ? 1 : 0;
        return new Done(code, SparkDocuments.json(input, r), SparkDocuments.summary(input, r, shownDir, common.language().equals("ja")),
                warnings);
    }

    private ObjectNode json(SparkScan.Result r, Tables.Table t) {
        ObjectNode n = Json.object();
        n.put("input", t.input().path());
        if (t.sheet() != null) {
            n.put("table", t.sheet());
            ArrayNode unread = n.putArray("unread_columns");
            t.unread().forEach(unread::add);
            ArrayNode cut = n.putArray("cut_columns"); // values read only up to Database.MAX_CELL characters
            r.cut().forEach(cut::add);
            n.put("rows_not_read", t.more()); // past --db-max-rows
        }
        n.put("records", r.table().rows());
        n.put("unreadable_records", r.unreadable());
        n.put("findings", r.findings());
        n.put("recognizer_failures", r.recognizerFailures());
        n.put("classification", r.table().headline().name());
        ArrayNode cls = n.putArray("classifications");
        r.table().classifications().stream().sorted().forEach(c -> cls.add(c.name()));
        ArrayNode cols = n.putArray("columns");
        for (ColumnReport c : r.table().columns()) {
            ObjectNode o = cols.addObject();
            o.put("column_index", c.index());
            o.put("column", c.header());
            o.put("cells", c.cells());
            ArrayNode ts = o.putArray("types");
            c.types().stream().sorted().forEach(x -> ts.add(x.name()));
            o.put("category", c.category() == null ? null : c.category().name());
            ObjectNode share = o.putObject("share");
            c.hits().keySet().stream().sorted().forEach(x -> share.put(x.name(), c.share(x)));
        }
        return n;
    }

    private static String summary(SparkScan.Result r, String shown, String findings, boolean ja) {
        StringBuilder b = new StringBuilder();
        b.append(shown).append(": ").append(ja ? r.table().headline().japanese() : r.table().headline().english()).append('\n');
        b.append(String.format(ja ? "  %,d 件のレコード、%,d 件の検出%n" : "  %,d records, %,d findings%n", r.table().rows(), r.findings()));
        for (ColumnReport c : r.table().columns()) {
            if (c.hits().isEmpty()) {
                continue;
            }
            b.append("  ").append(c.header()).append(": ");
            StringBuilder hits = new StringBuilder();
            c.hits().keySet().stream().sorted().forEach(x -> hits.append(hits.length() == 0 ? "" : ", ")
                    .append(ja ? x.japanese() : x.name()).append(String.format(" %.0f%%", 100 * c.share(x))));
            b.append(hits).append('\n');
        }
        b.append(ja ? "  検出の一覧: " : "  findings: ").append(findings).append('\n');
        return b.toString();
    }
}
