package dev.mamori.detect;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Context words near a candidate raise or lower its confidence. Japanese has no spaces between
 * words, so the context is a window of characters around the span, not a list of tokens.
 *
 * <p>Entries come from {@code context-words.tsv} (identifiers, dates, contact details) and
 * {@code context-words-language.tsv} (names, addresses, special care-required information):
 * {@code TYPE <tab> word <tab> weight}, weight in -1..1. ASCII words match case-insensitively.
 */
final class ContextWords {

    static final int BEFORE = 24;
    static final int AFTER = 12;

    private static final ContextWords DEFAULT = new ContextWords(List.of("context-words.tsv", "context-words-language.tsv"));

    private record Word(String text, double weight, boolean ascii) {
    }

    private final Map<PiiType, Word[]> words = new EnumMap<>(PiiType.class);

    ContextWords(List<String> files) {
        Map<PiiType, List<Word>> m = new EnumMap<>(PiiType.class);
        for (String f : files) {
            if (ContextWords.class.getResource("/dev/mamori/detect/" + f) == null) {
                continue;
            }
            for (DataFile.Row r : DataFile.read(f)) {
                PiiType t = PiiType.valueOf(r.field(0));
                String w = r.field(1);
                boolean ascii = w.chars().allMatch(c -> c < 128);
                m.computeIfAbsent(t, k -> new ArrayList<>())
                        .add(new Word(ascii ? w.toLowerCase(Locale.ROOT) : w, Double.parseDouble(r.field(2)), ascii));
            }
        }
        m.forEach((t, l) -> words.put(t, l.toArray(new Word[0])));
    }

    static ContextWords get() {
        return DEFAULT;
    }

    /**
     * The sum of the weights of this type's context words that occur within {@link #BEFORE}
     * characters before or {@link #AFTER} characters after the span, clamped to -1..1.
     */
    double score(PiiType type, String text, int start, int end) {
        return score(type, text, start, end, BEFORE, AFTER);
    }

    double score(PiiType type, String text, int start, int end, int before, int after) {
        Word[] ws = words.get(type);
        if (ws == null) {
            return 0;
        }
        int from = Math.max(0, start - before);
        int to = Math.min(text.length(), end + after);
        double sum = 0;
        for (Word w : ws) {
            if (occursIn(text, from, start, w) || occursIn(text, end, to, w)) {
                sum += w.weight;
            }
        }
        return Math.max(-1, Math.min(1, sum));
    }

    /** True when any positive context word of {@code type} occurs in the window. */
    boolean supports(PiiType type, String text, int start, int end) {
        return score(type, text, start, end) > 0;
    }

    private static boolean occursIn(String text, int from, int to, Word w) {
        int n = w.text.length();
        for (int i = from; i + n <= to; i++) {
            if (text.regionMatches(w.ascii, i, w.text, 0, n)) {
                return true;
            }
        }
        return false;
    }
}
