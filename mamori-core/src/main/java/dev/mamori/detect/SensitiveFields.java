package dev.mamori.detect;

import java.util.List;
import java.util.Set;

/**
 * 要配慮 values known by their label rather than by their words (issue 12): in a table column whose header names a
 * sensitive type (病名, 既往歴, アレルギー, 宗教: {@code column-headers.tsv}), or after such a label at the start of a line of
 * a form ({@code 傷病名：右変形性膝関節症}, {@code 【既往歴】高血圧症、2型糖尿病}), each item of the value is a finding of that
 * type, whether or not the lexicon knows its words, as a 氏名 label makes its value a name. Where the lexicon found a
 * phrase in an item, that phrase stands for it. Not reported: values that say there is
 * nothing (なし, 特記事項なし), dates and numbers, a person (…様), and items longer than a label's value is (prose, which
 * the lexicon reads as text).
 */
final class SensitiveFields {

    /** Longest item taken whole; a longer one is prose. */
    private static final int MAX_ITEM = 40;
    /** Longest label of a form's line (主な既往歴, 障害の状況). */
    private static final int MAX_LABEL = 12;
    private static final double CELL = 0.8;
    private static final double LABELLED = 0.75;
    /** Values that say there is nothing to report, or nothing known. */
    private static final Set<String> NOTHING = Set.of("なし", "無し", "無", "ナシ", "特になし", "特に無し", "特記事項なし", "該当なし",
            "異常なし", "問題なし", "所見なし", "不明", "未", "未定", "未記入", "未入力", "空欄", "同上", "済", "有", "あり", "有り", "無回答",
            "回答しない", "その他", "-", "－", "ー", "―", "—", "N/A", "n/a", "NA", "null", "NULL", "none", "None", "なし。");
    private static final PiiType[] ORDER = {PiiType.SENSITIVE_HEALTH, PiiType.SENSITIVE_CRIME, PiiType.SENSITIVE_CREED,
            PiiType.SENSITIVE_OTHER};
    /** What ends an item inside a value: a list's separators, a line break (a / between Latin letters does not: N/A). */
    private static final String SEPARATORS = "、，,；;／/\n";

    private SensitiveFields() {
    }

    /** The items of a cell of a column hinted {@code type}; the lexicon's findings are those of {@code out} from {@code first}. */
    static void inCell(String text, PiiType type, List<Finding> out, int first) {
        value(text, 0, text.length(), type, CELL, out, first);
    }

    /** The values after labels of a sensitive type at the start of the lines of {@code text}, for the types of {@code wanted}. */
    static void inText(String text, int wanted, List<Finding> out, int first) {
        if (!mayHoldLabel(text)) {
            return;
        }
        for (int ls = 0; ls < text.length(); ) {
            int le = text.indexOf('\n', ls);
            le = le < 0 ? text.length() : le;
            line(text, ls, le, wanted, out, first);
            ls = le + 1;
        }
    }

