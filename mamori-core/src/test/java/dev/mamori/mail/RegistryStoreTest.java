package dev.mamori.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryStoreTest {

    @TempDir
    Path tmp;

    private Path from(String name) throws IOException {
        return Files.createDirectories(tmp.resolve(name));
    }

    private static void copyExcerpts(Path to) throws IOException {
        for (String rir : IpRegistryTest.RIRS) {
            Files.copy(IpRegistryTest.excerpt(rir), to.resolve("delegated-" + rir + "-extended-latest"));
        }
    }

    private static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void anUpdateTakesInTheExcerptsAndDatabasesAndLookupsWork() throws Exception {
        Path in = from("download");
        copyExcerpts(in);
        Files.copy(GeoIpTest.COUNTRY, in.resolve("GeoIP2-Country-Test.mmdb"));
        Files.copy(GeoIpTest.ASN, in.resolve("GeoLite2-ASN-Test.mmdb"));
        Files.writeString(in.resolve("delegated-apnic-extended-latest.md5"), "0123 delegated-apnic-extended-latest\n");
        Files.write(in.resolve("delegated-arin-extended-latest.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0});
        Files.writeString(in.resolve("README.txt"), "not registry data\n");

        RegistryStore store = RegistryStore.at(tmp.resolve("store"));
        assertThat(store.isEmpty()).isTrue();
        assertThat(store.entries()).isEmpty();
        assertThat(store.open().lookup("2.16.0.1").attributed()).isFalse(); // empty store: nothing known

        RegistryStore.UpdateResult result = store.update(in);

        assertThat(result.installed()).hasSize(7);
        assertThat(result.kept()).isEmpty();
        assertThat(result.notes()).anySatisfy(n -> assertThat(n).startsWith("delegated-arin-extended-latest.gz")
                .contains("compressed"));
        assertThat(result.notes()).anySatisfy(n -> assertThat(n).startsWith("delegated-apnic-extended-latest.md5"));
        List<RegistryStore.Entry> entries = store.entries();
        assertThat(entries).isEqualTo(result.installed());
        assertThat(entries).extracting(RegistryStore.Entry::registry).containsExactly("AFRINIC", "APNIC", "ARIN",
                "LACNIC", "RIPE NCC", "GeoIP2-Country", "GeoLite2-ASN");
        assertThat(entries).extracting(RegistryStore.Entry::kind).containsExactly("rir", "rir", "rir", "rir", "rir",
                "geoip-country", "geoip-asn");
        Map<String, RegistryStore.Entry> byRegistry = entries.stream()
                .collect(Collectors.toMap(RegistryStore.Entry::registry, e -> e));
        RegistryStore.Entry ripe = byRegistry.get("RIPE NCC");
        assertThat(ripe.file()).isEqualTo("delegated-ripencc-extended-latest");
        assertThat(ripe.serial()).isEqualTo("1567979999");
        assertThat(ripe.date()).isEqualTo("2019-09-08");
        assertThat(ripe.records()).isEqualTo(300);
        assertThat(ripe.format()).isEqualTo("extended");
        assertThat(ripe.sha256()).isEqualTo(sha256(IpRegistryTest.excerpt("ripencc")));
        assertThat(ripe.bytes()).isEqualTo(Files.size(IpRegistryTest.excerpt("ripencc")));
        assertThat(byRegistry.get("ARIN").serial()).isEqualTo("1567951216119");
        assertThat(byRegistry.get("GeoLite2-ASN").records()).isGreaterThan(100);
        assertThat(byRegistry.get("GeoLite2-ASN").sha256()).isEqualTo(sha256(GeoIpTest.ASN));

        String index = Files.readString(store.dir().resolve(RegistryStore.INDEX));
        assertThat(index).contains("\"sha256\"", "\"delegated-apnic-extended-latest\"", "\"generation\"")
                .doesNotContain("\"slot\"");

        try (IpRegistry r = store.open()) {
            assertThat(r.sources()).hasSize(5);
            assertThat(r.lookup("2.16.0.1").countryKey()).isEqualTo("RIPE NCC");
            assertThat(r.lookup("3.0.0.1").registry()).isEqualTo("ARIN");
            Attribution gb = r.lookup("81.2.69.142");
            assertThat(gb.country()).isEqualTo("GB");
            assertThat(gb.source()).isEqualTo("geoip");
            assertThat(r.lookup("1.128.0.1").asOrg()).isEqualTo("Telstra Pty Ltd");
        }
        // a second store object on the same directory sees the same thing
        assertThat(RegistryStore.at(tmp.resolve("store")).entries()).isEqualTo(entries);
    }

    @Test
    void anUpdateWithOneBrokenFileLeavesThePreviousStoreUnchanged() throws Exception {
        Path first = from("first");
        copyExcerpts(first);
        Files.copy(GeoIpTest.LITE_COUNTRY, first.resolve("GeoLite2-Country-Test.mmdb"));
        RegistryStore store = RegistryStore.at(tmp.resolve("store"));
        store.update(first);
        byte[] index = Files.readAllBytes(store.dir().resolve(RegistryStore.INDEX));
        List<String> files = listing(store.dir());
        List<RegistryStore.Entry> entries = store.entries();

        Path second = from("second");
        Files.copy(IpRegistryTest.excerpt("apnic"), second.resolve("delegated-apnic-extended-latest"));
        Files.copy(GeoIpTest.ASN, second.resolve("GeoLite2-ASN-Test.mmdb"));
        List<String> ripe = Files.readAllLines(IpRegistryTest.excerpt("ripencc"), StandardCharsets.ISO_8859_1);
        ripe.set(149, "ripencc|DE|ipv4|2.56.999.0|1024|20190313|allocated|b1c76d2d"); // line 150
        Files.write(second.resolve("delegated-ripencc-extended-latest"), ripe, StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> store.update(second)).isInstanceOf(RegistryException.class)
                .hasMessageContaining("delegated-ripencc-extended-latest:150: ")
                .hasMessageContaining("not an IPv4 address");

        assertThat(Files.readAllBytes(store.dir().resolve(RegistryStore.INDEX))).isEqualTo(index);
        assertThat(listing(store.dir())).isEqualTo(files);
        assertThat(store.entries()).isEqualTo(entries);
        try (IpRegistry r = store.open()) {
            assertThat(r.lookup("2.16.0.1").countryKey()).isEqualTo("RIPE NCC");
            assertThat(r.lookup("1.128.0.1").asn()).isNull(); // the ASN database of the failed update is not in
        }

        // a damaged database fails the update in the same way
        Path third = from("third");
        Files.writeString(third.resolve("GeoLite2-City.mmdb"), "not a database\n");
        assertThatThrownBy(() -> store.update(third)).isInstanceOf(RegistryException.class)
                .hasMessageContaining("GeoLite2-City.mmdb");
        assertThat(Files.readAllBytes(store.dir().resolve(RegistryStore.INDEX))).isEqualTo(index);
        assertThat(listing(store.dir())).isEqualTo(files);
    }

    @Test
    void anUpdateReplacesTheSlotsItHasFilesForAndKeepsTheRest() throws Exception {
        Path first = from("first");
        copyExcerpts(first);
        Files.copy(GeoIpTest.COUNTRY, first.resolve("GeoIP2-Country-Test.mmdb"));
        RegistryStore store = RegistryStore.at(tmp.resolve("store"));
        store.update(first);
        String firstGeneration = generations(store).get(0);

        // a newer APNIC file under another name, and an ASN database
        Path second = from("second");
        List<String> apnic = Files.readAllLines(IpRegistryTest.excerpt("apnic"), StandardCharsets.ISO_8859_1);
        apnic.set(0, apnic.get(0).replace("20190909|300||20190906", "20190910|300||20190909"));
        apnic.replaceAll(l -> l.startsWith("apnic|JP|ipv4|1.0.16.0|") ? l.replace("|JP|", "|KR|") : l);
        Files.write(second.resolve("delegated-apnic-latest"), apnic, StandardCharsets.ISO_8859_1);
        Files.copy(GeoIpTest.ASN, second.resolve("asn.mmdb"));

        RegistryStore.UpdateResult result = store.update(second);

        assertThat(result.installed()).extracting(RegistryStore.Entry::file)
                .containsExactly("delegated-apnic-latest", "asn.mmdb");
        assertThat(result.kept()).extracting(RegistryStore.Entry::registry)
                .containsExactly("AFRINIC", "ARIN", "LACNIC", "RIPE NCC", "GeoIP2-Country");
        assertThat(store.entries()).hasSize(7);
        assertThat(store.entries()).filteredOn(e -> e.registry().equals("APNIC")).singleElement()
                .satisfies(e -> assertThat(e.date()).isEqualTo("2019-09-09"));
        List<String> gens = generations(store);
        assertThat(gens).hasSize(1).doesNotContain(firstGeneration); // the old generation is gone
        try (IpRegistry r = store.open()) {
            assertThat(r.lookup("1.0.16.1").country()).isEqualTo("KR"); // from the new APNIC file
            assertThat(r.lookup("3.0.0.1").registry()).isEqualTo("ARIN"); // kept
            assertThat(r.lookup("1.128.0.1").asn()).isEqualTo(1221L); // new
            assertThat(r.lookup("81.2.69.142").country()).isEqualTo("GB"); // kept
        }
    }

    @Test
    void twoFilesForOneRegistryTheNewerIsTakenAndTheOtherReported() throws Exception {
        Path in = from("both");
        Files.copy(IpRegistryTest.excerpt("apnic"), in.resolve("delegated-apnic-extended-latest"));
        Path older = in.resolve("delegated-apnic-latest");
        Files.writeString(older, "2|apnic|20140701|1|19850701|20140630|+1000\n"
                + "apnic|JP|ipv4|1.0.16.0|4096|20110412|allocated\n");
        RegistryStore store = RegistryStore.at(tmp.resolve("store"));

        RegistryStore.UpdateResult result = store.update(in);

        assertThat(result.installed()).extracting(RegistryStore.Entry::file)
                .containsExactly("delegated-apnic-extended-latest");
        assertThat(result.notes()).singleElement().satisfies(n -> assertThat(n)
                .startsWith("delegated-apnic-latest: passed over").contains("newer"));
        assertThat(listing(store.dir())).noneMatch(p -> p.endsWith("delegated-apnic-latest"));
    }

    @Test
    void aDirectoryWithoutRegistryFilesIsAnError() throws Exception {
        Path in = from("nothing");
        Files.writeString(in.resolve("notes.txt"), "hello\n");
        RegistryStore store = RegistryStore.at(tmp.resolve("store"));
        assertThatThrownBy(() -> store.update(in)).isInstanceOf(RegistryException.class)
                .hasMessageContaining("no delegated-*");
        assertThatThrownBy(() -> store.update(tmp.resolve("absent"))).isInstanceOf(RegistryException.class)
                .hasMessageContaining("not a directory");
        assertThat(store.isEmpty()).isTrue();
    }

    @Test
    void aTamperedIndexIsRefusedRatherThanFollowed() throws Exception {
        Path in = from("in");
        Files.copy(IpRegistryTest.excerpt("arin"), in.resolve("delegated-arin-extended-latest"));
        RegistryStore store = RegistryStore.at(tmp.resolve("store"));
        store.update(in);
        Path index = store.dir().resolve(RegistryStore.INDEX);
        Files.writeString(index, Files.readString(index).replace("\"delegated-arin-extended-latest\"",
                "\"../../etc/passwd\""));
        assertThatThrownBy(store::open).isInstanceOf(RegistryException.class).hasMessageContaining("damaged");
        Files.writeString(index, "{ not json");
        assertThatThrownBy(store::entries).isInstanceOf(RegistryException.class).hasMessageContaining(index.toString());
    }

    private static List<String> generations(RegistryStore store) throws IOException {
        try (Stream<Path> s = Files.list(store.dir())) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("g-")).toList();
        }
    }
}
