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
        static final Set<String> SURNAMES = new HashSet<>(12_000);
        static final Set<String> GIVEN = new HashSet<>(30_000);

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
                    (text.charAt(s) == 'S' ? SURNAMES : GIVEN).add(text.substring(s + 2, e));
                }
                s = e + 1;
            }
        }
    }

    static boolean surname(String text, int from, int to) {
        return to - from >= 2 && to - from <= 4 && Lexicon.SURNAMES.contains(text.substring(from, to));
    }

    static boolean given(String text, int from, int to) {
        return to - from >= 2 && to - from <= 4 && Lexicon.GIVEN.contains(text.substring(from, to));
    }
}
