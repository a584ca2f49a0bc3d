package dev.mamori.ledger;

import java.time.LocalDate;
import java.util.Objects;

/**
 * How long a record of provision to, or receipt from, a third party is kept (法29条2項・30条4項, 規則21条・25条),
 * and from when it may be deleted.
 */
public final class ProvisionRecords {

    /** How the record was made: the three cases of 規則21条 (and 25条). */
    public enum Kind {
        /** A contract or other document used as the record (規則19条3項 / 23条3項): 1 year from the last event. */
        CONTRACT("record.retention.contract"),
        /** One record for continuous or repeated provision (19条2項ただし書 / 23条2項ただし書): 3 years from the last. */
        BATCH("record.retention.batch"),
        /** A record per provision or receipt: 3 years from the day the record was made. */
        EACH("record.retention.each");

        private final String rule;

        Kind(String rule) {
            this.rule = rule;
        }

        /** The period in {@code periods.tsv}. */
        public LegalPeriod period() {
            return LegalPeriods.get(rule);
        }
    }

    private ProvisionRecords() {
    }

    /**
     * The last day the record must be kept.
     *
     * @param made      the day the record was made
     * @param lastEvent the last provision or receipt the record covers (for {@link Kind#CONTRACT} and
     *                  {@link Kind#BATCH}; ignored for {@link Kind#EACH}, may be null there)
     */
    public static LocalDate keepUntil(Kind kind, LocalDate made, LocalDate lastEvent) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(made, "made");
        if (kind == Kind.EACH) {
            return kind.period().lastDay(made);
        }
        Objects.requireNonNull(lastEvent, "the last provision or receipt the record covers");
        return kind.period().lastDay(lastEvent);
    }

    /** Whether a record may be deleted on {@code today}: only after the last day it must be kept. */
    public static boolean expired(Kind kind, LocalDate made, LocalDate lastEvent, LocalDate today) {
        return today.isAfter(keepUntil(kind, made, lastEvent));
    }
}
