package dev.mamori.deid;

import dev.mamori.report.Message;

import dev.mamori.report.AtomicFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A file of named keys: the 削除情報等 of 仮名加工情報 (個人情報保護法41条2項, 施行規則32条) and the
 * 加工方法等情報 of 匿名加工情報 (法43条2項, 施行規則35条), which the law requires to be kept apart from the
 * processed data and protected. Keep the file outside any output folder; its location is the
 * caller's choice.
 *
 * <p>The file holds, per name, every version of a 256-bit key from {@link java.security.SecureRandom}
 * ({@link KeyStoreFile} describes the format, plain or password-protected). On POSIX file systems it is
 * created with mode 600 (owner read and write only), and {@link #open} refuses a store that group or
 * others may read or write. On other file systems (Windows, FAT) no mode can be set: the store still
 * works, {@link #permissionsEnforced()} is {@code false}, and the caller must say so and protect the
 * folder by other means.
 *
 * <p>Changes are safe under concurrency: every change takes an exclusive lock (a lock file beside the
 * store, locked with the operating system's file lock, and a lock within this process), reads the
 * store again under that lock, applies the change to what is on disk and writes it to a temporary
 * file renamed over the store. Parallel {@code keys new} and {@code keys rotate} from several
 * processes therefore never lose a key or a version, and a crash leaves the old store or the new one.
 * A store given through a symbolic link is written through the link: the file it points to is
 * replaced, the link stays.
 *
 * <p>Keys are never printed: {@link #list()} gives names, versions, creation dates and fingerprints,
 * and no exception message carries key material or the password.
 */
public final class KeyStore {

    /** What {@link #list()} tells of one key version: never the key. */
    public record KeyInfo(String name, int version, Instant created, String fingerprint) {
    }

    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    /** One lock per store file within this process (the OS lock is per process, not per thread). */
    private static final Map<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    /** The store file itself, symbolic links resolved. */
    private final Path path;
    private final boolean posix;
    /** The password-derived key, or null for a plain store. */
    private KeyStoreFile.Protection protection;
    /** name → versions, oldest first: what the file held when last read or written. */
    private Map<String, List<Key>> keys;

    private KeyStore(Path path, boolean posix, KeyStoreFile.Protection protection, Map<String, List<Key>> keys) {
        this.path = path;
        this.posix = posix;
        this.protection = protection;
        this.keys = keys;
    }

    /**
     * Creates an empty store at {@code path}, mode 600 where the file system allows it; folders it has
     * to make for it get mode 700. Refuses to overwrite anything.
     *
     * @param password a password to protect the store with, or null for a plain store (mode 600 only)
     * @throws FileAlreadyExistsException if there is a file at {@code path}
     */
    public static KeyStore create(Path path, char[] password) throws IOException {
        Path p = resolve(path);
        makeFolder(p.getParent());
        return locked(p, () -> {
            if (Files.exists(p)) {
                throw new FileAlreadyExistsException(p.toString(), null,
                        "a file is already there; open it as a key store, or choose another path");
            }
            KeyStore s = new KeyStore(p, isPosix(p.getParent()),
                    password == null ? null : KeyStoreFile.Protection.create(password), new TreeMap<>());
            s.save();
            return s;
        });
    }

    /** A plain store (no password). */
    public static KeyStore create(Path path) throws IOException {
        return create(path, null);
    }

    /**
     * Opens the store at {@code path}, creating it (plain, or protected by {@code password}) when there
     * is none; two processes doing this at once get the same store.
     */
    public static KeyStore openOrCreate(Path path, char[] password) throws IOException {
        Path p = resolve(path);
        makeFolder(p.getParent());
        return locked(p, () -> Files.exists(p) ? open(p, password) : create(p, password));
    }

    /** Opens a plain store. */
    public static KeyStore open(Path path) throws IOException {
        return open(path, null);
    }

    /**
     * Opens an existing store.
     *
     * @param password the store's password, or null for a plain store
     * @throws NoSuchFileException if there is none at {@code path}
     * @throws IllegalArgumentException if group or others may read or write it, it is not a key store,
     *     it is protected and no or a wrong password was given
     */
    public static KeyStore open(Path path, char[] password) throws IOException {
        Path p = resolve(path);
        if (!Files.isRegularFile(p)) {
            throw new NoSuchFileException(p.toString(), null, "no key store there; create one first");
        }
        boolean posix = isPosix(p.getParent());
        if (posix) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            if (!OWNER_ONLY.containsAll(perms)) {
                throw new Message.Problem("鍵ストア " + p + " の権限は " + PosixFilePermissions.toString(perms)
                        + " で、所有者以外も使えます。鍵は所有者だけが読めなければなりません。実行: chmod 600 '" + p + "'",
                        "key store " + p + " has mode " + PosixFilePermissions.toString(perms) + ": group or others may use it, and keys"
                                + " must be readable by their owner alone; run: chmod 600 '" + p + "'");
            }
        }
        KeyStoreFile.Contents c = KeyStoreFile.read(p, password);
        return new KeyStore(p, posix, c.protection(), c.keys());
    }

    /** Whether the store at {@code path} is password-protected (without reading any key). */
    public static boolean isProtected(Path path) throws IOException {
        return KeyStoreFile.isProtected(resolve(path));
    }

    /** The store file (symbolic links resolved). */
    public Path path() {
        return path;
    }

    /** {@code false} on file systems without POSIX modes, where the store could not be made owner-only. */
    public boolean permissionsEnforced() {
        return posix;
    }

    /** Whether the store is password-protected. */
    public synchronized boolean passwordProtected() {
        return protection != null;
    }

    /** Makes and saves a new random key, version 1. */
    public Key newKey(String name) throws IOException {
        Key.checkName(name);
        return change(fresh -> {
            if (fresh.containsKey(name)) {
                throw new Message.Problem("鍵ストア " + path + " には「" + name + "」という鍵がすでにあります。新しい版は rotate で作るか、"
                        + "別の名前にしてください", "key store " + path + " already has a key named '" + name
                        + "'; rotate it to make a new version, or choose another name");
            }
            Key k = new Key(name, 1, Instant.now(), Key.random());
            fresh.put(name, new ArrayList<>(List.of(k)));
            return k;
        });
    }

    /** Makes and saves a new version of a key; the older versions are kept so earlier output can be re-linked. */
    public Key rotate(String name) throws IOException {
        return change(fresh -> {
            List<Key> versions = versions(fresh, name);
            Key k = new Key(name, versions.get(versions.size() - 1).version() + 1, Instant.now(), Key.random());
            versions.add(k);
            return k;
        });
    }

    /**
     * Sets, changes or (with null) removes the store's password. The keys stay the same.
     */
    public void protect(char[] newPassword) throws IOException {
        change(fresh -> {
            protection = newPassword == null ? null : KeyStoreFile.Protection.create(newPassword);
            return null;
        });
    }

    /** The newest version of a key. */
    public synchronized Key get(String name) {
        List<Key> v = versions(keys, name);
        return v.get(v.size() - 1);
    }

    /** One version of a key, for re-linking data processed before a rotation. */
    public synchronized Key get(String name, int version) {
        return versions(keys, name).stream().filter(k -> k.version() == version).findFirst()
                .orElseThrow(() -> new Message.Problem("鍵「" + name + "」には版 " + version + " がありません（" + path + "、版は 1 から "
                        + get(name).version() + "）", "key '" + name + "' has no version " + version
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
    public synchronized String toString() {
        return "KeyStore[" + path + ", " + keys.size() + " keys" + (protection != null ? ", password-protected" : "") + "]";
    }

    private static List<Key> versions(Map<String, List<Key>> keys, String name) {
        List<Key> v = keys.get(name);
        if (v == null) {
            throw new Message.Problem("鍵ストアに「" + name + "」という鍵はありません"
                    + (keys.isEmpty() ? "（まだ鍵がありません）" : "（あるのは " + String.join(", ", keys.keySet()) + "）"),
                    "no key named '" + name + "' in the key store"
                    + (keys.isEmpty() ? "; it holds no keys yet" : "; it holds: " + String.join(", ", keys.keySet())));
        }
        return v;
    }

    /** What a change does to the store as it is on disk (under the lock); what it returns is returned. */
    @FunctionalInterface
    private interface Change<T> {
        T apply(Map<String, List<Key>> fresh) throws IOException;
    }

    /** Under the lock: re-reads the file, applies the change, saves; on failure the file and this object stay as they were. */
    private synchronized <T> T change(Change<T> change) throws IOException {
        return locked(path, () -> {
            KeyStoreFile.Contents now = KeyStoreFile.read(path, protection);
            Map<String, List<Key>> fresh = new TreeMap<>();
            now.keys().forEach((n, vs) -> fresh.put(n, new ArrayList<>(vs)));
            KeyStoreFile.Protection before = protection;
            T result;
            try {
                result = change.apply(fresh);
                Map<String, List<Key>> previous = keys;
                keys = fresh;
                try {
                    save();
                } catch (IOException | RuntimeException e) {
                    keys = previous;
                    throw e;
                }
            } catch (IOException | RuntimeException e) {
                protection = before;
                throw e;
            }
            return result;
        });
    }

    private void save() throws IOException {
        byte[] bytes = KeyStoreFile.write(keys, protection);
        try (AtomicFiles.Pending p = AtomicFiles.openPrivate(path)) {
            p.stream().write(bytes);
            p.commit();
        }
    }

    @FunctionalInterface
    private interface Action<T> {
        T run() throws IOException;
    }

    /** Runs {@code action} holding this process's lock and the OS lock on the store's lock file. */
    private static <T> T locked(Path store, Action<T> action) throws IOException {
        ReentrantLock local = LOCKS.computeIfAbsent(store, x -> new ReentrantLock());
        local.lock();
        try {
            if (local.getHoldCount() > 1) {
                return action.run(); // openOrCreate → create: the OS lock is already held
            }
            Path lockFile = store.resolveSibling("." + store.getFileName() + ".lock");
            FileAttribute<?>[] attrs = isPosix(store.getParent())
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                    : new FileAttribute<?>[0];
            if (!Files.exists(lockFile)) {
                try {
                    Files.createFile(lockFile, attrs);
                } catch (FileAlreadyExistsException e) {
                    // another process made it first
                }
            }
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                return action.run();
            }
        } finally {
            local.unlock();
        }
    }

    /** The file a path names, symbolic links followed (also when the link's target does not exist yet). */
    private static Path resolve(Path path) throws IOException {
        Path p = path.toAbsolutePath().normalize();
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops > 40) {
                throw new IOException(path + ": too many levels of symbolic links");
            }
            p = p.resolveSibling(Files.readSymbolicLink(p)).toAbsolutePath().normalize();
        }
        return p;
    }

    private static void makeFolder(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
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

    private static boolean isPosix(Path dir) throws IOException {
        return Files.getFileStore(dir).supportsFileAttributeView("posix");
    }
}
