package dev.mamori.server.security;

import dev.mamori.server.audit.AuditLog;
import dev.mamori.server.audit.AuditLog.Action;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A user's own API tokens: made here, shown once (the page is not cached), listed by name, revoked. */
@Controller
@RequestMapping("/account/tokens")
class TokenController {

    private final ApiTokens tokens;
    private final UserAccounts users;
    private final AuditLog audit;

    TokenController(ApiTokens tokens, UserAccounts users, AuditLog audit) {
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
    }

    @GetMapping
    String list(Principal me, Model model) {
        model.addAttribute("tokens", tokens.of(id(me)));
        return "account/tokens";
    }

    @PostMapping
    @Transactional
    String create(Principal me, @RequestParam String name, Model model, HttpServletResponse res) {
        long user = id(me);
        String label = name.isBlank() ? "token" : name.strip();
        if (label.length() > 100) {
            label = label.substring(0, 100);
        }
        String token = tokens.create(user, label);
        audit.record(Action.TOKEN_CREATED, "api_token", null, null);
        res.setHeader("Cache-Control", "no-store");
        model.addAttribute("created", token);
        model.addAttribute("tokens", tokens.of(user));
        return "account/tokens";
    }

    @PostMapping("/{id}/delete")
    @Transactional
    String delete(Principal me, @PathVariable long id) {
        tokens.delete(id(me), id);
        audit.record(Action.DELETE, "api_token", id, null);
        return "redirect:/account/tokens";
    }

    private long id(Principal me) {
        return users.find(me.getName()).orElseThrow(() -> new dev.mamori.server.web.NotFoundException("user", me.getName())).id();
    }
}
