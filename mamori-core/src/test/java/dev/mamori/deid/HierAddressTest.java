package dev.mamori.deid;

import static dev.mamori.deid.HierSimpleTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.risk.Dataset;
import dev.mamori.risk.Hierarchy;
import dev.mamori.risk.LatticeSearch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link JapaneseHierarchies#address}: 番地 → 丁目 → 町字 → 市区町村 → 都道府県 → 地方 → *. */
class HierAddressTest {

    private static List<String> row(String address) {
        Hierarchy h = JapaneseHierarchies.address("住所", List.of(address));
        return rows(h, List.of(address)).get(0);
    }

    @Test
    void readsTheUsualWritingsOfAnAddress() {
        assertThat(row("東京都千代田区霞が関一丁目2番2号")).containsExactly("東京都千代田区霞が関一丁目2番2号",
                "東京都千代田区霞が関1丁目2番", "東京都千代田区霞が関1丁目", "東京都千代田区霞が関", "東京都千代田区",
                "東京都", "関東", "*");
        assertThat(row("大阪府大阪市北区梅田1-1-1 梅田ビル3F")).containsExactly("大阪府大阪市北区梅田1-1-1 梅田ビル3F",
                "大阪府大阪市北区梅田1丁目1番", "大阪府大阪市北区梅田1丁目", "大阪府大阪市北区梅田", "大阪府大阪市北区",
                "大阪府", "近畿", "*");
        assertThat(row("北海道札幌市中央区大通西四丁目1番地")).containsExactly("北海道札幌市中央区大通西四丁目1番地",
                "北海道札幌市中央区大通西4丁目1番", "北海道札幌市中央区大通西4丁目", "北海道札幌市中央区大通西",
                "北海道札幌市中央区", "北海道", "北海道", "*");
        assertThat(row("神奈川県横浜市中区山下町1-1")).containsExactly("神奈川県横浜市中区山下町1-1",
                "神奈川県横浜市中区山下町1番", "神奈川県横浜市中区山下町", "神奈川県横浜市中区山下町", "神奈川県横浜市中区",
                "神奈川県", "関東", "*");
    }

    @Test
    void fullWidthDigitsAndDashesAreRead() {
        assertThat(row("東京都千代田区霞が関１－３－１")).containsExactly("東京都千代田区霞が関１－３－１",
                "東京都千代田区霞が関1丁目3番", "東京都千代田区霞が関1丁目", "東京都千代田区霞が関", "東京都千代田区",
                "東京都", "関東", "*");
        assertThat(row("東京都千代田区霞が関1ー3ー1").get(1)).isEqualTo("東京都千代田区霞が関1丁目3番");
    }

    @Test
    void aLeadingPostalCodeAndBuildingNamesAreSkipped() {
        List<String> expected = List.of("大阪府大阪市北区梅田1丁目1番", "大阪府大阪市北区梅田1丁目", "大阪府大阪市北区梅田");
        assertThat(row("〒530-0001 大阪府大阪市北区梅田1-1-1").subList(1, 4)).isEqualTo(expected);
        assertThat(row("大阪府大阪市北区梅田1-1-1 梅田ビル3丁目").subList(1, 4)).isEqualTo(expected);
        assertThat(row("大阪府大阪市北区梅田一丁目-1-1").subList(1, 4)).isEqualTo(expected);
        assertThat(row("大阪府大阪市北区梅田1丁目1番1号 梅田ビル").subList(1, 4)).isEqualTo(expected);
    }

    @Test
    void placeNamesWithNumeralsStayWhole() {
        assertThat(row("東京都新宿区四谷1-2").subList(1, 4)).containsExactly(
                "東京都新宿区四谷1番", "東京都新宿区四谷", "東京都新宿区四谷");
        assertThat(row("東京都千代田区一番町5").subList(1, 4)).containsExactly(
                "東京都千代田区一番町5番", "東京都千代田区一番町", "東京都千代田区一番町");
    }

