package dev.mamori.deid;

import dev.mamori.risk.Dataset;
import dev.mamori.risk.Hierarchy;
import dev.mamori.risk.PrivacyModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a chosen transformation to a table: each quasi-identifier generalised to its level, the
 * records of classes that fail the privacy model removed (record suppression, 施行規則34条4号 for
 * outliers), the other columns kept or deleted as the caller decided. The result is checked again
 * by the caller with {@link dev.mamori.risk.RiskAnalyzer} before anything is written.
 */
public final class Anonymization {

    /**
     * @param data       the processed table (only the kept columns, in input order)
     * @param suppressed records removed because their class failed the model
     */
    public record Result(Dataset data, int suppressed) {
    }

    private Anonymization() {
    }

    /**
     * @param data        the input table
     * @param hierarchies one per quasi-identifier column (named by {@link Hierarchy#column()})
     * @param levels      the chosen level of each quasi-identifier
     * @param model       the privacy model whose failing classes are suppressed
     * @param deleted     columns to leave out of the output (identifiers, 規則34条1号・2号)
     */
    public static Result apply(Dataset data, List<Hierarchy> hierarchies, Map<String, Integer> levels, PrivacyModel model,
                               Set<String> deleted) {
        Set<List<String>> passing = passingClasses(data, null, hierarchies, levels, model);
        int[] qi = columns(data, hierarchies);
        List<Integer> kept = new ArrayList<>();
        for (int c = 0; c < data.columns().size(); c++) {
            if (!deleted.contains(data.columns().get(c))) {
                kept.add(c);
            }
        }
        List<String[]> out = new ArrayList<>();
        int suppressed = 0;
        for (String[] row : data.rows()) {
            String[] g = generalised(row, qi, hierarchies, levels);
            if (!passing.contains(key(g, qi))) {
                suppressed++;
                continue;
            }
            String[] o = new String[kept.size()];
            for (int i = 0; i < o.length; i++) {
                o[i] = g[kept.get(i)];
            }
            out.add(o);
        }
        return new Result(new Dataset(kept.stream().map(data.columns()::get).toList(), out), suppressed);
    }

    /**
     * The generalised quasi-identifier keys (in hierarchy order) of the classes that meet the model
     * at the given levels. Each row stands for {@code weights[row]} records (null: one), so the same
     * rule serves a whole table and a table of distinct combinations with counts.
     */
    static Set<List<String>> passingClasses(Dataset table, int[] weights, List<Hierarchy> hierarchies, Map<String, Integer> levels,
                                            PrivacyModel model) {
        int[] qi = columns(table, hierarchies);
        List<String> sensitive = new ArrayList<>(model.l().keySet());
        int[] sens = sensitive.stream().mapToInt(table::column).toArray();
        Map<List<String>, Integer> sizes = new HashMap<>();
        List<Map<List<String>, Set<String>>> values = new ArrayList<>();
        sensitive.forEach(s -> values.add(new HashMap<>()));
        for (int r = 0; r < table.rows().size(); r++) {
            String[] row = table.rows().get(r);
            List<String> k = key(generalised(row, qi, hierarchies, levels), qi);
            sizes.merge(k, weights == null ? 1 : weights[r], Integer::sum);
            for (int s = 0; s < sens.length; s++) {
                values.get(s).computeIfAbsent(k, x -> new HashSet<>()).add(row[sens[s]]);
            }
        }
        Set<List<String>> ok = new HashSet<>();
        for (Map.Entry<List<String>, Integer> e : sizes.entrySet()) {
            boolean pass = e.getValue() >= model.k();
            for (int s = 0; s < sens.length && pass; s++) {
                pass = values.get(s).get(e.getKey()).size() >= model.l().get(sensitive.get(s));
            }
            if (pass) {
                ok.add(e.getKey());
            }
        }
        return ok;
    }

    /** The row with each quasi-identifier (at {@code qi[j]}) generalised to its level. */
    static String[] generalised(String[] row, int[] qi, List<Hierarchy> hierarchies, Map<String, Integer> levels) {
        String[] g = row.clone();
        for (int j = 0; j < qi.length; j++) {
            Hierarchy h = hierarchies.get(j);
            g[qi[j]] = h.generalize(row[qi[j]], levels.get(h.column()));
        }
        return g;
    }

    static List<String> key(String[] row, int[] qi) {
        String[] k = new String[qi.length];
        for (int j = 0; j < qi.length; j++) {
            k[j] = row[qi[j]];
        }
        return List.of(k);
    }

    private static int[] columns(Dataset table, List<Hierarchy> hierarchies) {
        return hierarchies.stream().mapToInt(h -> table.column(h.column())).toArray();
    }
}
