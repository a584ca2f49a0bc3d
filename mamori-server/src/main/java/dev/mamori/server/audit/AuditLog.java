package dev.mamori.server.audit;

import java.time.Instant;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to the audit log in the caller's transaction, so an entry exists exactly when the change it records was
 * committed. Entries are chained ({@link AuditChain#hash}); writers take the head row's lock one after another.
 * Details name records by id and field, never by a person's data.
 */
@Component
public class AuditLog {

    public enum Action { CREATE, UPDATE, DELETE, READ, LIST, EXPORT, LOGIN, LOGIN_FAILED, LOCKED, TOKEN_CREATED }

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that the current user did {@code action} on {@code entity} {@code id}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Action action, String entity, Object id, String detail) {
        append(currentUser(), action, entity, id == null ? null : id.toString(), detail);
    }

    /** As {@link #record} for an actor that is not the logged-in user (a login attempt), in a transaction of its own. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAs(String actor, Action action, String entity, Object id, String detail) {
        append(actor, action, entity, id == null ? null : id.toString(), detail);
    }

    private void append(String actor, Action action, String entity, String id, String detail) {
        Map<String, Object> head = jdbc.sql("select seq, hash from audit_head where id = 1 for update").query().singleRow();
        long seq = ((Number) head.get("seq")).longValue() + 1;
        String prev = (String) head.get("hash");
        String at = Instant.now().toString();
        String d = detail == null ? null : detail.length() > 4000 ? detail.substring(0, 4000) : detail;
        String hash = AuditChain.hash(prev, seq, at, actor, action.name(), entity, id, d);
        jdbc.sql("insert into audit_log (seq, at, actor, action, entity, entity_id, detail, prev_hash, hash)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(seq, at, actor, action.name(), entity, id, d, prev, hash).update();
        jdbc.sql("update audit_head set seq = ?, hash = ? where id = 1").params(seq, hash).update();
    }

    private static String currentUser() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null ? "system" : a.getName();
    }
}
