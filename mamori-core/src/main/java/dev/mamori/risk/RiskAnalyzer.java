package dev.mamori.risk;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The entry point for risk figures: groups the records of a table into equivalence classes over
 * its QI columns, as the values stand (generalise first to measure a transformation), and reports
 * the figures of {@link RiskReport}. One pass to encode the columns, one over the classes.
 */
public final class RiskAnalyzer {

    private RiskAnalyzer() {
    }

    /**
     * Risk of {@code data} over {@code quasiIdentifiers}, with the distinct l-diversity of each
     * {@code sensitive} column and the records whose prosecutor risk exceeds {@code riskThreshold}
     * (0 &lt; threshold ≤ 1; e.g. 0.2 counts records in classes smaller than 5).
     */
    public static RiskReport analyze(Dataset data, List<String> quasiIdentifiers, List<String> sensitive,
                                     double riskThreshold) {
        return analyze(data, null, quasiIdentifiers, sensitive, riskThreshold);
    }

    /**
     * As {@link #analyze(Dataset, List, List, double)}, each row standing for {@code weights[row]} records (null: one):
     * the figures of a table known by its distinct combinations and their counts.
     */
    public static RiskReport analyze(Dataset data, int[] weights, List<String> quasiIdentifiers, List<String> sensitive,
                                     double riskThreshold) {
        if (quasiIdentifiers.isEmpty()) {
            throw new RiskException("準識別子の列を 1 つ以上指定してください", "name at least one quasi-identifier column");
        }
        int rows = data.rows().size();
        long total = 0;
        for (int r = 0; r < rows; r++) {
            total += weights == null ? 1 : weights[r];
        }
        if (total > Integer.MAX_VALUE) {
            throw new RiskException("レコードが多すぎます（" + total + " 件）", "too many records (" + total + ")");
        }
        int[][] qi = new int[quasiIdentifiers.size()][];
        for (int j = 0; j < qi.length; j++) {
            qi[j] = encode(data, data.column(quasiIdentifiers.get(j)), new int[1]);
        }
        int[][] sens = new int[sensitive.size()][];
        int[] domains = new int[sensitive.size()];
        for (int s = 0; s < sens.length; s++) {
            int[] domain = new int[1];
            sens[s] = encode(data, data.column(sensitive.get(s)), domain);
            domains[s] = domain[0];
        }
        return of(ClassTable.group(qi, rows, weights, sens, domains), null, sensitive, riskThreshold);
    }

    /**
     * The figures of the classes of {@code t} for which {@code included[class]} holds (null: every class), with
     * {@code sensitive} naming its sensitive columns in order.
     */
    static RiskReport of(ClassTable t, boolean[] included, List<String> sensitive, double riskThreshold) {
        if (!(riskThreshold > 0 && riskThreshold <= 1)) {
            throw new RiskException("リスクの閾値は 0 より大きく 1 以下の確率です（指定は " + riskThreshold + "）",
                    "the risk threshold is a probability above 0 and at most 1, was " + riskThreshold);
        }
        TreeMap<Integer, Integer> sizes = new TreeMap<>();
        int[] minL = new int[sensitive.size()];
        java.util.Arrays.fill(minL, Integer.MAX_VALUE);
        long n = 0;
        for (int c = 0; c < t.size(); c++) {
            if (included != null && !included[c]) {
                continue;
            }
            n += t.count(c);
            sizes.merge(t.count(c), 1, Integer::sum);
            for (int s = 0; s < minL.length; s++) {
                minL[s] = Math.min(minL[s], t.distinct(c, s));
            }
        }
        Map<String, Integer> l = new LinkedHashMap<>();
        for (int s = 0; s < minL.length; s++) {
            l.put(sensitive.get(s), n == 0 ? 0 : minL[s]);
        }
        return ofClassSizes(sizes, l, riskThreshold);
    }

    /**
     * The figures of a table known by its class sizes alone: how a distributed run (mamori-spark) measures without
     * bringing the classes to one place.
     *
     * @param sizes     class size → classes of that size
     * @param distinctL per sensitive column, the fewest distinct values in a class (0 for an empty table)
     */
    public static RiskReport ofClassSizes(java.util.SortedMap<Integer, Integer> sizes, Map<String, Integer> distinctL,
                                          double riskThreshold) {
        long total = 0;
        int classes = 0;
        long above = 0;
        for (Map.Entry<Integer, Integer> e : sizes.entrySet()) {
            total += (long) e.getKey() * e.getValue();
            classes += e.getValue();
            if (1.0 / e.getKey() > riskThreshold) {
                above += (long) e.getKey() * e.getValue();
            }
        }
        if (total > Integer.MAX_VALUE) {
            throw new RiskException("レコードが多すぎます（" + total + " 件）", "too many records (" + total + ")");
        }
        int n = (int) total;
        int unique = sizes.getOrDefault(1, 0);
        int k = sizes.isEmpty() ? 0 : sizes.firstKey();
        return new RiskReport(n, classes, k, sizes, n == 0 ? 0 : (double) unique / n, k == 0 ? 0 : 1.0 / k,
                n == 0 ? 0 : (double) classes / n, riskThreshold, (int) above, distinctL);
    }

    private static int[] encode(Dataset data, int column, int[] domainOut) {
        Map<String, Integer> dict = new HashMap<>();
        int[] codes = new int[data.rows().size()];
        for (int r = 0; r < codes.length; r++) {
            codes[r] = dict.computeIfAbsent(data.rows().get(r)[column], v -> dict.size());
        }
        domainOut[0] = dict.size();
        return codes;
    }
}
