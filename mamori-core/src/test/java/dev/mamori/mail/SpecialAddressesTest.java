package dev.mamori.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** special-purpose.tsv: every block's first and last address, and the addresses just outside it, written out by hand. */
class SpecialAddressesTest {

    /** address, then the block that answers for it ("-": none). Nested blocks: the most specific one answers. */
    private static final String PROBES = """
            0.0.0.0            0.0.0.0/32
            0.0.0.1            0.0.0.0/8
            0.255.255.255      0.0.0.0/8
            1.0.0.0            -
            9.255.255.255      -
            10.0.0.0           10.0.0.0/8
            10.255.255.255     10.0.0.0/8
            11.0.0.0           -
            100.63.255.255     -
            100.64.0.0         100.64.0.0/10
            100.127.255.255    100.64.0.0/10
            100.128.0.0        -
            126.255.255.255    -
            127.0.0.0          127.0.0.0/8
            127.255.255.255    127.0.0.0/8
            128.0.0.0          -
            169.253.255.255    -
            169.254.0.0        169.254.0.0/16
            169.254.255.255    169.254.0.0/16
            169.255.0.0        -
            172.15.255.255     -
            172.16.0.0         172.16.0.0/12
            172.31.255.255     172.16.0.0/12
            172.32.0.0         -
            191.255.255.255    -
            192.0.0.0          192.0.0.0/29
            192.0.0.7          192.0.0.0/29
            192.0.0.8          192.0.0.8/32
            192.0.0.9          192.0.0.9/32
            192.0.0.10         192.0.0.10/32
            192.0.0.11         192.0.0.0/24
            192.0.0.169        192.0.0.0/24
            192.0.0.170        192.0.0.170/32
            192.0.0.171        192.0.0.171/32
            192.0.0.172        192.0.0.0/24
            192.0.0.255        192.0.0.0/24
            192.0.1.0          -
            192.0.2.0          192.0.2.0/24
            192.0.2.255        192.0.2.0/24
            192.0.3.0          -
            192.31.195.255     -
            192.31.196.0       192.31.196.0/24
            192.31.196.255     192.31.196.0/24
            192.31.197.0       -
            192.52.192.255     -
            192.52.193.0       192.52.193.0/24
            192.52.193.255     192.52.193.0/24
            192.52.194.0       -
            192.88.98.255      -
            192.88.99.0        192.88.99.0/24
            192.88.99.1        192.88.99.0/24
            192.88.99.2        192.88.99.2/32
            192.88.99.3        192.88.99.0/24
            192.88.99.255      192.88.99.0/24
            192.88.100.0       -
            192.167.255.255    -
            192.168.0.0        192.168.0.0/16
            192.168.255.255    192.168.0.0/16
            192.169.0.0        -
            192.175.47.255     -
            192.175.48.0       192.175.48.0/24
            192.175.48.255     192.175.48.0/24
            192.175.49.0       -
            198.17.255.255     -
            198.18.0.0         198.18.0.0/15
            198.19.255.255     198.18.0.0/15
            198.20.0.0         -
            198.51.99.255      -
            198.51.100.0       198.51.100.0/24
            198.51.100.255     198.51.100.0/24
            198.51.101.0       -
            203.0.112.255      -
            203.0.113.0        203.0.113.0/24
            203.0.113.255      203.0.113.0/24
            203.0.114.0        -
            223.255.255.255    -
            224.0.0.0          224.0.0.0/4
            239.255.255.255    224.0.0.0/4
            240.0.0.0          240.0.0.0/4
            255.255.255.254    240.0.0.0/4
            255.255.255.255    255.255.255.255/32
            ::                 ::/128
            ::1                ::1/128
            ::2                -
            ::fffe:ffff:ffff   -
            64:ff9a:ffff:ffff:ffff:ffff:ffff:ffff   -
            64:ff9b::          64:ff9b::/96
            64:ff9b::ffff:ffff 64:ff9b::/96
            64:ff9b::1:0:0     -
            64:ff9b:0:ffff:ffff:ffff:ffff:ffff      -
            64:ff9b:1::        64:ff9b:1::/48
            64:ff9b:1:ffff:ffff:ffff:ffff:ffff      64:ff9b:1::/48
            64:ff9b:2::        -
            ff:ffff:ffff:ffff:ffff:ffff:ffff:ffff   -
            100::              100::/64
            100::ffff:ffff:ffff:ffff                100::/64
            100:0:0:1::        -
            2000:ffff:ffff:ffff:ffff:ffff:ffff:ffff -
            2001::             2001::/32
            2001:0:ffff:ffff:ffff:ffff:ffff:ffff    2001::/32
            2001:1::           2001::/23
            2001:1::1          2001:1::1/128
            2001:1::2          2001:1::2/128
            2001:1::3          2001:1::3/128
            2001:1::4          2001::/23
            2001:2::           2001:2::/48
            2001:2:0:ffff:ffff:ffff:ffff:ffff      2001:2::/48
            2001:2:1::         2001::/23
            2001:3::           2001:3::/32
            2001:3:ffff:ffff:ffff:ffff:ffff:ffff    2001:3::/32
            2001:4:111:ffff:ffff:ffff:ffff:ffff    2001::/23
            2001:4:112::       2001:4:112::/48
            2001:4:112:ffff:ffff:ffff:ffff:ffff    2001:4:112::/48
            2001:4:113::       2001::/23
            2001:10::          2001:10::/28
            2001:1f:ffff:ffff:ffff:ffff:ffff:ffff  2001:10::/28
            2001:20::          2001:20::/28
            2001:2f:ffff:ffff:ffff:ffff:ffff:ffff  2001:20::/28
            2001:30::          2001:30::/28
            2001:3f:ffff:ffff:ffff:ffff:ffff:ffff  2001:30::/28
            2001:40::          2001::/23
            2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff 2001::/23
            2001:200::         -
            2001:db7:ffff:ffff:ffff:ffff:ffff:ffff -
            2001:db8::         2001:db8::/32
            2001:db8:ffff:ffff:ffff:ffff:ffff:ffff 2001:db8::/32
            2001:db9::         -
            2001:ffff:ffff:ffff:ffff:ffff:ffff:ffff -
            2002::             2002::/16
            2002:ffff:ffff:ffff:ffff:ffff:ffff:ffff 2002::/16
            2003::             -
            2620:4f:7fff:ffff:ffff:ffff:ffff:ffff   -
            2620:4f:8000::     2620:4f:8000::/48
            2620:4f:8000:ffff:ffff:ffff:ffff:ffff   2620:4f:8000::/48
            2620:4f:8001::     -
            3ffe:ffff:ffff:ffff:ffff:ffff:ffff:ffff -
            3fff::             3fff::/20
            3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff  3fff::/20
            3fff:1000::        -
            5eff:ffff:ffff:ffff:ffff:ffff:ffff:ffff -
            5f00::             5f00::/16
            5f00:ffff:ffff:ffff:ffff:ffff:ffff:ffff 5f00::/16
            5f01::             -
            fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff -
            fc00::             fc00::/7
            fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff fc00::/7
            fe00::             -
            fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff -
            fe80::             fe80::/10
            febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff fe80::/10
            fec0::             -
            feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff -
            ff00::             ff00::/8
            ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff ff00::/8
            """;

