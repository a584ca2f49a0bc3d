package dev.mamori.risk;

/**
 * The figures of one lattice node under a privacy model. The loss is the loss metric: per QI
 * column, the mean over records of (original values under the record's generalised value − 1) /
 * (hierarchy domain size − 1), a suppressed record counting 1; the columns' means p are combined
 * as the geometric mean of (1 + p), minus 1. This reproduces ARX 3.9.2's default "Loss" figures.
 */
record NodeFigures(boolean feasible, int suppressed, int minClassSize, int classes, double loss) {

    static NodeFigures of(ClassTable t, int[] levels, Encoding enc, int[] lRequired, PrivacyModel model) {
        int d = levels.length;
        long[] sums = new long[d];
        int suppressed = 0;
        int min = Integer.MAX_VALUE;
        int kept = 0;
        for (int c = 0; c < t.size(); c++) {
            int n = t.count(c);
            if (!passes(t, c, model, lRequired)) {
                suppressed += n;
                continue;
            }
            kept++;
            min = Math.min(min, n);
            for (int j = 0; j < d; j++) {
                sums[j] += (long) n * (enc.leaves[j][levels[j]][t.key(c, j)] - 1);
            }
        }
        double[] perColumn = new double[d];
        for (int j = 0; j < d; j++) {
            double generalised = enc.domain[j] <= 1 ? 0 : (double) sums[j] / (enc.domain[j] - 1);
            perColumn[j] = enc.rows == 0 ? 0 : (generalised + suppressed) / enc.rows;
        }
        boolean feasible = suppressed <= allowed(model, enc.rows) && (kept > 0 || enc.rows == 0); // an empty table is no answer
        return new NodeFigures(feasible, suppressed, kept == 0 ? 0 : min, kept, combine(perColumn));
    }

    /** Whether class {@code c} meets the model: at least k records, and l distinct values of each sensitive column. */
    static boolean passes(ClassTable t, int c, PrivacyModel model, int[] lRequired) {
        return t.count(c) >= model.k() && diverse(t, c, lRequired);
    }

    /** Whether class {@code c} holds the required distinct values of every sensitive column. */
    static boolean diverse(ClassTable t, int c, int[] lRequired) {
        for (int s = 0; s < lRequired.length; s++) {
            if (t.distinct(c, s) < lRequired[s]) {
                return false;
            }
        }
        return true;
    }

    /** Records that may be suppressed: floor(limit × records). */
    static long allowed(PrivacyModel model, int rows) {
        return (long) Math.floor(model.suppressionLimit() * rows + 1e-9);
    }

    /** Geometric mean of (1 + p) over the columns, minus 1. */
    static double combine(double[] perColumn) {
        if (perColumn.length == 0) {
            return 0;
        }
        double logs = 0;
        for (double p : perColumn) {
            logs += Math.log1p(p);
        }
        return Math.expm1(logs / perColumn.length);
    }
}
