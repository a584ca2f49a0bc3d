package dev.mamori.deid;

import dev.mamori.detect.Detector;
import dev.mamori.detect.Finding;
import dev.mamori.detect.LegalCategory;
import dev.mamori.detect.PiiType;
import dev.mamori.detect.ScanContext;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the processing standards forbid to leave in a column that is not deleted, checked on every
 * cell as rows stream past (never on a sample): for 仮名加工情報 (施行規則31条) and for the kept columns
 * of 匿名加工情報 (施行規則34条1号・2号). A type found in two cells, or in every cell of a one-row
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

    /** The check a column needs under the policy, or null when it needs none (deleted, generalised, …). */
    static ColumnCheck of(String column, Mode mode, Policy.Method method) {
        boolean checked = mode == Mode.PSEUDONYMOUS ? method != Policy.Method.DELETE : method == Policy.Method.KEEP;
        return checked ? new ColumnCheck(column, mode, method) : null;
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
        String why = mode == Mode.PSEUDONYMOUS ? pseudonymous(t) : anonymousKept(t);
        if (why != null) {
            throw new IllegalArgumentException("column '" + column + "' holds " + t + " in " + (count >= 2 ? "two or more" : "its")
                    + " cells: " + why + "; nothing was written");
        }
    }

    /** 施行規則31条: what may not stay, or be replaced reversibly, in 仮名加工情報. */
    private String pseudonymous(PiiType t) {
        if (t == PiiType.CREDIT_CARD || t == PiiType.BANK_ACCOUNT) {
            return "items whose misuse could cause financial damage must be deleted (施行規則31条3号)";
        }
        if (t.category() == LegalCategory.IDENTIFICATION_CODE && method != Policy.Method.PSEUDONYM && method != Policy.Method.RANDOM_ID) {
            return "個人識別符号 must be deleted or replaced without a way back (施行規則31条2号); use delete or pseudonym";
        }
        if ((t == PiiType.PERSON || t == PiiType.EMAIL || t == PiiType.PHONE) && method == Policy.Method.KEEP) {
            return "descriptions that identify a person must be deleted or replaced (施行規則31条1号); use delete or pseudonym";
        }
        return null;
    }

    /** 施行規則34条1号・2号: no 個人識別符号 and no description that identifies a person in a kept column. */
    private static String anonymousKept(PiiType t) {
        boolean identifying = t.category() == LegalCategory.IDENTIFICATION_CODE || t == PiiType.PERSON
                || t == PiiType.EMAIL || t == PiiType.PHONE || t == PiiType.ADDRESS || t == PiiType.CREDIT_CARD
                || t == PiiType.BANK_ACCOUNT;
        return identifying ? "匿名加工情報 may not keep 個人識別符号 or descriptions that identify a person (施行規則34条1号・2号);"
                + " delete it, or make it a quasi-identifier with a hierarchy" : null;
    }
}
