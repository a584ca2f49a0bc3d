package dev.mamori.deid;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces a value by a 仮ID: HMAC-SHA-256 under a key, the first 16 bytes in base32 after a prefix
 * ({@code P-} and 26 letters and digits by default). The same value under the same key gives the same
 * 仮ID in every file and every run, so records stay linkable; without the key the 仮ID cannot be
 * turned back into the value or recomputed from a guess. This is the "replacement by a description
 * that cannot restore the original" of 個人情報保護法施行規則31条1号 and 2号, with the key as 加工方法等情報.
 *
 * <p>Values are normalised first (NFKC, then surrounding white space removed), so {@code ０９０} and
 * {@code 090} give the same 仮ID; letter case is kept. A value of white space only becomes empty.
 */
public record KeyedPseudonym(Key key, String prefix) implements Transform {

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_.:-]{0,16}");

    /** A 仮ID with the default prefix {@code P-}. */
    public KeyedPseudonym(Key key) {
        this(key, "P-");
    }

    public KeyedPseudonym {
        Objects.requireNonNull(key, "key");
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("pseudonym prefix must be at most 16 characters of A-Z, a-z,"
                    + " 0-9, '_', '.', ':' or '-'; got " + (prefix == null ? "nothing" : "'" + prefix + "'"));
        }
    }

    @Override
    public String apply(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        String v = Codec.normalize(value);
        if (v.isEmpty()) {
            return "";
        }
        byte[] k = key.derive("pseudonym/hmac-sha256", 32);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(k, "HmacSHA256"));
            byte[] h = mac.doFinal(v.getBytes(StandardCharsets.UTF_8));
            return prefix + Codec.base32(Arrays.copyOf(h, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is unavailable in this Java runtime", null);
        }
    }
}
