package dev.mamori.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes an output whole or not at all, and never lets a half-written copy be read by others.
 *
 * <p>The content goes to a temporary file in the target's folder, created readable by its owner
 * only ({@code .NAME.PID.RANDOM.mamori-part}); when it is complete it gets the mode the target had
 * (or, for a new file, the mode the user's umask gives new files) and is renamed over the target in
 * one step ({@link StandardCopyOption#ATOMIC_MOVE}). An interrupted run leaves the old file, or none,
 * never half of a new one. A temporary file is deleted when the write fails, when the JVM exits
 * (a shutdown hook, so Ctrl-C and {@code kill} are covered), and, if the process was killed with
 * {@code kill -9}, by the next write to the same target, which removes parts whose process is gone.
 * A target that is a symbolic link is written through: the file it points to is replaced, the link
 * stays a link.
 */
public final class AtomicFiles {

    private static final String PART = ".mamori-part";
    private static final Pattern PART_NAME = Pattern.compile("\\.(.+)\\.(\\d+)\\.[0-9a-f]{16}" + Pattern.quote(PART));
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    /** Temporary files of this process not yet renamed or deleted; removed by the shutdown hook. */
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path p : PENDING) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException | RuntimeException ignored) {
                    // the next run removes it
                }
            }
        }, "mamori-temp-cleanup"));
    }

    private AtomicFiles() {
    }

    /** Writes {@code text} as UTF-8 to {@code target}, replacing it atomically. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** What writes the content to the temporary file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes whatever {@code content} produces to {@code target}, replacing it atomically. */
    public static void write(Path target, Content content) throws IOException {
        try (Pending p = open(target)) {
            content.writeTo(p.stream());
            p.commit();
        }
    }

    /**
     * Starts writing {@code target}: write to {@link Pending#stream()}, then {@link Pending#commit()};
     * closing without committing deletes the temporary file and leaves the target as it was.
     */
    public static Pending open(Path target) throws IOException {
        return open(target, false);
    }

    /**
     * Like {@link #open(Path)}, but the finished file stays readable by its owner alone (mode 600), however
     * it was before: for key stores and other secrets.
     */
    public static Pending openPrivate(Path target) throws IOException {
        return open(target, true);
    }

    private static Pending open(Path target, boolean ownerOnly) throws IOException {
        Path resolved = resolve(target);
        Path dir = resolved.getParent();
        Files.createDirectories(dir);
        removeStaleParts(dir, resolved.getFileName().toString());
        Path tmp = createPrivate(dir, "." + resolved.getFileName() + "." + ProcessHandle.current().pid() + ".", PART);
        return new Pending(resolved, tmp, ownerOnly);
    }

    /**
     * A private scratch file (owner-only) in {@code dir}, or in the system's temporary directory when
     * {@code dir} is null, deleted when the JVM exits unless the caller deletes it first.
     * For copies of standard input and the like, never for outputs.
     */
    public static Path scratch(Path dir) throws IOException {
        Path d = dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"));
        removeStaleParts(d, "scratch");
        return createPrivate(d, ".scratch." + ProcessHandle.current().pid() + ".", PART);
    }

    /** Deletes a scratch file now (it would be deleted at exit anyway). */
    public static void delete(Path scratch) throws IOException {
        try {
            Files.deleteIfExists(scratch);
        } finally {
            PENDING.remove(scratch);
        }
    }

    /** An output being written. Not thread-safe. */
    public static final class Pending implements AutoCloseable {
        private final Path target;
        private final Path tmp;
        private final boolean ownerOnly;
        private OutputStream out;
        private boolean done;

        private Pending(Path target, Path tmp, boolean ownerOnly) {
            this.target = target;
            this.tmp = tmp;
            this.ownerOnly = ownerOnly;
        }

        /** The target as resolved: the file a symbolic link points to, absolute. */
        public Path target() {
            return target;
        }

        /** The buffered stream to the temporary file; closed by {@link #commit()} or {@link #close()}. */
        public OutputStream stream() throws IOException {
            if (out == null) {
                out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING), 1 << 16);
            }
            return out;
        }

        /** Closes the stream and renames the temporary file over the target. */
        public void commit() throws IOException {
            if (done) {
                throw new IllegalStateException("already committed or closed");
            }
            if (out != null) {
                out.close();
            }
            if (!ownerOnly) {
                applyMode(tmp, target); // an owner-only part keeps its mode 600
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + target + " atomically on this file system", e);
            }
            done = true;
            PENDING.remove(tmp);
        }

        /** Without a commit: the temporary file is deleted and the target left as it was. */
        @Override
        public void close() throws IOException {
            if (done) {
                return;
            }
            done = true;
            try {
                if (out != null) {
                    out.close();
                }
            } catch (IOException ignored) {
                // the file is deleted anyway
            } finally {
                delete(tmp);
            }
        }
    }

    /** The file to replace: a symbolic link is followed (to its final target, which may not exist yet). */
    static Path resolve(Path target) throws IOException {
        Path p = target.toAbsolutePath().normalize();
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops > 40) {
                throw new IOException(target + ": too many levels of symbolic links");
            }
            p = p.resolveSibling(Files.readSymbolicLink(p)).toAbsolutePath().normalize();
        }
        if (Files.isDirectory(p)) {
            throw new FileAlreadyExistsException(target.toString(), null, "is a directory; name a file to write");
        }
        if (Files.exists(p) && !Files.isRegularFile(p)) {
            throw new IOException(target + " is not a regular file (a device, pipe or socket); name a file to write");
        }
        return p;
    }

    private static Path createPrivate(Path dir, String prefix, String suffix) throws IOException {
        boolean posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
        FileAttribute<?>[] attrs = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        for (int attempt = 0; ; attempt++) {
            byte[] r = new byte[8];
            RANDOM.nextBytes(r);
            Path p = dir.resolve(prefix + HexFormat.of().formatHex(r) + suffix);
            try {
                Files.createFile(p, attrs);
                PENDING.add(p);
                return p;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
    }

    /** Parts left in {@code dir} for {@code name} by a process that no longer runs (killed with kill -9). */
    private static void removeStaleParts(Path dir, String name) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "." + globEscape(name) + ".*" + PART)) {
            for (Path p : ds) {
                Matcher m = PART_NAME.matcher(p.getFileName().toString());
                if (m.matches() && m.group(1).equals(name) && !alive(m.group(2))
                        && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // cleaning is a courtesy; the write itself goes on
        }
    }

    private static boolean alive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static String globEscape(String s) {
        return s.replaceAll("([\\\\*?\\[\\]{},])", "\\\\$1");
    }

    /** The finished file gets the target's mode, or for a new file what the umask gives (0644 under umask 022). */
    private static void applyMode(Path tmp, Path target) throws IOException {
        if (!Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
            return;
        }
        Set<PosixFilePermission> mode = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : newFileMode();
        Files.setPosixFilePermissions(tmp, mode);
    }

    private static volatile Set<PosixFilePermission> newFileMode;

    /** 0666 less the process's umask (read from /proc/self/status on Linux; 022 when it cannot be read). */
    static Set<PosixFilePermission> newFileMode() {
        if (newFileMode == null) {
            int umask = 0022;
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("Umask:")) {
                        umask = Integer.parseInt(line.substring(6).trim(), 8);
                    }
                }
            } catch (IOException | RuntimeException ignored) {
                // not Linux: the common default
            }
            int mode = 0666 & ~umask;
            Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
            PosixFilePermission[] bits = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
                    PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
                    PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_READ};
            for (int i = 0; i < bits.length; i++) {
                if ((mode & (1 << i)) != 0) {
                    s.add(bits[i]);
                }
            }
            newFileMode = s;
        }
        return newFileMode;
    }
}
