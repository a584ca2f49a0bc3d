package dev.mamori.detect;

/**
 * The normalising candidate lexer: reads a chain of digit groups (ASCII or full-width digits)
 * joined by single separators — hyphen look-alikes (also with a blank on each side), half/full-width spaces, the parentheses of
 * an area code, a middle dot ・, a slash, or a spoken の in a phone's or a 個人番号's shape — and keeps each group's span in the ORIGINAL text plus its digits as 0..9 values.
 * Not thread-safe: one instance per scan, reused for every candidate (no allocation per chain).
 */
final class NumberChain {

    static final byte HYPHEN = 1;
    static final byte SPACE = 2;
    static final byte PAREN = 3;
    /** ・ or ･ between groups: only a phone is written so (03・1234・5678); otherwise it separates numbers. */
    static final byte MIDDOT = 4;
    /** / between groups: only a phone is written so (090/1234/5678); otherwise the chain is no identifier. */
    static final byte SLASH = 5;
    /**
     * . between groups, only in a phone's shape (090.1234.5678, 03.3581.4111: three groups, the first a code starting with 0,
     * 10 or 11 digits in all); any other chain ends before its first dot, as it did before dots were read (3.14, 35.6812).
     */
    static final byte DOT = 6;
    /**
     * の between groups, as a caller says a number and speech recognition writes it (090の9912の3407, 4078の1526の3904): read
     * as a hyphen in a phone's shape (three groups, the first starting with 0, 10 or 11 digits in all) or in groups of four
     * after what names them (a 個人番号's 12 digits, a card's 16); any other chain ends before its first の (2の17の8 is an
     * address).
     */
    private static final byte NO = 7;

    /** Enough for a form's boxes, one digit each, of a 12-digit number (1 2 3 4 5 6 7 8 9 0 1 2). */
    static final int MAX_GROUPS = 16;
    static final int MAX_DIGITS = 40;

    int groups;
    /** Start and end (exclusive) of each group's digits in the text. */
    final int[] gs = new int[MAX_GROUPS];
    final int[] ge = new int[MAX_GROUPS];
    /** Index of each group's first digit in {@link #digits}. */
    final int[] gd = new int[MAX_GROUPS + 1];
    /** The separator before group k (k ≥ 1). */
    final byte[] sep = new byte[MAX_GROUPS];
    final byte[] digits = new byte[MAX_DIGITS + 1];
    /** True when a group was longer than {@link #MAX_DIGITS} in total: never a finding. */
    boolean overlong;
    /** True when two blanks join some of the groups: a number only where its label says so (a table's columns else). */
    boolean wide;

    /** Lexes the chain whose first digit is at {@code i}; returns its end. */
    int lex(String s, int i) {
        int n = s.length();
        int nd = 0;
        int g = 0;
        int j = i;
        int wideFrom = -1; // the first group after two blanks
        boolean opened = false; // an opening bracket between groups so far
        overlong = false;
        while (true) {
            gs[g] = j;
            gd[g] = nd;
            while (j < n) {
                int v = Chars.digit(s.charAt(j));
                if (v < 0) {
                    break;
                }
                if (nd < MAX_DIGITS) {
                    digits[nd++] = (byte) v;
                } else {
                    overlong = true;
                }
                j++;
            }
            ge[g] = j;
            g++;
            gd[g] = nd;
            // an area code's closing bracket may take a blank after it: (0276) 62-3841, (03) 1234-5678
            int width = j + 2 < n && Chars.isCloseParen(s.charAt(j)) && s.charAt(j + 1) == ' ' && Chars.isDigit(s.charAt(j + 2))
                    && Chars.isOpenParen(Chars.at(s, gs[g - 1] - 1)) && digits[gd[g - 1]] == 0 ? 2 : 1; // not 1) 03-…
            if (j + 2 < n && Chars.isSpace(s.charAt(j)) && Chars.isSpace(s.charAt(j + 1)) && Chars.isDigit(s.charAt(j + 2))
                    && uniform(g)) {
                width = 2; // two blanks between groups of four or boxes of one (6426  4824  4268, 3 5 6 9  1 8 9 3): kept
                wideFrom = wideFrom < 0 ? g : wideFrom; // only if the whole makes a My Number's or a card's 12 or 16 digits
            }
            int bars = gd[g] - gd[g - 1] == 1 ? boxEdge(s, j) : 0;
            if (bars > 0) {
                width = bars; // digits in boxes drawn with bars or brackets (|1|0|9|6|, | | for an empty one, ［5］［7］)
            }
            boolean spacedHyphen = j + 3 < n && Chars.isSpace(s.charAt(j)) && Chars.isHyphen(s.charAt(j + 1))
                    && Chars.isSpace(s.charAt(j + 2)) && s.charAt(j) == s.charAt(j + 2);
            if (spacedHyphen) {
                width = 3; // a hyphen with a blank on each side: 0431 - 552918
            }
            if (g == MAX_GROUPS || j + width >= n || !Chars.isDigit(s.charAt(j + width))) {
                break;
            }
            char c = s.charAt(j);
            byte k;
            if (bars > 0) {
                k = SPACE;
            } else if (spacedHyphen || Chars.isHyphen(c)) {
                k = HYPHEN;
            } else if (Chars.isSpace(c)) {
                k = SPACE;
            } else if (Chars.isCloseParen(c) && (opened || Chars.isOpenParen(Chars.at(s, i - 1)))
                    || Chars.isOpenParen(c) && g == 1 && (digits[gd[0]] == 0 || "+＋".indexOf(Chars.at(s, gs[0] - 1)) >= 0)
                    || Chars.isOpenParen(c) && g > 1 && sep[g - 1] == SPACE && digits[gd[g - 1]] == 0 && !opened) {
                k = PAREN; // 03(1234)5678, +81(0)3…: an open bracket only after an area or country code (also one a blank after other
                           // numbers: 米が浜通1-12　046(822)4107), not in 幸町4-12（0287-62-5517）;
                           // a closing one only after an opening one (字東33）0182-42-1187 is an address's end, then a phone)
                opened |= Chars.isOpenParen(c);
            } else if (c == '・' || c == '･') {
                k = MIDDOT;
            } else if (Chars.isSlash(c)) {
                k = SLASH;
            } else if (c == '.' && digits[gd[0]] == 0 && gd[1] - gd[0] >= 2 && gd[1] - gd[0] <= 5 && (g == 1 || sep[1] == DOT)) {
                k = DOT;
            } else if (c == 'の' && (g == 1 || sep[1] == NO)) {
                k = NO;
            } else {
                break;
            }
            sep[g] = k;
            j += width;
        }
        if (overlong) { // a list of numbers a blank apart (1 0771-22-4410　2 0771-25-0038　3 …): the chain ends at the last
            for (int k = g - 1; k > 0; k--) { // blank within the digits a chain holds, so that the numbers before it are read
                if (sep[k] == SPACE && gd[k] <= MAX_DIGITS) {
                    g = k;
                    nd = gd[k];
                    wideFrom = wideFrom >= k ? -1 : wideFrom;
                    overlong = false;
                    break;
                }
            }
        }
        if (g > 1 && sep[1] == DOT && !(g == 3 && sep[2] == DOT && gd[3] >= 10 && gd[3] <= 11)) {
            g = 1; // not a phone's shape: the chain is its first group, as before dots were read
            nd = gd[1];
            overlong = false;
            wideFrom = -1;
        }
        if (g > 1 && sep[1] == NO) {
            boolean phone = g == 3 && sep[2] == NO && digits[gd[0]] == 0 && gd[3] >= 10 && gd[3] <= 11;
            boolean fours = (g == 3 || g == 4) && allSeps(0, g, NO) && uniform4(g) && numberWordBefore(s, i);
            if (phone || fours) {
                for (int k = 1; k < g; k++) {
                    sep[k] = HYPHEN;
                }
            } else {
                g = 1; // not a number's shape: the chain is its first group
                nd = gd[1];
                overlong = false;
                wideFrom = -1;
            }
        }
        wide = wideFrom > 0;
        if (wide && !(uniform(g) && (nd == 12 || nd == 16))) {
            g = wideFrom; // two columns of a table, not one number: the chain ends before the two blanks
            overlong &= gd[g] >= MAX_DIGITS;
            wide = false;
        }
        groups = g;
        return ge[g - 1];
    }

