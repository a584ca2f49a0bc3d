package dev.mamori.mail;

import static dev.mamori.mail.DelegatedStats.REGISTRY_NAMES;
import static dev.mamori.mail.IpNumbers.MAX_V4;
import static dev.mamori.mail.IpNumbers.inet4;
import static dev.mamori.mail.IpNumbers.inet6;

import dev.mamori.mail.DelegatedStats.Loader;
import java.io.Closeable;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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

        Segments v4 = Segments.flatten(new long[l.v4.n], l.v4.sLo, new long[l.v4.n], l.v4.eLo, l.v4.n);
        this.v4Start = Arrays.copyOf(v4.sLo.a, v4.n);
        this.v4End = Arrays.copyOf(v4.eLo.a, v4.n);
        this.v4Rec = Segments.owners(v4, l.v4.rec);

        Segments v6 = Segments.flatten(l.v6.sHi, l.v6.sLo, l.v6.eHi, l.v6.eLo, l.v6.n);
        this.v6StartHi = Arrays.copyOf(v6.sHi.a, v6.n);
        this.v6StartLo = Arrays.copyOf(v6.sLo.a, v6.n);
        this.v6EndHi = Arrays.copyOf(v6.eHi.a, v6.n);
        this.v6EndLo = Arrays.copyOf(v6.eLo.a, v6.n);
        this.v6Rec = Segments.owners(v6, l.v6.rec);

        Segments as = Segments.flatten(new long[l.as.n], l.as.sLo, new long[l.as.n], l.as.eLo, l.as.n);
        this.asStart = Arrays.copyOf(as.sLo.a, as.n);
        this.asEnd = Arrays.copyOf(as.eLo.a, as.n);
        this.asRec = Segments.owners(as, l.as.rec);

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
            sources.add(DelegatedStats.parse(file, file, loader));
        }
        return new IpRegistry(loader, sources);
    }

    /**
     * Reads and checks one file completely without keeping it, for the {@link RegistryStore};
     * messages name {@code shownAs}.
     */
    static Source check(Path file, Path shownAs) {
        return DelegatedStats.parse(file, shownAs, new Loader());
    }

    /**
     * This registry completed by MaxMind databases; the arrays are shared, this instance is
     * unchanged. The returned registry owns {@code databases}: its {@link #close()} closes them.
     * <ul>
     * <li>{@code registry}, {@code status}, {@code date}: from the RIR files only;</li>
     * <li>{@code country}: from the Country database when it answers (its {@code country}, falling
     * back to {@code registered_country}), with {@code source} "geoip" — the per-country tables count
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
            v4 = IpNumbers.parseV4(ip, from, to);
            if (v4 < 0) {
                return Attribution.unattributed(ip);
            }
            rec = findV4(v4);
        } else {
            long[] out = new long[2];
            if (!IpNumbers.parseV6(ip, from, to, out)) {
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
        int k = Segments.find(asStart, asEnd, asn);
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
        int k = Segments.find(v4Start, v4End, x);
        return k < 0 ? -1 : v4Rec[k];
    }

    private int findV6(long xHi, long xLo) {
        int k = Segments.find128(v6StartHi, v6StartLo, v6EndHi, v6EndLo, xHi, xLo);
        return k < 0 ? -1 : v6Rec[k];
    }
}
