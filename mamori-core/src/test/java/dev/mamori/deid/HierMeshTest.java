package dev.mamori.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.risk.Dataset;
import dev.mamori.risk.Hierarchy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 地域メッシュコード hierarchies of {@link JapaneseHierarchies} (JIS X 0410). */
class HierMeshTest {

    /**
     * The standard's definition, step by step in floating point as the standard writes it (lat × 1.5, lon − 100, then
     * 8, 10 and 2 × 2 divisions), independent of RegionalMesh's integer counting. Used away from cell boundaries only.
     */
    static String byDefinition(double lat, double lon, int digits) {
        double y = lat * 1.5;
        double x = lon - 100;
        int p = (int) Math.floor(y);
        int u = (int) Math.floor(x);
        StringBuilder b = new StringBuilder(String.format("%02d%02d", p, u));
        y = (y - p) * 8;
        x = (x - u) * 8;
        int q = (int) Math.floor(y);
        int v = (int) Math.floor(x);
        b.append(q).append(v);
        y = (y - q) * 10;
        x = (x - v) * 10;
        int r = (int) Math.floor(y);
        int w = (int) Math.floor(x);
        b.append(r).append(w);
        y -= r;
        x -= w;
        while (b.length() < digits) {
            int north = y >= 0.5 ? 1 : 0;
            int east = x >= 0.5 ? 1 : 0;
            b.append(1 + 2 * north + east); // 1 SW, 2 SE, 3 NW, 4 NE
            y = y * 2 - north;
            x = x * 2 - east;
        }
        return b.substring(0, digits);
    }

    private static List<String> levels(Hierarchy h, String v) {
        List<String> row = new ArrayList<>();
        for (int level = 1; level <= h.height(); level++) {
            row.add(h.generalize(v, level));
        }
        return row;
    }

    @Test
    void tokyoStationToEveryLevel() {
        String v = "35.681236,139.767125";
        Hierarchy h = JapaneseHierarchies.mesh("位置", List.of(v));
        assertThat(h.height()).isEqualTo(7);
        assertThat(levels(h, v)).containsExactly("53394611323", "5339461132", "533946113", "53394611", "533946", "5339", "*");
        for (int digits : new int[] {4, 6, 8, 9, 10, 11}) {
            assertThat(levels(h, v)).contains(byDefinition(35.681236, 139.767125, digits));
        }
    }

    @ParameterizedTest
    @CsvSource({
        // 1次 meshes as published in the 統計局's maps: 5339 東京, 5235 大阪, 6441 札幌, 3927 那覇
        "35.6895,139.6917,5339",
        "34.6937,135.5023,5235",
        "43.0621,141.3544,6441",
        "26.2124,127.6792,3927",
    })
    void firstLevelMeshesOfKnownCities(double lat, double lon, String first) {
        String v = lat + "," + lon;
        assertThat(JapaneseHierarchies.mesh("p", List.of(v)).generalize(v, 6)).isEqualTo(first);
    }

