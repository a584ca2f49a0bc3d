package dev.mamori.detect;

import java.util.Locale;

/**
 * How much of the text around a 要配慮 finding a masked output hides. The detector's span is the fact's words
 * (統合失調症, 覚醒剤取締法違反の疑いで逮捕); a reader of a masked document still learns much from what surrounds them
 * (平成30年発症、週2回デイケアに通所). A redaction meant to leave no 要配慮個人情報 readable may hide the whole clause or
 * sentence, at the price of hiding more text that is not personal. Other types are always masked on their span.
 */
public enum MaskScope {
    /** The finding's span. */
    SPAN(""),
    /** The clause: to 、，。！？；, a line's end or the text's end on each side. */
    CLAUSE("、，。！？；!?\n\r"),
    /** The sentence: to 。！？, a line's end or the text's end on each side. */
    SENTENCE("。！？!?\n\r");

    private final String stops;

    MaskScope(String stops) {
        this.stops = stops;
    }

    /** The scope named {@code span}, {@code clause} or {@code sentence} (any case). */
    public static MaskScope parse(String name) {
        for (MaskScope s : values()) {
            if (s.name().equalsIgnoreCase(name.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("scope is span, clause or sentence, not " + name);
    }

    /** The name as written on a command line: {@code clause}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when findings of {@code type} are widened by this scope: 要配慮 facts, and only when the scope is wider than the span. */
    public boolean widens(PiiType type) {
        return this != SPAN && type.category() == LegalCategory.SPECIAL_CARE_REQUIRED;
    }

    /**
     * Where the masked range of a finding of {@code type} at {@code start} in {@code text} begins: at the clause's or
     * sentence's start, a bracket or quotation closed before it skipped whole (the 、 or 。 inside it end nothing), an
     * opening bracket not closed before the finding ending it (a fact inside brackets is masked within them).
     */
    public int start(String text, PiiType type, int start) {
        int s = Math.min(start, text.length());
        if (!widens(type)) {
            return s;
        }
        while (s > 0) {
            char c = text.charAt(s - 1);
            int open = CLOSE.indexOf(c) >= 0 ? matchLeft(text, s - 1) : -1;
            if (open >= 0) {
                s = open;
            } else if (stops.indexOf(c) >= 0 || OPEN.indexOf(c) >= 0 || CLOSE.indexOf(c) >= 0) {
                break;
            } else {
                s--;
            }
        }
        return s;
    }

    /**
     * Where the masked range of a finding of {@code type} ending at {@code end} in {@code text} ends (exclusive): at the
     * clause's or sentence's end, a bracket or quotation opened after it skipped whole (統合失調症（平成30年発症。週1回通院）:
     * the brackets tell of the condition), a closing bracket not opened after the finding ending it.
     */
    public int end(String text, PiiType type, int end) {
        int e = Math.min(end, text.length());
        if (!widens(type)) {
            return e;
        }
        while (e < text.length()) {
            char c = text.charAt(e);
            int close = OPEN.indexOf(c) >= 0 ? matchRight(text, e) : -1;
            if (close >= 0) {
                e = close + 1;
            } else if (stops.indexOf(c) >= 0 || OPEN.indexOf(c) >= 0 || CLOSE.indexOf(c) >= 0) {
                break;
            } else {
                e++;
            }
        }
        return e;
    }

    /** Brackets and quotation marks, each opening one at the index of its closing one in {@link #CLOSE}. */
    private static final String OPEN = "（(「『【［";
    private static final String CLOSE = "）)」』】］";
    /** How far a bracket's other half is looked for: a bracket left open in a long text is not a clause. */
    private static final int BRACKET = 200;

    /** The index of the bracket closing the one at {@code at}, on the same line and within {@link #BRACKET}; -1 if none. */
    private static int matchRight(String text, int at) {
        char open = text.charAt(at);
        char close = CLOSE.charAt(OPEN.indexOf(open));
        int depth = 0;
        for (int i = at; i < Math.min(text.length(), at + BRACKET); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return -1;
            }
            depth += c == open ? 1 : c == close ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the bracket opening the one at {@code at}, on the same line and within {@link #BRACKET}; -1 if none. */
    private static int matchLeft(String text, int at) {
        char close = text.charAt(at);
        char open = OPEN.charAt(CLOSE.indexOf(close));
        int depth = 0;
        for (int i = at; i >= Math.max(0, at - BRACKET); i--) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return -1;
            }
            depth += c == close ? 1 : c == open ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
