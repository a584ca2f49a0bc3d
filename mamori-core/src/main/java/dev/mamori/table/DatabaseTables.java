package dev.mamori.table;

import dev.mamori.report.Message;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** One read of a database's tables ({@link Database#read}): what the connection lists, then each table's rows. */
final class DatabaseTables {

    /** Longest cell delivered; the rest of a longer one is reported unread. */
    static final int MAX_CELL = Database.MAX_CELL;
    /** Rows fetched at once: about this many bytes (a row's width measured as it comes), at most {@link #MAX_FETCH}. */
    private static final long FETCH_BYTES = 8L << 20;
    private static final int MAX_FETCH = 2000;
    private static final Set<String> TABLE_TYPES = Set.of("TABLE", "BASE TABLE", "MATERIALIZED VIEW");
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("information_schema", "pg_catalog", "pg_toast", "sys",
            "mysql", "performance_schema");
    private static final Set<Integer> BINARY = Set.of(Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB);
    /** Binary types by name, for drivers that give another JDBC type for them (SQLite's says VARCHAR for a BLOB). */
    private static final Pattern BINARY_NAME = Pattern.compile("(?i).*BLOB.*|BYTEA|BYTES|BINARY.*|VARBINARY.*|IMAGE|RAW|LONG RAW");

    /** @param only PostgreSQL: read the table's own rows, not those of tables that inherit from it ({@code FROM ONLY}) */
    private record TableRef(String catalog, String schema, String name, boolean only) {
        String qualified() {
            return schema == null || schema.isEmpty() ? name : schema + "." + name;
        }

        List<String> key() {
            return java.util.Arrays.asList(schema, name);
        }

        /** This table's row of a metadata result (whose pattern's _ or % may match others too). */
        boolean is(ResultSet rs) throws SQLException {
            return name.equals(rs.getString("TABLE_NAME")) && Objects.equals(schema, rs.getString("TABLE_SCHEM"));
        }
    }

    private record Column(String name, String header, int type) {
    }

    /** JDBC types {@link Database.Described#select} reads as text. */
    private static final Set<Integer> AS_TEXT = Set.of(Types.OTHER, Types.ARRAY, Types.STRUCT, Types.JAVA_OBJECT, Types.DISTINCT,
            Types.REF, Types.DATALINK, Types.SQLXML);

    private final Connection c;
    private final String name;
    private final Database.Options options;
    private final DocumentVisitor v;
    /** A driver's message as it may be shown: without the URL's or the password's secrets. */
    private final java.util.function.UnaryOperator<String> scrub;
    private DatabaseMetaData md;
    private String quote;
    /** The values' size in UTF-8 so far, and when progress was last told. */
    private long bytes;
    private long told;

    /** Rows of the table being read, so far: said when its reading breaks off. */
    private long row;

    DatabaseTables(Connection c, String name, Database.Options options, DocumentVisitor v, java.util.function.UnaryOperator<String> scrub) {
        this.c = c;
        this.name = name;
        this.options = options;
        this.v = v;
        this.scrub = scrub;
    }

    ReadSummary read() throws ReadException {
        List<TableRef> tables;
        try {
            prepare();
            tables = tables();
        } catch (SQLException | RuntimeException | LinkageError | StackOverflowError e) {
            String why = scrub.apply(why(e));
            throw new ReadException(new Message(name + ": テーブルの一覧を読めません（" + why + "）",
                    name + ": cannot list the tables (" + why + ")"), null);
        }
        if (tables.isEmpty()) {
            v.problem(new ReadProblem(name, -1, 0, new Message(name + ": 読むテーブルがありません（権限、または --include/--exclude を確かめてください）",
                    name + ": no table to read (check the user's privileges, or --include/--exclude)"), true));
        }
        long rows = 0;
        for (TableRef t : tables) {
            rows += table(t);
        }
        return new ReadSummary(Format.DATABASE, null, '\0', bytes, rows);
    }

    /** The connection read-only, in a transaction (PostgreSQL streams a query's rows only inside one), and its metadata. */
    private void prepare() throws SQLException {
        try {
            c.setReadOnly(true);
        } catch (SQLException e) {
            // a driver that takes it only before connecting (SQLite's, opened read-only): only SELECT is sent
        }
        c.setAutoCommit(false);
        md = c.getMetaData();
        quote = identifierQuote();
    }

