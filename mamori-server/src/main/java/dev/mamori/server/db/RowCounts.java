package dev.mamori.server.db;

import java.util.List;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unfiltered lists' totals, kept in table {@code row_count} (migration V5) instead of counted on every page.
 * Each insert or delete changes its count in its own transaction, so a count is exactly as committed as the rows.
 */
@Component
public class RowCounts {

    private final JdbcClient jdbc;

    public RowCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The kept count {@code name}, if there is one. */
    public OptionalLong get(String name) {
        List<Long> n = jdbc.sql("select n from row_count where name = ?").param(name).query(Long.class).list();
        return n.isEmpty() ? OptionalLong.empty() : OptionalLong.of(n.get(0));
    }

    /**
     * Adds {@code delta} to the count {@code name}, in the caller's transaction (after its insert or delete). A count
     * the migration did not make is made here from {@code countSql} with {@code params}, which already sees the change.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void add(String name, long delta, String countSql, Object... params) {
        if (jdbc.sql("update row_count set n = n + ? where name = ?").params(delta, name).update() == 0) {
            long n = jdbc.sql(countSql).params(List.of(params)).query(Long.class).single();
            jdbc.sql("insert into row_count (name, n) values (?, ?)").params(name, n).update();
        }
    }
}
