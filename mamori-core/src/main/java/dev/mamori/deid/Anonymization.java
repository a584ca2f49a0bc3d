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
        int[] qi = new int[hierarchies.size()];
        for (int q = 0; q < qi.length; q++) {
            qi[q] = data.column(hierarchies.get(q).column());
        }
        List<String[]> generalised = new ArrayList<>(data.rows().size());
        Map<List<String>, Integer> sizes = new HashMap<>();
        for (String[] row : data.rows()) {
            String[] g = row.clone();
            for (int q = 0; q < qi.length; q++) {
                Hierarchy h = hierarchies.get(q);
                g[qi[q]] = h.generalize(row[qi[q]], levels.get(h.column()));
            }
            generalised.add(g);
            sizes.merge(key(g, qi), 1, Integer::sum);
        }
        Map<List<String>, Set<String>>[] distinct = distinctValues(data, generalised, qi, model);
        List<Integer> kept = new ArrayList<>();
        for (int c = 0; c < data.columns().size(); c++) {
            if (!deleted.contains(data.columns().get(c))) {
                kept.add(c);
            }
        }
        List<String[]> out = new ArrayList<>();
        int suppressed = 0;
        for (String[] g : generalised) {
            List<String> k = key(g, qi);
            if (sizes.get(k) < model.k() || !diverse(k, distinct, model)) {
                suppressed++;
                continue;
            }
            String[] o = new String[kept.size()];
            for (int i = 0; i < o.length; i++) {
                o[i] = g[kept.get(i)];
            }
            out.add(o);
        }
        List<String> columns = kept.stream().map(data.columns()::get).toList();
        return new Result(new Dataset(columns, out), suppressed);
    }

    private static List<String> key(String[] row, int[] qi) {
        String[] k = new String[qi.length];
        for (int q = 0; q < qi.length; q++) {
            k[q] = row[qi[q]];
        }
        return List.of(k);
    }

    @SuppressWarnings("unchecked")
    private static Map<List<String>, Set<String>>[] distinctValues(Dataset data, List<String[]> generalised, int[] qi,
                                                                  PrivacyModel model) {
        List<String> sensitive = new ArrayList<>(model.l().keySet());
        Map<List<String>, Set<String>>[] d = new Map[sensitive.size()];
        for (int s = 0; s < d.length; s++) {
            int col = data.column(sensitive.get(s));
            d[s] = new HashMap<>();
            for (String[] g : generalised) {
                d[s].computeIfAbsent(key(g, qi), x -> new HashSet<>()).add(g[col]);
            }
        }
        return d;
    }

    private static boolean diverse(List<String> key, Map<List<String>, Set<String>>[] distinct, PrivacyModel model) {
        int s = 0;
        for (int l : model.l().values()) {
            if (distinct[s++].get(key).size() < l) {
                return false;
            }
        }
        return true;
    }
}
