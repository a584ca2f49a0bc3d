package dev.mamori.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpAddressTest {

    @Test
    void literalsOnlyNeverAHostName() {
        assertThat(IpAddress.normalize("192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(IpAddress.normalize("IPv6:2001:DB8:0:0:0:0:0:1")).isEqualTo("2001:db8::1");
        assertThat(IpAddress.normalize("::1")).isEqualTo("::1");
        assertThat(IpAddress.normalize("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
        for (String bad : new String[] {"1.2.3", "256.1.1.1", "01.2.3.4", "1.2.3.4.5", "localhost", "example.com", "1.2.3.4 ", "", "fe80::1%eth0", ":::"}) {
            assertThat(IpAddress.parse(bad)).as(bad).isNull();
        }
    }

    @Test
    void cidrs() {
        Cidr c = Cidr.parse("193.120.211.0/26");
        assertThat(c.contains(IpAddress.parse("193.120.211.63"))).isTrue();
        assertThat(c.contains(IpAddress.parse("193.120.211.64"))).isFalse();
        assertThat(Cidr.parse("2001:db8::/32").contains(IpAddress.parse("2001:db8:ffff::1"))).isTrue();
        assertThat(Cidr.parse("2001:db8::/32").contains(IpAddress.parse("192.0.2.1"))).isFalse();
        assertThat(Cidr.parse("192.0.2.7").prefix()).isEqualTo(32);
        assertThat(Cidr.parse("192.0.2.0/33")).isNull();
        assertThat(Cidr.parse("10.9.8.7/8").toString()).isEqualTo("10.0.0.0/8");
    }

    @Test
    void trustEntriesThatLookLikeMistypedAddressesAreRefused() {
        for (String bad : new String[] {"212.17.35.256", "10.0.0.O", "192.0.2.10.5", "mx..example"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrustConfig.of(java.util.List.of(bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad);
        }
        TrustConfig ok = TrustConfig.of(java.util.List.of("192.0.2.0/24  # our MX", "mx1.example.jp", ".example.jp", "# a comment"));
        assertThat(ok.networks()).hasSize(1);
        assertThat(ok.hosts()).containsExactly("mx1.example.jp", ".example.jp");
    }
}
