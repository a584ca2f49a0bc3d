package dev.mamori.spark;

import org.apache.spark.util.AccumulatorV2;

/**
 * Adds the parts' counts per column across tasks — cells holding each type, for {@link dev.mamori.deid.ColumnChecks}
 * and for the scan's column statistics: counts only, never a value.
 */
final class CountsAccumulator extends AccumulatorV2<long[][], long[][]> {

    private long[][] sum = new long[0][];

    @Override
    public boolean isZero() {
        return sum.length == 0;
    }

    @Override
    public AccumulatorV2<long[][], long[][]> copy() {
        CountsAccumulator c = new CountsAccumulator();
        c.add(sum);
        return c;
    }

    @Override
    public void reset() {
        sum = new long[0][];
    }

    @Override
    public synchronized void add(long[][] v) {
        if (sum.length < v.length) {
            sum = java.util.Arrays.copyOf(sum, v.length);
        }
        for (int c = 0; c < v.length; c++) {
            if (sum[c] == null || sum[c].length < v[c].length) {
                sum[c] = sum[c] == null ? new long[v[c].length] : java.util.Arrays.copyOf(sum[c], v[c].length);
            }
            for (int t = 0; t < v[c].length; t++) {
                sum[c][t] += v[c][t];
            }
        }
    }

    /** Adds counts kept as ints ({@link dev.mamori.deid.ColumnChecks#counts()}). */
    void add(int[][] v) {
        long[][] l = new long[v.length][];
        for (int c = 0; c < v.length; c++) {
            l[c] = new long[v[c].length];
            for (int t = 0; t < v[c].length; t++) {
                l[c][t] = v[c][t];
            }
        }
        add(l);
    }

    /** The sums as ints, for {@link dev.mamori.deid.ColumnChecks#add(int[][])} (saturating: two is all a check needs). */
    int[][] ints() {
        long[][] v = value();
        int[][] out = new int[v.length][];
        for (int c = 0; c < v.length; c++) {
            out[c] = new int[v[c].length];
            for (int t = 0; t < v[c].length; t++) {
                out[c][t] = (int) Math.min(Integer.MAX_VALUE, v[c][t]);
            }
        }
        return out;
    }

    @Override
    public void merge(AccumulatorV2<long[][], long[][]> other) {
        add(other.value());
    }

    @Override
    public synchronized long[][] value() {
        long[][] out = new long[sum.length][];
        for (int c = 0; c < sum.length; c++) {
            out[c] = sum[c] == null ? new long[0] : sum[c].clone();
        }
        return out;
    }
}
