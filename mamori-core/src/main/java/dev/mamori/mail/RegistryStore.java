package dev.mamori.mail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The local copy of the registry data that {@code mamori spam registry update --from DIR} fills
 * and lookups read: RIR delegated statistics files and MaxMind databases, each checked completely
 * before it is taken in. Nothing is ever downloaded; the files come from a directory the user filled.
 *
 * <h2>Layout</h2>
 * <pre>
 * DIR/registry.json      the index: the current generation and, per file, its kind, registry,
 *                        header serial and date, record count, size and SHA-256
 * DIR/g-&lt;id&gt;/…           the files of the current generation, under their original names
 * DIR/.lock              held while an update runs
 * </pre>
 * An update writes a complete new generation directory (new files copied, files it does not replace
 * hard-linked or copied from the current one), then switches to it by replacing
 * {@code registry.json} with an atomic rename, then deletes the old generation. Until that rename
 * the store is unchanged; after it the new set is complete: readers never see a mixture.
 *
 * <h2>What an update replaces</h2>
 * Files fill slots: one per registry for RIR files (by the header's registry field, so a new
 * {@code delegated-apnic-extended-latest} replaces an older APNIC file whatever its name), one for a
 * Country database and one for an ASN database. Slots the update has no file for keep their
 * current file. When the directory has two files for one slot, the newer (header end date, then
 * serial; an extended file before a plain one; for databases the build date) is taken and the
 * other reported in {@link UpdateResult#notes()}.
 */
public final class RegistryStore {

    /** The index file's name. */
    public static final String INDEX = "registry.json";

    /** Kind of an RIR delegated statistics file. */
    public static final String KIND_RIR = "rir";
    /** Kind of a MaxMind Country (or City) database. */
    public static final String KIND_GEOIP_COUNTRY = "geoip-country";
    /** Kind of a MaxMind ASN database. */
    public static final String KIND_GEOIP_ASN = "geoip-asn";

    /**
     * One file in the store.
     *
     * @param file      its name in the store (the name it had in the update's directory)
     * @param kind      {@value #KIND_RIR}, {@value #KIND_GEOIP_COUNTRY} or {@value #KIND_GEOIP_ASN}
     * @param registry  for an RIR file the registry ({@code APNIC}, {@code RIPE NCC}, …; {@code NRO}
     *                  for the combined file), for a database its type ({@code GeoLite2-Country})
     * @param format    {@code plain} or {@code extended} (RIR), {@code mmdb}
     * @param serial    the header's serial as written (RIR), the build time in Unix seconds (mmdb)
     * @param date      the snapshot date, {@code yyyy-MM-dd}: the header's end date (RIR), the build
     *                  date (mmdb); null when the file has none
     * @param records   record rows (RIR: ipv4, ipv6 and asn rows, skipped ones included), networks (mmdb)
     * @param bytes     the file's size
     * @param sha256    the file's SHA-256, lower-case hex
     * @param source    the path it was taken from
     * @param installed when it was taken in (ISO-8601 instant)
     */
    public record Entry(String file, String kind, String registry, String format, String serial, String date,
            long records, long bytes, String sha256, String source, String installed) {

        String slot() {
            return KIND_RIR.equals(kind) ? KIND_RIR + ":" + registry : kind;
        }
    }

    /**
     * What an update did.
     *
     * @param store     the store directory
     * @param installed the files taken in from the update's directory
     * @param kept      the files the store had and still has (slots the update did not fill)
     * @param notes     files of the update's directory that were passed over, and why
     */
    public record UpdateResult(Path store, List<Entry> installed, List<Entry> kept, List<String> notes) {
    }

    /** The index file's content. */
    private record Index(int format, String generation, String updated, List<Entry> files) {
    }

    private static final int FORMAT = 1;
    /** A generation directory's name: {@code g-<UTC time>-<8 hex digits>}; only such directories are ever deleted. */
    private static final Pattern GENERATION = Pattern.compile("g-\\d{8}T\\d{6}Z-[0-9a-f]{8}");
    private static final DateTimeFormatter GENERATION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    /** Files next to the statistics on the RIRs' sites that are not statistics. */
    private static final List<String> NOT_STATISTICS = List.of(".gz", ".bz2", ".xz", ".zip", ".md5", ".asc", ".sig",
            ".sha1", ".sha256", ".txt.asc");
    /** Reads the index leniently (a newer version may add fields); it is written with {@link dev.mamori.report.Json}. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path dir;

    private RegistryStore(Path dir) {
        this.dir = dir;
    }

    /** The store in {@code dir} (created by the first update). */
    public static RegistryStore at(Path dir) {
        return new RegistryStore(dir.toAbsolutePath().normalize());
    }

    /** {@code ~/.mamori/registry}, a default for the CLI. */
    public static Path defaultDir() {
        return Path.of(System.getProperty("user.home"), ".mamori", "registry");
    }

    /** The store's directory. */
    public Path dir() {
        return dir;
    }

    /** True when nothing was ever taken in. */
    public boolean isEmpty() {
        Index index = readIndex();
        return index == null || index.files().isEmpty();
    }

    /** The files the store holds, RIR files first, for a {@code registry list} view; empty when none. */
    public List<Entry> entries() {
        Index index = readIndex();
        return index == null ? List.of() : index.files();
    }

    /**
     * Loads what the store holds: the RIR files into an {@link IpRegistry}, completed by the
     * MaxMind databases when there are any ({@link IpRegistry#withGeoIp}; close the result to
     * release them). An empty store gives {@link IpRegistry#empty()}.
     *
     * @throws RegistryException when the store is damaged (a file missing or unreadable)
     */
    public IpRegistry open() {
        for (int attempt = 0;; attempt++) {
            Index index = readIndex();
            if (index == null) {
                return IpRegistry.empty();
            }
            try {
                return load(index);
            } catch (RegistryException e) {
                Index now = readIndex(); // an update may have switched generations meanwhile
                if (attempt > 0 || now == null || now.generation().equals(index.generation())) {
                    throw e;
                }
            }
        }
    }

    private IpRegistry load(Index index) {
        Path gen = dir.resolve(index.generation());
        List<Path> rir = new ArrayList<>();
        List<Path> mmdb = new ArrayList<>();
        for (Entry e : index.files()) {
            Path file = gen.resolve(e.file());
            if (!Files.isRegularFile(file)) {
                throw new RegistryException(file, "missing from the registry store; run the update again", null);
            }
            (KIND_RIR.equals(e.kind()) ? rir : mmdb).add(file);
        }
        IpRegistry registry = IpRegistry.load(rir);
        return mmdb.isEmpty() ? registry : registry.withGeoIp(GeoIpDatabases.open(mmdb));
    }

    /**
     * Takes in the {@code delegated-*} statistics files (plain or extended, any RIR) and the
     * {@code *.mmdb} databases found in {@code fromDir} (not in its subdirectories). Compressed
     * files and checksum or signature files are passed over (see the notes). Each file is copied
     * into a new generation of the store and the copy is checked completely (every line parsed,
     * every database record decoded); only when all pass does the store switch to the new set.
     *
     * @throws RegistryException when {@code fromDir} has no such files, when a file is malformed
     *                           (naming it, and the line), when another update is running, or when
     *                           the store cannot be written; the store is then unchanged
     */
    public UpdateResult update(Path fromDir) {
        if (!Files.isDirectory(fromDir)) {
            throw new RegistryException(fromDir, "not a directory", null);
        }
        List<String> notes = new ArrayList<>();
        List<Path> rirFiles = new ArrayList<>();
        List<Path> mmdbFiles = new ArrayList<>();
        for (Path p : list(fromDir)) {
            String name = p.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            if (!Files.isRegularFile(p)) {
                continue;
            }
            if (lower.endsWith(".mmdb")) {
                mmdbFiles.add(p);
            } else if (lower.startsWith("delegated-")) {
                String suffix = NOT_STATISTICS.stream().filter(lower::endsWith).findFirst().orElse(null);
                if (suffix == null) {
                    rirFiles.add(p);
                } else if (suffix.equals(".gz") || suffix.equals(".bz2") || suffix.equals(".xz")
                        || suffix.equals(".zip")) {
                    notes.add(name + ": passed over: compressed; uncompress it first");
                } else {
                    notes.add(name + ": passed over: a checksum or signature, not statistics");
                }
            }
        }
        if (rirFiles.isEmpty() && mmdbFiles.isEmpty()) {
            throw new RegistryException(fromDir, "no delegated-* statistics files and no *.mmdb databases here", null);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new RegistryException(dir, "cannot create the registry store: " + e.getMessage(), e);
        }
        try (UpdateLock lock = UpdateLock.take(dir)) {
            return update(rirFiles, mmdbFiles, notes);
        }
    }

    private UpdateResult update(List<Path> rirFiles, List<Path> mmdbFiles, List<String> notes) {
        Index current = readIndex();
        String installed = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String generation = "g-" + GENERATION_TIME.format(Instant.now()) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        Path gen = dir.resolve(generation);
        boolean switched = false;
        try {
            Files.createDirectory(gen);
            Map<String, Candidate> chosen = new LinkedHashMap<>();
            List<Candidate> candidates = new ArrayList<>();
            for (Path from : rirFiles) {
                Path copy = gen.resolve(from.getFileName().toString());
                String sha = copy(from, copy);
                IpRegistry.Source src = IpRegistry.check(copy, from);
                String registry = registryName(src.registry());
                candidates.add(new Candidate(from, copy, new Entry(copy.getFileName().toString(), KIND_RIR, registry,
                        src.extended() ? "extended" : "plain", src.serial(), isoDate(src.endDate()), src.records(),
                        Files.size(copy), sha, from.toAbsolutePath().toString(), installed), src.extended()));
            }
            for (Path from : mmdbFiles) {
                Path copy = gen.resolve(from.getFileName().toString());
                String sha = copy(from, copy);
                GeoIpDatabases.Info info = GeoIpDatabases.inspect(copy, from);
                Instant built = info.buildDate();
                candidates.add(new Candidate(from, copy, new Entry(copy.getFileName().toString(),
                        info.kind() == GeoIpDatabases.Kind.COUNTRY ? KIND_GEOIP_COUNTRY : KIND_GEOIP_ASN,
                        info.databaseType(), "mmdb", built == null ? null : Long.toString(built.getEpochSecond()),
                        built == null ? null : LocalDate.ofInstant(built, ZoneOffset.UTC).toString(), info.networks(),
                        Files.size(copy), sha, from.toAbsolutePath().toString(), installed), false));
            }
            for (Candidate c : candidates) {
                Candidate other = chosen.get(c.entry().slot());
                if (other == null) {
                    chosen.put(c.entry().slot(), c);
                    continue;
                }
                Candidate win = NEWER.compare(c, other) > 0 ? c : other;
                Candidate lose = win == c ? other : c;
                chosen.put(c.entry().slot(), win);
                Files.deleteIfExists(lose.copy());
                notes.add(lose.from().getFileName() + ": passed over: " + win.from().getFileName()
                        + " is a newer file for the same " + (KIND_RIR.equals(c.entry().kind())
                                ? "registry (" + c.entry().registry() + ")" : "kind of database (" + c.entry().kind() + ")"));
            }
            List<Entry> in = chosen.values().stream().map(Candidate::entry).toList();
            List<Entry> kept = new ArrayList<>();
            if (current != null) {
                Path old = dir.resolve(current.generation());
                for (Entry e : current.files()) {
                    if (chosen.containsKey(e.slot())) {
                        continue;
                    }
                    Path from = old.resolve(e.file());
                    if (!Files.isRegularFile(from)) {
                        notes.add(e.file() + ": dropped: it was missing from the store");
                        continue;
                    }
                    String name = e.file();
                    if (Files.exists(gen.resolve(name))) {
                        name = e.slot().replace(':', '-').replace(' ', '-') + "-" + name;
                    }
                    linkOrCopy(from, gen.resolve(name));
                    kept.add(new Entry(name, e.kind(), e.registry(), e.format(), e.serial(), e.date(), e.records(),
                            e.bytes(), e.sha256(), e.source(), e.installed()));
                }
            }
            List<Entry> all = new ArrayList<>(in);
            all.addAll(kept);
            all.sort(ORDER);
            writeIndex(new Index(FORMAT, generation, installed, all));
            switched = true;
            return new UpdateResult(dir, in.stream().sorted(ORDER).toList(), kept.stream().sorted(ORDER).toList(),
                    List.copyOf(notes));
        } catch (IOException e) {
            throw new RegistryException(dir, "cannot write the registry store: " + e.getMessage(), e);
        } finally {
            if (switched) {
                removeOldGenerations(generation);
            } else {
                deleteTree(gen);
            }
        }
    }

    private record Candidate(Path from, Path copy, Entry entry, boolean extended) {
    }

    /** Orders two files for one slot: the greater is newer. */
    private static final Comparator<Candidate> NEWER = Comparator
            .comparing((Candidate c) -> c.entry().date(), Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(c -> serialNumber(c.entry().serial()), Comparator.nullsFirst(Comparator.<Long>naturalOrder()))
            .thenComparing(Candidate::extended)
            .thenComparing(c -> c.from().getFileName().toString());

    private static final List<String> REGISTRY_ORDER = List.of(Attribution.AFRINIC, Attribution.APNIC,
            Attribution.ARIN, Attribution.LACNIC, Attribution.RIPE_NCC);

    private static final Comparator<Entry> ORDER = Comparator
            .comparing((Entry e) -> e.kind().equals(KIND_RIR) ? 0 : e.kind().equals(KIND_GEOIP_COUNTRY) ? 1 : 2)
            .thenComparing(e -> REGISTRY_ORDER.indexOf(e.registry()) < 0 ? 99 : REGISTRY_ORDER.indexOf(e.registry()))
            .thenComparing(Entry::registry, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(Entry::file);

    private static Long serialNumber(String serial) {
        if (serial == null || serial.isEmpty() || serial.length() > 18 || !serial.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(serial);
    }

    private static String registryName(String header) {
        return RegistryData.registryName(header);
    }

    private static String isoDate(String yyyymmdd) {
        if (yyyymmdd == null || yyyymmdd.length() != 8) {
            return yyyymmdd;
        }
        return yyyymmdd.substring(0, 4) + "-" + yyyymmdd.substring(4, 6) + "-" + yyyymmdd.substring(6);
    }

    // ---------------------------------------------------------------- files

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new RegistryException(dir, "cannot be listed: " + e.getMessage(), e);
        }
    }

    /** Copies {@code from} to {@code to} (a new file), forces it to disk, and returns its SHA-256. */
    private static String copy(Path from, Path to) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(from), sha)) {
            Files.copy(in, to);
        } catch (NoSuchFileException e) {
            throw new RegistryException(from, "no such file", e);
        } catch (FileAlreadyExistsException e) {
            throw new RegistryException(from, "two files of this name", e);
        }
        try (FileChannel ch = FileChannel.open(to, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void linkOrCopy(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(from, to);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Index readIndex() {
        Path file = dir.resolve(INDEX);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Index index;
        try {
            index = JSON.readValue(file.toFile(), Index.class);
        } catch (IOException e) {
            throw new RegistryException(file, "damaged registry index: " + e.getMessage(), e);
        }
        if (index == null || index.format() != FORMAT || index.generation() == null
                || !GENERATION.matcher(index.generation()).matches() || index.files() == null) {
            throw new RegistryException(file, "damaged registry index (unknown format or generation)", null);
        }
        for (Entry e : index.files()) {
            if (e == null || e.file() == null || e.kind() == null || !plainName(e.file())) {
                throw new RegistryException(file, "damaged registry index (bad file entry " + e + ")", null);
            }
        }
        return index;
    }

    /** A bare file name: no directory part, not hidden, not "..". */
    private static boolean plainName(String name) {
        return !name.isEmpty() && !name.startsWith(".") && name.indexOf('/') < 0 && name.indexOf('\\') < 0
                && name.indexOf(':') < 0;
    }

    private void writeIndex(Index index) throws IOException {
        byte[] bytes = dev.mamori.report.Json.mapper().writeValueAsBytes(index);
        Path tmp = dir.resolve(INDEX + ".tmp-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, dir.resolve(INDEX), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(INDEX), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Deletes every generation but {@code current}, and index temporaries left by a crash; best effort. */
    private void removeOldGenerations(String current) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                if ((GENERATION.matcher(name).matches() && !name.equals(current) && Files.isDirectory(p))
                        || name.startsWith(INDEX + ".tmp-")) {
                    deleteTree(p);
                }
            }
        } catch (IOException e) {
            // left for the next update
        }
    }

    private static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        } catch (IOException e) {
            // best effort: a leftover generation is never referenced by the index
        }
    }

    /** The store's {@code .lock}, held for the length of an update. */
    private static final class UpdateLock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private UpdateLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        static UpdateLock take(Path dir) {
            Path file = dir.resolve(".lock");
            FileChannel channel = null;
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    channel.close();
                    throw new RegistryException(dir, "another update of this registry store is running", null);
                }
                return new UpdateLock(channel, lock);
            } catch (IOException e) {
                try {
                    if (channel != null) {
                        channel.close();
                    }
                } catch (IOException ignored) {
                    // the lock was not taken
                }
                throw new RegistryException(file, "cannot be locked: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                // closing the channel releases the lock in any case
            }
        }
    }
}
