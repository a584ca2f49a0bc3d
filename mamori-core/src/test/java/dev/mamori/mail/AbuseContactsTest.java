package dev.mamori.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.mail.AbuseContacts.Contact;
import dev.mamori.mail.AbuseContacts.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AbuseContactsTest {

    @TempDir
    Path dir;

    private static final String TABLE = """
            network,contact,name
            # the provider's whole block, and a customer inside it with its own desk
            198.51.100.0/22,abuse@provider.example,Provider
            198.51.100.64/26,security@customer.example,Customer
            198.51.100.77,noc@host.example,"One host, quoted"
            AS64500,abuse@as-owner.example,AS owner
            .dyn.example.net,abuse@dyn.example.net,Dynamic pool
            example.net,hostmaster@example.net,
            2001:db8::/32,abuse@v6.example,IPv6 provider
            2001:db8:1234::/48,abuse@v6-customer.example,IPv6 customer
            """;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private AbuseContacts table() throws IOException {
        return AbuseContacts.load(write("contacts.csv", TABLE), null);
    }

    @Test
    void longestPrefixWinsThenAsThenDomain() throws IOException {
        AbuseContacts c = table();
        // /32 over /26 over /22, and a CIDR over an AS and a domain that also match
        assertThat(c.find("198.51.100.77", "host.dyn.example.net", 64500)).get()
                .isEqualTo(new Contact("noc@host.example", "One host, quoted", Source.TABLE, "198.51.100.77"));
        assertThat(c.find("198.51.100.70", "host.dyn.example.net", 64500).map(Contact::address)).contains("security@customer.example");
        assertThat(c.find("198.51.100.200", null, 0).map(Contact::address)).contains("abuse@provider.example");
        assertThat(c.find("198.51.103.255", null, 0).map(Contact::matched)).contains("198.51.100.0/22");
        // outside every block: the AS, over the domain
        assertThat(c.find("203.0.113.5", "host.dyn.example.net", 64500).map(Contact::address)).contains("abuse@as-owner.example");
        // no AS: the longest domain suffix
        assertThat(c.find("203.0.113.5", "Host.DYN.example.net.", 0)).get()
                .isEqualTo(new Contact("abuse@dyn.example.net", "Dynamic pool", Source.TABLE, ".dyn.example.net"));
        assertThat(c.find("203.0.113.5", "mail.example.net", 0).map(Contact::address)).contains("hostmaster@example.net");
        assertThat(c.find("203.0.113.5", "example.net", 0).map(Contact::address)).contains("hostmaster@example.net");
        // "example.net" is not a suffix of "badexample.net"
        assertThat(c.find("203.0.113.5", "mx.badexample.net", 0).map(Contact::source)).contains(Source.FALLBACK);
    }

    @Test
    void ipv6BlocksAndMappedAddresses() throws IOException {
        AbuseContacts c = table();
        assertThat(c.find("2001:db8:1234:5::25", null, 0).map(Contact::address)).contains("abuse@v6-customer.example");
        assertThat(c.find("[IPv6:2001:DB8:ffff::1]", null, 0).map(Contact::address)).contains("abuse@v6.example");
        assertThat(c.find("2001:db9::1", null, 0)).isEmpty();
        // an IPv4-mapped IPv6 address is the IPv4 address
        assertThat(c.find("::ffff:198.51.100.77", null, 0).map(Contact::address)).contains("noc@host.example");
        assertThatThrownBy(() -> c.find("198.51.100.300", null, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** An ARIN-style response: the abuse entity nested in the registrant; and a RIPE-style one with cidr0. */
    @Test
    void rdapAbuseEntities() throws IOException {
        Path rdap = Files.createDirectories(dir.resolve("rdap"));
        Files.writeString(rdap.resolve("net-192.0.2.0.json"), """
                {
                  "rdapConformance": ["rdap_level_0", "cidr0"],
                  "objectClassName": "ip network",
                  "handle": "NET-192-0-2-0-1",
                  "startAddress": "192.0.2.0",
                  "endAddress": "192.0.2.255",
                  "ipVersion": "v4",
                  "name": "EXAMPLE-NET",
                  "type": "ASSIGNMENT",
                  "entities": [
                    {
                      "objectClassName": "entity",
                      "handle": "EXAMPLE-ORG",
                      "roles": ["registrant"],
                      "vcardArray": ["vcard", [["version", {}, "text", "4.0"], ["fn", {}, "text", "Example Org"]]],
                      "entities": [
                        {
                          "objectClassName": "entity",
                          "handle": "ABUSE-EX",
                          "roles": ["abuse"],
                          "vcardArray": ["vcard", [
                            ["version", {}, "text", "4.0"],
                            ["fn", {}, "text", "Example Abuse Desk"],
                            ["email", {"type": "work"}, "text", "abuse@example-isp.example"]
                          ]]
                        }
                      ]
                    }
                  ]
                }
                """);
        Files.writeString(rdap.resolve("net-192.0.0.0.json"), """
                {
                  "objectClassName": "ip network",
                  "handle": "192.0.0.0 - 192.0.63.255",
                  "startAddress": "192.0.0.0",
                  "endAddress": "192.0.63.255",
                  "cidr0_cidrs": [{"v4prefix": "192.0.0.0", "length": 18}],
                  "name": "BIG-BLOCK",
                  "entities": [
                    {"objectClassName": "entity", "roles": ["abuse"],
                     "vcardArray": ["vcard", [["version", {}, "text", "4.0"], ["fn", {}, "text", "Abuse contact"],
                                              ["email", {}, "text", "abuse@big-block.example"]]]}
                  ]
                }
                """);
        Files.writeString(rdap.resolve("customer-without-abuse.json"), """
                {"objectClassName": "ip network", "startAddress": "192.0.2.128", "endAddress": "192.0.2.135",
                 "name": "CUSTOMER", "entities": [{"roles": ["registrant"], "vcardArray": ["vcard", [["fn", {}, "text", "C"]]]}]}
                """);
        Files.writeString(rdap.resolve("as64501.json"), """
                {"objectClassName": "autnum", "startAutnum": 64501, "endAutnum": 64501, "name": "AS-EXAMPLE",
                 "entities": [{"roles": ["abuse"], "vcardArray": ["vcard", [["email", {}, "text", "abuse@as64501.example"]]]}]}
                """);
        AbuseContacts c = AbuseContacts.load(null, rdap);

        Optional<Contact> inner = c.find("192.0.2.130", "host.example-isp.example", 0);
        assertThat(inner).get().isEqualTo(new Contact("abuse@example-isp.example", "Example Abuse Desk", Source.RDAP,
                "192.0.2.0 - 192.0.2.255 (net-192.0.2.0.json)"));
        assertThat(c.find("192.0.9.1", null, 0)).get()
                .isEqualTo(new Contact("abuse@big-block.example", "Abuse contact", Source.RDAP, "192.0.0.0/18 (net-192.0.0.0.json)"));
        assertThat(c.find("203.0.113.1", null, 64501).map(Contact::address)).contains("abuse@as64501.example");
        assertThat(c.find("203.0.113.1", null, 0)).isEmpty();

        // the table still wins over RDAP
        AbuseContacts both = AbuseContacts.load(write("t.csv", "network,contact,name\n192.0.2.0/25,me@ours.example,us\n"), rdap);
        assertThat(both.find("192.0.2.1", null, 0).map(Contact::source)).contains(Source.TABLE);
        assertThat(both.find("192.0.2.200", null, 0).map(Contact::source)).contains(Source.RDAP);
    }

    @Test
    void brokenRdapFileIsNamed() throws IOException {
        Path rdap = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(rdap.resolve("broken.json"), "{\n  \"objectClassName\": \"ip network\",\n  \"startAddress\": \n}\n");
        assertThatThrownBy(() -> AbuseContacts.load(null, rdap)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken.json:4");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "mail.example.co.jp,         example.co.jp",
        "p1234-ipngn.tokyo.ocn.ne.jp, ocn.ne.jp",
        "smtp.city.example.tokyo.jp, example.tokyo.jp",
        "host-1.example.jp,          example.jp",
        "mx1.mail.example.com.cn,    example.com.cn",
        "a.b.c.example.co.uk,        example.co.uk",
        "dsl-189.example.com.br,     example.com.br",
        "198-51-100-7.dyn.example.net, example.net",
        "EXAMPLE.NET.,               example.net",
        "co.jp,                      -",
        "localhost,                  -",
        "mail.local,                 -",
        "7.100.51.198.in-addr.arpa,  -",
        "198.51.100.7,               -",
        "unknown,                    -",
        "bad_host!.example.com,      -",
    })
    void registeredDomains(String host, String expected) {
        assertThat(AbuseContacts.registeredDomain(host)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void fallbackIsAbuseAtTheRegisteredDomainAndMarked() {
        AbuseContacts c = AbuseContacts.fallbackOnly();
        assertThat(c.find("203.0.113.9", "p1234-ipngn.tokyo.ocn.ne.jp", 0)).get()
                .isEqualTo(new Contact("abuse@ocn.ne.jp", "ocn.ne.jp", Source.FALLBACK, "p1234-ipngn.tokyo.ocn.ne.jp"));
        assertThat(c.find("203.0.113.9", "mail.example.co.jp", 64500).map(Contact::address)).contains("abuse@example.co.jp");
    }

    @Test
    void noRdnsAndNoMatchIsNoContact() throws IOException {
        AbuseContacts c = table();
        assertThat(c.find("203.0.113.9", null, 0)).isEmpty();
        assertThat(c.find("203.0.113.9", "", 0)).isEmpty();
        assertThat(c.find("203.0.113.9", "unknown", 0)).isEmpty();
        assertThat(c.find("203.0.113.9", "[203.0.113.9]", 0)).isEmpty();
        assertThat(AbuseContacts.fallbackOnly().find(null, null, 0)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "198.51.100.1/24,abuse@x.example,X                     | :3: | host bits",
        "198.51.100.0/33,abuse@x.example,X                     | :3: | prefix length",
        "AS99999999999,abuse@x.example,X                       | :3: | AS",
        "192.0.2.0/24,not an address,X                         | :3: | not an e-mail address",
        "192.0.2.0/24                                          | :3: | expected 3 fields",
        "!!,abuse@x.example,X                                  | :3: | neither a CIDR",
        "192.0.2.0/24,abuse@y.example,dup                      | :3: | already listed at line 2",
    })
    void badRowNamesFileAndLine(String row, String line, String message) throws IOException {
        Path p = write("bad.csv", "network,contact,name\n192.0.2.0/24,abuse@x.example,X\n" + row.strip() + "\n");
        assertThatThrownBy(() -> AbuseContacts.load(p, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.csv" + line).hasMessageContaining(message);
    }

    @Test
    void badHeaderAndEncoding() throws IOException {
        Path header = write("h.csv", "cidr,mail\n192.0.2.0/24,abuse@x.example\n");
        assertThatThrownBy(() -> AbuseContacts.load(header, null)).hasMessageContaining("h.csv:1").hasMessageContaining("header");
        Path latin1 = dir.resolve("l.csv");
        Files.write(latin1, "network,contact,name\n192.0.2.0/24,abuse@x.example,Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> AbuseContacts.load(latin1, null)).hasMessageContaining("l.csv:2").hasMessageContaining("UTF-8");
        // a BOM and CRLF line ends are fine
        Path bom = write("b.csv", "\uFEFFnetwork,contact,name\r\n192.0.2.0/24,abuse@x.example,\u65e5\u672c\r\n");
        assertThat(AbuseContacts.load(bom, null).find("192.0.2.1", null, 0).map(Contact::name)).contains("\u65e5\u672c");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "192.0.2.1,            4",
        "2001:db8::1,          16",
        "::,                   16",
        "::ffff:192.0.2.1,     4",     // an IPv4-mapped address is the IPv4 address
        "1:2:3:4:5:6:7:8,      16",
        "1:2:3:4:5:6:7::,      16",
        "192.0.2.256,          -",
        "192.0.2,              -",
        "1:2:3:4:5:6:7:8:9,    -",
        "1::2::3,              -",
        "fe80::1%eth0,         -",
        "12345::1,             -",
        "example.net,          -",
    })
    void ipLiterals(String ip, Integer length) {
        byte[] b = IpAddress.parse(ip);
        assertThat(b == null ? null : b.length).isEqualTo(length);
    }
}
