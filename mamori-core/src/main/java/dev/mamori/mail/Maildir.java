package dev.mamori.mail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Maildir mailbox: one message per file, delivered so that a reader never sees half a message.
 *
 * <p>A delivery writes the message to {@code tmp/NAME}, forces it to disk, and only then renames it
 * to {@code new/NAME}; a rename within one file system is atomic, so a crash can leave a partial
 * file in {@code tmp/} (which readers ignore) but never in {@code new/} or {@code cur/}. Names follow
 * the Maildir convention {@code SECONDS.M<micros>P<pid>Q<n>.HOST,S=<size>}: unique per host, process
 * and delivery, so writers never need a lock. Directories that have to be created get mode 700 and
 * message files mode 600 where the file system has POSIX permissions; existing directories are left
 * as they are.
 */
public final class Maildir {

    private static final AtomicLong DELIVERIES = new AtomicLong();
    private static final long PID = ProcessHandle.current().pid();
    private static final String HOST = safeHost(localHostName());
    private static final int ATTEMPTS = 5;

    private Maildir() {
    }

    /**
     * Delivers {@code message} (bytes exactly as they should be stored) into {@code maildir}, creating
     * {@code tmp/}, {@code new/} and {@code cur/} when missing, and returns the file in {@code new/}.
     * On failure nothing is left in {@code new/} and the temporary file is removed when possible.
     */
    public static Path deliver(Path maildir, byte[] message) throws IOException {
        Objects.requireNonNull(maildir, "maildir");
        Objects.requireNonNull(message, "message");
        create(maildir);
        Path tmp = maildir.resolve("tmp");
        Path fresh = maildir.resolve("new");
        for (int attempt = 1;; attempt++) {
            String name = uniqueName(message.length);
            Path temporary = tmp.resolve(name);
            try {
                writeDurably(temporary, message);
            } catch (FileAlreadyExistsException clash) {
                // Another writer picked the same name (a clock step back and a recycled pid): take a new one.
                if (attempt >= ATTEMPTS) {
                    throw clash;
                }
                continue;
            }
            Path target = fresh.resolve(name);
            try {
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw new FileAlreadyExistsException(target.toString());
                }
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.deleteIfExists(temporary);
                if (e instanceof FileAlreadyExistsException && attempt < ATTEMPTS) {
                    continue;
                }
                throw e;
            }
            syncDirectory(fresh);
            return target;
        }
    }

    /**
     * The messages a reader may open: the regular files in {@code new/} and {@code cur/} (never
     * {@code tmp/}, never dot files), sorted by file name, which for Maildir names is delivery order
     * to the second. An empty list if the Maildir does not exist.
     */
    public static List<Path> messages(Path maildir) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String sub : List.of("new", "cur")) {
            Path dir = maildir.resolve(sub);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path p : entries) {
                    if (!p.getFileName().toString().startsWith(".") && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                        out.add(p);
                    }
                }
            }
        }
        out.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).thenComparing(Path::toString));
        return List.copyOf(out);
    }

    /** Creates the Maildir and its three sub-directories if missing (mode 700 where the file system allows). */
    static void create(Path maildir) throws IOException {
        boolean posix = posix(maildir);
        for (String sub : List.of("tmp", "new", "cur")) {
            Path dir = maildir.resolve(sub);
            if (Files.isDirectory(dir)) {
                continue;
            }
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
    }

    /** A fresh name: {@code SECONDS.M<micros>P<pid>Q<n>.HOST,S=<size>}. */
    static String uniqueName(long size) {
        Instant now = Instant.now();
        long n = DELIVERIES.incrementAndGet();
        return now.getEpochSecond() + ".M" + (now.getNano() / 1000) + "P" + PID + "Q" + n + "." + HOST + ",S=" + size;
    }

    private static void writeDurably(Path file, byte[] message) throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileAttribute<?>[] attrs = posix(file.getParent())
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        boolean created = false;
        try (FileChannel ch = FileChannel.open(file, options, attrs)) {
            created = true;
            ByteBuffer buf = ByteBuffer.wrap(message);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            if (created) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /** Makes the rename itself durable where the platform lets a directory be fsynced (not on Windows). */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException ignored) {
            // not supported here; the file itself is already on disk
        }
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** The host name without asking DNS: the kernel's name, else the environment, else "localhost". */
    private static String localHostName() {
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) {
                String h = Files.readString(kernel).trim();
                if (!h.isEmpty()) {
                    return h;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // fall through
        }
        for (String env : List.of("HOSTNAME", "COMPUTERNAME")) {
            String h = System.getenv(env);
            if (h != null && !h.isBlank()) {
                return h.trim();
            }
        }
        return "localhost";
    }

    /** Maildir escapes '/' and ':' in the host part (and ',' here, which starts the ",S=" info). */
    static String safeHost(String host) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            switch (c) {
                case '/' -> sb.append("\\057");
                case ':' -> sb.append("\\072");
                case ',' -> sb.append("\\054");
                default -> {
                    if (c > 0x20 && c < 0x7f) {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.length() == 0 ? "localhost" : sb.toString();
    }
}
