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

    /**
     * A table's cell under a 記号 column or a 記号・番号 column of a health-insurance table ({@link ScanContext#cardField}):
     * the 記号 whole, letters, kana and kanji as well as digits (ＫＴ, 世田谷ほ, 都職員３４), and in a 記号・番号 column the
     * 番号 after it as a finding of its own (「12・345」, 大阪市教・８８１４, 8031-22-00 with its 枝番), as eval/README.md's
     * conventions label them. False, and nothing added, when the cell is not such a code (なし, 未登録, 確認中, words).
     */
    static boolean cell(String s, ScanContext sc, List<Finding> out) {
        int from = 0;
        int to = s.length();
        while (from < to && (Chars.isSpace(s.charAt(from)) || WRAP.indexOf(s.charAt(from)) >= 0)) {
            from++;
        }
        while (to > from && (Chars.isSpace(s.charAt(to - 1)) || WRAP.indexOf(s.charAt(to - 1)) >= 0)) {
            to--;
        }
        List<int[]> parts = new ArrayList<>(3);
        int p = from;
        for (int i = from; i <= to; i++) {
            if (i == to || sc.cardField() == ScanContext.CardField.SYMBOL_AND_NUMBER && parts.size() < 2 && SEPARATORS.indexOf(s.charAt(i)) >= 0) {
                if (i == p) {
                    return false;
                }
                parts.add(new int[] {p, i});
                p = i + 1;
            }
        }
        if (parts.isEmpty() || !symbol(s, parts.get(0)[0], parts.get(0)[1]) || dateOrPhone(s, from, to)) {
            return false;
        }
        for (int k = 1; k < parts.size(); k++) {
            int[] q = parts.get(k);
            if (q[1] - q[0] > MAX_CODE || !digitsOnly(s, q[0], q[1])) {
                return false;
            }
        }
        for (int[] q : parts) {
            out.add(new Finding(PiiType.HEALTH_INSURANCE, q[0], q[1], CELL_CONFIDENCE, false, s.substring(q[0], q[1])));
        }
        return true;
    }

    /** What may wrap a cell's value: quotes and brackets (「12・345」). */
    private static final String WRAP = "「」『』\"'“”（）()［］[]【】";

    /** What joins a 記号 and its 番号 (and the 枝番) in one cell. */
    private static final String SEPARATORS = "・･-－‐−/／ \u3000";

    private static final int MAX_CODE = 10;

    /** The column says what the cell holds, as a label right before it would (0.85 in {@link NumberClassifier}). */
    private static final double CELL_CONFIDENCE = 0.85;

    /**
     * Not a 記号 in a 記号 column: that there is none, that it is not yet known or was checked, whose it is, or which kind of
     * insurance (a reception list's status words).
     */
    private static final java.util.Set<String> NONE = java.util.Set.of("なし", "無し", "ナシ", "無", "有", "有り", "済", "未", "不明",
            "不詳", "未登録", "未定", "未記入", "未提出", "空欄", "該当なし", "対象外", "確認中", "要確認", "確認済", "申請中", "取得中",
            "同上", "〃", "本人", "家族", "国保", "社保", "協会けんぽ", "後期", "null", "NULL", "none", "None", "N/A", "n/a", "TBD", "same",
            "-", "－", "ー", "―", "○", "×", "レ");

    /** Endings of a status word (確認済, 記号なし, 手続中, 対象外). */
    private static final String[] NONE_ENDINGS = {"済", "済み", "なし", "ナシ", "中", "外", "待ち"};

    /**
     * A 記号: two to ten letters, digits, kana or kanji, none of them a blank or a mark, and not a word saying there is none
     * or giving a status.
     */
    private static boolean symbol(String s, int from, int to) {
        String v = s.substring(from, to);
        if (to - from < 2 || to - from > MAX_CODE || NONE.contains(v)) {
            return false;
        }
        for (String e : NONE_ENDINGS) {
            if (v.endsWith(e)) {
                return false;
            }
        }
        boolean digitOrLatin = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || Morphology.isKatakana(c) || c == 'ー')) {
                return false;
            }
            digitOrLatin |= Chars.isDigit(c) || c < 0x80 || c >= 'Ａ' && c <= 'ｚ';
        }
        return digitOrLatin || wordsOfACode(s, from, to);
    }

    /**
     * A 記号 of kana and kanji alone (近畿財, 大阪市教, 埼教, 世田谷ほ, 都職員) as a 国保 or a 共済 abbreviates its office, not a row
     * out of line's name, address, word or note: no person's name (佐藤花子, 旧姓鈴木), no place's suffix at its end (世田谷区),
     * no particle or verb before its last character (保険証は次回持参予定), not katakana alone (ナカムラロクロウ), and not
     * common words alone (生活保護, 任意継続, 未確認): a place's name, or a one-character abbreviation, among its words.
     */
    private static boolean wordsOfACode(String s, int from, int to) {
        List<Morphology.Token> ts = Morphology.tokens(s, from, to);
        if (ts.isEmpty() || Morphology.isKatakana(s.charAt(from)) && Morphology.isKatakana(s.charAt(to - 1))) {
            return false;
        }
        boolean abbreviation = false;
        for (int k = 0; k < ts.size(); k++) {
            Morphology.Token t = ts.get(k);
            boolean last = k == ts.size() - 1;
            if (t.is("名詞-固有名詞-人名") || last && t.is("名詞-接尾-地域")
                    || !last && !t.is("名詞") && !t.is("接頭詞")) {
                return false;
            }
            abbreviation |= t.is("名詞-固有名詞") || t.is("名詞") && t.end() - t.start() == 1 || last && t.end() - t.start() == 1;
        }
        return abbreviation;
    }

    /** A date in digits, by 西暦 or by an era's name or letter (2024/10/20, 令和6年4月1日, R6/4/1, 令和6・4・1). */
    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile(
            "([0-9０-９]{4}|[RHSTMrhstmＲＨＳＴＭ][0-9０-９]{1,2}|(?:令和|平成|昭和|大正|明治)[0-9０-９元]{1,2})[年/／.．\\-－・]"
                    + "([0-9０-９]{1,2})[月/／.．\\-－・]?([0-9０-９]{1,2})日?");

    /**
     * A date (2024/10/20, 令和6・4・1, 20240401), a phone number (090-1234-5678, 0312345678, 0120-123-456) or a ゆうちょ account's
     * 記号・番号 (10120-12345671): another column's value in this one, or another thing than a card's code.
     */
    private static boolean dateOrPhone(String s, int from, int to) {
        String v = s.substring(from, to);
        java.util.regex.Matcher date = DATE.matcher(v);
        if (date.matches() && monthDay(date.group(2), date.group(3)) && (date.group(1).length() != 4 || year(date.group(1)))
                || v.indexOf('年') >= 0 && v.indexOf('月') >= 0) {
            return true;
        }
        StringBuilder d = new StringBuilder();
        for (int i = from; i < to; i++) {
            int x = Character.digit(s.charAt(i), 10);
            if (x >= 0) {
                d.append((char) ('0' + x));
            } else if (SEPARATORS.indexOf(s.charAt(i)) < 0) {
                return false; // letters or kana: a code, not a number of another kind
            }
        }
        String n = d.toString();
        return n.length() == 8 && DateParser.ymdAt(n, 0)
                || n.startsWith("0") && (n.length() == 10 || n.length() == 11 || n.startsWith("0120") || n.startsWith("0800"))
                || n.length() == 13 && n.charAt(0) == '1' && v.matches("[0-9０-９]{5}[\\-－・ ][0-9０-９]{8}");
    }

    private static int number(String digits) {
        int v = 0;
        for (int i = 0; i < digits.length(); i++) {
            v = v * 10 + Character.digit(digits.charAt(i), 10);
        }
        return v;
    }

    private static boolean monthDay(String m, String d) {
        return number(m) >= 1 && number(m) <= 12 && number(d) >= 1 && number(d) <= 31;
    }

    private static boolean year(String y) {
        return number(y) >= 1868 && number(y) <= 2100;
    }

    private static boolean digitsOnly(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= '０' && c <= '９')) {
                return false;
            }
        }
        return true;
    }

    /** Where a 記号 starts whose kana part stands before its digits, a hyphen between (ｶﾏ-511, アサ12): else {@code start}. */
    static int kanaSymbolStart(String s, int start) {
        int i = start;
        if (i > 0 && "-－‐".indexOf(s.charAt(i - 1)) >= 0) {
            i--;
        }
        if (i > 0 && "号番".indexOf(s.charAt(i - 1)) >= 0) {
            return start; // the label (番号２２ 1979), not a 記号's letters
        }
        int k = i;
        while (k > 0 && i - k < 4 && (Morphology.isKatakana(s.charAt(k - 1)) || Morphology.isKanji(s.charAt(k - 1)))) {
            k--;
        }
        return k < i && (k == 0 || Chars.isSpace(s.charAt(k - 1)) || s.charAt(k - 1) == '\n') ? k : start;
    }
}
