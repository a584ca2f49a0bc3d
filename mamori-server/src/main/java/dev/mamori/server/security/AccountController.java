package dev.mamori.server.security;

import dev.mamori.server.audit.AuditLog;
import dev.mamori.server.audit.AuditLog.Action;
import dev.mamori.server.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A user's own password: changed with the current one; a one-time password must be changed first. */
@Controller
class AccountController {

    private final UserAccounts users;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    AccountController(UserAccounts users, PasswordEncoder encoder, AuditLog audit) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
    }

    @GetMapping(MustChangePassword.PAGE)
    String form() {
        return "account/password";
    }

    @PostMapping(MustChangePassword.PAGE)
    @Transactional
    String change(Principal me, @RequestParam String current, @RequestParam("new") String password, @RequestParam String repeat,
                  HttpServletRequest req, Model model) {
        UserAccounts.Account a = users.find(me.getName()).orElseThrow(() -> new NotFoundException("user", me.getName()));
        String problem = !encoder.matches(current, a.passwordHash()) ? "password.current"
                : !password.equals(repeat) ? "password.repeat"
                : encoder.matches(password, a.passwordHash()) ? "password.same"
                : Passwords.problem(a.username(), password);
        if (problem != null) {
            model.addAttribute("problem", problem);
            return "account/password";
        }
        users.setPassword(a.id(), encoder.encode(password), false);
        audit.record(Action.UPDATE, "user", a.id(), "password changed");
        MustChangePassword.changed(req);
        return "redirect:/";
    }
}
