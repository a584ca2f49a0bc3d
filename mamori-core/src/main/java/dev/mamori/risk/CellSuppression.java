package dev.mamori.risk;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Minimum cell size for a published two-way table of counts with its row, column and grand totals (statistical
 * disclosure control, as survey offices publish cross tables): cells under {@code k} are suppressed (primary), and
 * further cells are suppressed (complementary) until no suppressed cell can be worked out from the totals.
 *
 * <p>The rule checked: the table with its totals is one table of (rows + 1) × (columns + 1) entries in which every line
 * adds up. A suppressed entry can be recovered exactly if and only if, in the graph whose vertices are the lines and
 * whose edges are the suppressed entries, its edge is a bridge (on no cycle): then the line equations pin it. So
 * suppression goes on until no suppressed entry is a bridge: for each bridge, the cheapest rectangle through it (the
 * fewest people newly hidden) is hidden too, an empty cell only when nothing else closes it. Naive suppression — the small cells alone — leaves a
 * single suppressed cell in a row whose total is published, and subtraction gives it back.
 *
 * <p>Written here because no maintained Java library does table suppression (τ-ARGUS is a desktop program with a C++
 * solver); the method is the classic hypercube-free heuristic for two-way tables, and its audit is exact for them.
 * It protects against exact recovery; it does not guarantee an interval of a given width around each cell.
 */
public final class CellSuppression {

    /**
     * The table as published.
     *
     * @param table      the counts with their totals: [row][column], row {@code rows} holding the column totals, column
     *                   {@code columns} the row totals, and [rows][columns] the grand total
     * @param suppressed which entries of {@code table} are suppressed
     * @param primary    how many entries were suppressed for being under k
     * @param complementary how many more were suppressed so that those cannot be recovered
     */
    public record Result(long[][] table, boolean[][] suppressed, int primary, int complementary) {

        /** The entry at [row][column] of the table with its totals. */
        public long value(int row, int column) {
            return table[row][column];
        }
    }

    private CellSuppression() {
    }

    /**
     * @param counts the inner cells (a rectangle of counts ≥ 0)
     * @param k      the minimum published cell size: entries with 0 &lt; count &lt; k are suppressed
     */
    public static Result suppress(long[][] counts, int k) {
        return suppress(counts, k, null, null);
    }