    /** One table, as {@link Database.Session#describe} gives it. */
    Database.Described describe(String table) throws ReadException {
        try {
            prepare();
            // the name as a glob of itself: a partition named alone is chosen without its table, as mamori scan chooses it
            List<TableRef> named = table.contains("*") || table.contains("?") ? List.of() : tables(List.of(table));
            TableRef t = named.stream().filter(x -> x.qualified().equals(table)).findFirst() // the exact name first
                    .orElse(named.size() == 1 ? named.get(0) : null); // else one whose case alone differs
            if (t == null) {
                throw new ReadException(new Message(name + ": テーブル " + table + (named.isEmpty() ? " がありません（名前は スキーマ.テーブル）"
                        : " は大文字と小文字だけが違う複数のテーブルに当たります。正確な名前を指定してください"),
                        name + ": " + (named.isEmpty() ? "no table " + table + " (name it as schema.table)"
                                : table + " names several tables whose case alone differs; give the exact name")));
            }
            List<Column> columns = new ArrayList<>();
            List<String> binary = new ArrayList<>();
            columns(t, columns, binary);
            if (columns.isEmpty()) {
                throw new ReadException(new Message(name + " " + t.qualified() + ": 読める列がありません", name + " " + t.qualified() + ": no column to read"));
            }
            List<String> keys = keys(t);
            Column keyed = keys.size() == 1 ? columns.stream().filter(col -> col.name().equals(keys.get(0))).findFirst().orElse(null) : null;
            String key = keyed != null && Set.of(Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.TINYINT).contains(keyed.type())
                    ? keyed.name() : null;
            long low = 0;
            long high = 0;
            long maxRows = options.maxRows();
            boolean more = false;
            String limit = ""; // the first rows by the key, as read() reads them with --db-max-rows
            if (key != null && maxRows > 0) { // the rows up to the N-th key: Spark still cuts them into key ranges
                try (Statement st = c.createStatement()) {
                    st.setMaxRows((int) Math.min(Integer.MAX_VALUE, maxRows + 1));
                    try (ResultSet rs = st.executeQuery("SELECT " + quoted(key) + from(t) + " ORDER BY " + quoted(key))) {
                        for (long n = 0; rs.next(); n++) {
                            if (n == maxRows) {
                                more = true;
                                break;
                            }
                            high = rs.getLong(1);
                            if (n == 0) {
                                low = high;
                            }
                        }
                    }
                }
                limit = more ? " WHERE " + quoted(key) + " <= " + high : "";
            } else if (key != null) {
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT MIN(" + quoted(key) + "), MAX(" + quoted(key) + ")" + from(t))) {
                    if (rs.next()) {
                        low = rs.getLong(1);
                        high = rs.getLong(2);
                    }
                }
            } else if (maxRows > 0) { // one task reads the first rows in the key's order (FETCH FIRST: PostgreSQL, H2, SQL:2008)
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*)" + from(t))) {
                    more = rs.next() && rs.getLong(1) > maxRows;
                }
                limit = orderBy(keys) + " FETCH FIRST " + maxRows + " ROWS ONLY";
            }
            // columns as c0, c1 …: names a reader elsewhere need not quote, and never two alike (Name and name); a type such
            // a reader may have no mapping for (JSON, arrays, intervals, enums, rows in H2; money[] in PostgreSQL) as text
            String text = "PostgreSQL".equals(md.getDatabaseProductName()) ? "TEXT" : "VARCHAR";
            List<String> aliased = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                String col = quoted(columns.get(i).name());
                aliased.add((AS_TEXT.contains(columns.get(i).type()) ? "CAST(" + col + " AS " + text + ")" : col) + " AS " + quoted("c" + i));
            }
            return new Database.Described(t.qualified(), columns.stream().map(Column::header).toList(),
                    "SELECT " + String.join(", ", aliased) + from(t) + limit, binary, key == null ? null : "c" + columns.indexOf(keyed), low,
                    high, more);
        } catch (SQLException | RuntimeException | LinkageError e) {
            String why = scrub.apply(why(e));
            throw new ReadException(new Message(name + ": テーブル " + table + " を読めません（" + why + "）",
                    name + ": cannot read table " + table + " (" + why + ")"), null);
        }
    }

    /** The table's rows in primary-key order, so that row N is the N-th by key. */
    private String select(TableRef t, List<Column> columns) throws SQLException {
        List<String> keys = keys(t);
        return "SELECT " + String.join(", ", columns.stream().map(col -> quoted(col.name())).toList()) + from(t)
                + orderBy(keys);
    }

    /** {@code FROM} the table ({@code ONLY} its own rows where PostgreSQL tables inherit from it). */
    private String from(TableRef t) throws SQLException {
        return " FROM " + (t.only() ? "ONLY " : "") + qualified(t);
    }

    /** {@code ORDER BY} the key's columns, or nothing without a key. */
    private String orderBy(List<String> keys) {
        return keys.isEmpty() ? "" : " ORDER BY " + String.join(", ", keys.stream().map(this::quoted).toList());
    }

    /** The primary key's columns, in key order. */
    private List<String> keys(TableRef t) throws SQLException {
        TreeMap<Short, String> keys = new TreeMap<>(); // by KEY_SEQ
        try (ResultSet rs = md.getPrimaryKeys(t.catalog(), t.schema(), t.name())) {
            while (rs.next()) {
                keys.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return List.copyOf(keys.values());
    }

    /** The tables to read, in schema and name order. */
    private List<TableRef> tables() throws SQLException {
        return tables(options.include());
    }

    private List<TableRef> tables(List<String> include) throws SQLException {
        List<Pattern> in = Globs.names(include);
        List<Pattern> out = Globs.names(options.exclude());
        boolean postgres = "PostgreSQL".equals(md.getDatabaseProductName());
        List<TableRef> chosen = new ArrayList<>();
        try (ResultSet rs = md.getTables(c.getCatalog(), null, "%", null)) {
            while (rs.next()) {
                String type = rs.getString("TABLE_TYPE");
                String schema = rs.getString("TABLE_SCHEM");
                TableRef t = new TableRef(rs.getString("TABLE_CAT"), schema, rs.getString("TABLE_NAME"), postgres && "TABLE".equals(type));
                boolean table = type != null && (TABLE_TYPES.contains(type.toUpperCase(Locale.ROOT))
                        || postgres && "PARTITIONED TABLE".equals(type));
                if (table && (schema == null || !SYSTEM_SCHEMAS.contains(schema.toLowerCase(Locale.ROOT)))
                        && (in.isEmpty() || Globs.matchName(in, t.qualified())) && !Globs.matchName(out, t.qualified())) {
                    chosen.add(t);
                }
            }
        }
        if (postgres) { // a partition chosen with its partitioned table is read through it, never twice
            Map<List<String>, List<String>> parents = partitionParents();
            Set<List<String>> keys = new java.util.HashSet<>();
            chosen.forEach(t -> keys.add(t.key()));
            chosen.removeIf(t -> {
                for (List<String> p = parents.get(t.key()); p != null; p = parents.get(p)) {
                    if (keys.contains(p)) {
                        return true;
                    }
                }
                return false;
            });
        }
        chosen.sort(Comparator.comparing((TableRef t) -> t.schema() == null ? "" : t.schema()).thenComparing(TableRef::name));
        return chosen;
    }

    /**
     * PostgreSQL's partitions and the table each belongs to ([schema, name] → [schema, name]). Read through its
     * partitioned table, a partition needs no rights of its own: the usual grant is on the partitioned table.
     */
    private Map<List<String>, List<String>> partitionParents() throws SQLException {
        Map<List<String>, List<String>> parents = new HashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT n.nspname, c.relname, pn.nspname, p.relname FROM pg_catalog.pg_class c"
                     + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace JOIN pg_catalog.pg_inherits i ON i.inhrelid = c.oid"
                     + " JOIN pg_catalog.pg_class p ON p.oid = i.inhparent JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace"
                     + " WHERE c.relispartition")) {
            while (rs.next()) {
                parents.put(List.of(rs.getString(1), rs.getString(2)), List.of(rs.getString(3), rs.getString(4)));
            }
        } catch (SQLException e) {
            // before PostgreSQL 10 there are no partitions (nor this column)
        }
        c.rollback();
        return parents;
    }

    /** Reads one table; a table that cannot be read is a problem, and the next table is read. Returns the rows read. */
    private long table(TableRef t) {
        String where = name + " " + t.qualified();
        row = 0;
        try {
            List<Column> columns = new ArrayList<>();
            List<String> binary = new ArrayList<>();
            columns(t, columns, binary);
            if (columns.isEmpty() && binary.isEmpty() && !stillThere(t)) {
                v.problem(new ReadProblem(name, -1, 0, new Message(where + ": 列が見えません（一覧の後で削除されたか、権限がありません）",
                        where + ": no column to be seen (dropped since the tables were listed, or no rights)"), true));
                return 0;
            }
            Runnable begin = () -> {
                v.table(t.qualified(), columns.stream().map(Column::header).toList());
                if (!binary.isEmpty()) {
                    v.problem(new ReadProblem(name, -1, 0, new Message(where + ": バイナリの列は読んでいません: " + String.join(", ", binary),
                            where + ": binary columns not read: " + String.join(", ", binary)), true));
                }
            };
            if (columns.isEmpty()) {
                begin.run();
                return 0;
            }
            rows(t, columns, begin, where);
        } catch (SQLException | RuntimeException | LinkageError | StackOverflowError e) {
            String why = scrub.apply(why(e));
            v.problem(new ReadProblem(name, -1, row, new Message(
                    where + ": " + (row == 0 ? "読めません" : row + " 行目の後を読めません") + "（" + why + "）",
                    where + ": " + (row == 0 ? "cannot be read" : "not read after row " + row) + " (" + why + ")"), true));
        } finally {
            try {
                c.rollback(); // nothing was written; after a failed query PostgreSQL needs it before the next
            } catch (SQLException | RuntimeException | LinkageError | StackOverflowError e) {
                // the connection is gone: the next table says so
            }
        }
        return row;
    }

    private void columns(TableRef t, List<Column> columns, List<String> binary) throws SQLException {
        try (ResultSet rs = md.getColumns(t.catalog(), like(t.schema()), like(t.name()), "%")) {
            while (rs.next()) {
                if (!t.is(rs)) {
                    continue; // a pattern's _ or % matched another table
                }
                String col = rs.getString("COLUMN_NAME");
                String typeName = rs.getString("TYPE_NAME");
                if (BINARY.contains(rs.getInt("DATA_TYPE")) || typeName != null && BINARY_NAME.matcher(typeName.strip()).matches()) {
                    binary.add(col);
                } else {
                    columns.add(new Column(col, header(col, rs.getString("REMARKS")), rs.getInt("DATA_TYPE")));
                }
            }
        }
    }

    /** A table listed with no column: one without columns (PostgreSQL allows it), not one dropped since. */
    private boolean stillThere(TableRef t) throws SQLException {
        try (ResultSet rs = md.getTables(t.catalog(), like(t.schema()), like(t.name()), null)) {
            while (rs.next()) {
                if (t.is(rs)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Delivers the table's rows, counting them in {@link #row}. */
    private void rows(TableRef t, List<Column> columns, Runnable begin, String where) throws SQLException {
        String sql = select(t, columns);
        long maxRows = options.maxRows();
        boolean[] failed = new boolean[columns.size()];
        boolean[] cut = new boolean[columns.size()];
        try (Statement st = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            if (maxRows > 0) { // one more, to know whether any was left out
                st.setMaxRows((int) Math.min(maxRows + 1, Integer.MAX_VALUE));
            }
            fetch(st::setFetchSize, 1); // the first row alone: its width is not known yet
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
                    List<String> cells = new ArrayList<>(columns.size());
                    long rowBytes = 0;
                    for (int i = 0; i < columns.size(); i++) {
                        String s = failed[i] ? null : value(rs, i, columns.get(i), failed, where);
                        rowBytes += Utf8.length(s); // whole, as the driver holds it: the fetch size follows
                        cells.add(cut(s, i, columns.get(i), cut, where));
                    }
                    v.row(row, row, cells);
                    tableBytes += rowBytes;
                    bytes += rowBytes;
                    if (Long.bitCount(row) == 1 || row % 1024 == 0) { // rows 1, 2, 4 … then every 1024: as wide rows as they come
                        fetch(rs::setFetchSize, Math.min(MAX_FETCH, FETCH_BYTES * row / Math.max(1, tableBytes)));
                    }
                    if (bytes - told >= 1 << 16) {
                        told = bytes;
                        v.progress(bytes);
                    }
                }
                if (more) {
                    v.problem(new ReadProblem(name, -1, row, new Message(
                            where + ": --db-max-rows により、主キーの順で " + row + " 行目より後は読んでいません",
                            where + ": rows after the first " + row + " in key order not read (--db-max-rows)"), true));
                }
            }
        }
    }

    private interface FetchSize {
        void set(int rows) throws SQLException;
    }

    /** A fetch size: a hint a driver may refuse (SQLite's, past the statement's row limit), so never above that. */
    private void fetch(FetchSize to, long rows) {
        long maxRows = options.maxRows();
        try {
            to.set((int) Math.max(1, maxRows > 0 ? Math.min(rows, maxRows + 1) : rows));
        } catch (SQLException e) {
            // the driver keeps its own
        }
    }

    private String value(ResultSet rs, int i, Column col, boolean[] failed, String where) {
        try {
            return rs.getString(i + 1);
        } catch (SQLException | RuntimeException e) {
            failed[i] = true;
            String why = scrub.apply(why(e));
            v.problem(new ReadProblem(name, -1, row, new Message(
                    where + ": 列 " + col.name() + " を " + row + " 行目から読めません（" + why + "）",
                    where + ": column " + col.name() + " not read from row " + row + " on (" + why + ")"), true));
            return null;
        }
    }

    /** A value cut at {@link #MAX_CELL} characters; the first cut in a column is said, as the rest of it is unread. */
    private String cut(String s, int i, Column col, boolean[] cut, String where) {
        if (s == null || s.length() <= MAX_CELL) {
            return s;
        }
        if (!cut[i]) {
            cut[i] = true;
            v.problem(new ReadProblem(name, -1, row, new Message(
                    where + ": 列 " + col.name() + " の " + MAX_CELL + " 文字を超える値は、その先を読んでいません（最初は " + row + " 行目）",
                    where + ": column " + col.name() + ": values longer than " + MAX_CELL + " characters are read only that far (first at row "
                            + row + ")"), true));
        }
        return s.substring(0, MAX_CELL);
    }

    /** An error for people: an SQL error's state and message, on one line. */
    static String why(Throwable e) {
        String m = e instanceof SQLException s ? (s.getSQLState() == null ? "" : "SQLState " + s.getSQLState() + ": ") + s.getMessage()
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.strip().replaceAll("\\s+", " ");
    }

    /** The column's name, with its comment where the schema has one: a comment often says what an English name means. */
    private static String header(String column, String remarks) {
        if (remarks == null || remarks.isBlank()) {
            return column;
        }
        String r = remarks.strip().replaceAll("\\s+", " ");
        return column + "（" + (r.length() > 100 ? r.substring(0, 100) + "…" : r) + "）";
    }

    private String identifierQuote() {
        try {
            String q = md.getIdentifierQuoteString();
            return q == null || q.isBlank() ? "" : q.strip();
        } catch (SQLException | RuntimeException | LinkageError e) {
            return "\"";
        }
    }

    private String quoted(String identifier) {
        return quote.isEmpty() ? identifier : quote + identifier.replace(quote, quote + quote) + quote;
    }

    private String qualified(TableRef t) throws SQLException {
        StringBuilder b = new StringBuilder();
        if (t.catalog() != null && !t.catalog().isEmpty() && md.supportsCatalogsInDataManipulation()
                && (t.schema() == null || t.schema().isEmpty())) {
            b.append(quoted(t.catalog())).append(md.getCatalogSeparator());
        }
        if (t.schema() != null && !t.schema().isEmpty()) {
            b.append(quoted(t.schema())).append('.');
        }
        return b.append(quoted(t.name())).toString();
    }

    /** A name as a metadata pattern: its _ and % escaped where the driver says how. */
    private String like(String s) throws SQLException {
        if (s == null) {
            return null;
        }
        String esc = md.getSearchStringEscape();
        if (esc == null || esc.isEmpty()) {
            return s;
        }
        return s.replace(esc, esc + esc).replace("_", esc + "_").replace("%", esc + "%");
    }

}
