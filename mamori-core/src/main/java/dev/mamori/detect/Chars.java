package dev.mamori.detect;

/** Character classes for Japanese text as it is really typed: full-width forms and look-alikes. */
final class Chars {

    private Chars() {
    }

    /** 0..9 for an ASCII or full-width digit, else -1. */
    static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= '０' && c <= '９') {
            return c - '０';
        }
        return -1;
    }

    static boolean isDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= '０' && c <= '９');
    }

    /** Whether {@code t[from, to)} holds a digit ({@link #isDigit}). */
    static boolean hasDigit(String t, int from, int to) {
        for (int i = from; i < to; i++) {
            if (isDigit(t.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the line holding {@code i} starts (after its line feed, or 0) when that is at most {@code reach} characters
     * back, else -1: a bounded look that stays linear when it is made for every number of a long line.
     */
    static int lineStartWithin(String t, int i, int reach) {
        for (int k = i - 1, stop = Math.max(-1, i - 1 - reach); k > stop; k--) {
            if (t.charAt(k) == '\n') {
                return k + 1;
            }
        }
        return i - 1 - reach < 0 ? 0 : -1;
    }

    /** Where the line holding {@code i} ends when that is at most {@code reach} characters on, else -1. */
    static int lineEndWithin(String t, int i, int reach) {
        for (int k = i, stop = Math.min(t.length(), i + reach + 1); k < stop; k++) {
            if (t.charAt(k) == '\n') {
                return k;
            }
        }
        return i + reach + 1 > t.length() ? t.length() : -1;
    }

    /** Where the line holding {@code from} ends: its line feed, or the text's end. */
    static int lineEnd(String text, int from) {
        int e = text.indexOf('\n', from);
        return e < 0 ? text.length() : e;
    }

    /** {@code word} in {@code t} starting at {@code from} or after and ending at {@code to} or before: a bounded indexOf. */
    static boolean has(String t, String word, int from, int to) {
        return indexIn(t, word, from, to) >= 0;
    }

    /**
     * One of {@code labels} ends right at {@code i} and starts at {@code from} or after, letters of any case (Passport No.,
     * DOB, 生年月日): a label written right before a value.
     */
    static boolean labelEndsAt(String t, int from, int i, String[] labels) {
        for (String l : labels) {
            if (i - l.length() >= Math.max(0, from) && t.regionMatches(true, i - l.length(), l, 0, l.length())) {
                return true;
            }
        }
        return false;
    }

    /** Where {@code word} first starts in {@code t[from, to)}, or -1. */
    static int indexIn(String t, String word, int from, int to) {
        for (int i = Math.max(0, from), last = Math.min(t.length(), to) - word.length(); i <= last; i++) {
            if (t.startsWith(word, i)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Where the line {@code lines} above the one starting at {@code lineStart} starts (0 at the text's first line): the
     * lines that a heading over a value may stand on.
     */
    static int linesAbove(String t, int lineStart, int lines) {
        int from = lineStart;
        for (int k = 0; k < lines && from > 1; k++) {
            from = t.lastIndexOf('\n', from - 2) + 1;
        }
        return from;
    }

    /** ASCII or full-width Latin letter. */
    static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 'Ａ' && c <= 'Ｚ') || (c >= 'ａ' && c <= 'ｚ');
    }

    /** The letter as upper-case ASCII, or 0. */
    static char upperLetter(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c;
        }
        if (c >= 'a' && c <= 'z') {
            return (char) (c - 32);
        }
        if (c >= 'Ａ' && c <= 'Ｚ') {
            return (char) (c - 'Ａ' + 'A');
        }
        if (c >= 'ａ' && c <= 'ｚ') {
            return (char) (c - 'ａ' + 'A');
        }
        return 0;
    }

    static boolean isAlnum(char c) {
        return isDigit(c) || isLetter(c);
    }

    /** Hyphen and its look-alikes: - ー － ‐ ‑ ‒ – — ― − ｰ ﹣. */
    static boolean isHyphen(char c) {
        return switch (c) {
            case '-', 'ー', '－', '‐', '‑', '‒', '–', '—', '―', '−', 'ｰ', '﹣' -> true;
            default -> false;
        };
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\u3000' || c == '\u00a0';
    }

    static boolean isOpenParen(char c) {
        return c == '(' || c == '（';
    }

    static boolean isCloseParen(char c) {
        return c == ')' || c == '）';
    }

    static boolean isSlash(char c) {
        return c == '/' || c == '／';
    }

    static boolean isDot(char c) {
        return c == '.' || c == '．';
    }

    static char at(String s, int i) {
        return i >= 0 && i < s.length() ? s.charAt(i) : '\0';
    }

    /** Counters and units that follow a quantity, never an identifier: 番, 号, 丁, 階, 件, 円, 歳, 年 … */
    static boolean isUnit(char c) {
        return UNITS.indexOf(c) >= 0;
    }

    private static final String UNITS = "番号丁条階年月日時分秒歳才円件個人名回割％%本枚台冊点ヶケか箇度倍期代位部課室棟";

    /** Bits of {@link #SCRIPT}: the char's script, as a regular expression's \\p{IsHan} and \\p{IsKatakana} read it. */
    private static final byte HAN = 1;
    private static final byte KATAKANA = 2;
    private static final byte[] SCRIPT = new byte[65536];

    static {
        for (int c = 0; c < 65536; c++) {
            Character.UnicodeScript s = Character.UnicodeScript.of(c);
            // a surrogate may be half of a kanji of the supplementary planes (𠮷): counted as one, for the tests that
            // decide whether a pattern can match at all
            SCRIPT[c] = (byte) (s == Character.UnicodeScript.HAN || Character.isSurrogate((char) c) ? HAN
                    : s == Character.UnicodeScript.KATAKANA ? KATAKANA : 0);
        }
    }

    /** The char is of the Han script (kanji, 々, 〇) or a surrogate: what \\p{IsHan} may match. A table look-up. */
    static boolean isHanOrSurrogate(int c) {
        return SCRIPT[c & 0xFFFF] == HAN;
    }

    /** The char is of the Katakana script (not ー or ・, which are common to both kana): \\p{IsKatakana}. A table look-up. */
    static boolean isKatakanaScript(int c) {
        return SCRIPT[c & 0xFFFF] == KATAKANA;
    }
}