    @Test
    void aMunicipalityWithoutPrefectureGetsItWhenTheLexiconHasItOnce() {
        assertThat(row("千代田区霞が関1丁目")).containsExactly("千代田区霞が関1丁目",
                "東京都千代田区霞が関1丁目", "東京都千代田区霞が関1丁目", "東京都千代田区霞が関", "東京都千代田区",
                "東京都", "関東", "*");
        // 府中市 is in 東京都 and in 広島県: not guessed
        assertThat(row("府中市宮西町2-24")).containsExactly("府中市宮西町2-24", "*", "*", "*", "*", "*", "*", "*");
    }

    @Test
    void aTownIsFoundWithOrWithoutItsGunAndWrittenWithIt() {
        List<String> expected = List.of("北海道石狩郡当別町白樺町58番", "北海道石狩郡当別町白樺町", "北海道石狩郡当別町白樺町",
                "北海道石狩郡当別町", "北海道", "北海道", "*");
        assertThat(row("北海道当別町白樺町58番地9").subList(1, 8)).isEqualTo(expected);
        assertThat(row("北海道石狩郡当別町白樺町58番地9").subList(1, 8)).isEqualTo(expected);
    }

    @Test
    void anUnknownMunicipalityKeepsItsPrefectureAndUnreadableValuesGoToStar() {
        assertThat(row("東京都ミマモリ市1-2-3")).containsExactly("東京都ミマモリ市1-2-3",
                "東京都", "東京都", "東京都", "東京都", "東京都", "関東", "*");
        assertThat(row("住所不明")).containsExactly("住所不明", "*", "*", "*", "*", "*", "*", "*");
        assertThat(row("")).containsExactly("", "*", "*", "*", "*", "*", "*", "*");
    }

    @Test
    void everyPrefectureHasARegion() {
        assertThat(row("沖縄県那覇市泉崎1-2-2").get(6)).isEqualTo("九州・沖縄");
        assertThat(row("三重県津市広明町13").get(6)).isEqualTo("近畿");
        assertThat(row("新潟県新潟市中央区新光町4-1").get(6)).isEqualTo("中部");
        assertThat(row("京都府京都市中京区寺町通御池上る上本能寺前町488").subList(4, 7))
                .containsExactly("京都府京都市中京区", "京都府", "近畿");
    }

    @Test
    void duplicatesGiveOneRowAndRowsAreSorted() {
        List<String> in = List.of("大阪府大阪市北区梅田1-1-1", "東京都千代田区霞が関1-3-1", "大阪府大阪市北区梅田1-1-1");
        Hierarchy h = JapaneseHierarchies.address("住所", in);
        assertThat(h.domainSize()).isEqualTo(2);
        assertThat(h.height()).isEqualTo(7);
        assertThat(h.generalize("大阪府大阪市北区梅田1-1-1", 4)).isEqualTo("大阪府大阪市北区");
    }

    @Test
    void everyLexiconEntryIsFoundWithItsPrefectureAndRegion() throws IOException {
        List<String> in = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/dev/mamori/detect/municipalities.tsv"), StandardCharsets.UTF_8))) {
            r.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> in.add(l.replace("\t", "")));
        }
        assertThat(in).hasSizeGreaterThan(1900);
        Hierarchy h = JapaneseHierarchies.address("住所", in);
        for (String a : in) {
            assertThat(h.generalize(a, 4)).as(a).isEqualTo(a);
            assertThat(h.generalize(a, 6)).as(a).isNotEqualTo("*");
        }
    }

    @Test
    void aMixedColumnMakesATreeTheSearchAccepts() {
        List<String> in = List.of("東京都千代田区霞が関一丁目2番2号", "東京都千代田区霞が関1-2-3", "東京都千代田区",
                "東京都", "東京都ミマモリ市", "千代田区霞が関1丁目", "東京都千代田区霞が関", "府中市", "", "住所不明",
                "大阪府大阪市北区梅田1-1-1 梅田ビル3F", "大阪府大阪市北区", "北海道当別町白樺町58番地9");
        List<String[]> rows = new ArrayList<>();
        in.forEach(v -> rows.add(new String[] {v}));
        LatticeSearch.of(new Dataset(List.of("住所"), rows), List.of(JapaneseHierarchies.address("住所", in)));
        Hierarchy h = JapaneseHierarchies.address("住所", in);
        assertThat(h.generalize("東京都千代田区", 1)).isEqualTo("東京都千代田区");
        assertThat(h.generalize("東京都", 1)).isEqualTo("東京都");
    }
}
