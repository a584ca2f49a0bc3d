package dev.mamori.server.register;

import dev.mamori.ledger.Incident;
import dev.mamori.ledger.LegalPeriods;
import dev.mamori.server.web.InvalidInputException;
import dev.mamori.server.web.InvalidInputException.FieldProblem;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organisation's settings (a business or a public body; the due days of requests), and the legal periods Mamori
 * counts with and where each comes from. Saving recomputes every entry's deadlines.
 */
@Controller
class SettingsController {

    private final RegisterService service;
    private final MessageSource messages;

    SettingsController(RegisterService service, MessageSource messages) {
        this.service = service;
        this.messages = messages;
    }

    @GetMapping("/admin/settings")
    String page(Model model) {
        model.addAttribute("settings", service.settings());
        model.addAttribute("periods", LegalPeriods.all());
        return "admin/settings";
    }

    @PostMapping("/admin/settings")
    String save(@RequestParam String holder, @RequestParam String requestDueDays, Model model, RedirectAttributes flash) {
        try {
            service.updateSettings(read(holder, requestDueDays, messages));
        } catch (InvalidInputException e) {
            model.addAttribute("settings", service.settings());
            model.addAttribute("periods", LegalPeriods.all());
            model.addAttribute("problems", e.problems());
            return "admin/settings";
        }
        flash.addFlashAttribute("saved", true);
        return "redirect:/admin/settings";
    }

    static Settings read(String holder, String days, MessageSource messages) {
        Incident.Holder h = null;
        Integer d = null;
        try {
            h = Incident.Holder.valueOf(holder == null ? "" : holder.strip());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        try {
            d = days == null ? null : Integer.valueOf(days.strip());
        } catch (NumberFormatException e) {
            // reported below
        }
        List<FieldProblem> p = new java.util.ArrayList<>();
        if (h == null) {
            p.add(new FieldProblem("holder", text(messages, "register.problem.choice")));
        }
        if (d == null || d < 1 || d > Settings.MAX_REQUEST_DUE_DAYS) {
            p.add(new FieldProblem("request_due_days", text(messages, "settings.due_days.range")));
        }
        if (!p.isEmpty()) {
            throw new InvalidInputException(p);
        }
        return new Settings(h, d);
    }

    private static String text(MessageSource messages, String key) {
        return messages.getMessage(key, new Object[] {Settings.MAX_REQUEST_DUE_DAYS}, key, LocaleContextHolder.getLocale());
    }
}
