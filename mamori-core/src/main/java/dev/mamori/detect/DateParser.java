package dev.mamori.detect;

/**
 * Parses one date at a known position: 西暦 (1985年4月1日, 1985/04/01, 1985-04-01, 1985.4.1,
 * compact 19850401) and 和暦 (昭和60年4月1日, 平成元年1月8日, S60.4.1, H1/1/8, 令1.5.1, ㍼60年4月1日); in the 年月日
 * form one blank may stand before a number or a unit, as forms pad one-digit months and days (昭和60年 4月 1日).
 * A year may carry the other calendar's year in brackets (1988年（昭和63年）4月1日, 昭和63年（1988年）…),
 * which must agree. A year without month and day is a date only when a birth verb follows it
 * (令和2年生まれ → 令和2年; {@link #yearOnly}) or it is a birth label's value (生年：1985年). Dates are checked against the calendar and, for 和暦,
 * against the era's first and last day. Not thread-safe: one instance per scan; the result is left in
 * the fields.
 */
final class DateParser {

    /** Span of the last parsed date. */
    int start;
    int end;
    /** The date as yyyymmdd. */
    int ymd;
    /** True for 8 bare digits (yyyymmdd), which count only in a birth-date column. */
    boolean compact;
    /**
     * True for a year alone, or a year and month, followed by a birth verb (令和2年生まれ, 1985年3月生まれ), the verb ending at
     * {@link #verbEnd};
     * or by 、 or に ({@link #verbEnd} -1), when the caller must find the verb at the end of the clause.
     */
    boolean yearOnly;
    int verbEnd;

    private int pos;
    private Eras.Era bracketEra;
    /** True when the era was written as one kanji (昭60年): too ambiguous for a year alone (短大2年生). */
    private boolean kanjiMark;
    private final int[] eraStart = new int[1];
    private final IdentifierRules.Words birthVerbs = IdentifierRules.get().words("BIRTH_VERB");
    private final IdentifierRules.Words birthYearLabels = IdentifierRules.get().words("BIRTH_YEAR_LABEL");

    /** 西暦 starting with the year's first digit at {@code i}. */
    boolean parseWestern(String s, int i) {
        int run = runLength(s, i);
        compact = false;
        yearOnly = false;
        kanjiMark = false;
        if (run == 8) {
            int y = number(s, i, 4);
            int m = number(s, i + 4, 2);
            int d = number(s, i + 6, 2);
            compact = true;
            return finish(i, i + 8, y, m, d, null);
        }
        if (run != 4) {
            return false;
        }
        int y = number(s, i, 4);
        pos = i + 4;
        return monthDay(s, i, y, null);
    }

    /**
     * A date written day first or month first with the year last (14/03/2010, 02.07.1994, 03-14-2010), as foreign forms and
     * passports' data write it: the two small numbers must make a date one way or the other, the year run from 1900 to 2099.
     * Its span is the same either way; {@link #ymd} takes the day first when both readings are dates.
     */
    boolean parseYearLast(String s, int i) {
        compact = false;
        yearOnly = false;
        pos = i;
        int a = readSmall(s);
        char sep = Chars.at(s, pos);
        if (a < 0 || sepKind(sep) == 0) {
            return false;
        }
        pos++;
        int b = readSmall(s);
        if (b < 0 || Chars.at(s, pos) != sep || runLength(s, pos + 1) != 4) {
            return false;
        }
        int y = number(s, pos + 1, 4);
        if (y < 1900 || y > 2099) {
            return false;
        }
        boolean dayFirst = b >= 1 && b <= 12 && a >= 1 && a <= daysIn(y, b);
        boolean monthFirst = a >= 1 && a <= 12 && b >= 1 && b <= daysIn(y, a);
        if (!dayFirst && !monthFirst) {
            return false;
        }
        start = i;
        end = pos + 5;
        ymd = dayFirst ? y * 10000 + b * 100 + a : y * 10000 + a * 100 + b;
        return true;
    }

    /** A month and day without a year (1月15日, 5/3) starting at {@code i}. */
    boolean parseMonthDay(String s, int i) {
        compact = false;
        yearOnly = false;
        pos = i;
        int m;
        int d;
        if ((m = readSmall(s)) < 0) {
            return false;
        }
        char sep = Chars.at(s, pos++);
        if (sep == '月') {
            if ((d = readSmall(s)) < 0 || Chars.at(s, pos++) != '日') {
                return false;
            }
        } else if (!Chars.isSlash(sep) || (d = readSmall(s)) < 0 || Chars.isSlash(Chars.at(s, pos)) || Chars.isDot(Chars.at(s, pos))) {
            return false;
        }
        if (m < 1 || m > 12 || d < 1 || d > daysIn(2000, m)) {
            return false;
        }
        start = i;
        end = pos;
        ymd = m * 100 + d;
        return true;
    }

