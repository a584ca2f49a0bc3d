package dev.mamori.deid;

import dev.mamori.detect.Detector;
import dev.mamori.detect.Finding;
import dev.mamori.report.Message;
import dev.mamori.detect.PiiType;
import dev.mamori.detect.ScanContext;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the processing standards forbid to leave in a column that is not deleted ({@link ColumnRules}, from the
 * data file column-rules.tsv), checked on every cell as rows stream past (never on a sample): for 仮名加工情報
 * (施行規則31条) and for the kept columns of 匿名加工情報 (施行規則34条1号・2号). A type found in two cells, or in every cell of a one-row
 * table, counts; a single stray hit in a large column does not (a free-text note may mention a
 * number). Nothing here keeps a cell's value past the run: counts per type, and in memory the types found in up to
 * 4,096 short values, so that a value repeated down a column is scanned once.
 */
final class ColumnCheck {

    private static final Detector DETECTOR = Detector.all();

    private final String column;
    private final Mode mode;
    private final Policy.Method method;
    private final ScanContext context;
    private final Map<PiiType, Integer> cells = new EnumMap<>(PiiType.class);
    /**
     * The types found in short values met before: a kept column of a large table (occupation, a category) repeats a
     * few values, and detection gives the same answer for the same value. Held in memory only, for this run, and
     * shared by the {@link #part() parts} of the column read on other threads.
     */
    private final Map<String, List<PiiType>> seen;
    private static final int REMEMBERED = 4096;
    private static final int REMEMBERED_CHARS = 64;

    private ColumnCheck(String column, Mode mode, Policy.Method method, ScanContext context, Map<String, List<PiiType>> seen) {
        this.column = column;
        this.mode = mode;
        this.method = method;
        this.context = context;
        this.seen = seen;
    }

    /** Does nothing itself: calling it initialises this class, which loads {@link #DETECTOR}. */
    static void prepare() {
    }

    /** The check a column needs under the policy, or null when no rule looks at it ({@link ColumnRules}). */
    static ColumnCheck of(String column, Mode mode, Policy.Method method) {
        return ColumnRules.checked(mode, method)
                ? new ColumnCheck(column, mode, method, DETECTOR.contextFor(column), new ConcurrentHashMap<>()) : null;
    }

    /**
     * A check of the same column for another part of the table, with counts of its own and this check's memory of
     * values already scanned (a value repeated down the column is scanned once in the whole run, not once per block).
     */
    ColumnCheck part() {
        return new ColumnCheck(column, mode, method, context, seen);
    }

    /** Looks at one cell; throws as soon as two cells hold what this column may not keep. */
    void accept(String cell) {
        if (cell == null || cell.isEmpty()) {
            return;
        }
        List<PiiType> found = seen.get(cell);
        if (found == null) {
            found = DETECTOR.detect(cell, context).stream().map(Finding::type).toList();
            if (cell.length() <= REMEMBERED_CHARS && seen.size() < REMEMBERED) {
                seen.put(cell, found);
            }
        }
        for (PiiType t : found) {
            int n = cells.merge(t, 1, Integer::sum);
            if (n == 2) {
                verdict(t, n);
            }
        }
    }

    /** The cells holding each type so far, by {@link PiiType#ordinal()}: what a part sends to be added. */
    int[] counts() {
        int[] out = new int[PiiType.values().length];
        cells.forEach((t, n) -> out[t.ordinal()] = n);
        return out;
    }

    /** Adds the {@link #counts()} of the same column's check over another part of the table (a block, a partition). */
    void add(int[] counts) {
        for (PiiType t : PiiType.values()) {
            int count = counts[t.ordinal()];
            if (count == 0) {
                continue;
            }
            int n = cells.merge(t, count, Integer::sum);
            if (n >= 2 && n - count < 2) {
                verdict(t, n);
            }
        }
    }

    /** At the end of the table: a type found in every cell of a one-row table counts too. */
    void finish(long rows) {
        if (rows == 1) {
            cells.forEach(this::verdict);
        }
    }

    private void verdict(PiiType t, int count) {
        ColumnRules.Rule r = ColumnRules.broken(mode, method, t);
        if (r != null) {
            String many = count >= 2 ? "two or more" : "its";
            throw new Message.Problem(
                    "列「" + column + "」の" + (count >= 2 ? "2 つ以上の" : "") + "セルに " + t.japanese() + " (" + t + ") があります: "
                            + r.why().ja() + "（" + r.article() + "）。何も書き出していません",
                    "column '" + column + "' holds " + t + " in " + many + " cells: " + r.why().en() + " (" + r.article()
                            + "); nothing was written");
        }
    }
}
