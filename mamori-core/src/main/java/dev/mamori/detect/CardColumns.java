package dev.mamori.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * A 被保険者証's 記号, 番号 and 枝番 written as a row of labels over a row of values, as forms print them (記号（左づめ）　　番号
 * （左づめ）　　枝番⏎7 0 2 1 5 5 3 0　　1 2 4　　0 1): the value under each label is that field, when the card's words
 * (保険証, 保険者, 資格確認書) stand on the row of labels or just above it. Cells are split at a tab, a carriage return, an
 * ideographic blank, or a blank followed by another; the rows must have as many cells.
 */
final class CardColumns {

    private static final String[] FIELDS = {"記号", "番号", "枝番"};

    private CardColumns() {
    }

    /**
     * The field (記号, 番号 or 枝番) whose label stands over the cell holding {@code start} on the line above, in a row of
     * labels that names 記号 and 番号 both; else null.
     */
    static String labelAbove(String s, int start) {
        int ls = Chars.lineStartWithin(s, start, MAX_ROW); // a form's two rows are short; a long line is read once per number
        int le = ls < 2 ? -1 : Chars.lineEndWithin(s, start, MAX_ROW);
        int ps = le < 0 ? -1 : Chars.lineStartWithin(s, ls - 1, MAX_ROW);
        if (ps < 0 || le - ls > MAX_ROW) {
            return null;
        }
        int symbol = Chars.indexIn(s, "記号", ps, ls);
        if (symbol < 0 || !Chars.has(s, "番号", symbol, ls) || !cardHeading(s, ps)) {
            return null;
        }
        List<int[]> labels = cells(s, ps, ls - 1);
        List<int[]> values = cells(s, ls, le);
        if (labels.size() < 2 || labels.size() != values.size()) {
            return null;
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i)[0] <= start && start < values.get(i)[1]) {
                String label = withoutNote(s.substring(labels.get(i)[0], labels.get(i)[1]));
                for (String f : FIELDS) {
                    if (label.equals(f)) {
                        return f;
                    }
                }
                return null;
            }
        }
        return null;
    }

    /** Longest row of labels or values read. */
    private static final int MAX_ROW = 200;

    /** The card's words on the row of labels or the three lines above it (被保険者証の⏎記号…, 前の保険（健康保険組合）⏎保険者番号…). */
    private static boolean cardHeading(String s, int ps) {
        int from = Chars.linesAbove(s, ps, 3);
        int to = Chars.lineEnd(s, ps);
        return Chars.has(s, "保険証", from, to) || Chars.has(s, "保険者", from, to) || Chars.has(s, "資格確認書", from, to);
    }

    /** A label without its note in brackets: 記号（左づめ） is 記号. */
    private static String withoutNote(String label) {
        int open = label.indexOf('（');
        int ascii = label.indexOf('(');
        open = open < 0 ? ascii : ascii < 0 ? open : Math.min(open, ascii);
        return (open > 0 ? label.substring(0, open) : label).strip();
    }

    /** The cells of {@code s[from, to)}: runs between tabs, blanks of two or more, or an ideographic blank. */
    private static List<int[]> cells(String s, int from, int to) {
        List<int[]> out = new ArrayList<>(4);
        int i = from;
        while (i < to) {
            while (i < to && (Chars.isSpace(s.charAt(i)) || separatorAt(s, i, to))) {
                i++;
            }
            if (i >= to) {
                break;
            }
            int e = i;
            while (e < to && !separatorAt(s, e, to)) {
                e++;
            }
            out.add(new int[] {i, e});
            i = e;
        }
        return out;
    }

    private static boolean separatorAt(String s, int i, int to) {
        char c = s.charAt(i);
        return c == '\t' || c == '\u3000' || c == '\r' || c == ' ' && i + 1 < to && (s.charAt(i + 1) == ' ' || s.charAt(i + 1) == '\u3000');
    }

    /** Where a 記号 starts whose kana part stands before its digits, a hyphen between (ｶﾏ-511, アサ12): else {@code start}. */
    static int kanaSymbolStart(String s, int start) {
        int i = start;
        if (i > 0 && "-－‐".indexOf(s.charAt(i - 1)) >= 0) {
            i--;
        }
        int k = i;
        while (k > 0 && i - k < 4 && (Morphology.isKatakana(s.charAt(k - 1)) || Morphology.isKanji(s.charAt(k - 1)))) {
            k--;
        }
        return k < i && (k == 0 || Chars.isSpace(s.charAt(k - 1)) || s.charAt(k - 1) == '\n') ? k : start;
    }
}