    /** 和暦 whose era begins at {@code eraStart} and whose year (digits or 元) begins at {@code i}. */
    boolean parseEra(String s, int eraStart, Eras.Era era, int i) {
        compact = false;
        yearOnly = false;
        char mark = Chars.at(s, eraStart);
        kanjiMark = i - eraStart == 1 && mark >= 0x4E00 && mark <= 0x9FFF;
        int y;
        if (Chars.at(s, i) == '元') {
            y = 1;
            pos = i + 1;
            if (Chars.at(s, pos) != '年') {
                return false;
            }
        } else if (kanjiDigit(Chars.at(s, i)) >= 0) { // 平成二十一年三月八日 (judgments, official letters)
            pos = i;
            if ((y = readKanji(s)) < 0 || Chars.at(s, pos) != '年') {
                return false;
            }
            pos++;
            if (kanjiDigit(Chars.at(s, pos)) < 0) {
                return year(s, eraStart, era.gregorian(y), era);
            }
            int m = readKanji(s);
            if (m < 0 || Chars.at(s, pos++) != '月') {
                return false;
            }
            int d = readKanji(s);
            if (d < 0 || Chars.at(s, pos++) != '日') {
                return false;
            }
            return finish(eraStart, pos, era.gregorian(y), m, d, era);
        } else {
            int run = runLength(s, i);
            if (run < 1 || run > 2) {
                return false;
            }
            y = number(s, i, run);
            pos = i + run;
        }
        if (y < 1) {
            return false;
        }
        return monthDay(s, eraStart, era.gregorian(y), era);
    }

    /**
     * A date as 日本年金機構's forms write it: the era's number, a hyphen, then YYMMDD (7-120604 is 平成12年6月4日;
     * {@link Eras.Era#code}). Only the shape and the calendar are checked here: the caller wants a birth label too.
     */
    boolean parseEraCode(String s, int i) {
        compact = false;
        yearOnly = false;
        verbEnd = -1;
        Eras.Era era = Chars.isDigit(Chars.at(s, i)) ? Eras.get().coded(Chars.digit(Chars.at(s, i))) : null;
        if (era == null || !Chars.isHyphen(Chars.at(s, i + 1)) || runLength(s, i + 2) != 6) {
            return false;
        }
        int y = number(s, i + 2, 2);
        return y >= 1 && finish(i, i + 8, era.gregorian(y), number(s, i + 4, 2), number(s, i + 6, 2), era);
    }

    /** After the year at {@link #pos}: 年M月D日 or sep M sep D. */
    private boolean monthDay(String s, int from, int y, Eras.Era era) {
        blankBefore(s, '年'); // 1985 年 4 月 1 日
        char c = Chars.at(s, pos);
        int m;
        int d;
        bracketEra = null;
        boolean bracketed = false;
        if (Chars.isOpenParen(c)) { // 昭和63（1988）年, 1988(昭和63)年
            if (!bracketYear(s, y, era, false) || Chars.at(s, pos) != '年') {
                return false;
            }
            bracketed = true;
            c = '年';
        }
        if (c == '年') {
            pos++;
            int paren = pos;
            if (!bracketed && Chars.isOpenParen(Chars.at(s, pos)) && !bracketYear(s, y, era, true)) {
                pos = paren;
                return year(s, from, y, era); // 生年月日：昭和60年（39歳）: a label's year, an age after it; else nothing
            }
            if (era == null) {
                era = bracketEra;
            }
            if (Chars.at(s, pos) == 'の' && Chars.isDigit(Chars.at(s, pos + 1))) {
                pos++; // 1979年の10月23日: the year as a caller says it
            }
            blankBeforeDigit(s); // 昭和60年 4月 1日: a form pads a one-digit month or day with a blank
            if (!Chars.isDigit(Chars.at(s, pos))) {
                return year(s, from, y, era);
            }
            if ((m = readSmall(s)) < 0 || !unit(s, '月')) {
                return false;
            }
            blankBeforeDigit(s);
            if (!Chars.isDigit(Chars.at(s, pos))) {
                return yearMonth(s, from, y, m, era);
            }
            if ((d = readSmall(s)) < 0 || !unit(s, '日')) {
                return false;
            }
        } else {
            int kind = sepKind(c);
            if (kind == 0) {
                return false;
            }
            pos++;
            padding(s); // 平 3. 9.18: a fixed-width print pads a one-digit month or day with a blank
            if ((m = readSmall(s)) < 0 || sepKind(Chars.at(s, pos)) != kind) {
                return false;
            }
            pos++;
            padding(s);
            if ((d = readSmall(s)) < 0) {
                return false;
            }
            // 2001.10.20.5, 1.2.3.4 and the like are not dates
            if (sepKind(Chars.at(s, pos)) != 0 && Chars.isDigit(Chars.at(s, pos + 1))) {
                return false;
            }
        }
        return finish(from, pos, y, m, d, era);
    }