    @Test
    void everyBlocksBoundariesAnswerForThemselvesAndNoFurther() {
        Set<String> answered = new HashSet<>();
        for (String line : PROBES.strip().split("\n")) {
            String[] f = line.strip().split("\\s+");
            String got = SpecialAddresses.of(f[0]).map(b -> b.network().toString()).orElse("-");
            assertThat(got).as(f[0]).isEqualTo(f[1]);
            answered.add(got);
        }
        // every block of the file is somebody's answer (the IPv4-mapped block is checked as bytes below)
        List<String> blocks = SpecialAddresses.blocks().stream().map(b -> b.network().toString())
                .filter(b -> !b.equals("::ffff:0.0.0.0/96")).toList();
        assertThat(answered).containsAll(blocks);
    }

    @Test
    void anIpv4MappedAddressIsItsIpv4AddressAsTextAndTheMappedBlockAsBytes() {
        assertThat(SpecialAddresses.of("::ffff:10.1.2.3").orElseThrow().name()).isEqualTo("Private-Use");
        assertThat(SpecialAddresses.of("::ffff:8.8.8.8")).isEmpty();
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        assertThat(SpecialAddresses.of(mapped).orElseThrow().name()).isEqualTo("IPv4-mapped Address");
        mapped[15] = (byte) 0xff; // ::ffff:0.0.0.255, still inside
        assertThat(SpecialAddresses.of(mapped).orElseThrow().network().toString()).isEqualTo("::ffff:0.0.0.0/96");
        mapped[9] = 1; // ::1:ffff:0:ff, outside
        assertThat(SpecialAddresses.of(mapped)).isEmpty();
    }

