package dev.mamori.deid;

import dev.mamori.detect.Detector;
import dev.mamori.detect.Finding;
import dev.mamori.report.Message;
import dev.mamori.detect.PiiType;
import dev.mamori.detect.ScanContext;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the processing standards forbid to leave in a column that is not deleted ({@link ColumnRules}, from the
 * data file column-rules.tsv), checked on every cell as rows stream past (never on a sample): for 仮名加工情報
 * (施行規則31条) and for the kept columns of 匿名加工情報 (施行規則34条1号・2号). A type found in two cells, or in every cell of a one-row
 * table, counts; a single stray hit in a large column does not (a free-text note may mention a
 * number). Nothing here holds a cell's value: only counts per type.
 */
final class ColumnCheck {

    private static final Detector DETECTOR = Detector.all();

    private final String column;
    private final Mode mode;
    private final Policy.Method method;
    private final ScanContext context;
    private final Map<PiiType, Integer> cells = new EnumMap<>(PiiType.class);

    private ColumnCheck(String column, Mode mode, Policy.Method method) {
        this.column = column;
        this.mode = mode;
        this.method = method;
        this.context = DETECTOR.contextFor(column);
    }

    /** The check a column needs under the policy, or null when no rule looks at it ({@link ColumnRules}). */
    static ColumnCheck of(String column, Mode mode, Policy.Method method) {
        return ColumnRules.checked(mode, method) ? new ColumnCheck(column, mode, method) : null;
    }

    /** Looks at one cell; throws as soon as two cells hold what this column may not keep. */
    void accept(String cell) {
        if (cell == null || cell.isEmpty()) {
            return;
        }
        for (Finding f : DETECTOR.detect(cell, context)) {
            int n = cells.merge(f.type(), 1, Integer::sum);
            if (n == 2) {
                verdict(f.type(), n);
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
