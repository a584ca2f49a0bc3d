package dev.mamori.risk;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LatticeSearchTest {
    // a: 0..7 -> pairs -> quads -> *; b: 0..3 -> halves -> *; c: 0..4 -> *
    static final List<Hierarchy> HIERARCHIES = List.of(
            hierarchy("a", 8, v -> List.of(v, "a" + (Integer.parseInt(v) / 2), "A" + (Integer.parseInt(v) / 4), "*")),
            hierarchy("b", 4, v -> List.of(v, "b" + (Integer.parseInt(v) / 2), "*")),
            hierarchy("c", 5, v -> List.of(v, "*")));

    static Hierarchy hierarchy(String column, int values, java.util.function.Function<String, List<String>> levels) {
        List<List<String>> rows = new ArrayList<>();
        for (int v = 0; v < values; v++) {
            rows.add(levels.apply(String.valueOf(v)));
        }
        return Hierarchy.of(column, rows);
    }

    static Dataset random(long seed, int rows) {
        Random rnd = new Random(seed);
        List<String[]> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            // skewed so that some classes are small at every level below the top
            out.add(new String[] {String.valueOf(Math.min(7, (int) Math.abs(rnd.nextGaussian() * 3))),
                    String.valueOf(rnd.nextInt(4)), String.valueOf(rnd.nextInt(rnd.nextInt(5) + 1)),
                    String.valueOf("xyz".charAt(rnd.nextInt(r % 7 == 0 ? 3 : 1)))});
        }
        return new Dataset(List.of("a", "b", "c", "s"), out);
    }

    static List<Map<String, Integer>> allNodes() {
        List<Map<String, Integer>> out = new ArrayList<>();
        for (int a = 0; a <= 3; a++) {
            for (int b = 0; b <= 2; b++) {
                for (int c = 0; c <= 1; c++) {
                    Map<String, Integer> m = new LinkedHashMap<>();
                    m.put("a", a);
                    m.put("b", b);
                    m.put("c", c);
                    out.add(m);
                }
            }
        }
        return out;
    }

    static boolean leq(Map<String, Integer> x, Map<String, Integer> y) {
        return x.keySet().stream().allMatch(q -> x.get(q) <= y.get(q));
    }

    static final List<PrivacyModel> MODELS = List.of(PrivacyModel.kAnonymity(3, 0), PrivacyModel.kAnonymity(3, 0.05),
            PrivacyModel.kAnonymity(10, 0.1), PrivacyModel.kAnonymity(2, 0.02).withL("s", 2),
            PrivacyModel.kAnonymity(4, 0.2).withL("s", 3));

    @Test
    void feasibilityAndSuppressionAreMonotone() {
        for (long seed = 1; seed <= 5; seed++) {
            LatticeSearch search = LatticeSearch.of(random(seed, 300), HIERARCHIES);
            for (PrivacyModel model : MODELS) {
                List<Map<String, Integer>> nodes = allNodes();
                for (Map<String, Integer> x : nodes) {
                    SearchResult fx = search.evaluate(x, model);
                    for (Map<String, Integer> y : nodes) {
                        if (leq(x, y)) {
                            SearchResult fy = search.evaluate(y, model);
                            assertThat(fy.suppressed()).as("%s below %s, %s", x, y, model)
                                    .isLessThanOrEqualTo(fx.suppressed());
                            if (search.feasible(x, model)) {
                                assertThat(search.feasible(y, model)).as("%s below %s", x, y).isTrue();
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void searchFindsTheExhaustiveOptimum() {
        int checked = 0;
        for (long seed = 1; seed <= 20; seed++) {
            LatticeSearch search = LatticeSearch.of(random(seed, 250), HIERARCHIES);
            for (PrivacyModel model : MODELS) {
                double best = Double.POSITIVE_INFINITY;
                for (Map<String, Integer> node : allNodes()) {
                    if (search.feasible(node, model)) {
                        best = Math.min(best, search.evaluate(node, model).loss());
                    }
                }
                SearchResult r = search.search(model);
                assertThat(r.loss()).as("seed %d, %s", seed, model).isCloseTo(best, within(1e-9));
                assertThat(search.feasible(r.levels(), model)).isTrue();
                assertThat(r.minClassSize()).isGreaterThanOrEqualTo(model.k());
                assertThat(r.suppressed()).isLessThanOrEqualTo((int) Math.floor(model.suppressionLimit() * 250 + 1e-9));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(100);
    }

    @Test
    void lDiversityForcesMoreGeneralisation() {
        // k=2 holds at the bottom, but each (a,b,c) class holds a single disease
        List<String[]> rows = new ArrayList<>();
        for (int a = 0; a < 8; a++) {
            for (int copy = 0; copy < 2; copy++) {
                rows.add(new String[] {String.valueOf(a), "0", "0", a % 2 == 0 ? "x" : "y"});
            }
        }
        LatticeSearch search = LatticeSearch.of(new Dataset(List.of("a", "b", "c", "s"), rows), HIERARCHIES);
        SearchResult kOnly = search.search(PrivacyModel.kAnonymity(2, 0));
        assertThat(kOnly.levels()).containsEntry("a", 0);
        SearchResult diverse = search.search(PrivacyModel.kAnonymity(2, 0).withL("s", 2));
        assertThat(diverse.levels()).containsEntry("a", 1); // pairs {0,1}, {2,3}, … mix x and y
        assertThat(diverse.loss()).isGreaterThan(kOnly.loss());
        assertThatThrownBy(() -> search.search(PrivacyModel.kAnonymity(2, 0).withL("s", 3)))
                .isInstanceOf(UnreachableException.class).hasMessageContaining("l-diversity");
    }

    @Test
    void unreachableKReportsTheBestReachableK() {
        Dataset data = random(7, 40);
        LatticeSearch search = LatticeSearch.of(data, HIERARCHIES);
        assertThatThrownBy(() -> search.search(PrivacyModel.kAnonymity(41, 0)))
                .isInstanceOfSatisfying(UnreachableException.class, e -> {
                    assertThat(e.bestReachableK()).isEqualTo(40); // the top node is one class of 40
                    assertThat(e.getMessage()).contains("best reachable k is 40").contains("suppression limit");
                });
    }

    @Test
    void unreachableKWithTopThatIsNotOneClass() {
        // c has no '*' level: the top node keeps c's values apart (5 rows of c=0, 2 of c=1)
        Hierarchy c = Hierarchy.of("c", List.of(List.of("0", "0"), List.of("1", "1")));
        List<String[]> rows = new ArrayList<>();
        for (int r = 0; r < 7; r++) {
            rows.add(new String[] {r < 5 ? "0" : "1"});
        }
        LatticeSearch search = LatticeSearch.of(new Dataset(List.of("c"), rows), List.of(c));
        assertThatThrownBy(() -> search.search(PrivacyModel.kAnonymity(5, 0)))
                .isInstanceOfSatisfying(UnreachableException.class, e -> assertThat(e.bestReachableK()).isEqualTo(2));
        SearchResult withSuppression = search.search(PrivacyModel.kAnonymity(5, 2.0 / 7));
        assertThat(withSuppression.suppressed()).isEqualTo(2);
        assertThat(withSuppression.minClassSize()).isEqualTo(5);
        assertThat(withSuppression.loss()).isCloseTo(Math.expm1(Math.log1p(2.0 / 7)), within(1e-12));
    }

    @Test
    void aLimitThatLetsEveryRecordGoStillRefusesAModelNoClassMeets() {
        // a suppression limit of 1 allows removing all 40 records; an empty table is no answer, so the search says what to change
        LatticeSearch search = LatticeSearch.of(random(7, 40), HIERARCHIES);
        assertThatThrownBy(() -> search.search(PrivacyModel.kAnonymity(41, 1.0)))
                .isInstanceOfSatisfying(UnreachableException.class, e -> {
                    assertThat(e.bestReachableK()).isEqualTo(40);
                    assertThat(e.getMessage()).contains("every record would be removed").contains("lower k to 40");
                });
        assertThat(search.search(PrivacyModel.kAnonymity(40, 1.0)).suppressed()).isZero();
    }
}
