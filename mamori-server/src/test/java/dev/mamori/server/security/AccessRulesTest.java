package dev.mamori.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import dev.mamori.server.H2ServerTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every route of the application has a rule in {@link AccessRules}, and every role gets exactly what the rule says:
 * the matrix tries each route with each role (and with nobody logged in).
 */
class AccessRulesTest extends H2ServerTest {

    @Autowired
    RequestMappingHandlerMapping mappings;

    record Route(HttpMethod method, String path) {
    }

    /** The application's own routes, with path variables filled in. */
    private List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("dev.mamori.server")) {
                return;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                // {id} → 1; {register:provisions|transfers} → provisions (the first a regular expression allows)
                String path = pattern.replaceAll("\\{[^}:]+:([a-z]+)[^}]*}", "$1").replaceAll("\\{[^}]+}", "1");
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    routes.add(new Route(HttpMethod.valueOf(m.name()), path));
                }
            }
        });
        return routes;
    }

    private static AccessRules.Rule rule(Route r) {
        PathPatternParser parser = new PathPatternParser();
        return AccessRules.RULES.stream()
                .filter(x -> (x.method() == null || x.method().equals(r.method()))
                        && parser.parse(x.pattern()).matches(org.springframework.http.server.PathContainer.parsePath(r.path())))
                .findFirst().orElse(null);
    }

    @Test
    void everyRouteHasARule() {
        List<Route> routes = routes();
        assertThat(routes).hasSizeGreaterThan(10);
        assertThat(routes).allSatisfy(r -> assertThat(rule(r)).as(r.method() + " " + r.path() + " has no rule in AccessRules").isNotNull());
    }

    @Test
    void everyRoleGetsWhatItsRuleSaysAndNoMore() throws Exception {
        for (Route r : routes()) {
            AccessRules.Rule rule = rule(r);
            for (Role role : Role.values()) {
                MockHttpServletRequestBuilder req = request(r.method(), r.path()).with(user("u-" + role).roles(role.name())).with(csrf());
                int status = mvc.perform(req).andReturn().getResponse().getStatus();
                boolean allowed = rule.isPublic() || rule.roles().contains(role);
                if (allowed) {
                    assertThat(status).as(role + " " + r.method() + " " + r.path()).isNotIn(401, 403);
                } else {
                    assertThat(status).as(role + " " + r.method() + " " + r.path()).isEqualTo(403);
                }
            }
            if (!rule.isPublic()) {
                int anonymous = mvc.perform(request(r.method(), r.path()).with(csrf())).andReturn().getResponse().getStatus();
                assertThat(anonymous).as("nobody: " + r.method() + " " + r.path()).isIn(302, 401);
            }
        }
    }

    @Test
    void aFormPostWithoutItsCsrfTokenIsRefused() throws Exception {
        int status = mvc.perform(request(HttpMethod.POST, "/datasets").with(user("x").roles("ADMIN"))).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(403);
    }

    @Test
    void pagesCarryTheSecurityHeaders() throws Exception {
        var res = mvc.perform(request(HttpMethod.GET, "/login")).andReturn().getResponse();
        assertThat(res.getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(res.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(res.getHeader("X-Frame-Options")).isEqualTo("DENY");
    }
}