    /**
     * The same for a table linked to others that publish some of its entries (its margins in other tables): entries of
     * the extended table marked in {@code hidden} are suppressed whatever their count (as the other tables hide them),
     * and those marked in {@code published} are never suppressed (the other tables show them), so that the tables
     * together publish each shared entry the same way. Either may be null.
     *
     * @throws IllegalArgumentException when no suppression meets both (a published entry would have to be hidden)
     */
    public static Result suppress(long[][] counts, int k, boolean[][] hidden, boolean[][] published) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        long[][] x = extended(counts);
        int rows = x.length;
        int cols = x[0].length;
        boolean[][] s = new boolean[rows][cols];
        boolean[][] fixed = published == null ? new boolean[rows][cols] : published;
        int primary = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (hidden != null && hidden[r][c]) {
                    s[r][c] = true;
                    primary++;
                } else if (x[r][c] > 0 && x[r][c] < k && fixed[r][c]) {
                    throw new IllegalArgumentException("an entry under k is published elsewhere");
                } else if (x[r][c] > 0 && x[r][c] < k) {
                    s[r][c] = true;
                    primary++;
                }
            }
        }
        int complementary = 0;
        while (true) {
            int[] bridge = firstBridge(s);
            if (bridge == null) {
                break;
            }
            List<int[]> add = complement(x, s, fixed, bridge[0], bridge[1], false);
            if (add == null) { // only empty entries can close a cycle: those, as a last resort
                add = complement(x, s, fixed, bridge[0], bridge[1], true);
            }
            if (add == null) { // a table of one row or one column: its totals give every cell
                throw new IllegalArgumentException("a table needs two rows and two columns for its small cells to be hidden");
            }
            for (int[] e : add) {
                s[e[0]][e[1]] = true;
                complementary++;
            }
        }
        return new Result(x, s, primary, complementary);
    }

    /**
     * One-way suppression of a distribution whose total is published: the categories under {@code k} (not empty) are
     * hidden, and when that leaves exactly one hidden, the smallest other category too (an empty one only when no other
     * has a count), so that the total minus the published ones never gives a single hidden category.
     */
    public static boolean[] oneWay(long[] counts, int k) {
        boolean[] h = new boolean[counts.length];
        int hidden = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && counts[i] < k) {
                h[i] = true;
                hidden++;
            }
        }
        if (hidden == 1) {
            int best = -1;
            for (int i = 0; i < counts.length; i++) {
                if (!h[i] && (best < 0 || counts[best] == 0 && counts[i] > 0 || counts[i] > 0 && counts[i] < counts[best])) {
                    best = i;
                }
            }
            if (best >= 0) {
                h[best] = true;
            }
        }
        return h;
    }

    /** The table with a column of row totals, a row of column totals and the grand total. */
    static long[][] extended(long[][] counts) {
        int rows = counts.length;
        int cols = rows == 0 ? 0 : counts[0].length;
        long[][] x = new long[rows + 1][cols + 1];
        for (int r = 0; r < rows; r++) {
            if (counts[r].length != cols) {
                throw new IllegalArgumentException("row " + r + " has " + counts[r].length + " cells, not " + cols);
            }
            for (int c = 0; c < cols; c++) {
                if (counts[r][c] < 0) {
                    throw new IllegalArgumentException("a count below zero at " + r + "," + c);
                }
                x[r][c] = counts[r][c];
                x[r][cols] += counts[r][c];
                x[rows][c] += counts[r][c];
                x[rows][cols] += counts[r][c];
            }
        }
        return x;
    }

    /**
     * The suppressed entries that the published ones give away: those whose edge is a bridge of the graph of suppressed
     * entries (vertices: the rows and the columns of the extended table). Empty when the table is safe.
     */
    public static List<int[]> recoverable(boolean[][] suppressed) {
        List<int[]> out = new ArrayList<>();
        for (int r = 0; r < suppressed.length; r++) {
            for (int c = 0; c < suppressed[r].length; c++) {
                if (suppressed[r][c] && !onCycle(suppressed, r, c)) {
                    out.add(new int[] {r, c});
                }
            }
        }
        return out;
    }

    /** The first suppressed entry that is a bridge, or null (stops at the first, unlike {@link #recoverable}). */
    private static int[] firstBridge(boolean[][] s) {
        for (int r = 0; r < s.length; r++) {
            for (int c = 0; c < s[r].length; c++) {
                if (s[r][c] && !onCycle(s, r, c)) {
                    return new int[] {r, c};
                }
            }
        }
        return null;
    }

    /** Whether row {@code r} and column {@code c} stay connected through other suppressed entries. */
    private static boolean onCycle(boolean[][] s, int r, int c) {
        return reach(s, r, c)[s.length + c];
    }

    /**
     * Vertices reachable from row {@code r} through suppressed entries other than [r][c]: rows are 0..rows-1, columns
     * rows..rows+cols-1.
     */
    private static boolean[] reach(boolean[][] s, int r, int c) {
        int rows = s.length;
        int cols = s[0].length;
        boolean[] seen = new boolean[rows + cols];
        Deque<Integer> todo = new ArrayDeque<>();
        seen[r] = true;
        todo.add(r);
        while (!todo.isEmpty()) {
            int v = todo.poll();
            if (v < rows) {
                for (int j = 0; j < cols; j++) {
                    if (s[v][j] && !(v == r && j == c) && !seen[rows + j]) {
                        seen[rows + j] = true;
                        todo.add(rows + j);
                    }
                }
            } else {
                int j = v - rows;
                for (int i = 0; i < rows; i++) {
                    if (s[i][j] && !(i == r && j == c) && !seen[i]) {
                        seen[i] = true;
                        todo.add(i);
                    }
                }
            }
        }
        return seen;
    }

    /**
     * The cheapest rectangle through [r][c]: a row r' and a column c' such that hiding [r][c'], [r'][c] and [r'][c'] (those
     * not hidden yet, none of them {@code fixed}) puts [r][c] on a cycle of four. Cost: the counts newly hidden, then how many; entries not hidden
     * must be non-empty unless {@code empty} (a last resort: a hidden zero can only grow, so it protects one way).
     * Returns the entries to hide, or null.
     */
    private static List<int[]> complement(long[][] x, boolean[][] s, boolean[][] fixed, int r, int c, boolean empty) {
        int rows = s.length;
        int cols = s[0].length;
        List<int[]> best = null;
        long bestCost = Long.MAX_VALUE;
        for (int i = 0; i < rows; i++) {
            if (i == r) {
                continue;
            }
            for (int j = 0; j < cols; j++) {
                if (j == c) {
                    continue;
                }
                List<int[]> add = new ArrayList<>(3);
                long cost = 0;
                boolean usable = true;
                for (int[] e : new int[][] {{r, j}, {i, c}, {i, j}}) {
                    if (s[e[0]][e[1]]) {
                        continue;
                    }
                    long v = x[e[0]][e[1]];
                    if (v == 0 && !empty || fixed[e[0]][e[1]]) {
                        usable = false;
                        break;
                    }
                    add.add(e);
                    cost += v;
                }
                if (!usable) {
                    continue;
                }
                long total = cost * 4 + add.size(); // counts first, then fewer entries
                if (total < bestCost) {
                    bestCost = total;
                    best = add;
                }
            }
        }
        return best;
    }

    /** For messages and tests: the suppressed pattern as text ('x' suppressed, '.' published). */
    static String pattern(boolean[][] s) {
        StringBuilder b = new StringBuilder();
        for (boolean[] row : s) {
            for (boolean v : row) {
                b.append(v ? 'x' : '.');
            }
            b.append('\n');
        }
        return b.toString();
    }
}
