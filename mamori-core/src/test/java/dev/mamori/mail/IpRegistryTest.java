package dev.mamori.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IpRegistryTest {

    static final List<String> RIRS = List.of("afrinic", "apnic", "arin", "lacnic", "ripencc");

    @TempDir
    Path dir;

    static Path excerpt(String rir) {
        try {
            return Path.of(IpRegistryTest.class.getResource("rir/delegated-" + rir + "-extended-excerpt").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> excerpts() {
        return RIRS.stream().map(IpRegistryTest::excerpt).toList();
    }

    private Path write(String name, String... lines) {
        Path p = dir.resolve(name);
        try {
            Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    // ------------------------------------------------------------ the extended excerpts

    @Test
    void theExtendedExcerptsOfAllFiveRirsParseWithTheirHeaderPitfalls() {
        IpRegistry r = IpRegistry.load(excerpts());
        Map<String, IpRegistry.Source> by = r.sources().stream()
                .collect(Collectors.toMap(IpRegistry.Source::registry, s -> s));
        assertThat(by).containsOnlyKeys(RIRS);
        for (IpRegistry.Source s : r.sources()) {
            assertThat(s.records()).as(s.registry()).isEqualTo(300); // real rows, whatever the summaries say
            assertThat(s.extended()).isTrue();
        }
        // RIPE: serial is a Unix time; ARIN: Unix time in milliseconds, version 2.3
        assertThat(by.get("ripencc").serial()).isEqualTo("1567979999");
        assertThat(by.get("ripencc").version()).isEqualTo("2");
        assertThat(by.get("arin").serial()).isEqualTo("1567951216119");
        assertThat(by.get("arin").version()).isEqualTo("2.3");
        // AFRINIC: offset 00000 and start date 00000000; APNIC: empty start date
        assertThat(by.get("afrinic").utcOffset()).isEqualTo("00000");
        assertThat(by.get("afrinic").startDate()).isNull();
        assertThat(by.get("afrinic").endDate()).isEqualTo("20190909");
        assertThat(by.get("apnic").startDate()).isNull();
        assertThat(by.get("apnic").utcOffset()).isEqualTo("+1000");
        // LACNIC: 81 of its rows have 7 fields (available, no opaque-id) — read and skipped, like reserved
        IpRegistry.Source lacnic = by.get("lacnic");
        assertThat(lacnic.skipped()).isEqualTo(83);
        assertThat(lacnic.ipv4()).isEqualTo(98);
        assertThat(lacnic.ipv6()).isEqualTo(22);
        assertThat(lacnic.asn()).isEqualTo(97);
        // available/reserved rows (empty cc or ZZ) are not kept
        assertThat(by.get("afrinic").skipped()).isEqualTo(92);
        assertThat(by.get("ripencc").skipped()).isZero();
    }

    @Test
    void knownRecordsResolveFromTheirFirstMiddleAndLastAddressAndNotOnePast() {
        IpRegistry r = IpRegistry.load(excerpts());
        // arin|US|ipv4|3.0.0.0|8388608|20171220|allocated — 3.0.0.0 .. 3.127.255.255
        for (String ip : List.of("3.0.0.0", "3.64.0.0", "3.127.255.255")) {
            Attribution a = r.lookup(ip);
            assertThat(a.registry()).as(ip).isEqualTo("ARIN");
            assertThat(a.country()).isEqualTo("US");
            assertThat(a.date()).as(ip).isEqualTo("20171220");
            assertThat(a.status()).isEqualTo("allocated");
            assertThat(a.source()).isEqualTo("rir");
            assertThat(a.ip()).isEqualTo(ip);
        }
        assertThat(r.lookup("3.128.0.0").date()).isEqualTo("20180625"); // the next row, not this one
        // afrinic|KE|ipv4|41.76.184.0|2048|20100701 is the excerpt's last IPv4 row: 41.76.191.255 is its end
        assertThat(r.lookup("41.76.184.0").country()).isEqualTo("KE");
        assertThat(r.lookup("41.76.191.255").country()).isEqualTo("KE");
        assertThat(r.lookup("41.76.191.255").registry()).isEqualTo("AFRINIC");
        Attribution past = r.lookup("41.76.192.0");
        assertThat(past.attributed()).isFalse();
        assertThat(past.countryKey()).isEqualTo("unattributed");
        // apnic|AU|ipv4|1.0.0.0|256 assigned, then apnic|CN|ipv4|1.0.1.0
        assertThat(r.lookup("1.0.0.255").country()).isEqualTo("AU");
        assertThat(r.lookup("1.0.0.255").status()).isEqualTo("assigned");
        assertThat(r.lookup("1.0.1.0").country()).isEqualTo("CN");
        assertThat(r.lookup("1.0.16.1").label("ja")).isEqualTo("日本");
        // lacnic||ipv4|24.152.0.0|32768||reserved: not an allocation
        assertThat(r.lookup("24.152.0.1").attributed()).isFalse();
        assertThat(r.lookup("24.232.0.1").country()).isEqualTo("AR");
        assertThat(r.lookup("24.232.0.1").registry()).isEqualTo("LACNIC");
    }

    @Test
    void euIsCountedUnderRipeNccAndApUnderApnic() {
        IpRegistry r = IpRegistry.load(excerpts());
        Attribution eu = r.lookup("2.16.0.1"); // ripencc|EU|ipv4|2.16.0.0|524288
        assertThat(eu.country()).isEqualTo("EU");
        assertThat(eu.registry()).isEqualTo("RIPE NCC");
        assertThat(eu.countryKey()).isEqualTo("RIPE NCC");
        assertThat(eu.label("ja")).isEqualTo("RIPE NCC");
        assertThat(eu.label("en")).isEqualTo("RIPE NCC");
        assertThat(r.lookup("2.23.255.255").countryKey()).isEqualTo("RIPE NCC");
        assertThat(r.lookup("2.24.0.0").countryKey()).isNotEqualTo("RIPE NCC");
        Attribution eu6 = r.lookup("2001:600::42"); // ripencc|EU|ipv6|2001:600::|32
        assertThat(eu6.countryKey()).isEqualTo("RIPE NCC");

        Attribution ap = new Attribution("x", "APNIC", "AP", "rir", null, null, "allocated", null);
        assertThat(ap.countryKey()).isEqualTo("APNIC");
        assertThat(ap.label("ja")).isEqualTo("APNIC");
    }

    @Test
    void ipv6PrefixesResolve() {
        IpRegistry r = IpRegistry.load(excerpts());
        // apnic|JP|ipv6|2001:200::|35|19990813, then apnic|JP|ipv6|2001:200:2000::|35|20030423
        assertThat(r.lookup("2001:200::1").date()).isEqualTo("19990813");
        assertThat(r.lookup("2001:200::1").country()).isEqualTo("JP");
        assertThat(r.lookup("2001:0200:1fff:ffff:ffff:ffff:ffff:ffff").date()).isEqualTo("19990813");
        assertThat(r.lookup("2001:200:2000::").date()).isEqualTo("20030423");
        assertThat(r.lookup("[2001:200::1]").country()).isEqualTo("JP");
        assertThat(r.lookup("IPv6:2001:200::1").country()).isEqualTo("JP");
        // ripencc|DE|ipv6|2001:608::|32
        assertThat(r.lookup("2001:608:ffff::1").country()).isEqualTo("DE");
        assertThat(r.lookup("2001:608:ffff::1").registry()).isEqualTo("RIPE NCC");
        assertThat(r.lookup("2001:db8::1").attributed()).isFalse();
        // an IPv4-mapped address is looked up as IPv4
        assertThat(r.lookup("::ffff:3.0.0.1").registry()).isEqualTo("ARIN");
    }

    @Test
    void asnRowsDescribeAnAsn() {
        IpRegistry r = IpRegistry.load(excerpts());
        Attribution as7 = r.describeAsn(7); // ripencc|EU|asn|7|1|19930901|allocated
        assertThat(as7.registry()).isEqualTo("RIPE NCC");
        assertThat(as7.country()).isEqualTo("EU");
        assertThat(as7.asn()).isEqualTo(7L);
        assertThat(as7.date()).isEqualTo("19930901");
        assertThat(r.describeAsn(173).country()).isEqualTo("JP"); // apnic|JP|asn|173
        assertThat(r.describeAsn(3).date()).isNull(); // arin|US|asn|3|1|00000000
        assertThat(r.describeAsn(3).registry()).isEqualTo("ARIN");
        assertThat(r.describeAsn(4_200_000_000L).attributed()).isFalse();
    }

    // ------------------------------------------------------------ synthetic files

    @Test
    void aNonAlignedNonPowerOfTwoCountIsARangeOfThatManyAddresses() {
        Path f = write("delegated-test", "2|ripencc|1404165599|2|19830705|20140630|+0200",
                "ripencc|*|ipv4|*|2|summary",
                "ripencc|UA|ipv4|46.175.64.0|6144|20110208|assigned", // 46.175.64.0 .. 46.175.87.255
                "ripencc|CZ|ipv4|10.0.0.3|5|20110208|assigned"); // 10.0.0.3 .. 10.0.0.7, not aligned
        IpRegistry r = IpRegistry.load(List.of(f));
        assertThat(r.lookup("46.175.64.0").country()).isEqualTo("UA");
        assertThat(r.lookup("46.175.80.0").country()).isEqualTo("UA"); // beyond the /20 a prefix reading would give
        assertThat(r.lookup("46.175.87.255").country()).isEqualTo("UA");
        assertThat(r.lookup("46.175.88.0").attributed()).isFalse();
        assertThat(r.lookup("46.175.63.255").attributed()).isFalse();
        assertThat(r.lookup("10.0.0.2").attributed()).isFalse();
        assertThat(r.lookup("10.0.0.3").country()).isEqualTo("CZ");
        assertThat(r.lookup("10.0.0.7").country()).isEqualTo("CZ");
        assertThat(r.lookup("10.0.0.8").attributed()).isFalse();
    }

    @Test
    void overlappingRangesTheMostSpecificWinsWhateverTheOrder() {
        Path big = write("delegated-big", "2|apnic|20140701|1|19850701|20140630|+1000",
                "apnic|JP|ipv4|10.0.0.0|65536|20100101|allocated",
                "apnic|JP|ipv6|2001:db8::|32|20100101|allocated");
        Path small = write("delegated-small", "2.3|apnic|20190909|3||20190906|+1000",
                "apnic|KR|ipv4|10.0.1.0|256|20110101|assigned|A1",
                "apnic|CN|ipv4|10.0.1.128|10|20120101|assigned|A2", // inside KR's, not aligned
                "apnic|TW|ipv6|2001:db8:1::|48|20110101|assigned|A3");
        for (List<Path> order : List.of(List.of(big, small), List.of(small, big))) {
            IpRegistry r = IpRegistry.load(order);
            assertThat(r.lookup("10.0.0.5").country()).isEqualTo("JP");
            assertThat(r.lookup("10.0.1.0").country()).isEqualTo("KR");
            assertThat(r.lookup("10.0.1.127").country()).isEqualTo("KR");
            assertThat(r.lookup("10.0.1.128").country()).isEqualTo("CN");
            assertThat(r.lookup("10.0.1.137").country()).isEqualTo("CN");
            assertThat(r.lookup("10.0.1.138").country()).isEqualTo("KR");
            assertThat(r.lookup("10.0.1.255").country()).isEqualTo("KR");
            assertThat(r.lookup("10.0.2.0").country()).isEqualTo("JP");
            assertThat(r.lookup("10.0.255.255").country()).isEqualTo("JP");
            assertThat(r.lookup("10.1.0.0").attributed()).isFalse();
            assertThat(r.lookup("2001:db8::1").country()).isEqualTo("JP");
            assertThat(r.lookup("2001:db8:1:ffff::1").country()).isEqualTo("TW");
            assertThat(r.lookup("2001:db8:2::").country()).isEqualTo("JP");
            assertThat(r.lookup("2001:db9::").attributed()).isFalse();
        }
    }

    @Test
    void overlapResolutionAgreesWithBruteForceOnRandomRanges() {
        Random rnd = new Random(20140701);
        for (int round = 0; round < 20; round++) {
            int n = 1 + rnd.nextInt(40);
            long[] start = new long[n];
            long[] count = new long[n];
            List<String> lines = new ArrayList<>();
            lines.add("2|arin|20140701|" + n + "|19700101|20140701|-0400");
            for (int k = 0; k < n; k++) {
                start[k] = rnd.nextInt(900);
                count[k] = 1 + rnd.nextInt(rnd.nextBoolean() ? 20 : 300);
                lines.add("arin|US|ipv4|0.0." + (start[k] >> 8) + "." + (start[k] & 255) + "|" + count[k] + "|"
                        + (10_000_000 + k) + "|allocated");
            }
            IpRegistry r = IpRegistry.load(List.of(write("delegated-random-" + round, lines.toArray(String[]::new))));
            for (long x = 0; x < 1300; x++) {
                int best = -1;
                for (int k = 0; k < n; k++) {
                    if (start[k] <= x && x < start[k] + count[k] && (best < 0 || count[k] <= count[best])) {
                        best = k; // smallest; of equal sizes the later one
                    }
                }
                Attribution a = r.lookup("0.0." + (x >> 8) + "." + (x & 255));
                assertThat(a.date()).as("round %d address %d", round, x)
                        .isEqualTo(best < 0 ? null : Integer.toString(10_000_000 + best));
            }
        }
    }

    @Test
    void ipv6OverlapResolutionAgreesWithBruteForce() {
        Random rnd = new Random(7);
        int n = 60;
        int[] len = new int[n];
        long[] hi = new long[n];
        List<String> lines = new ArrayList<>();
        lines.add("2|ripencc|1|" + n + "|19830705|20140630|+0200");
        for (int k = 0; k < n; k++) {
            len[k] = 16 + rnd.nextInt(17); // /16 .. /32, all under 2001::/16
            long mask = -1L << (64 - len[k]);
            hi[k] = (0x2001_0000_0000_0000L | ((long) rnd.nextInt(8) << 45) | (rnd.nextLong() & 0x0000_1fff_ffff_ffffL)) & mask;
            lines.add("ripencc|DE|ipv6|" + hexHi(hi[k]) + "::|" + len[k] + "|" + (10_000_000 + k) + "|allocated");
        }
        IpRegistry r = IpRegistry.load(List.of(write("delegated-v6", lines.toArray(String[]::new))));
        for (int probe = 0; probe < 3000; probe++) {
            long x = probe < n ? hi[probe] + 5 : (0x2001_0000_0000_0000L | ((long) rnd.nextInt(8) << 45)
                    | (rnd.nextLong() & 0x0000_1fff_ffff_ffffL));
            int best = -1;
            for (int k = 0; k < n; k++) {
                long mask = -1L << (64 - len[k]);
                if ((x & mask) == hi[k] && (best < 0 || len[k] >= len[best])) {
                    best = k;
                }
            }
            assertThat(r.lookup(hexHi(x) + "::1").date()).as(hexHi(x))
                    .isEqualTo(best < 0 ? null : Integer.toString(10_000_000 + best));
        }
    }

    private static String hexHi(long hi) {
        return String.format("%x:%x:%x:%x", hi >>> 48, (hi >>> 32) & 0xffff, (hi >>> 16) & 0xffff, hi & 0xffff);
    }

    @Test
    void plainSevenFieldRowsAndCommentsAndBlankLinesAreAccepted() {
        Path f = write("delegated-plain", "# a comment", "", "2|lacnic|20140629|2|19870101|20140627|-0300",
                "lacnic|*|ipv4|*|1|summary", "lacnic|*|asn|*|1|summary",
                "# another", "lacnic|AR|ipv4|24.232.0.0|65536|19970602|allocated",
                "lacnic|BR|asn|1251|1|19991112|allocated", "   ");
        IpRegistry r = IpRegistry.load(List.of(f));
        assertThat(r.lookup("24.232.10.10").country()).isEqualTo("AR");
        assertThat(r.describeAsn(1251).country()).isEqualTo("BR");
        assertThat(r.sources().get(0).extended()).isFalse();
        assertThat(r.sources().get(0).records()).isEqualTo(2);
    }

    @Test
    void aBrokenLineIsAnErrorNamingTheFileTheLineAndTheProblem() {
        String header = "2|apnic|20140701|1|19850701|20140630|+1000";
        Map<String, String> cases = Map.ofEntries(
                Map.entry("apnic|JP|ipv4|1.0.16|4096|20110412|allocated", "not an IPv4 address"),
                Map.entry("apnic|JP|ipv4|1.0.16.0|0|20110412|allocated", "not a positive number"),
                Map.entry("apnic|JP|ipv4|1.0.16.0|/20|20110412|allocated", "not a positive number"),
                Map.entry("apnic|JP|ipv4|255.255.255.0|512|20110412|allocated", "runs past 255.255.255.255"),
                Map.entry("apnic|JP|ipv6|2001:200::|129|20110412|allocated", "prefix length"),
                Map.entry("apnic|JP|ipv6|2001:200:::|32|20110412|allocated", "not an IPv6 address"),
                Map.entry("apnic|JP|ipv5|1.0.16.0|4096|20110412|allocated", "unknown type"),
                Map.entry("apnic|JP|ipv4|1.0.16.0|4096|20110412|stolen", "unknown status"),
                Map.entry("apnic|JP|ipv4|1.0.16.0|4096|2011-04-12|allocated", "not YYYYMMDD"),
                Map.entry("apnic|J1|ipv4|1.0.16.0|4096|20110412|allocated", "two-letter"),
                Map.entry("apnik|JP|ipv4|1.0.16.0|4096|20110412|allocated", "unknown registry"),
                Map.entry("apnic|JP|asn|AS173|1|20020801|allocated", "not an AS number"),
                Map.entry("apnic|JP|ipv4|1.0.16.0|4096|20110412", "at least 7 fields"));
        int k = 0;
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path f = write("delegated-broken-" + k++, "# comment", header, "apnic|*|ipv4|*|1|summary",
                    "apnic|JP|ipv4|1.0.64.0|16384|20110412|allocated", c.getKey());
            assertThatThrownBy(() -> IpRegistry.load(List.of(f)))
                    .as(c.getKey())
                    .isInstanceOf(RegistryException.class)
                    .hasMessageStartingWith(f + ":5: ")
                    .hasMessageContaining(c.getValue())
                    .satisfies(e -> assertThat(((RegistryException) e).line()).isEqualTo(5));
        }
    }

    @Test
    void aFileWithoutTheHeaderIsNotAStatisticsFile() {
        Path records = write("delegated-noheader", "apnic|JP|ipv4|1.0.64.0|16384|20110412|allocated");
        assertThatThrownBy(() -> IpRegistry.load(List.of(records))).isInstanceOf(RegistryException.class)
                .hasMessageStartingWith(records + ":1: ").hasMessageContaining("header");
        Path empty = write("delegated-empty", "# nothing");
        assertThatThrownBy(() -> IpRegistry.load(List.of(empty))).isInstanceOf(RegistryException.class)
                .hasMessageContaining("no header");
        Path missing = dir.resolve("delegated-missing");
        assertThatThrownBy(() -> IpRegistry.load(List.of(missing))).isInstanceOf(RegistryException.class)
                .hasMessageStartingWith(missing.toString());
    }

    @Test
    void textThatIsNotAnAddressIsUnattributedNotAnError() {
        IpRegistry r = IpRegistry.load(excerpts());
        for (String bad : new String[] {"", " ", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.0.0.1", "3.0.0.0x", "-1.0.0.0",
            "hello", "::g", "1::2::3", "1:2:3:4:5:6:7:8:9", "2001:200::1:", ":2001:200::1", "12345::", "[]",
            "2001:200::1.2.3", "1.2.3.4::"}) {
            Attribution a = r.lookup(bad);
            assertThat(a.attributed()).as("'%s'", bad).isFalse();
            assertThat(a.ip()).isEqualTo(bad);
        }
        assertThat(r.lookup(null).attributed()).isFalse();
    }

    @Test
    void theIpv6ParserAgreesWithTheJdkOnRandomAddressesInEveryWriting() throws Exception {
        Random rnd = new Random(3);
        long[] out = new long[2];
        for (int i = 0; i < 5000; i++) {
            byte[] b = new byte[16];
            rnd.nextBytes(b);
            for (int z = rnd.nextInt(8); z > 0; z--) { // runs of zero groups, so that "::" happens
                int g = rnd.nextInt(8);
                b[2 * g] = 0;
                b[2 * g + 1] = 0;
            }
            int[] groups = new int[8];
            for (int g = 0; g < 8; g++) {
                groups[g] = ((b[2 * g] & 0xff) << 8) | (b[2 * g + 1] & 0xff);
            }
            String text = switch (i % 3) {
                case 0 -> full(groups);
                case 1 -> compressed(groups);
                default -> compressed(groups).toUpperCase();
            };
            assertThat(IpNumbers.parseV6(text, 0, text.length(), out)).as(text).isTrue();
            byte[] expected = InetAddress.getByAddress(b).getAddress();
            byte[] got = new byte[16];
            for (int k = 0; k < 8; k++) {
                got[k] = (byte) (out[0] >>> (56 - 8 * k));
                got[8 + k] = (byte) (out[1] >>> (56 - 8 * k));
            }
            if (expected.length == 4) { // the JDK turns ::ffff:a.b.c.d into an IPv4 address
                assertThat(out[0]).isZero();
                assertThat(out[1] >>> 32).isEqualTo(0xffffL);
            } else {
                assertThat(got).as(text).isEqualTo(expected);
            }
        }
        assertThat(IpNumbers.parseV6("::ffff:1.2.3.4", 0, 14, out)).isTrue();
        assertThat(out[1]).isEqualTo(0xffff_0102_0304L);
        assertThat(IpNumbers.parseV6("::", 0, 2, out)).isTrue();
        assertThat(out[0] | out[1]).isZero();
    }

    private static String full(int[] g) {
        return Stream.of(0, 1, 2, 3, 4, 5, 6, 7).map(k -> Integer.toHexString(g[k])).collect(Collectors.joining(":"));
    }

    private static String compressed(int[] g) {
        int bestAt = -1;
        int bestLen = 0;
        for (int k = 0; k < 8; k++) {
            int len = 0;
            while (k + len < 8 && g[k + len] == 0) {
                len++;
            }
            if (len > bestLen) {
                bestLen = len;
                bestAt = k;
            }
        }
        if (bestLen < 2) {
            return full(g);
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < bestAt; k++) {
            sb.append(k > 0 ? ":" : "").append(Integer.toHexString(g[k]));
        }
        sb.append("::");
        for (int k = bestAt + bestLen; k < 8; k++) {
            sb.append(k > bestAt + bestLen ? ":" : "").append(Integer.toHexString(g[k]));
        }
        return sb.toString();
    }

    // ------------------------------------------------------------ labels

    @Test
    void labelsAreJapaneseOrEnglishCountryNamesOrRegistriesOrUnattributed() {
        assertThat(Attribution.labelOf("JP", "ja")).isEqualTo("日本");
        assertThat(Attribution.labelOf("CN", "ja")).isEqualTo("中国");
        assertThat(Attribution.labelOf("KR", "ja")).isEqualTo("韓国");
        assertThat(Attribution.labelOf("TW", "ja")).isEqualTo("台湾");
        assertThat(Attribution.labelOf("US", "ja")).isEqualTo("アメリカ合衆国");
        assertThat(Attribution.labelOf("HK", "ja")).isEqualTo("香港"); // not 中華人民共和国香港特別行政区
        assertThat(Attribution.labelOf("HK", "en")).isEqualTo("Hong Kong");
        assertThat(Attribution.labelOf("KR", "en")).isEqualTo("South Korea");
        assertThat(Attribution.labelOf("US", "en")).isEqualTo("United States");
        assertThat(Attribution.labelOf("RIPE NCC", "ja")).isEqualTo("RIPE NCC");
        assertThat(Attribution.labelOf("unattributed", "ja")).isEqualTo("帰属不明");
        assertThat(Attribution.labelOf("unattributed", "en")).isEqualTo("unattributed");
        assertThat(Attribution.labelOf("QQ", "ja")).isEqualTo("QQ"); // no name: the code

        Attribution none = Attribution.unattributed("192.0.2.1");
        assertThat(none.attributed()).isFalse();
        assertThat(none.countryKey()).isEqualTo("unattributed");
        assertThat(none.label("ja")).isEqualTo("帰属不明");
        Attribution registryOnly = new Attribution("x", "LACNIC", null, "rir", null, null, "allocated", null);
        assertThat(registryOnly.countryKey()).isEqualTo("LACNIC");
        assertThat(registryOnly.label("en")).isEqualTo("LACNIC");
    }

    // ------------------------------------------------------------ excerpts of the four full 2014 files

    static Path excerpt2014(String rir) {
        try {
            return Path.of(IpRegistryTest.class.getResource("rir2014/delegated-" + rir + "-latest-20140701-excerpt").toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("rir2014/delegated-" + rir + "-latest-20140701-excerpt is missing from the test resources", e);
        }
    }

    /** The plain 2014 format, on excerpts shipped with the tests (rir2014/README.md); the speed is IpRegistrySpeed's. */
    @Test
    void thePlain2014FilesAttributeByCountryAndRegistryBlock() throws IOException {
        List<Path> files = List.of("afrinic", "apnic", "lacnic", "ripencc").stream().map(IpRegistryTest::excerpt2014).toList();
        IpRegistry r = IpRegistry.load(files);

        Map<String, IpRegistry.Source> by = r.sources().stream().collect(Collectors.toMap(IpRegistry.Source::registry, s -> s));
        Map<String, Integer> kept = Map.of("afrinic", 40, "apnic", 336, "lacnic", 157, "ripencc", 971);
        Map<String, Long> declared = Map.of("afrinic", 4_024L, "apnic", 33_307L, "lacnic", 15_783L, "ripencc", 85_681L);
        kept.forEach((rir, n) -> {
            IpRegistry.Source s = by.get(rir);
            assertThat(s.ipv4() + s.ipv6() + s.asn()).as(rir).isEqualTo(n);
            assertThat(s.records()).as(rir).isEqualTo(n);
            assertThat(s.declaredRecords()).as(rir + ": the header of the full file").isEqualTo(declared.get(rir));
        });
        assertThat(by.get("ripencc").serial()).isEqualTo("1404165599");

        // every EU row is counted under "RIPE NCC"
        int eu = 0;
        for (String line : Files.readAllLines(excerpt2014("ripencc"), StandardCharsets.ISO_8859_1)) {
            String[] f = line.split("\\|");
            if (f.length >= 7 && f[1].equals("EU") && (f[2].equals("ipv4") || f[2].equals("ipv6"))) {
                Attribution a = r.lookup(f[3]);
                assertThat(a.countryKey()).as(line).isEqualTo("RIPE NCC");
                assertThat(a.label("ja")).isEqualTo("RIPE NCC");
                eu++;
            }
        }
        assertThat(eu).as("the address rows among the 123 EU rows kept").isEqualTo(44);
        // apnic|JP|ipv4|1.0.16.0|4096 and an AP row
        assertThat(r.lookup("1.0.16.5").country()).isEqualTo("JP");
        assertThat(r.lookup("1.0.16.5").registry()).isEqualTo("APNIC");
        assertThat(r.lookup("1.0.16.5").label("ja")).isEqualTo("日本");
        assertThat(r.lookup("1.0.32.0").attributed()).isFalse(); // just past its 4,096 addresses
        assertThat(r.lookup("2401:4600::1").countryKey()).isEqualTo("APNIC");
        // ripencc|UA|ipv4|46.175.64.0|6144 (not a power of two), then ripencc|CZ|ipv4|46.175.88.0
        assertThat(r.lookup("46.175.87.255").country()).isEqualTo("UA");
        assertThat(r.lookup("46.175.88.0").country()).isEqualTo("CZ");
        // no ARIN file: US addresses stay unattributed
        assertThat(r.lookup("8.8.8.8").attributed()).isFalse();
    }
}
