package dev.mamori.deid;

import dev.mamori.report.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The bytes of a {@link KeyStore}: JSON with {@code "format": "mamori-keystore"}.
 *
 * <ul>
 *   <li>Plain (version 1): {@code "keys": [{"name", "version", "created", "key" (base64)}, …]}; the file's
 *       mode 600 is its only protection.</li>
 *   <li>Password-protected (version 2): the same list of keys encrypted with AES-256-GCM under a key
 *       derived from the password with Argon2id (RFC 9106; 64 MiB, 3 passes, a random 16-byte salt), for
 *       a server or a shared machine where the file's mode is not enough. The header (format, version,
 *       KDF and its parameters) is authenticated with the keys, so it cannot be weakened unnoticed; a
 *       wrong password and a damaged file are the same error, and neither shows a byte of the file.</li>
 * </ul>
 */
final class KeyStoreFile {

    static final String FORMAT = "mamori-keystore";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a store file holds: its keys (name → versions, oldest first) and its protection, if any. */
    record Contents(Map<String, List<Key>> keys, Protection protection) {
    }

    /**
     * A password-derived AES key with the KDF parameters that made it. Holds no password.
     */
    static final class Protection {
        static final int MEMORY_KIB = 64 * 1024;
        static final int ITERATIONS = 3;
        static final int PARALLELISM = 1;

        private final byte[] salt;
        private final int memoryKib;
        private final int iterations;
        private final int parallelism;
        private final byte[] key;

        private Protection(byte[] salt, int memoryKib, int iterations, int parallelism, char[] password) {
            if (password.length == 0) {
                throw new Message.Problem("空のパスワードでは何も保護できません", "an empty password protects nothing; give a password or none");
            }
            this.salt = salt.clone();
            this.memoryKib = memoryKib;
            this.iterations = iterations;
            this.parallelism = parallelism;
            Argon2BytesGenerator g = new Argon2BytesGenerator();
            g.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withSalt(salt).withMemoryAsKB(memoryKib).withIterations(iterations).withParallelism(parallelism).build());
            this.key = new byte[32];
            g.generateBytes(password, key);
        }

        /** A new protection with a fresh salt. */
        static Protection create(char[] password) {
            byte[] salt = new byte[16];
            RANDOM.nextBytes(salt);
            return new Protection(salt, MEMORY_KIB, ITERATIONS, PARALLELISM, password);
        }