    /** One look at the characters for what ends a label (： : 】 ] ］): most texts and cells have none. */
    private static boolean mayHoldLabel(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '：' || c == ':' || c == '】' || c == ']' || c == '］') {
                return true;
            }
        }
        return false;
    }

    private static void line(String text, int ls, int le, int wanted, List<Finding> out, int first) {
        int s = ls;
        while (s < le && " 　\t・●○■□◆◇▼▽※*-".indexOf(text.charAt(s)) >= 0) {
            s++;
        }
        if (s >= le) {
            return;
        }
        int labelStart;
        int labelEnd;
        int valueStart;
        if (text.charAt(s) == '【' || text.charAt(s) == '［' || text.charAt(s) == '[') {
            char close = text.charAt(s) == '【' ? '】' : text.charAt(s) == '［' ? '］' : ']';
            labelStart = s + 1;
            labelEnd = labelStart;
            while (labelEnd < le && labelEnd - labelStart <= MAX_LABEL && text.charAt(labelEnd) != close) {
                labelEnd++;
            }
            if (labelEnd >= le || text.charAt(labelEnd) != close) {
                return;
            }
            valueStart = labelEnd + 1;
            if (valueStart < le && (text.charAt(valueStart) == '：' || text.charAt(valueStart) == ':')) {
                valueStart++;
            }
        } else {
            labelStart = s;
            labelEnd = s;
            while (labelEnd < le && labelEnd - labelStart <= MAX_LABEL && text.charAt(labelEnd) != '：' && text.charAt(labelEnd) != ':') {
                labelEnd++;
            }
            if (labelEnd >= le || text.charAt(labelEnd) != '：' && text.charAt(labelEnd) != ':') {
                return;
            }
            valueStart = labelEnd + 1;
        }
        if (labelEnd - labelStart < 2 || labelEnd - labelStart > MAX_LABEL) {
            return;
        }
        boolean japanese = false;
        for (int i = labelStart; i < labelEnd; i++) {
            char c = text.charAt(i);
            if ("、。，「」（）()".indexOf(c) >= 0) {
                return; // a sentence, not a label
            }
            japanese |= Morphology.isKanji(c) || Morphology.isKatakana(c);
        }
        if (!japanese) {
            return; // [INFO], 12:30, Watanabe: every label of a sensitive type is written in kanji or katakana
        }
        PiiType type = typeOf(ColumnHints.get().forHeader(text.substring(labelStart, labelEnd)), wanted);
        if (type == null) {
            return;
        }
        int ve = valueStart;
        while (ve < le && text.charAt(ve) != '。' && !(isBlank(text.charAt(ve)) && nextLabelAt(text, ve + 1, le))) {
            ve++; // the first sentence: what follows it is prose about the value; or the next field (前科：窃盗　補導歴：該当なし)
        }
        value(text, valueStart, ve, type, LABELLED, out, first);
    }

    /** The first sensitive type of {@code hints} among {@code wanted} (bits of ordinals), or null. */
    static PiiType typeOf(Set<PiiType> hints, int wanted) {
        for (PiiType t : ORDER) {
            if (hints.contains(t) && (wanted & 1 << t.ordinal()) != 0) {
                return t;
            }
        }
        return null;
    }

    private static void value(String text, int from, int to, PiiType type, double confidence, List<Finding> out, int first) {
        if (NOTHING.contains(text.substring(from, to).strip())) {
            return; // N/A before it is split at its /
        }
        int depth = 0;
        int itemStart = from;
        for (int i = from; i <= to; i++) {
            char c = i < to ? text.charAt(i) : '\0';
            if (c == '（' || c == '(' || c == '「' || c == '【') {
                depth++;
            } else if ((c == '）' || c == ')' || c == '」' || c == '】') && depth > 0) {
                depth--;
            } else if (i == to || depth == 0 && SEPARATORS.indexOf(c) >= 0 && !(c == '/' && asciiLetterAround(text, i, from, to))) {
                item(text, itemStart, i, type, confidence, out, first);
                itemStart = i + 1;
            }
        }
    }

    /** How a search ends that found nothing, at the end of a label's value (not 服薬せず, nor 高血圧、他は特記事項なし). */
    private static final String[] FOUND_NONE = {"確認されず", "確認できず", "確認されなかった", "見当たらず", "該当せず", "認められず",
        "見つからず", "はなかった", "はありませんでした"};

    /** A label's value that reports a search which found nothing (…の範囲では確認されず, 該当する記事はなかった). */
    static boolean foundNone(String value) {
        for (String w : FOUND_NONE) {
            if (value.endsWith(w)) {
                return true;
            }
        }
        return false;
    }

    /** A label of two to eight kanji or katakana and its colon at {@code i}, after blanks: the next field on the line. */
    private static boolean nextLabelAt(String text, int i, int le) {
        while (i < le && isBlank(text.charAt(i))) {
            i++;
        }
        int j = i;
        while (j < le && j - i <= 8 && (Morphology.isKanji(text.charAt(j)) || Morphology.isKatakana(text.charAt(j)) || text.charAt(j) == '・')) {
            j++;
        }
        return j - i >= 2 && j < le && (text.charAt(j) == '：' || text.charAt(j) == ':');
    }

    private static boolean asciiLetterAround(String text, int i, int from, int to) {
        return i > from && i + 1 < to && isAsciiLetter(text.charAt(i - 1)) && isAsciiLetter(text.charAt(i + 1));
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static void item(String text, int s, int e, PiiType type, double confidence, List<Finding> out, int first) {
        while (s < e && isBlank(text.charAt(s))) {
            s++;
        }
        while (e > s && isBlank(text.charAt(e - 1))) {
            e--;
        }
        for (String tail : new String[] {"あり", "有り"}) { // 発疹の既往あり: the fact is before it
            if (e - s > tail.length() + 1 && text.startsWith(tail, e - tail.length())) {
                e -= tail.length();
            }
        }
        if (e - s < 1 || e - s > MAX_ITEM) {
            return;
        }
        String v = text.substring(s, e);
        while (v.length() > 1 && "。．.、，,".indexOf(v.charAt(v.length() - 1)) >= 0) {
            v = v.substring(0, v.length() - 1); // 既往歴：なし． (a paper's full stop)
        }
        if (NOTHING.contains(v) || v.endsWith("なし") || v.endsWith("無し") || v.endsWith("ない") || !hasWord(v)
                || foundNone(v) // 前科・前歴：…の範囲では確認されず
                || v.endsWith("様") || v.endsWith("殿") || v.endsWith("さん")) {
            return;
        }
        int inside = 0;
        boolean cut = false;
        for (int k = first; k < out.size(); k++) {
            Finding f = out.get(k);
            if (f.start() < e && s < f.end() && f.confidence() >= Detector.DEFAULT_MIN_CONFIDENCE) {
                if (f.start() < s || f.end() > e) {
                    return; // a phrase reaching outside the item
                }
                inside++;
                char b = text.charAt(f.start() - 1 >= s ? f.start() - 1 : s);
                cut |= f.start() > s && (b < 0x80 && Character.isLetterOrDigit(b)); // H|30有罪: begun inside a word
            }
        }
        if (v.endsWith("ください") || v.endsWith("下さい")) {
            return; // 傷病名：医師が記入した傷病名を転記してください: a form's instruction; what the lexicon found in it stays
        }
        if (inside == 1 && !cut) {
            return; // the lexicon's phrase stands for the item (2型糖尿病 of 2型糖尿病（2020年診断）); two or more are its parts,
        }           // and one begun inside a word is (詐欺（H30有罪）: 30有罪 would leave the offence)
        for (int k = out.size() - 1; k >= first; k--) {
            Finding f = out.get(k);
            if (f.start() >= s && f.end() <= e) {
                out.remove(k); // a weak word inside the item (めまい alone, below the threshold) gives way to it
            }
        }
        out.add(new Finding(type, s, e, confidence, false, v));
    }

    /** Letters that are not a word of a value: the units of dates, times, ages and amounts, and the eras' characters. */
    private static final String UNIT_LETTERS = "年月日時分秒頃歳才回件円号度元" + "令和平成昭大正明治";

    /**
     * True when the item holds a word: not only digits, dates, times, amounts and their units (2024/04/01,
     * 令和6年4月, 38.5).
     */
    private static boolean hasWord(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isLetter(c) && UNIT_LETTERS.indexOf(c) < 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\u3000' || c == '\t' || c == '\r' || c == '"';
    }
}
