package dev.mamori.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * The heading over a value in a row of a table pasted into text that no separator splits into its header's columns: a
 * fixed-width roster whose names hold a blank (ZHANG Wei, 内藤 颯太), a cell that holds a 保険証's three numbers
 * (06136219／3011／2045). {@link ContextWords} reads the heading's words as the value's context (旅券番号 over its column,
 * 生年月日 over its, not the 入社日 beside it); {@link LocationRecognizer} asks a header for 経度 or a mesh's word.
 * Written by hand: the tables are text as people type it, not a format a parser reads.
 */
final class RowHeadings {

    private RowHeadings() {
    }

    /** Headings that name no kind of number themselves: the whole header's words are then the context (保険者番号　記号　番号). */
    private static final java.util.Set<String> BARE_HEADINGS = java.util.Set.of("記号", "番号", "枝番", "No", "No.", "番");

    /**
     * The range to read for the value at {@code s} in the row that starts at {@code ls}: its column's heading, or the whole
     * header when that heading is bare; null when the line is no such row or the value is the row's short first cell (its
     * number or room: 101　阿部 ウメ …).
     */
    static int[] of(String text, int ls, int s) {
        if (ContextWords.blanks(text, ls, s) == s && cellEnd(text, s) - s <= 4) {
            return null;
        }
        int[] h = headerAbove(text, ls, s);
        if (h == null) {
            return birthHeading(text, ls, s);
        }
        int[] heading = columnHeading(text, h[0], h[1], ls, s);
        if (heading == null) {
            return null;
        }
        return BARE_HEADINGS.contains(text.substring(heading[0], heading[1])) ? h : heading;
    }

    /** Cells a row or a header split by single blanks has at least, to be read as a table's. */
    private static final int WORDS_ROW = 4;

    /**
     * The birth date's heading of a table whose cells single blanks split (No. 氏名 （カナ） 生年月日 住所 電話 備考 over
     * 1 二宮 源一 （ニノミヤ ゲンイチ） S13.4.2 城山3-15-2 …): the names' blanks leave the columns unknown, but a header
     * with one date heading, a birth's, says what the row's date is. Null when the header has none or another date's
     * heading too (入会日), or when the row or the header is no table's.
     */
    private static int[] birthHeading(String text, int ls, int s) {
        int le = s;
        while (le < text.length() && text.charAt(le) != '\n' && le - ls < ROW_LENGTH) {
            le++;
        }
        if (le - ls >= ROW_LENGTH || words(text, ls, le).size() < WORDS_ROW || dates(text, ls, le) != 1) {
            return null; // two dates in the row: which is the birth is not known
        }
        int p = ls - 1;
        for (int k = 0; k < HEADER_ROWS && p > 0; k++) {
            int ps = p;
            while (ps > 0 && text.charAt(ps - 1) != '\n' && p - ps <= ROW_LENGTH) {
                ps--;
            }
            if (p - ps > ROW_LENGTH || ContextWords.blanks(text, ps, p) == p) {
                return null; // a paragraph or a blank line: no table
            }
            if (!digitOutsideBrackets(text, ps, p)) {
                if (TextTables.ruleLine(text, ps, p, false)) {
                    p = ps - 1;
                    continue;
                }
                if (p - ps > HEADER_LENGTH || Chars.has(text, "。", ps, p)) {
                    return null;
                }
                List<int[]> words = words(text, ps, p);
                int[] birth = null;
                int dates = 0;
                for (int[] w : words) {
                    String h = text.substring(w[0], w[1]);
                    if (h.endsWith("日") || h.contains("日付") || h.contains("期限") || h.contains("年月") || h.contains("期間")) {
                        dates++;
                        birth = h.startsWith("生年月日") || h.startsWith("誕生日") ? w : birth;
                    }
                }
                return words.size() >= WORDS_ROW && dates == 1 ? birth : null;
            }
            p = ps - 1;
        }
        return null;
    }

    /** A date as a roster prints one: 1958/4/2, 1944年8月9日, 昭和15年11月3日, S13.4.2, 令和7.4.1. */
    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile(
            "(?<![0-9０-９])(?:[12１２][0-9０-９]{3}|(?:明治|大正|昭和|平成|令和|[MTSHRＭＴＳＨＲ])[ 　]?[0-9０-９元]{1,2})[年./／-][ 　]?"
                    + "(?:[0０]?[1-9１-９]|[1１][0-2０-２])[月./／-][ 　]?[0-9０-９]{1,2}(?![0-9０-９])");

