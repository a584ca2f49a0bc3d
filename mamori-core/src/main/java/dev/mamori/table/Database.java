package dev.mamori.table;

import dev.mamori.report.Message;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A database read over JDBC as tables: every table the user may read (views and system schemas left out), one
 * {@link DocumentVisitor#table} per table named {@code schema.table}, its columns headed by their names and, where
 * the schema has one, their comments ({@code birth_dt（生年月日）}), and its rows in primary-key order. Binary columns
 * are not read and are reported as unread. Only SELECT is sent, on a connection made read-only; an H2 or SQLite
 * database on disk is opened read-only and never created.
 *
 * <p>Written by hand over JDBC's metadata: no library reads "every table of any database" as rows.
 */
public final class Database {

    /** Longest cell delivered; the rest of a longer one is reported unread. */
    static final int MAX_CELL = 1 << 20;
    /** Rows fetched at first, then as many as make about {@link #FETCH_BYTES} (at most {@link #MAX_FETCH}). */
    private static final int FIRST_FETCH = 16;
    private static final long FETCH_BYTES = 8L << 20;
    private static final int MAX_FETCH = 2000;
    private static final Set<String> TABLE_TYPES = Set.of("TABLE", "BASE TABLE", "MATERIALIZED VIEW");
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("information_schema", "pg_catalog", "pg_toast", "sys",
            "mysql", "performance_schema");
    private static final Set<Integer> BINARY = Set.of(Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB);
    /** Binary types by name, for drivers that give another JDBC type for them (SQLite's says VARCHAR for a BLOB). */
    private static final Set<String> BINARY_NAMES = Set.of("BLOB", "BYTEA", "BINARY", "VARBINARY", "LONGBLOB", "MEDIUMBLOB",
            "TINYBLOB", "IMAGE", "RAW", "LONG RAW");

    private Database() {
    }

    /**
     * What to read.
     *
     * @param include globs over {@code schema.table} (case ignored; {@code *} any characters, {@code ?} one); none = all
     * @param exclude globs over {@code schema.table} of tables not to read
     * @param maxRows rows read from each table (the first in key order), 0 for all
     */
    public record Options(List<String> include, List<String> exclude, long maxRows) {
        public Options {
            include = List.copyOf(include);
            exclude = List.copyOf(exclude);
            if (maxRows < 0) {
                throw new IllegalArgumentException("maxRows < 0");
            }
        }
    }

    /** True for a JDBC URL ({@code jdbc:…}) rather than a path. */
    public static boolean isUrl(String s) {
        return s.regionMatches(true, 0, "jdbc:", 0, 5);
    }

    /** The URL with its scheme and subprotocol in lower case, as drivers expect them ({@code JDBC:H2:} → {@code jdbc:h2:}). */
    private static String normalised(String url) {
        int colon = url.indexOf(':', 5);
        return colon < 0 ? url : url.substring(0, colon).toLowerCase(Locale.ROOT) + url.substring(colon);
    }

    /** The subprotocols whose URL names a file: they hold no user or server parameters, and may hold an {@code @}. */
    private static boolean fileUrl(String url) {
        return url.startsWith("jdbc:h2:") || url.startsWith("jdbc:sqlite:");
    }

    /** {@code jdbc:oracle:thin:} of {@code jdbc:oracle:thin:scott/tiger@//db/orcl}: scheme and subprotocols, no more. */
    private static final Pattern PREFIX = Pattern.compile("^jdbc(?::[A-Za-z0-9]+)+:");

    /**
     * The URL as it may be shown: without the user and password it may carry ({@code //user:pw@host},
     * {@code user/pw@host}) and cut before anything that may be a parameter ({@code ?password=…}, {@code ;PASSWORD=…},
     * {@code :password=…;}, {@code (password=…)}, {@code /USER=u,PASSWORD=…}), which may hold secrets. What is left
     * names the server and the database, or the file.
     */
    public static String displayName(String url) {
        String s = normalised(url);
        if (!fileUrl(s)) {
            int at = s.lastIndexOf('@');
            if (at >= 0) { // a user and password before it, whatever characters they hold
                int slashes = s.indexOf("//");
                java.util.regex.Matcher m = PREFIX.matcher(s);
                String head = slashes >= 0 && slashes < at ? s.substring(0, slashes + 2) : m.find() && m.end() <= at ? m.group() + "@" : "jdbc:";
                s = head + s.substring(at + 1);
            }
        }
        int cut = indexOfAny(s, fileUrl(s) ? "?;" : "?;(=,&");
        if (cut >= 0) {
            if (s.charAt(cut) == '=') { // key=value: the key goes too
                int back = Math.max(Math.max(s.lastIndexOf('/', cut), s.lastIndexOf(':', cut)), s.lastIndexOf(',', cut));
                cut = Math.max(back, 0);
            }
            s = s.substring(0, cut);
        }
        return s;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** The files a URL names (an H2 or SQLite database on disk), which a report must not be written over. */
    public static List<Path> files(String url) {
        String u = normalised(url);
        try {
            if (h2OnDisk(u)) {
                String path = u.substring("jdbc:h2:".length()).replaceFirst("^(file|split|nio|nioMapped|async):", "");
                int semi = path.indexOf(';');
                path = semi >= 0 ? path.substring(0, semi) : path;
                path = path.startsWith("~") ? System.getProperty("user.home") + path.substring(1) : path;
                return List.of(Path.of(path + ".mv.db"), Path.of(path + ".h2.db"));
            }
            if (u.startsWith("jdbc:sqlite:")) {
                String path = u.substring("jdbc:sqlite:".length()).replaceFirst("^file:", "");
                int q = path.indexOf('?');
                path = q >= 0 ? path.substring(0, q) : path;
                return path.isEmpty() || path.startsWith(":memory:") ? List.of() : List.of(Path.of(path));
            }
        } catch (java.nio.file.InvalidPathException e) {
            return List.of();
        }
        return List.of();
    }

    /** H2 settings a scanned URL may carry; any other (INIT, which runs SQL; ACCESS_MODE_DATA; AUTO_SERVER …) is refused. */
    private static final Set<String> H2_SETTINGS = Set.of("USER", "PASSWORD", "CIPHER", "MODE", "DATABASE_TO_UPPER",
            "DATABASE_TO_LOWER", "CASE_INSENSITIVE_IDENTIFIERS", "IGNORECASE", "IFEXISTS");

    /**
     * Connects with the first driver that takes the URL: PostgreSQL's and H2's are bundled, others come from
     * {@code driverJars}. An H2 or SQLite database on disk is opened only if it exists, and read-only.
     *
     * @param password null for none; never shown in a message
     */
    public static Connection connect(String url, String user, String password, List<Path> driverJars) throws ReadException {
        String given = normalised(url);
        String name = displayName(given);
        String target = given;
        if (given.startsWith("jdbc:h2:")) {
            target = h2Target(given, name);
        }
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        if (given.startsWith("jdbc:sqlite:")) {
            props.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY: neither changed nor created
        }
        QUIET.setLevel(java.util.logging.Level.OFF); // PostgreSQL's driver logs a URL it cannot parse, password and all
        try {
            for (Driver d : ServiceLoader.load(Driver.class, loader(driverJars, name))) {
                if (d.acceptsURL(target)) {
                    Connection c = d.connect(target, props);
                    if (c != null) {
                        return c;
                    }
                }
            }
        } catch (SQLException | RuntimeException | ServiceConfigurationError | LinkageError e) {
            String why = scrub(e instanceof SQLException s ? reason(s) : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                    url, target, name, password);
            boolean driver = e instanceof ServiceConfigurationError || e instanceof LinkageError;
            throw new ReadException(new Message(name + (driver ? ": JDBC ドライバーを読み込めません（" : ": データベースに接続できません（") + why + "）",
                    name + (driver ? ": cannot load a JDBC driver (" : ": cannot connect to the database (") + why + ")"), null);
        }
        if (given.startsWith("jdbc:postgresql:")) {
            throw new ReadException(new Message(name + ": PostgreSQL のドライバーが受け付けない URL です。jdbc:postgresql://ホスト:ポート/データベース の形で書き、"
                    + "ユーザーとパスワードは URL ではなく --db-user と --db-password で渡してください",
                    name + ": not a URL PostgreSQL's driver takes; write it as jdbc:postgresql://host:port/database, and give the user"
                            + " and password with --db-user and --db-password, not in the URL"));
        }
        throw new ReadException(new Message(name + ": この URL を扱う JDBC ドライバーがありません。PostgreSQL と H2 のドライバーは同梱しています。"
                + "ほかのデータベースはドライバーの jar を --jdbc-driver で指定してください",
                name + ": no JDBC driver takes this URL. PostgreSQL's and H2's drivers are bundled; for another database give"
                        + " its driver's jar with --jdbc-driver"));
    }

    /** Held, so that the level set stays set (the logging framework keeps loggers weakly). */
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("org.postgresql");

    /** An H2 URL with only the settings {@link #H2_SETTINGS} allows, opened read-only and only if it exists when on disk. */
    private static String h2Target(String url, String name) throws ReadException {
        String[] parts = url.split(";", -1);
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            String key = (eq < 0 ? parts[i] : parts[i].substring(0, eq)).strip().toUpperCase(Locale.ROOT);
            if (!key.isEmpty() && !H2_SETTINGS.contains(key)) {
                throw new ReadException(new Message(name + ": H2 の設定 " + key + " は検査する URL には使えません（データベースは読み取り専用で開きます）",
                        name + ": the H2 setting " + key + " is not taken in a scanned URL (the database is opened read-only)"));
            }
        }
        if (!h2OnDisk(url)) {
            return url;
        }
        String target = url.toUpperCase(Locale.ROOT).contains(";IFEXISTS=") ? url.replaceAll("(?i);IFEXISTS=[^;]*", "") : url;
        return target + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
    }

    /** A message from a driver with the URL as given shown by its display name, and any password taken out. */
    private static String scrub(String message, String url, String target, String name, String password) {
        String m = message.replace(target, name).replace(url, name);
        if (password != null && !password.isEmpty()) {
            m = m.replace(password, "****");
        }
        m = m.replaceAll("(?i)(password|passwd|pwd)(\\s*[=:]\\s*)[^;&,)\\s\"']*", "$1$2****");
        return m.strip().replaceAll("\\s+", " ");
    }

    private static ClassLoader loader(List<Path> jars, String name) throws ReadException {
        ClassLoader own = Database.class.getClassLoader();
        if (jars.isEmpty()) {
            return own;
        }
        List<URL> urls = new ArrayList<>();
        for (Path j : jars) {
            if (!Files.isRegularFile(j)) {
                throw new ReadException(new Message(j + ": JDBC ドライバーの jar がありません", j + ": no such JDBC driver jar"));
            }
            try {
                urls.add(j.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new ReadException(new Message(j + ": JDBC ドライバーの jar を開けません", j + ": cannot open the JDBC driver jar"), e);
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), own); // lives as long as the connection, i.e. the command
    }

    private static boolean h2OnDisk(String url) {
        return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:") && !url.startsWith("jdbc:h2:tcp:")
                && !url.startsWith("jdbc:h2:ssl:") && !url.startsWith("jdbc:h2:zip:");
    }

    /** An SQL error for people: its state and message on one line. */
    private static String reason(SQLException e) {
        String m = (e.getSQLState() == null ? "" : "SQLState " + e.getSQLState() + ": ") + e.getMessage();
        return m.strip().replaceAll("\\s+", " ");
    }

    /** @param only PostgreSQL: read the table's own rows, not those of tables that inherit from it ({@code FROM ONLY}) */
    private record TableRef(String catalog, String schema, String name, boolean only) {
        String qualified() {
            return schema == null || schema.isEmpty() ? name : schema + "." + name;
        }
    }

    private record Column(String name, String header) {
    }

    /**
     * Reads the tables {@code options} select, in schema and name order. A table that cannot be read (no privilege,
     * a broken connection) is reported unread and the next is read; only a database whose tables cannot be listed
     * throws.
     */
    public static ReadSummary read(Connection c, String name, Options options, DocumentVisitor v) throws ReadException {
        List<TableRef> tables = new ArrayList<>();
        DatabaseMetaData md;
        try {
            try {
                c.setReadOnly(true);
            } catch (SQLException e) {
                // a driver that takes it only before connecting (SQLite's, opened read-only above): only SELECT is sent
            }
            c.setAutoCommit(false); // PostgreSQL streams a query's rows (setFetchSize) only inside a transaction
            md = c.getMetaData();
            List<Pattern> in = globs(options.include());
            List<Pattern> out = globs(options.exclude());
            boolean postgres = "PostgreSQL".equals(md.getDatabaseProductName());
            Set<String> partitions = postgres ? partitions(c) : Set.of();
            try (ResultSet rs = md.getTables(c.getCatalog(), null, "%", null)) {
                while (rs.next()) {
                    String type = rs.getString("TABLE_TYPE");
                    String schema = rs.getString("TABLE_SCHEM");
                    boolean parent = postgres && "PARTITIONED TABLE".equals(type);
                    TableRef t = new TableRef(rs.getString("TABLE_CAT"), schema, rs.getString("TABLE_NAME"),
                            postgres && "TABLE".equals(type));
                    if (type != null && (parent || TABLE_TYPES.contains(type.toUpperCase(Locale.ROOT)))
                            && !partitions.contains(schema + "." + t.name())
                            && (schema == null || !SYSTEM_SCHEMAS.contains(schema.toLowerCase(Locale.ROOT)))
                            && (in.isEmpty() || matches(in, t.qualified())) && !matches(out, t.qualified())) {
                        tables.add(t);
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            String why = e instanceof SQLException s ? reason(s) : e.toString();
            throw new ReadException(new Message(name + ": テーブルの一覧を読めません（" + why + "）",
                    name + ": cannot list the tables (" + why + ")"), null);
        }
        tables.sort(java.util.Comparator.comparing((TableRef t) -> t.schema() == null ? "" : t.schema()).thenComparing(TableRef::name));
        if (tables.isEmpty()) {
            v.problem(new ReadProblem(name, -1, 0, new Message(name + ": 読むテーブルがありません（権限、または --include/--exclude を確かめてください）",
                    name + ": no table to read (check the user's privileges, or --include/--exclude)"), true));
        }
        String quote = identifierQuote(md);
        long rows = 0;
        long[] bytes = {0, 0}; // the cells' size in UTF-8, and when progress was last told
        for (TableRef t : tables) {
            rows += readTable(c, md, quote, t, name, options.maxRows(), v, bytes);
        }
        return new ReadSummary(Format.DATABASE, null, '\0', bytes[0], rows); // bytes: the values' size in UTF-8
    }

    /**
     * PostgreSQL's partitions ({@code schema.name}): read through their partitioned table, whose rights the usual
     * grant gives (a partition's own rights are not checked when read through it), and never twice.
     */
    private static Set<String> partitions(Connection c) throws SQLException {
        Set<String> names = new java.util.HashSet<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT n.nspname, c.relname FROM pg_catalog.pg_class c"
                     + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.relispartition")) {
            while (rs.next()) {
                names.add(rs.getString(1) + "." + rs.getString(2));
            }
        } catch (SQLException e) {
            // before PostgreSQL 10 there are no partitions (nor this column)
        }
        c.rollback();
        return names;
    }

    private static long readTable(Connection c, DatabaseMetaData md, String quote, TableRef t, String name, long maxRows,
                                  DocumentVisitor v, long[] bytes) {
        String where = name + " " + t.qualified();
        long row = 0;
        try {
            List<Column> columns = new ArrayList<>();
            List<String> binary = new ArrayList<>();
            try (ResultSet rs = md.getColumns(t.catalog(), like(t.schema(), md), like(t.name(), md), "%")) {
                while (rs.next()) {
                    if (!t.name().equals(rs.getString("TABLE_NAME")) || !java.util.Objects.equals(t.schema(), rs.getString("TABLE_SCHEM"))) {
                        continue; // a pattern's _ or % matched another table
                    }
                    String col = rs.getString("COLUMN_NAME");
                    String typeName = rs.getString("TYPE_NAME");
                    if (BINARY.contains(rs.getInt("DATA_TYPE"))
                            || typeName != null && BINARY_NAMES.contains(typeName.toUpperCase(Locale.ROOT))) {
                        binary.add(col);
                    } else {
                        columns.add(new Column(col, header(col, rs.getString("REMARKS"))));
                    }
                }
            }
            Runnable begin = () -> {
                v.table(t.qualified(), columns.stream().map(Column::header).toList());
                if (!binary.isEmpty()) {
                    v.problem(new ReadProblem(name, -1, 0, new Message(where + ": バイナリの列は読んでいません: " + String.join(", ", binary),
                            where + ": binary columns not read: " + String.join(", ", binary)), true));
                }
            };
            if (columns.isEmpty() && binary.isEmpty()) { // dropped since it was listed, or no column the user may see
                v.problem(new ReadProblem(name, -1, 0, new Message(where + ": 列が見えません（一覧の後で削除されたか、権限がありません）",
                        where + ": no column to be seen (dropped since the tables were listed, or no rights)"), true));
                return 0;
            }
            if (columns.isEmpty()) {
                begin.run();
                return 0;
            }
            String sql = "SELECT " + String.join(", ", columns.stream().map(col -> quoted(col.name(), quote)).toList())
                    + " FROM " + (t.only() ? "ONLY " : "") + qualified(t, quote, md) + orderBy(md, t, quote);
            boolean[] failed = new boolean[columns.size()];
            boolean[] cut = new boolean[columns.size()];
            try (Statement st = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                fetch(st, FIRST_FETCH, maxRows);
                if (maxRows > 0) { // one more, to know whether any was left out
                    st.setMaxRows((int) Math.min(maxRows + 1, Integer.MAX_VALUE));
                }
                try (ResultSet rs = st.executeQuery(sql)) {
                    begin.run(); // a table the user may not read is only a problem, not a table of no rows
                    long tableBytes = 0;
                    boolean more = false;
                    while (rs.next()) {
                        if (maxRows > 0 && row == maxRows) {
                            more = true;
                            break;
                        }
                        row++;
                        if (row == FIRST_FETCH || row % 1024 == 0) { // rows fetched at once: about FETCH_BYTES, whatever a row's width
                            fetch(rs, Math.min(MAX_FETCH, FETCH_BYTES * row / Math.max(1, tableBytes)), maxRows);
                        }
                        List<String> cells = new ArrayList<>(columns.size());
                        for (int i = 0; i < columns.size(); i++) {
                            cells.add(failed[i] ? null : cell(rs, i, columns.get(i), failed, cut, name, where, row, v));
                        }
                        v.row(row, row, cells);
                        for (String cell : cells) {
                            long n = utf8Length(cell);
                            bytes[0] += n;
                            tableBytes += n;
                        }
                        if (bytes[0] - bytes[1] >= 1 << 16) {
                            bytes[1] = bytes[0];
                            v.progress(bytes[0]);
                        }
                    }
                    if (more) {
                        v.problem(new ReadProblem(name, -1, row, new Message(
                                where + ": --db-max-rows により、主キーの順で " + row + " 行目より後は読んでいません",
                                where + ": rows after the first " + row + " in key order not read (--db-max-rows)"), true));
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            String reason = e instanceof SQLException s ? reason(s) : e.toString();
            v.problem(new ReadProblem(name, -1, row, new Message(
                    where + ": " + (row == 0 ? "読めません" : row + " 行目の後を読めません") + "（" + reason + "）",
                    where + ": " + (row == 0 ? "cannot be read" : "not read after row " + row) + " (" + reason + ")"), true));
        } finally {
            try {
                c.rollback(); // nothing was written; after a failed query PostgreSQL needs it before the next
            } catch (SQLException e) {
                // the connection is gone: the next table says so
            }
        }
        return row;
    }

    private static String cell(ResultSet rs, int i, Column col, boolean[] failed, boolean[] cut, String name, String where,
                               long row, DocumentVisitor v) {
        String s;
        try {
            s = rs.getString(i + 1);
        } catch (SQLException e) {
            failed[i] = true;
            v.problem(new ReadProblem(name, -1, row, new Message(
                    where + ": 列 " + col.name() + " を " + row + " 行目から読めません（" + reason(e) + "）",
                    where + ": column " + col.name() + " not read from row " + row + " on (" + reason(e) + ")"), true));
            return null;
        }
        if (s != null && s.length() > MAX_CELL) {
            if (!cut[i]) {
                cut[i] = true;
                v.problem(new ReadProblem(name, -1, row, new Message(
                        where + ": 列 " + col.name() + " の " + MAX_CELL + " 文字を超える値は、その先を読んでいません（最初は " + row + " 行目）",
                        where + ": column " + col.name() + ": values longer than " + MAX_CELL + " characters are read only that far (first at row "
                                + row + ")"), true));
            }
            s = s.substring(0, MAX_CELL);
        }
        return s;
    }

    /** A fetch size: a hint a driver may refuse (SQLite's, past the statement's row limit), so never above it. */
    private static void fetch(Object statementOrRows, long rows, long maxRows) {
        int n = (int) Math.max(1, maxRows > 0 ? Math.min(rows, maxRows + 1) : rows);
        try {
            if (statementOrRows instanceof Statement st) {
                st.setFetchSize(n);
            } else {
                ((ResultSet) statementOrRows).setFetchSize(n);
            }
        } catch (SQLException e) {
            // the driver keeps its own
        }
    }

    private static long utf8Length(String s) {
        if (s == null) {
            return 0;
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            n += ch < 0x80 ? 1 : ch < 0x800 || Character.isSurrogate(ch) ? 2 : 3;
        }
        return n;
    }

    /** The column's name, with its comment where the schema has one: a comment often says what an English name means. */
    private static String header(String column, String remarks) {
        if (remarks == null || remarks.isBlank()) {
            return column;
        }
        String r = remarks.strip().replaceAll("\\s+", " ");
        return column + "（" + (r.length() > 100 ? r.substring(0, 100) + "…" : r) + "）";
    }

    private static String orderBy(DatabaseMetaData md, TableRef t, String quote) throws SQLException {
        java.util.TreeMap<Short, String> keys = new java.util.TreeMap<>(); // by KEY_SEQ
        try (ResultSet rs = md.getPrimaryKeys(t.catalog(), t.schema(), t.name())) {
            while (rs.next()) {
                keys.put(rs.getShort("KEY_SEQ"), quoted(rs.getString("COLUMN_NAME"), quote));
            }
        }
        return keys.isEmpty() ? "" : " ORDER BY " + String.join(", ", keys.values());
    }

    private static String identifierQuote(DatabaseMetaData md) {
        try {
            String q = md.getIdentifierQuoteString();
            return q == null || q.isBlank() ? "" : q.strip();
        } catch (SQLException e) {
            return "\"";
        }
    }

    private static String quoted(String identifier, String quote) {
        return quote.isEmpty() ? identifier : quote + identifier.replace(quote, quote + quote) + quote;
    }

    private static String qualified(TableRef t, String quote, DatabaseMetaData md) throws SQLException {
        StringBuilder b = new StringBuilder();
        if (t.catalog() != null && !t.catalog().isEmpty() && md.supportsCatalogsInDataManipulation()
                && (t.schema() == null || t.schema().isEmpty())) {
            b.append(quoted(t.catalog(), quote)).append(md.getCatalogSeparator());
        }
        if (t.schema() != null && !t.schema().isEmpty()) {
            b.append(quoted(t.schema(), quote)).append('.');
        }
        return b.append(quoted(t.name(), quote)).toString();
    }

    /** A name as a metadata pattern: its _ and % escaped where the driver says how. */
    private static String like(String s, DatabaseMetaData md) throws SQLException {
        if (s == null) {
            return null;
        }
        String esc = md.getSearchStringEscape();
        if (esc == null || esc.isEmpty()) {
            return s;
        }
        return s.replace(esc, esc + esc).replace("_", esc + "_").replace("%", esc + "%");
    }

    private static List<Pattern> globs(List<String> globs) {
        List<Pattern> l = new ArrayList<>();
        for (String g : globs) {
            StringBuilder re = new StringBuilder();
            for (int i = 0; i < g.length(); i++) {
                char ch = g.charAt(i);
                re.append(ch == '*' ? ".*" : ch == '?' ? "." : Pattern.quote(String.valueOf(ch)));
            }
            l.add(Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL));
        }
        return l;
    }

    private static boolean matches(List<Pattern> globs, String name) {
        for (Pattern p : globs) {
            if (p.matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }
}
