package dev.mamori.server.register;

import dev.mamori.ledger.Incident;
import dev.mamori.ledger.LegalPeriod;
import dev.mamori.ledger.LegalPeriods;

/**
 * The organisation's settings the registers' rules depend on.
 *
 * @param holder          a business (APPI chapter 4) or a public body (行政機関等, chapter 5): thresholds and the
 *                        deadlines of requests differ
 * @param requestDueDays  a business's own due days for answering requests (the law says only 遅滞なく; default 14,
 *                        from {@code periods.tsv})
 */
public record Settings(Incident.Holder holder, int requestDueDays) {

    public static final int MAX_REQUEST_DUE_DAYS = 90;

    public Settings {
        if (holder == null) {
            throw new IllegalArgumentException("holder");
        }
        if (requestDueDays < 1 || requestDueDays > MAX_REQUEST_DUE_DAYS) {
            throw new IllegalArgumentException("requestDueDays must be 1.." + MAX_REQUEST_DUE_DAYS);
        }
    }

    /** A business with the default due days. */
    public static Settings defaults() {
        return new Settings(Incident.Holder.BUSINESS, LegalPeriods.get("request.internal").amount());
    }

    public boolean publicBody() {
        return holder == Incident.Holder.PUBLIC_BODY;
    }

    /** The period a request must be answered in: the organisation's own days, or 30 days for a public body (法83条). */
    public LegalPeriod requestPeriod() {
        if (publicBody()) {
            return LegalPeriods.get("request.public_body");
        }
        LegalPeriod p = LegalPeriods.get("request.internal");
        return new LegalPeriod(p.id(), requestDueDays, p.unit(), p.counting(), p.source(), p.confidence(), p.note());
    }
}
