package dev.mamori.mail;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * IP address → allocating registry and country, from the RIRs' delegated statistics files
 * ({@code delegated-<rir>-latest} and {@code delegated-<rir>-extended-latest}, all five RIRs, or the
 * NRO's combined file), read from local files only; optionally completed by MaxMind databases
 * ({@link #withGeoIp}).
 *
 * <h2>The files</h2>
 * Pipe-separated; {@code #} comment lines and blank lines are skipped. The first other line is the
 * header {@code version|registry|serial|records|startdate|enddate|UTCoffset} (version {@code 2} or
 * {@code 2.3}; the serial may be a date, a Unix time or a Unix time in milliseconds; dates may be
 * empty or {@code 00000000}; the offset may be {@code 00000}). Summary lines
 * {@code registry|*|type|*|count|summary} are skipped. Records are
 * {@code registry|cc|type|start|value|date|status[|opaque-id[|extensions…]]}:
 * <ul>
 * <li>{@code ipv4}: {@code value} is a <em>count of addresses</em>, the range
 * {@code start … start+count-1}, which need be neither a power of two nor CIDR-aligned;</li>
 * <li>{@code ipv6}: {@code value} is a prefix length;</li>
 * <li>{@code asn}: {@code value} is a count of AS numbers; these rows are kept apart and answer
 * {@link #describeAsn(long)}.</li>
 * </ul>
 * Status {@code allocated} and {@code assigned} rows are kept; {@code available} and
 * {@code reserved} rows (extended files; their cc is empty or {@code ZZ}) and rows of registry
 * {@code iana} are read, checked and skipped. A kept row without a country (empty cc or
 * {@code ZZ}) still gives its registry. Any other malformed line is a {@link RegistryException}
 * naming the file, the line number and what is wrong; nothing is half-loaded.
 *
 * <h2>Overlaps</h2>
 * Ranges may overlap (across files, or a sub-assignment inside an allocation): the most specific,
 * i.e. the smallest, range that contains an address wins; between ranges of equal size the one
 * read last wins (later file, later line).
 *
 * <h2>Lookups</h2>
 * After loading, ranges are flattened into disjoint segments held in sorted primitive arrays and
 * found by binary search (IPv4 in {@code long[]}, IPv6 as pairs of unsigned 64-bit halves);
 * nothing is resolved and no network is used. Instances are immutable and thread-safe.
 *
 * <h2>With GeoIP</h2>
 * See {@link #withGeoIp(GeoIpDatabases)}: the RIR files tell <em>who allocated</em> a block, a
 * GeoIP Country database <em>where it is used</em>. The {@code registry} of an answer always comes
 * from the RIR files; its {@code country} comes from the Country database when that has an answer
 * (GeoIP's {@code country}, else its {@code registered_country}), otherwise from the RIR files;
 * {@link Attribution#source()} says which.
 */
public final class IpRegistry implements Closeable {

    /**
     * One file that was read.
     *
     * @param file            the file as given
     * @param registry        the header's registry field as written ({@code apnic}, {@code ripencc},
     *                        {@code nro}, …)
     * @param version         the header's version ({@code 2}, {@code 2.3})
     * @param serial          the header's serial as written (a date, a Unix time, or Unix milliseconds)
     * @param startDate       the header's start date, or null when empty or {@code 00000000}
     * @param endDate         the header's end date (the snapshot date, {@code YYYYMMDD}), or null when
     *                        empty or {@code 00000000}
     * @param utcOffset       the header's UTC offset as written ({@code +1000}, {@code 00000}), or null
     * @param declaredRecords the header's record count (extended excerpts may not match the real count)
     * @param ipv4            kept IPv4 rows
     * @param ipv6            kept IPv6 rows
     * @param asn             kept ASN rows
     * @param skipped         rows read and skipped ({@code available}, {@code reserved}, {@code iana})
     * @param extended        true when some row has an opaque-id (8 or more fields)
     */
    public record Source(Path file, String registry, String version, String serial, String startDate, String endDate,
            String utcOffset, long declaredRecords, int ipv4, int ipv6, int asn, int skipped, boolean extended) {

        /** All record rows, kept and skipped (summary and header lines not counted). */
        public int records() {
            return ipv4 + ipv6 + asn + skipped;
        }
    }

    private static final String[] REGISTRY_NAMES = {Attribution.AFRINIC, Attribution.APNIC, Attribution.ARIN,
        Attribution.LACNIC, Attribution.RIPE_NCC};
    private static final int SKIP_REGISTRY = -2;
    private static final int MAX_FIELDS = 8;
    private static final long MAX_V4 = 0xFFFF_FFFFL;

    private final byte[] recRegistry;
    private final String[] recCountry;
    private final String[] recStatus;
    private final String[] recDate;

    private final long[] v4Start;
    private final long[] v4End;
    private final int[] v4Rec;

    private final long[] v6StartHi;
    private final long[] v6StartLo;
    private final long[] v6EndHi;
    private final long[] v6EndLo;
    private final int[] v6Rec;

    private final long[] asStart;
    private final long[] asEnd;
    private final int[] asRec;

    private final List<Source> sources;
    private final GeoIpDatabases geoIp;

    private IpRegistry(Loader l, List<Source> sources) {
        this.recRegistry = Arrays.copyOf(l.recRegistry, l.records);
        this.recCountry = Arrays.copyOf(l.recCountry, l.records);
        this.recStatus = Arrays.copyOf(l.recStatus, l.records);
        this.recDate = Arrays.copyOf(l.recDate, l.records);

        Segments v4 = flatten(new long[l.v4.n], l.v4.sLo, new long[l.v4.n], l.v4.eLo, l.v4.n);
        this.v4Start = Arrays.copyOf(v4.sLo.a, v4.n);
        this.v4End = Arrays.copyOf(v4.eLo.a, v4.n);
        this.v4Rec = owners(v4, l.v4.rec);

        Segments v6 = flatten(l.v6.sHi, l.v6.sLo, l.v6.eHi, l.v6.eLo, l.v6.n);
        this.v6StartHi = Arrays.copyOf(v6.sHi.a, v6.n);
        this.v6StartLo = Arrays.copyOf(v6.sLo.a, v6.n);
        this.v6EndHi = Arrays.copyOf(v6.eHi.a, v6.n);
        this.v6EndLo = Arrays.copyOf(v6.eLo.a, v6.n);
        this.v6Rec = owners(v6, l.v6.rec);

        Segments as = flatten(new long[l.as.n], l.as.sLo, new long[l.as.n], l.as.eLo, l.as.n);
        this.asStart = Arrays.copyOf(as.sLo.a, as.n);
        this.asEnd = Arrays.copyOf(as.eLo.a, as.n);
        this.asRec = owners(as, l.as.rec);

        this.sources = List.copyOf(sources);
        this.geoIp = null;
    }

    private IpRegistry(IpRegistry base, GeoIpDatabases geoIp) {
        this.recRegistry = base.recRegistry;
        this.recCountry = base.recCountry;
        this.recStatus = base.recStatus;
        this.recDate = base.recDate;
        this.v4Start = base.v4Start;
        this.v4End = base.v4End;
        this.v4Rec = base.v4Rec;
        this.v6StartHi = base.v6StartHi;
        this.v6StartLo = base.v6StartLo;
        this.v6EndHi = base.v6EndHi;
        this.v6EndLo = base.v6EndLo;
        this.v6Rec = base.v6Rec;
        this.asStart = base.asStart;
        this.asEnd = base.asEnd;
        this.asRec = base.asRec;
        this.sources = base.sources;
        this.geoIp = geoIp;
    }

    /** A registry that knows nothing (every lookup unattributed), e.g. to use GeoIP alone. */
    public static IpRegistry empty() {
        return new IpRegistry(new Loader(), List.of());
    }

    /**
     * Reads RIR delegated statistics files (plain or extended, any of the five RIRs, in any order).
     *
     * @throws RegistryException naming the file (and line) that is missing, unreadable or malformed
     */
    public static IpRegistry load(List<Path> files) {
        Loader loader = new Loader();
        List<Source> sources = new ArrayList<>();
        for (Path file : files) {
            sources.add(parse(file, file, loader));
        }
        return new IpRegistry(loader, sources);
    }

    /**
     * Reads and checks one file completely without keeping it, for the {@link RegistryStore};
     * messages name {@code shownAs}.
     */
    static Source check(Path file, Path shownAs) {
        return parse(file, shownAs, new Loader());
    }

    /**
     * This registry completed by MaxMind databases; the arrays are shared, this instance is
     * unchanged. The returned registry owns {@code databases}: its {@link #close()} closes them.
     * <ul>
     * <li>{@code registry}, {@code status}, {@code date}: from the RIR files only;</li>
     * <li>{@code country}: from the Country database when it answers (its {@code country}, falling
     * back to {@code registered_country}), with {@code source} "geoip" — the seed's tables count
     * spam by where it comes from, which GeoIP describes better than the block's first allocation;
     * otherwise from the RIR files with {@code source} "rir";</li>
     * <li>{@code asn}, {@code asOrg}: from the ASN database.</li>
     * </ul>
     */
    public IpRegistry withGeoIp(GeoIpDatabases databases) {
        return new IpRegistry(this, Objects.requireNonNull(databases, "databases"));
    }

    /** The MaxMind databases in use, if any. */
    public Optional<GeoIpDatabases> geoIp() {
        return Optional.ofNullable(geoIp);
    }

    /** The files read, in order. */
    public List<Source> sources() {
        return sources;
    }

    /** The number of disjoint IPv4 segments the lookups search (after overlaps were resolved). */
    public int ipv4Segments() {
        return v4Start.length;
    }

    /** The number of disjoint IPv6 segments the lookups search. */
    public int ipv6Segments() {
        return v6StartHi.length;
    }

    /**
     * Who {@code ip} (IPv4 dotted quad or IPv6 text; surrounding brackets, an {@code IPv6:} prefix
     * and a {@code %zone} are tolerated; an IPv4-mapped IPv6 address is looked up as IPv4) belongs
     * to. Text that is not an address gives {@link Attribution#unattributed}; not being found is an
     * answer, not an error.
     *
     * @throws RegistryException only when an attached MaxMind database turns out to be damaged
     */
    public Attribution lookup(String ip) {
        if (ip == null) {
            return Attribution.unattributed(null);
        }
        int from = 0;
        int to = ip.length();
        while (from < to && ip.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && ip.charAt(to - 1) <= ' ') {
            to--;
        }
        if (to - from >= 2 && ip.charAt(from) == '[' && ip.charAt(to - 1) == ']') {
            from++;
            to--;
        }
        if (ip.regionMatches(true, from, "IPv6:", 0, 5)) {
            from += 5;
        }
        boolean v6 = false;
        for (int i = from; i < to; i++) {
            char c = ip.charAt(i);
            if (c == ':') {
                v6 = true;
            } else if (c == '%' && v6) {
                to = i;
                break;
            }
        }
        long v4;
        long hi = 0;
        long lo = 0;
        int rec;
        if (!v6) {
            v4 = parseV4(ip, from, to);
            if (v4 < 0) {
                return Attribution.unattributed(ip);
            }
            rec = findV4(v4);
        } else {
            long[] out = new long[2];
            if (!parseV6(ip, from, to, out)) {
                return Attribution.unattributed(ip);
            }
            hi = out[0];
            lo = out[1];
            if (hi == 0 && (lo >>> 32) == 0xFFFFL) { // ::ffff:a.b.c.d
                v4 = lo & MAX_V4;
                v6 = false;
                rec = findV4(v4);
            } else {
                v4 = -1;
                rec = findV6(hi, lo);
            }
        }
        if (geoIp == null) {
            return rec < 0 ? Attribution.unattributed(ip) : fromRecord(ip, rec);
        }
        return withGeoIp(ip, rec, v6 ? inet6(hi, lo) : inet4(v4));
    }

    /**
     * What the RIR files' ASN rows say about AS number {@code asn}: registry, country, status and
     * date, with {@code ip} null and {@code asn} set ({@code asOrg} is never known here). Not in
     * the files: {@link Attribution#attributed()} is false.
     */
    public Attribution describeAsn(long asn) {
        int k = findIn(asStart, asEnd, asn);
        int rec = k < 0 ? -1 : asRec[k];
        if (rec < 0) {
            return new Attribution(null, null, null, null, asn, null, null, null);
        }
        return new Attribution(null, REGISTRY_NAMES[recRegistry[rec]], recCountry[rec], "rir", asn, null,
                recStatus[rec], recDate[rec]);
    }

    /** Closes the attached MaxMind databases, if any. */
    @Override
    public void close() {
        if (geoIp != null) {
            geoIp.close();
        }
    }

    private Attribution fromRecord(String ip, int rec) {
        return new Attribution(ip, REGISTRY_NAMES[recRegistry[rec]], recCountry[rec], "rir", null, null,
                recStatus[rec], recDate[rec]);
    }

    private Attribution withGeoIp(String ip, int rec, InetAddress address) {
        String registry = null;
        String country = null;
        String source = null;
        String status = null;
        String date = null;
        if (rec >= 0) {
            registry = REGISTRY_NAMES[recRegistry[rec]];
            country = recCountry[rec];
            source = "rir";
            status = recStatus[rec];
            date = recDate[rec];
        }
        Long asn = null;
        String asOrg = null;
        if (address != null) {
            Optional<GeoIpDatabases.CountryAnswer> c = geoIp.country(address);
            if (c.isPresent()) {
                country = c.get().effective();
                source = "geoip";
            }
            Optional<GeoIpDatabases.AsnAnswer> a = geoIp.asn(address);
            if (a.isPresent()) {
                asn = a.get().asn();
                asOrg = a.get().organization();
            }
        }
        return new Attribution(ip, registry, country, source, asn, asOrg, status, date);
    }

    private int findV4(long x) {
        int k = findIn(v4Start, v4End, x);
        return k < 0 ? -1 : v4Rec[k];
    }

    /** Index of the segment containing {@code x} (segments sorted, disjoint, values unsigned 32-bit), or -1. */
    private static int findIn(long[] starts, long[] ends, long x) {
        int lo = 0;
        int hi = starts.length - 1;
        int k = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= x) {
                k = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return k >= 0 && x <= ends[k] ? k : -1;
    }

    private int findV6(long xHi, long xLo) {
        int lo = 0;
        int hi = v6StartHi.length - 1;
        int k = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (cmp128(v6StartHi[mid], v6StartLo[mid], xHi, xLo) <= 0) {
                k = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return k >= 0 && cmp128(xHi, xLo, v6EndHi[k], v6EndLo[k]) <= 0 ? v6Rec[k] : -1;
    }

    private static InetAddress inet4(long v4) {
        byte[] b = {(byte) (v4 >>> 24), (byte) (v4 >>> 16), (byte) (v4 >>> 8), (byte) v4};
        try {
            return InetAddress.getByAddress(b); // no look-up: an address from bytes
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static InetAddress inet6(long hi, long lo) {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (hi >>> (56 - 8 * i));
            b[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- parsing

    private static Source parse(Path file, Path shown, Loader into) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            return parse(reader, shown, into);
        } catch (NoSuchFileException e) {
            throw new RegistryException(shown, "no such file", e);
        } catch (IOException e) {
            throw new RegistryException(shown, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static Source parse(BufferedReader reader, Path file, Loader into) throws IOException {
        String[] f = new String[MAX_FIELDS];
        String[] header = null;
        int ipv4 = 0;
        int ipv6 = 0;
        int asn = 0;
        int skipped = 0;
        boolean extended = false;
        long no = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            no++;
            if (no == 1 && line.startsWith("\u00EF\u00BB\u00BF")) {
                line = line.substring(3); // a UTF-8 byte order mark, read as ISO-8859-1
            }
            if (line.isEmpty() || line.charAt(0) == '#' || line.isBlank()) {
                continue;
            }
            if (line.charAt(line.length() - 1) <= ' ' || line.charAt(0) <= ' ') {
                line = line.strip();
                if (line.charAt(0) == '#') {
                    continue;
                }
            }
            int n = split(line, f);
            if (header == null) {
                if (n != 7 || !isVersion(f[0])) {
                    throw new RegistryException(file, no, "expected the header line"
                            + " version|registry|serial|records|startdate|enddate|UTCoffset, found \"" + clip(line)
                            + "\"; is this an RIR delegated statistics file?");
                }
                if (!isDigits(f[3], 1, 12)) {
                    throw new RegistryException(file, no, "the header's record count \"" + clip(f[3])
                            + "\" is not a number");
                }
                header = Arrays.copyOf(f, 7);
                continue;
            }
            if (n == 6 && "summary".equals(f[5])) {
                continue;
            }
            if (n == 7 && isVersion(f[0])) {
                continue; // another header (files concatenated)
            }
            if (n < 7) {
                throw new RegistryException(file, no, "a record needs at least 7 fields"
                        + " (registry|cc|type|start|value|date|status), this line has " + n + ": \"" + clip(line) + "\"");
            }
            extended |= n >= 8;
            int registry = registryIndex(f[0]);
            if (registry == -1) {
                throw new RegistryException(file, no, "unknown registry \"" + clip(f[0])
                        + "\" (expected afrinic, apnic, arin, lacnic, ripencc or iana)");
            }
            String type = f[2];
            String status = status(f[6]);
            if (status == null) {
                throw new RegistryException(file, no, "unknown status \"" + clip(f[6])
                        + "\" (expected allocated, assigned, available or reserved)");
            }
            String date = f[5];
            if (!date.isEmpty() && !isDigits(date, 8, 8)) {
                throw new RegistryException(file, no, "the date \"" + clip(date) + "\" is not YYYYMMDD");
            }
            boolean keep = registry != SKIP_REGISTRY && (status.equals("allocated") || status.equals("assigned"));
            String cc = f[1];
            if (keep && !cc.isEmpty() && !isCountry(cc)) {
                throw new RegistryException(file, no, "the country \"" + clip(cc) + "\" is not a two-letter code");
            }
            switch (type) {
                case "ipv4" -> {
                    long start = parseV4(f[3], 0, f[3].length());
                    if (start < 0) {
                        throw new RegistryException(file, no, "the start \"" + clip(f[3]) + "\" is not an IPv4 address");
                    }
                    long count = count(f[4], file, no, "address count");
                    long end = start + count - 1;
                    if (end > MAX_V4) {
                        throw new RegistryException(file, no, f[3] + " + " + count
                                + " addresses runs past 255.255.255.255");
                    }
                    if (keep) {
                        into.v4.add(0, start, 0, end, into.record(registry, cc, status, date));
                        ipv4++;
                    } else {
                        skipped++;
                    }
                }
                case "ipv6" -> {
                    long[] a = new long[2];
                    if (!parseV6(f[3], 0, f[3].length(), a)) {
                        throw new RegistryException(file, no, "the start \"" + clip(f[3]) + "\" is not an IPv6 address");
                    }
                    if (!isDigits(f[4], 1, 3) || Integer.parseInt(f[4]) > 128) {
                        throw new RegistryException(file, no, "the prefix length \"" + clip(f[4])
                                + "\" is not a number from 0 to 128");
                    }
                    int len = Integer.parseInt(f[4]);
                    long maskHi = len >= 64 ? 0 : len == 0 ? -1L : -1L >>> len;
                    long maskLo = len <= 64 ? -1L : len == 128 ? 0 : -1L >>> (len - 64);
                    if (keep) {
                        into.v6.add(a[0], a[1], a[0] | maskHi, a[1] | maskLo, into.record(registry, cc, status, date));
                        ipv6++;
                    } else {
                        skipped++;
                    }
                }
                case "asn" -> {
                    if (!isDigits(f[3], 1, 10) || Long.parseLong(f[3]) > MAX_V4) {
                        throw new RegistryException(file, no, "the start \"" + clip(f[3]) + "\" is not an AS number");
                    }
                    long start = Long.parseLong(f[3]);
                    long count = count(f[4], file, no, "AS number count");
                    long end = start + count - 1;
                    if (end > MAX_V4) {
                        throw new RegistryException(file, no, "AS" + start + " + " + count + " runs past AS4294967295");
                    }
                    if (keep) {
                        into.as.add(0, start, 0, end, into.record(registry, cc, status, date));
                        asn++;
                    } else {
                        skipped++;
                    }
                }
                default -> throw new RegistryException(file, no, "unknown type \"" + clip(type)
                        + "\" (expected ipv4, ipv6 or asn)");
            }
        }
        if (header == null) {
            throw new RegistryException(file, Math.max(no, 1), "no header line"
                    + " (version|registry|serial|records|startdate|enddate|UTCoffset); is this an RIR delegated"
                    + " statistics file?");
        }
        return new Source(file, header[1], header[0], header[2], noDate(header[4]), noDate(header[5]),
                emptyToNull(header[6]), Long.parseLong(header[3]), ipv4, ipv6, asn, skipped, extended);
    }

    /** Splits on '|' into {@code f} (at most {@code f.length} fields stored); returns the number of fields. */
    private static int split(String line, String[] f) {
        int n = 0;
        int start = 0;
        int len = line.length();
        while (true) {
            int bar = line.indexOf('|', start);
            int end = bar < 0 ? len : bar;
            if (n < f.length) {
                f[n] = line.substring(start, end);
            }
            n++;
            if (bar < 0) {
                return n;
            }
            start = bar + 1;
        }
    }

    private static int registryIndex(String r) {
        switch (r.toLowerCase(Locale.ROOT)) {
            case "afrinic":
                return 0;
            case "apnic":
                return 1;
            case "arin":
                return 2;
            case "lacnic":
                return 3;
            case "ripencc":
            case "ripe":
                return 4;
            case "iana":
                return SKIP_REGISTRY;
            default:
                return -1;
        }
    }

    /** The status in lower case, one constant string per value, or null when unknown. */
    private static String status(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "allocated":
                return "allocated";
            case "assigned":
                return "assigned";
            case "available":
                return "available";
            case "reserved":
                return "reserved";
            default:
                return null;
        }
    }

    private static long count(String s, Path file, long no, String what) {
        if (!isDigits(s, 1, 10) || Long.parseLong(s) == 0 || Long.parseLong(s) > MAX_V4 + 1) {
            throw new RegistryException(file, no, "the " + what + " \"" + clip(s) + "\" is not a positive number");
        }
        return Long.parseLong(s);
    }

    private static boolean isVersion(String s) {
        if (s.isEmpty() || s.length() > 10 || !Character.isDigit(s.charAt(0)) || !Character.isDigit(s.charAt(s.length() - 1))) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigits(String s, int min, int max) {
        if (s.length() < min || s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isCountry(String cc) {
        return cc.length() == 2 && isLetter(cc.charAt(0)) && isLetter(cc.charAt(1));
    }

    private static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static String noDate(String s) {
        return s == null || s.isEmpty() || s.equals("00000000") ? null : s;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String clip(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    /** A dotted quad in {@code s[from, to)} as an unsigned value, or -1. No leading zeros ("01"), no short forms. */
    static long parseV4(String s, int from, int to) {
        long value = 0;
        int part = 0;
        int digits = 0;
        int octet = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits == 1 && octet == 0) {
                    return -1;
                }
                octet = octet * 10 + (c - '0');
                if (++digits > 3 || octet > 255) {
                    return -1;
                }
            } else if (c == '.') {
                if (digits == 0 || part == 3) {
                    return -1;
                }
                value = (value << 8) | octet;
                part++;
                digits = 0;
                octet = 0;
            } else {
                return -1;
            }
        }
        if (digits == 0 || part != 3) {
            return -1;
        }
        return (value << 8) | octet;
    }

    /**
     * An IPv6 address in {@code s[from, to)} into {@code out[0]} (high 64 bits) and {@code out[1]}
     * (low 64 bits); false when it is not one. Accepts "::" compression and a trailing dotted quad.
     */
    static boolean parseV6(String s, int from, int to, long[] out) {
        int len = to - from;
        if (len < 2 || len > 45) {
            return false;
        }
        int[] groups = new int[8];
        int count = 0;
        int gap = -1; // index in groups where "::" stands
        int i = from;
        if (s.charAt(i) == ':') {
            if (s.charAt(i + 1) != ':') {
                return false;
            }
            gap = 0;
            i += 2;
        }
        while (i < to) {
            int j = i;
            int v = 0;
            while (j < to && j - i < 5) {
                int h = Character.digit(s.charAt(j), 16);
                if (h < 0) {
                    break;
                }
                v = (v << 4) | h;
                j++;
            }
            if (j < to && s.charAt(j) == '.') { // embedded IPv4 in the last 32 bits
                long v4 = parseV4(s, i, to);
                if (v4 < 0 || count > 6) {
                    return false;
                }
                groups[count++] = (int) (v4 >>> 16);
                groups[count++] = (int) (v4 & 0xFFFF);
                i = to;
                break;
            }
            int digits = j - i;
            if (digits == 0 || digits > 4 || count == 8) {
                return false;
            }
            groups[count++] = v;
            if (j == to) {
                i = to;
                break;
            }
            if (s.charAt(j) != ':') {
                return false;
            }
            if (j + 1 < to && s.charAt(j + 1) == ':') {
                if (gap >= 0) {
                    return false;
                }
                gap = count;
                i = j + 2;
            } else {
                i = j + 1;
                if (i == to) {
                    return false; // a trailing single ':'
                }
            }
        }
        if (gap < 0 ? count != 8 : count > 7) {
            return false;
        }
        int[] full = new int[8];
        if (gap < 0) {
            full = groups;
        } else {
            int tail = count - gap;
            System.arraycopy(groups, 0, full, 0, gap);
            System.arraycopy(groups, gap, full, 8 - tail, tail);
        }
        long hi = 0;
        long lo = 0;
        for (int k = 0; k < 4; k++) {
            hi = (hi << 16) | full[k];
            lo = (lo << 16) | full[4 + k];
        }
        out[0] = hi;
        out[1] = lo;
        return true;
    }

    static int cmp128(long aHi, long aLo, long bHi, long bLo) {
        int c = Long.compareUnsigned(aHi, bHi);
        return c != 0 ? c : Long.compareUnsigned(aLo, bLo);
    }

    // ---------------------------------------------------------------- overlap resolution

    /**
     * Disjoint, sorted segments from inclusive 128-bit ranges that may overlap: each point goes to
     * the smallest range containing it, between equal sizes to the range with the higher index.
     * Sweep over the start and end+1 points with a heap of the ranges open at each point.
     */
    static Segments flatten(long[] sHi, long[] sLo, long[] eHi, long[] eLo, int n) {
        long[] sizeHi = new long[n];
        long[] sizeLo = new long[n];
        long[] zHi = new long[n]; // end + 1
        long[] zLo = new long[n];
        boolean[] endless = new boolean[n]; // end is the very last address: no end + 1
        for (int k = 0; k < n; k++) {
            sizeLo[k] = eLo[k] - sLo[k];
            sizeHi[k] = eHi[k] - sHi[k] - (Long.compareUnsigned(eLo[k], sLo[k]) < 0 ? 1 : 0);
            zLo[k] = eLo[k] + 1;
            zHi[k] = eLo[k] == -1L ? eHi[k] + 1 : eHi[k];
            endless[k] = eLo[k] == -1L && eHi[k] == -1L;
        }
        Integer[] byStart = new Integer[n];
        Integer[] byEnd = new Integer[n];
        for (int k = 0; k < n; k++) {
            byStart[k] = k;
            byEnd[k] = k;
        }
        Arrays.sort(byStart, (a, b) -> cmp128(sHi[a], sLo[a], sHi[b], sLo[b]));
        Arrays.sort(byEnd, (a, b) -> endless[a] != endless[b] ? (endless[a] ? 1 : -1)
                : cmp128(zHi[a], zLo[a], zHi[b], zLo[b]));
        PriorityQueue<Integer> open = new PriorityQueue<>(Math.max(1, Math.min(n, 64)), (a, b) -> {
            int c = cmp128(sizeHi[a], sizeLo[a], sizeHi[b], sizeLo[b]);
            return c != 0 ? c : Integer.compare(b, a);
        });
        boolean[] closed = new boolean[n];
        Segments out = new Segments();
        int i = 0;
        int j = 0;
        while (true) {
            boolean moreStarts = i < n;
            boolean moreEnds = j < n && !endless[byEnd[j]];
            if (!moreStarts && !moreEnds) {
                break;
            }
            long pHi;
            long pLo;
            if (moreStarts && (!moreEnds
                    || cmp128(sHi[byStart[i]], sLo[byStart[i]], zHi[byEnd[j]], zLo[byEnd[j]]) <= 0)) {
                pHi = sHi[byStart[i]];
                pLo = sLo[byStart[i]];
            } else {
                pHi = zHi[byEnd[j]];
                pLo = zLo[byEnd[j]];
            }
            while (j < n && !endless[byEnd[j]] && zHi[byEnd[j]] == pHi && zLo[byEnd[j]] == pLo) {
                closed[byEnd[j++]] = true;
            }
            while (i < n && sHi[byStart[i]] == pHi && sLo[byStart[i]] == pLo) {
                open.add(byStart[i++]);
            }
            while (!open.isEmpty() && closed[open.peek()]) {
                open.poll();
            }
            if (open.isEmpty()) {
                continue;
            }
            int best = open.peek();
            long qHi;
            long qLo;
            moreStarts = i < n;
            moreEnds = j < n && !endless[byEnd[j]];
            if (!moreStarts && !moreEnds) {
                qHi = -1L; // up to the last address
                qLo = -1L;
            } else {
                long nHi;
                long nLo;
                if (moreStarts && (!moreEnds
                        || cmp128(sHi[byStart[i]], sLo[byStart[i]], zHi[byEnd[j]], zLo[byEnd[j]]) <= 0)) {
                    nHi = sHi[byStart[i]];
                    nLo = sLo[byStart[i]];
                } else {
                    nHi = zHi[byEnd[j]];
                    nLo = zLo[byEnd[j]];
                }
                qLo = nLo - 1; // next point - 1
                qHi = nLo == 0 ? nHi - 1 : nHi;
            }
            out.add(pHi, pLo, qHi, qLo, best);
        }
        return out;
    }

    private static int[] owners(Segments s, IntList rangeRecord) {
        int[] r = new int[s.n];
        for (int k = 0; k < s.n; k++) {
            r[k] = rangeRecord.a[s.owner.a[k]];
        }
        return r;
    }

    static final class Segments {
        final LongList sHi = new LongList();
        final LongList sLo = new LongList();
        final LongList eHi = new LongList();
        final LongList eLo = new LongList();
        final IntList owner = new IntList();
        int n;

        void add(long aHi, long aLo, long bHi, long bLo, int who) {
            if (n > 0 && owner.a[n - 1] == who) {
                long lastHi = eHi.a[n - 1];
                long lastLo = eLo.a[n - 1];
                long nextLo = lastLo + 1;
                long nextHi = lastLo == -1L ? lastHi + 1 : lastHi;
                if (nextHi == aHi && nextLo == aLo) {
                    eHi.a[n - 1] = bHi;
                    eLo.a[n - 1] = bLo;
                    return;
                }
            }
            sHi.add(aHi);
            sLo.add(aLo);
            eHi.add(bHi);
            eLo.add(bLo);
            owner.add(who);
            n++;
        }
    }

    /** Ranges read so far, and the records they point to. */
    private static final class Loader {
        byte[] recRegistry = new byte[1024];
        String[] recCountry = new String[1024];
        String[] recStatus = new String[1024];
        String[] recDate = new String[1024];
        int records;
        final Ranges v4 = new Ranges();
        final Ranges v6 = new Ranges();
        final Ranges as = new Ranges();
        private final Map<String, String> countries = new HashMap<>();

        int record(int registry, String cc, String status, String date) {
            if (records == recRegistry.length) {
                int cap = records * 2;
                recRegistry = Arrays.copyOf(recRegistry, cap);
                recCountry = Arrays.copyOf(recCountry, cap);
                recStatus = Arrays.copyOf(recStatus, cap);
                recDate = Arrays.copyOf(recDate, cap);
            }
            String country = cc.isEmpty() || cc.equalsIgnoreCase("ZZ") ? null
                    : countries.computeIfAbsent(cc, c -> c.toUpperCase(Locale.ROOT));
            recRegistry[records] = (byte) registry;
            recCountry[records] = country;
            recStatus[records] = status;
            recDate[records] = date.isEmpty() || date.equals("00000000") ? null : date;
            return records++;
        }
    }

    private static final class Ranges {
        long[] sHi = new long[256];
        long[] sLo = new long[256];
        long[] eHi = new long[256];
        long[] eLo = new long[256];
        final IntList rec = new IntList();
        int n;

        void add(long aHi, long aLo, long bHi, long bLo, int record) {
            if (n == sLo.length) {
                int cap = n * 2;
                sHi = Arrays.copyOf(sHi, cap);
                sLo = Arrays.copyOf(sLo, cap);
                eHi = Arrays.copyOf(eHi, cap);
                eLo = Arrays.copyOf(eLo, cap);
            }
            sHi[n] = aHi;
            sLo[n] = aLo;
            eHi[n] = bHi;
            eLo[n] = bLo;
            rec.add(record);
            n++;
        }
    }

    static final class LongList {
        long[] a = new long[256];
        int n;

        void add(long v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }
    }

    static final class IntList {
        int[] a = new int[256];
        int n;

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }
    }
}
