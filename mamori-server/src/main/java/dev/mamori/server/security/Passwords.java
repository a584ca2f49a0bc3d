package dev.mamori.server.security;

import java.security.SecureRandom;
import java.util.Locale;

/** One-time passwords and the rule a chosen password must meet. */
final class Passwords {

    static final int MIN_LENGTH = 12;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    /** 20 characters without look-alikes (about 116 bits). */
    static String oneTime() {
        StringBuilder b = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** The message key of what is wrong with {@code password} for {@code username}, or null when it may be used. */
    static String problem(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "password.short";
        }
        if (password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return "password.username";
        }
        return null;
    }
}
