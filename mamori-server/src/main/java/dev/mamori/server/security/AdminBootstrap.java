package dev.mamori.server.security;

import java.security.SecureRandom;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * On the first start (no users yet) creates the administrator {@code admin}: with the password in
 * {@code MAMORI_ADMIN_PASSWORD}, or a random one printed once on standard output (never logged).
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

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
        if (given != null && given.length() < 12) {
            throw new IllegalStateException("MAMORI_ADMIN_PASSWORD must have at least 12 characters");
        }
        String password = given != null ? given : random(20);
        users.create("admin", encoder.encode(password), Role.ADMIN);
        if (given == null) {
            System.out.println("管理者 admin を作成しました。初期パスワード（この表示は一度だけです）: " + password);
            System.out.println("Created the administrator 'admin'. One-time password (shown only now): " + password);
        } else {
            System.out.println("管理者 admin を MAMORI_ADMIN_PASSWORD のパスワードで作成しました / created 'admin' with MAMORI_ADMIN_PASSWORD");
        }
        System.out.flush();
    }

    private static String random(int n) {
        SecureRandom r = new SecureRandom();
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
