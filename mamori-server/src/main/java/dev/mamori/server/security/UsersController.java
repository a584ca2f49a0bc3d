package dev.mamori.server.security;

import dev.mamori.server.audit.AuditLog;
import dev.mamori.server.audit.AuditLog.Action;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Users, for administrators: a new user gets a one-time password shown once (to be replaced at the first login); a
 * password can be reset the same way; an account can be disabled (not one's own).
 */
@Controller
@RequestMapping("/admin/users")
class UsersController {

    private final UserAccounts users;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    UsersController(UserAccounts users, PasswordEncoder encoder, AuditLog audit) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
    }

    @ModelAttribute("roles")
    List<Role> roles() {
        return List.of(Role.values());
    }

    @GetMapping
    @Transactional
    String list(Model model) {
        model.addAttribute("users", users.all());
        audit.record(Action.LIST, "user", null, null);
        return "admin/users";
    }

    @PostMapping
    @Transactional
    String create(@RequestParam String username, @RequestParam Role role, Model model) {
        String name = username.strip();
        if (!name.matches("[A-Za-z0-9._@-]{1,100}")) {
            model.addAttribute("problem", "user.name");
        } else if (users.find(name).isPresent()) {
            model.addAttribute("problem", "user.exists");
        } else {
            String password = Passwords.oneTime();
            users.create(name, encoder.encode(password), role, true);
            audit.record(Action.CREATE, "user", name, role.name());
            model.addAttribute("oneTime", password);
            model.addAttribute("oneTimeFor", name);
        }
        return list(model);
    }

    @PostMapping("/{id}/reset")
    @Transactional
    String reset(@PathVariable long id, Model model) {
        UserAccounts.Account a = account(id);
        String password = Passwords.oneTime();
        users.setPassword(a.id(), encoder.encode(password), true);
        audit.record(Action.UPDATE, "user", id, "one-time password set");
        model.addAttribute("oneTime", password);
        model.addAttribute("oneTimeFor", a.username());
        return list(model);
    }

    @PostMapping("/{id}/enabled")
    @Transactional
    String enabled(@PathVariable long id, @RequestParam boolean value, Principal me) {
        UserAccounts.Account a = account(id);
        if (a.username().equals(me.getName()) && !value) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "you cannot disable your own account");
        }
        users.setEnabled(id, value);
        audit.record(Action.UPDATE, "user", id, value ? "enabled" : "disabled");
        return "redirect:/admin/users";
    }

    private UserAccounts.Account account(long id) {
        return users.find(id).orElseThrow(() -> new dev.mamori.server.web.NotFoundException("user", id));
    }
}
