package dev.mamori.assess;

/**
 * Where two versions of a text differ: the common start and end are the same in both, the part between
 * them is what changed ({@code prefix} and {@code suffix} are their lengths in chars, never splitting a
 * surrogate pair). Reports mark the changed part; the terminal shows a window around it, so two long
 * texts that differ near their end do not read as two identical cut-off lines.
 */
public record TextChange(String before, String after, int prefix, int suffix) {

    /** Characters of unchanged text kept on each side of the change in a {@link #window}. */
    public static final int CONTEXT = 12;

    /** Texts up to this many characters are read at a glance; reports mark changes only in longer ones. */
    public static final int SHORT = 40;

    /** Whether the texts are long enough (and both present) for their change to be worth marking. */
    public boolean worthMarking() {
        return !before.isEmpty() && !after.isEmpty()
                && Math.max(before.codePointCount(0, before.length()), after.codePointCount(0, after.length())) > SHORT;
    }

    public static TextChange of(String before, String after) {
        String b = before == null ? "" : before;
        String a = after == null ? "" : after;
        int max = Math.min(b.length(), a.length());
        int p = 0;
        while (p < max && b.charAt(p) == a.charAt(p)) {
            p++;
        }
        if (p > 0 && p < max && Character.isHighSurrogate(b.charAt(p - 1))) {
            p--;
        }
        int s = 0;
        while (s < max - p && b.charAt(b.length() - 1 - s) == a.charAt(a.length() - 1 - s)) {
            s++;
        }
        if (s > 0 && s < max - p && Character.isLowSurrogate(b.charAt(b.length() - s))) {
            s--;
        }
        return new TextChange(b, a, p, s);
    }

    /** The changed part of the earlier text (empty when text was only added). */
    public String removed() {
        return before.substring(prefix, before.length() - suffix);
    }

    /** The changed part of the later text (empty when text was only removed). */
    public String added() {
        return after.substring(prefix, after.length() - suffix);
    }

    /** Index in {@code before} or {@code after} ({@code later}) where the changed part ends. */
    public int end(boolean later) {
        return (later ? after : before).length() - suffix;
    }

    /**
     * The earlier ({@code later} false) or later text in at most about {@code width} characters: whole when it
     * fits, else the changed part with {@value #CONTEXT} characters of context on each side, "…" where text is
     * left out (and in the middle of a changed part too long for the width). Line breaks and tabs read as spaces.
     */
    public String window(boolean later, int width) {
        String text = later ? after : before;
        String one = text.replace('\n', ' ').replace('\t', ' ').replace('\r', ' ');
        if (one.codePointCount(0, one.length()) <= width) {
            return one;
        }
        int start = Math.max(0, prefix - CONTEXT);
        int end = Math.min(one.length(), end(later) + CONTEXT);
        start = safe(one, start);
        end = safe(one, end);
        String changed = one.substring(prefix, end(later));
        int room = Math.max(8, width - 2 * CONTEXT - 2);
        int n = changed.codePointCount(0, changed.length());
        if (n > room) {
            int head = changed.offsetByCodePoints(0, room / 2);
            int tail = changed.offsetByCodePoints(changed.length(), -(room - room / 2 - 1));
            changed = changed.substring(0, head) + "…" + changed.substring(tail);
        }
        return (start > 0 ? "…" : "") + one.substring(start, prefix) + changed + one.substring(end(later), end)
                + (end < one.length() ? "…" : "");
    }

    /** {@code i}, moved back off the low half of a surrogate pair. */
    private static int safe(String s, int i) {
        return i > 0 && i < s.length() && Character.isLowSurrogate(s.charAt(i)) ? i - 1 : i;
    }
}
