package dev.mamori.deid;

/**
 * Masks a value: keeps its first {@code keepFirst} and last {@code keepLast} characters and writes
 * {@code maskChar} over the rest, leaving separators (spaces, hyphens, slashes, parentheses) where
 * they were so the shape stays readable: {@code 090-1234-5678} with 0 and 4 kept becomes
 * {@code ***-****-5678}. A value too short to hide anything between the kept ends is masked whole,
 * so short values never come out in clear.
 *
 * <p>Masking that leaves part of an 個人識別符号 readable is not the deletion that 施行規則31条2号 and
 * 34条2号 ask for; it serves display, and 記述等 that identify a person only together with other items.
 */
public record Mask(int keepFirst, int keepLast, char maskChar) implements Transform {

    private static final String SEPARATORS = " \u3000-\u2010\u2011\u2012\u2013\u2014\u2212\uff0d/()\uff08\uff09";

    /** Masks everything but the separators with {@code *}. */
    public Mask() {
        this(0, 0, '*');
    }

    public Mask {
        if (keepFirst < 0 || keepLast < 0) {
            throw new IllegalArgumentException("Mask keeps a number of characters that is 0 or more;"
                    + " got keepFirst=" + keepFirst + ", keepLast=" + keepLast);
        }
        if (isSeparator(maskChar) || Character.isWhitespace(maskChar) || Character.isISOControl(maskChar)
                || Character.isSurrogate(maskChar)) {
            throw new IllegalArgumentException("Mask character must be a visible character that is not a"
                    + " separator (space, hyphen, slash, parenthesis); got U+"
                    + String.format("%04X", (int) maskChar));
        }
    }

    static boolean isSeparator(int c) {
        return c < 0x10000 && SEPARATORS.indexOf(c) >= 0;
    }

    @Override
    public String apply(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        int[] cps = value.codePoints().toArray();
        int maskable = 0;
        for (int c : cps) {
            if (!isSeparator(c)) {
                maskable++;
            }
        }
        boolean hideAll = (long) keepFirst + keepLast >= maskable;
        StringBuilder b = new StringBuilder(value.length());
        int seen = 0;
        for (int c : cps) {
            if (isSeparator(c)) {
                b.appendCodePoint(c);
                continue;
            }
            boolean keep = !hideAll && (seen < keepFirst || seen >= maskable - keepLast);
            seen++;
            if (keep) {
                b.appendCodePoint(c);
            } else {
                b.append(maskChar);
            }
        }
        return b.toString();
    }
}
