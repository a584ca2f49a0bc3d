package dev.mamori.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The facts of a leak, loss or damage of personal data (漏えい等) that decide whether it must be reported to the PPC
 * and told to the persons (法26条, 規則7–10条; for 特定個人情報 番号法29条の4 and its 報告規則), and by when.
 *
 * @param learned          the day the organisation learned of it (知った日); the deadlines run from it
 * @param holder           a business or a public body (行政機関等: 法68条, threshold 100)
 * @param myNumber         the data includes 特定個人情報 (threshold 100 whoever holds it)
 * @param persons          persons affected (or possibly affected); a lower bound when not known exactly
 * @param sensitive        要配慮個人情報 is included (規則7条1号)
 * @param financialHarm    misuse could cause financial harm, e.g. card numbers, banking credentials (7条2号)
 * @param unlawfulIntent   caused by an act against the organisation that may have had unlawful intent (7条3号);
 *                         the 確報 then has 60 days
 * @param highlyEncrypted  the data was protected by 高度な暗号化等 (and the key did not leak): no event of 規則7条
 *
 * <p>Not modelled yet: the events of the 番号法 報告規則 2条1号 and 3号 that need no count (a leak from the systems of
 * 個人番号利用事務, exposure to an unspecified many), and 条例要配慮個人情報 for local bodies (規則43条1号).
 */
public record Incident(LocalDate learned, Holder holder, boolean myNumber, long persons, boolean sensitive,
                     boolean financialHarm, boolean unlawfulIntent, boolean highlyEncrypted) {

    public enum Holder { BUSINESS, PUBLIC_BODY }

    /** Why an incident is reportable: one line per event of 規則7条 (or 43条, or the 番号法 報告規則) it meets. */
    public enum Event {
        SENSITIVE("規則7条1号 / 43条1号"),
        FINANCIAL_HARM("規則7条2号 / 43条2号"),
        UNLAWFUL_INTENT("規則7条3号 / 43条3号"),
        MANY_PERSONS("規則7条4号 / 43条4号"),
        MY_NUMBER_PERSONS("特定個人情報の漏えい等に関する報告等に関する規則2条4号");

        private final String source;

        Event(String source) {
            this.source = source;
        }

        /** The provision that makes this event reportable. */
        public String source() {
            return source;
        }
    }

    /**
     * What the organisation must do.
     *
     * @param reportable      a report to the PPC and a notice to the persons are required
     * @param events          the events met, in the order of 規則7条
     * @param preliminaryFrom the guideline's window for the 速報 (概ね3～5日): from
     * @param preliminaryBy   to (the 速報 is due "promptly"; this is the guideline's outer day)
     * @param finalBy         the 確報's last day (30 days, 60 for unlawful intent)
     */
    public record Duty(boolean reportable, List<Event> events, LocalDate preliminaryFrom, LocalDate preliminaryBy,
                       LocalDate finalBy) {
        public Duty {
            events = List.copyOf(events);
        }
    }

    public Incident {
        Objects.requireNonNull(learned, "learned");
        Objects.requireNonNull(holder, "holder");
        if (persons < 0) {
            throw new IllegalArgumentException("persons cannot be negative");
        }
    }

    /** Whether to report and notify, and the deadlines counted from {@link #learned()}. */
    public Duty duty() {
        List<Event> events = new ArrayList<>();
        if (!highlyEncrypted) {
            if (sensitive) {
                events.add(Event.SENSITIVE);
            }
            if (financialHarm) {
                events.add(Event.FINANCIAL_HARM);
            }
            if (unlawfulIntent) {
                events.add(Event.UNLAWFUL_INTENT);
            }
            String threshold = holder == Holder.PUBLIC_BODY ? "incident.persons.public_body" : "incident.persons.business";
            if (persons > LegalPeriods.get(threshold).amount()) {
                events.add(Event.MANY_PERSONS);
            }
            if (myNumber && persons > LegalPeriods.get("incident.persons.my_number").amount() && !events.contains(Event.MANY_PERSONS)) {
                events.add(Event.MY_NUMBER_PERSONS);
            }
        }
        if (events.isEmpty()) {
            return new Duty(false, events, null, null, null);
        }
        LegalPeriod fin = LegalPeriods.get(unlawfulIntent ? "incident.final.unlawful" : "incident.final");
        return new Duty(true, events, LegalPeriods.get("incident.preliminary.from").lastDay(learned),
                LegalPeriods.get("incident.preliminary.to").lastDay(learned), fin.lastDay(learned));
    }
}
