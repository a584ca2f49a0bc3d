package dev.mamori.server.db;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

    /** What one transaction adds to each count, and how to count from scratch a count the migration did not make. */
    private record Changes(Map<String, Long> deltas, Map<String, Recount> recounts) {
    }

    private record Recount(String sql, Object[] params) {
    }

    /**
     * Adds {@code delta} to the count {@code name} in the caller's transaction (after its insert or delete). The count's
     * row is written just before the commit, however early the call: all writers of a register wait for that row, so
     * it is held for the commit only. A count the migration did not make is made then from {@code countSql} with
     * {@code params}, which already sees the transaction's changes.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void add(String name, long delta, String countSql, Object... params) {
        Changes changes = (Changes) TransactionSynchronizationManager.getResource(this);
        if (changes == null) {
            Changes mine = new Changes(new LinkedHashMap<>(), new LinkedHashMap<>());
            changes = mine;
            TransactionSynchronizationManager.bindResource(this, mine);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public int getOrder() {
                    return Integer.MAX_VALUE - 1; // just before the audit log's entries (which lock its head last)
                }

                @Override
                public void beforeCommit(boolean readOnly) {
                    mine.deltas().forEach((n, d) -> write(n, d, mine.recounts().get(n)));
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(RowCounts.this);
                }
            });
        }
        changes.deltas().merge(name, delta, Long::sum);
        changes.recounts().putIfAbsent(name, new Recount(countSql, params));
    }

    private void write(String name, long delta, Recount recount) {
        if (jdbc.sql("update row_count set n = n + ? where name = ?").params(delta, name).update() == 0) {
            long n = jdbc.sql(recount.sql()).params(List.of(recount.params())).query(Long.class).single();
            jdbc.sql("insert into row_count (name, n) values (?, ?)").params(name, n).update();
        }
    }
}
