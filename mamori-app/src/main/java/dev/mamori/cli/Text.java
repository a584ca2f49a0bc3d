package dev.mamori.cli;

/** Terminal text helpers: display width of Japanese text (full-width characters take two columns). */
public final class Text {
    private Text() {
    }

    public static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            w += wide(cp) ? 2 : 1;
        }
        return w;
    }

    /** Pads (or cuts, ending with …) to exactly {@code cols} display columns. */
    /** {@code s} right-aligned in {@code cols} terminal columns (wide characters count two). */
    public static String right(String s, int cols) {
        return " ".repeat(Math.max(0, cols - width(s))) + s;
    }

    public static String pad(String s, int cols) {
        String v = s == null ? "" : s;
        int w = width(v);
        StringBuilder b = new StringBuilder(v.length() + cols);
        if (w <= cols) {
            b.append(v);
        } else {
            w = 0;
            for (int i = 0; i < v.length(); ) {
                int cp = v.codePointAt(i);
                int cw = wide(cp) ? 2 : 1;
                if (w + cw > cols - 1) {
                    break;
                }
                b.appendCodePoint(cp);
                w += cw;
                i += Character.charCount(cp);
            }
            b.append('…');
            w++;
        }
        b.append(" ".repeat(Math.max(0, cols - w)));
        return b.toString();
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD) || (cp >= 0x2460 && cp <= 0x24FF)
                || (cp >= 0x3000 && cp <= 0x303F);
    }
}
