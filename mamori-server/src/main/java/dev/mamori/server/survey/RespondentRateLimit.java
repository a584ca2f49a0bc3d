package dev.mamori.server.survey;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The survey pages need no login, so each client address may open them at most {@code mamori.survey.rate-limit}
 * times a minute (HTTP 429 beyond, with Retry-After): enough for a person answering, too few to try link tokens.
 * One fixed one-minute window per address, kept in memory (a single server; a cluster would limit at its proxy).
 * Written here because it is a counter per address: a rate-limiting library would add more than it saves.
 */
@Component
class RespondentRateLimit extends OncePerRequestFilter {

    private record Window(long minute, int count) {
    }

    private final int perMinute;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    RespondentRateLimit(@Value("${mamori.survey.rate-limit:30}") int perMinute) {
        this.perMinute = perMinute;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // the decoded path within the application, as Spring matches it (/%73/… is /s/… too)
        return !request.getServletPath().startsWith("/s/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long minute = System.currentTimeMillis() / 60_000;
        if (windows.size() > 100_000) {
            windows.values().removeIf(w -> w.minute() < minute);
        }
        Window w = windows.merge(request.getRemoteAddr(), new Window(minute, 1),
                (old, one) -> old.minute() == minute ? new Window(minute, old.count() + 1) : one);
        if (w.count() > perMinute) {
            response.setStatus(429);
            response.setHeader("Retry-After", "60");
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("アクセスが多すぎます。1 分ほどしてからもう一度開いてください。\nToo many requests: try again in a minute.\n");
            return;
        }
        chain.doFilter(request, response);
    }
}
