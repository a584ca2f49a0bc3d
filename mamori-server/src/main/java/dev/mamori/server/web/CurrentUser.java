package dev.mamori.server.web;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page needs: who is logged in (what a role may not use is not shown; the server refuses it anyway), how dates are shown. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUser {

    public record Me(String name, Set<String> roles) {
        public boolean isAdmin() {
            return roles.contains("ROLE_ADMIN");
        }

        /** May purge records and answer for the ledger: an administrator or a privacy officer. */
        public boolean isOfficer() {
            return roles.contains("ROLE_ADMIN") || roles.contains("ROLE_PRIVACY_OFFICER");
        }

        /** May read the audit log: an administrator or an auditor. */
        public boolean isAuditor() {
            return roles.contains("ROLE_ADMIN") || roles.contains("ROLE_AUDITOR");
        }

        public boolean canEdit() {
            return roles.contains("ROLE_ADMIN") || roles.contains("ROLE_PRIVACY_OFFICER") || roles.contains("ROLE_STAFF");
        }
    }

    private static final Dates DATES = new Dates();

    /** Dates on pages: Japan's time, with the 和暦. */
    @ModelAttribute("dates")
    Dates dates() {
        return DATES;
    }

    @ModelAttribute("me")
    Me me() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null || !a.isAuthenticated() || "anonymousUser".equals(a.getName())) {
            return null;
        }
        return new Me(a.getName(), a.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet()));
    }
}
