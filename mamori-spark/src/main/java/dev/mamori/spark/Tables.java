package dev.mamori.spark;

import dev.mamori.report.Message;
import dev.mamori.table.Archives;
import dev.mamori.table.Database;
import dev.mamori.table.DocumentReader;
import dev.mamori.table.PathFilter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Tables as Spark reads and Mamori writes them: CSV (UTF-8, CP932, EUC-JP; the encoding and delimiter found as
 * {@code mamori} finds them, from the head of the first file), Parquet and JSON Lines, every column as text. A path is a
 * file or a directory of part files, on any file system Spark's Hadoop brings (file:, hdfs:, s3a:, …).
 */
final class Tables {

    /** The column Spark's CSV reader fills with a record it could not split into the header's fields. */
    static final String CORRUPT = "_mamori_corrupt_record";

    enum Kind { CSV, PARQUET, JSONL, JDBC }

    /**
     * How to read an input.
     *
     * @param path      as given
     * @param kind      its format
     * @param charset   CSV: the encoding; otherwise UTF-8
     * @param delimiter CSV: the field delimiter
     */
    record Input(String path, Kind kind, Charset charset, char delimiter, List<String> files, boolean headerRow,
                 List<String> header, boolean multiLine) {
        /** All of {@code path}, a CSV with its header row. */
        Input(String path, Kind kind, Charset charset, char delimiter) {
            this(path, kind, charset, delimiter, null, true, null, false);
        }

        /** A database's table: {@code path} is the URL as it may be shown, and the table is read by {@link #jdbc}. */
        static Input table(String shown) {
            return new Input(shown, Kind.JDBC, java.nio.charset.StandardCharsets.UTF_8, '\0');
        }

        /**
         * What Spark reads: the path, or the files of a directory (those --include/--exclude choose, in subfolders too:
         * Spark would read only the files right in it), each escaped where it holds a glob's characters (Spark takes
         * every path it is given as a glob).
         */
        String[] paths() {
            return (files == null ? List.of(path) : files).stream().map(Tables::literal).toArray(String[]::new);
        }
    }

    /**
     * A table read: its columns (all text, nulls for missing cells), its header, and for CSV the corrupt-record column;
     * for a database's table, its name ({@code schema.table}) and the binary columns not read.
     *
     * @param key  a database table's single integer key, by which its rows are numbered as one machine numbers them (its
     *             column's name in {@code rows}), or null
     * @param more a database's rows past --db-max-rows left unread
     */
    record Table(Input input, Dataset<Row> rows, List<String> header, String sheet, List<String> unread, String key, boolean more) {
        Table(Input input, Dataset<Row> rows, List<String> header) {
            this(input, rows, header, null, List.of(), null, false);
        }

        /** Column {@code name}, quoted for Spark (a name may hold dots or spaces). */
        Column col(String name) {
            return functions.col("`" + name.replace("`", "``") + "`");
        }

        /** Whether the table was read from CSV (it then has the corrupt-record column, {@link #CORRUPT}). */
        boolean csv() {
            return input.kind == Kind.CSV;
        }
    }

    private Tables() {
    }

    /**
     * Works out the format (by extension, else {@code --input-format}), and for CSV the encoding and delimiter from the
     * first 64 KiB of the first file, with the single-machine reader's rules.
     */
    static Input probe(SparkSession spark, String path, String format, String encoding) throws IOException {
        return probe(spark, path, format, encoding, null, true);
    }