    /** How many dates the row [s, e) holds. */
    private static int dates(String text, int s, int e) {
        java.util.regex.Matcher m = DATE.matcher(text).region(s, e);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The words of [s, e) between blanks (a space, a wide blank or a tab). */
    private static List<int[]> words(String text, int s, int e) {
        List<int[]> out = new ArrayList<>();
        int i = s;
        while (i < e) {
            while (i < e && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < e && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(new int[] {start, i});
            }
        }
        return out;
    }

    /** How many lines above a row its header may stand (rows and rules between). */
    private static final int HEADER_ROWS = 50;
    /** A header line longer than this is prose. */
    static final int HEADER_LENGTH = 160;
    /** A row longer than this is prose too. */
    private static final int ROW_LENGTH = 400;

    /**
     * The header [start, end) of the table whose row starts at {@code ls}, for a row that no separator splits into the
     * header's columns (a fixed-width roster whose names hold a blank, 旅券番号 over its column, or a cell that holds a
     * 保険証's three numbers): the row and the header have two column gaps or more; between them only rows with digits and
     * rules; the header has no digit outside brackets and no 。. Null when there is none.
     */
    static int[] headerAbove(String text, int ls, int s) {
        int le = s;
        while (le < text.length() && text.charAt(le) != '\n' && le - ls < ROW_LENGTH) {
            le++;
        }
        if (gaps(text, ls, le) < 2) {
            return null;
        }
        int p = ls - 1; // the line break before the row
        for (int k = 0; k < HEADER_ROWS && p > 0; k++) {
            int ps = p;
            while (ps > 0 && text.charAt(ps - 1) != '\n' && p - ps <= ROW_LENGTH) {
                ps--;
            }
            if (p - ps > ROW_LENGTH) {
                return null; // a paragraph, no row
            }
            int pe = p > ps && text.charAt(p - 1) == '\r' ? p - 1 : p;
            if (ContextWords.blanks(text, ps, pe) == pe) {
                return null; // a blank line ends the table
            }
            if (!digitOutsideBrackets(text, ps, pe)) {
                if (TextTables.ruleLine(text, ps, pe, false)) {
                    p = ps - 1;
                    continue;
                }
                return pe - ps <= HEADER_LENGTH && gaps(text, ps, pe) >= 2 && !Chars.has(text, "。", ps, pe) ? new int[] {ps, pe} : null;
            }
            p = ps - 1;
        }
        return null;
    }

    /**
     * Two digits in a row in [s, e) that no bracket holds: a row's value, not a header's note (居住地メッシュ（1/4）, 金額(円))
     * or a heading's own digit (3次メッシュ).
     */
    private static boolean digitOutsideBrackets(String text, int s, int e) {
        int depth = 0;
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (c == '（' || c == '(') {
                depth++;
            } else if ((c == '）' || c == ')') && depth > 0) {
                depth--;
            } else if (depth == 0 && Chars.isDigit(c) && i + 1 < e && Chars.isDigit(text.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** The end of the cell that starts at {@code s} (the next column gap or the line's end). */
    private static int cellEnd(String text, int s) {
        int i = s;
        while (i < text.length() && text.charAt(i) != '\n' && gapAt(text, i, text.length()) == i) {
            i++;
        }
        return i;
    }

    /**
     * The heading {start, end} over the cell of the row [ls, …) that holds {@code s}: the header cell of the same place
     * counted from the left or from the right — a row's cell holding a blank (a name) or a blank cell shifts one count —
     * whichever starts nearer the cell's printed column. Cells are split at column gaps (two blanks, a wide blank, a tab,
     * a bar), not at ／ (06136219／3011／2045 is one cell). Null when the row has no such cell.
     */
    static int[] columnHeading(String text, int hs, int he, int ls, int s) {
        List<int[]> header = cells(text, hs, he);
        int le = s;
        while (le < text.length() && text.charAt(le) != '\n' && le - ls < ROW_LENGTH) {
            le++;
        }
        List<int[]> row = cells(text, ls, le);
        int k = -1;
        for (int i = 0; i < row.size() && k < 0; i++) {
            if (row.get(i)[0] <= s && s < row.get(i)[1]) {
                k = i;
            }
        }
        if (k < 0 || header.isEmpty()) {
            return null;
        }
        int left = k < header.size() ? k : -1;
        int right = header.size() - (row.size() - k);
        int[] a = left >= 0 ? header.get(left) : null;
        int[] b = right >= 0 ? header.get(right) : null;
        if (a == null || b == null || a == b) {
            return a != null ? a : b;
        }
        // counted from the left and from the right they differ (a blank cell, a cell holding blanks): the heading that
        // starts nearer the cell's column, as the table is printed
        int col = width(text, ls, row.get(k)[0]);
        return Math.abs(width(text, hs, a[0]) - col) <= Math.abs(width(text, hs, b[0]) - col) ? a : b;
    }

    /** The printed width of [s, e): two columns for a wide character (kanji, kana, full-width forms), one for others. */
    private static int width(String text, int s, int e) {
        int w = 0;
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            w += c >= '\u1100' && !(c >= '\uFF61' && c <= '\uFFDC') ? 2 : 1;
        }
        return w;
    }

    /** The cells of [s, e) between column gaps. */
    private static List<int[]> cells(String text, int s, int e) {
        List<int[]> out = new ArrayList<>();
        int i = s;
        while (i < e) {
            while (i < e && gapAt(text, i, e) > i) {
                i = gapAt(text, i, e);
            }
            if (i >= e) {
                break;
            }
            int start = i;
            while (i < e && gapAt(text, i, e) == i) {
                i++;
            }
            out.add(new int[] {start, i});
        }
        return out;
    }

    /** The end of a column gap at {@code i}, or {@code i}: two blanks or more, a wide blank, a tab, ｜ or |. */
    private static int gapAt(String text, int i, int e) {
        char c = text.charAt(i);
        if (c == '\t' || c == '｜' || c == '|' || c == '\u3000') {
            return i + 1;
        }
        if (c == ' ' && i + 1 < e && text.charAt(i + 1) == ' ') {
            int j = i;
            while (j < e && text.charAt(j) == ' ') {
                j++;
            }
            return j;
        }
        return i;
    }

    /** Column gaps in [s, e): those of {@link #gapAt}, and ／ (氏名／フリガナ／生年月日). */
    private static int gaps(String text, int s, int e) {
        int n = 0;
        for (int i = s; i < e; ) {
            int g = gapAt(text, i, e);
            n += g > i || text.charAt(i) == '／' ? 1 : 0;
            i = g > i ? g : i + 1;
        }
        return n;
    }

}
