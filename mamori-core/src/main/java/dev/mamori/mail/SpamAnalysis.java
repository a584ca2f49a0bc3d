package dev.mamori.mail;

import java.time.OffsetDateTime;

/**
 * The per-message step of {@code mamori spam}: headers → Received chain → nearest external relay →
 * registry, country and ASN. Pure and thread-safe: one instance serves any number of messages.
 */
public final class SpamAnalysis {

    private final RelayTracer tracer;
    private final IpRegistry registry;

    /** {@code registry} may be null: every relay is then unattributed. */
    public SpamAnalysis(RelayTracer tracer, IpRegistry registry) {
        this.tracer = tracer;
        this.registry = registry;
    }

    public MessageReport analyze(MailMessage m) {
        return analyze(m, Headers.parse(m.raw()));
    }

    public MessageReport analyze(MailMessage m, Headers h) {
        Trace t = tracer.trace(h);
        Attribution a = null;
        OffsetDateTime arrival = null;
        if (t.found()) {
            a = registry == null ? Attribution.unattributed(t.relay().ip()) : registry.lookup(t.relay().ip());
            arrival = t.relay().time();
        }
        if (arrival == null) {
            String date = h.first("Date");
            arrival = date == null ? null : plausible(ReceivedDates.parse(date, 0, date.length()));
        }
        return new MessageReport(m.source(), m.index(), h.first("Message-ID"), h.first("Subject"), arrival, t, a);
    }

    /** The sender's Date header is only a claim: a date before e-mail spam or after tomorrow is no date. */
    private static OffsetDateTime plausible(OffsetDateTime t) {
        return t == null || t.getYear() < 1990 || t.isAfter(OffsetDateTime.now().plusDays(1)) ? null : t;
    }

    public RelayTracer tracer() {
        return tracer;
    }
}
