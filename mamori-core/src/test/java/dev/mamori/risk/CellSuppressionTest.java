package dev.mamori.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Published cross tables: small cells hidden, and not given back by the totals. */
class CellSuppressionTest {

    /** 利用場所 × 年代 of a small survey: one respondent in her 70s at a net café. */
    private static final long[][] SURVEY = {
        //  10s 20s 30s 40s 70s
        {12, 30, 25, 18, 6},   // 自宅
        {8, 22, 14, 9, 5},     // 職場
        {3, 11, 6, 4, 1},      // ネットカフェ
    };

    @Test
    void naiveSuppressionLeaksACellThroughTheMarginsAndThisDoesNot() {
        // naive: hide the cells under 5 only (3 and 1 and 4 of the café row); the café row total (25) and the published
        // cells of that row... the 70s column has 6 + 5 published and total 12: 12 - 6 - 5 = 1, the hidden respondent
        long[][] x = CellSuppression.extended(SURVEY);
        boolean[][] naive = new boolean[x.length][x[0].length];
        for (int r = 0; r < x.length; r++) {
            for (int c = 0; c < x[0].length; c++) {
                naive[r][c] = x[r][c] > 0 && x[r][c] < 5;
            }
        }
        assertThat(x[3][4] - x[0][4] - x[1][4]).as("subtraction from the published column total").isEqualTo(SURVEY[2][4]);
        assertThat(CellSuppression.recoverable(naive)).isNotEmpty();

        CellSuppression.Result r = CellSuppression.suppress(SURVEY, 5);
        assertThat(r.primary()).isEqualTo(3);
        assertThat(r.complementary()).isPositive();
        assertThat(CellSuppression.recoverable(r.suppressed())).as(CellSuppression.pattern(r.suppressed())).isEmpty();
        assertThat(r.suppressed()[2][4]).isTrue();
        assertThat(anotherTableFitsTheTotals(x, r.suppressed(), 2, 4)).isTrue();
    }

    @Test
    void aSmallRowTotalIsHiddenAndProtectedToo() {
        long[][] t = {{40, 25, 30}, {2, 1, 0}, {18, 22, 9}};
        CellSuppression.Result r = CellSuppression.suppress(t, 5);
        assertThat(r.suppressed()[1][3]).as("the row total of 3").isTrue();
        assertThat(CellSuppression.recoverable(r.suppressed())).as(CellSuppression.pattern(r.suppressed())).isEmpty();
    }

    @Test
    void randomTablesNeverLeakAndHideOnlyWhatTheyMust() {
        Random rnd = new Random(2026);
        for (int n = 0; n < 300; n++) {
            int rows = 2 + rnd.nextInt(6);
            int cols = 2 + rnd.nextInt(6);
            long[][] t = new long[rows][cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    t[i][j] = rnd.nextInt(4) == 0 ? rnd.nextInt(5) : rnd.nextInt(60);
                }
            }
            CellSuppression.Result r = CellSuppression.suppress(t, 5);
            boolean[][] s = r.suppressed();
            assertThat(CellSuppression.recoverable(s)).as(CellSuppression.pattern(s)).isEmpty();
            long[][] x = CellSuppression.extended(t);
            for (int i = 0; i <= rows; i++) {
                for (int j = 0; j <= cols; j++) {
                    if (x[i][j] > 0 && x[i][j] < 5) {
                        assertThat(s[i][j]).as("primary %d,%d", i, j).isTrue();
                    }
                    if (s[i][j] && x[i][j] > 0 && x[i][j] < 5) {
                        assertThat(anotherTableFitsTheTotals(x, s, i, j)).as("cell %d,%d of %s", i, j, CellSuppression.pattern(s)).isTrue();
                    }
                }
            }
        }
    }

    /**
     * An attacker's view: is there a table other than the true one, with every published entry and every line sum the
     * same and no count below zero, in which the entry at [r][c] differs? Found by moving ±1 around a cycle of hidden
     * entries through it (in the signed extended table, where every line sums to zero).
     */
    private static boolean anotherTableFitsTheTotals(long[][] x, boolean[][] s, int r, int c) {
        int rows = x.length;
        int cols = x[0].length;
        // breadth-first search for a path from column c back to row r through hidden entries, not using [r][c]
        int[] prev = new int[rows + cols];
        java.util.Arrays.fill(prev, -2);
        java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>();
        prev[rows + c] = -1;
        todo.add(rows + c);
        while (!todo.isEmpty() && prev[r] == -2) {
            int v = todo.poll();
            for (int w = 0; w < rows + cols; w++) {
                if (prev[w] != -2 || (v < rows) == (w < rows)) {
                    continue;
                }
                int i = v < rows ? v : w;
                int j = (v < rows ? w : v) - rows;
                if (s[i][j] && !(i == r && j == c)) {
                    prev[w] = v;
                    todo.add(w);
                }
            }
        }
        if (prev[r] == -2) {
            return false;
        }
        // the cycle: [r][c] +d, then alternately -d, +d, … along the path; in the signed table (totals negated, grand
        // total positive) every line keeps its sum; the true counts must stay ≥ 0 for d = +1 or for d = -1
        java.util.List<int[]> cycle = new java.util.ArrayList<>();
        cycle.add(new int[] {r, c});
        for (int v = r; prev[v] != -1; v = prev[v]) {
            int u = prev[v];
            cycle.add(new int[] {Math.min(u, v) < rows ? Math.min(u, v) : Math.max(u, v), Math.max(u, v) - rows});
        }
        for (int d : new int[] {1, -1}) {
            boolean ok = true;
            for (int k = 0; k < cycle.size() && ok; k++) {
                int i = cycle.get(k)[0];
                int j = cycle.get(k)[1];
                int sign = (i == rows - 1) != (j == cols - 1) ? -1 : 1; // a row or column total is negated in the signed table
                long moved = x[i][j] + (long) sign * (k % 2 == 0 ? d : -d);
                ok = moved >= 0;
            }
            if (ok) {
                return true;
            }
        }
        return false;
    }
}
