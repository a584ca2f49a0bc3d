package dev.mamori.deid;

import dev.mamori.report.Message;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.bouncycastle.crypto.fpe.FPEFF1Engine;
import org.bouncycastle.crypto.params.FPEParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Format-preserving encryption of digit strings: FF1 (NIST SP 800-38G) with AES-256, radix 10, from
 * Bouncy Castle. A 12-digit number stays 12 digits and separators stay where they were
 * ({@code 090-1234-5678} → {@code 073-9921-0466}), so downstream checks of the format still pass;
 * the key holder can reverse it with {@link #decrypt(String)}. Like {@link Tokenize} it is a
 * reversible replacement for 仮名加工情報 (個人情報保護法施行規則31条) whose key is 削除情報等; it is not for
 * 匿名加工情報.
 *
 * <p>Only domains of at least 10<sup>6</sup> values (6 digits or more) are accepted: on smaller
 * domains FF1 can be broken by tabulating every value, and a 4-digit PIN would gain nothing.
 * Full-width digits are read as digits (NFKC) and written as ASCII; letters are refused; an
 * empty {@code tweak} is allowed, and a column name makes the same number encrypt differently in
 * different columns.
 */
public record FormatPreserving(Key key, String tweak) implements Transform {

    /** Fewest digits accepted: 10^6 possible values. */
    public static final int MIN_DIGITS = 6;
    private static final String SEPARATORS = " -/().+";

    public FormatPreserving(Key key) {
        this(key, "");
    }

    public FormatPreserving {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(tweak, "tweak");
        if (tweak.getBytes(StandardCharsets.UTF_8).length > 256) {
            throw new IllegalArgumentException("FF1 tweak must be at most 256 bytes of UTF-8");
        }
    }

    @Override
    public String apply(String value) {
        return run(value, true);
    }

    /** The digits {@link #apply(String)} was given, with the same separators. */
    public String decrypt(String value) {
        return run(value, false);
    }

    private String run(String value, boolean encrypt) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        String v = Codec.normalize(value);
        byte[] digits = new byte[v.length()];
        int n = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                digits[n++] = (byte) (c - '0');
            } else if (SEPARATORS.indexOf(c) < 0) {
                throw new Message.Problem("形式保持暗号化（fpe）は数字だけを暗号化します: " + (i + 1) + " 文字目が数字でも区切り（空白 - / ( ) . +）でもありません",
                        "FormatPreserving encrypts digits only; character " + (i + 1) + " is neither a digit nor a separator (space - / ( ) . +)");
            }
        }
        if (n < MIN_DIGITS) {
            throw new Message.Problem("形式保持暗号化（fpe）には " + MIN_DIGITS + " 桁以上の数字が必要ですが、値は " + n
                    + " 桁です。これほど小さい範囲は総当たりで表にできます。pseudonym か token を使ってください",
                    "FormatPreserving needs at least " + MIN_DIGITS + " digits (10^" + MIN_DIGITS + " possible values) but the value has " + n
                    + ": so small a domain can be tabulated; use KeyedPseudonym or Tokenize for it");
        }
        FPEFF1Engine ff1 = new FPEFF1Engine();
        ff1.init(encrypt, new FPEParameters(new KeyParameter(key.derive("fpe/ff1-aes256", 32)), 10,
                tweak.getBytes(StandardCharsets.UTF_8)));
        byte[] out = new byte[n];
        ff1.processBlock(digits, 0, n, out, 0);
        StringBuilder b = new StringBuilder(v.length());
        int d = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            b.append(c >= '0' && c <= '9' ? (char) ('0' + out[d++]) : c);
        }
        return b.toString();
    }
}
