package dev.mamori.yaml;

import java.util.Collection;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean …": the closest known id, when one is close enough to be a likely typo. */
public final class Suggest {

    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private Suggest() {
    }

    /** "did you mean …?" in Japanese and English, or null when no known id is close enough. */
    public static dev.mamori.report.Message didYouMean(String given, Collection<String> known) {
        String best = nearest(given, known);
        return best == null ? null : new dev.mamori.report.Message(best + " のことですか？", "did you mean " + best + "?");
    }

    /** The known id closest to {@code given}, or null when none is close enough. */
    public static String nearest(String given, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = DISTANCE.apply(given.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, Math.min(3, given.length() / 3));
        return best != null && bestDistance <= allowed ? best : null;
    }
}
