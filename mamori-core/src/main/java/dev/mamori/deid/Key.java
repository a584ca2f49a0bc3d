package dev.mamori.deid;

import com.google.crypto.tink.subtle.Hkdf;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * One version of a named 256-bit secret key. For 仮名加工情報 it is part of the 削除情報等 (個人情報保護法
 * 41条2項, 施行規則32条: what was removed or replaced, and the means to restore it); for 匿名加工情報 it
 * is 加工方法等情報 (法43条2項, 施行規則35条). Either way it must be kept apart from the processed data
 * under its own safety measures; {@link KeyStore} keeps keys in a file of their own.
 *
 * <p>The key bytes never leave this object: {@link #toString()} shows the name, version and
 * {@link #fingerprint() fingerprint} only, and no exception raised by Mamori carries them. Each
 * transform derives its own sub-key (HKDF-SHA-256 with a purpose label), so one key may serve a
 * pseudonym, a token and format-preserving encryption without one revealing anything of another.
 */
public final class Key {

    /** Length of every key, in bytes (256 bits). */
    public static final int LENGTH = 32;

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String name;
    private final int version;
    private final Instant created;
    private final byte[] material;
    private final Map<String, byte[]> derived = new ConcurrentHashMap<>();

    Key(String name, int version, Instant created, byte[] material) {
        this.name = checkName(name);
        if (version < 1) {
            throw new IllegalArgumentException("key version must be 1 or more, got " + version);
        }
        this.version = version;
        this.created = Objects.requireNonNull(created, "created");
        if (material == null || material.length != LENGTH) {
            throw new IllegalArgumentException("key '" + name + "' version " + version + " must be "
                    + LENGTH + " bytes (256 bits), got " + (material == null ? 0 : material.length));
        }
        this.material = material.clone();
    }

    /**
     * A fresh random key that is never stored. A replacement made with it cannot be repeated or
     * reversed once the key is gone: what 施行規則34条3号 asks of linking IDs in 匿名加工情報
     * ("random, not keyed").
     */
    public static Key ephemeral(String name) {
        return new Key(name, 1, Instant.now(), random());
    }

    /**
     * The throw-away key of a run split across machines (mamori-spark): made from the random bytes of
     * {@link #randomMaterial()}, drawn once by the run's driver, sent to its workers and forgotten with the run. Every
     * part then makes the same replacement for the same linking ID, as one machine would.
     */
    public static Key ephemeral(String name, byte[] material) {
        return new Key(name, 1, Instant.EPOCH, material);
    }

    /** Fresh random key material, for {@link #ephemeral(String, byte[])}. */
    public static byte[] randomMaterial() {
        return random();
    }

    static byte[] random() {
        byte[] b = new byte[LENGTH];
        RANDOM.nextBytes(b);
        return b;
    }

    static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("key name must be 1 to 64 characters of a-z, 0-9, '.', '_' or '-',"
                    + " starting with a letter or digit; got " + (name == null ? "nothing" : "'" + name + "'"));
        }
        return name;
    }

    public String name() {
        return name;
    }

    /** 1 for a new key; each {@link KeyStore#rotate(String) rotation} adds one. */
    public int version() {
        return version;
    }

    public Instant created() {
        return created;
    }

    /** The first 8 hex digits of the SHA-256 of the key: enough to tell keys apart, nothing to rebuild one. */
    public String fingerprint() {
        return fingerprint(material);
    }

    static String fingerprint(byte[] material) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(material);
            return HexFormat.of().formatHex(h, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** A sub-key for one purpose (HKDF-SHA-256, RFC 5869), computed once per key; callers must not change it. */
    byte[] derive(String purpose, int length) {
        return derived.computeIfAbsent(purpose + "/" + length, p -> hkdf(purpose, length));
    }

    private byte[] hkdf(String purpose, int length) {
        try {
            return Hkdf.computeHkdf("HMACSHA256", material, new byte[0],
                    ("mamori/" + purpose).getBytes(StandardCharsets.UTF_8), length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive a " + purpose + " key from key '" + name + "'", null);
        }
    }

    /** The raw bytes, for the key store only. */
    byte[] material() {
        return material.clone();
    }

    /** Names the key without the key: {@code Key[name=customers, version=2, fingerprint=1a2b3c4d]}. */
    @Override
    public String toString() {
        return "Key[name=" + name + ", version=" + version + ", fingerprint=" + fingerprint() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Key k && k.name.equals(name) && k.version == version
                && MessageDigest.isEqual(k.material, material);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + version;
    }
}
