package dev.mamori.mail;

import com.maxmind.db.CHMCache;
import com.maxmind.db.InvalidNetworkException;
import com.maxmind.db.Networks;
import com.maxmind.db.Reader;
import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.exception.GeoIp2Exception;
import com.maxmind.geoip2.model.AsnResponse;
import com.maxmind.geoip2.model.CountryResponse;
import com.maxmind.geoip2.model.IspResponse;
import java.io.Closeable;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Local MaxMind DB files (GeoIP2 / GeoLite2, or compatible ones such as DB-IP's) opened with
 * geoip2's {@link DatabaseReader}: at most one Country database (Country, City or Enterprise type;
 * its country is used) and at most one ASN database (GeoLite2-ASN or GeoIP2-ISP type). Which is
 * which is read from the file's metadata ({@code database_type}), not from its name. The files are
 * read into memory ({@link Reader.FileMode#MEMORY}), so nothing stays mapped or open on disk and
 * the files may be replaced while a reader is in use. Nothing is ever downloaded.
 *
 * <p>Thread-safe. {@link #close()} closes the readers.
 */
public final class GeoIpDatabases implements Closeable {

    /** What a database answers. */
    public enum Kind {
        /** Country, City or Enterprise: {@code country} and {@code registered_country}. */
        COUNTRY,
        /** GeoLite2-ASN or GeoIP2-ISP: the autonomous system number and organisation. */
        ASN
    }

    /**
     * One database file.
     *
     * @param file         the file as given
     * @param kind         what it answers
     * @param databaseType the metadata's {@code database_type}, e.g. {@code GeoLite2-Country}
     * @param buildDate    the metadata's build time
     * @param ipVersion    4 or 6 (a version 6 database also answers IPv4 addresses)
     * @param networks     the number of networks in the file when it was {@link #inspect inspected}
     *                     (every record read and decoded), or -1 when it was only opened
     */
    public record Info(Path file, Kind kind, String databaseType, Instant buildDate, int ipVersion, long networks) {
    }

    /**
     * A Country database's answer.
     *
     * @param country           where the address is used ({@code country.iso_code}), or null
     * @param registeredCountry where the ISP registered it ({@code registered_country.iso_code}), or null
     */
    public record CountryAnswer(String country, String registeredCountry) {
        /** {@code country}, falling back to {@code registeredCountry}. */
        public String effective() {
            return country != null ? country : registeredCountry;
        }
    }

    /** An ASN database's answer; {@code organization} may be null (some entries have only a number). */
    public record AsnAnswer(long asn, String organization) {
    }

    private final DatabaseReader country;
    private final Info countryInfo;
    private final DatabaseReader asn;
    private final Info asnInfo;
    private final boolean asnIsIsp;

    private GeoIpDatabases(DatabaseReader country, Info countryInfo, DatabaseReader asn, Info asnInfo) {
        this.country = country;
        this.countryInfo = countryInfo;
        this.asn = asn;
        this.asnInfo = asnInfo;
        this.asnIsIsp = asnInfo != null && asnInfo.databaseType().contains("GeoIP2-ISP");
    }

    /** See {@link #open(List)}. */
    public static GeoIpDatabases open(Path... files) {
        return open(Arrays.asList(files));
    }

    /**
     * Opens each file and sorts it by its metadata into the Country or the ASN slot.
     *
     * @throws RegistryException naming the file when it is missing, is not a MaxMind DB, is neither a
     *                           Country nor an ASN database, or when two files fill the same slot
     */
    public static GeoIpDatabases open(List<Path> files) {
        DatabaseReader country = null;
        DatabaseReader asn = null;
        Info countryInfo = null;
        Info asnInfo = null;
        List<DatabaseReader> opened = new ArrayList<>();
        try {
            for (Path file : files) {
                DatabaseReader reader = openReader(file, file);
                opened.add(reader);
                Info info = info(file, reader.getMetadata(), -1);
                if (info.kind() == Kind.COUNTRY) {
                    if (country != null) {
                        throw new RegistryException(file, "a second Country database; " + countryInfo.file()
                                + " is one already (give only one)", null);
                    }
                    country = reader;
                    countryInfo = info;
                } else {
                    if (asn != null) {
                        throw new RegistryException(file, "a second ASN database; " + asnInfo.file()
                                + " is one already (give only one)", null);
                    }
                    asn = reader;
                    asnInfo = info;
                }
            }
            return new GeoIpDatabases(country, countryInfo, asn, asnInfo);
        } catch (RuntimeException e) {
            for (DatabaseReader r : opened) {
                closeQuietly(r);
            }
            throw e;
        }
    }

    /**
     * Checks a file completely: opens it, determines its kind, then walks every network in it and
     * decodes every record, so that a truncated or damaged file is caught now rather than at some
     * later lookup. Used before a file is taken into the {@link RegistryStore}.
     *
     * @throws RegistryException naming the file when it cannot be used
     */
    public static Info inspect(Path file) {
        return inspect(file, file);
    }

    /** {@link #inspect(Path)} of {@code file}, with messages naming {@code shownAs} (the file it is a copy of). */
    static Info inspect(Path file, Path shownAs) {
        Info opened;
        try (DatabaseReader reader = openReader(file, shownAs)) {
            opened = info(shownAs, reader.getMetadata(), -1);
        } catch (IOException e) {
            throw new RegistryException(shownAs, "cannot be closed: " + e.getMessage(), e);
        }
        long count = 0;
        try (Reader reader = new Reader(file.toFile(), Reader.FileMode.MEMORY)) {
            @SuppressWarnings("rawtypes")
            Networks<Map> networks = reader.networks(Map.class); // decoding every record checks the data section
            while (networks.hasNext()) {
                networks.next();
                count++;
            }
        } catch (IOException | InvalidNetworkException | RuntimeException e) {
            throw new RegistryException(shownAs, "damaged MaxMind DB (" + e.getMessage() + ")", e);
        }
        if (count == 0) {
            throw new RegistryException(shownAs, "the MaxMind DB holds no networks", null);
        }
        return new Info(file, opened.kind(), opened.databaseType(), opened.buildDate(), opened.ipVersion(), count);
    }

    /** The Country database, when one was given. */
    public Optional<Info> countryDatabase() {
        return Optional.ofNullable(countryInfo);
    }

    /** The ASN database, when one was given. */
    public Optional<Info> asnDatabase() {
        return Optional.ofNullable(asnInfo);
    }

    /**
     * The Country database's answer for {@code address}; empty when there is no Country database,
     * the address is not in it, or the entry has neither a country nor a registered country (e.g.
     * anycast networks).
     *
     * @throws RegistryException naming the file when the database turns out to be damaged
     */
    public Optional<CountryAnswer> country(InetAddress address) {
        if (country == null || !answers(countryInfo, address)) {
            return Optional.empty();
        }
        try {
            Optional<CountryResponse> r = country.tryCountry(address);
            if (r.isEmpty()) {
                return Optional.empty();
            }
            String cc = isoCode(r.get().getCountry());
            String rc = isoCode(r.get().getRegisteredCountry());
            return cc == null && rc == null ? Optional.empty() : Optional.of(new CountryAnswer(cc, rc));
        } catch (IOException | GeoIp2Exception | RuntimeException e) {
            throw new RegistryException(countryInfo.file(), "lookup of " + address.getHostAddress() + " failed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The ASN database's answer for {@code address}; empty when there is no ASN database or the
     * address is not in it.
     *
     * @throws RegistryException naming the file when the database turns out to be damaged
     */
    public Optional<AsnAnswer> asn(InetAddress address) {
        if (asn == null || !answers(asnInfo, address)) {
            return Optional.empty();
        }
        try {
            Long number;
            String org;
            if (asnIsIsp) {
                Optional<IspResponse> r = asn.tryIsp(address);
                if (r.isEmpty()) {
                    return Optional.empty();
                }
                number = r.get().getAutonomousSystemNumber();
                org = r.get().getAutonomousSystemOrganization();
            } else {
                Optional<AsnResponse> r = asn.tryAsn(address);
                if (r.isEmpty()) {
                    return Optional.empty();
                }
                number = r.get().getAutonomousSystemNumber();
                org = r.get().getAutonomousSystemOrganization();
            }
            if (number == null) {
                return Optional.empty();
            }
            return Optional.of(new AsnAnswer(number, org == null || org.isBlank() ? null : org));
        } catch (IOException | GeoIp2Exception | RuntimeException e) {
            throw new RegistryException(asnInfo.file(), "lookup of " + address.getHostAddress() + " failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (country != null) {
            closeQuietly(country);
        }
        if (asn != null) {
            closeQuietly(asn);
        }
    }

    private static boolean answers(Info info, InetAddress address) {
        return info.ipVersion() != 4 || !(address instanceof Inet6Address); // an IPv4-only tree has no IPv6 answers
    }

    private static String isoCode(com.maxmind.geoip2.record.Country c) {
        if (c == null) {
            return null;
        }
        String code = c.getIsoCode();
        return code == null || code.isBlank() ? null : code;
    }

    private static DatabaseReader openReader(Path file, Path shownAs) {
        if (!Files.isRegularFile(file)) {
            throw new RegistryException(shownAs, "no such file", null);
        }
        try {
            return new DatabaseReader.Builder(file.toFile()).fileMode(Reader.FileMode.MEMORY)
                    .withCache(new CHMCache()) // decoded records of recent look-ups (spam repeats its sources)
                    .build();
        } catch (IOException | RuntimeException e) { // InvalidDatabaseException; UnsupportedOperationException for an unknown type
            throw new RegistryException(shownAs, "not a usable MaxMind DB (.mmdb) file: " + e.getMessage(), e);
        }
    }

    private static Info info(Path file, com.maxmind.db.Metadata metadata, long networks) {
        String type = metadata.getDatabaseType();
        Kind kind = kindOf(type);
        if (kind == null) {
            throw new RegistryException(file, "a MaxMind DB of type " + type
                    + ", which is neither a Country (Country, City, Enterprise) nor an ASN (GeoLite2-ASN, GeoIP2-ISP)"
                    + " database", null);
        }
        Instant built = metadata.getBuildDate() == null ? null : metadata.getBuildDate().toInstant();
        return new Info(file, kind, type, built, metadata.getIpVersion(), networks);
    }

    private static Kind kindOf(String type) {
        if (type == null) {
            return null;
        }
        if (type.contains("GeoLite2-ASN") || type.contains("GeoIP2-ISP")) {
            return Kind.ASN;
        }
        if (type.contains("Country") || type.contains("City") || type.contains("Enterprise")) {
            return Kind.COUNTRY;
        }
        return null;
    }

    private static void closeQuietly(DatabaseReader reader) {
        try {
            reader.close();
        } catch (IOException e) {
            // nothing is held open on disk in MEMORY mode
        }
    }
}
