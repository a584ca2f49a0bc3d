package dev.mamori.server.security;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** The users of the server, with the lock-out after repeated failed logins. */
@Component
public class UserAccounts implements UserDetailsService {

    /** Failed logins in a row that lock an account, and for how long. */
    static final int MAX_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);

    public record Account(long id, String username, String passwordHash, Role role, boolean enabled, int failedLogins, Instant lockedUntil,
                          boolean mustChangePassword) {
        boolean locked(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    private final JdbcClient jdbc;
    private final ApiTokens tokens;

    UserAccounts(JdbcClient jdbc, ApiTokens tokens) {
        this.jdbc = jdbc;
        this.tokens = tokens;
    }

    private static final String COLUMNS = "id, username, password_hash, role, enabled, failed_logins, locked_until, must_change_password";

    private static Account row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Account(rs.getLong(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)), rs.getBoolean(5), rs.getInt(6),
                rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(), rs.getBoolean(8));
    }

    public Optional<Account> find(String username) {
        return jdbc.sql("select " + COLUMNS + " from app_user where username = ?").param(username).query(UserAccounts::row).optional();
    }

    public Optional<Account> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from app_user where id = ?").param(id).query(UserAccounts::row).optional();
    }

    public long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    /** Every user, by name; password hashes are left out. */
    public List<Account> all() {
        return jdbc.sql("select " + COLUMNS.replace("password_hash", "'' as password_hash") + " from app_user order by username")
                .query(UserAccounts::row).list();
    }

    public void create(String username, String passwordHash, Role role) {
        create(username, passwordHash, role, false);
    }

    /** A new user; with {@code mustChange} the password is a one-time password, to be replaced at the first login. */
    public void create(String username, String passwordHash, Role role, boolean mustChange) {
        jdbc.sql("insert into app_user (username, password_hash, role, enabled, failed_logins, created_at, must_change_password)"
                        + " values (?, ?, ?, true, 0, ?, ?)")
                .params(username, passwordHash, role.name(), Timestamp.from(Instant.now()), mustChange).update();
    }

    /** Sets a new password hash; {@code oneTime}: it must be replaced at the next login. Unlocks the account. */
    public void setPassword(long id, String passwordHash, boolean oneTime) {
        jdbc.sql("update app_user set password_hash = ?, must_change_password = ?, failed_logins = 0, locked_until = null where id = ?")
                .params(passwordHash, oneTime, id).update();
    }

    public void setEnabled(long id, boolean enabled) {
        jdbc.sql("update app_user set enabled = ? where id = ?").params(enabled, id).update();
        tokens.forget();
    }

    /** Counts a failed login: empty for an unknown user, else whether this failure locked the account. */
    Optional<Boolean> failed(String username, Instant now) {
        return find(username).map(a -> {
            int failures = a.failedLogins() + 1;
            if (failures < MAX_FAILURES) {
                jdbc.sql("update app_user set failed_logins = ? where id = ?").params(failures, a.id()).update();
                return false;
            }
            jdbc.sql("update app_user set failed_logins = 0, locked_until = ? where id = ?").params(Timestamp.from(now.plus(LOCK)), a.id())
                    .update();
            tokens.forget();
            return true;
        });
    }

    void succeeded(String username) {
        jdbc.sql("update app_user set failed_logins = 0, locked_until = null where username = ?").param(username).update();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Account a = find(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return User.withUsername(a.username()).password(a.passwordHash()).disabled(!a.enabled())
                .accountLocked(a.locked(Instant.now())).authorities(new SimpleGrantedAuthority(a.role().authority())).build();
    }
}