    /** Steps over one blank at {@link #pos} when {@code unit} follows it. */
    private void blankBefore(String s, char unit) {
        if (isBlank(Chars.at(s, pos)) && Chars.at(s, pos + 1) == unit) {
            pos++;
        }
    }

    /** Steps over one blank at {@link #pos} that pads a single digit (a blank, a digit, then no digit). */
    private void padding(String s) {
        if (isBlank(Chars.at(s, pos)) && Chars.isDigit(Chars.at(s, pos + 1)) && !Chars.isDigit(Chars.at(s, pos + 2))) {
            pos++;
        }
    }

    /** Steps over one blank at {@link #pos} when a digit follows it. */
    private void blankBeforeDigit(String s) {
        if (isBlank(Chars.at(s, pos)) && Chars.isDigit(Chars.at(s, pos + 1))) {
            pos++;
        }
    }

    /** Reads {@code unit} at {@link #pos}, after at most one blank. */
    private boolean unit(String s, char unit) {
        blankBefore(s, unit);
        if (Chars.at(s, pos) != unit) {
            return false;
        }
        pos++;
        return true;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\u3000';
    }

    /**
     * At a '(' after the year (or its 年): the same year in the other calendar — 和暦 after a 西暦 year,
     * 西暦 after a 和暦 one — with 年 inside when {@code nen}, and ')'; sets {@link #bracketEra} for a 和暦
     * bracket. False when it is not that or disagrees.
     */
    private boolean bracketYear(String s, int y, Eras.Era era, boolean nen) {
        int p = pos + 1;
        int q;
        if (era == null) {
            q = p;
            while (q < p + 3 && q < s.length() && !Chars.isDigit(s.charAt(q)) && s.charAt(q) != '元') {
                q++;
            }
            Eras.Era e = Eras.get().before(s, q, eraStart);
            if (e == null || eraStart[0] != p) {
                return false;
            }
            int ey;
            if (Chars.at(s, q) == '元') {
                ey = 1;
                q++;
            } else {
                int r = runLength(s, q);
                if (r < 1 || r > 2) {
                    return false;
                }
                ey = number(s, q, r);
                q += r;
            }
            if (ey < 1 || e.gregorian(ey) != y || (nen && Chars.at(s, q) != '年')) {
                return false;
            }
            bracketEra = e;
            q += nen ? 1 : 0;
        } else {
            if (runLength(s, p) != 4 || number(s, p, 4) != y || (nen && Chars.at(s, p + 4) != '年')) {
                return false;
            }
            q = p + (nen ? 5 : 4);
        }
        if (!Chars.isCloseParen(Chars.at(s, q))) {
            return false;
        }
        pos = q + 1;
        return true;
    }

    /** A year alone ending at {@link #pos}: a date only when a birth verb follows right after it. */
    private boolean year(String s, int from, int y, Eras.Era era) {
        if (kanjiMark) {
            return false;
        }
        int v = birthVerbAt(s);
        boolean labelled = v == 0 && birthLabelBefore(s, from) && fieldEnds(s);
        boolean clause = v == 0 && !labelled;
        if (clause && !clauseGoesOn(s)) {
            return false;
        }
        boolean inRange = era != null ? (y * 10000 + 1231 >= era.first() && y * 10000 + 101 <= era.last()) : (y >= 1868 && y <= 2100);
        if (!inRange) {
            return false;
        }
        start = from;
        end = pos;
        ymd = y * 10000;
        yearOnly = true;
        verbEnd = clause ? -1 : pos + v;
        return true;
    }

