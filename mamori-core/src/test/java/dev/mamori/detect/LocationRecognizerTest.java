package dev.mamori.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LocationRecognizerTest {

    private static final LocationRecognizer R = new LocationRecognizer();

    private static List<Finding> find(String text, ScanContext ctx) {
        List<Finding> out = new ArrayList<>();
        R.find(text, ctx, out);
        return Detector.settle(new ArrayList<>(out.stream().filter(f -> f.confidence() >= Detector.DEFAULT_MIN_CONFIDENCE).toList()));
    }

    private static List<String> values(String text) {
        return find(text, ScanContext.freeText()).stream().map(Finding::value).toList();
    }

    private static ScanContext column(String header) {
        return new ScanContext(ColumnHints.get().forHeader(header), EnumSet.allOf(PiiType.class));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "現在地 35.681236, 139.767125 に到着|35.681236, 139.767125",
        "2026-10-01 08:12 35.681236,139.767125 check-in|35.681236,139.767125",
        "位置：北緯35.681236度、東経139.767125度。|北緯35.681236度、東経139.767125度",
        "N35.681236 E139.767125|N35.681236 E139.767125",
        "35.6812N 139.7671E です|35.6812N 139.7671E",
        "本社は北緯35度40分52秒 東経139度46分01秒にある|北緯35度40分52秒 東経139度46分01秒",
        "N35°40'52\" E139°46'01\"|N35°40'52\" E139°46'01\"",
        "35°40′52″N 139°46′01″E|35°40′52″N 139°46′01″E",
        "ＧＰＳ ３５．６８１２３６，１３９．７６７１２５|３５．６８１２３６，１３９．７６７１２５",
        "POINT(139.767125 35.681236)|139.767125 35.681236",
    })
    void pairsInTextAreOneSpan(String text, String expected) {
        List<Finding> fs = find(text, ScanContext.freeText());
        assertThat(fs).extracting(Finding::value).containsExactly(expected);
        Finding f = fs.get(0);
        assertThat(text.substring(f.start(), f.end())).isEqualTo(expected);
        assertThat(f.type()).isEqualTo(PiiType.LOCATION);
    }

    @Test
    void fieldsOfTheirOwnAreTwoSpans() { // session 36
        // an NMEA sentence's fields, as a table's cells (the N and the E are fields of their own)
        assertThat(values("$GPRMC,081836,A,3540.8742,N,13946.0245,E,0.0,360.0,011026,,,A*6C")).containsExactly("3540.8742", "13946.0245");
        // exiftool's lines, each value under its label
        assertThat(values("GPS Latitude Ref      : North\nGPS Latitude          : 43 deg 3' 41.28\"\nGPS Longitude Ref     : East\n"
                + "GPS Longitude         : 141 deg 21' 15.84\"")).containsExactly("43 deg 3' 41.28\"", "141 deg 21' 15.84\"");
        assertThat(values("GPS Position : 35 deg 0' 41.76\" N, 135 deg 46' 12.96\" E")).containsExactly("35 deg 0' 41.76\" N, 135 deg 46' 12.96\" E");
        // a location history's E7 fields, and a row under 緯度 and 経度 columns
        assertThat(values("{\"latitudeE7\": 335907712, \"longitudeE7\": 1304211455}")).containsExactly("335907712", "1304211455");
        assertThat(values("No  氏名        緯度       経度\n01  河野 真澄   34.49120   132.50198")).containsExactly("34.49120", "132.50198");
        // a map link's encoded comma
        assertThat(values("https://maps.example.com/?q=43.0662%2C141.3499")).containsExactly("43.0662%2C141.3499");
        // not one labelled value without the other, nor a value too far from its label, nor a receiver's "no fix"
        assertThat(values("緯度の誤差は 35.12345 m")).isEmpty();
        assertThat(values("GPS Latitude : 35 deg 39' 22.80\" N\nGPS Altitude : 40.2 m\n※経度は記録されていません")).isEmpty();
        assertThat(values("緯度：0.000000 経度：0.000000（GPS未測位）")).isEmpty();
        assertThat(values("メッシュ別人口 最大 53394611人")).isEmpty();
    }

    @Test
    void aLatitudeAndALongitudeEachWithItsLabelAreTwoSpans() {
        assertThat(values("緯度：35.681236 経度：139.767125")).containsExactly("35.681236", "139.767125");
        assertThat(values("lat=-33.868820 lon=151.209296")).containsExactly("-33.868820", "151.209296");
        assertThat(values("集合場所は緯度35.681236、経度139.767125です。")).containsExactly("35.681236", "139.767125");
        assertThat(values("https://example.jp/map?lat=35.6812&lon=139.7671&z=15")).containsExactly("35.6812", "139.7671");
        assertThat(values("緯度：35.681236\n経度：139.767125")).containsExactly("35.681236", "139.767125");
        assertThat(values("{\"lat\": 35.681236, \"lng\": 139.767125}")).containsExactly("35.681236", "139.767125");
        assertThat(values("<trkpt lat=\"35.6812\" lon=\"139.7671\"><ele>40</ele></trkpt>")).containsExactly("35.6812", "139.7671");
        // each value keeps its unit: the seconds mark, the degree sign
        assertThat(values("緯度35°40′52″、経度139°46′02″")).containsExactly("35°40′52″", "139°46′02″");
        assertThat(values("北緯 35.6812°、経度 139.7671°")).containsExactly("北緯 35.6812°", "139.7671°");
        // but a pair under one label is one span; GeoJSON and WKT put the longitude first
        assertThat(values("座標 35.681236, 139.767125")).containsExactly("35.681236, 139.767125");
        assertThat(values("{\"type\":\"Point\",\"coordinates\":[139.767125,35.681236]}")).containsExactly("139.767125,35.681236");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "バージョン 1.2.3 と 4.5.6",
        "確率 0.1234, 0.5678",
        "スコア 3.1415, 2.7182",
        "$GPGGA,081836,3575.8742,N,13946.0245,E,1,08",
        "価格 1234.50, 980.25",
        "北緯95.000000 東経139.767125",
        "北緯35度70分00秒 東経139度46分01秒",
        "気温35度、湿度60度",
        "35.68, 139.76",
        "E139.767125 E139.767125",
        "北緯35.681236N 東経139.767125",
        "2026.10.01 12.30",
    })
    void notCoordinates(String text) {
        assertThat(values(text)).isEmpty();
    }

    @Test
    void anEarthquakesOrAStormsPositionLocatesNoOne() { // session 58
        assertThat(values("気象庁によると、震源は北緯35.3度、東経139.1度で、深さは約20キロ。")).isEmpty();
        assertThat(values("震央は北緯35度42.6分、東経140度1.8分。")).isEmpty();
        assertThat(values("台風8号は9日午前9時現在、北緯24度50分、東経128度10分にあって、北西に進んでいる。")).isEmpty();
        List<Finding> low = new ArrayList<>();
        R.find("震源は北緯35.3度、東経139.1度", ScanContext.freeText(), low);
        assertThat(low).singleElement().satisfies(f -> assertThat(f.confidence()).isLessThan(Detector.DEFAULT_MIN_CONFIDENCE));
        // a person's position in the same text, in a sentence of its own, still is one
        assertThat(values("震源は北緯35.3度、東経139.1度。漁船は北緯38度16分、東経141度58分付近で転覆した。"))
                .containsExactly("北緯38度16分、東経141度58分");
        // a person's position in an event's sentence is still one
        assertThat(values("台風で避難した山田さんの現在地は35.6812, 139.7671")).containsExactly("35.6812, 139.7671");
    }

    @Test
    void aShortPairNeedsAContextWord() {
        assertThat(values("35.68, 139.76")).isEmpty();
        assertThat(values("座標 35.68, 139.76")).containsExactly("35.68, 139.76");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "3次メッシュコード 53394611 の人口|53394611",
        "メッシュ：5339-46-11|5339-46-11",
        "1次メッシュ 5339|5339",
        "2次メッシュ533946|533946",
        "1/2地域メッシュ 533946113|533946113",
        "1/4メッシュ 5339461132|5339461132",
        "1/8メッシュ 53394611323|53394611323",
    })
    void meshCodesWithContext(String text, String expected) {
        assertThat(values(text)).containsExactly(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "注文番号 53394611",
        "メッシュ 12345678",
        "メッシュ 53394811",
        "メッシュ 533946115",
        "メッシュ素材 品番 5339461",
    })
    void meshShapedNumbersWithoutContextOrInvalidAreNot(String text) {
        assertThat(values(text)).isEmpty();
    }

    @Test
    void latitudeAndLongitudeColumnsAcceptEachCell() {
        assertThat(find("35.681236", column("緯度"))).extracting(Finding::value).containsExactly("35.681236");
        assertThat(find(" 139.767125 ", column("経度"))).extracting(Finding::value).containsExactly("139.767125");
        assertThat(find("139.767125", column("lon"))).hasSize(1);
        assertThat(find("35°40'52\"", column("Latitude"))).hasSize(1);
        assertThat(find("5339-46-11", column("メッシュコード"))).hasSize(1);
        assertThat(find("不明", column("緯度"))).isEmpty();
        assertThat(find("200.5", column("経度"))).isEmpty();
        assertThat(find("35", column("緯度"))).isEmpty();
    }

    @Test
    void shortHeaderWordsMatchOnlyWholeHeaders() {
        assertThat(ColumnHints.get().forHeader("lat")).containsExactly(PiiType.LOCATION);
        assertThat(ColumnHints.get().forHeader("LNG")).containsExactly(PiiType.LOCATION);
        assertThat(ColumnHints.get().forHeader("template")).doesNotContain(PiiType.LOCATION);
        assertThat(ColumnHints.get().forHeader("salon")).doesNotContain(PiiType.LOCATION);
        assertThat(ColumnHints.get().forHeader("緯度（世界測地系）")).containsExactly(PiiType.LOCATION);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "35.681236, 139.767125|35.******, 139.******",
        "北緯35度40分52秒 東経139度46分01秒|北緯35度**分**秒 東経139度**分**秒",
        "N35°40'52.5\" E139°46'01\"|N35°**'**.*\" E139°**'**\"",
        "5339-46-11|5339-**-**",
        "53394611323|5339*******",
    })
    void maskingKeepsWholeDegreesAndTheFirstMesh(String value, String masked) {
        assertThat(Masking.mask(PiiType.LOCATION, value)).isEqualTo(masked);
    }

    @Test
    void detectorReportsLocationAsPersonalInformation() {
        Detector d = Detector.of(Set.of(PiiType.LOCATION, PiiType.PHONE), 0.4);
        List<Finding> fs = d.detect("移動履歴: 35.681236, 139.767125", d.freeText());
        assertThat(fs).extracting(Finding::type).containsExactly(PiiType.LOCATION);
        assertThat(fs.get(0).category()).isEqualTo(LegalCategory.PERSONAL_INFORMATION);
        assertThat(PiiType.LOCATION.japanese()).isEqualTo("位置情報");
        assertThat(fs.get(0).toString()).doesNotContain("681236");
    }

    @Test
    void disabledTypeFindsNothingAndOddInputDoesNotThrow() {
        List<Finding> out = new ArrayList<>();
        R.find("35.681236, 139.767125", new ScanContext(Set.of(), Set.of(PiiType.PERSON)), out);
        assertThat(out).isEmpty();
        for (String s : List.of("北緯", "N", "35.", ".5, .5", "メッシュ-", "9".repeat(5000) + ".5, 1.5", "北緯35度".repeat(2000), "\uD800.5")) {
            for (Finding f : find(s, ScanContext.freeText())) {
                assertThat(s.substring(f.start(), f.end())).isEqualTo(f.value());
            }
            find(s, column("緯度"));
        }
    }

    @Test
    void theFinerMeshesColumns() { // session 38: a 1/2 mesh (9 digits) under mesh_half, a 1/4 under mesh4
        assertThat(find("523667221", column("mesh_half"))).extracting(Finding::value).containsExactly("523667221");
        assertThat(find("5236672213", column("mesh4"))).extracting(Finding::value).containsExactly("5236672213");
        assertThat(find("523667221", column("half"))).isEmpty();
    }
}
