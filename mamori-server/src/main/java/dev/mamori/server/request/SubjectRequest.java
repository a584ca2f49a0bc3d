package dev.mamori.server.request;

import dev.mamori.ledger.LegalPeriod;
import dev.mamori.ledger.LegalPeriods;
import dev.mamori.server.register.Context;
import dev.mamori.server.register.Derived;
import dev.mamori.server.register.Entry;
import dev.mamori.server.register.Listed;
import dev.mamori.server.register.Register;
import dev.mamori.server.register.Section;
import dev.mamori.server.register.Settings;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A request by a person about their 保有個人データ (法32–35条): what they ask, when it arrived, who asks (and through
 * which agent, 令13条), how they were identified, the disclosure method they chose (規則30条), and the answer. Its
 * due date is the organisation's own (the law says 遅滞なく; default 14 days) or, for a public body, 30 days with a
 * possible extension of 30 (法83条); the day from which a lawsuit is possible (法39条) is shown.
 *
 * @param receivedOn the day the request arrived (法39条 counts from its arrival)
 */
public record SubjectRequest(
        @Listed @NotNull Type type,
        @Listed @NotNull LocalDate receivedOn,
        @Listed @NotBlank @Size(max = 200) String requesterName,
        @NotNull Agent agent,
        @Size(max = 200) String agentName,
        @Size(max = 4000) String content,
        @Section("identity") LocalDate identityCheckedOn,
        @Size(max = 200) String identityMethod,
        DisclosureMethod disclosureMethod,
        @Section("progress") @Listed @NotNull Status status,
        boolean extended,
        @Size(max = 2000) String extensionReason,
        LocalDate answeredOn,
        @Size(max = 4000) String response,
        @Size(max = 2000) String note) implements Entry {

    public static final Register<SubjectRequest> REGISTER = Register.of("requests", "request", SubjectRequest.class);

    /** What is asked: 法32条2項 (purpose), 33条 (開示; 5項 the provision records), 34条 (訂正等), 35条 (利用停止等). */
    public enum Type { PURPOSE, DISCLOSURE, RECORD_DISCLOSURE, CORRECTION, CESSATION, STOP_PROVISION }

    /** Who asks for the person (令13条): nobody, a legal representative of a minor or adult ward, an appointed agent. */
    public enum Agent { NONE, LEGAL_REPRESENTATIVE, APPOINTED }

    /** The method of disclosure the person chose (法33条1項, 規則30条). */
    public enum DisclosureMethod { ELECTRONIC, PAPER, OTHER }

    public enum Status { RECEIVED, IN_PROGRESS, ANSWERED, REFUSED, WITHDRAWN }

    private static final Set<Type> DISCLOSURES = EnumSet.of(Type.DISCLOSURE, Type.RECORD_DISCLOSURE);
    private static final Set<Status> CLOSED = EnumSet.of(Status.ANSWERED, Status.REFUSED, Status.WITHDRAWN);

    @Override
    public String title() {
        return requesterName + " " + receivedOn;
    }

    @Override
    public Derived derive(Settings settings) {
        List<Derived.Deadline> deadlines = new ArrayList<>();
        List<Derived.Fact> facts = new ArrayList<>();
        if (receivedOn != null) {
            LegalPeriod p = settings.requestPeriod();
            LocalDate due = p.lastDay(receivedOn);
            String source = p.source();
            if (extended && settings.publicBody()) {
                LegalPeriod ext = LegalPeriods.get("request.public_body.extension");
                due = due.plusDays(ext.amount());
                source = source + " / " + ext.source();
            }
            deadlines.add(new Derived.Deadline("response", due, status == Status.WITHDRAWN ? null : answeredOn, source));
            // 法39条: a suit may be brought once two weeks have passed since the request arrived
            facts.add(new Derived.Fact("lawsuit_from", LegalPeriods.get("request.lawsuit").lastDay(receivedOn).plusDays(1)));
        }
        return new Derived(status != null && !CLOSED.contains(status), deadlines, null, facts);
    }

    @Override
    public List<Problem> check(Context c) {
        c.notFuture("receivedOn", receivedOn).notFuture("identityCheckedOn", identityCheckedOn).notFuture("answeredOn", answeredOn)
                .notBefore("answeredOn", answeredOn, "receivedOn", receivedOn);
        if (agent != null && agent != Agent.NONE) {
            c.required("agentName", agentName);
        } else {
            c.absent("agentName", agentName);
        }
        if (type != null && !DISCLOSURES.contains(type)) {
            c.absent("disclosureMethod", disclosureMethod);
        }
        if (status == Status.ANSWERED || status == Status.REFUSED) {
            c.required("answeredOn", answeredOn).required("response", response);
        }
        if (extended) {
            if (!c.settings().publicBody()) {
                c.problem("extended", "extension_public_only");
            }
            c.required("extensionReason", extensionReason);
        }
        return c.problems();
    }
}
