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
        List<String[]> distinct = new ArrayList<>();
        int[] weights = distinct(rows, distinct);
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

    /**
     * A transformation's outcome, worked out on the codes, is what the strings give: the rows kept are those whose
     * generalised class meets the model, and the risk before and after is {@link RiskAnalyzer}'s on the rows as they
     * are and on the generalised rows kept.
     */
    @Test
    void theOutcomeOnCodesIsWhatTheGeneralisedStringsGive() {
        Random rnd = new Random(11);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            rows.add(new String[] {String.valueOf(rnd.nextInt(60) + 20), rnd.nextBoolean() ? "M" : "F", "d" + rnd.nextInt(5)});
        }
        List<String[]> distinct = new ArrayList<>();
        int[] weights = distinct(rows, distinct);
        Dataset table = new Dataset(List.of("age", "sex", "disease"), distinct);
        List<List<String>> ageRows = new ArrayList<>();
        for (int a = 0; a < 100; a++) {
            ageRows.add(List.of(String.valueOf(a), (a / 5 * 5) + "-", (a / 10 * 10) + "s", "*"));
        }
        List<Hierarchy> h = List.of(Hierarchy.of("age", ageRows), Hierarchy.of("sex", List.of(List.of("M", "*"), List.of("F", "*"))));
        int checked = 0;
        for (PrivacyModel m : List.of(PrivacyModel.kAnonymity(5, 0.1), PrivacyModel.kAnonymity(40, 0.5),
                PrivacyModel.kAnonymity(3, 0.2).withL("disease", 4))) {
            for (Map<String, Integer> levels : List.of(Map.of("age", 0, "sex", 0), Map.of("age", 1, "sex", 0), Map.of("age", 2, "sex", 1))) {
                LatticeSearch.Outcome o = LatticeSearch.of(table, weights, h).outcome(levels, m, 1.0 / m.k());
                List<String> sensitive = List.copyOf(m.l().keySet());
                Map<List<String>, Integer> sizes = new LinkedHashMap<>();
                Map<List<String>, java.util.Set<String>> diseases = new LinkedHashMap<>();
                List<String[]> generalised = new ArrayList<>();
                for (int r = 0; r < distinct.size(); r++) {
                    String[] g = {h.get(0).generalize(distinct.get(r)[0], levels.get("age")),
                            h.get(1).generalize(distinct.get(r)[1], levels.get("sex")), distinct.get(r)[2]};
                    generalised.add(g);
                    sizes.merge(List.of(g[0], g[1]), weights[r], Integer::sum);
                    diseases.computeIfAbsent(List.of(g[0], g[1]), k -> new java.util.HashSet<>()).add(g[2]);
                }
                List<String[]> keptRows = new ArrayList<>();
                List<Integer> keptWeights = new ArrayList<>();
                for (int r = 0; r < distinct.size(); r++) {
                    List<String> key = List.of(generalised.get(r)[0], generalised.get(r)[1]);
                    boolean passes = sizes.get(key) >= m.k() && (sensitive.isEmpty() || diseases.get(key).size() >= m.l().get("disease"));
                    assertThat(o.kept()[r]).as("%s %s row %d", m, levels, r).isEqualTo(passes);
                    if (passes) {
                        keptRows.add(generalised.get(r));
                        keptWeights.add(weights[r]);
                        checked++;
                    }
                }
                assertThat(o.before()).isEqualTo(RiskAnalyzer.analyze(table, weights, List.of("age", "sex"), sensitive, 1.0 / m.k()));
                assertThat(o.after()).as("%s %s", m, levels).isEqualTo(RiskAnalyzer.analyze(new Dataset(table.columns(), keptRows),
                        keptWeights.stream().mapToInt(Integer::intValue).toArray(), List.of("age", "sex"), sensitive, 1.0 / m.k()));
            }
        }
        assertThat(checked).isPositive();
    }

    /** Puts the distinct rows in {@code distinct}, in order of first appearance, and returns how many records each stands for. */
    private static int[] distinct(List<String[]> rows, List<String[]> distinct) {
        Map<List<String>, Integer> counts = new LinkedHashMap<>();
        rows.forEach(r -> counts.merge(List.of(r), 1, Integer::sum));
        int[] weights = new int[counts.size()];
        int i = 0;
        for (Map.Entry<List<String>, Integer> e : counts.entrySet()) {
            distinct.add(e.getKey().toArray(String[]::new));
            weights[i++] = e.getValue();
        }
        return weights;
    }
}
