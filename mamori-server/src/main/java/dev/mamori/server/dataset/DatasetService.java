package dev.mamori.server.dataset;

import dev.mamori.assess.ThresholdAssessment;
import dev.mamori.server.audit.AuditLog;
import dev.mamori.server.audit.AuditLog.Action;
import dev.mamori.server.web.ConflictException;
import dev.mamori.server.web.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The 個人データ台帳: every read and write goes through here, and into the audit log in the same transaction. */
@Service
class DatasetService {

    static final String ENTITY = "dataset";

    private final DatasetRepository repo;
    private final AuditLog audit;

    DatasetService(DatasetRepository repo, AuditLog audit) {
        this.repo = repo;
        this.audit = audit;
    }

    /**
     * A saved dataset, and the threshold band it left when an edit moved it into another one.
     *
     * @param before the threshold result before the edit, when it differs from the new one (else null)
     */
    record Saved(Dataset dataset, ThresholdAssessment before) {
        public boolean movedBand() {
            return before != null;
        }
    }

    @Transactional
    public DatasetRepository.Page list(String query, String sort, boolean descending, int page, int size) {
        DatasetRepository.Page p = repo.list(query, sort, descending, Math.max(0, page), Math.min(Math.max(1, size), 200));
        audit.record(Action.LIST, ENTITY, null, "page " + p.page() + ", " + p.rows().size() + " of " + p.total()
                + (query == null || query.isBlank() ? "" : ", searched"));
        return p;
    }

    @Transactional
    public Dataset get(long id) {
        Dataset d = repo.find(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
        audit.record(Action.READ, ENTITY, id, null);
        return d;
    }

    @Transactional
    public List<DatasetRepository.Version> history(long id) {
        repo.find(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
        audit.record(Action.READ, ENTITY, id, "history");
        return repo.history(id);
    }

    @Transactional
    public Saved create(DatasetInput in, String evidence) {
        Instant now = Instant.now();
        Dataset d = repo.insert(in, evidence, user(), now);
        repo.snapshot(d);
        audit.record(Action.CREATE, ENTITY, d.id(), evidence == null ? null : "imported from a scan report");
        return new Saved(d, null);
    }

    @Transactional
    public Saved update(long id, DatasetInput in) {
        Dataset old = repo.find(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
        if (in.version() == null || !repo.update(id, in, user(), Instant.now())) {
            throw new ConflictException(ENTITY, id);
        }
        Dataset d = repo.find(id).orElseThrow();
        repo.snapshot(d);
        audit.record(Action.UPDATE, ENTITY, id, "version " + d.version());
        ThresholdAssessment before = old.threshold();
        ThresholdAssessment after = d.threshold();
        boolean moved = before != null && after != null && !before.result().key().equals(after.result().key());
        return new Saved(d, moved ? before : null);
    }

    @Transactional
    public Optional<String> evidence(long id) {
        repo.find(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
        audit.record(Action.READ, ENTITY, id, "evidence");
        return repo.evidence(id);
    }

    /** Every dataset, for an export (audited as one export). */
    @Transactional
    public List<Dataset> export(String format) {
        List<Dataset> all = repo.all();
        audit.record(Action.EXPORT, ENTITY, null, format + ", " + all.size() + " datasets");
        return all;
    }

    private static String user() {
        var a = SecurityContextHolder.getContext().getAuthentication();
        return a == null ? "system" : a.getName();
    }
}