    /**
     * The width of the box edges at {@code j} between two single digits (| or ｜; | | or |　| around an empty box; ］［),
     * or 0.
     */
    private static int boxEdge(String s, int j) {
        char c = Chars.at(s, j);
        int w;
        if (c == '|' || c == '｜') {
            w = Chars.isSpace(Chars.at(s, j + 1)) && (Chars.at(s, j + 2) == c) ? 3 : 1;
        } else if ((c == '］' && Chars.at(s, j + 1) == '［') || (c == ']' && Chars.at(s, j + 1) == '[')) {
            w = 2;
        } else {
            return 0;
        }
        return Chars.isDigit(Chars.at(s, j + w)) && !Chars.isDigit(Chars.at(s, j + w + 1)) ? w : 0;
    }

    /** The first {@code g} groups are all of four digits, or all of one (boxes). */
    private boolean uniform(int g) {
        int len = gd[1] - gd[0];
        if (len != 4 && len != 1) {
            return false;
        }
        for (int k = 1; k < g; k++) {
            if (gd[k + 1] - gd[k] != len || sep[k] != SPACE) {
                return false;
            }
        }
        return true;
    }

    /** What a caller names before the groups of four they say (マイナンバーは…, カード番号は…): not 図1234の5678の9999. */
    private static boolean numberWordBefore(String s, int i) {
        int from = Math.max(0, i - 16);
        for (String w : new String[] {"番号", "ナンバー", "カード"}) {
            if (Chars.has(s, w, from, i)) {
                return true;
            }
        }
        return false;
    }

    /** The first {@code g} groups all have four digits. */
    private boolean uniform4(int g) {
        for (int k = 0; k < g; k++) {
            if (gd[k + 1] - gd[k] != 4) {
                return false;
            }
        }
        return true;
    }

    int len(int g) {
        return gd[g + 1] - gd[g];
    }

    /** Number of digits in groups [a, b). */
    int digitCount(int a, int b) {
        return gd[b] - gd[a];
    }

    /** True when every separator inside [a, b) is of kind {@code k}. */
    boolean allSeps(int a, int b, byte k) {
        for (int g = a + 1; g < b; g++) {
            if (sep[g] != k) {
                return false;
            }
        }
        return true;
    }

    boolean anySep(int a, int b, byte k) {
        for (int g = a + 1; g < b; g++) {
            if (sep[g] == k) {
                return true;
            }
        }
        return false;
    }

    /** True when groups [a, b) have exactly the lengths given. */
    boolean shape(int a, int b, int... lens) {
        if (b - a != lens.length) {
            return false;
        }
        for (int k = 0; k < lens.length; k++) {
            if (len(a + k) != lens[k]) {
                return false;
            }
        }
        return true;
    }
}
