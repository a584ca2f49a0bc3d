package dev.mamori.server.incident;

import dev.mamori.ledger.Incident;
import dev.mamori.server.register.Context;
import dev.mamori.server.register.Derived;
import dev.mamori.server.register.Entry;
import dev.mamori.server.register.Listed;
import dev.mamori.server.register.Register;
import dev.mamori.server.register.Section;
import dev.mamori.server.register.Settings;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A leak, loss or damage of personal data (漏えい等事案, 法26条, 規則7–10条; 番号法29条の4 for 特定個人情報): what
 * happened and to how many, the facts that make it reportable ({@link Incident#duty()}), the nine items of the report
 * to the PPC (規則8条1項), when the 速報 and 確報 were filed, the notice to the persons (法26条2項, 規則10条) or the
 * measure taken instead, and the organisation's part when outsourcing (規則9条).
 *
 * @param learnedOn          the day the organisation learned of it (知った日); the deadlines run from it
 * @param role               the organisation's own data, or its part as 委託元 or 委託先
 * @param principalNotifiedOn as 委託先: the day the 委託元 was told the nine items (then the 委託元 reports, 規則9条)
 * @param persons            persons affected or possibly affected (report item 3)
 * @param summary            report item 1: 概要
 * @param dataItems          item 2: the personal-data items affected
 * @param cause              item 4
 * @param secondaryDamage    item 5: secondary damage or its risk
 * @param responseToPersons  item 6: what was done for the persons
 * @param publication        item 7: whether and how it was published
 * @param prevention         item 8: measures against recurrence
 * @param other              item 9: other useful information
 */
public record IncidentRecord(
        @Listed @NotBlank @Size(max = 200) String name,
        @Listed @NotNull LocalDate learnedOn,
        LocalDate occurredOn,
        @NotNull Role role,
        @Size(max = 200) String principalName,
        LocalDate principalNotifiedOn,
        @Section("facts") @Listed @NotNull @PositiveOrZero Long persons,
        boolean myNumber,
        boolean sensitive,
        boolean financialHarm,
        boolean unlawfulIntent,
        boolean highlyEncrypted,
        @Section("report") @Size(max = 4000) String summary,
        @Size(max = 2000) String dataItems,
        @Size(max = 4000) String cause,
        @Size(max = 4000) String secondaryDamage,
        @Size(max = 4000) String responseToPersons,
        @Size(max = 4000) String publication,
        @Size(max = 4000) String prevention,
        @Size(max = 4000) String other,
        @Section("progress") LocalDate preliminaryReportedOn,
        LocalDate finalReportedOn,
        @NotNull Notice notice,
        LocalDate noticeOn,
        @Size(max = 2000) String alternativeMeasure,
        boolean closed) implements Entry {

    public static final Register<IncidentRecord> REGISTER = Register.of("incidents", "incident", IncidentRecord.class);

    /** The organisation's part: its own data, or 委託元 / 委託先 of outsourced handling (法26条1項ただし書). */
    public enum Role { OWN, PRINCIPAL, CONTRACTOR }

    /** The notice to the persons (法26条2項): not yet, given, an alternative measure (公表 and an enquiry desk), not needed. */
    public enum Notice { NOT_YET, NOTIFIED, ALTERNATIVE, NOT_REQUIRED }

    /** The nine items of the report to the PPC (規則8条1項), in order: each item's field. */
    public static final List<String> REPORT_ITEMS = List.of("summary", "dataItems", "persons", "cause", "secondaryDamage",
            "responseToPersons", "publication", "prevention", "other");

    @Override
    public String title() {
        return name;
    }

    /** The facts as the law's rule takes them (the holder from the organisation's settings). */
    public Incident incident(Settings s) {
        return new Incident(learnedOn, s.holder(), myNumber, persons == null ? 0 : persons, sensitive, financialHarm, unlawfulIntent,
                highlyEncrypted);
    }

    /** A 委託先 that told its 委託元 the nine items is freed from reporting and notifying (規則9条). */
    public boolean reportsThroughPrincipal() {
        return role == Role.CONTRACTOR && principalNotifiedOn != null;
    }

    @Override
    public Derived derive(Settings s) {
        if (learnedOn == null || persons == null || persons < 0) {
            return new Derived(!closed, List.of(), null, List.of());
        }
        Incident.Duty duty = incident(s).duty();
        List<Derived.Fact> facts = new ArrayList<>();
        facts.add(new Derived.Fact("reportable", duty.reportable()));
        facts.add(new Derived.Fact("events", duty.events()));
        List<Derived.Deadline> deadlines = new ArrayList<>();
        if (duty.reportable() && reportsThroughPrincipal()) {
            facts.add(new Derived.Fact("reported_by_principal", true));
        } else if (duty.reportable()) {
            facts.add(new Derived.Fact("preliminary_window", duty.preliminaryFrom() + " – " + duty.preliminaryBy()));
            deadlines.add(new Derived.Deadline("preliminary", duty.preliminaryBy(), preliminaryReportedOn, "規則8条1項; 通則ガイドライン 3-5-3-3"));
            deadlines.add(new Derived.Deadline(unlawfulIntent ? "final_unlawful" : "final", duty.finalBy(), finalReportedOn, "規則8条1項2号"));
        }
        return new Derived(!closed, deadlines, null, facts);
    }

    @Override
    public List<Problem> check(Context c) {
        c.notFuture("learnedOn", learnedOn).notFuture("occurredOn", occurredOn).notFuture("principalNotifiedOn", principalNotifiedOn)
                .notFuture("preliminaryReportedOn", preliminaryReportedOn).notFuture("finalReportedOn", finalReportedOn)
                .notFuture("noticeOn", noticeOn)
                .notBefore("learnedOn", learnedOn, "occurredOn", occurredOn)
                .notBefore("preliminaryReportedOn", preliminaryReportedOn, "learnedOn", learnedOn)
                .notBefore("finalReportedOn", finalReportedOn, "preliminaryReportedOn", preliminaryReportedOn)
                .notBefore("finalReportedOn", finalReportedOn, "learnedOn", learnedOn);
        if (role == Role.CONTRACTOR) {
            c.required("principalName", principalName);
        } else {
            c.absent("principalNotifiedOn", principalNotifiedOn);
        }
        if (notice == Notice.NOTIFIED) {
            c.required("noticeOn", noticeOn);
        }
        if (notice == Notice.ALTERNATIVE) {
            c.required("alternativeMeasure", alternativeMeasure);
        }
        if (finalReportedOn != null) {
            // the 確報 carries all nine items (規則8条1項)
            for (String item : REPORT_ITEMS) {
                c.required(item, REGISTER.value(this, REGISTER.field(item).orElseThrow()));
            }
        }
        if (closed && learnedOn != null && persons != null && persons >= 0 && !reportsThroughPrincipal()
                && incident(c.settings()).duty().reportable()) {
            c.required("finalReportedOn", finalReportedOn);
            if (notice == Notice.NOT_YET) {
                c.problem("notice", "notice_open");
            }
        }
        return c.problems();
    }
}