    @Test
    void theRegistrysFlagsAndOurColumn() {
        SpecialAddresses.Block ten = SpecialAddresses.of("10.0.0.1").orElseThrow();
        assertThat(ten.rfc()).isEqualTo("RFC 1918");
        assertThat(ten.registry()).isEqualTo("ipv4-special");
        assertThat(ten.source()).isTrue();
        assertThat(ten.forwardable()).isTrue();
        assertThat(ten.globallyReachable()).isFalse();
        assertThat(ten.reservedByProtocol()).isFalse();
        assertThat(ten.ours()).isEqualTo(SpecialAddresses.Ours.INFERRED);
        assertThat(SpecialAddresses.of("192.0.0.9").orElseThrow().globallyReachable()).isTrue();
        assertThat(SpecialAddresses.of("2002::1").orElseThrow().globallyReachable()).isNull(); // N/A
        assertThat(SpecialAddresses.of("192.88.99.7").orElseThrow().source()).isNull(); // deprecated: no flags
        assertThat(SpecialAddresses.of("127.0.0.1").orElseThrow().ours()).isEqualTo(SpecialAddresses.Ours.ALWAYS);
        assertThat(SpecialAddresses.of("::1").orElseThrow().ours()).isEqualTo(SpecialAddresses.Ours.ALWAYS);
        assertThat(SpecialAddresses.of("203.0.113.9").orElseThrow().ours()).isEqualTo(SpecialAddresses.Ours.NO);

        assertThat(SpecialAddresses.globallyReachable("8.8.8.8")).isTrue();
        assertThat(SpecialAddresses.globallyReachable("2002:c000:204::1")).isTrue(); // 6to4: N/A is not "no"
        assertThat(SpecialAddresses.globallyReachable("192.0.0.9")).isTrue();
        for (String no : List.of("10.0.0.1", "192.0.2.1", "198.51.100.7", "203.0.113.255", "2001:db8::1", "fe80::1", "fd12::1",
                "240.0.0.1", "255.255.255.255", "0.1.2.3", "not an address")) {
            assertThat(SpecialAddresses.globallyReachable(no)).as(no).isFalse();
        }
        assertThat(SpecialAddresses.isLoopback("127.3.4.5")).isTrue();
        assertThat(SpecialAddresses.isLoopback("128.0.0.1")).isFalse();
        assertThat(SpecialAddresses.networks(SpecialAddresses.Ours.ALWAYS)).extracting(Cidr::toString)
                .containsExactly("127.0.0.0/8", "::1/128");
        assertThat(SpecialAddresses.networks(SpecialAddresses.Ours.INFERRED)).extracting(Cidr::toString)
                .containsExactlyInAnyOrder("10.0.0.0/8", "100.64.0.0/10", "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16",
                        "fc00::/7", "fe80::/10");
    }

    @Test
    void aMalformedRowNamesItsLine() {
        assertThatThrownBy(() -> SpecialAddresses.parse(new BufferedReader(new StringReader(
                "# c\n10.0.0.1/8\tipv4-special\tx\tRFC 1\tTrue\tTrue\tTrue\tFalse\tFalse\tno\n"))))
                .hasMessageContaining("special-purpose.tsv:2").hasMessageContaining("host bits");
        assertThatThrownBy(() -> SpecialAddresses.parse(new BufferedReader(new StringReader(
                "10.0.0.0/8\tipv4-special\tx\tRFC 1\tYes\tTrue\tTrue\tFalse\tFalse\tno\n"))))
                .hasMessageContaining(":1").hasMessageContaining("Yes");
        assertThatThrownBy(() -> SpecialAddresses.parse(new BufferedReader(new StringReader("10.0.0.0/8\tonly two\n"))))
                .hasMessageContaining("10 tab-separated fields");
    }
}
