package dev.mamori.risk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Optimal full-domain generalisation: of all level vectors (one hierarchy level per QI column),
 * the one with the least information loss whose classes meet a {@link PrivacyModel} after
 * suppressing the records of failing classes within the suppression limit.
 *
 * <p>Loss is the loss metric (Iyengar 2002) computed the way ARX 3.9.2 computes its default
 * "Loss": per QI column, the mean over records of (original values under the record's generalised
 * value − 1) / (hierarchy domain size − 1), where a suppressed record counts 1; the per-column
 * means p are combined as the geometric mean of (1 + p), minus 1.
 *
 * <p>The search visits nodes in ascending order of a lower bound of their loss (their loss if no
 * record were suppressed, which needs no classes), skips nodes below a node known to fail
 * (feasibility is monotone: generalising merges classes), stops when the bound passes the best loss
 * found, and computes each node's classes by rolling up the classes of the least-populated
 * evaluated node below it. Strings are encoded once, in {@link #of}; a search never touches them.
 */
public final class LatticeSearch {
    private final Dataset data;
    private final Encoding encoding;

    private LatticeSearch(Dataset data, Encoding encoding) {
        this.data = data;
        this.encoding = encoding;
    }

    /**
     * Prepares a search over {@code data} with the given QI hierarchies (in QI order). A value
     * missing from its hierarchy is refused naming the value, column and data row.
     */
    public static LatticeSearch of(Dataset data, List<Hierarchy> quasiIdentifiers) {
        if (quasiIdentifiers.isEmpty()) {
            throw new RiskException("準識別子の列を一般化階層とともに 1 つ以上指定してください", "name at least one quasi-identifier column with its hierarchy");
        }
        return new LatticeSearch(data, Encoding.of(data, quasiIdentifiers));
    }

    /**
     * Prepares a search over a table given as its distinct rows (quasi-identifiers and l-diverse
     * columns only) and how many records each stands for: the memory a search needs then grows
     * with the distinct combinations, not with the records, so a table of any length can be
     * counted in one pass and searched.
     */
    public static LatticeSearch of(Dataset distinctRows, int[] counts, List<Hierarchy> quasiIdentifiers) {
        if (quasiIdentifiers.isEmpty()) {
            throw new RiskException("準識別子の列を一般化階層とともに 1 つ以上指定してください", "name at least one quasi-identifier column with its hierarchy");
        }
        return new LatticeSearch(distinctRows, Encoding.of(distinctRows, counts, quasiIdentifiers));
    }

    /**
     * The optimal transformation under {@code model}.
     *
     * @throws UnreachableException when not even the most general transformation meets the model
     */
    public SearchResult search(PrivacyModel model) {
        long start = System.nanoTime();
        Traversal t = new Traversal(encoding, sensitiveCodes(model), model);
        int[] best = t.run();
        NodeFigures f = t.figures(best);
        long ms = (System.nanoTime() - start) / 1_000_000;
        return new SearchResult(levelMap(best), f.loss(), f.suppressed(), f.minClassSize(), f.classes(),
                t.evaluated(), ms);
    }

    /** The figures of one transformation (column → level; missing columns at level 0) under {@code model}. */
    public SearchResult evaluate(Map<String, Integer> levels, PrivacyModel model) {
        long start = System.nanoTime();
        Traversal t = new Traversal(encoding, sensitiveCodes(model), model);
        NodeFigures f = t.figures(levelVector(levels));
        return new SearchResult(levelMap(levelVector(levels)), f.loss(), f.suppressed(), f.minClassSize(),
                f.classes(), 1, (System.nanoTime() - start) / 1_000_000);
    }

    /** Whether a transformation meets {@code model} within its suppression limit. */
    public boolean feasible(Map<String, Integer> levels, PrivacyModel model) {
        return new Traversal(encoding, sensitiveCodes(model), model).figures(levelVector(levels)).feasible();
    }

    /**
     * What a transformation does to the rows: whether each row (a distinct combination, when the search was made on
     * counts) is in a class that meets the model and so is kept, and the risk figures of the table before and after
     * (the classes that fail removed). Worked out on the codes, like the search: no string is generalised or compared,
     * so the classes are those the search counted.
     *
     * @param kept   by row, in the order of the rows searched
     * @param before the risk of the rows as they are
     * @param after  the risk of the kept rows at these levels
     */
    public record Outcome(boolean[] kept, RiskReport before, RiskReport after) {
    }

    /** The {@link Outcome} of {@code levels} (column → level; missing columns at level 0) under {@code model}. */
    public Outcome outcome(Map<String, Integer> levels, PrivacyModel model, double riskThreshold) {
        int[] v = levelVector(levels);
        List<int[]> sensitive = sensitiveCodes(model);
        List<String> names = List.copyOf(model.l().keySet());
        int[] required = model.l().values().stream().mapToInt(Integer::intValue).toArray();
        RiskReport before = RiskAnalyzer.of(ClassTable.group(encoding.codes, encoding.n, encoding.weights, sensitive, null), null, names,
                riskThreshold);
        int[][] generalised = new int[v.length][];
        for (int j = 0; j < v.length; j++) {
            int[] map = encoding.map[j][v[j]];
            int[] codes = encoding.codes[j];
            generalised[j] = new int[encoding.n];
            for (int r = 0; r < encoding.n; r++) {
                generalised[j][r] = map[codes[r]];
            }
        }
        int[] classOf = new int[encoding.n];
        ClassTable t = ClassTable.group(generalised, encoding.n, encoding.weights, sensitive, classOf);
        boolean[] passes = new boolean[t.size()];
        for (int c = 0; c < passes.length; c++) {
            passes[c] = NodeFigures.passes(t, c, model, required);
        }
        boolean[] kept = new boolean[encoding.n];
        for (int r = 0; r < kept.length; r++) {
            kept[r] = passes[classOf[r]];
        }
        return new Outcome(kept, before, RiskAnalyzer.of(t, passes, names, riskThreshold));
    }

    /** The QI columns in order, with their highest level. */
    Map<String, Integer> heights() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int j = 0; j < encoding.dimensions(); j++) {
            m.put(encoding.names.get(j), encoding.height(j));
        }
        return m;
    }

    private int[] levelVector(Map<String, Integer> levels) {
        int[] v = new int[encoding.dimensions()];
        for (Map.Entry<String, Integer> e : levels.entrySet()) {
            int j = encoding.names.indexOf(e.getKey());
            if (j < 0) {
                throw new RiskException("'" + e.getKey() + "' は準識別子ではありません。準識別子は " + encoding.names + " です",
                        "'" + e.getKey() + "' is not a quasi-identifier; they are " + encoding.names);
            }
            if (e.getValue() < 0 || e.getValue() > encoding.height(j)) {
                throw new RiskException("'" + e.getKey() + "' のレベル " + e.getValue() + " が 0〜" + encoding.height(j) + " の外です",
                        "level " + e.getValue() + " for '" + e.getKey() + "' is outside 0.." + encoding.height(j));
            }
            v[j] = e.getValue();
        }
        return v;
    }

    private Map<String, Integer> levelMap(int[] levels) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int j = 0; j < levels.length; j++) {
            m.put(encoding.names.get(j), levels[j]);
        }
        return Collections.unmodifiableMap(m);
    }

    /** Dictionary codes of each l-diverse column, in the model's order; [s][row], domain in the last slot. */
    private List<int[]> sensitiveCodes(PrivacyModel model) {
        List<int[]> out = new ArrayList<>();
        for (String column : model.l().keySet()) {
            int col = data.column(column);
            if (encoding.names.contains(column)) {
                throw new RiskException("'" + column + "' は準識別子です。l-多様性は要配慮の列に適用します",
                        "'" + column + "' is a quasi-identifier; l-diversity applies to sensitive columns");
            }
            Map<String, Integer> dict = new HashMap<>();
            int[] codes = new int[data.rows().size() + 1];
            for (int r = 0; r < data.rows().size(); r++) {
                codes[r] = dict.computeIfAbsent(data.rows().get(r)[col], v -> dict.size());
            }
            codes[codes.length - 1] = dict.size();
            out.add(codes);
        }
        return out;
    }
}
