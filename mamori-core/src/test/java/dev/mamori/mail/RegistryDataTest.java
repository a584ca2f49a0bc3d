package dev.mamori.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Which RIRs a run has, their dates, and the warning when some or all are missing. */
class RegistryDataTest {

    static Path excerpts() throws URISyntaxException {
        return Path.of(RegistryDataTest.class.getResource("rir/delegated-apnic-extended-excerpt").toURI()).getParent();
    }

    static List<Path> files(String... skip) throws IOException, URISyntaxException {
        try (Stream<Path> s = Files.list(excerpts())) {
            return s.filter(p -> p.getFileName().toString().startsWith("delegated-"))
                    .filter(p -> Stream.of(skip).noneMatch(k -> p.getFileName().toString().contains(k))).sorted().toList();
        }
    }

    @Test
    void allFiveHaveDatesAndNoWarning() throws Exception {
        RegistryData d = RegistryData.of(IpRegistry.load(files()));
        assertThat(d.missing()).isEmpty();
        assertThat(d.warning()).isNull();
        assertThat(d.dates()).containsOnlyKeys("AFRINIC", "APNIC", "ARIN", "LACNIC", "RIPE NCC");
        assertThat(d.dates().get("ARIN")).isEqualTo("2019-09-08");
        assertThat(d.asOf()).matches("2019-09-0\\d(\\.\\.2019-09-\\d\\d)?");
        assertThat(d.asOfText().en()).startsWith("Registry data as of 2019-09-").contains("ARIN 2019-09-08");
        assertThat(d.asOfText().ja()).startsWith("登録データの時点: 2019-09-");
    }

    @Test
    void aMissingRirIsNamedWithTheFix() throws Exception {
        RegistryData d = RegistryData.of(IpRegistry.load(files("arin")));
        assertThat(d.missing()).containsExactly("ARIN");
        assertThat(d.warning().en()).contains("ARIN").contains("mamori spam registry update --download");
        assertThat(d.warning().ja()).contains("ARIN").contains("帰属不明").contains("mamori spam registry update --download");
    }

    @Test
    void noRegistryAtAll() {
        RegistryData d = RegistryData.of(IpRegistry.empty());
        assertThat(d.none()).isTrue();
        assertThat(d.missing()).hasSize(5);
        assertThat(d.asOf()).isNull();
        assertThat(d.warning().en()).startsWith("no registry data").contains("registry update --download").contains("--from DIR");
        assertThat(d.warning().ja()).startsWith("登録データ（RIR の delegated ファイル）がありません");
    }

    @Test
    void countryNamesAsTheTableShowsThem() {
        assertThat(Attribution.keyOf("CN")).contains("CN");
        assertThat(Attribution.keyOf("cn")).contains("CN");
        assertThat(Attribution.keyOf("ＣＮ")).contains("CN");
        assertThat(Attribution.keyOf("中国")).contains("CN");
        assertThat(Attribution.keyOf("China")).contains("CN");
        assertThat(Attribution.keyOf(Attribution.labelOf("KR", "ja"))).contains("KR");
        assertThat(Attribution.keyOf(Attribution.labelOf("KR", "en"))).contains("KR");
        assertThat(Attribution.keyOf("香港")).contains("HK");
        assertThat(Attribution.keyOf("国内")).contains("JP");
        assertThat(Attribution.keyOf("Japan (domestic)")).contains("JP");
        assertThat(Attribution.keyOf("帰属不明")).contains(Attribution.UNATTRIBUTED);
        assertThat(Attribution.keyOf("unattributed")).contains(Attribution.UNATTRIBUTED);
        assertThat(Attribution.keyOf("ripe ncc")).contains(Attribution.RIPE_NCC);
        assertThat(Attribution.keyOf("RIPENCC")).contains(Attribution.RIPE_NCC);
        assertThat(Attribution.keyOf("EU")).contains(Attribution.RIPE_NCC);
        assertThat(Attribution.keyOf("Narnia")).isEmpty();
        assertThat(Attribution.keyOf("XX")).isEmpty();
    }

    @Test
    void traceReasonsInBothLanguages() {
        Trace t = new Trace(null, null, 3, 0, List.of(), Trace.ALL_TRUSTED);
        assertThat(t.reasonText().en()).isEqualTo(Trace.ALL_TRUSTED);
        assertThat(t.reasonText().ja()).isEqualTo("すべての中継が自組織のもの（内部から送信）");
    }

    /** A broken registry file is named in the run's language, one language per line. */
    @Test
    void registryProblemsInJapanese() throws Exception {
        Path bad = Files.createTempFile("delegated-apnic-", "");
        try {
            Files.writeString(bad, "2|apnic|20190906|1|20190101|20190906|+1000\napnic|JP|ipv4|not-an-ip|256|20000101|allocated|x\n");
            RegistryException e = org.assertj.core.api.Assertions.catchThrowableOfType(() -> IpRegistry.load(List.of(bad)),
                    RegistryException.class);
            assertThat(e.message("en")).endsWith(":2: the start \"not-an-ip\" is not an IPv4 address");
            assertThat(e.message("ja")).endsWith(":2: 開始 \"not-an-ip\" が IPv4 アドレスではありません");
            assertThat(RegistryException.japanese("the AS number count \"x\" is not a positive number")).isEqualTo("AS 番号の数 \"x\" が正の数ではありません");
            assertThat(RegistryException.japanese("a record needs at least 7 fields (registry|cc|type|start|value|date|status), this line has 3: \"a|b|c\""))
                    .isEqualTo("レコードには 7 つ以上の欄（registry|cc|type|start|value|date|status）が必要ですが、この行は 3 個です: \"a|b|c\"");
        } finally {
            Files.deleteIfExists(bad);
        }
    }
}
