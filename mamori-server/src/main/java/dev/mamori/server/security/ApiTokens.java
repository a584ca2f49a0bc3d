package dev.mamori.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * API tokens: made in the UI, shown once, kept only as their SHA-256 (a token is 256 random bits, so a fast hash is
 * enough; it is not a password a person chose).
 */
@Component
public class ApiTokens {

    static final String PREFIX = "mamori_";

    /**
     * How stale "last used" may be: a token in steady use is written once a minute, not on every request (each write
     * was a commit of its own, and all requests with one token queued on its row).
     */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Token(long id, String name, Instant createdAt, Instant lastUsedAt) {
    }

    /**
     * How long a token's user, role and state are remembered instead of read again on every request. A change made
     * through this server (token deleted; user disabled or locked) forgets them at once; one made
     * by another server on the same database takes effect within this time.
     */
    static final Duration REMEMBERED = Duration.ofSeconds(10);

    private record Known(String user, Collection<? extends GrantedAuthority> roles, long untilNanos) {
    }

    private final JdbcClient jdbc;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Who sends {@code token}: its user with that user's role, when the token is ours and the user enabled and not
     * locked ({@code users} reads them).
     */
    Optional<Authentication> authenticate(String token, UserDetailsService users) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        String sha = sha256(token);
        Known k = known.get(sha);
        if (k == null || System.nanoTime() - k.untilNanos() >= 0) {
            k = user(sha).map(users::loadUserByUsername).filter(u -> u.isAccountNonLocked() && u.isEnabled())
                    .map(u -> new Known(u.getUsername(), u.getAuthorities(), System.nanoTime() + REMEMBERED.toNanos())).orElse(null);
            if (k == null) {
                known.remove(sha);
                return Optional.empty();
            }
            known.put(sha, k);
        }
        return Optional.of(new UsernamePasswordAuthenticationToken(k.user(), null, k.roles())); // each request its own
    }

    /** Forgets every remembered token (a user or token changed). */
    void forget() {
        known.clear();
    }

    /** A new token for {@code userId}; the returned text is the only time it exists outside the caller. */
    public String create(long userId, String name) {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        jdbc.sql("insert into api_token (user_id, name, token_sha256, created_at) values (?, ?, ?, ?)")
                .params(userId, name, sha256(token), Timestamp.from(Instant.now())).update();
        return token;
    }

    public List<Token> of(long userId) {
        return jdbc.sql("select id, name, created_at, last_used_at from api_token where user_id = ? order by id")
                .param(userId)
                .query((rs, n) -> new Token(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .list();
    }

    public void delete(long userId, long tokenId) {
        jdbc.sql("delete from api_token where id = ? and user_id = ?").params(tokenId, userId).update();
        forget();
    }

    /** The user the token with this hash belongs to, when it is one of ours; notes its use (once a minute). */
    private Optional<String> user(String sha) {
        record Found(String user, Timestamp lastUsed) {
        }
        Optional<Found> found = jdbc.sql("select u.username, t.last_used_at from api_token t join app_user u on u.id = t.user_id"
                        + " where t.token_sha256 = ? and u.enabled")
                .param(sha).query((rs, n) -> new Found(rs.getString(1), rs.getTimestamp(2))).optional();
        Instant now = Instant.now();
        found.filter(f -> f.lastUsed() == null || f.lastUsed().toInstant().isBefore(now.minus(LAST_USED_PRECISION)))
                .ifPresent(f -> jdbc.sql("update api_token set last_used_at = ? where token_sha256 = ?").params(Timestamp.from(now), sha).update());
        return found.map(Found::user);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
