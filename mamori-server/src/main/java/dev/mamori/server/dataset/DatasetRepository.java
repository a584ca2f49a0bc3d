package dev.mamori.server.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import db.migration.V7__dataset_list_columns;
import dev.mamori.server.db.RowCounts;
import dev.mamori.server.db.Search;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The datasets in the database (plain SQL, the same on H2 and PostgreSQL). */
@Repository
class DatasetRepository {

    /** The columns a list may be sorted by, and their SQL. */
    static final Map<String, String> SORTS = Map.of("name", "name", "persons", "persons", "updated", "updated_at", "id", "id");

    private static final TypeReference<List<DataItem>> ITEMS = new TypeReference<>() { };
    private static final TypeReference<List<Contractor>> CONTRACTORS = new TypeReference<>() { };

    /** The columns of a {@link DatasetSummary}: not the items, contractors or evidence (JSON). */
    private static final String SUMMARY = "id, version, name, purpose, persons, handlers, system_name, item_count, my_number, pia_published_on,"
            + " updated_at, updated_by";

    /** The name of the datasets' count in {@link RowCounts}. */
    static final String COUNT = "dataset";
    private static final String COUNT_SQL = "select count(*) from dataset";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final RowCounts counts;

    DatasetRepository(JdbcClient jdbc, ObjectMapper json, RowCounts counts) {
        this.jdbc = jdbc;
        this.json = json;
        this.counts = counts;
    }

    public record Page(List<DatasetSummary> rows, long total, int page, int size) {
        public long pages() {
            return Math.max(1, (total + size - 1) / size);
        }
    }

    Page list(String query, String sort, boolean descending, int page, int size) {
        String where = "";
        List<Object> params = new ArrayList<>();
        if (query != null && !query.isBlank()) {
            where = " where search_text like ?";
            params.add(Search.like(query));
        }
        String order = SORTS.getOrDefault(sort, "updated_at") + (descending ? " desc" : " asc") + ", id" + (descending ? " desc" : " asc");
        List<Object> p2 = new ArrayList<>(params);
        p2.add(size);
        p2.add((long) page * size);
        List<DatasetSummary> rows = jdbc.sql("select " + SUMMARY + " from dataset" + where + " order by " + order + " limit ? offset ?")
                .params(p2).query(DatasetRepository::summary).list();
        // unfiltered: the kept count (counting every row on every page is what made PostgreSQL's list pages slow)
        String filtered = where;
        long total = where.isEmpty() ? counts.get(COUNT).orElseGet(this::countAll)
                : Search.total(page, size, rows.size(), () -> jdbc.sql("select count(*) from dataset" + filtered).params(params)
                        .query(Long.class).single());
        return new Page(rows, total, page, size);
    }

    /** Every dataset, whole, in the order of their ids. */
    List<Dataset> all() {
        return jdbc.sql("select * from dataset order by id").query(this::row).list();
    }

    Optional<Dataset> find(long id) {
        return jdbc.sql("select * from dataset where id = ?").param(id).query(this::row).optional();
    }

    /** Saves a new dataset and returns it as stored (version 1), without reading it back. */
    Dataset insert(DatasetInput in, String evidence, String user, Instant at) {
        Instant now = at.truncatedTo(ChronoUnit.MICROS); // what both databases keep of it
        Dataset d = new Dataset(0, 1, in.name().strip(), in.purpose().strip(), in.persons(), in.handlers(), blank(in.systemName()),
                blank(in.location()), blank(in.cloudProvider()), in.cloudCountry(), blank(in.retention()), in.piaPublishedOn(),
                blank(in.piaReference()), in.items(), in.contractors(), evidence != null, now, now, user);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into dataset (version, name, purpose, persons, handlers, system_name, location, cloud_provider, cloud_country,"
                        + " retention, pia_published_on, pia_reference, items_json, item_count, my_number, search_text, contractors_json, evidence_json,"
                        + " created_at, updated_at, updated_by) values (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(d.name(), d.purpose(), d.persons(), d.handlers(), d.systemName(), d.location(), d.cloudProvider(), d.cloudCountry(),
                        d.retention(), date(d.piaPublishedOn()), d.piaReference(), write(d.items()), d.items().size(), myNumber(in),
                        searchText(in), write(d.contractors()), evidence, Timestamp.from(now), Timestamp.from(now), user)
                .update(key, "id");
        counts.add(COUNT, 1);
        return d.withId(key.getKeyAs(Number.class).longValue());
    }

