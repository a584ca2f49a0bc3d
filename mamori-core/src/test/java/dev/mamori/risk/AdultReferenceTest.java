package dev.mamori.risk;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Our loss and optimum against ARX 3.9.2 (default configuration) on the adult table. */
class AdultReferenceTest {
    private static LatticeSearch search;

    @BeforeAll
    static void load() {
        Path dir = AdultData.dir();
        search = LatticeSearch.of(AdultData.data(dir), AdultData.hierarchies(dir));
    }

    static Map<String, Integer> levels(int... v) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int j = 0; j < v.length; j++) {
            m.put(AdultData.QIS.get(j), v[j]);
        }
        return m;
    }

    @Test
    void lossAtArxNodeForK5WithoutSuppression() {
        SearchResult r = search.evaluate(levels(0, 4, 0, 2, 3, 2, 2, 1), PrivacyModel.kAnonymity(5, 0));
        assertThat(r.loss()).isCloseTo(0.59158, within(0.000005));
        assertThat(r.suppressed()).isZero();
        assertThat(r.minClassSize()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void lossAtArxNodeForK5With5PercentSuppression() {
        SearchResult r = search.evaluate(levels(0, 3, 0, 0, 1, 1, 1, 2), PrivacyModel.kAnonymity(5, 0.05));
        assertThat(r.loss()).isCloseTo(0.25185, within(0.000005));
        assertThat(r.suppressed()).isEqualTo(1458);
        assertThat(r.minClassSize()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void searchFindsArxOptimumWithoutSuppression() {
        SearchResult r = search.search(PrivacyModel.kAnonymity(5, 0));
        assertThat(r.loss()).isLessThanOrEqualTo(0.59158 + 0.000005);
        assertThat(List.copyOf(r.levels().values())).containsExactly(0, 4, 0, 2, 3, 2, 2, 1);
    }

    @Test
    void searchFindsArxOptimumWith5PercentSuppression() {
        SearchResult r = search.search(PrivacyModel.kAnonymity(5, 0.05));
        assertThat(r.loss()).isLessThanOrEqualTo(0.25185 + 0.000005);
        assertThat(List.copyOf(r.levels().values())).containsExactly(0, 3, 0, 0, 1, 1, 1, 2);
        assertThat(r.suppressed()).isEqualTo(1458);
    }
}
