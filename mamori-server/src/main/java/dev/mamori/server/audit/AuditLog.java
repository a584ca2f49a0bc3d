package dev.mamori.server.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The audit log: every read and write of the ledger, chained ({@link AuditChain#hash}) so that a changed, inserted or
 * deleted entry shows. Details name records by id and field, never by a person's data.
 *
 * <ul>
 *   <li>A <b>change</b> (create, update, delete, a login …) writes its entry in the caller's transaction to
 *       {@code audit_pending}, a row of its own, so the entry exists exactly when the change was committed. After the
 *       commit, and before the caller goes on, {@link AuditWriter} chains it (migration V9). Until V9 a change
 *       chained its entry itself, locking the chain's head until its commit was flushed: every change waited for
 *       the one before it.</li>
 *   <li>A <b>read</b> (list, read, export) is handed to {@link AuditWriter} after the caller's transaction committed
 *       and before the caller goes on (so before the data is answered); a read whose entry cannot be written fails.</li>
 * </ul>
 * The writer chains all entries waiting at that moment in one transaction of its own (a group commit).
 */
@Component
public class AuditLog {

    public enum Action { CREATE, UPDATE, DELETE, READ, LIST, EXPORT, LOGIN, LOGIN_FAILED, LOCKED, TOKEN_CREATED }

    private static final Set<Action> READS = Set.of(Action.READ, Action.LIST, Action.EXPORT);

    private final JdbcTemplate jdbc;
    private final AuditWriter writer;

    public AuditLog(JdbcTemplate jdbc, AuditWriter writer) {
        this.jdbc = jdbc;
        this.writer = writer;
    }

    /** One entry before it is chained. */
    record Pending(String at, String actor, Action action, String entity, String entityId, String detail) {
        Pending {
            detail = detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 4000);
        }

        static Pending now(String actor, Action action, String entity, Object id, String detail) {
            return new Pending(Instant.now().toString(), actor, action, entity, id == null ? null : id.toString(), detail);
        }
    }

    /** Records that the current user did {@code action} on {@code entity} {@code id} (in the caller's transaction). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Action action, String entity, Object id, String detail) {
        Pending p = Pending.now(currentUser(), action, entity, id, detail);
        if (READS.contains(action)) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    writer.write(p);
                }
            });
        } else {
            change(p);
        }
    }

    /** As {@link #record} for an actor that is not the logged-in user (a login attempt), in a transaction of its own. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAs(String actor, Action action, String entity, Object id, String detail) {
        change(Pending.now(actor, action, entity, id, detail));
    }

    private void change(Pending p) {
        jdbc.update("insert into audit_pending (at, actor, action, entity, entity_id, detail) values (?, ?, ?, ?, ?, ?)",
                p.at(), p.actor(), p.action().name(), p.entity(), p.entityId(), p.detail());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                writer.settle();
            }
        });
    }

    /** The changes' entries waiting in {@code audit_pending}, oldest first, with their row ids. */
    static List<Map.Entry<Long, Pending>> pending(JdbcTemplate jdbc, int most) {
        return jdbc.query("select id, at, actor, action, entity, entity_id, detail from audit_pending order by id limit ?",
                (rs, n) -> Map.entry(rs.getLong(1), new Pending(rs.getString(2), rs.getString(3), Action.valueOf(rs.getString(4)),
                        rs.getString(5), rs.getString(6), rs.getString(7))), most);
    }

    /** The chain's last entry: its number and hash. */
    record Head(long seq, String hash) {
    }

    /**
     * Locks the chain's head row for the transaction of {@code jdbc}'s connection and reads it: a second writer (another
     * server on the same database) waits here, and then sees what this one chained.
     */
    static Head lockHead(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select seq, hash from audit_head where id = 1 for update", (rs, n) -> new Head(rs.getLong(1), rs.getString(2)));
    }

    /** Chains {@code entries} after {@code head} (locked by {@link #lockHead} in the same transaction) and moves the head. */
    static void append(JdbcTemplate jdbc, Head head, List<Pending> entries) {
        long seq = head.seq();
        String prev = head.hash();
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (Pending e : entries) {
            seq++;
            String hash = AuditChain.hash(prev, seq, e.at(), e.actor(), e.action().name(), e.entity(), e.entityId(), e.detail());
            rows.add(new Object[] {seq, e.at(), e.actor(), e.action().name(), e.entity(), e.entityId(), e.detail(), prev, hash});
            prev = hash;
        }
        jdbc.batchUpdate("insert into audit_log (seq, at, actor, action, entity, entity_id, detail, prev_hash, hash)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        jdbc.update("update audit_head set seq = ?, hash = ? where id = 1", seq, prev);
    }

    private static String currentUser() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null ? "system" : a.getName();
    }
}
