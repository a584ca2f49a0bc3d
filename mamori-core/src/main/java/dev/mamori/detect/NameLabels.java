package dev.mamori.detect;

import java.util.List;

/**
 * Names written after a label in free text, the way forms are filled in: 氏名：山田 太郎,
 * フリガナ：ヤマダ タロウ, 担当者: Taro Yamada, and a reading in brackets right after a name,
 * 加藤 彩（カトウ アヤ）. The label is any heading that {@link ColumnHints} takes for a name
 * column; the value is judged like a cell of such a column ({@link NameCell}), so kana and
 * romanised names, which the morphological dictionary does not tag, are found too.
 */
final class NameLabels {

    private static final int MAX_LABEL = 8;
    private static final int MAX_VALUE = 24;
    private static final double CONFIDENCE = 0.9;

    private NameLabels() {
    }

    static void find(String text, NameRecognizer r, List<Finding> out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '：' || c == ':') && labelBefore(text, i)) {
                valueAfter(text, i + 1, r, out);
            }
        }
    }

    /** True when the word right before the colon at {@code colon} is a heading for names. */
    private static boolean labelBefore(String text, int colon) {
        int e = colon;
        while (e > 0 && isBlank(text.charAt(e - 1))) {
            e--;
        }
        if (e > 0 && (text.charAt(e - 1) == '）' || text.charAt(e - 1) == ')')) { // 氏名（ローマ字）：
            int open = e - 1;
            while (open > 0 && colon - open < 16 && text.charAt(open) != '（' && text.charAt(open) != '(') {
                open--;
            }
            if (text.charAt(open) == '（' || text.charAt(open) == '(') {
                e = open;
            }
        }
        int s = e;
        while (s > 0 && e - s < MAX_LABEL && !isBreak(text.charAt(s - 1)) && !isBlank(text.charAt(s - 1))) {
            s--;
        }
        return s < e && ColumnHints.get().forHeader(text.substring(s, e)).contains(PiiType.PERSON);
    }

    private static void valueAfter(String text, int from, NameRecognizer r, List<Finding> out) {
        int s = from;
        while (s < text.length() && isBlank(text.charAt(s))) {
            s++;
        }
        int e = s;
        while (e < text.length() && e - s < MAX_VALUE && !isBreak(text.charAt(e)) && !doubleBlank(text, e)) {
            e++;
        }
        while (e > s && isBlank(text.charAt(e - 1))) {
            e--;
        }
        if (e > s && NameCell.classify(text.substring(s, e), r) == NameCell.Verdict.NAME) {
            out.add(new Finding(PiiType.PERSON, s, e, CONFIDENCE, false, text.substring(s, e)));
            reading(text, e, out);
        }
    }

    /** A kana or romanised reading in brackets right after a name: 加藤 彩（カトウ アヤ）. */
    private static void reading(String text, int at, List<Finding> out) {
        if (at >= text.length() || (text.charAt(at) != '（' && text.charAt(at) != '(')) {
            return;
        }
        int s = at + 1;
        int e = s;
        while (e < text.length() && e - s < MAX_VALUE && text.charAt(e) != '）' && text.charAt(e) != ')' && text.charAt(e) != '\n') {
            e++;
        }
        if (e < text.length() && e > s && (text.charAt(e) == '）' || text.charAt(e) == ')')) {
            String v = text.substring(s, e);
            if (NameCell.isKanaName(v) || NameCell.isRomanName(v)) {
                out.add(new Finding(PiiType.PERSON, s, e, CONFIDENCE, false, v));
            }
        }
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '　' || c == '\t';
    }

    private static boolean isBreak(char c) {
        return c == '\n' || c == '\r' || c == '（' || c == '(' || c == '）' || c == ')' || c == '、' || c == '。'
                || c == ',' || c == '，' || c == '／' || c == '/' || c == '：' || c == ':' || c == '「' || c == '」'
                || c == '【' || c == '】';
    }

    private static boolean doubleBlank(String text, int i) {
        return isBlank(text.charAt(i)) && i + 1 < text.length() && isBlank(text.charAt(i + 1));
    }
}
