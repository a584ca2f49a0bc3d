package dev.mamori.server.audit;

import dev.mamori.server.web.ApiErrors;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log over REST, for administrators and auditors. */
@RestController
@ApiErrors.Api
class AuditApi {

    private final AuditTrail trail;

    AuditApi(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/audit")
    AuditTrail.Page list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                         @RequestParam(required = false) String entity,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return trail.list(new AuditTrail.Filter(actor, action, entity, from, to), page, size);
    }

    /** Checks the whole chain now: {@code entries}, {@code first_bad} (absent when intact), {@code problem}. */
    @PostMapping("/api/audit/verify")
    AuditChain.Verdict verify() {
        return trail.verify();
    }
}
