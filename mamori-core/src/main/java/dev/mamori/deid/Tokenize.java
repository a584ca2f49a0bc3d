package dev.mamori.deid;

import dev.mamori.report.Message;

import com.google.crypto.tink.subtle.AesSiv;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;

/**
 * Reversible, deterministic tokens: AES-SIV (RFC 5297, AES-256 in SIV mode via Google Tink) over the
 * exact value. The same value under the same key gives the same token, so files can still be joined;
 * only the key holder can turn a token back into the value with {@link #detokenize(String)}. This
 * suits 仮名加工情報 (個人情報保護法施行規則31条) that its maker must re-link to the original records;
 * the key is then 削除情報等 and must be kept apart from the data (法41条2項, 施行規則32条). Tokens are
 * never 匿名加工情報: they can be reversed.
 *
 * <p>A token reads {@code T<version>.<base64url>}: the key version it was made with, then the
 * synthetic IV and ciphertext. It is 16 bytes longer than the value's UTF-8, so its length tells
 * the value's length.
 */
public record Tokenize(Key key) implements Transform {

    private static final byte[] NO_ASSOCIATED_DATA = new byte[0];

    public Tokenize {
        Objects.requireNonNull(key, "key");
    }

    @Override
    public String apply(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        try {
            byte[] c = siv().encryptDeterministically(value.getBytes(StandardCharsets.UTF_8), NO_ASSOCIATED_DATA);
            return prefix() + Base64.getUrlEncoder().withoutPadding().encodeToString(c);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-SIV failed with " + key, null);
        }
    }

    /**
     * The value a token was made from.
     *
     * @throws IllegalArgumentException if the text is not a token, was made with another key or
     *     another version of this key, or was altered; the message names the key by its name, version
     *     and fingerprint and shows neither the token nor any key material
     */
    public String detokenize(String token) {
        if (token == null || token.isEmpty()) {
            return token;
        }
        int dot = token.indexOf('.');
        String version = Integer.toString(versionOf(token));
        if (!version.equals(Integer.toString(key.version()))) {
            throw new Message.Problem("戻せません: トークンは鍵の版 " + version + " で作られていますが、渡された鍵は " + key
                    + " です。鍵ストアからその版を使ってください", "cannot re-link: the token was made with version " + version
                    + " of a key, but " + key + " was given; take that version from the key store");
        }
        byte[] c;
        try {
            c = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new Message.Problem("Mamori のトークンではありません: 「" + token.substring(0, dot + 1) + "」の後が base64url ではありません",
                    "not a Mamori token: the part after '" + token.substring(0, dot + 1) + "' is not base64url");
        }
        try {
            return new String(siv().decryptDeterministically(c, NO_ASSOCIATED_DATA), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new Message.Problem("戻せません: トークンは " + key + " で作られたものではないか、書き換えられています。"
                    + "加工に使った鍵が鍵ストアにあるか確かめてください", "cannot re-link: the token was not made with " + key
                    + ", or it was altered; check that the key store holds the key the data was processed with");
        }
    }

    /**
     * The key version a token was made with (the number after {@code T}).
     *
     * @throws IllegalArgumentException if the text is not a token
     */
    public static int versionOf(String token) {
        int dot = token.indexOf('.');
        if (!token.startsWith("T") || dot < 2 || dot > 10 || !token.substring(1, dot).chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new Message.Problem("Mamori のトークンではありません（トークンは T<版>.<base64url> の形です）。この列はトークン化しましたか？",
                    "not a Mamori token (a token reads T<version>.<base64url>); was the column tokenised?");
        }
        return Integer.parseInt(token.substring(1, dot));
    }

    private String prefix() {
        return "T" + key.version() + ".";
    }

    private AesSiv siv() throws GeneralSecurityException {
        return new AesSiv(key.derive("token/aes-siv", 64));
    }
}
