package dev.mamori.risk;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Benchmark against ARX on the adult table: k = 2, 5, 10, 50 × suppression 0 % and 5 %, after a
 * warm-up, median of 5 runs; prints a Markdown table. Not a unit test.
 * Argument: the adult folder (default ../shared/data/adult).
 */
public final class AdultBench {
    private static final Map<String, String> ARX_MS = Map.of("5/0", "46", "5/5", "1,076", "2/5", "1,248",
            "50/5", "466");

    private AdultBench() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/adult");
        long t0 = System.nanoTime();
        LatticeSearch search = LatticeSearch.of(AdultData.data(dir), AdultData.hierarchies(dir));
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        int[] ks = {2, 5, 10, 50};
        double[] limits = {0, 0.05};
        for (int warm = 0; warm < 3; warm++) {
            for (int k : ks) {
                for (double s : limits) {
                    search.search(PrivacyModel.kAnonymity(k, s));
                }
            }
        }
        System.out.println("| k | suppression | levels (" + String.join(", ", AdultData.QIS) + ") | loss | suppressed"
                + " | min class | classes | nodes evaluated | time ms (median of 5) | ARX 3.9.2 ms |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (int k : ks) {
            for (double s : limits) {
                PrivacyModel model = PrivacyModel.kAnonymity(k, s);
                long[] times = new long[5];
                SearchResult r = null;
                for (int i = 0; i < times.length; i++) {
                    long start = System.nanoTime();
                    r = search.search(model);
                    times[i] = System.nanoTime() - start;
                }
                Arrays.sort(times);
                String levels = r.levels().values().stream().map(String::valueOf).collect(Collectors.joining(","));
                String key = k + "/" + (s == 0 ? "0" : "5");
                System.out.printf("| %d | %s %% | %s | %.5f | %,d | %d | %,d | %,d | %.1f | %s |%n", k,
                        s == 0 ? "0" : "5", levels, r.loss(), r.suppressed(), r.minClassSize(), r.classes(),
                        r.nodesEvaluated(), times[2] / 1e6, ARX_MS.getOrDefault(key, "–"));
            }
        }
        System.out.println();
        System.out.println("Loading and encoding " + search.heights().size() + " QI columns: " + loadMs + " ms"
                + " (not in the search times). Lattice: " + List.copyOf(search.heights().values()));
    }
}
