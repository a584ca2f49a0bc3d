package dev.mamori.server.security;

import dev.mamori.server.audit.AuditLog;
import dev.mamori.server.audit.AuditLog.Action;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Logins into the audit log; five failures in a row lock the account for 15 minutes. */
@Component
class LoginEvents {

    private final UserAccounts users;
    private final AuditLog audit;

    LoginEvents(UserAccounts users, AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    @EventListener
    @Transactional
    public void failed(AuthenticationFailureBadCredentialsEvent e) {
        String name = String.valueOf(e.getAuthentication().getPrincipal());
        Optional<Boolean> locked = users.failed(name, Instant.now());
        // an unknown name is not written as typed (it may be a password typed into the wrong field)
        audit.recordAs(locked.isPresent() ? name : "(unknown)", locked.orElse(false) ? Action.LOCKED : Action.LOGIN_FAILED, "user", null, null);
    }

    @EventListener
    @Transactional
    public void succeeded(AuthenticationSuccessEvent e) {
        String name = e.getAuthentication().getName();
        users.succeeded(name);
        audit.recordAs(name, Action.LOGIN, "user", null, null);
    }
}
