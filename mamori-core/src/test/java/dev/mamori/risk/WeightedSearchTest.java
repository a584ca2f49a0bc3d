package dev.mamori.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A table given as distinct rows with counts must search exactly like the table itself. */
class WeightedSearchTest {

    @Test
    void distinctRowsWithCountsGiveTheSameOptimumAsTheRecords() {
        Random rnd = new Random(7);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            rows.add(new String[] {String.valueOf(rnd.nextInt(60) + 20), rnd.nextBoolean() ? "M" : "F", "d" + rnd.nextInt(4)});
        }
        Dataset full = new Dataset(List.of("age", "sex", "disease"), rows);
        Map<List<String>, Integer> counts = new LinkedHashMap<>();
        rows.forEach(r -> counts.merge(List.of(r), 1, Integer::sum));
        List<String[]> distinct = new ArrayList<>();
        int[] weights = new int[counts.size()];
        int i = 0;
        for (Map.Entry<List<String>, Integer> e : counts.entrySet()) {
            distinct.add(e.getKey().toArray(String[]::new));
            weights[i++] = e.getValue();
        }
        assertThat(distinct.size()).isLessThan(rows.size());
        List<List<String>> ageRows = new ArrayList<>();
        for (int a = 0; a < 100; a++) {
            ageRows.add(List.of(String.valueOf(a), (a / 10 * 10) + "s", a < 50 ? "<50" : ">=50", "*"));
        }
        List<Hierarchy> h = List.of(Hierarchy.of("age", ageRows), Hierarchy.of("sex", List.of(List.of("M", "*"), List.of("F", "*"))));
        for (PrivacyModel m : List.of(PrivacyModel.kAnonymity(10, 0), PrivacyModel.kAnonymity(25, 0.02),
                PrivacyModel.kAnonymity(5, 0.01).withL("disease", 3))) {
            SearchResult a = LatticeSearch.of(full, h).search(m);
            SearchResult b = LatticeSearch.of(new Dataset(full.columns(), distinct), weights, h).search(m);
            assertThat(b.levels()).as(m.toString()).isEqualTo(a.levels());
            assertThat(b.loss()).isEqualTo(a.loss());
            assertThat(b.suppressed()).isEqualTo(a.suppressed());
            assertThat(b.minClassSize()).isEqualTo(a.minClassSize());
            assertThat(b.classes()).isEqualTo(a.classes());
        }
    }
}
