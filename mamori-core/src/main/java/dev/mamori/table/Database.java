package dev.mamori.table;

import dev.mamori.report.Message;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

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

    /** A value is read up to this many characters; the rest of it is unread, and its column reported so. */
    public static final int MAX_CELL = 1 << 20;

    /**
     * A connection made by {@link #connect}: what the driver says is shown without the URL's or the password's secrets.
     * Closing it never throws: a driver's failure there loses nothing.
     */
    public static final class Session implements AutoCloseable {
        private final Connection connection;
        private final String name;
        private final java.util.function.UnaryOperator<String> scrub;

        private Session(Connection connection, String name, java.util.function.UnaryOperator<String> scrub) {
            this.connection = connection;
            this.name = name;
            this.scrub = scrub;
        }

        Connection connection() { // for the tests
            return connection;
        }

        /** Reads the tables {@code options} select ({@link Database#read}). */
        public ReadSummary read(Options options, DocumentVisitor v) throws ReadException {
            return new DatabaseTables(connection, name, options, v, scrub).read();
        }

        /**
         * One table as others may read it, on other machines (Spark's executors): the query that reads it as
         * {@link #read} would, its headers and where it can be cut.
         *
         * @param table   {@code schema.table} as {@link #read} names it (case ignored)
         * @param maxRows the first rows by the primary key to read, as {@link Options#maxRows} chooses them; 0 for all
         */
        public Described describe(String table, long maxRows) throws ReadException {
            return new DatabaseTables(connection, name, new Options(List.of(), List.of(), maxRows), null, scrub).describe(table); // reads no row
        }

        /** The files the database lives in ({@link Database#files}). */
        public List<Path> files() {
            return Database.files(connection);
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException | RuntimeException | LinkageError | StackOverflowError e) {
                // everything was read; a server's session ends with the connection anyway
            }
        }
    }

    /**
     * A table described for a reader elsewhere.
     *
     * @param table   {@code schema.table}
     * @param headers the columns' headers, as {@link #read} gives them (name, and comment)
     * @param select  the query reading the table's columns that are read (binary ones left out), in no order, named
     *                {@code c0}, {@code c1} … in the order of {@code headers}
     * @param unread  the binary columns left out
     * @param key     a single integer key column to cut the reading by (its name in the query, {@code cN}), or null
     * @param low     the key's least value (0 without a key or a row)
     * @param high    the key's greatest value (0 without a key or a row), the greatest read with a row limit
     * @param more    whether rows past the row limit are left out of {@code select}
     */
    public record Described(String table, List<String> headers, String select, List<String> unread, String key, long low, long high,
            boolean more) {
        public Described {
            headers = List.copyOf(headers);
            unread = List.copyOf(unread);
        }
    }

    /**
     * The URL another connection should open for the same read-only reading (an H2 file's settings added), as
     * {@link #connect} opens it. For an H2 URL carrying a refused setting, the refusal.
     */
    public static String target(String url) throws ReadException {
        String given = JdbcUrls.normalised(url);
        return given.startsWith("jdbc:h2:") ? JdbcUrls.h2Target(given, displayName(given)) : given;
    }

    /** True for a JDBC URL ({@code jdbc:…}) rather than a path. */
    public static boolean isUrl(String s) {
        return s.regionMatches(true, 0, "jdbc:", 0, 5);
    }

    /**
     * The URL as it may be shown: a file's without its settings, a server's as scheme, server, port and database, or
     * its scheme alone when these cannot be told apart from a user, a password or a parameter. Never a secret.
     */
    public static String displayName(String url) {
        return JdbcUrls.displayName(url);
    }

    /** Held, so that the level set stays set (the logging framework keeps loggers weakly). */
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("org.postgresql");

    /**
     * Connects with the first driver that takes the URL: PostgreSQL's and H2's are bundled, others come from
     * {@code driverJars}. An H2 or SQLite database on disk is opened only if it exists, and read-only; an H2 URL may
     * carry no setting that writes or runs code.
     *
     * @param password null for none; never shown in a message
     */
    public static Session connect(String url, String user, String password, List<Path> driverJars) throws ReadException {
        String given = JdbcUrls.normalised(url);
        String name = displayName(given);
        String target = target(url);
        java.util.function.UnaryOperator<String> scrub = m -> JdbcUrls.scrub(m, url, target, name, password);
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
        Throwable broken = null; // a provider that would not load: said only if no other driver takes the URL
        java.util.Iterator<Driver> drivers = ServiceLoader.load(Driver.class, loader(driverJars)).iterator();
        while (true) {
            Driver d;
            try {
                if (!drivers.hasNext()) {
                    break;
                }
                d = drivers.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                broken = broken == null ? e : broken;
                continue;
            }
            try {
                if (d.acceptsURL(target)) {
                    Connection c = d.connect(target, props);
                    if (c != null) {
                        return new Session(c, name, scrub);
                    }
                }
            } catch (SQLException | RuntimeException | LinkageError | StackOverflowError e) {
                String why = scrub.apply(DatabaseTables.why(e));
                throw new ReadException(new Message(name + ": データベースに接続できません（" + why + "）",
                        name + ": cannot connect to the database (" + why + ")"), null);
            }
        }
        if (broken != null) {
            String why = scrub.apply(DatabaseTables.why(broken));
            throw new ReadException(new Message(name + ": JDBC ドライバーを読み込めません（" + why + "）",
                    name + ": cannot load a JDBC driver (" + why + ")"), null);
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

    /** One class loader for each list of driver jars, kept for the run (a connection's driver needs it while it lives). */
    private static final java.util.Map<List<Path>, ClassLoader> LOADERS = new java.util.concurrent.ConcurrentHashMap<>();

    private static ClassLoader loader(List<Path> jars) throws ReadException {
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
        return LOADERS.computeIfAbsent(List.copyOf(jars), k -> new URLClassLoader(urls.toArray(URL[]::new), own));
    }

    /**
     * The files the connected database lives in, as the database itself names them (an H2 file, a SQLite file with its
     * journals; none for a server), which a report must not be written over.
     */
    static List<Path> files(Connection c) {
        List<Path> files = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            String product = c.getMetaData().getDatabaseProductName();
            if ("H2".equals(product)) {
                try (ResultSet rs = st.executeQuery("SELECT DATABASE_PATH()")) {
                    String path = rs.next() ? rs.getString(1) : null;
                    if (path != null && path.startsWith("zip:")) {
                        int bang = path.indexOf('!');
                        files.add(Path.of(path.substring(4, bang < 0 ? path.length() : bang)));
                    } else if (path != null) {
                        String p = path.replaceFirst("^([A-Za-z]{2,}(:\\d+)?:)+", ""); // split:, nio:, retry: … (not a drive's letter)
                        for (String suffix : List.of(".mv.db", ".h2.db", ".lock.db", ".trace.db")) {
                            files.add(Path.of(p + suffix));
                        }
                    }
                }
            } else if ("SQLite".equals(product)) {
                try (ResultSet rs = st.executeQuery("PRAGMA database_list")) {
                    while (rs.next()) {
                        String f = rs.getString("file");
                        if (f != null && !f.isEmpty()) {
                            for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
                                files.add(Path.of(f + suffix));
                            }
                        }
                    }
                }
            }
        } catch (SQLException | RuntimeException | LinkageError | StackOverflowError e) {
            // a database that cannot say: its reading will say what is wrong
        }
        return files;
    }

    /**
     * Reads the tables {@code options} select, in schema and name order. A table that cannot be read (no privilege,
     * a broken connection) is reported unread and the next is read; only a database whose tables cannot be listed
     * throws.
     */
    public static ReadSummary read(Connection c, String name, Options options, DocumentVisitor v) throws ReadException {
        return new DatabaseTables(c, name, options, v, m -> m).read();
    }
}
