package dev.mamori.server.audit;

import dev.mamori.report.CsvCells;
import dev.mamori.server.web.Downloads;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The audit log in the browser, for administrators and auditors: filtered pages, the chain checked on request, CSV. */
@Controller
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/audit")
    String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                @RequestParam(required = false) String entity,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(defaultValue = "0") int page, Model model) {
        AuditTrail.Filter f = new AuditTrail.Filter(actor, action, entity, from, to);
        model.addAttribute("page", trail.list(f, page, 50));
        model.addAttribute("f", f);
        model.addAttribute("actions", List.of(AuditLog.Action.values()));
        return "audit/list";
    }

    @PostMapping("/audit/verify")
    String verify(RedirectAttributes flash) {
        flash.addFlashAttribute("verdict", trail.verify());
        return "redirect:/audit";
    }

    /** The filtered entries as CSV (UTF-8 with BOM, for Excel), times in Japan's time. */
    @GetMapping("/audit/export.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                               @RequestParam(required = false) String entity,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        AuditTrail.Filter f = new AuditTrail.Filter(actor, action, entity, from, to);
        StringBuilder b = new StringBuilder("\uFEFF").append(CsvCells.line(List.of("seq", "at (JST)", "actor", "action", "entity", "entity_id", "detail")));
        for (AuditTrail.Entry e : trail.export(f)) {
            b.append(CsvCells.line(java.util.Arrays.asList(Long.toString(e.seq()), e.localTime(), e.actor(), e.action(), e.entity(),
                    e.entityId() == null ? "" : e.entityId(), e.detail() == null ? "" : e.detail())));
        }
        return Downloads.attachment(b.toString().getBytes(StandardCharsets.UTF_8), "audit-log.csv", Downloads.CSV);
    }
}
