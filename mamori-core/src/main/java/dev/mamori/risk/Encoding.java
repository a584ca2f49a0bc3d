package dev.mamori.risk;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The QI columns of a dataset, dictionary-encoded once against their hierarchies so that no lattice
 * node ever touches a string. A code is a hierarchy row (an original value). At level l the
 * generalised value is represented by a canonical code: the first hierarchy row with that
 * generalisation; {@code map[j][l][code]} gives it for every level-0 code, and for every canonical
 * code of a lower level, so it also rolls classes up from one level to a higher one.
 */
final class Encoding {
    final List<String> names;
    /** Records: the sum of the weights. */
    final int rows;
    /** Encoded rows: distinct combinations when weighted, else records. */
    final int n;
    /** weights[row]: the records an encoded row stands for, or null when each stands for one. */
    final int[] weights;
    /** codes[j][row]: level-0 code of QI column j. */
    final int[][] codes;
    /** map[j][level][code]: canonical code of the generalisation of code at level. */
    final int[][][] map;
    /** leaves[j][level][canonical code]: number of original values under that generalisation. */
    final int[][][] leaves;
    final int[] domain;
    /** groups[j][level]: number of distinct generalisations of column j at level. */
    final int[][] groups;
    final Hierarchy[] hierarchies;

    private Encoding(List<String> names, int n, int[] weights, int d) {
        this.names = names;
        this.n = n;
        this.weights = weights;
        long total = 0;
        for (int r = 0; r < n; r++) {
            total += weights == null ? 1 : weights[r];
        }
        if (total > Integer.MAX_VALUE) {
            throw new RiskException("レコードが " + Integer.MAX_VALUE + " 件を超えています", "more than " + Integer.MAX_VALUE + " records");
        }
        this.rows = (int) total;
        this.codes = new int[d][];
        this.map = new int[d][][];
        this.leaves = new int[d][][];
        this.domain = new int[d];
        this.groups = new int[d][];
        this.hierarchies = new Hierarchy[d];
    }

    static Encoding of(Dataset data, List<Hierarchy> qis) {
        return of(data, null, qis);
    }

    /** {@code weights[row]}: how many records the row stands for (null: one each). */
    static Encoding of(Dataset data, int[] weights, List<Hierarchy> qis) {
        List<String> names = qis.stream().map(Hierarchy::column).toList();
        if (weights != null && weights.length != data.rows().size()) {
            throw new RiskException(data.rows().size() + " 行に対して重みが " + weights.length + " 個です",
                    weights.length + " weights for " + data.rows().size() + " rows");
        }
        Encoding e = new Encoding(names, data.rows().size(), weights, qis.size());
        for (int j = 0; j < qis.size(); j++) {
            Hierarchy h = qis.get(j);
            e.hierarchies[j] = h;
            int col = data.column(h.column());
            e.domain[j] = h.domainSize();
            e.codes[j] = encodeColumn(data, col, h);
            e.map[j] = new int[h.height() + 1][];
            e.leaves[j] = new int[h.height() + 1][];
            e.groups[j] = new int[h.height() + 1];
            for (int l = 0; l <= h.height(); l++) {
                int[] m = new int[h.domainSize()];
                int[] leaf = new int[h.domainSize()];
                Map<String, Integer> first = new HashMap<>();
                for (int c = 0; c < m.length; c++) {
                    m[c] = first.computeIfAbsent(h.valueAt(c, l), v -> first.size());
                }
                // first.size()-numbering is by first appearance; turn it into canonical rows
                int[] canon = new int[first.size()];
                java.util.Arrays.fill(canon, -1);
                for (int c = 0; c < m.length; c++) {
                    if (canon[m[c]] < 0) {
                        canon[m[c]] = c;
                    }
                    m[c] = canon[m[c]];
                    leaf[m[c]]++;
                }
                e.groups[j][l] = canon.length;
                e.map[j][l] = m;
                e.leaves[j][l] = leaf;
            }
            checkTree(h, e.map[j]);
        }
        return e;
    }

    private static int[] encodeColumn(Dataset data, int col, Hierarchy h) {
        List<String[]> rows = data.rows();
        int[] out = new int[rows.size()];
        for (int r = 0; r < out.length; r++) {
            String v = rows.get(r)[col];
            int c = h.codeOf(v);
            if (c < 0) {
                throw new RiskException("列 '" + h.column() + "' のデータ " + (r + 1) + " 行目の値 '" + v
                        + "' が列の一般化階層にありません。階層にその行を加えてください", "value '" + v + "' in column '" + h.column()
                        + "', data row " + (r + 1) + ", is not in the column's hierarchy; add a hierarchy row for it");
            }
            out[r] = c;
        }
        return out;
    }

    /** Values that share a generalisation at one level must share it at every higher level. */
    private static void checkTree(Hierarchy h, int[][] map) {
        for (int l = 0; l < map.length - 1; l++) {
            for (int c = 0; c < map[l].length; c++) {
                if (map[l + 1][c] != map[l + 1][map[l][c]]) {
                    throw new RiskException("列 '" + h.column() + "' の一般化階層の " + (c + 1) + " 行目: レベル " + l + " の '"
                            + h.valueAt(c, l) + "' がレベル " + (l + 1) + " で '" + h.valueAt(c, l + 1) + "' と '"
                            + h.valueAt(map[l][c], l + 1) + "' の両方になります。階層は木の形でなければなりません",
                            "hierarchy for column '" + h.column() + "', row " + (c + 1) + ": '"
                            + h.valueAt(c, l) + "' at level " + l + " generalises to both '" + h.valueAt(c, l + 1)
                            + "' and '" + h.valueAt(map[l][c], l + 1) + "' at level " + (l + 1)
                            + "; a hierarchy must be a tree");
                }
            }
        }
    }

    int dimensions() {
        return codes.length;
    }

    int height(int j) {
        return map[j].length - 1;
    }

    /** Share of records' generalisation loss of column j at level l, with no record suppressed. */
    double generalisationLoss(int j, int l) {
        if (domain[j] <= 1) {
            return 0;
        }
        long sum = 0;
        int[] m = map[j][l];
        int[] leaf = leaves[j][l];
        int[] c = codes[j];
        for (int r = 0; r < c.length; r++) {
            sum += (long) (leaf[m[c[r]]] - 1) * (weights == null ? 1 : weights[r]);
        }
        return rows == 0 ? 0 : (double) sum / (domain[j] - 1) / rows;
    }
}
