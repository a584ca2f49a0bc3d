package dev.mamori.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LangAddressTest {

    private static final AddressRecognizer R = new AddressRecognizer();
    private static final ScanContext ADDRESS_COLUMN = new ScanContext(Set.of(PiiType.ADDRESS), Set.of(PiiType.values()));

    static List<Finding> find(String text, ScanContext ctx) {
        List<Finding> out = new ArrayList<>();
        R.find(text, ctx, out);
        return out;
    }

    /** What the engine keeps: confidence at least 0.4. */
    static List<String> addresses(String text) {
        return find(text, ScanContext.freeText()).stream().filter(f -> f.confidence() >= 0.4).map(Finding::value).toList();
    }

    @Test
    void fullAddressWithKanjiChome() {
        String text = "所在地は東京都千代田区霞が関一丁目2番2号です。";
        List<Finding> fs = find(text, ScanContext.freeText());
        assertThat(fs).hasSize(1);
        Finding f = fs.get(0);
        assertThat(f.value()).isEqualTo("東京都千代田区霞が関一丁目2番2号");
        assertThat(f.start()).isEqualTo(4);
        assertThat(f.end()).isEqualTo(text.indexOf("です"));
        assertThat(f.confidence()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void cityWithoutPrefectureAndABuilding() {
        assertThat(addresses("送付先：大阪市北区梅田1-1-1 梅田ビル3F まで")).containsExactly("大阪市北区梅田1-1-1 梅田ビル3F");
    }

    @Test
    void postalCodeIsNotPartOfTheAddress() {
        String text = "〒100-8914 東京都千代田区永田町1-6-1";
        assertThat(addresses(text)).containsExactly("東京都千代田区永田町1-6-1");
        assertThat(find(text, ScanContext.freeText()).get(0).start()).isEqualTo(10);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "住所：北海道札幌市中央区北1条西2丁目1番地、連絡は|北海道札幌市中央区北1条西2丁目1番地",
        "神奈川県横浜市港北区日吉３－１４－１にて|神奈川県横浜市港北区日吉３－１４－１",
        "京都府京都市左京区吉田本町 TEL 075-753-7531|京都府京都市左京区吉田本町",
        "石狩郡当別町白樺町58番地9|石狩郡当別町白樺町58番地9",
        "福岡県福岡市博多区博多駅前二丁目1番1号 電話092|福岡県福岡市博多区博多駅前二丁目1番1号",
        "長野県北佐久郡軽井沢町大字軽井沢1323-1|長野県北佐久郡軽井沢町大字軽井沢1323-1",
        "東京都港区芝公園4-2-8電話03-3433-5111|東京都港区芝公園4-2-8",
        "東京都新宿区西新宿2-8-1 都庁第一本庁舎 12階|東京都新宿区西新宿2-8-1",
        "愛知県名古屋市中区三の丸三丁目1番2号|愛知県名古屋市中区三の丸三丁目1番2号",
        "大阪府東大阪市荒本北一丁目1番1号|大阪府東大阪市荒本北一丁目1番1号",
        "千葉県浦安市舞浜1-1 ハイツ舞浜 201号室。|千葉県浦安市舞浜1-1 ハイツ舞浜 201号室",
    })
    void addressesInSentencesHaveExactSpans(String text, String expected) {
        assertThat(addresses(text)).containsExactly(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"東京オリンピック", "大阪に行った", "京都大学の先生", "東京都知事が会見", "北海道は広い", "横浜市の人口", "港区"})
    void placeNamesAloneAreNotAddresses(String text) {
        assertThat(addresses(text)).isEmpty();
    }

    @Test
    void prefectureAndCityWithoutBlockNumbersIsAWeakAddress() {
        assertThat(addresses("大阪府大阪市に住んでいます")).containsExactly("大阪府大阪市");
        assertThat(find("住所：横浜市", ScanContext.freeText()).get(0).confidence()).isGreaterThan(0.3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"東京都千代田区丸の内1-9-1", "〒530-0001 大阪府大阪市北区梅田3丁目1番1号", "梅田3丁目1番1号 梅田ビル", "札幌市中央区北1条西2丁目"})
    void hintedCellsAreAcceptedWhole(String cell) {
        List<Finding> fs = find(cell + " ", ADDRESS_COLUMN);
        assertThat(fs).hasSize(1);
        assertThat(fs.get(0).value()).isEqualTo(cell.startsWith("〒") ? cell.substring(cell.indexOf(' ') + 1) : cell);
        assertThat(fs.get(0).confidence()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void hintedCellWithoutAddressShapeIsScannedAsFreeText() {
        assertThat(find("不明", ADDRESS_COLUMN)).isEmpty();
    }

    @Test
    void lexiconCoversTheCountry() {
        assertThat(R.lexiconSize()).isGreaterThanOrEqualTo(1900);
        for (String city : List.of("那覇市", "札幌市", "石垣市", "稚内市", "奄美市", "八丈町", "小笠原村", "那珂川市", "富谷市", "浜松市浜名区", "さいたま市岩槻区")) {
            assertThat(addresses(city + "1-2-3")).as(city).containsExactly(city + "1-2-3");
        }
    }

    @Test
    void disabledTypeFindsNothing() {
        List<Finding> out = new ArrayList<>();
        R.find("東京都千代田区霞が関一丁目2番2号", new ScanContext(Set.of(), Set.of(PiiType.PERSON)), out);
        assertThat(out).isEmpty();
    }

    @Test
    void neverThrowsOnOddInput() {
        String[] inputs = {"\uD800", "東京都\uD800", "東京都千代田区\uDC00１－", "大阪市北区梅田1-", "大阪市" + "1-".repeat(10000), "東京都".repeat(10000), "\u0000東京都港区"};
        for (String s : inputs) {
            for (Finding f : find(s, ScanContext.freeText())) {
                assertThat(s.substring(f.start(), f.end())).isEqualTo(f.value());
            }
            find(s, ADDRESS_COLUMN);
        }
    }
}
