package dev.mamori.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A one-time password is replaced before anything else: after such a login every page but the password page (and
 * logging out) redirects there.
 */
final class MustChangePassword extends OncePerRequestFilter {

    static final String PAGE = "/account/password";
    private static final String FLAG = "mamori.mustChangePassword";

    /** After a login: flags the session when the account's password is a one-time password. */
    static final class OnLogin extends SavedRequestAwareAuthenticationSuccessHandler {
        private final UserAccounts users;

        OnLogin(UserAccounts users) {
            this.users = users;
            setDefaultTargetUrl("/");
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest req, HttpServletResponse res, Authentication auth)
                throws IOException, ServletException {
            if (users.find(auth.getName()).map(UserAccounts.Account::mustChangePassword).orElse(false)) {
                req.getSession().setAttribute(FLAG, Boolean.TRUE);
                getRedirectStrategy().sendRedirect(req, res, PAGE);
                return;
            }
            super.onAuthenticationSuccess(req, res, auth);
        }
    }

    /** The password was changed: the session may go anywhere again. */
    static void changed(HttpServletRequest req) {
        HttpSession s = req.getSession(false);
        if (s != null) {
            s.removeAttribute(FLAG);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws ServletException, IOException {
        HttpSession s = req.getSession(false);
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (s != null && Boolean.TRUE.equals(s.getAttribute(FLAG)) && !path.equals(PAGE) && !path.equals("/logout")
                && !path.startsWith("/css/") && !path.equals("/error")) {
            res.sendRedirect(req.getContextPath() + PAGE);
            return;
        }
        chain.doFilter(req, res);
    }
}