        @Override
        public String toString() {
            return "Protection[argon2id]";
        }
    }

    private KeyStoreFile() {
    }

    static boolean isProtected(Path p) throws IOException {
        return root(p).path("version").asInt() == 2;
    }

    /** Reads a store opened by its password (null for a plain store). */
    static Contents read(Path p, char[] password) throws IOException {
        JsonNode root = root(p);
        if (root.path("version").asInt() != 2) {
            return new Contents(keys(p, root.get("keys"), "key store " + p), null);
        }
        if (password == null) {
            throw new Message.Problem("鍵ストア " + p + " はパスワードで保護されています。パスワードを入力するか、環境変数 MAMORI_KEYSTORE_PASSWORD を設定してください",
                    "key store " + p + " is password-protected; give its password (MAMORI_KEYSTORE_PASSWORD, or type it when asked)");
        }
        JsonNode kdf = root.path("protection");
        Protection prot;
        try {
            if (!"argon2id".equals(kdf.path("kdf").asText())) {
                throw new IllegalArgumentException("unknown kdf");
            }
            prot = new Protection(Base64.getDecoder().decode(kdf.path("salt").asText()), bounded(kdf, "memory_kib", 8, 4 << 20),
                    bounded(kdf, "iterations", 1, 100), bounded(kdf, "parallelism", 1, 64), password);
        } catch (IllegalArgumentException e) {
            throw new Message.Problem("鍵ストア " + p + ": 保護情報の部分が壊れています。バックアップから戻してください",
                    "key store " + p + ": its protection header is damaged; restore it from a backup");
        }
        return read(p, root, prot);
    }

    /** Re-reads a store under the protection it was opened with (null when plain). */
    static Contents read(Path p, Protection prot) throws IOException {
        JsonNode root = root(p);
        if (root.path("version").asInt() != 2) {
            return new Contents(keys(p, root.get("keys"), "key store " + p), null);
        }
        if (prot == null) {
            throw new IllegalArgumentException("key store " + p + " was protected with a password since it was opened; open it again");
        }
        return read(p, root, prot);
    }

    private static Contents read(Path p, JsonNode root, Protection prot) throws IOException {
        byte[] plain;
        try {
            byte[] nonce = Base64.getDecoder().decode(root.path("nonce").asText());
            byte[] sealed = Base64.getDecoder().decode(root.path("keys_encrypted").asText());
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(prot.key, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(header(prot).getBytes(StandardCharsets.UTF_8));
            plain = c.doFinal(sealed);
        } catch (AEADBadTagException e) {
            throw new Message.Problem("鍵ストア " + p + ": パスワードが違うか、ファイルが書き換えられています",
                    "key store " + p + ": wrong password, or the file was altered");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new Message.Problem("鍵ストア " + p + " は壊れています（暗号化した部分が読めません）。バックアップから戻してください",
                    "key store " + p + " is damaged (its encrypted part cannot be read); restore it from a backup");
        }
        try {
            return new Contents(keys(p, JSON.readTree(plain), "key store " + p), prot);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static int bounded(JsonNode n, String field, int min, int max) {
        int v = n.path(field).asInt(-1);
        if (v < min || v > max) {
            throw new IllegalArgumentException(field);
        }
        return v;
    }

    /** The file's bytes for these keys, encrypted when {@code prot} is given. */
    static byte[] write(Map<String, List<Key>> keys, Protection prot) throws IOException {
        ArrayNode list = JSON.createArrayNode();
        for (List<Key> vs : keys.values()) {
            for (Key k : vs) {
                list.addObject().put("name", k.name()).put("version", k.version())
                        .put("created", k.created().toString())
                        .put("key", Base64.getEncoder().encodeToString(k.material()));
            }
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        if (prot == null) {
            root.put("version", 1);
            root.set("keys", list);
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        }
        root.put("version", 2);
        root.putObject("protection").put("kdf", "argon2id").put("memory_kib", prot.memoryKib).put("iterations", prot.iterations)
                .put("parallelism", prot.parallelism).put("salt", Base64.getEncoder().encodeToString(prot.salt));
        byte[] plain = JSON.writeValueAsBytes(list);
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(prot.key, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(header(prot).getBytes(StandardCharsets.UTF_8));
            root.put("cipher", "AES-256-GCM").put("nonce", Base64.getEncoder().encodeToString(nonce))
                    .put("keys_encrypted", Base64.getEncoder().encodeToString(c.doFinal(plain)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this Java runtime", null);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    /** The authenticated header: what a tampered file could otherwise weaken. */
    private static String header(Protection prot) {
        return FORMAT + "|2|argon2id|" + prot.memoryKib + "|" + prot.iterations + "|" + prot.parallelism + "|"
                + Base64.getEncoder().encodeToString(prot.salt);
    }

    private static JsonNode root(Path p) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(p));
        } catch (JsonProcessingException e) {
            // Jackson's message may quote the file's text, keys included: give the place only
            String line = e.getLocation() == null ? "?" : Integer.toString(e.getLocation().getLineNr());
            throw new Message.Problem("鍵ストア " + p + " は正しい JSON ではありません（" + line + " 行目付近）。バックアップから戻してください",
                    "key store " + p + " is not valid JSON (near line " + line + "); restore it from a backup");
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())
                || !(root.path("version").asInt() == 1 && root.path("keys").isArray() || root.path("version").asInt() == 2)) {
            throw new Message.Problem(p + " は Mamori の鍵ストアではありません（\"format\": \"" + FORMAT + "\" がありません）",
                    p + " is not a Mamori key store (no \"format\": \"" + FORMAT + "\")");
        }
        return root;
    }

    private static Map<String, List<Key>> keys(Path p, JsonNode list, String where0) {
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException(where0 + " has no list of keys; restore it from a backup");
        }
        Map<String, List<Key>> keys = new TreeMap<>();
        int i = 0;
        for (JsonNode n : list) {
            i++;
            String where = where0 + ", entry " + i;
            byte[] material;
            Instant created;
            try {
                material = Base64.getDecoder().decode(n.path("key").asText());
                created = Instant.parse(n.path("created").asText());
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IllegalArgumentException(where + ": the key or its creation date is unreadable", null);
            }
            Key k;
            try {
                k = new Key(n.path("name").asText(), n.path("version").asInt(), created, material);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), null);
            } finally {
                Arrays.fill(material, (byte) 0);
            }
            List<Key> versions = keys.computeIfAbsent(k.name(), x -> new ArrayList<>());
            if (versions.stream().anyMatch(v -> v.version() == k.version())) {
                throw new IllegalArgumentException(where + ": key '" + k.name() + "' version " + k.version() + " is there twice", null);
            }
            versions.add(k);
        }
        keys.values().forEach(vs -> vs.sort(Comparator.comparingInt(Key::version)));
        return keys;
    }
}
