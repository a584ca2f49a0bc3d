package dev.mamori.server.db;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Copies every table of the ledger from one database to another, found from JDBC metadata rather than from a list (so
 * tables added by later migrations come along), in foreign-key order, in one transaction on the target. Knows nothing
 * of Flyway or of the command line: {@link DbCopyCommand} migrates and checks before, and verifies after.
 */
final class DbCopy {

    /** Flyway's own table: the target has its own history from its migration. */
    static final String FLYWAY_TABLE = "flyway_schema_history";

    private static final int BATCH = 500;

    private DbCopy() {
    }

    /** The application's tables in {@code c}'s current schema, lower-case, parents before the tables that refer to them. */
    static List<String> tablesInForeignKeyOrder(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        Map<String, Set<String>> parents = new TreeMap<>(); // sorted, so the order is the same on every run
        try (ResultSet rs = md.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String t = rs.getString("TABLE_NAME");
                if (!t.equalsIgnoreCase(FLYWAY_TABLE)) {
                    parents.put(t.toLowerCase(Locale.ROOT), new LinkedHashSet<>());
                }
            }
        }
        for (Map.Entry<String, Set<String>> e : parents.entrySet()) {
            try (ResultSet rs = md.getImportedKeys(c.getCatalog(), c.getSchema(), metadataName(md, e.getKey()))) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(e.getKey())) { // a row referring to its own table is not an ordering constraint between tables
                        e.getValue().add(parent);
                    }
                }
            }
        }
        List<String> order = new ArrayList<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (String t : parents.keySet()) {
            visit(t, parents, visiting, order);
        }
        return order;
    }

    private static void visit(String t, Map<String, Set<String>> parents, Set<String> visiting, List<String> order) {
        if (order.contains(t)) {
            return;
        }
        if (!visiting.add(t)) {
            throw new IllegalStateException("the foreign keys between the tables " + visiting + " form a cycle; they cannot be copied in order");
        }
        for (String p : parents.getOrDefault(t, Set.of())) {
            if (parents.containsKey(p)) {
                visit(p, parents, visiting, order);
            }
        }
        visiting.remove(t);
        order.add(t);
    }

    /** A table's name as the metadata of that database spells unquoted names (H2 upper-case, PostgreSQL lower-case). */
    private static String metadataName(DatabaseMetaData md, String lower) throws SQLException {
        return md.storesUpperCaseIdentifiers() ? lower.toUpperCase(Locale.ROOT) : lower;
    }

    static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Row counts of {@code tables} in {@code c}, in the given order. */
    static Map<String, Long> counts(Connection c, List<String> tables) throws SQLException {
        Map<String, Long> n = new LinkedHashMap<>();
        for (String t : tables) {
            n.put(t, count(c, t));
        }
        return n;
    }

    /**
     * Empties {@code tables} on the target (children first: only the rows the migrations themselves inserted are there,
     * which the caller checked), then copies each table's rows with their ids. The caller commits.
     */
    static void copy(Connection source, Connection target, List<String> tables) throws SQLException {
        try (Statement s = target.createStatement()) {
            for (int i = tables.size() - 1; i >= 0; i--) {
                s.executeUpdate("delete from " + tables.get(i));
            }
        }
        for (String t : tables) {
            copyTable(source, target, t);
        }
    }

    private static void copyTable(Connection source, Connection target, String table) throws SQLException {
        Map<String, Integer> targetTypes = columnTypes(target, table);
        try (Statement s = source.createStatement()) {
            s.setFetchSize(BATCH);
            try (ResultSet rs = s.executeQuery("select * from " + table)) {
                ResultSetMetaData md = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    String col = md.getColumnName(i).toLowerCase(Locale.ROOT);
                    if (!targetTypes.containsKey(col)) {
                        throw new SQLException("the column " + table + "." + col + " of the source is missing on the target");
                    }
                    columns.add(col);
                }
                String sql = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                        + String.join(", ", columns.stream().map(x -> "?").toList()) + ")";
                try (PreparedStatement ps = target.prepareStatement(sql)) {
                    int pending = 0;
                    while (rs.next()) {
                        for (int i = 1; i <= columns.size(); i++) {
                            Object v = rs.getObject(i);
                            if (v == null) {
                                ps.setNull(i, targetTypes.get(columns.get(i - 1)));
                            } else {
                                ps.setObject(i, v);
                            }
                        }
                        ps.addBatch();
                        if (++pending == BATCH) {
                            ps.executeBatch();
                            pending = 0;
                        }
                    }
                    if (pending > 0) {
                        ps.executeBatch();
                    }
                }
            }
        }
    }

    private static Map<String, Integer> columnTypes(Connection c, String table) throws SQLException {
        Map<String, Integer> types = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select * from " + table + " where 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                types.put(md.getColumnName(i).toLowerCase(Locale.ROOT), md.getColumnType(i));
            }
        }
        return types;
    }

    /**
     * On PostgreSQL, moves each identity or serial column's sequence past the largest copied value: the copy inserted
     * the ids itself, so the sequences still stand at 1 and the next insert would collide with a copied row.
     */
    static void resetPostgresSequences(Connection target, List<String> tables) throws SQLException {
        String find = "select column_name from information_schema.columns where table_schema = current_schema()"
                + " and table_name = ? and (is_identity = 'YES' or column_default like 'nextval(%')";
        for (String t : tables) {
            List<String> cols = new ArrayList<>();
            try (PreparedStatement ps = target.prepareStatement(find)) {
                ps.setString(1, t);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        cols.add(rs.getString(1));
                    }
                }
            }
            for (String col : cols) {
                // is_called = false: the next value handed out is exactly max + 1 (1 for an empty table)
                try (PreparedStatement ps = target.prepareStatement("select setval(pg_get_serial_sequence(?, ?),"
                        + " coalesce(max(" + col + "), 0) + 1, false) from " + t)) {
                    ps.setString(1, t);
                    ps.setString(2, col);
                    ps.executeQuery().close();
                }
            }
        }
    }
}
