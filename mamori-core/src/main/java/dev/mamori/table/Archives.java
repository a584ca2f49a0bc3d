package dev.mamori.table;

import dev.mamori.report.Message;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Enumeration;
import java.util.Locale;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.UnicodePathExtraField;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * The files inside an archive as a shared drive keeps them — a ZIP (an office's, with Japanese names in CP932, or
 * locked with a password to be mailed), a 7z, a tar, a gzip — each handed to a {@link Visitor} as a private temporary copy
 * named like the entry, under a name {@code archive!/path/in/it}, so that it is read as any file is. Archives inside
 * archives are opened too, {@link #MAX_DEPTH} deep. What cannot be read is handed over with the reason: an entry
 * locked with a password (its name is known, its content not), an entry compressed by a method not read here, an
 * entry that expands past {@link #MAX_RATIO} times its compressed size (a zip bomb), an archive nested deeper. Links
 * and devices in an archive are passed over, never followed; an entry's path never decides where its copy is written.
 * Read with Apache Commons Compress.
 */
public final class Archives {

    /** How deep archives inside archives are opened. */
    public static final int MAX_DEPTH = 3;
    /** An entry may expand to this many times its compressed size, above {@link #SMALL}. */
    static final int MAX_RATIO = 200;
    private static final long SMALL = 64L << 20;

    private Archives() {
    }

    /** The archives read here. */
    public enum Kind { ZIP, TAR, GZIP, SEVEN_Z }

    /** What an archive holds. */
    public interface Visitor {
        /**
         * A file inside: {@code copy} is a private copy with the entry's file name, deleted after this returns;
         * {@code name} is the archive's name, {@code !/} and the entry's path.
         */
        void file(Path copy, String name) throws IOException;

        /** An entry not read, and why. */
        void skipped(String name, Message why);

        /** The archive holds no file. */
        default void empty(String name) {
        }
    }

    /** A file named as an archive this class opens: .zip, .7z, .tar, .tgz, .gz (.tar.gz). */
    public static boolean named(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".zip") || n.endsWith(".7z") || n.endsWith(".tar") || n.endsWith(".tgz") || n.endsWith(".gz");
    }

    /**
     * The kind of archive a file is, by its content, or null: a ZIP that is no Office Open XML or OpenDocument file
     * (those are documents), a tar (ustar), a gzip.
     */
    public static Kind kind(Path file) throws IOException {
        return kind(file, file.getFileName() == null ? "" : file.getFileName().toString());
    }

    /**
     * {@link #kind(Path)}, for a file whose name is {@code name}: one named as an Office or OpenDocument file (.xlsx,
     * .docx, .ods …) is none, even cut short or damaged, so that its reader says what is wrong with it.
     */
    public static Kind kind(Path file, String name) throws IOException {
        Format named = Sniffer.byExtension(name);
        if (Sniffer.ooxml(named) || Sniffer.odf(named)) {
            return null;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        }
        Kind k = byMagic(head);
        return k == Kind.ZIP && Sniffer.office(file) != null ? null : k; // an Office or OpenDocument file is a document
    }

    /** The bytes {@link #byMagic} needs: a tar's magic is at offset 257. */
    public static final int HEAD = 263;

    /**
     * The kind of archive a file's first {@link #HEAD} bytes say it is, or null; a ZIP may still be an Office document
     * ({@link #kind(Path, String)} tells).
     */
    public static Kind byMagic(byte[] head) {
        int n = head.length;
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 && head[3] == 4 || head[2] == 5 && head[3] == 6)) {
            return Kind.ZIP;
        }
        if (n >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
            return Kind.GZIP;
        }
        if (n >= 6 && head[0] == '7' && head[1] == 'z' && (head[2] & 0xFF) == 0xBC && (head[3] & 0xFF) == 0xAF
                && head[4] == 0x27 && head[5] == 0x1C) {
            return Kind.SEVEN_Z;
        }
        return n >= HEAD && new String(head, 257, 5, StandardCharsets.US_ASCII).equals("ustar") ? Kind.TAR : null;
    }

    /**
     * Hands each file of the archive to the visitor, in the archive's order.
     *
     * @throws ReadException when the archive itself cannot be read (corrupt, cut short); entries are said skipped
     */
    public static void read(Path archive, String name, Visitor v) throws ReadException {
        Path dir = null;
        int[] files = {0};
        Visitor counting = new Visitor() {
            @Override
            public void file(Path copy, String inner) throws IOException {
                files[0]++;
                v.file(copy, inner);
            }

            @Override
            public void skipped(String inner, Message why) {
                files[0]++;
                v.skipped(inner, why);
            }
        };
        try {
            dir = privateDirectory();
            read(archive, name, kind(archive, name), counting, dir, 1);
            if (files[0] == 0) {
                v.empty(name);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IOException io && DocumentText.cannotOpen(io)) {
                throw DocumentReader.cannotRead(name, io);
            }
            String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            throw new ReadException(new Message(name + ": 読めるアーカイブではありません（壊れているか途中で切れています）: " + why,
                    name + ": not a readable archive (corrupt or truncated): " + why), e);
        } finally {
            if (dir != null) {
                deleteAll(dir);
                LIVE.remove(dir);
            }
        }
    }

    /** The private folders in use, deleted with what is in them if the JVM ends first (stopped with Ctrl-C, killed). */
    private static final java.util.Set<Path> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Archives::deleteAll), "mamori-archive-cleanup"));
    }

    private static void deleteAll(Path dir) {
        try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // gone already, or not ours to delete: nothing more to do at this point
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            // the folder is gone
        }
    }

    private static void read(Path archive, String name, Kind kind, Visitor v, Path dir, int depth) throws IOException {
        if (kind == null) {
            v.file(archive, name);
            return;
        }
        switch (kind) {
            case ZIP -> zip(archive, name, v, dir, depth);
            case TAR -> {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(archive))) {
                    tar(in, name, v, dir, depth);
                }
            }
            case GZIP -> gzip(archive, name, v, dir, depth);
            case SEVEN_Z -> sevenZ(archive, name, v, dir, depth);
            default -> throw new IllegalArgumentException(kind.name());
        }
    }

    private static void zip(Path archive, String name, Visitor v, Path dir, int depth) throws IOException {
        // names are decoded per entry below (UTF-8 when flagged or valid, else CP932); ISO-8859-1 keeps the raw bytes
        try (ZipFile zip = ZipFile.builder().setPath(archive).setCharset(StandardCharsets.ISO_8859_1).get()) {
            Enumeration<ZipArchiveEntry> entries = zip.getEntriesInPhysicalOrder();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry e = entries.nextElement();
                if (e.isDirectory() || e.isUnixSymlink()) {
                    continue;
                }
                String inner = name + "!/" + entryName(e);
                if (e.getGeneralPurposeBit().usesEncryption()) {
                    v.skipped(inner, new Message("パスワード付き ZIP のファイルです。中身は検査していません（パスワードを外して展開してから検査してください）",
                            "a file in a password-protected ZIP; its content is not scanned (extract it without the password, then scan it)"));
                    continue;
                }
                if (!zip.canReadEntryData(e)) {
                    v.skipped(inner, new Message("この圧縮方式（" + e.getMethod() + "）は読めません", "compressed by a method not read here (" + e.getMethod() + ")"));
                    continue;
                }
                try (InputStream in = zip.getInputStream(e)) {
                    entry(in, e.getCompressedSize(), inner, v, dir, depth);
                }
            }
        }
    }

    /** The memory a 7z archive's decoder may take (its dictionary): a file cannot claim more. */
    private static final int SEVEN_Z_MEMORY_KIB = 256 << 10;

    private static final Message LOCKED = new Message("パスワード付き 7z のファイルです。中身は検査していません（パスワードを外して展開してから検査してください）",
            "a file in a password-protected 7z archive; its content is not scanned (extract it without the password, then scan it)");

    /**
     * A 7z archive (read with Commons Compress and XZ for Java): its files in order; a file locked with a password said,
     * and an archive whose names are locked too said as a whole.
     */
    private static void sevenZ(Path archive, String name, Visitor v, Path dir, int depth) throws IOException {
        org.apache.commons.compress.archivers.sevenz.SevenZFile z;
        try {
            z = org.apache.commons.compress.archivers.sevenz.SevenZFile.builder().setPath(archive)
                    .setMaxMemoryLimitKiB(SEVEN_Z_MEMORY_KIB).get();
        } catch (org.apache.commons.compress.PasswordRequiredException e) {
            v.skipped(name, new Message("ファイル名まで暗号化されたパスワード付き 7z です。中身は検査していません（パスワードを外して展開してから検査してください）",
                    "a 7z archive whose names too are locked with a password; its content is not scanned (extract it without the password, then scan it)"));
            return;
        }
        try (z) {
            long compressed = Files.size(archive);
            for (var e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                if (e.isDirectory() || e.isAntiItem() || !e.hasStream()) {
                    continue;
                }
                String inner = name + "!/" + e.getName();
                try {
                    entry(new InputStream() {
                        @Override
                        public int read() throws IOException {
                            return z.read();
                        }

                        @Override
                        public int read(byte[] b, int off, int len) throws IOException {
                            return z.read(b, off, len);
                        }
                    }, compressed, inner, v, dir, depth);
                } catch (org.apache.commons.compress.PasswordRequiredException locked) {
                    v.skipped(inner, LOCKED);
                }
            }
        }
    }

    /** An entry's name: UTF-8 when the entry says so (or carries a Unicode path), or when its bytes are; else CP932. */
    private static String entryName(ZipArchiveEntry e) {
        if (e.getExtraField(UnicodePathExtraField.UPATH_ID) != null) {
            return e.getName(); // decoded from the Unicode path by Commons Compress
        }
        byte[] raw = e.getRawName();
        if (e.getGeneralPurposeBit().usesUTF8ForNames()) {
            return new String(raw, StandardCharsets.UTF_8);
        }
        return decodeName(raw);
    }

    /** A name's bytes: UTF-8 when they are, else CP932. */
    private static String decodeName(byte[] raw) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(raw, Charset.forName("windows-31j")); // Windows' own zip in Japan
        }
    }

    private static void tar(InputStream in, String name, Visitor v, Path dir, int depth) throws IOException {
        // ISO-8859-1 keeps a name's bytes, decoded below as a ZIP's are (a PAX name comes decoded already)
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in, StandardCharsets.ISO_8859_1.name())) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (!e.isFile() || e.isLink() || e.isSymbolicLink() || e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
                    continue;
                }
                String n = e.getName();
                boolean raw = n.chars().allMatch(c -> c <= 0xFF);
                entry(tar, -1, name + "!/" + (raw ? decodeName(n.getBytes(StandardCharsets.ISO_8859_1)) : n), v, dir, depth);
            }
        }
    }

    /** A gzip holds one file, read under the gzip's own name (a .tar.gz's entries as {@code x.tar.gz!/…}). */
    private static void gzip(Path archive, String name, Visitor v, Path dir, int depth) throws IOException {
        String lower = name.toLowerCase(Locale.ROOT);
        String unzipped = lower.endsWith(".tgz") ? name.substring(0, name.length() - 4) + ".tar"
                : lower.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        try (InputStream in = new GzipCompressorInputStream(new BufferedInputStream(Files.newInputStream(archive)), true)) {
            entry(in, Files.size(archive), name, fileName(unzipped), v, dir, depth); // an archive inside: a level deeper
        }
    }

    /**
     * One entry's content: copied to a private file {@code copyName} (its bytes counted against the zip-bomb ratio), then
     * opened as an archive when it is one, else handed to the visitor; the copy deleted either way.
     */
    private static void entry(InputStream content, long compressed, String name, Visitor v, Path dir, int depth) throws IOException {
        entry(content, compressed, name, fileName(name), v, dir, depth);
    }

    private static void entry(InputStream content, long compressed, String name, String copyName, Visitor v, Path dir, int depth)
            throws IOException {
        Path copy = dir.resolve(copyName);
        try {
            long max = compressed > 0 ? Math.max(SMALL, compressed * MAX_RATIO) : Long.MAX_VALUE;
            try (OutputStream out = create(copy)) {
                if (!copyAtMost(content, out, max)) {
                    v.skipped(name, new Message("展開すると圧縮時の " + MAX_RATIO + " 倍を超えます（ZIP 爆弾?）。読んでいません",
                            "expands to more than " + MAX_RATIO + " times its compressed size (a zip bomb?); not read"));
                    return;
                }
            }
            Kind kind = kind(copy, name);
            if (kind != null && depth >= MAX_DEPTH) {
                v.skipped(name, new Message("アーカイブの入れ子が " + MAX_DEPTH + " 段より深いため、開いていません",
                        "an archive nested more than " + MAX_DEPTH + " deep; not opened"));
            } else if (kind != null) {
                Path sub = Files.createTempDirectory(dir, "nested");
                try {
                    read(copy, name, kind, v, sub, depth + 1);
                } catch (IOException | RuntimeException e) { // that archive alone is lost; the one around it goes on
                    String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                    v.skipped(name, new Message("読めるアーカイブではありません（壊れているか途中で切れています）: " + why,
                            "not a readable archive (corrupt or truncated): " + why));
                } finally {
                    deleteAll(sub);
                }
            } else {
                v.file(copy, name);
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /** A copy's file, readable by its owner alone. */
    private static OutputStream create(Path copy) throws IOException {
        OutputStream out = Files.newOutputStream(copy, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
        }
        return out;
    }

    private static boolean copyAtMost(InputStream in, OutputStream out, long max) throws IOException {
        byte[] buf = new byte[1 << 16];
        long total = 0;
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
            total += n;
            if (total > max) {
                return false;
            }
            out.write(buf, 0, n);
        }
        return true;
    }

    /** The last part of an entry's path, made safe as a file name (its extension kept: it tells the format). */
    static String fileName(String name) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder b = new StringBuilder();
        base.codePoints().filter(c -> c >= 0x20 && c != 0x7F && c != ':' && c != '*' && c != '?' && c != '"' && c != '<'
                && c != '>' && c != '|').forEach(b::appendCodePoint);
        String s = b.toString().strip();
        if (s.isEmpty() || s.equals(".") || s.equals("..")) {
            return "entry";
        }
        if (s.getBytes(StandardCharsets.UTF_8).length > 200) { // file systems allow 255 bytes; keep the extension
            int dot = s.lastIndexOf('.');
            String ext = dot > 0 && s.length() - dot <= 10 ? s.substring(dot) : "";
            StringBuilder cut = new StringBuilder();
            int bytes = ext.getBytes(StandardCharsets.UTF_8).length;
            for (int i = 0; i < s.length() - ext.length(); ) {
                int cp = s.codePointAt(i);
                int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                if (bytes + n > 200) {
                    break;
                }
                cut.appendCodePoint(cp);
                bytes += n;
                i += Character.charCount(cp);
            }
            s = cut + ext;
        }
        return s;
    }

    private static Path privateDirectory() throws IOException {
        Path dir = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? Files.createTempDirectory("mamori-archive-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                : Files.createTempDirectory("mamori-archive-");
        LIVE.add(dir);
        return dir;
    }
}
