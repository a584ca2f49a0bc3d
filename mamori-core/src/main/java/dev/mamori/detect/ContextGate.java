package dev.mamori.detect;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The context score of {@link ContextWords}, computed through an index so that it costs a few
 * array reads per window character: only positions whose character starts some word of the type
 * are compared. Same files, window ({@link ContextWords#BEFORE}, {@link ContextWords#AFTER}) and
 * semantics (each word counts once, weights summed and clamped to -1..1, ASCII words ignore case);
 * {@code IdContextGateTest} checks that both agree. A column hint counts as strong context.
 */
final class ContextGate {

    /** The context score a column hint is worth. */
    static final double HINT = 0.8;

    private static final ContextGate DEFAULT = new ContextGate(List.of("context-words.tsv", "context-words-language.tsv"));

    /** Bit {@code type.ordinal()} set when some word of the type starts with the character. */
    private final int[] firstChars = new int[Character.MAX_VALUE + 1];
    private final String[][] texts = new String[PiiType.values().length][];
    private final double[][] weights = new double[PiiType.values().length][];
    private final boolean[][] asciis = new boolean[PiiType.values().length][];

    ContextGate(List<String> files) {
        Map<PiiType, List<String[]>> m = new EnumMap<>(PiiType.class);
        for (String f : files) {
            if (ContextGate.class.getResource("/dev/mamori/detect/" + f) == null) {
                continue;
            }
            for (DataFile.Row r : DataFile.read(f)) {
                String w = r.field(1);
                if (w.isEmpty()) {
                    continue;
                }
                PiiType t = PiiType.valueOf(r.field(0));
                boolean ascii = w.chars().allMatch(c -> c < 128);
                m.computeIfAbsent(t, k -> new ArrayList<>()).add(new String[] {ascii ? w.toLowerCase(Locale.ROOT) : w, r.field(2), String.valueOf(ascii)});
                int bit = 1 << t.ordinal();
                char c = w.charAt(0);
                firstChars[c] |= bit;
                if (ascii) {
                    firstChars[Character.toLowerCase(c)] |= bit;
                    firstChars[Character.toUpperCase(c)] |= bit;
                }
            }
        }
        m.forEach((t, l) -> {
            int o = t.ordinal();
            texts[o] = new String[l.size()];
            weights[o] = new double[l.size()];
            asciis[o] = new boolean[l.size()];
            for (int i = 0; i < l.size(); i++) {
                texts[o][i] = l.get(i)[0];
                weights[o][i] = Double.parseDouble(l.get(i)[1]);
                asciis[o][i] = Boolean.parseBoolean(l.get(i)[2]);
            }
        });
    }

    static ContextGate get() {
        return DEFAULT;
    }

    /** The context score of {@code type} around the span, raised to {@link #HINT} for a hinted column. */
    double score(PiiType type, String text, int start, int end, ScanContext ctx) {
        double s = score(type, text, start, end);
        return ctx.hinted(type) ? Math.max(s, HINT) : s;
    }

    /** Same result as {@code ContextWords.get().score(type, text, start, end)}. */
    double score(PiiType type, String text, int start, int end) {
        int o = type.ordinal();
        String[] ws = texts[o];
        if (ws == null) {
            return 0;
        }
        if (ws.length > 64) {
            return ContextWords.get().score(type, text, start, end);
        }
        int from = Math.max(0, start - ContextWords.BEFORE);
        int to = Math.min(text.length(), end + ContextWords.AFTER);
        // context belongs to the line it is on: a 生年月日 label on the previous line does not make
        // this line's 入社日 a birth date
        for (int i = Math.min(start, text.length()) - 1; i >= from; i--) {
            if (text.charAt(i) == '\n') {
                from = i + 1;
                break;
            }
        }
        for (int i = Math.max(0, end); i < to; i++) {
            if (text.charAt(i) == '\n') {
                to = i;
                break;
            }
        }
        long seen = scan(o, text, from, Math.min(start, text.length()), 0L);
        seen = scan(o, text, Math.max(0, end), to, seen);
        double sum = 0;
        for (int k = 0; k < ws.length; k++) {
            if ((seen & (1L << k)) != 0) {
                sum += weights[o][k];
            }
        }
        return Math.max(-1, Math.min(1, sum));
    }

    private long scan(int o, String text, int from, int to, long seen) {
        int bit = 1 << o;
        String[] ws = texts[o];
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if ((firstChars[c] & bit) == 0) {
                continue;
            }
            for (int k = 0; k < ws.length; k++) {
                String w = ws[k];
                int n = w.length();
                if ((seen & (1L << k)) == 0 && i + n <= to && text.regionMatches(asciis[o][k], i, w, 0, n)) {
                    seen |= 1L << k;
                }
            }
        }
        return seen;
    }
}
