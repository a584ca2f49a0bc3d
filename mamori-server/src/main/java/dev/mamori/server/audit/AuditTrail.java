package dev.mamori.server.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log for those who audit: its entries, newest first, filtered by who, what and when, and the check of its
 * chain. Reading the log is itself written to the log.
 */
@Service
class AuditTrail {

    static final ZoneId JST = ZoneId.of("Asia/Tokyo");

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final AuditLog audit;

    AuditTrail(JdbcClient jdbc, JdbcTemplate template, AuditLog audit) {
        this.jdbc = jdbc;
        this.template = template;
        this.audit = audit;
    }

    /** An entry as the log holds it ({@code at} is the instant written, UTC). */
    public record Entry(long seq, String at, String actor, String action, String entity, String entityId, String detail) {
        /** When it was written, in Japan's time. */
        public String localTime() {
            return local(at);
        }
    }

    /**
     * Which entries to show; null or blank means any.
     *
     * @param from the first day (Japan time), inclusive
     * @param to   the last day (Japan time), inclusive
     */
    public record Filter(String actor, String action, String entity, LocalDate from, LocalDate to) {
        boolean any() {
            return blank(actor) && blank(action) && blank(entity) && from == null && to == null;
        }
    }

    public record Page(List<Entry> rows, long total, int page, int size) {
        public long pages() {
            return Math.max(1, (total + size - 1) / size);
        }
    }

    @Transactional
    public Page list(Filter f, int page, int size) {
        int p = Math.max(0, page);
        int s = Math.min(Math.max(1, size), 500);
        List<Object> params = new ArrayList<>();
        String where = where(f, params);
        long total = jdbc.sql("select count(*) from audit_log" + where).params(params).query(Long.class).single();
        List<Object> p2 = new ArrayList<>(params);
        p2.add(s);
        p2.add((long) p * s);
        List<Entry> rows = jdbc.sql("select seq, at, actor, action, entity, entity_id, detail from audit_log" + where
                        + " order by seq desc limit ? offset ?").params(p2).query(ENTRY).list();
        audit.record(AuditLog.Action.LIST, "audit_log", null, "page " + p + ", " + rows.size() + " of " + total + (f.any() ? "" : ", filtered"));
        return new Page(rows, total, p, s);
    }

    /**
     * Every entry the filter lets through, oldest first, read in one query (so the entries this very export adds
     * do not shift what is read) and recorded as one export.
     */
    @Transactional
    public List<Entry> export(Filter f) {
        List<Object> params = new ArrayList<>();
        List<Entry> rows = jdbc.sql("select seq, at, actor, action, entity, entity_id, detail from audit_log" + where(f, params)
                + " order by seq").params(params).query(ENTRY).list();
        audit.record(AuditLog.Action.EXPORT, "audit_log", null, "csv, " + rows.size() + " entries" + (f.any() ? "" : ", filtered"));
        return rows;
    }

    private static final org.springframework.jdbc.core.RowMapper<Entry> ENTRY = (rs, n) -> new Entry(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7));

    /** The SQL condition of a filter, its parameters added to {@code params}. */
    private static String where(Filter f, List<Object> params) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (!blank(f.actor())) {
            where.append(" and actor = ?");
            params.add(f.actor().strip());
        }
        if (!blank(f.action())) {
            where.append(" and action = ?");
            params.add(f.action().strip().toUpperCase(Locale.ROOT));
        }
        if (!blank(f.entity())) {
            where.append(" and entity = ?");
            params.add(f.entity().strip());
        }
        // "at" is an ISO instant in UTC: as text it sorts and compares as time does
        if (f.from() != null) {
            where.append(" and at >= ?");
            params.add(f.from().atStartOfDay(JST).toInstant().toString());
        }
        if (f.to() != null) {
            where.append(" and at < ?");
            params.add(f.to().plusDays(1).atStartOfDay(JST).toInstant().toString());
        }
        return where.toString();
    }

    /** Checks the whole chain now (as {@code mamori audit verify} does) and records that it was checked. */
    @Transactional
    public AuditChain.Verdict verify() {
        AuditChain.Verdict v = template.execute((ConnectionCallback<AuditChain.Verdict>) AuditChain::verify);
        audit.record(AuditLog.Action.READ, "audit_log", null, "chain verified: " + v.entries() + " entries, "
                + (v.intact() ? "intact" : "first bad " + v.firstBad().orElseThrow()));
        return v;
    }

    /** When an entry was written, in Japan's time. */
    static String local(String at) {
        try {
            return Instant.parse(at).atZone(JST).toLocalDateTime().toString().replace('T', ' ');
        } catch (java.time.format.DateTimeParseException e) {
            return at;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
