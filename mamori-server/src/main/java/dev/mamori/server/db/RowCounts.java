package dev.mamori.server.db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unfiltered lists' totals, kept in table {@code row_count} (migration V5) instead of counted on every page.
 * An insert or delete writes its change in its own transaction, as a row of its own in {@code row_count_delta}
 * (migration V9), so that no two transactions wait for one counter row; the audit log's writer folds the changes into
 * {@code row_count} after their commits. A count is the kept number plus the changes not folded yet: exactly as
 * committed, whenever it is read.
 */
@Component
public class RowCounts {

    private final JdbcClient jdbc;

    public RowCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The kept count {@code name}, if there is one (else the list counts its rows). */
    public OptionalLong get(String name) {
        List<Long> n = jdbc.sql("select n + coalesce((select sum(delta) from row_count_delta where name = ?), 0) from row_count where name = ?")
                .params(name, name).query(Long.class).list();
        return n.isEmpty() ? OptionalLong.empty() : OptionalLong.of(n.get(0));
    }

    /** Adds {@code delta} to the count {@code name}, in the caller's transaction (with its insert or delete). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void add(String name, long delta) {
        jdbc.sql("insert into row_count_delta (name, delta) values (?, ?)").params(name, delta).update();
    }

    /**
     * Folds the committed changes into {@code row_count}, in the transaction of {@code jdbc}'s connection: exactly the
     * rows read are deleted (a change with a lower id may commit later, and is folded next time). A change to a count
     * that has no row is dropped: that list counts its rows.
     */
    public static void fold(JdbcTemplate jdbc) {
        List<Long> ids = new ArrayList<>();
        Map<String, Long> sums = new LinkedHashMap<>();
        jdbc.query("select id, name, delta from row_count_delta", rs -> {
            ids.add(rs.getLong(1));
            sums.merge(rs.getString(2), rs.getLong(3), Long::sum);
        });
        if (ids.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("update row_count set n = n + ? where name = ?", sums.entrySet().stream()
                .map(e -> new Object[] {e.getValue(), e.getKey()}).toList());
        jdbc.batchUpdate("delete from row_count_delta where id = ?", ids.stream().map(id -> new Object[] {id}).toList());
    }
}
