package dev.mamori.deid;

import java.util.List;

/**
 * The checks of every column a policy keeps ({@link ColumnCheck}: 施行規則31条 for 仮名加工情報, 34条1号・2号 for the kept
 * columns of 匿名加工情報), for a table read in parts on several machines: each part checks its rows, sends
 * {@link #counts()} (counts per column and type, never a value), and one place adds them and gives the verdict.
 */
public final class ColumnChecks {

    private final ColumnCheck[] checks;

    private ColumnChecks(ColumnCheck[] checks) {
        this.checks = checks;
    }

    /**
     * Loads the detector the checks use (Kuromoji's dictionary, the lexicons): a fifth of a second that a command can
     * spend on an idle core while it reads its policy, instead of at the table's header.
     */
    public static void prepare() {
        ColumnCheck.prepare();
    }

    /** The checks the columns of {@code header} need under {@code policy} (in its mode). */
    public static ColumnChecks of(List<String> header, Policy policy) {
        ColumnCheck[] checks = new ColumnCheck[header.size()];
        for (int c = 0; c < checks.length; c++) {
            Policy.Column col = policy.columns().get(header.get(c));
            checks[c] = col == null ? null : ColumnCheck.of(header.get(c), policy.mode(), col.method());
        }
        return new ColumnChecks(checks);
    }

    /**
     * Checks of the same columns for another part of the table read in this JVM: counts of their own (sent back by
     * {@link #counts()}), sharing what was found in the values already scanned.
     */
    public ColumnChecks part() {
        ColumnCheck[] parts = new ColumnCheck[checks.length];
        for (int c = 0; c < parts.length; c++) {
            parts[c] = checks[c] == null ? null : checks[c].part();
        }
        return new ColumnChecks(parts);
    }

    /** Whether a rule looks at this column's cells (else {@link #accept} ignores them). */
    public boolean checked(int column) {
        return column < checks.length && checks[column] != null;
    }

    /**
     * Looks at one cell.
     *
     * @throws dev.mamori.report.Message.Problem as soon as two cells of this part hold what the column may not keep
     */
    public void accept(int column, String cell) {
        if (checked(column)) {
            checks[column].accept(cell);
        }
    }

    /** What this part counted: per column, the cells holding each type (by {@link dev.mamori.detect.PiiType#ordinal()}). */
    public int[][] counts() {
        int[][] out = new int[checks.length][];
        for (int c = 0; c < checks.length; c++) {
            out[c] = checks[c] == null ? new int[0] : checks[c].counts();
        }
        return out;
    }

    /**
     * Adds another part's {@link #counts()}.
     *
     * @throws dev.mamori.report.Message.Problem when the parts together hold what a column may not keep
     */
    public void add(int[][] counts) {
        for (int c = 0; c < checks.length && c < counts.length; c++) {
            if (checks[c] != null && counts[c].length > 0) {
                checks[c].add(counts[c]);
            }
        }
    }

    /** After the last part: the rule for a table of one row. */
    public void finish(long rows) {
        for (ColumnCheck c : checks) {
            if (c != null) {
                c.finish(rows);
            }
        }
    }
}
