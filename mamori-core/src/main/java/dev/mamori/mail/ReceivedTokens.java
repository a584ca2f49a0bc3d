package dev.mamori.mail;

import java.util.Arrays;

/**
 * Words and (possibly nested, possibly unclosed) parenthesised groups of one range of a
 * {@code Received:} line, filled by {@link #tokenize}; and the plain scans {@link ReceivedParser} makes
 * over a line: the date separator, the id, the envelope sender.
 */
final class ReceivedTokens {

    int n;
    int[] start = new int[24];
    int[] end = new int[24];
    boolean[] group = new boolean[24];
    /** A group written directly after a word, without a space: {@code name(1.2.3.4)}. */
    boolean[] glued = new boolean[24];

    void add(int st, int en, boolean grp, boolean gl) {
        if (n == start.length) {
            int c = n * 2;
            start = Arrays.copyOf(start, c);
            end = Arrays.copyOf(end, c);
            group = Arrays.copyOf(group, c);
            glued = Arrays.copyOf(glued, c);
        }
        start[n] = st;
        end[n] = en;
        group[n] = grp;
        glued[n] = gl;
        n++;
    }

    /** The index of the ')' that closes the '(' at {@code open} (nested pairs counted), or -1 when none does before {@code end}. */
    static int matchingParen(String s, int open, int end) {
        int depth = 0;
        for (int j = open; j < end; j++) {
            char d = s.charAt(j);
            if (d == '(') {
                depth++;
            } else if (d == ')' && --depth == 0) {
                return j;
            }
        }
        return -1;
    }

    /** Token k is the word w, ignoring ASCII case. */
    boolean is(String s, int k, String w) {
        int a = start[k];
        int len = w.length();
        if (group[k] || end[k] - a != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            char c = s.charAt(a + i);
            char d = w.charAt(i);
            if (c != d && ((c | 0x20) != (d | 0x20) || (d | 0x20) < 'a' || (d | 0x20) > 'z')) {
                return false;
            }
        }
        return true;
    }

    String text(String s, int k) {
        return s.substring(start[k], end[k]);
    }

    /** Splits {@code s[from, to)}: spaces and ';' separate; a group runs to its matching ')' or to {@code to}. */
    static void tokenize(String s, int from, int to, ReceivedTokens out) {
        out.n = 0;
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == ' ' || c == ';' || c == ')') {
                i++;
                continue;
            }
            if (c == '(') {
                char prev = i > from ? s.charAt(i - 1) : ' ';
                boolean glued = prev != ' ' && prev != ';' && prev != '(' && prev != ')';
                int close = matchingParen(s, i, to);
                out.add(i + 1, close < 0 ? to : close, true, glued);
                i = close < 0 ? to : close + 1;
                continue;
            }
            int j = i + 1;
            while (j < to) {
                char d = s.charAt(j);
                if (d == ' ' || d == ';' || d == '(' || d == ')') {
                    break;
                }
                j++;
            }
            out.add(i, j, false, false);
            i = j;
        }
    }

    /** Position of the last ';' outside parentheses (the date follows it), or the last ';' at all, or -1. */
    static int dateSeparator(String s) {
        int depth = 0;
        int top = -1;
        int any = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth > 0) {
                    depth--;
                }
            } else if (c == ';') {
                any = i;
                if (depth == 0) {
                    top = i;
                }
            }
        }
        return top >= 0 ? top : any;
    }

    static int indexOfIgnoreCase(String s, String needle, int from, int to) {
        int m = needle.length();
        char first = needle.charAt(0);
        char firstUpper = Character.toUpperCase(first);
        for (int i = from; i + m <= to; i++) {
            char c = s.charAt(i);
            if ((c == first || c == firstUpper) && s.regionMatches(true, i, needle, 0, m)) {
                return i;
            }
        }
        return -1;
    }

    static String stripTrailing(String w, char c) {
        int e = w.length();
        while (e > 0 && w.charAt(e - 1) == c) {
            e--;
        }
        return e == w.length() ? w : w.substring(0, e);
    }

    // ------------------------------------------------------------------------------------------
    // values read straight off a line

    /**
     * The id the line records: the word after {@code id} among the tokens, else one written after the
     * date ({@code semi}: the {@link #dateSeparator}, or -1); empty when there is none.
     */
    static String id(String s, ReceivedTokens t, int semi) {
        for (int k = 2; k + 1 < t.n; k++) {
            if (t.is(s, k, "id") && !t.group[k + 1]) {
                String v = cleanId(s, t.start[k + 1], t.end[k + 1]);
                if (!v.isEmpty()) {
                    return v;
                }
            }
        }
        if (semi >= 0) {
            // some MTAs put the id after the date: "...; Thu, 10 Nov 2005 08:24:21 -0600 id 000000DB.4373"
            int n = s.length();
            int i = semi + 1;
            while (i < n) {
                while (i < n && s.charAt(i) == ' ') {
                    i++;
                }
                int j = i;
                while (j < n && s.charAt(j) != ' ') {
                    j++;
                }
                if (j - i == 2 && s.regionMatches(true, i, "id", 0, 2) && j + 1 < n) {
                    int e = s.indexOf(' ', j + 1);
                    String v = cleanId(s, j + 1, e < 0 ? n : e);
                    if (!v.isEmpty()) {
                        return v;
                    }
                }
                i = j;
            }
        }
        return "";
    }

    /** The envelope sender the line names, or empty ({@code byIdx}: the token index of {@code by}, or -1). */
    static String envelopeFrom(String s, ReceivedTokens t, int byIdx) {
        // "envelope-from x", "envelope-sender <x>", "return-path: <x>": find the '-' first (rare), then the words around it
        int n = s.length();
        int valueAt = -1;
        for (int dash = s.indexOf('-'); dash >= 0 && valueAt < 0; dash = s.indexOf('-', dash + 1)) {
            if (dash >= 8 && s.regionMatches(true, dash - 8, "envelope-", 0, 9)) {
                if (s.regionMatches(true, dash + 1, "from", 0, 4)) {
                    valueAt = dash + 5;
                } else if (s.regionMatches(true, dash + 1, "sender", 0, 6)) {
                    valueAt = dash + 7;
                }
            } else if (dash >= 6 && s.regionMatches(true, dash - 6, "return-path", 0, 11)) {
                valueAt = dash + 5;
            }
        }
        if (valueAt >= 0) {
            int i = valueAt;
            while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '=' || s.charAt(i) == ':' || s.charAt(i) == '<')) {
                i++;
            }
            int j = i;
            while (j < n && " <>(),;\"".indexOf(s.charAt(j)) < 0) {
                j++;
            }
            if (j > i && i > valueAt) {
                return s.substring(i, j);
            }
        }
        // XMail: "... for <rcpt> from <sender>"
        for (int k = byIdx + 1; k > 0 && k + 1 < t.n; k++) {
            if (t.is(s, k, "from") && !t.group[k + 1] && s.charAt(t.start[k + 1]) == '<') {
                String v = cleanId(s, t.start[k + 1], t.end[k + 1]);
                if (!v.isEmpty()) {
                    return v;
                }
            }
        }
        return "";
    }

    private static String cleanId(String s, int a, int b) {
        if (a < b && s.charAt(a) == '<') {
            a++;
        }
        int e = a;
        while (e < b && s.charAt(e) != '>' && s.charAt(e) != '<') {
            e++;
        }
        while (e > a && s.charAt(e - 1) == ',') {
            e--;
        }
        return s.substring(a, e);
    }
}