    /** Counts the datasets (what the kept count must equal). */
    long countAll() {
        return jdbc.sql(COUNT_SQL).query(Long.class).single();
    }

    /** Saves {@code in} over version {@code in.version()}; false when someone saved another version first. */
    boolean update(long id, DatasetInput in, String user, Instant now) {
        return jdbc.sql("update dataset set version = version + 1, name = ?, purpose = ?, persons = ?, handlers = ?, system_name = ?,"
                        + " location = ?, cloud_provider = ?, cloud_country = ?, retention = ?, pia_published_on = ?, pia_reference = ?, items_json = ?, item_count = ?,"
                        + " my_number = ?, search_text = ?, contractors_json = ?,"
                        + " updated_at = ?, updated_by = ?"
                        + " where id = ? and version = ?")
                .params(in.name().strip(), in.purpose().strip(), in.persons(), in.handlers(), blank(in.systemName()), blank(in.location()),
                        blank(in.cloudProvider()), in.cloudCountry(), blank(in.retention()), date(in.piaPublishedOn()), blank(in.piaReference()),
                        write(in.items()), in.items().size(), myNumber(in), searchText(in), write(in.contractors()), Timestamp.from(now), user,
                        id, in.version())
                .update() == 1;
    }

    void snapshot(Dataset d) {
        jdbc.sql("insert into dataset_history (dataset_id, version, changed_at, changed_by, snapshot_json) values (?, ?, ?, ?, ?)")
                .params(d.id(), d.version(), Timestamp.from(d.updatedAt()), d.updatedBy(), write(DatasetInput.of(d))).update();
    }

    public record Version(int version, Instant changedAt, String changedBy, DatasetInput values) {
    }

    List<Version> history(long id) {
        return jdbc.sql("select version, changed_at, changed_by, snapshot_json from dataset_history where dataset_id = ? order by version desc")
                .param(id)
                .query((rs, n) -> new Version(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3), read(rs.getString(4), DatasetInput.class)))
                .list();
    }

    Optional<String> evidence(long id) {
        return jdbc.sql("select evidence_json from dataset where id = ?").param(id).query(String.class).optional();
    }

    private static String searchText(DatasetInput in) {
        return Search.text(V7__dataset_list_columns.SEARCH_MAX, in.name(), in.purpose(), in.systemName());
    }

    private static boolean myNumber(DatasetInput in) {
        return in.items().stream().anyMatch(i -> i != null && i.myNumber());
    }

    private static DatasetSummary summary(ResultSet rs, int n) throws SQLException {
        return DatasetSummary.of(rs.getLong("id"), rs.getInt("version"), rs.getString("name"), rs.getString("purpose"),
                rs.getObject("persons", Long.class), rs.getObject("handlers", Long.class), rs.getString("system_name"), rs.getInt("item_count"),
                rs.getBoolean("my_number"), rs.getObject("pia_published_on", java.time.LocalDate.class), rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"));
    }

    private Dataset row(ResultSet rs, int n) throws SQLException {
        return new Dataset(rs.getLong("id"), rs.getInt("version"), rs.getString("name"), rs.getString("purpose"), rs.getObject("persons", Long.class),
                rs.getObject("handlers", Long.class), rs.getString("system_name"), rs.getString("location"), rs.getString("cloud_provider"),
                rs.getString("cloud_country"), rs.getString("retention"),
                rs.getObject("pia_published_on", java.time.LocalDate.class), rs.getString("pia_reference"), read(rs.getString("items_json"), ITEMS),
                rs.getString("contractors_json") == null ? List.of() : read(rs.getString("contractors_json"), CONTRACTORS),
                rs.getString("evidence_json") != null, rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"));
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String s, Class<T> type) {
        try {
            return json.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored dataset could not be read: " + e.getOriginalMessage(), e);
        }
    }

    private <T> T read(String s, TypeReference<T> type) {
        try {
            return json.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored dataset could not be read: " + e.getOriginalMessage(), e);
        }
    }

    private static java.sql.Date date(java.time.LocalDate d) {
        return d == null ? null : java.sql.Date.valueOf(d);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
