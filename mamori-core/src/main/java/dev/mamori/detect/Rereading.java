package dev.mamori.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A second reading of a text that another system has reshaped, with some of its characters taken out, and the places
 * ({@link #regions}) where the second reading's findings are taken instead of the first's. Three shapes:
 * <ul>
 * <li>{@link #spaced}: lines written with a blank between every character, as a PDF's text layer gives a vertical form
 * or a 均等割付 field (住 所 　 千 葉 県 船 橋 市 本 町 四 丁 目 十 二 番 五 号). The analyser reads such a line as single
 * characters and finds nothing in it, or fragments (四 七 as a name). Read again with the blanks taken out (a wider gap,
 * which parts the words, kept as one blank).</li>
 * <li>{@link #unwrapped}: a paragraph broken at a fixed width, as a PDF's columns and a hard-wrapping mailer give it,
 * where a break falls inside a name or an address (中川⏎恵裁判官, 同市中⏎央区). Read again with those breaks taken out;
 * a finding across one is cut at it, a piece on each line, as findings across a line break are everywhere.</li>
 * <li>{@link #numerals}: a phone or a postal code written in kanji numerals, as vertical text writes numbers
 * (〇四七（四三一）八八二〇), read in digits; in a spaced line, once it is closed up.</li>
 * </ul>
 */
final class Rereading {

    /** Fewest characters standing alone, one after the other, that make a spaced run. */
    private static final int MIN_CHARS = 6;
    /** Widest blank between two characters of a spaced run: wider, and the run ends there. */
    private static final int MAX_GAP = 3;
    /** Narrowest paragraph, in columns (a kanji is two), whose lines are taken to be broken at its width. */
    private static final int MIN_WIDTH = 24;
    /** How much narrower than its paragraph's widest line a line broken at the width may be, in columns. */
    private static final int SLACK = 12;
    /** Fewest lines of a paragraph at its width for it to be taken as broken at a width: a paragraph, not a form. */
    private static final int MIN_BROKEN = 3;
    private static final int[] NONE = new int[0];

    private final String text;
    private final int[] origin;
    private final int[] regions;

    private Rereading(String text, int[] origin, int[] regions) {
        this.text = text;
        this.origin = origin;
        this.regions = regions;
    }

    /** The text read again: the characters not taken out. */
    String text() {
        return text;
    }

    /**
     * The findings of the text as written ({@code asWritten}) away from the regions, and those of the second reading
     * ({@code again}) that touch a region or a dropped finding of the first (長　山田 beside 代 表 取 締 役 社 長 gives way to
     * 山田 太郎), mapped back to the text as written ({@code written}) and cut at its line breaks.
     */
    List<Finding> merge(String written, List<Finding> asWritten, List<Finding> again) {
        List<Finding> out = new ArrayList<>(asWritten.size() + again.size());
        List<Finding> dropped = new ArrayList<>(0);
        for (Finding f : asWritten) {
            (touches(f.start(), f.end()) ? dropped : out).add(f);
        }
        for (Finding f : again) {
            int s = origin[f.start()];
            int e = origin[f.end() - 1] + 1;
            if (!touches(s, e) && dropped.stream().noneMatch(d -> d.start() < e && s < d.end())) {
                continue; // found by the first reading: but where a finding of it was dropped, the second's takes its place
            }
            for (int a = s; a < e; ) {
                int nl = written.indexOf('\n', a);
                int b = nl < 0 || nl >= e ? e : nl;
                int bb = b > a && written.charAt(b - 1) == '\r' ? b - 1 : b;
                if (bb > a) {
                    out.add(new Finding(f.type(), a, bb, f.confidence(), f.validated(), written.substring(a, bb)));
                }
                a = b + 1;
            }
        }
        return Detector.settle(out);
    }

    private boolean touches(int s, int e) {
        for (int r = 0; r < regions.length; r += 2) {
            if (regions[r] < e && s < regions[r + 1]) {
                return true;
            }
        }
        return false;
    }

    // ---- spaced lines --------------------------------------------------------------------------

    /**
     * The text with its spaced runs closed up, or null when it has none. A run is at least {@link #MIN_CHARS} characters
     * standing alone between blanks of at most {@link #MAX_GAP}, at least half of them kanji or kana (a row of spaced
     * digits, 1 2 3 4 5 6, is left to the identifier rules, which read spaced digit groups). Shorter runs are names and
     * headings that {@link SpacedNames} reads.
     */
    static Rereading spaced(String text) {
        int[] runs = runs(text);
        if (runs.length == 0) {
            return null;
        }
        StringBuilder b = new StringBuilder(text.length());
        int[] origin = new int[text.length()];
        int i = 0;
        for (int r = 0; r < runs.length; r += 2) {
            copy(text, i, runs[r], b, origin);
            i = runs[r];
            int closed = b.length();
            while (i < runs[r + 1]) {
                if (isBlank(text.charAt(i))) {
                    int g = i;
                    while (isBlank(text.charAt(i))) {
                        i++;
                    }
                    if (i - g > 1) { // a wider gap parts two words (番五号 　 グリーンコート, 長谷川 　 誠)
                        origin[b.length()] = g;
                        b.append('\u3000');
                    }
                } else {
                    copy(text, i, i + 1, b, origin);
                    i++;
                }
            }
            numeralsToDigits(b, closed, b.length()); // 〇 四 七 （ 四 三 一 ） 八 八 二 〇 in a vertical form
        }
        copy(text, i, text.length(), b, origin);
        return new Rereading(b.toString(), origin, runs);
    }

    /** Appends {@code text[from, to)} to {@code b}, each character's place in {@code text} beside it in {@code origin}. */
    private static void copy(String text, int from, int to, StringBuilder b, int[] origin) {
        for (int i = from; i < to; i++) {
            origin[b.length()] = i;
            b.append(text.charAt(i));
        }
    }

    // ---- numbers in kanji numerals -------------------------------------------------------------

    /** Fewest kanji numerals a number written in them holds for {@link #numerals} to read it in digits (a 〒's seven). */
    private static final int MIN_NUMERALS = 7;
    private static final String NUMERALS = "〇一二三四五六七八九";
    /** What may stand between a number's numerals: its brackets and hyphens (〇四七（四三一）八八二〇, 二七三－〇〇〇五). */
    private static final String NUMBER_MARKS = "（）()－-‐−ー―—";
    /** Fewest numerals other than 〇 in such a number: a form's placeholder is all 〇 (〒〇〇〇－〇〇〇〇, 〇九〇－〇〇〇〇－〇〇〇〇). */
    private static final int MIN_NOT_ZERO = 4;

    /**
     * The text with its phone numbers and postal codes written in kanji numerals (a vertical form's 〇四七（四三一）八八二〇)
     * read in digits, or null when it has none: {@link #MIN_NUMERALS} numerals or more with only brackets and hyphens among
     * them, and no kanji right before or after (a word, not a number). Numbers with units (四丁目十二番五号, 二十六年) are
     * left as they are: their 十 and 丁目 stop the run.
     */
    static Rereading numerals(String text) {
        if (!mayHoldNumerals(text)) {
            return null;
        }
        StringBuilder b = new StringBuilder(text);
        int[] runs = numeralsToDigits(b, 0, b.length());
        if (runs.length == 0) {
            return null;
        }
        int[] origin = new int[text.length()];
        for (int i = 0; i < origin.length; i++) {
            origin[i] = i;
        }
        return new Rereading(b.toString(), origin, runs);
    }

    /** Labels of a phone's or a postal code's number, written right before it in a vertical form (電 話 〇 四 七 …). */
    private static final String[] NUMBER_LABELS = {"電話", "携帯", "番号", "連絡先", "郵便"};

    private static boolean labelBefore(StringBuilder b, int i) {
        for (String l : NUMBER_LABELS) {
            if (i >= l.length() && b.substring(i - l.length(), i).equals(l)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A blank between two groups of two numerals or more (四三六七　四六七六　三八四三, a number copied from a card in groups), within
     * {@code [from, to)}; not the blanks of numerals spaced one by one, which {@link #spaced} reads.
     */
    private static boolean groupBlank(StringBuilder b, int j, int from, int to) {
        char c = b.charAt(j);
        return (c == ' ' || c == '\u3000') && j - 2 >= from && j + 2 < to && isNumeral(b.charAt(j - 1)) && isNumeral(b.charAt(j - 2))
                && isNumeral(b.charAt(j + 1)) && isNumeral(b.charAt(j + 2));
    }

    private static boolean isNumeral(char c) {
        return NUMERALS.indexOf(c) >= 0;
    }

    /** The numerals of {@code b[i, last]} count straight up (〇一二三四五六七八九, as a list of the numerals writes them). */
    private static boolean counting(StringBuilder b, int i, int last) {
        int prev = -1;
        for (int k = i; k <= last; k++) {
            int d = NUMERALS.indexOf(b.charAt(k));
            if (d >= 0) {
                if (prev >= 0 && d != prev + 1) {
                    return false;
                }
                prev = d;
            }
        }
        return true;
    }

    /** True when {@code text} has {@link #MIN_NUMERALS} kanji numerals in a row, brackets and hyphens aside: read without a copy. */
    private static boolean mayHoldNumerals(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < FIRST_NUMERAL && count == 0) {
                continue; // most characters of most texts (every cell of a CSV file comes here): no look-up
            }
            int kind = NUMBER_CHARS[c];
            if (kind == NUMERAL) {
                if (++count >= MIN_NUMERALS) {
                    return true;
                }
            } else if (kind != MARK) {
                count = 0;
            }
        }
        return false;
    }

    /** The lowest of {@link #NUMERALS} (〇). */
    private static final char FIRST_NUMERAL = '〇';
    private static final byte NUMERAL = 1;
    private static final byte MARK = 2;
    /** {@link #NUMERAL} or {@link #MARK} by character. */
    private static final byte[] NUMBER_CHARS = new byte[65536];

    static {
        for (char c : NUMBER_MARKS.toCharArray()) {
            NUMBER_CHARS[c] = MARK;
        }
        NUMBER_CHARS[' '] = MARK; // between groups (see groupBlank)
        NUMBER_CHARS['\u3000'] = MARK;
        for (char c : NUMERALS.toCharArray()) {
            NUMBER_CHARS[c] = NUMERAL;
        }
    }

    /** Turns the numbers in kanji numerals of {@code b[from, to)} into digits; their spans, as start and end pairs. */
    private static int[] numeralsToDigits(StringBuilder b, int from, int to) {
        int[] out = NONE;
        int n = 0;
        for (int i = from; i < to; i++) {
            if (NUMERALS.indexOf(b.charAt(i)) < 0) {
                continue;
            }
            // 第一二三…: a word's numerals; but a phone's label may stand right before them, a vertical form's blanks closed up
            boolean wordBefore = i > from && Morphology.isKanji(b.charAt(i - 1)) && b.charAt(i - 1) != '〒' && !labelBefore(b, i);
            int j = i;
            int last = i;
            int count = 0;
            int notZero = 0;
            while (j < to && (isNumeral(b.charAt(j)) || NUMBER_MARKS.indexOf(b.charAt(j)) >= 0 || groupBlank(b, j, i, to))) {
                if (isNumeral(b.charAt(j))) {
                    count++;
                    notZero += b.charAt(j) == '〇' ? 0 : 1;
                    last = j;
                }
                j++;
            }
            boolean wordAfter = last + 1 < to && Morphology.isKanji(b.charAt(last + 1)) && NUMERALS.indexOf(b.charAt(last + 1)) < 0;
            if (count >= MIN_NUMERALS && notZero >= MIN_NOT_ZERO && !wordBefore && !wordAfter && !counting(b, i, last)) {
                for (int k = i; k <= last; k++) {
                    int d = NUMERALS.indexOf(b.charAt(k));
                    if (d >= 0) {
                        b.setCharAt(k, (char) ('0' + d));
                    }
                }
                out = n + 2 > out.length ? Arrays.copyOf(out, Math.max(8, 2 * out.length)) : out;
                out[n++] = i;
                out[n++] = last + 1;
            }
            i = j;
        }
        return n == 0 ? NONE : Arrays.copyOf(out, n);
    }

    /**
     * The spaced runs of {@code text}, as start and end pairs: from a run's first character to its last. Read once over
     * the text, with no allocation unless a run is found (every cell of a CSV file comes here).
     */
    static int[] runs(String text) {
        if (text.length() < 2 * MIN_CHARS - 1 || text.indexOf(' ') < 0 && text.indexOf('\u3000') < 0) {
            return NONE;
        }
        int[] out = NONE;
        int n = 0;
        int i = 0;
        int len = text.length();
        while (i < len) {
            if (!alone(text, i)) {
                i++;
                continue;
            }
            int start = i;
            int last = i;
            int chars = 1;
            int cjk = isCjk(text.charAt(i)) ? 1 : 0;
            for (int j = i + 1; ; ) {
                int g = j;
                while (g < len && g - j <= MAX_GAP && isBlank(text.charAt(g))) {
                    g++;
                }
                if (g == j || g - j > MAX_GAP || g >= len || !alone(text, g)) {
                    break;
                }
                last = g;
                chars++;
                cjk += isCjk(text.charAt(g)) ? 1 : 0;
                j = g + 1;
            }
            if (chars >= MIN_CHARS && 2 * cjk >= chars) {
                out = n + 2 > out.length ? Arrays.copyOf(out, Math.max(8, 2 * out.length)) : out;
                out[n++] = start;
                out[n++] = last + 1;
            }
            i = last + 1;
        }
        return n == 0 ? NONE : Arrays.copyOf(out, n);
    }

    /** True when the character at {@code i} is no blank and stands between blanks or a line's ends. */
    private static boolean alone(String text, int i) {
        char c = text.charAt(i);
        if (isBlank(c) || c == '\n' || c == '\r') {
            return false;
        }
        char before = i == 0 ? '\n' : text.charAt(i - 1);
        char after = i + 1 == text.length() ? '\n' : text.charAt(i + 1);
        return (isBlank(before) || before == '\n') && (isBlank(after) || after == '\n' || after == '\r');
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\u3000';
    }

    private static boolean isCjk(char c) {
        return Morphology.isKanji(c) || Morphology.isHiragana(c) || Morphology.isKatakana(c) || c == '々' || c == '〇';
    }

    // ---- lines broken at a width ---------------------------------------------------------------

    /**
     * The text with the line breaks that fall inside a word of a wrapped paragraph taken out, or null when it has none.
     * A break is taken out when its line is at least {@link #MIN_WIDTH} columns wide and within {@link #SLACK} of its
     * paragraph's widest line (it was broken at the width, not where its sentence or its item ended), and a kanji or kana
     * is on either side of it (or a kanji before digits: 一丁目7番⏎15号). Not before an indented line, nor between digits.
     */
    static Rereading unwrapped(String text) {
        if (text.length() < MIN_WIDTH || text.indexOf('\n') < 0) {
            return null;
        }
        int[] breaks = breaks(text);
        if (breaks.length == 0) {
            return null;
        }
        StringBuilder b = new StringBuilder(text.length());
        int[] origin = new int[text.length()];
        int from = 0;
        for (int k = 0; k < breaks.length; k += 2) {
            copy(text, from, breaks[k], b, origin);
            from = breaks[k + 1];
        }
        copy(text, from, text.length(), b, origin);
        return new Rereading(b.toString(), origin, breaks);
    }

    /** The line breaks taken out, as start and end pairs (a break with its \r is two characters). */
    private static int[] breaks(String text) {
        List<int[]> lines = new ArrayList<>();
        for (int s = 0; s <= text.length(); ) {
            int nl = text.indexOf('\n', s);
            int e = nl < 0 ? text.length() : nl;
            lines.add(new int[] {s, e > s && text.charAt(e - 1) == '\r' ? e - 1 : e, width(text, s, e)});
            if (nl < 0) {
                break;
            }
            s = nl + 1;
        }
        int[] out = NONE;
        int n = 0;
        for (int p = 0; p < lines.size(); ) {
            int q = p;
            int widest = 0;
            while (q < lines.size() && lines.get(q)[2] > 0) {
                widest = Math.max(widest, lines.get(q)[2]);
                q++;
            }
            int wide = Math.max(MIN_WIDTH, widest - SLACK);
            int broken = 0;
            for (int l = p; l < q; l++) {
                broken += lines.get(l)[2] >= wide ? 1 : 0;
            }
            if (broken < MIN_BROKEN || 2 * broken < q - p - 1) {
                p = q == p ? p + 1 : q;
                continue; // a form's or a list's lines, of their own lengths: not a paragraph broken at a width
            }
            for (int l = p; l + 1 < q; l++) {
                int[] line = lines.get(l);
                int[] next = lines.get(l + 1);
                if (line[2] >= wide && line[1] > line[0] && next[1] > next[0]
                        && joins(text.charAt(line[1] - 1), text.charAt(next[0])) && !fieldStart(text, next[0], next[1])
                        && !cells(text, line[0], line[1]) && !cells(text, next[0], next[1])) {
                    out = n + 2 > out.length ? Arrays.copyOf(out, Math.max(8, 2 * out.length)) : out;
                    out[n++] = line[1];
                    out[n++] = next[0];
                }
            }
            p = q == p ? p + 1 : q;
        }
        return n == 0 ? NONE : Arrays.copyOf(out, n);
    }

    /** A line that starts with a field's label before its colon (電話番号：…): a form's next field, not a line run on. */
    private static boolean fieldStart(String text, int s, int e) {
        for (int i = s; i < Math.min(e, s + 10); i++) {
            char c = text.charAt(i);
            if (c == '：' || c == ':' || c == '\t') {
                return true;
            }
        }
        return false;
    }

    /**
     * A row of a table, not a line of prose: two or more separators (tabs, bars, commas) or gaps of blanks after its
     * first word (福岡 弘樹　ふくおか ひろき　52　自民; 田子｜中村　陽翔｜3月18日).
     */
    private static boolean cells(String text, int s, int e) {
        int i = s;
        while (i < e && isBlank(text.charAt(i))) {
            i++; // an indent is no gap
        }
        int seps = 0;
        for (; i < e && seps < 2; i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '|' || c == '｜' || c == ',') {
                seps++;
            } else if (isBlank(c) && i + 1 < e && !isBlank(text.charAt(i + 1))) {
                seps++;
            }
        }
        return seps >= 2;
    }

    /** A word can run on from {@code before}, the last character of a line, to {@code after}, the first of the next. */
    private static boolean joins(char before, char after) {
        boolean letterBefore = isCjk(before) && before != '〇' || before == 'ー';
        boolean letterAfter = isCjk(after) && after != '〇' || after == 'ー';
        return letterBefore && (letterAfter || Chars.isDigit(after));
    }

    /** Columns of {@code text[s, e)}, trailing blanks left out: a full-width character two, others one. */
    private static int width(String text, int s, int e) {
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) { // a blank, an ideographic one, a \r
            e--;
        }
        int w = 0;
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            w += c >= 0x1100 && !(c >= 0xFF61 && c <= 0xFF9F) ? 2 : 1;
        }
        return w;
    }
}
