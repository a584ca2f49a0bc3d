package dev.mamori.detect;

import com.atilika.kuromoji.dict.TokenInfoDictionary;
import com.atilika.kuromoji.util.SimpleResourceResolver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Makes the entries of unidic-names.tsv from UniDic as Atilika Kuromoji packages it (kuromoji-unidic 0.9.0, built from
 * unidic-mecab 2.1.2), so that {@link UnidicNamesDataTest} can prove the file was made from it: the surface of every
 * entry tagged 名詞,固有名詞,人名,姓 or 人名,名 that IPADIC (Lucene Kuromoji's dictionary, {@link Morphology#ipadicEntry})
 * lacks with the same tag and does not have as a place, two to four characters, each a kanji, 々 or ヶ.
 */
final class UnidicNamesSource {

    private UnidicNamesSource() {
    }

    /** IPADIC's place names stay places: that IPADIC lists a place as a surname too is the recognizer's evidence (青森 りんご). */
    private static final String PLACE = "名詞-固有名詞-地域";

    /**
     * Calls {@code each} with the features of every entry of UniDic tagged 人名,姓 or 人名,名: pos1..pos4, cType, cForm, lForm
     * (the reading in katakana), lemma, orth (the surface), pron, orthBase, …
     */
    static void personNames(java.util.function.Consumer<String[]> each) throws IOException {
        TokenInfoDictionary dictionary = TokenInfoDictionary.newInstance(new SimpleResourceResolver(com.atilika.kuromoji.unidic.Tokenizer.class));
        // the dictionary has no public entry count: its word ids run from 0 until the buffer ends
        for (int id = 0; ; id++) {
            String[] f;
            try {
                f = dictionary.getAllFeaturesArray(id);
            } catch (IndexOutOfBoundsException end) {
                break;
            }
            if (f.length > 8 && "人名".equals(f[2]) && ("姓".equals(f[3]) || "名".equals(f[3]))) {
                each.accept(f);
            }
        }
    }

    static List<String> entries() throws IOException {
        TreeSet<String> surnames = new TreeSet<>();
        TreeSet<String> given = new TreeSet<>();
        personNames(f -> {
            if (shaped(f[8])) {
                (f[3].equals("姓") ? surnames : given).add(f[8]);
            }
        });
        List<String> out = new ArrayList<>();
        for (String w : surnames) {
            if (!Morphology.ipadicEntry(w, 0, w.length(), "名詞-固有名詞-人名-姓") && !Morphology.ipadicEntry(w, 0, w.length(), PLACE)) {
                out.add("S\t" + w);
            }
        }
        for (String w : given) {
            if (!Morphology.ipadicEntry(w, 0, w.length(), "名詞-固有名詞-人名-名") && !Morphology.ipadicEntry(w, 0, w.length(), PLACE)) {
                out.add("G\t" + w);
            }
        }
        return out;
    }

    private static boolean shaped(String w) {
        if (w.length() < 2 || w.length() > 4) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (!(c >= 0x4E00 && c <= 0x9FFF) && c != '々' && c != 'ヶ') {
                return false;
            }
        }
        return true;
    }
}
