package dev.mamori.detect;

import java.util.HashSet;
import java.util.Set;

/**
 * Surnames and given names that IPADIC lacks, from UniDic (unidic-names.tsv, which says how it was made): 小鳥遊, 五百旗頭,
 * 粟飯原. Looked up where IPADIC is: {@link Morphology#hasEntry} and the name recognizer's tokens.
 */
final class UnidicNames {

    private UnidicNames() {
    }

    /** Loaded on first use: about 19,000 names. */
    private static final class Lexicon {
        static final Set<String> SURNAMES = new HashSet<>(8_000);
        static final Set<String> GIVEN = new HashSet<>(32_000);
        /** The first and the last characters of the names: most words are ruled out before a string is made. */
        static final boolean[] SURNAME_ENDS = new boolean[65536 * 2];
        static final boolean[] GIVEN_ENDS = new boolean[65536 * 2];

        static {
            String file = "unidic-names.tsv";
            String text;
            try (java.io.InputStream in = UnidicNames.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException("missing data file " + file);
                }
                text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read data file " + file, e);
            }
            int line = 0;
            for (int s = 0; s < text.length(); ) {
                int e = text.indexOf('\n', s);
                e = e < 0 ? text.length() : e;
                line++;
                if (e > s && text.charAt(s) != '#') {
                    if (e - s < 4 || text.charAt(s + 1) != '\t' || (text.charAt(s) != 'S' && text.charAt(s) != 'G')) {
                        throw new IllegalStateException(file + ":" + line + ": expected S or G, a tab and a name");
                    }
                    boolean surname = text.charAt(s) == 'S';
                    (surname ? SURNAMES : GIVEN).add(text.substring(s + 2, e));
                    boolean[] ends = surname ? SURNAME_ENDS : GIVEN_ENDS;
                    ends[text.charAt(s + 2)] = true;
                    ends[65536 + text.charAt(e - 1)] = true;
                }
                s = e + 1;
            }
        }
    }

    static boolean surname(String text, int from, int to) {
        return shaped(Lexicon.SURNAME_ENDS, text, from, to) && Lexicon.SURNAMES.contains(text.substring(from, to));
    }

    static boolean given(String text, int from, int to) {
        return shaped(Lexicon.GIVEN_ENDS, text, from, to) && Lexicon.GIVEN.contains(text.substring(from, to));
    }

    private static boolean shaped(boolean[] ends, String text, int from, int to) {
        return to - from >= 2 && to - from <= 4 && ends[text.charAt(from)] && ends[65536 + text.charAt(to - 1)];
    }
}
