package dev.mamori.report;

/**
 * Text from outside (file names, header values, mail headers) made safe to print on a terminal or in
 * a line-based report: control characters (C0, DEL, C1) and the Unicode bidirectional overrides are
 * shown as escapes ({@code \n}, {@code \t}, {@code \x1b}, {@code \u202e}), so a file named with a
 * newline cannot forge a report line and ANSI sequences never reach the terminal. Everything else,
 * Japanese included, is left as it is. A backslash is left alone: the escapes are for reading, not
 * for parsing back.
 */
public final class Terminal {

    private Terminal() {
    }

    /** {@code s} with every control and bidi-override character escaped; null stays null. */
    public static String safe(String s) {
        if (s == null) {
            return null;
        }
        int i = 0;
        while (i < s.length() && !unsafe(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 8).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!unsafe(c)) {
                b.append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c < 0x100) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.toString();
    }

    private static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f)
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f
                || c == 0x2028 || c == 0x2029;
    }
}
