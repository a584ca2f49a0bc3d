package dev.mamori.server.security;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * On the first start (no users yet) creates the administrator {@code admin}: with the password in
 * {@code MAMORI_ADMIN_PASSWORD}, or a random one-time password printed once on standard output (never logged), which must be
 * replaced at the first login.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private final UserAccounts users;
    private final PasswordEncoder encoder;

    AdminBootstrap(UserAccounts users, PasswordEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        String given = System.getenv("MAMORI_ADMIN_PASSWORD");
        if (given != null && Passwords.problem("admin", given) != null) {
            throw new IllegalStateException("MAMORI_ADMIN_PASSWORD must have at least " + Passwords.MIN_LENGTH
                    + " characters and must not contain the user name");
        }
        String password = given != null ? given : Passwords.oneTime();
        users.create("admin", encoder.encode(password), Role.ADMIN, given == null);
        if (given == null) {
            System.out.println("管理者 admin を作成しました。初期パスワード（この表示は一度だけです）: " + password);
            System.out.println("Created the administrator 'admin'. One-time password (shown only now): " + password);
        } else {
            System.out.println("管理者 admin を MAMORI_ADMIN_PASSWORD のパスワードで作成しました / created 'admin' with MAMORI_ADMIN_PASSWORD");
        }
        System.out.flush();
    }
}
