package dev.mamori.deid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A file of named keys: the 削除情報等 of 仮名加工情報 (個人情報保護法41条2項, 施行規則32条) and the
 * 加工方法等情報 of 匿名加工情報 (法43条2項, 施行規則35条), which the law requires to be kept apart from the
 * processed data and protected. Keep the file outside any output folder; its location is the
 * caller's choice.
 *
 * <p>The file is JSON holding, per name, every version of a 256-bit key from {@link java.security.SecureRandom}
 * in base64. On POSIX file systems it is created with mode 600 (owner read and write only), and
 * {@link #open(Path)} refuses a store that group or others may read or write. On other file systems
 * (Windows, FAT) no mode can be set: the store still works, {@link #permissionsEnforced()} is
 * {@code false}, and the caller must say so and protect the folder by other means. Every change is
 * written to a temporary file beside the store and renamed over it, so a crash leaves the old store
 * or the new one, never half of one. One process at a time should change a store.
 *
 * <p>Keys are never printed: {@link #list()} gives names, versions, creation dates and fingerprints,
 * and no exception message carries key material.
 */
public final class KeyStore {

    /** What {@link #list()} tells of one key version: never the key. */
    public record KeyInfo(String name, int version, Instant created, String fingerprint) {
    }

    private static final String FORMAT = "mamori-keystore";
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;
    private final boolean posix;
    /** name → versions, oldest first. */
    private final Map<String, List<Key>> keys;

    private KeyStore(Path path, boolean posix, Map<String, List<Key>> keys) {
        this.path = path;
        this.posix = posix;
        this.keys = keys;
    }

    /**
     * Creates an empty store at {@code path}, mode 600 where the file system allows it; folders it has
     * to make for it get mode 700. Refuses to overwrite anything.
     *
     * @throws FileAlreadyExistsException if there is a file at {@code path}
     */
    public static KeyStore create(Path path) throws IOException {
        Path p = path.toAbsolutePath();
        if (Files.exists(p)) {
            throw new FileAlreadyExistsException(p.toString(), null,
                    "a file is already there; open it as a key store, or choose another path");
        }
        Path dir = p.getParent();
        if (!Files.isDirectory(dir)) {
            Path existing = dir;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing != null && isPosix(existing)) {
                // folders made for the store are the owner's alone too
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(EnumSet.of(
                        PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE)));
            } else {
                Files.createDirectories(dir);
            }
        }
        KeyStore s = new KeyStore(p, isPosix(dir), new TreeMap<>());
        s.save();
        return s;
    }

    /**
     * Opens an existing store.
     *
     * @throws NoSuchFileException if there is none at {@code path}
     * @throws IllegalArgumentException if group or others may read or write it, or it is not a key store
     */
    public static KeyStore open(Path path) throws IOException {
        Path p = path.toAbsolutePath();
        if (!Files.isRegularFile(p)) {
            throw new NoSuchFileException(p.toString(), null, "no key store there; create one first");
        }
        boolean posix = isPosix(p.getParent());
        if (posix) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            if (!OWNER_ONLY.containsAll(perms)) {
                throw new IllegalArgumentException("key store " + p + " has mode "
                        + PosixFilePermissions.toString(perms) + ": group or others may use it, and keys must be"
                        + " readable by their owner alone; run: chmod 600 '" + p + "'");
            }
        }
        return new KeyStore(p, posix, read(p));
    }

    private static boolean isPosix(Path dir) throws IOException {
        return Files.getFileStore(dir).supportsFileAttributeView("posix");
    }

    public Path path() {
        return path;
    }

    /** {@code false} on file systems without POSIX modes, where the store could not be made owner-only. */
    public boolean permissionsEnforced() {
        return posix;
    }

    /** Makes and saves a new random key, version 1. */
    public synchronized Key newKey(String name) throws IOException {
        Key.checkName(name);
        if (keys.containsKey(name)) {
            throw new IllegalArgumentException("key store " + path + " already has a key named '" + name
                    + "'; rotate it to make a new version, or choose another name");
        }
        Key k = new Key(name, 1, Instant.now(), Key.random());
        keys.put(name, new ArrayList<>(List.of(k)));
        saveOrUndo(() -> keys.remove(name));
        return k;
    }

    /** Makes and saves a new version of a key; the older versions are kept so earlier output can be re-linked. */
    public synchronized Key rotate(String name) throws IOException {
        List<Key> versions = versions(name);
        Key k = new Key(name, versions.get(versions.size() - 1).version() + 1, Instant.now(), Key.random());
        versions.add(k);
        saveOrUndo(() -> versions.remove(versions.size() - 1));
        return k;
    }

    /** The newest version of a key. */
    public synchronized Key get(String name) {
        List<Key> v = versions(name);
        return v.get(v.size() - 1);
    }

    /** One version of a key, for re-linking data processed before a rotation. */
    public synchronized Key get(String name, int version) {
        return versions(name).stream().filter(k -> k.version() == version).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("key '" + name + "' has no version " + version
                        + " in " + path + "; it has versions 1 to " + get(name).version()));
    }

    /** Every version of every key, by name then version. */
    public synchronized List<KeyInfo> list() {
        List<KeyInfo> out = new ArrayList<>();
        keys.values().forEach(vs -> vs.forEach(k -> out.add(new KeyInfo(k.name(), k.version(), k.created(), k.fingerprint()))));
        out.sort(Comparator.comparing(KeyInfo::name).thenComparingInt(KeyInfo::version));
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "KeyStore[" + path + ", " + keys.size() + " keys]";
    }

    private List<Key> versions(String name) {
        List<Key> v = keys.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no key named '" + name + "' in key store " + path
                    + (keys.isEmpty() ? "; it holds no keys yet" : "; it holds: " + String.join(", ", keys.keySet())));
        }
        return v;
    }

    private void saveOrUndo(Runnable undo) throws IOException {
        try {
            save();
        } catch (IOException | RuntimeException e) {
            undo.run();
            throw e;
        }
    }

    private void save() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        ArrayNode list = root.putArray("keys");
        for (List<Key> vs : keys.values()) {
            for (Key k : vs) {
                list.addObject().put("name", k.name()).put("version", k.version())
                        .put("created", k.created().toString())
                        .put("key", Base64.getEncoder().encodeToString(k.material()));
            }
        }
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        Path dir = path.getParent();
        FileAttribute<?>[] attrs = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        Path tmp = Files.createTempFile(dir, "." + path.getFileName() + ".", ".tmp", attrs);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(bytes));
                ch.force(true);
            }
            try {
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Map<String, List<Key>> read(Path p) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(p));
        } catch (JsonProcessingException e) {
            // Jackson's message may quote the file's text, keys included: give the place only
            throw new IllegalArgumentException("key store " + p + " is not valid JSON (near line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + "); restore it from a backup", null);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText()) || !root.path("keys").isArray()) {
            throw new IllegalArgumentException(p + " is not a Mamori key store (no \"format\": \"" + FORMAT + "\")");
        }
        Map<String, List<Key>> keys = new TreeMap<>();
        int i = 0;
        for (JsonNode n : root.get("keys")) {
            i++;
            String where = "key store " + p + ", entry " + i;
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
            }
            keys.computeIfAbsent(k.name(), x -> new ArrayList<>()).add(k);
        }
        keys.values().forEach(vs -> vs.sort(Comparator.comparingInt(Key::version)));
        return keys;
    }
}
