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
 *   <li>A <b>change</b> (create, update, delete …) is appended in the caller's transaction, so its entry exists exactly
 *       when the change was committed. It is appended just before the commit, whatever the point of the call: the
 *       chain's head row is locked from then until the commit, and every writer waits for that lock, so it is held for
 *       the commit only, not for the rest of the caller's work.</li>
 *   <li>A <b>read</b> (list, read, export) is appended after the caller's transaction committed and before the caller
 *       goes on (so before the data is answered): {@link AuditWriter} writes the reads of all requests waiting at that
 *       moment in one transaction of its own (a group commit), instead of one commit and one turn on the head row per
 *       read. A read whose entry cannot be written fails, as before.</li>
 * </ul>
 */
@Component
public class AuditLog {

    public enum Action { CREATE, UPDATE, DELETE, READ, LIST, EXPORT, LOGIN, LOGIN_FAILED, LOCKED, TOKEN_CREATED }

    private static final Set<Action> READS = Set.of(Action.READ, Action.LIST, Action.EXPORT);

    private final JdbcTemplate jdbc;
    private final AuditWriter reads;

    public AuditLog(JdbcTemplate jdbc, AuditWriter reads) {
        this.jdbc = jdbc;
        this.reads = reads;
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
        TransactionSynchronizationManager.registerSynchronization(READS.contains(action)
                ? new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        reads.write(p);
                    }
                }
                : new TransactionSynchronization() {
                    @Override
                    public int getOrder() {
                        return Integer.MAX_VALUE; // after every other before-commit work (kept counts): the head is locked last
                    }

                    @Override
                    public void beforeCommit(boolean readOnly) {
                        append(jdbc, List.of(p));
                    }
                });
    }

    /** As {@link #record} for an actor that is not the logged-in user (a login attempt), in a transaction of its own. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAs(String actor, Action action, String entity, Object id, String detail) {
        append(jdbc, List.of(Pending.now(actor, action, entity, id, detail)));
    }

    /** Chains {@code entries} after the head, in the transaction of {@code jdbc}'s connection, and moves the head. */
    static void append(JdbcTemplate jdbc, List<Pending> entries) {
        Map<String, Object> head = jdbc.queryForMap("select seq, hash from audit_head where id = 1 for update");
        long seq = ((Number) head.get("seq")).longValue();
        String prev = (String) head.get("hash");
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