    @Test
    void agreesWithTheDefinitionOnRandomPointsOverJapan() {
        Random rnd = new Random(410);
        List<String> values = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            double lat = 24 + rnd.nextInt(22_000_000) / 1e6;
            double lon = 123 + rnd.nextInt(23_000_000) / 1e6;
            points.add(new double[] {lat, lon});
            values.add(BigDecimal.valueOf(lat).toPlainString() + " " + BigDecimal.valueOf(lon).toPlainString());
        }
        Hierarchy h = JapaneseHierarchies.mesh("p", values);
        int checked = 0;
        for (int i = 0; i < values.size(); i++) {
            double lat = points.get(i)[0];
            double lon = points.get(i)[1];
            double fy = lat * 960 - Math.floor(lat * 960);
            double fx = (lon - 100) * 640 - Math.floor((lon - 100) * 640);
            if (fy < 1e-6 || fy > 1 - 1e-6 || fx < 1e-6 || fx > 1 - 1e-6) {
                continue; // on a 1/8 boundary floating point may round either way
            }
            assertThat(h.generalize(values.get(i), 1)).as(values.get(i)).isEqualTo(byDefinition(lat, lon, 11));
            assertThat(h.generalize(values.get(i), 4)).isEqualTo(byDefinition(lat, lon, 8));
            checked++;
        }
        assertThat(checked).isGreaterThan(1900);
    }

    @Test
    void aPointOnABoundaryBelongsToTheCellNorthAndEastOfIt() {
        // 35°40'30" is exactly the south edge of 3次 row 1 in 533946; 139°45'00" the west edge of column 0
        String v = "35.675,139.75";
        Hierarchy h = JapaneseHierarchies.mesh("p", List.of(v, "35.674999,139.749999"));
        assertThat(h.generalize(v, 4)).isEqualTo("53394610");
        assertThat(h.generalize("35.674999,139.749999", 4)).isEqualTo("53394509");
    }

    @Test
    void degreesMinutesSecondsAndFullWidthReadTheSame() {
        List<String> in = List.of("北緯35度40分52秒 東経139度46分01秒", "35°40'52\"N 139°46'01\"E", "N35.681111 E139.766944",
                "３５．６８１２３６，１３９．７６７１２５", "35.681236, 139.767125", "不明", "", "95.0,139.0", "35.6,50.0", "35度70分 139度");
        Hierarchy h = JapaneseHierarchies.mesh("p", in);
        assertThat(h.generalize(in.get(0), 4)).isEqualTo("53394611");
        assertThat(h.generalize(in.get(1), 1)).isEqualTo(h.generalize(in.get(0), 1));
        assertThat(h.generalize(in.get(2), 4)).isEqualTo("53394611");
        assertThat(h.generalize(in.get(3), 1)).isEqualTo("53394611323");
        assertThat(h.generalize(in.get(4), 1)).isEqualTo("53394611323");
        for (String unreadable : in.subList(5, in.size())) {
            assertThat(levels(h, unreadable)).as(unreadable).containsOnly("*");
        }
    }

    @Test
    void separateLatitudeAndLongitudeColumnsGeneraliseToTheMeshCorner() {
        Hierarchy lat = JapaneseHierarchies.meshLatitude("緯度", List.of("35.681236", "35°40'52\"N", "x"));
        Hierarchy lon = JapaneseHierarchies.meshLongitude("経度", List.of("139.767125", "200.5"));
        assertThat(levels(lat, "35.681236")).containsExactly("35.6802083", "35.6791667", "35.6791667", "35.675", "35.6666667",
                "35.3333333", "*");
        assertThat(levels(lon, "139.767125")).containsExactly("139.765625", "139.765625", "139.7625", "139.7625", "139.75",
                "139", "*");
        assertThat(levels(lat, "35°40'52\"N").get(3)).isEqualTo("35.675");
        assertThat(levels(lat, "x")).containsOnly("*");
        assertThat(levels(lon, "200.5")).containsOnly("*");
        // the corner at 3次 lies in the same 3次 mesh as the point
        String corner = levels(lat, "35.681236").get(3) + "," + levels(lon, "139.767125").get(3);
        assertThat(JapaneseHierarchies.mesh("p", List.of(corner)).generalize(corner, 4)).isEqualTo("53394611");
    }

    @Test
    void aPolicyNamesTheMeshHierarchies() {
        Dataset data = new Dataset(List.of("位置", "緯度"), List.<String[]>of(new String[] {"35.681236,139.767125", "35.681236"}));
        assertThat(Hierarchies.resolve("位置", "builtin:mesh", data, 0, null).generalize("35.681236,139.767125", 4))
                .isEqualTo("53394611");
        assertThat(Hierarchies.resolve("緯度", "builtin:mesh_latitude", data, 1, null).generalize("35.681236", 4)).isEqualTo("35.675");
        assertThatThrownBy(() -> Hierarchies.resolve("位置", "builtin:meshcode", data, 0, null))
                .hasMessageContaining("builtin:mesh (a latitude,longitude pair)");
    }

    @Test
    void deidInitProposesTheMeshForLocationColumns() {
        java.util.function.Function<String, Policy.Column> propose = header -> PolicyProposal.propose(
                new dev.mamori.detect.ColumnReport(0, header, 10, java.util.Map.of(dev.mamori.detect.PiiType.LOCATION, 10L),
                        java.util.Set.of(dev.mamori.detect.PiiType.LOCATION), dev.mamori.detect.LegalCategory.PERSONAL_INFORMATION),
                Mode.ANONYMOUS);
        assertThat(propose.apply("緯度").hierarchy()).isEqualTo("builtin:mesh_latitude");
        assertThat(propose.apply("lng").hierarchy()).isEqualTo("builtin:mesh_longitude");
        assertThat(propose.apply("位置").hierarchy()).isEqualTo("builtin:mesh");
        assertThat(propose.apply("位置").method()).isEqualTo(Policy.Method.GENERALIZE);
    }
}
