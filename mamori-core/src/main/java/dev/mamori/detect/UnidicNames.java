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

    /** Loaded on first use: about 14,500 names. */
    private static final class Lexicon {
        static final Set<String> SURNAMES = new HashSet<>(8_000);
        static final Set<String> GIVEN = new HashSet<>(32_000);
        /** The first and the last characters of the names: most words are ruled out before a string is made. */
        static final boolean[] SURNAME_ENDS = new boolean[65536 * 2];
        static final boolean[] GIVEN_ENDS = new boolean[65536 * 2];

        static {
            String file = "unidic-names.tsv";
            NameLists.read(file, (text, s, e, line) -> {
                if (e - s < 4 || text.charAt(s + 1) != '\t' || (text.charAt(s) != 'S' && text.charAt(s) != 'G')) {
                    throw new IllegalStateException(file + ":" + line + ": expected S or G, a tab and a name");
                }
                boolean surname = text.charAt(s) == 'S';
                (surname ? SURNAMES : GIVEN).add(text.substring(s + 2, e));
                boolean[] ends = surname ? SURNAME_ENDS : GIVEN_ENDS;
                ends[text.charAt(s + 2)] = true;
                ends[65536 + text.charAt(e - 1)] = true;
            });
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