    /**
     * {@link #probe(SparkSession, String, String, String)} of the files in a directory that {@code filter} chooses (all
     * of them when null; a file named is always read), a CSV without a header row when {@code headerRow} is false.
     */
    static Input probe(SparkSession spark, String path, String format, String encoding, PathFilter filter, boolean headerRow)
            throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path p = new Path(path);
        FileSystem fs = p.getFileSystem(conf);
        if (!fs.exists(p)) {
            throw new Message.Problem(path + ": ファイルもディレクトリもありません", path + ": no such file or directory");
        }
        List<Path> files = dataFiles(fs, p);
        List<String> chosen = null;
        boolean directory = fs.getFileStatus(p).isDirectory();
        String top = directory ? fs.makeQualified(p).toUri().getPath() : null;
        if (directory) {
            List<Path> parts = new ArrayList<>();
            for (Path f : files) {
                java.nio.file.Path rel = relative(top, f);
                if (filter != null && !filter.walked(rel)) {
                    continue;
                }
                if (archive(f.getName())) { // its files are what mamori scan would read, and Spark cannot open it
                    throw new Message.Problem(path + ": 表の部分ファイルの中にアーカイブ（" + f.getName() + "）があります。Spark は表としては"
                            + "読めません。--input-format documents で 1 台と同じく中のファイルを読むか、--exclude で除いてください",
                            path + ": an archive among the table's parts (" + f.getName() + "), which Spark cannot read as a table: give"
                            + " --input-format documents to read the files inside as mamori scan does, or leave it out with --exclude");
                }
                if (filter == null || chosen(filter, rel)) {
                    parts.add(f);
                }
            }
            if (parts.isEmpty() && filter != null) {
                throw new Message.Problem(path + ": --include と --exclude に合うファイルがありません",
                        path + ": no file matches --include and --exclude");
            }
            files = parts;
            chosen = files.isEmpty() ? null : files.stream().map(Path::toString).toList();
        }
        Path first = files.isEmpty() ? null : files.get(0);
        Kind kind = kind(format, first == null ? p.getName() : first.getName(), path);
        if (kind != Kind.CSV) {
            return new Input(path, kind, java.nio.charset.StandardCharsets.UTF_8, '\0', chosen, headerRow, null, false);
        }
        if (first == null) {
            throw new Message.Problem(path + ": データファイルがありません", path + ": holds no data file");
        }
        Charset forced = encoding == null ? null : charset(encoding);
        java.nio.file.Path head = Files.createTempFile("mamori-head", first.getName().toLowerCase(Locale.ROOT).endsWith(".tsv") ? ".tsv" : ".csv");
        try {
            org.apache.hadoop.io.compress.CompressionCodecFactory codecs = new org.apache.hadoop.io.compress.CompressionCodecFactory(conf);
            try (InputStream in = open(fs, codecs, first)) {
                Files.write(head, in.readNBytes(64 * 1024));
            }
            // the first file's head as mamori scan reads it: encoding, delimiter, title lines, the header or 列1 …, and
            // whether records span lines (then Spark reads each file whole, a record at a time, as FastCSV does)
            DocumentReader.CsvHead h = new DocumentReader(new DocumentReader.Options(dev.mamori.table.Format.CSV, forced, false,
                    headerRow)).csvHead(head);
            if (h.titleLines() > 0) { // Spark would take the first title for the header, and every wider record for corrupt
                throw new Message.Problem(first + ": 表の見出しの上に " + h.titleLines() + " 行の表題があります（会員名簿、作成日… のような行）。"
                        + "Spark は 1 行目を見出しとして読みます。その行を除いてください（mamori spark scan --input-format documents なら 1 台と同じく読みます）",
                        first + ": " + h.titleLines() + " title lines above the table's header (such as 会員名簿, 作成日 …); Spark reads the"
                        + " first line as the header: remove them (mamori spark scan --input-format documents reads the file as"
                        + " mamori scan does)");
            }
            if (h.headerRow() && files.size() > 1) {
                refuseOtherHeads(fs, codecs, path, files);
            }
            return new Input(path, Kind.CSV, h.charset(), h.delimiter(), chosen, h.headerRow(), h.header(), h.quotedLineBreaks());
        } catch (dev.mamori.table.ReadException e) {
            throw new Message.Problem(Message.of(e).after(first + ": ", first + ": "));
        } finally {
            Files.deleteIfExists(head);
        }
    }

    /**
     * Refuses a directory of parts some of which do not start with the first part's header line: Spark reads every part
     * with the same options, so it would take such a part's first record for a header and drop it unread (the parts
     * {@code split} makes of a CSV: only the first has the header), or read a part whose columns come in another order
     * under the wrong names. Empty parts start with nothing and are read as they are.
     */
    private static void refuseOtherHeads(FileSystem fs, org.apache.hadoop.io.compress.CompressionCodecFactory codecs, String path,
            List<Path> files) throws IOException {
        byte[] header = firstLine(fs, codecs, files.get(0));
        List<String> other = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            files.subList(1, files.size()).parallelStream().forEach(f -> {
                try {
                    byte[] line = firstLine(fs, codecs, f);
                    if (line.length > 0 && !Arrays.equals(line, header)) {
                        other.add(f.getName());
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        if (!other.isEmpty()) {
            List<String> named = other.stream().sorted().limit(5).toList();
            String more = other.size() > named.size() ? " …" : "";
            throw new Message.Problem(path + ": " + other.size() + " 個の部分ファイルが 1 つ目の部分ファイルの見出し行で始まっていません（"
                    + String.join(", ", named) + more + "）。Spark はすべての部分ファイルを同じく読むため、その 1 行目を見出しとして捨てるか、"
                    + "列を取り違えます。部分ファイルの見出しをそろえるか、--input-format documents で 1 台と同じくファイルごとに読んでください",
                    path + ": " + other.size() + " parts do not start with the first part's header line (" + String.join(", ", named) + more
                    + "); Spark reads every part alike, so it would drop their first record as a header, or read their columns under"
                    + " the wrong names: give the parts the same header, or read them file by file as mamori scan does with"
                    + " --input-format documents");
        }
    }

    /** A part's bytes as Spark reads them: a {@code .csv.gz} through its codec. */
    private static InputStream open(FileSystem fs, org.apache.hadoop.io.compress.CompressionCodecFactory codecs, Path f) throws IOException {
        org.apache.hadoop.io.compress.CompressionCodec codec = codecs.getCodec(f);
        return new java.io.BufferedInputStream(codec == null ? fs.open(f) : codec.createInputStream(fs.open(f)));
    }

    /** A part's first line as bytes, without a byte-order mark or the line's end. */
    private static byte[] firstLine(FileSystem fs, org.apache.hadoop.io.compress.CompressionCodecFactory codecs, Path f) throws IOException {
        try (InputStream in = open(fs, codecs, f)) {
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            for (int b = in.read(); b >= 0 && b != '\n' && line.size() < 1 << 20; b = in.read()) {
                line.write(b);
            }
            byte[] l = line.toByteArray();
            int from = l.length >= 3 && (l[0] & 0xFF) == 0xEF && (l[1] & 0xFF) == 0xBB && (l[2] & 0xFF) == 0xBF ? 3 : 0;
            int to = l.length > from && l[l.length - 1] == '\r' ? l.length - 1 : l.length;
            return Arrays.copyOfRange(l, from, to);
        }
    }

    /**
     * Whether a directory's file the walk reaches is a part of the table the globs choose: as {@code mamori scan} would read it, a
     * {@code .csv.gz} also when the file inside it ({@code b.csv.gz/b.csv}, as if the gzip were a folder) is chosen.
     */
    private static boolean chosen(PathFilter filter, java.nio.file.Path rel) {
        String name = rel.getFileName().toString();
        return filter.included(rel) || name.toLowerCase(Locale.ROOT).endsWith(".gz") && name.length() > 3
                && filter.entries(rel, name, false).test(name + "!/" + name.substring(0, name.length() - 3));
    }

    /** An archive Spark cannot read as a table's part: a gzip of one file ({@code .csv.gz}) it reads, a tar or ZIP it does not. */
    private static boolean archive(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return Archives.named(java.nio.file.Path.of(n)) && (!n.endsWith(".gz") || n.endsWith(".tar.gz"));
    }

    /** A path as a glob that matches it alone: Spark and Hadoop take every input path as a glob. */
    static String literal(String path) {
        return path.replaceAll("([\\\\{}\\[\\]*?])", "\\\\$1");
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new Message.Problem("--encoding " + name + ": この Java が知らない文字コードです（例: UTF-8, windows-31j, EUC-JP）",
                    "--encoding " + name + ": not an encoding this Java knows (e.g. UTF-8, windows-31j, EUC-JP)");
        }
    }

    private static Kind kind(String format, String fileName, String path) {
        if (format != null && !format.equals("auto")) {
            return switch (format) {
                case "csv", "tsv" -> Kind.CSV;
                case "parquet" -> Kind.PARQUET;
                case "jsonl" -> Kind.JSONL;
                default -> throw new Message.Problem("--input-format " + format + ": csv、tsv、parquet、jsonl、auto のどれかです",
                        "--input-format " + format + ": one of csv, tsv, parquet, jsonl, auto");
            };
        }
        String n = fileName.toLowerCase(Locale.ROOT);
        for (String gz : List.of(".gz", ".bz2", ".snappy", ".zst", ".lz4")) {
            if (n.endsWith(gz) && !n.endsWith(".parquet")) {
                n = n.substring(0, n.length() - gz.length());
            }
        }
        if (n.endsWith(".parquet")) {
            return Kind.PARQUET;
        }
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) {
            return Kind.JSONL;
        }
        if (n.endsWith(".csv") || n.endsWith(".tsv") || n.endsWith(".txt")) {
            return Kind.CSV;
        }
        throw new Message.Problem(path + ": 形式が拡張子からわかりません。--input-format csv|parquet|jsonl で指定してください",
                path + ": cannot tell the format from the extension; give --input-format csv|parquet|jsonl");
    }

    /** A file's path below a folder's ({@code top}, its URI path), as --include and --exclude see it. */
    static java.nio.file.Path relative(String top, Path file) {
        String f = file.toUri().getPath();
        String prefix = top.endsWith("/") ? top : top + "/";
        // a listing that spells the folder otherwise: the whole path, so that a folder's glob still sees its folders
        return java.nio.file.Path.of(f.startsWith(prefix) ? f.substring(prefix.length()) : f.replaceFirst("^/+", ""));
    }

    /** The data files of a file or directory, by name, subdirectories included (Spark's rule: names starting with _ or . are not data). */
    static List<Path> dataFiles(FileSystem fs, Path p) throws IOException {
        List<Path> out = new ArrayList<>();
        if (fs.getFileStatus(p).isFile()) {
            out.add(p);
            return out;
        }
        FileStatus[] children = fs.listStatus(p);
        Arrays.sort(children);
        for (FileStatus c : children) {
            String n = c.getPath().getName();
            if (!n.startsWith("_") && !n.startsWith(".")) {
                out.addAll(c.isDirectory() ? dataFiles(fs, c.getPath()) : List.of(c.getPath()));
            }
        }
        return out;
    }

    /**
     * A database's table read by Spark's JDBC source, every column as text: the query and headers {@code mamori scan}
     * reads it with ({@link Database.Session#describe}), cut into ranges of its integer key when it has one, each range
     * read by a task. The executors connect with the same read-only URL ({@link Database#target}).
     */
    static Table jdbc(SparkSession spark, String url, String table, String user, String password) {
        return jdbc(spark, url, table, user, password, 0);
    }

    /** A database's table, its first {@code maxRows} rows by the primary key when that is more than 0 ({@code --db-max-rows}). */
    static Table jdbc(SparkSession spark, String url, String table, String user, String password, long maxRows) {
        Database.Described d;
        String shown = Database.displayName(url);
        try (Database.Session s = Database.connect(url, user, password, List.of())) {
            d = s.describe(table, maxRows);
        } catch (dev.mamori.table.ReadException e) {
            throw new Message.Problem(Message.of(e));
        }
        // every column read as the driver writes it as text (getString), as mamori scan reads it (a numeric without a scale
        // would be a decimal's 123456789018.000000000000000000); the key stays an integer, which Spark cuts ranges of
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < d.headers().size(); i++) {
            if (!("c" + i).equals(d.key())) {
                text.append(text.length() == 0 ? "" : ", ").append('c').append(i).append(" STRING");
            }
        }
        DataFrameReader r = spark.read().format("jdbc").option("dbtable", "(" + d.select() + ") mamori_t").option("fetchsize", "1000");
        if (text.length() > 0) {
            r = r.option("customSchema", text.toString());
        }
        if (url.regionMatches(true, 0, "jdbc:postgresql:", 0, 16)) { // the executors' connections read-only too: BEGIN READ ONLY
            r = r.option("readOnly", "true").option("readOnlyMode", "always");
        }
        try {
            r = r.option("url", Database.target(url));
        } catch (dev.mamori.table.ReadException e) {
            throw new Message.Problem(Message.of(e));
        }
        if (user != null) {
            r = r.option("user", user);
        }
        if (password != null) {
            r = r.option("password", password); // Spark redacts options named like a password in its UI and logs
        }
        long span; // key values from the least to the greatest, capped where it would overflow
        try {
            span = Math.subtractExact(d.high(), d.low());
        } catch (ArithmeticException e) {
            span = Long.MAX_VALUE;
        }
        int tasks = (int) Math.max(1, Math.min(spark.sparkContext().defaultParallelism() * 4L, span / 10_000 + 1));
        if (d.key() != null && tasks > 1) { // the first range is open below and the last above: every row is read once
            r = r.option("partitionColumn", d.key()).option("lowerBound", d.low()).option("upperBound", d.high())
                    .option("numPartitions", tasks);
        }
        return new Table(Input.table(shown), r.load(), d.headers(), d.table(), d.unread(), d.key(), d.more());
    }

    /** Reads the input with every column as text; a CSV keeps its header's names and order. */
    static Table read(SparkSession spark, Input in) {
        return read(spark, in, false);
    }

    /**
     * Reads the input; {@code located}: each row also says where it comes from, in the columns {@link #FILE} and
     * {@link #BLOCK} (Spark's {@code _metadata} of the file source: the file's path and where the split it was read from
     * starts), last, after the corrupt-record column, so that rows can be numbered as one machine numbers them
     * ({@link #located}). Not when a column of the data is itself named {@code _metadata}, which hides Spark's.
     */
    static Table read(SparkSession spark, Input in, boolean located) {
        Dataset<Row> df;
        List<String> header;
        switch (in.kind) {
            case CSV -> {
                if (!Set.of("UTF-8", "US-ASCII", "ISO-8859-1", "UTF-16", "UTF-16BE", "UTF-16LE", "UTF-32").contains(in.charset.name())) {
                    // Spark 4 reads only Unicode and Latin-1 unless told to use every charset Java knows (CP932, EUC-JP)
                    spark.conf().set("spark.sql.legacy.javaCharsets", "true");
                }
                if (in.header != null) { // as the first file's head reads on one machine
                    header = new ArrayList<>(in.header);
                } else { // no whole record in the head: as Spark reads the first line
                    String[] first = csv(spark, in).load(in.paths()).columns();
                    header = new ArrayList<>(in.headerRow ? Arrays.asList(first) : DocumentReader.unnamedColumns(first.length));
                    if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
                        header.set(0, header.get(0).substring(1)); // a byte-order mark before the first name
                    }
                }
                // Spark's fields need names unlike each other (case aside): a repeated name gets its position after it;
                // the header keeps the names as they are written
                List<String> names = new ArrayList<>();
                java.util.Set<String> taken = new java.util.HashSet<>();
                for (int i = 0; i < header.size(); i++) {
                    String n = header.get(i);
                    while (!taken.add(n.toLowerCase(Locale.ROOT))) {
                        n = n + "_" + (i + 1);
                    }
                    names.add(n);
                }
                List<StructField> fields = new ArrayList<>();
                for (String n : names) {
                    fields.add(DataTypes.createStructField(n, DataTypes.StringType, true));
                }
                fields.add(DataTypes.createStructField(CORRUPT, DataTypes.StringType, true));
                df = csv(spark, in).schema(DataTypes.createStructType(fields)).option("columnNameOfCorruptRecord", CORRUPT)
                        .load(in.paths());
                // the columns a directory's key=value folders add (Spark puts them last): read as the others, before the
                // corrupt-record column
                List<String> partitions = new ArrayList<>(Arrays.asList(df.columns()));
                partitions.removeAll(names);
                partitions.remove(CORRUPT);
                if (!partitions.isEmpty()) {
                    header.addAll(partitions);
                    names.addAll(partitions);
                    List<Column> order = new ArrayList<>();
                    names.forEach(n -> order.add(functions.col("`" + n.replace("`", "``") + "`")));
                    order.add(functions.col(CORRUPT));
                    df = df.select(order.toArray(Column[]::new));
                }
            }
            case PARQUET -> {
                Dataset<Row> raw = reader(spark, in).parquet(in.paths());
                header = List.of(raw.columns());
                df = asText(raw, header);
            }
            case JSONL -> {
                Dataset<Row> raw = reader(spark, in).option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", CORRUPT)
                        .json(in.paths());
                header = new ArrayList<>(List.of(raw.columns()));
                header.remove(CORRUPT);
                if (Arrays.asList(raw.columns()).contains(CORRUPT)) {
                    // in the same projection: a column added after it is not found (MISSING_ATTRIBUTES)
                    df = asText(raw, header, raw.col(CORRUPT));
                } else {
                    df = asText(raw, header);
                }
            }
            default -> throw new IllegalStateException(in.kind.toString());
        }
        for (String reserved : List.of(CORRUPT, FILE, BLOCK)) {
            if (header.contains(reserved)) {
                throw new Message.Problem(in.path + ": 列名 " + reserved + " は Mamori が Spark の中で使う名前です。列名を変えてください",
                        in.path + ": the column name " + reserved + " is one Mamori uses inside Spark; rename the column");
            }
        }
        if (located && !header.contains("_metadata")) {
            df = df.withColumn(FILE, functions.col("_metadata.file_path")).withColumn(BLOCK, functions.col("_metadata.file_block_start"));
        }
        return new Table(in, df, List.copyOf(header));
    }

    /** The column of a row's file, with {@link #read(SparkSession, Input, boolean)} located. */
    static final String FILE = "_mamori_file";
    /** The column of where in its file the split a row was read from starts. */
    static final String BLOCK = "_mamori_block";

    /** Whether the table's rows say where they come from ({@link #FILE}, {@link #BLOCK}). */
    static boolean located(Dataset<Row> rows) {
        return Arrays.asList(rows.columns()).contains(BLOCK);
    }

    private static Dataset<Row> asText(Dataset<Row> raw, List<String> header, Column... more) {
        Column[] cols = new Column[header.size() + more.length];
        System.arraycopy(more, 0, cols, header.size(), more.length);
        for (int i = 0; i < header.size(); i++) {
            Column c = functions.col("`" + header.get(i).replace("`", "``") + "`");
            StructField f = raw.schema().apply(header.get(i));
            cols[i] = (f.dataType() instanceof StructType || f.dataType() instanceof org.apache.spark.sql.types.ArrayType
                    || f.dataType() instanceof org.apache.spark.sql.types.MapType ? functions.to_json(c) : c.cast(DataTypes.StringType))
                    .alias(header.get(i));
        }
        return raw.select(cols);
    }

    /** The input's lines as Spark's text source reads them (one column, {@code value}), split as its CSV reader splits them. */
    static Dataset<Row> lines(SparkSession spark, Input in) {
        return reader(spark, in).text(in.paths());
    }

    /** A reader of the input: files chosen in a directory keep the partition columns its folders name (key=value). */
    private static DataFrameReader reader(SparkSession spark, Input in) {
        return in.files == null ? spark.read() : spark.read().option("basePath", in.path);
    }

    /** RFC 4180 as FastCSV reads it: quote and escape {@code "}, nothing trimmed, an empty field empty. */
    private static DataFrameReader csv(SparkSession spark, Input in) {
        return reader(spark, in).format("csv")
                .option("header", String.valueOf(in.headerRow))
                .option("multiLine", String.valueOf(in.multiLine))
                .option("inferSchema", "false")
                .option("encoding", in.charset.name())
                .option("sep", String.valueOf(in.delimiter))
                .option("quote", "\"")
                .option("escape", "\"")
                .option("mode", "PERMISSIVE")
                .option("ignoreLeadingWhiteSpace", "false")
                .option("ignoreTrailingWhiteSpace", "false")
                .option("enforceSchema", "true");
    }

    /** A row's cells in header order, a missing cell as empty text. */
    static List<String> cells(Row r, int columns) {
        String[] out = new String[columns];
        for (int i = 0; i < columns; i++) {
            Object v = r.get(i);
            out[i] = v == null ? "" : v.toString();
        }
        return Arrays.asList(out);
    }
}
