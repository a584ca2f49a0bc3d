package dev.mamori.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoIpTest {

    @TempDir
    Path dir;

    static Path mmdb(String name) {
        try {
            return Path.of(GeoIpTest.class.getResource("maxmind/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static final Path COUNTRY = mmdb("GeoIP2-Country-Test.mmdb");
    static final Path LITE_COUNTRY = mmdb("GeoLite2-Country-Test.mmdb");
    static final Path ASN = mmdb("GeoLite2-ASN-Test.mmdb");

    private static InetAddress ip(String literal) throws IOException {
        return InetAddress.getByAddress(ipBytes(literal));
    }

    /** Bytes of a literal, parsed here (no resolver involved). */
    private static byte[] ipBytes(String literal) {
        if (literal.indexOf(':') < 0) {
            long v = IpNumbers.parseV4(literal, 0, literal.length());
            return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
        }
        long[] out = new long[2];
        assertThat(IpNumbers.parseV6(literal, 0, literal.length(), out)).isTrue();
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (out[0] >>> (56 - 8 * i));
            b[8 + i] = (byte) (out[1] >>> (56 - 8 * i));
        }
        return b;
    }

    @Test
    void theKindOfEachDatabaseComesFromItsMetadataWhateverTheOrder() {
        try (GeoIpDatabases dbs = GeoIpDatabases.open(ASN, COUNTRY)) {
            assertThat(dbs.countryDatabase()).hasValueSatisfying(i -> {
                assertThat(i.databaseType()).isEqualTo("GeoIP2-Country");
                assertThat(i.kind()).isEqualTo(GeoIpDatabases.Kind.COUNTRY);
                assertThat(i.ipVersion()).isEqualTo(6);
            });
            assertThat(dbs.asnDatabase()).hasValueSatisfying(i -> assertThat(i.databaseType()).isEqualTo("GeoLite2-ASN"));
        }
        try (GeoIpDatabases dbs = GeoIpDatabases.open(LITE_COUNTRY)) {
            assertThat(dbs.countryDatabase()).hasValueSatisfying(
                    i -> assertThat(i.databaseType()).isEqualTo("GeoLite2-Country"));
            assertThat(dbs.asnDatabase()).isEmpty();
        }
    }

    @Test
    void countryAnswersWithRegisteredCountryAlongside() throws IOException {
        try (GeoIpDatabases dbs = GeoIpDatabases.open(COUNTRY, ASN)) {
            assertThat(dbs.country(ip("81.2.69.142"))).hasValue(new GeoIpDatabases.CountryAnswer("GB", "US"));
            assertThat(dbs.country(ip("81.2.69.143")).orElseThrow().effective()).isEqualTo("GB");
            assertThat(dbs.country(ip("2.125.160.216")))
                    .hasValue(new GeoIpDatabases.CountryAnswer("GB", "FR"));
            assertThat(dbs.country(ip("2001:218::1")).orElseThrow().country()).isEqualTo("JP");
            assertThat(dbs.country(ip("2001:220::1")).orElseThrow().country()).isEqualTo("KR");
            // not in the database
            assertThat(dbs.country(ip("10.1.2.3"))).isEmpty();
            assertThat(dbs.country(ip("192.0.2.1"))).isEmpty();
            assertThat(dbs.country(ip("2001:db8::1"))).isEmpty();
            // in it, but anycast: no country of either kind
            assertThat(dbs.country(ip("214.1.1.1"))).isEmpty();
        }
    }

    @Test
    void asnAnswersNumberAndOrganisationWhenThereIsOne() throws IOException {
        try (GeoIpDatabases dbs = GeoIpDatabases.open(COUNTRY, ASN)) {
            assertThat(dbs.asn(ip("1.128.0.1"))).hasValue(new GeoIpDatabases.AsnAnswer(1221, "Telstra Pty Ltd"));
            assertThat(dbs.asn(ip("12.81.92.1"))).hasValue(new GeoIpDatabases.AsnAnswer(7018, "AT&T Services"));
            assertThat(dbs.asn(ip("12.81.96.1"))).hasValue(new GeoIpDatabases.AsnAnswer(7018, null));
            assertThat(dbs.asn(ip("10.1.2.3"))).isEmpty();
        }
        try (GeoIpDatabases countryOnly = GeoIpDatabases.open(COUNTRY)) {
            assertThat(countryOnly.asn(ip("1.128.0.1"))).isEmpty();
        }
    }

    @Test
    void aRegistryWithGeoIpAloneAttributesByGeoIp() {
        try (IpRegistry r = IpRegistry.empty().withGeoIp(GeoIpDatabases.open(COUNTRY, ASN))) {
            Attribution gb = r.lookup("81.2.69.142");
            assertThat(gb.country()).isEqualTo("GB");
            assertThat(gb.source()).isEqualTo("geoip");
            assertThat(gb.registry()).isNull();
            assertThat(gb.attributed()).isTrue();
            assertThat(gb.label("ja")).isEqualTo("イギリス");
            assertThat(r.lookup("2001:218::1").country()).isEqualTo("JP");
            assertThat(r.lookup("::ffff:81.2.69.142").country()).isEqualTo("GB");
            Attribution telstra = r.lookup("1.128.0.1");
            assertThat(telstra.asn()).isEqualTo(1221L);
            assertThat(telstra.asOrg()).isEqualTo("Telstra Pty Ltd");
            Attribution att = r.lookup("12.81.96.1");
            assertThat(att.asn()).isEqualTo(7018L);
            assertThat(att.asOrg()).isNull();
            Attribution none = r.lookup("192.0.2.1");
            assertThat(none.attributed()).isFalse();
            assertThat(none.asn()).isNull();
            assertThat(none.countryKey()).isEqualTo("unattributed");
            assertThat(r.lookup("not an address").attributed()).isFalse();
        }
    }

    @Test
    void withRirFilesTheRegistryStaysTheRirsAndTheCountryIsGeoIps() throws IOException {
        Path rir = dir.resolve("delegated-test");
        Files.writeString(rir, String.join("\n",
                "2|ripencc|1404165599|2|19830705|20140630|+0200",
                "ripencc|EU|ipv4|81.2.69.0|256|20100910|allocated",
                "ripencc|DE|ipv4|81.2.70.0|256|20100910|assigned") + "\n", StandardCharsets.US_ASCII);
        try (IpRegistry r = IpRegistry.load(List.of(rir)).withGeoIp(GeoIpDatabases.open(COUNTRY))) {
            Attribution both = r.lookup("81.2.69.142");
            assertThat(both.registry()).isEqualTo("RIPE NCC");
            assertThat(both.country()).isEqualTo("GB");
            assertThat(both.source()).isEqualTo("geoip");
            assertThat(both.status()).isEqualTo("allocated");
            assertThat(both.date()).isEqualTo("20100910");
            Attribution rirOnly = r.lookup("81.2.69.1"); // not in the GeoIP test DB
            assertThat(rirOnly.country()).isEqualTo("EU");
            assertThat(rirOnly.countryKey()).isEqualTo("RIPE NCC");
            assertThat(rirOnly.source()).isEqualTo("rir");
            assertThat(r.lookup("81.2.70.9").country()).isEqualTo("DE");
            // the RIR-only registry the GeoIP one was made from is unchanged
        }
        IpRegistry plain = IpRegistry.load(List.of(rir));
        assertThat(plain.lookup("81.2.69.142").country()).isEqualTo("EU");
        assertThat(plain.geoIp()).isEmpty();
    }

    @Test
    void aFileThatIsNotAMaxMindDbIsAnErrorNamingIt() throws IOException {
        Path text = dir.resolve("not-a-db.mmdb");
        Files.writeString(text, "2|apnic|20140701|0|19850701|20140630|+1000\n");
        assertThatThrownBy(() -> GeoIpDatabases.open(text)).isInstanceOf(RegistryException.class)
                .hasMessageStartingWith(text + ": ").hasMessageContaining("MaxMind DB");
        assertThatThrownBy(() -> GeoIpDatabases.inspect(text)).isInstanceOf(RegistryException.class)
                .hasMessageStartingWith(text + ": ");

        Path empty = Files.createFile(dir.resolve("empty.mmdb"));
        assertThatThrownBy(() -> GeoIpDatabases.open(empty)).isInstanceOf(RegistryException.class)
                .hasMessageStartingWith(empty.toString());

        Path missing = dir.resolve("missing.mmdb");
        assertThatThrownBy(() -> GeoIpDatabases.open(missing)).isInstanceOf(RegistryException.class)
                .hasMessageContaining("no such file");

        assertThatThrownBy(() -> GeoIpDatabases.open(COUNTRY, LITE_COUNTRY)).isInstanceOf(RegistryException.class)
                .hasMessageContaining("second Country database");
    }

    @Test
    void inspectReadsEveryRecordAndCatchesADamagedTree() throws IOException {
        GeoIpDatabases.Info info = GeoIpDatabases.inspect(COUNTRY);
        assertThat(info.networks()).isGreaterThan(100);
        assertThat(info.kind()).isEqualTo(GeoIpDatabases.Kind.COUNTRY);
        assertThat(info.buildDate()).isNotNull();
        assertThat(GeoIpDatabases.inspect(ASN).kind()).isEqualTo(GeoIpDatabases.Kind.ASN);

        // metadata intact (it is at the end of the file), search tree overwritten
        byte[] bytes = Files.readAllBytes(COUNTRY);
        Arrays.fill(bytes, 200, 6000, (byte) 0xEE);
        Path damaged = dir.resolve("damaged.mmdb");
        Files.write(damaged, bytes);
        assertThatThrownBy(() -> GeoIpDatabases.inspect(damaged)).isInstanceOf(RegistryException.class)
                .hasMessageStartingWith(damaged + ": ").hasMessageContaining("damaged");

        // cut short: the metadata marker is gone
        Path truncated = dir.resolve("truncated.mmdb");
        Files.write(truncated, Arrays.copyOf(Files.readAllBytes(COUNTRY), 5000));
        assertThatThrownBy(() -> GeoIpDatabases.inspect(truncated)).isInstanceOf(RegistryException.class)
                .hasMessageStartingWith(truncated.toString());
    }
}
