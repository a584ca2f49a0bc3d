package dev.mamori.detect;

/**
 * One span of personal information in a piece of decoded text.
 *
 * @param type       what was found
 * @param start      start offset (inclusive), a Java String index in the scanned text
 * @param end        end offset (exclusive)
 * @param confidence 0 to 1
 * @param validated  true when a check digit (or an equally strong rule) confirmed it
 * @param value      the text of the span; never print it unmasked unless the user asked to
 */
public record Finding(PiiType type, int start, int end, double confidence, boolean validated, String value) {

    public Finding {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence out of range: " + confidence);
        }
    }

    /** The value masked for display: structure kept, identifying characters hidden. */
    public String masked() {
        return Masking.mask(type, value);
    }

    /** Moves the span by {@code delta} characters (for text scanned in chunks). */
    public Finding shifted(int delta) {
        return delta == 0 ? this : new Finding(type, start + delta, end + delta, confidence, validated, value);
    }

    /** True when a finding of {@code out} from index {@code from} on overlaps [s, e). */
    static boolean overlapsAny(java.util.List<Finding> out, int from, int s, int e) {
        for (int i = from; i < out.size(); i++) {
            Finding f = out.get(i);
            if (f.start() < e && s < f.end()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds {@code f} to {@code out} in place of the findings from index {@code from} on that overlap it and give way to it
     * ({@code givesWay}); when another finding there overlaps it and does not give way, adds nothing. True when added.
     */
    static boolean addOver(java.util.List<Finding> out, int from, Finding f, java.util.function.Predicate<Finding> givesWay) {
        java.util.List<Finding> mine = out.subList(from, out.size());
        java.util.function.Predicate<Finding> overlaps = g -> g.start() < f.end() && f.start() < g.end();
        if (mine.stream().anyMatch(overlaps.and(givesWay.negate()))) {
            return false;
        }
        mine.removeIf(overlaps.and(givesWay));
        out.add(f);
        return true;
    }

    /** The legal category of {@link #type()}. */
    public LegalCategory category() {
        return type.category();
    }

    /** Type, span, confidence and the masked value: never the value itself (it ends up in logs and test reports). */
    @Override
    public String toString() {
        return "Finding[" + type + " " + start + ".." + end + String.format(java.util.Locale.ROOT, " confidence %.2f", confidence)
                + (validated ? " validated" : "") + " masked=" + masked() + "]";
    }
}
