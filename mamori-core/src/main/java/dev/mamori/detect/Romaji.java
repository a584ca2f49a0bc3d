package dev.mamori.detect;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Katakana to Latin letters by the Hepburn system, the way Japanese names are written in passports, mail and rosters.
 * By hand: no library on the class path romanises kana by Hepburn (ICU's Katakana-Latin transliterator follows another
 * scheme, and ICU is not a dependency). Used to make latin-names.tsv from IPADIC's readings, and to look up a name
 * written in kana (ひろせ ゆうき) in it.
 */
final class Romaji {

    private Romaji() {
    }

    private static final String[][] KANA = {
        {"ア", "a"}, {"イ", "i"}, {"ウ", "u"}, {"エ", "e"}, {"オ", "o"},
        {"カ", "ka"}, {"キ", "ki"}, {"ク", "ku"}, {"ケ", "ke"}, {"コ", "ko"},
        {"ガ", "ga"}, {"ギ", "gi"}, {"グ", "gu"}, {"ゲ", "ge"}, {"ゴ", "go"},
        {"サ", "sa"}, {"シ", "shi"}, {"ス", "su"}, {"セ", "se"}, {"ソ", "so"},
        {"ザ", "za"}, {"ジ", "ji"}, {"ズ", "zu"}, {"ゼ", "ze"}, {"ゾ", "zo"},
        {"タ", "ta"}, {"チ", "chi"}, {"ツ", "tsu"}, {"テ", "te"}, {"ト", "to"},
        {"ダ", "da"}, {"ヂ", "ji"}, {"ヅ", "zu"}, {"デ", "de"}, {"ド", "do"},
        {"ナ", "na"}, {"ニ", "ni"}, {"ヌ", "nu"}, {"ネ", "ne"}, {"ノ", "no"},
        {"ハ", "ha"}, {"ヒ", "hi"}, {"フ", "fu"}, {"ヘ", "he"}, {"ホ", "ho"},
        {"バ", "ba"}, {"ビ", "bi"}, {"ブ", "bu"}, {"ベ", "be"}, {"ボ", "bo"},
        {"パ", "pa"}, {"ピ", "pi"}, {"プ", "pu"}, {"ペ", "pe"}, {"ポ", "po"},
        {"マ", "ma"}, {"ミ", "mi"}, {"ム", "mu"}, {"メ", "me"}, {"モ", "mo"},
        {"ヤ", "ya"}, {"ユ", "yu"}, {"ヨ", "yo"},
        {"ラ", "ra"}, {"リ", "ri"}, {"ル", "ru"}, {"レ", "re"}, {"ロ", "ro"},
        {"ワ", "wa"}, {"ヰ", "i"}, {"ヱ", "e"}, {"ヲ", "o"}, {"ヴ", "vu"},
    };
    private static final Map<Character, String> MORA = new java.util.HashMap<>();

    static {
        for (String[] k : KANA) {
            MORA.put(k[0].charAt(0), k[1]);
        }
    }

    /**
     * The Hepburn spellings of a katakana reading, or none when it holds a character this does not know: the long
     * vowels ou, oo and uu as written (Satou), shortened (Sato) and, for o, as oh (Satoh); ン before b, m and p as n
     * and as m.
     */
    static Set<String> hepburn(String kana) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < kana.length(); i++) {
            char c = kana.charAt(i);
            char next = i + 1 < kana.length() ? kana.charAt(i + 1) : 0;
            if (c == 'ン') {
                b.append('n');
            } else if (c == 'ッ') {
                String m = next == 0 ? null : MORA.get(next);
                if (m == null) {
                    return Set.of();
                }
                b.append(m.startsWith("ch") ? 't' : m.charAt(0));
            } else if (c == 'ー') {
                if (b.length() == 0) {
                    return Set.of();
                }
                b.append(b.charAt(b.length() - 1));
            } else {
                String m = MORA.get(c);
                if (m == null) {
                    return Set.of();
                }
                if ("ャュョ".indexOf(next) >= 0 && m.endsWith("i") && m.length() >= 2) {
                    String v = next == 'ャ' ? "a" : next == 'ュ' ? "u" : "o";
                    String stem = m.substring(0, m.length() - 1);
                    m = stem.endsWith("sh") || stem.endsWith("ch") || stem.equals("j") ? stem + v : stem + "y" + v;
                    i++;
                } else if ("ァィゥェォ".indexOf(next) >= 0) {
                    String v = String.valueOf("aiueo".charAt("ァィゥェォ".indexOf(next)));
                    m = (m.equals("u") ? "w" : m.equals("fu") ? "f" : m.equals("vu") ? "v" : m.equals("te") || m.equals("to")
                            ? "t" : m.equals("de") || m.equals("do") ? "d" : m.substring(0, m.length() - 1)) + v;
                    i++;
                }
                b.append(m);
            }
        }
        String written = b.toString();
        if (!written.matches("[a-z]+")) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String s : List.of(written, written.replace("ou", "o").replace("oo", "o").replace("uu", "u"),
                written.replace("ou", "oh").replace("oo", "oh").replace("uu", "u"))) {
            out.add(s);
            out.add(s.replaceAll("n(?=[bmp])", "m"));
        }
        out.removeIf(s -> s.contains("ohh"));
        return out;
    }

    /** The first letter of the romanised katakana {@code c} (ア a, シ s, チ c, フ f, ヴ v), or 0 when it is no katakana syllable. */
    static char initial(char c) {
        String m = MORA.get(c);
        return m == null ? 0 : m.charAt(0);
    }

    /** Hiragana turned into katakana (other characters kept): ひろせ → ヒロセ. */
    static String katakana(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            c[i] = katakana(c[i]);
        }
        return new String(c);
    }

    /** The katakana of a hiragana letter; any other character as it is. */
    static char katakana(char c) {
        return c >= 'ぁ' && c <= 'ゖ' ? (char) (c + ('ァ' - 'ぁ')) : c;
    }
}
