package dev.mamori.server.register;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.mamori.server.db.RowCounts;
import dev.mamori.server.db.Search;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The registers' entries in the database (plain SQL, the same on H2 and PostgreSQL). */
@Repository
class RegisterRepository {

    /** The orders a list may have, and their SQL. */
    static final Map<String, String> SORTS = Map.of("updated", "updated_at", "created", "created_at", "due", "due_on",
            "title", "title", "id", "id");

    record Row(long id, int version, String json, Instant createdAt, Instant updatedAt, String updatedBy) {
    }

    record Page(List<Row> rows, long total, int page, int size) {
    }

    /** The columns kept beside the JSON: what lists, the dashboard and the purge look for. */
    record Columns(String title, String search, boolean open, LocalDate dueOn, LocalDate keepUntil) {
    }

    private static final String COUNT_SQL = "select count(*) from register_entry where register = ?";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final RowCounts counts;

    RegisterRepository(JdbcClient jdbc, ObjectMapper json, RowCounts counts) {
        this.jdbc = jdbc;
        this.json = json;
        this.counts = counts;
    }

    /** The name of a register's count in {@link RowCounts}. */
    static String countName(String register) {
        return "register:" + register;
    }

    /** Counts a register's entries (what the kept count must equal). */
    long countAll(String register) {
        return jdbc.sql(COUNT_SQL).param(register).query(Long.class).single();
    }

    Page list(String register, String query, Filter filter, LocalDate today, String sort, boolean descending, int page, int size) {
        StringBuilder where = new StringBuilder(" where register = ?");
        boolean whole = (query == null || query.isBlank()) && filter != Filter.OPEN && filter != Filter.OVERDUE;
        List<Object> params = new ArrayList<>(List.of(register));
        if (query != null && !query.isBlank()) {
            where.append(" and search_text like ?");
            params.add(Search.like(query));
        }
        if (filter == Filter.OPEN) {
            where.append(" and is_open = true");
        } else if (filter == Filter.OVERDUE) {
            where.append(" and is_open = true and due_on < ?");
            params.add(Date.valueOf(today));
        }
        // a whole register: the kept count (counting every row on every page is what made PostgreSQL's list pages slow)
        String dir = descending ? " desc" : " asc";
        // entries without a due day come last either way
        String order = "due".equals(sort) ? "case when due_on is null then 1 else 0 end, due_on" + dir
                : SORTS.getOrDefault(sort, "updated_at") + dir;
        List<Object> p2 = new ArrayList<>(params);
        p2.add(size);
        p2.add((long) page * size);
        List<Row> rows = jdbc.sql("select id, version, data_json, created_at, updated_at, updated_by from register_entry" + where
                        + " order by " + order + ", id" + dir + " limit ? offset ?")
                .params(p2).query(this::row).list();
        long total = whole ? counts.get(countName(register)).orElseGet(() -> countAll(register))
                : Search.total(page, size, rows.size(), () -> jdbc.sql("select count(*) from register_entry" + where).params(params)
                        .query(Long.class).single());
        return new Page(rows, total, page, size);
    }

    Optional<Row> find(String register, long id) {
        return jdbc.sql("select id, version, data_json, created_at, updated_at, updated_by from register_entry where register = ? and id = ?")
                .params(register, id).query(this::row).optional();
    }

    long insert(String register, Object data, Columns c, String user, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into register_entry (register, version, title, search_text, is_open, due_on, keep_until, data_json, created_at,"
                        + " updated_at, updated_by) values (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(register, c.title(), c.search(), c.open(), date(c.dueOn()), date(c.keepUntil()), write(data), Timestamp.from(now),
                        Timestamp.from(now), user)
                .update(key, "id");
        counts.add(countName(register), 1);
        return key.getKeyAs(Number.class).longValue();
    }

    /** Saves over {@code version}; false when someone saved another version first. */
    boolean update(String register, long id, int version, Object data, Columns c, String user, Instant now) {
        return jdbc.sql("update register_entry set version = version + 1, title = ?, search_text = ?, is_open = ?, due_on = ?,"
                        + " keep_until = ?, data_json = ?, updated_at = ?, updated_by = ? where register = ? and id = ? and version = ?")
                .params(c.title(), c.search(), c.open(), date(c.dueOn()), date(c.keepUntil()), write(data), Timestamp.from(now), user,
                        register, id, version)
                .update() == 1;
    }

    /** Refreshes the computed columns only (after a change of the settings); the version stays. */
    void recompute(long id, Columns c) {
        jdbc.sql("update register_entry set title = ?, search_text = ?, is_open = ?, due_on = ?, keep_until = ? where id = ?")
                .params(c.title(), c.search(), c.open(), date(c.dueOn()), date(c.keepUntil()), id).update();
    }

    void snapshot(long id, int version, Instant at, String user, String dataJson) {
        jdbc.sql("insert into register_history (entry_id, version, changed_at, changed_by, snapshot_json) values (?, ?, ?, ?, ?)")
                .params(id, version, Timestamp.from(at), user, dataJson).update();
    }

    record Version(int version, Instant changedAt, String changedBy, String json) {
    }

    List<Version> history(long id) {
        return jdbc.sql("select version, changed_at, changed_by, snapshot_json from register_history where entry_id = ? order by version desc")
                .param(id)
                .query((rs, n) -> new Version(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** Every entry of a register, oldest first (for exports and recomputing). */
    List<Row> all(String register) {
        return jdbc.sql("select id, version, data_json, created_at, updated_at, updated_by from register_entry where register = ? order by id")
                .param(register).query(this::row).list();
    }

    /** Open entries whose next deadline is on or before {@code until}, soonest first. */
    List<Row> due(String register, LocalDate until, int limit) {
        return jdbc.sql("select id, version, data_json, created_at, updated_at, updated_by from register_entry"
                        + " where register = ? and is_open = true and due_on <= ? order by due_on, id limit ?")
                .params(register, Date.valueOf(until), limit).query(this::row).list();
    }

    /** Entries whose last day to be kept is before {@code today}: the ones that may go. */
    List<Expired> expired(String register, LocalDate today) {
        return jdbc.sql("select id, keep_until from register_entry where register = ? and keep_until < ? order by id")
                .params(register, Date.valueOf(today)).query((rs, n) -> new Expired(rs.getLong(1), rs.getDate(2).toLocalDate())).list();
    }

    record Expired(long id, LocalDate keepUntil) {
    }

    long countExpired(String register, LocalDate today) {
        return jdbc.sql("select count(*) from register_entry where register = ? and keep_until < ?")
                .params(register, Date.valueOf(today)).query(Long.class).single();
    }

    long countOpen(String register) {
        return jdbc.sql("select count(*) from register_entry where register = ? and is_open = true").param(register).query(Long.class).single();
    }

    /** Deletes an entry and its history (its keeping period is over). */
    void delete(String register, long id) {
        jdbc.sql("delete from register_history where entry_id = ?").param(id).update();
        if (jdbc.sql("delete from register_entry where register = ? and id = ?").params(register, id).update() == 1) {
            counts.add(countName(register), -1);
        }
    }

    String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(),
                rs.getString(6));
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
