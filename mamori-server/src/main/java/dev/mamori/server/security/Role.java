package dev.mamori.server.security;

/** What a user may do. AUDITOR reads everything, the audit log included, and changes nothing. */
public enum Role {
    ADMIN, PRIVACY_OFFICER, STAFF, AUDITOR;

    /** The Spring Security authority name. */
    public String authority() {
        return "ROLE_" + name();
    }
}
