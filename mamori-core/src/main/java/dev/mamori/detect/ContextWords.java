package dev.mamori.detect;

import dev.mamori.data.DataFile;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Context words near a candidate raise or lower its confidence. Japanese has no spaces between
 * words, so the context is a window of characters around the span ({@link #BEFORE} before,
 * {@link #AFTER} after, not crossing a line break: a label belongs to the line it is on), not a
 * list of tokens. Each word counts once; the weights found are summed and clamped to -1..1.
 *
 * <p>Entries come from {@code context-words.tsv} (identifiers, dates, contact details) and
 * {@code context-words-language.tsv} (names, addresses, special care-required information):
 * {@code TYPE <tab> word <tab> weight}. ASCII words match case-insensitively.
 *
 * <p>The window is read once for all types: an index from a word's first character to the types
 * that have words starting with it means most window characters cost one array read.
 */
final class ContextWords {

    static final int BEFORE = 24;
    static final int AFTER = 12;
    /** The context score a column hint is worth. */
    static final double HINT = 0.8;

    private static final int TYPES = PiiType.values().length;
    /** Per thread: the last text scored and the types whose words may occur in it (by first character). */
    private static final class Memo {
        String text;
        int types;
        final long[] seen = new long[TYPES * WORD_SETS];
    }

    /** The 64-bit masks of the words seen per type: a type holds at most 64 × this many words. */
    private static final int WORD_SETS = 2;

    private static final ThreadLocal<Memo> MEMO = ThreadLocal.withInitial(Memo::new);
    private static final ContextWords DEFAULT = new ContextWords(List.of("context-words.tsv", "context-words-language.tsv"));

    /** Bit {@code type.ordinal()} set when some word of the type starts with the character. */
    private final int[] firstChars = new int[Character.MAX_VALUE + 1];
    private final String[][] texts = new String[TYPES][];
    private final double[][] weights = new double[TYPES][];
    private final boolean[][] asciis = new boolean[TYPES][];
    /** Each word's half-width katakana form (ｶｰﾄﾞ番号 for カード番号, as older systems print labels), or null. */
    private final String[][] halves = new String[TYPES][];

    ContextWords(List<String> files) {
        Map<PiiType, List<DataFile.Row>> m = new EnumMap<>(PiiType.class);
        for (String f : files) {
            if (ContextWords.class.getResource("/dev/mamori/detect/" + f) != null) {
                for (DataFile.Row r : DataFile.read(ContextWords.class, f)) {
                    if (!r.field(1).isEmpty()) {
                        m.computeIfAbsent(PiiType.valueOf(r.field(0)), k -> new ArrayList<>()).add(r);
                    }
                }
            }
        }
        m.forEach((t, rows) -> {
            int o = t.ordinal();
            if (rows.size() > 64 * WORD_SETS) { // seen-word sets are WORD_SETS 64-bit masks
                int max = 64 * WORD_SETS;
                throw new IllegalStateException(rows.get(max).file() + ":" + rows.get(max).line() + ": more than " + max + " context words for " + t);
            }
            texts[o] = new String[rows.size()];
            weights[o] = new double[rows.size()];
            asciis[o] = new boolean[rows.size()];
            halves[o] = new String[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                String w = rows.get(i).field(1);
                boolean ascii = w.chars().allMatch(c -> c < 128);
                texts[o][i] = ascii ? w.toLowerCase(Locale.ROOT) : w;
                weights[o][i] = Double.parseDouble(rows.get(i).field(2));
                asciis[o][i] = ascii;
                halves[o][i] = HalfWidth.katakana(w);
                char c = w.charAt(0);
                firstChars[c] |= 1 << o;
                if (halves[o][i] != null) {
                    firstChars[halves[o][i].charAt(0)] |= 1 << o;
                }
                if (ascii) {
                    firstChars[Character.toLowerCase(c)] |= 1 << o;
                    firstChars[Character.toUpperCase(c)] |= 1 << o;
                }
            }
        });
    }

    static ContextWords get() {
        return DEFAULT;
    }

    /** The context score of {@code type} around the span, -1..1. */
    double score(PiiType type, String text, int start, int end) {
        int o = type.ordinal();
        Memo memo = mayHold(text, o);
        if (memo == null) {
            return 0;
        }
        long[] seen = memo.seen;
        clear(seen, o);
        scanWindow(text, start, end, 1 << o, seen, ANSWERED[o], HEADED[o], !WORDS_TYPES[o]);
        return sum(o, seen);
    }

    /** Like {@link #score(PiiType, String, int, int)}, raised to {@link #HINT} in a column hinted for the type. */
    double score(PiiType type, String text, int start, int end, ScanContext ctx) {
        double s = score(type, text, start, end);
        return ctx.hinted(type) ? Math.max(s, HINT) : s;
    }

    /**
     * Like {@link #score(PiiType, String, int, int, ScanContext)} from the words after the span only, up to
     * {@link #AFTER} characters on its line: for a span whose words before it belong to something else.
     */
    double scoreAfter(PiiType type, String text, int start, int end, ScanContext ctx) {
        int o = type.ordinal();
        double s = 0;
        Memo memo = mayHold(text, o);
        if (memo != null) {
            int e = Math.max(0, Math.min(end, text.length()));
            int to = Math.min(text.length(), e + AFTER);
            for (int i = e; i < to; i++) {
                if (text.charAt(i) == '\n') {
                    to = i;
                    break;
                }
            }
            long[] seen = memo.seen;
            clear(seen, o);
            scan(text, e, to, 1 << o, seen);
            s = sum(o, seen);
        }
        return ctx.hinted(type) ? Math.max(s, HINT) : s;
    }

    /** Whether some word of {@code type} may occur in {@code text}: the cheap test before reading a window for it. */
    boolean mayHold(PiiType type, String text) {
        return mayHold(text, type.ordinal()) != null;
    }

    /**
     * This thread's memo when some word of type {@code o} may occur in {@code text}, else null: most cells hold no
     * context word at all, so the text's characters are looked at once per text.
     */
    private Memo mayHold(String text, int o) {
        if (texts[o] == null) {
            return null;
        }
        Memo memo = MEMO.get();
        if (memo.text != text) {
            memo.text = text;
            memo.types = typesIn(text);
        }
        return (memo.types & (1 << o)) == 0 ? null : memo;
    }

    /** The types some of whose words start with a character of {@code text}. */
    private int typesIn(String text) {
        int types = 0;
        for (int i = 0; i < text.length(); i++) {
            types |= firstChars[text.charAt(i)];
        }
        return types;
    }

    private double sum(int o, long[] seen) {
        long any = 0;
        for (int w = 0; w < WORD_SETS; w++) {
            any |= seen[o * WORD_SETS + w];
        }
        if (any == 0) {
            return 0; // the common case: no word of the type around
        }
        double sum = 0;
        for (int k = 0; k < texts[o].length; k++) {
            if ((seen[o * WORD_SETS + (k >> 6)] & (1L << k)) != 0) {
                sum += weights[o][k];
            }
        }
        return Math.max(-1, Math.min(1, sum));
    }

    private static void clear(long[] seen, int o) {
        for (int w = 0; w < WORD_SETS; w++) {
            seen[o * WORD_SETS + w] = 0;
        }
    }

    /** Marks in {@code seen[type]} the words of the types in {@code typeMask} found in the span's window. */
    private void scanWindow(String text, int start, int end, int typeMask, long[] seen, boolean answered, boolean headed,
            boolean labelled) {
        int s = Math.max(0, Math.min(start, text.length()));
        int e = Math.max(s, Math.min(end, text.length()));
        int from = Math.max(0, s - BEFORE);
        int to = Math.min(text.length(), e + AFTER);
        for (int i = s - 1; i >= from; i--) {
            if (text.charAt(i) == '\n') {
                from = i + 1;
                break;
            }
        }
        for (int i = e; i < to; i++) {
            if (text.charAt(i) == '\n') {
                to = i;
                break;
            }
        }
        scan(text, from, s, typeMask, seen);
        scan(text, e, to, typeMask, seen);
        int ls = s; // the start of the value's line, if it is near: a row, a label's value or a chat's answer, not a paragraph
        while (ls > 0 && text.charAt(ls - 1) != '\n' && s - ls <= RowHeadings.HEADER_LENGTH) {
            ls--;
        }
        if (ls > 0 && text.charAt(ls - 1) != '\n') {
            ls = 0;
        }
        // a chat's line may start past the window: WhatsApp's 03/04/2025, 19:20 - Nilufar Rashidova: is longer than BEFORE
        boolean answerLine = answered && ls > 0 && s - ls <= ANSWER_PREFIX;
        if (answerLine && answers(text, ls, s)) {
            int prevEnd = ls - 1; // the question the line answers: 「旅券番号をお願いします」 / 「TR8830152 です」
            int prev = lineBefore(text, prevEnd);
            if (prev > 0 && speakerLine(text, prev, prevEnd)) { // Slack: the answer's own header (中島 10:12) between
                prevEnd = prev - 1;
                prev = lineBefore(text, prevEnd);
            }
            // the question the line answers: the line before, or in a group chat the nearest question a few lines up, the
            // answers of others between (パスポート番号おしえて〜 / わたしのは TR8012834 / tr1635666 / ＴＴ３２２２７７９　です！)
            for (int k = 0; k < ANSWER_LINES && prev >= 0; k++) {
                if (asks(text, prev, prevEnd)) {
                    scan(text, prev, prevEnd, typeMask, seen);
                    break;
                }
                if (prev == 0 || prevEnd - prev >= QUESTION) {
                    break;
                }
                prevEnd = prev - 1;
                prev = lineBefore(text, prevEnd);
            }
        }
        int[] heading = headed && ls > 0 ? RowHeadings.of(text, ls, s) : null;
        if (heading != null) { // a row of a table that no separator splits (its cells hold blanks): its column's heading
            scan(text, heading[0], heading[1], typeMask, seen);
        }
        if (labelled && ls > 0 && bareLabel(text, ls, s) && aloneAfter(text, e)) {
            int prevEnd = ls - 1; // a value alone on its line under its label's line: 住民票コード⏎29141777635
            int prev = text.lastIndexOf('\n', prevEnd - 1) + 1;
            int last = prevEnd;
            while (last > prev && Character.isWhitespace(text.charAt(last - 1))) {
                last--;
            }
            if (last > prev && last - prev <= LABEL_ABOVE && !Chars.isDigit(text.charAt(last - 1))) {
                scan(text, prev, last, typeMask, seen);
            }
        }
        if (answerLine && entry(text, ls, s)) {
            // 恭平　2 1 2 2 3 3 0 7 9 2 0 under 「■住民票コードがわかる場合」: a list's entry reads its heading, over the
            // entries above it
            int p = ls - 1;
            for (int k = 0; k < LIST_ENTRIES && p > 0; k++) {
                int ps = text.lastIndexOf('\n', p - 1) + 1;
                int digit = ps;
                while (digit < p && !Chars.isDigit(text.charAt(digit))) {
                    digit++;
                }
                if (digit == p || !entry(text, ps, digit)) {
                    scan(text, ps, Math.min(p, ps + QUESTION), typeMask, seen);
                    break;
                }
                p = ps - 1;
            }
        }
        int n = answerLine ? itemNumber(text, ls, s) : -1;
        if (n > 0) { // 3 4102-837165 answering 「1. 在留カードの番号 2. 給与の振込口座 3. 基礎年金番号」 asked before
            for (int q = ls - 1; q > 0 && ls - q <= NUMBERED_BACK; ) {
                int qs = text.lastIndexOf('\n', q - 1) + 1;
                int label = itemEnd(text, qs, q, n);
                if (label > 0) {
                    scan(text, label, Math.min(q, label + NUMBERED_LABEL), typeMask, seen);
                    break;
                }
                q = qs - 1;
            }
        }
        int item = s - 1;
        while (item >= from && (text.charAt(item) == ' ' || text.charAt(item) == '\u3000')) {
            item--;
        }
        if (item >= 0 && isCircled(text.charAt(item))) { // ④3127 4402 answering 「…③生年月日 ④保険証の記号・番号」 asked before
            char mark = text.charAt(item);
            int q = item - 1;
            while (q >= 0 && item - q <= NUMBERED_BACK && text.charAt(q) != mark) {
                q--;
            }
            if (q >= 0 && item - q <= NUMBERED_BACK) {
                int labelEnd = q + 1;
                while (labelEnd < text.length() && labelEnd - q <= NUMBERED_LABEL && text.charAt(labelEnd) != '\n'
                        && !isCircled(text.charAt(labelEnd))) {
                    labelEnd++;
                }
                scan(text, q + 1, labelEnd, typeMask, seen);
            }
        }
    }

    /**
     * The label of {@code type} on a line above the value {@code [pos, end)}, at most {@link #LINES_ABOVE} lines and
     * {@link #SCOPE} characters up and not on the line right above unless that line asks, with no word naming another
     * number between nor just after the value on its line: a value given lines after the words that ask for it, in a chat
     * or a list (パスポート番号おしえて〜 … あ、大文字か TR1635666; 住民票コードも書けって… ⏎ [写真] ⏎ 847 9966 6374 読めるか？),
     * not 予約確認番号きた？ ⏎ きた HX7720391. For the identifiers whose shape alone says nothing; false for other types.
     */
    static boolean namedAbove(PiiType type, String s, int pos, int end) {
        String[] words = NAMES.get(type);
        if (words == null) {
            return false;
        }
        int from = Math.max(0, pos - SCOPE); // the lines it may be on: at most LINES_ABOVE up, within SCOPE characters
        int lines = 0;
        for (int k = pos - 1; k >= from; k--) {
            if (s.charAt(k) == '\n' && ++lines > LINES_ABOVE) {
                from = k + 1;
                break;
            }
        }
        int last = -1;
        int lastEnd = -1;
        for (String w : words) {
            for (int k = pos - w.length(); k >= from && k > last; k--) {
                if (s.regionMatches(true, k, w, 0, w.length())) {
                    last = k;
                    lastEnd = k + w.length();
                    break;
                }
            }
        }
        if (last < 0) {
            return false;
        }
        int ls = s.lastIndexOf('\n', pos - 1);
        if (ls < 0 || last > ls) {
            return false; // on the value's own line: the context words have read it
        }
        int above = Math.max(-1, s.lastIndexOf('\n', ls - 1));
        if (last > above && !asks(s, Math.max(above + 1, ls - QUESTION), ls)) {
            return false; // the line right above: asked for (パスポート番号送って〜 ⏎ ちなみに私のは TZ1184650 ね), or else a label or
        } // a statement there is the business of the rules for a label above its value and a table's heading (旅券番号の欄は空欄でした)
        for (String w : NAME_ENDS) {
            if (s.startsWith(w, lastEnd)) {
                lastEnd += w.length(); // パスポート番号, 旅券No.
                break;
            }
        }
        return !otherNumberWord(s, lastEnd, pos) && !otherNumberWord(s, end, Math.min(Chars.lineEnd(s, end), end + AFTER_VALUE));
    }

    /**
     * One of {@link #OTHER_NUMBER_WORDS} in {@code s[from, to)}; a bare 番号, with no word before it, is the number talked
     * of (…大丈夫かな。番号これ TR4820931), not another's.
     */
    private static boolean otherNumberWord(String s, int from, int to) {
        for (int k = from; k < to; k++) {
            for (String w : OTHER_NUMBER_WORDS) {
                if (s.startsWith(w, k) && !(k > from && w.equals("番号") && !Character.isLetterOrDigit(s.charAt(k - 1)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final int SCOPE = 300;
    /**
     * How many lines up {@link #namedAbove} looks: no more than a scan reads before a batch's or a block's cut, so that
     * the finding does not depend on where the cut falls. (A numbered answer's question, and a circled one's, is looked
     * for up to {@link #NUMBERED_BACK} characters up: found over a cut only when it is within these lines.)
     */
    static final int LINES_ABOVE = 8;
    /** How far after the value another number's word is looked for on its line (29141777635 は受付番号). */
    private static final int AFTER_VALUE = 24;
    private static final String[] NAME_ENDS = {"番号", "No.", "NO.", "No", "ナンバー"};
    /** The labels {@link #namedAbove} looks for (each may have 番号 after it). */
    private static final Map<PiiType, String[]> NAMES = new EnumMap<>(Map.of(
            PiiType.PASSPORT, new String[] {"旅券", "パスポート", "passport"},
            PiiType.RESIDENT_RECORD_CODE, new String[] {"住民票コード"},
            PiiType.PENSION_NUMBER, new String[] {"基礎年金番号", "年金番号"}));
    /** Words that name a number of some other kind, or a document that has one (予約確認番号, 受付No., 会員ID, 伝票, 口座). */
    private static final String[] OTHER_NUMBER_WORDS = {"番号", "No.", "NO.", "no.", "№", "コード", "ID", "記号", "＃", "#", "票",
        "口座", "注文", "型番", "品番", "受付", "予約", "会員", "請求", "管理", "整理", "証明", "登録", "許可", "伝票", "便"};

    /** How far back the numbered item a value answers is looked for, and how long its label is read. */
    private static final int NUMBERED_BACK = 1_000;
    private static final int NUMBERED_LABEL = 24;

    /**
     * The number of the item whose answer starts at {@code s} (3 , 3. , (3) , 3） before the value, from the line's start
     * {@code ls}), or -1.
     */
    private static int itemNumber(String text, int ls, int s) {
        int e = s;
        while (e > ls && Chars.isSpace(text.charAt(e - 1))) {
            e--;
        }
        if (e == s) {
            return -1; // a blank must part the item's number from the value
        }
        int i = quoted(text, ls, e);
        i = i < e && (text.charAt(i) == '(' || text.charAt(i) == '（') ? i + 1 : i;
        int v = Chars.digit(Chars.at(text, i));
        if (v >= 0 && Chars.digit(Chars.at(text, i + 1)) >= 0) {
            v = v * 10 + Chars.digit(text.charAt(i + 1));
        }
        return v > 0 && itemEnd(text, ls, s, v) == s ? v : -1;
    }

    /**
     * The end of item {@code n}'s number at the line's start {@code ls} (1. , (2) , 3） and the blanks after it), before
     * {@code limit}; else -1.
     */
    private static int itemEnd(String text, int ls, int limit, int n) {
        int i = quoted(text, ls, limit);
        boolean open = i < limit && (text.charAt(i) == '(' || text.charAt(i) == '（');
        if (open) {
            i++;
        }
        int v = 0;
        int digits = 0;
        while (i < limit && digits < 2 && Chars.digit(text.charAt(i)) >= 0) {
            v = v * 10 + Chars.digit(text.charAt(i++));
            digits++;
        }
        if (v != n || i < limit && Chars.digit(text.charAt(i)) >= 0) {
            return -1;
        }
        int mark = i;
        if (i < limit && (open ? text.charAt(i) == ')' || text.charAt(i) == '）' : ".．)）:：、".indexOf(text.charAt(i)) >= 0)) {
            i++;
        } else if (open) {
            return -1;
        }
        while (i < limit && Chars.isSpace(text.charAt(i))) {
            i++;
        }
        return i == mark ? -1 : i; // 34102…: a number, not an item's
    }

    /** Past a mail's quote marks and blanks at a line's start (> (1) 基礎年金番号 … ⏎ (1) 5213-604877). */
    private static int quoted(String text, int ls, int limit) {
        int i = ls;
        while (i < limit && (text.charAt(i) == '>' || text.charAt(i) == '＞' || Chars.isSpace(text.charAt(i)))) {
            i++;
        }
        return i;
    }

    /** ① to ⑳. */
    private static boolean isCircled(char c) {
        return c >= '\u2460' && c <= '\u2473';
    }

    /**
     * The identifiers whose shape alone says nothing (旅券番号, 免許証番号, 基礎年金番号, 保険証の記号・番号, 在留カード番号):
     * in a chat they are often given as the answer to the line before, which names them.
     */
    private static final boolean[] ANSWERED = new boolean[TYPES];
    /**
     * Names, addresses and 要配慮 facts: words, not values under a label, so a line above is not their label (株式会社ミナト over
     * a signature's name is no context against it).
     */
    private static final boolean[] WORDS_TYPES = new boolean[TYPES];

    static {
        for (PiiType t : java.util.EnumSet.of(PiiType.PERSON, PiiType.ADDRESS, PiiType.SENSITIVE_HEALTH, PiiType.SENSITIVE_CRIME,
                PiiType.SENSITIVE_CREED, PiiType.SENSITIVE_OTHER)) {
            WORDS_TYPES[t.ordinal()] = true;
        }
    }

    /** The same, and bank accounts and birth dates: in a table's row they take their column's heading ({@link RowHeadings}). */
    private static final boolean[] HEADED = new boolean[TYPES];

    static {
        for (PiiType t : java.util.EnumSet.of(PiiType.PASSPORT, PiiType.DRIVERS_LICENSE, PiiType.PENSION_NUMBER,
                PiiType.HEALTH_INSURANCE, PiiType.RESIDENCE_CARD, PiiType.RESIDENT_RECORD_CODE)) {
            ANSWERED[t.ordinal()] = true;
            HEADED[t.ordinal()] = true;
        }
        HEADED[PiiType.BANK_ACCOUNT.ordinal()] = true;
        HEADED[PiiType.DATE_OF_BIRTH.ordinal()] = true; // 生年月日 over its column, 入社日 over the next
    }

    /** Words by which a line asks for something (番号をお願いします, 教えてください, 番号が必要です, 何番ですか？). */
    private static final String[] ASKING = {"お願い", "ください", "下さい", "教えて", "おしえて", "必要です", "？", "?", "ですか", "送って"};

    private static boolean asks(String text, int from, int to) {
        for (int i = from; i < to; i++) { // the line before, at most QUESTION characters
            for (String w : ASKING) {
                if (i + w.length() <= to && text.startsWith(w, i)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** How far back the start of an answer's line is looked for: a chat line's date, time and speaker. */
    private static final int ANSWER_PREFIX = 64;

    /** How much of the line before an answer is read for its context words. */
    static final int QUESTION = 72;

    /**
     * True when the line holds nothing before the span but a chat line's time and speaker (15:25 お客様：, [10:02] 佐藤:,
     * 03/04/2025, 19:20 - Name:, LINE's 09:12⇥Name⇥) or nothing at all, and at most a label that names no kind of number
     * (番号は): the value answers the line before, where its label is.
     */
    static boolean answers(String text, int lineStart, int span) {
        int sep = -1;
        for (int i = lineStart; i < span; i++) {
            char c = text.charAt(i);
            if (c == ':' || c == '：' || c == '\t') {
                sep = i;
            }
        }
        if (sep - lineStart > 48) {
            return false;
        }
        int i = sep + 1 > lineStart ? sep + 1 : lineStart;
        i = blanks(text, i, span);
        for (String w : BARE_LABELS) { // 番号は 4403 です: a label that names no kind of number
            if (text.startsWith(w, i) && i + w.length() <= span) {
                i = blanks(text, i + w.length(), span);
                break;
            }
        }
        return i == span;
    }

    /** The start of the line that ends at {@code end} (a line break), at most {@link #QUESTION} characters before it. */
    private static int lineBefore(String text, int end) {
        int i = end;
        while (i > 0 && text.charAt(i - 1) != '\n' && end - i < QUESTION) {
            i--;
        }
        return i;
    }

    /** A chat message's header line: a short name, then a time at its end (中島 10:12, Kimura 09:12 AM). */
    static boolean speakerLine(String text, int s, int e) {
        int t = e;
        while (t > s && Character.isWhitespace(text.charAt(t - 1))) {
            t--;
        }
        if (t - s > 32) {
            return false;
        }
        if (t - s >= 3 && (text.startsWith("AM", t - 2) || text.startsWith("PM", t - 2))) {
            t = blanksBack(text, s, t - 2);
        }
        return t - s >= 6 && Chars.isDigit(text.charAt(t - 1)) && Chars.isDigit(text.charAt(t - 2)) && text.charAt(t - 3) == ':'
                && Chars.isDigit(text.charAt(t - 4)) && !Chars.hasDigit(text, s, Math.max(s, t - 6));
    }

    private static int blanksBack(String text, int s, int t) {
        while (t > s && (text.charAt(t - 1) == ' ' || text.charAt(t - 1) == '\u3000')) {
            t--;
        }
        return t;
    }

    /** How long a label's line above a value alone on its line may be (the label, a mark, a note, its English). */
    private static final int LABEL_ABOVE = 40;

    /**
     * Nothing but blanks after {@code end} on its line, or a remark in brackets ending it (1996年4月9日（09 APR 1996）), or
     * the 号 that closes 第…号 and anything after it.
     */
    private static boolean aloneAfter(String text, int end) {
        int i = end < text.length() && "|｜］]".indexOf(text.charAt(end)) >= 0 ? end + 1 : end; // the last box's edge
        while (i < text.length() && text.charAt(i) != '\n' && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i < text.length() && (text.charAt(i) == '（' || text.charAt(i) == '(')) {
            int e = Chars.lineEnd(text, i);
            while (e > i && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            if (e <= i + 1 || text.charAt(e - 1) != '）' && text.charAt(e - 1) != ')') {
                return false;
            }
            for (int k = i + 1; k < e - 1; k++) {
                if (Chars.isOpenParen(text.charAt(k)) || Chars.isCloseParen(text.charAt(k))) {
                    return false; // one remark, not （…）と（…）
                }
            }
            return true;
        }
        return i == text.length() || text.charAt(i) == '\n' || text.charAt(i) == '号';
    }

    /**
     * Nothing before {@code s} from the line's start {@code ls} but blanks and a bare label: 番号, 番号：, No., 第 (番号　第 4 3
     * 1…), and the first box's edge.
     */
    private static boolean bareLabel(String text, int ls, int s) {
        int i = blanks(text, ls, s);
        for (String w : BARE_LABELS) {
            if (text.startsWith(w, i) && i + w.length() <= s) {
                i = blanks(text, i + w.length(), s);
                break;
            }
        }
        if (i < s && text.charAt(i) == '第') {
            i = blanks(text, i + 1, s);
        }
        if (i == s - 1 && "|｜［[".indexOf(text.charAt(i)) >= 0) {
            i++; // the first box's edge: |1|0|9|6|…| under あなたの個人番号
        }
        return i == s;
    }

    /** How many entries of a list above the one read are passed over on the way to its heading. */
    private static final int LIST_ENTRIES = 4;

    /**
     * The line holds a short word or name and a blank before {@code span}, nothing else (恭平　, 直子　): a list's entry; not
     * a label naming a number (注文番号 ).
     */
    private static boolean entry(String text, int lineStart, int span) {
        int e = span;
        while (e > lineStart && (text.charAt(e - 1) == ' ' || text.charAt(e - 1) == '\u3000' || text.charAt(e - 1) == '\t')) {
            e--;
        }
        if (e == span || e == lineStart || e - lineStart > 8) {
            return false;
        }
        for (int i = lineStart; i < e; i++) {
            char c = text.charAt(i);
            if (Chars.isDigit(c) || Chars.isSpace(c) || c == ':' || c == '：' || c == '■' || c == '【') {
                return false;
            }
        }
        String word = text.substring(lineStart, e);
        return !(word.contains("番号") || word.endsWith("コード") || word.endsWith("No") || word.endsWith("ID")); // 注文番号 TR…
    }

    /** Labels that say a number follows but not which: the line before must say it. */
    private static final String[] BARE_LABELS = {"番号は", "番号：", "番号:", "番号", "No.", "No：", "わたしのは", "私のは", "僕のは",
        "ぼくのは", "俺のは", "おれのは", "うちのは", "新しいのは"};

    /** How many lines up a chat's answer looks for the question it answers. */
    private static final int ANSWER_LINES = 8;

    /** The index after the blanks (space, wide space, tab) from {@code i}, at most {@code to}. */
    static int blanks(String text, int i, int to) {
        while (i < to && (text.charAt(i) == ' ' || text.charAt(i) == '\u3000' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private void scan(String text, int from, int to, int typeMask, long[] seen) {
        for (int i = from; i < to; i++) {
            int types = firstChars[text.charAt(i)] & typeMask;
            while (types != 0) {
                int o = Integer.numberOfTrailingZeros(types);
                types &= types - 1;
                String[] ws = texts[o];
                for (int k = 0; k < ws.length; k++) {
                    String w = ws[k];
                    int set = o * WORD_SETS + (k >> 6);
                    String h = halves[o][k];
                    if ((seen[set] & (1L << k)) == 0 && (i + w.length() <= to && text.regionMatches(asciis[o][k], i, w, 0, w.length())
                            && !(asciis[o][k] && i > 0 && Character.isLetter(text.charAt(i - 1))) // born, not stubborn or Osborne
                            || h != null && i + h.length() <= to && text.startsWith(h, i))) {
                        seen[set] |= 1L << k;
                    }
                }
            }
        }
    }
}