    /**
     * Whether the clause goes on after the year at {@link #pos} towards a birth verb the caller looks for at its end (昭和9年、
     * 須坂市生まれ; 1941年（昭和16年）ホノルル生まれ, a place right after the year); not 1990年代, 2000年度, 昭和40年頃.
     */
    private boolean clauseGoesOn(String s) {
        char c = Chars.at(s, pos);
        boolean place = ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 'ァ' && c <= 'ヺ')) && "代度頃以前後末初中来間".indexOf(c) < 0;
        return c == '、' || c == '，' || c == ',' || c == 'に' || place;
    }

    /** A birth label (生年, 生年月日) right before {@code from}, a colon or blanks between: 生年：1985年. */
    private boolean birthLabelBefore(String s, int from) {
        int i = from;
        while (i > 0 && from - i < 3 && " 　\t:：".indexOf(s.charAt(i - 1)) >= 0) {
            i--;
        }
        for (int k = Math.max(0, i - 4); k < i; k++) {
            int n = birthYearLabels.lengthAt(s, k);
            if (n > 0 && k + n == i) {
                return true;
            }
        }
        return false;
    }

    /** The field of the year at {@link #pos} ends there: a line's or a cell's end, a blank, a bracket (生年：1985年（39歳）). */
    private boolean fieldEnds(String s) {
        return pos >= s.length() || "\r\n\t 　,，、。（(/／|｜".indexOf(s.charAt(pos)) >= 0;
    }

    /** The length of the birth verb at {@link #pos} (生まれ, 生): 1990年生, 昭和50年生の, but not 生産, 生活, 生き…; or 0. */
    private int birthVerbAt(String s) {
        int v = birthVerbs.lengthAt(s, pos);
        if (v == 0 && Chars.at(s, pos) == '生') {
            char next = Chars.at(s, pos + 1);
            v = (next >= 0x4E00 && next <= 0x9FFF) || next == 'き' ? 0 : 1;
        }
        return v;
    }

    /**
     * A year and month without a day, ending at {@link #pos}: a date of birth only when a birth verb follows right after
     * it (1985年3月生まれ); reported like a year alone ({@link #yearOnly}).
     */
    private boolean yearMonth(String s, int from, int y, int m, Eras.Era era) {
        int v = birthVerbAt(s);
        boolean labelled = v == 0 && birthLabelBefore(s, from) && fieldEnds(s);
        if (kanjiMark || v == 0 && !labelled && !clauseGoesOn(s) || m < 1 || m > 12) {
            return false; // 昭和16年5月、栃木県鹿沼市生まれ as a year alone is
        }
        int ym = y * 10000 + m * 100;
        if (era != null ? (ym + 31 < era.first() || ym + 1 > era.last()) : (y < 1868 || y > 2100)) {
            return false;
        }
        start = from;
        end = pos;
        ymd = ym;
        yearOnly = true;
        verbEnd = v == 0 ? (labelled ? pos : -1) : pos + v;
        return true;
    }

    private boolean finish(int from, int to, int y, int m, int d, Eras.Era era) {
        if (m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) {
            return false;
        }
        int v = y * 10000 + m * 100 + d;
        if (era != null ? !era.contains(v) : (y < 1868 || y > 2100)) {
            return false;
        }
        start = from;
        end = to;
        ymd = v;
        return true;
    }

    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    /** 3 March 1940, 03NOV1987, 03 NOV 1987 (a passport's), March 3, 1940, Mar. 3 1940. */
    private static final java.util.regex.Pattern ENGLISH = java.util.regex.Pattern.compile(
            "(?:([0-9]{1,2})[ -]?" + MONTH + "\\.?[ -]?,?[ ]?([0-9]{4})|" + MONTH + "\\.?[ ]([0-9]{1,2})(?:st|nd|rd|th)?,?[ ]([0-9]{4}))"
                    + "(?![A-Za-z0-9])", java.util.regex.Pattern.CASE_INSENSITIVE);
    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

    /** A month's first three letters at {@code i}, in any case (Mar, NOV): the cheap test before {@link #parseEnglish}. */
    static boolean monthAt(String s, int i) {
        if (i + 3 > s.length()) {
            return false;
        }
        int a = (s.charAt(i) | 0x20) - 'a';
        int b = (s.charAt(i + 1) | 0x20) - 'a';
        int c = (s.charAt(i + 2) | 0x20) - 'a';
        return a >= 0 && a < 26 && b >= 0 && b < 26 && c >= 0 && c < 26 && MONTH3[(a * 26 + b) * 26 + c];
    }

    /** The twelve months' first three letters, by (a * 26 + b) * 26 + c. */
    private static final boolean[] MONTH3 = new boolean[26 * 26 * 26];

    static {
        for (int m = 0; m < MONTHS.length(); m += 3) {
            MONTH3[((MONTHS.charAt(m) - 'a') * 26 + MONTHS.charAt(m + 1) - 'a') * 26 + MONTHS.charAt(m + 2) - 'a'] = true;
        }
    }

    /**
     * A date written in English starting at {@code i} (its day's first digit or its month's first letter), as passports,
     * visa forms and English mail write a birth date: 03NOV1987, 3 March 1940, March 3, 1940.
     */
    boolean parseEnglish(String s, int i) {
        compact = false;
        yearOnly = false;
        if (i + 3 > s.length()) {
            return false;
        }
        java.util.regex.Matcher m = ENGLISH.matcher(s).region(i, Math.min(s.length(), i + 24));
        if (!m.lookingAt()) {
            return false;
        }
        boolean dayFirst = m.group(1) != null;
        int d = Integer.parseInt(dayFirst ? m.group(1) : m.group(5));
        int y = Integer.parseInt(dayFirst ? m.group(3) : m.group(6));
        int month = MONTHS.indexOf(m.group(dayFirst ? 2 : 4).substring(0, 3).toLowerCase(java.util.Locale.ROOT)) / 3 + 1;
        return finish(i, m.end(), y, month, d, null);
    }

    /** A real day from 1868 (the first year of 明治) to 2100: the range a birth date or a yyyymmdd number is read in. */
    static boolean realDate(int y, int m, int d) {
        return y >= 1868 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
    }

    /** Eight digits yyyymmdd at {@code at} (ASCII or full-width) that are a {@link #realDate real date}. */
    static boolean ymdAt(CharSequence s, int at) {
        int v = 0;
        for (int i = at; i < at + 8; i++) {
            int x = i < s.length() ? Character.digit(s.charAt(i), 10) : -1;
            if (x < 0) {
                return false;
            }
            v = v * 10 + x;
        }
        return realDate(v / 10000, v / 100 % 100, v % 100);
    }

    static int daysIn(int y, int m) {
        return switch (m) {
            case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** A slash, a hyphen or a dot, as dates separate their numbers with. */
    static boolean isSeparator(char c) {
        return sepKind(c) != 0;
    }

    /** 1 = slash, 2 = hyphen family, 3 = dot, 0 = none. */
    private static int sepKind(char c) {
        if (Chars.isSlash(c)) {
            return 1;
        }
        if (Chars.isHyphen(c)) {
            return 2;
        }
        if (c == '・' || c == '･') {
            return 4; // S・63・2・29, as some forms' typists write an era letter's date
        }
        return Chars.isDot(c) ? 3 : 0;
    }

    /** The value of a kanji digit (〇 一 … 九; 十 is 10), or -1. */
    static int kanjiDigit(char c) {
        return "〇一二三四五六七八九十".indexOf(c);
    }

    /** Reads a number from 1 to 99 in kanji at {@link #pos} (八, 十, 十一, 二十, 二十一), or returns -1. */
    private int readKanji(String s) {
        int a = kanjiDigit(Chars.at(s, pos));
        if (a < 0 || a == 0) {
            return -1;
        }
        pos++;
        if (a == 10) { // 十, 十一
            int u = kanjiDigit(Chars.at(s, pos));
            if (u >= 1 && u <= 9) {
                pos++;
                return 10 + u;
            }
            return u < 0 ? 10 : -1;
        }
        if (Chars.at(s, pos) != '十') { // 八 (not 八八, not 一〇)
            return kanjiDigit(Chars.at(s, pos)) < 0 ? a : -1;
        }
        pos++; // 二十, 二十一
        int u = kanjiDigit(Chars.at(s, pos));
        if (u >= 1 && u <= 9) {
            pos++;
            return a * 10 + u;
        }
        return u < 0 ? a * 10 : -1;
    }

    /** Reads 1 or 2 digits at {@link #pos} (not followed by a third), or returns -1. */
    private int readSmall(String s) {
        int run = runLength(s, pos);
        if (run < 1 || run > 2) {
            return -1;
        }
        int v = number(s, pos, run);
        pos += run;
        return v;
    }

    static int runLength(String s, int i) {
        int j = i;
        int n = s.length();
        while (j < n && j - i < 40 && Chars.isDigit(s.charAt(j))) {
            j++;
        }
        return j - i;
    }

    private static int number(String s, int i, int len) {
        int v = 0;
        for (int k = 0; k < len; k++) {
            v = v * 10 + Chars.digit(s.charAt(i + k));
        }
        return v;
    }
}
