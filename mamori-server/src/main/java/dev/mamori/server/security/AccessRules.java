package dev.mamori.server.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * Who may call which route: the one table the security configuration is built from and the tests check every route of
 * the application against. A route with no rule here is denied to everyone (and fails {@code AccessRulesTest}).
 * Patterns are Spring's path patterns; the first matching rule decides.
 */
public final class AccessRules {

    /** One rule: requests with {@code method} (null: any) to {@code pattern} are open to {@code roles} (empty: no login needed). */
    public record Rule(HttpMethod method, String pattern, Set<Role> roles) {
        public boolean isPublic() {
            return roles.isEmpty();
        }
    }

    private static final Set<Role> ANYONE = Set.of();
    private static final Set<Role> ALL = EnumSet.allOf(Role.class);
    private static final Set<Role> EDITORS = EnumSet.of(Role.ADMIN, Role.PRIVACY_OFFICER, Role.STAFF);
    private static final Set<Role> OFFICERS = EnumSet.of(Role.ADMIN, Role.PRIVACY_OFFICER);
    private static final Set<Role> ADMINS = EnumSet.of(Role.ADMIN);
    private static final Set<Role> AUDITORS = EnumSet.of(Role.ADMIN, Role.AUDITOR);

    public static final List<Rule> RULES = List.of(
            new Rule(HttpMethod.GET, "/login", ANYONE),
            new Rule(HttpMethod.POST, "/login", ANYONE),
            new Rule(null, "/css/**", ANYONE),
            new Rule(HttpMethod.GET, "/webjars/**", ANYONE),
            new Rule(HttpMethod.GET, "/error", ANYONE),
            // the OpenAPI document holds no data
            new Rule(HttpMethod.GET, "/v3/api-docs/**", ANYONE),
            new Rule(HttpMethod.GET, "/swagger-ui/**", ANYONE),
            new Rule(HttpMethod.GET, "/swagger-ui.html", ANYONE),
            new Rule(HttpMethod.POST, "/logout", ALL),
            new Rule(HttpMethod.GET, "/", ALL),
            // 個人データ台帳
            new Rule(HttpMethod.GET, "/datasets/new", EDITORS),
            new Rule(HttpMethod.GET, "/datasets/import", EDITORS),
            new Rule(HttpMethod.GET, "/datasets/*/edit", EDITORS),
            new Rule(HttpMethod.GET, "/datasets/**", ALL),
            new Rule(HttpMethod.POST, "/datasets/**", EDITORS),
            new Rule(HttpMethod.GET, "/api/datasets/**", ALL),
            new Rule(HttpMethod.POST, "/api/datasets/**", EDITORS),
            new Rule(HttpMethod.PUT, "/api/datasets/**", EDITORS),
            // assessments: questionnaires uploaded by administrators, rounds submitted by those who answer for the ledger
            new Rule(HttpMethod.GET, "/assessments/questionnaires", ADMINS),
            new Rule(HttpMethod.POST, "/assessments/questionnaires", ADMINS),
            new Rule(HttpMethod.POST, "/assessments/*/submit", OFFICERS),
            new Rule(HttpMethod.GET, "/assessments", ALL),
            new Rule(HttpMethod.GET, "/assessments/**", ALL),
            new Rule(HttpMethod.POST, "/assessments", EDITORS),
            new Rule(HttpMethod.POST, "/assessments/**", EDITORS),
            new Rule(HttpMethod.POST, "/api/assessments/*/submit", OFFICERS),
            new Rule(HttpMethod.GET, "/api/assessments/**", ALL),
            new Rule(HttpMethod.POST, "/api/assessments", EDITORS),
            new Rule(HttpMethod.PUT, "/api/assessments/**", EDITORS),
            // surveys: respondents need no login (one answer a link, rate-limited); those who answer for the ledger run them,
            // editors enter paper forms, everyone reads the published tables
            new Rule(HttpMethod.GET, "/s/*", ANYONE),
            new Rule(HttpMethod.POST, "/s/*", ANYONE),
            new Rule(HttpMethod.POST, "/surveys/*/responses", EDITORS),
            new Rule(HttpMethod.POST, "/surveys", OFFICERS),
            new Rule(HttpMethod.POST, "/surveys/**", OFFICERS),
            new Rule(HttpMethod.GET, "/surveys", ALL),
            new Rule(HttpMethod.GET, "/surveys/**", ALL),
            // the dashboard
            new Rule(HttpMethod.GET, "/dashboard", ALL),
            new Rule(HttpMethod.GET, "/api/dashboard", ALL),
            // 提供記録・確認記録: purging records whose keeping period is over is for those who answer for the ledger
            new Rule(HttpMethod.POST, "/provisions/purge", OFFICERS),
            new Rule(HttpMethod.POST, "/api/provisions/purge", OFFICERS),
            // the other registers: read by all, changed by editors
            new Rule(HttpMethod.GET, "/{register:provisions|transfers|requests|incidents}/new", EDITORS),
            new Rule(HttpMethod.GET, "/{register:provisions|transfers|requests|incidents}/*/edit", EDITORS),
            new Rule(HttpMethod.GET, "/{register:provisions|transfers|requests|incidents}/**", ALL),
            new Rule(HttpMethod.POST, "/{register:provisions|transfers|requests|incidents}/**", EDITORS),
            new Rule(HttpMethod.GET, "/api/{register:provisions|transfers|requests|incidents}/**", ALL),
            new Rule(HttpMethod.POST, "/api/{register:provisions|transfers|requests|incidents}/**", EDITORS),
            new Rule(HttpMethod.PUT, "/api/{register:provisions|transfers|requests|incidents}/**", EDITORS),
            // the organisation's settings: all may read what the deadlines are counted with; administrators change them
            new Rule(HttpMethod.GET, "/api/settings", ALL),
            new Rule(HttpMethod.PUT, "/api/settings", ADMINS),
            new Rule(HttpMethod.GET, "/admin/settings", ADMINS),
            new Rule(HttpMethod.POST, "/admin/settings", ADMINS),
            // the audit log: administrators and auditors
            new Rule(HttpMethod.GET, "/audit/**", AUDITORS),
            new Rule(HttpMethod.POST, "/audit/verify", AUDITORS),
            new Rule(HttpMethod.GET, "/api/audit/**", AUDITORS),
            new Rule(HttpMethod.POST, "/api/audit/verify", AUDITORS),
            // the user's own API tokens
            new Rule(HttpMethod.GET, "/account/tokens", ALL),
            new Rule(HttpMethod.POST, "/account/tokens/**", ALL),
            new Rule(HttpMethod.GET, "/account/password", ALL),
            new Rule(HttpMethod.POST, "/account/password", ALL),
            // users
            new Rule(HttpMethod.GET, "/admin/users", ADMINS),
            new Rule(HttpMethod.POST, "/admin/users/**", ADMINS));

    private AccessRules() {
    }
}
