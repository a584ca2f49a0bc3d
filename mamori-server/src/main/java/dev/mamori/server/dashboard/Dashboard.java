package dev.mamori.server.dashboard;

import dev.mamori.server.audit.AuditLog;
import dev.mamori.server.dataset.DatasetSignals;
import dev.mamori.server.register.Derived;
import dev.mamori.server.register.Register;
import dev.mamori.server.register.RegisterService;
import dev.mamori.server.register.Stored;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What needs attention across the ledger: deadlines due soon and overdue (requests, 速報/確報, periodic checks of
 * transfers abroad, PIAs to redo), provision records whose keeping period is over, open incidents, and datasets
 * whose しきい値判断 band changed.
 */
@Service
class Dashboard {

    /** How far ahead a deadline counts as due soon. */
    static final int AHEAD_DAYS = 30;
    /** How far back band changes are shown. */
    static final int BAND_DAYS = 90;
    private static final int LIMIT = 100;

    private final RegisterService registers;
    private final DatasetSignals datasets;
    private final AuditLog audit;
    private final dev.mamori.server.assess.AssessmentService assessments;

    Dashboard(RegisterService registers, DatasetSignals datasets, AuditLog audit, dev.mamori.server.assess.AssessmentService assessments) {
        this.registers = registers;
        this.datasets = datasets;
        this.assessments = assessments;
        this.audit = audit;
    }

    /**
     * A deadline to meet.
     *
     * @param register the register (or {@code datasets} for a PIA)
     * @param kind     the deadline's message key (deadline.…)
     * @param overdue  the day has passed
     */
    record Due(String register, long id, String title, String kind, LocalDate due, boolean overdue, String href) {
    }

    record Summary(LocalDate today, int aheadDays, int bandDays, List<Due> due, long overdue, Map<String, Long> open, long expiredRecords,
                   List<Stored<?>> openIncidents, List<DatasetSignals.BandChange> bandChanges) {
    }

    @Transactional
    Summary summary() {
        LocalDate today = registers.today();
        LocalDate until = today.plusDays(AHEAD_DAYS);
        List<Due> due = new ArrayList<>();
        Map<String, Long> open = new LinkedHashMap<>();
        long expired = 0;
        List<Stored<?>> incidents = new ArrayList<>();
        for (Register<?> r : registers.registers()) {
            open.put(r.name(), registers.countOpen(r));
            expired += registers.countExpired(r);
            for (Stored<?> s : registers.due(r, until, LIMIT)) {
                Derived.Deadline d = s.derived().deadlines().stream().filter(x -> !x.met()).min(Comparator.comparing(Derived.Deadline::due))
                        .orElseThrow();
                due.add(new Due(r.name(), s.id(), s.data().title(), d.kind(), d.due(), today.isAfter(d.due()), "/" + r.name() + "/" + s.id()));
            }
            if (r.name().equals("incidents")) {
                incidents.addAll(registers.open(r, LIMIT));
            }
        }
        for (DatasetSignals.PiaDue p : datasets.piaDue(until)) {
            due.add(new Due("datasets", p.datasetId(), p.name(), "pia_redo", p.redoBy(), today.isAfter(p.redoBy()), "/datasets/" + p.datasetId()));
        }
        for (var p : assessments.due(until, LIMIT)) {
            String action = p.action().length() > 60 ? p.action().substring(0, 60) + "…" : p.action();
            due.add(new Due("assessments", p.assessmentId(), p.assessmentTitle() + " — " + action, "plan_item", p.dueOn(),
                    today.isAfter(p.dueOn()), "/assessments/" + p.assessmentId() + "/draft"));
        }
        due.sort(Comparator.comparing(Due::due).thenComparing(Due::register).thenComparing(Due::id));
        long overdue = due.stream().filter(Due::overdue).count();
        List<DatasetSignals.BandChange> bands = datasets.bandChanges(Instant.now().minus(BAND_DAYS, ChronoUnit.DAYS));
        audit.record(AuditLog.Action.LIST, "dashboard", null, due.size() + " due, " + incidents.size() + " open incidents");
        return new Summary(today, AHEAD_DAYS, BAND_DAYS, due, overdue, open, expired, incidents, bands);
    }
}
