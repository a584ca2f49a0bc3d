package dev.mamori.detect;

import dev.mamori.data.DataFile;
import java.text.Normalizer;
import java.util.List;

/**
 * Addresses written in kana: a form's 住所フリガナ or a bank's カナ住所 ({@code ﾐﾔｷﾞｹﾝ ｾﾝﾀﾞｲｼ ﾐﾔｷﾞﾉｸ ﾆｼｷﾁｮｳ 1-3-9},
 * {@code トウキョウト セタガヤク キタザワ 2-14-7}). One starts at a prefecture's reading ({@code prefecture-readings.tsv})
 * that a municipality's follows (a kana word ending in シ, ク, チョウ, マチ, ムラ, ソン or グン), and runs on over kana
 * words, digits and hyphens to the end of its line or the first other character. Half-width kana are read as the
 * full-width katakana they stand for; the span is the text as written. Not hiragana: its words run on in prose
 * (ちばけんでくらし).
 */
final class KanaAddress {

    private static final String[] MUNICIPALITY_ENDS = {"シ", "ク", "チョウ", "マチ", "ムラ", "ソン", "グン"};

    private final List<String> prefectures;

    KanaAddress() {
        prefectures = DataFile.read(KanaAddress.class, "prefecture-readings.tsv").stream().map(r -> r.field(1)).toList();
    }

    /** Adds each kana address of {@code text} that no finding from {@code first} on overlaps. */
    void find(String text, List<Finding> out, int first) {
        if (!hasKana(text)) {
            return;
        }
        Folded f = Folded.of(text);
        String k = f.kana;
        for (int i = 0; i < k.length(); i++) {
            if (i > 0 && isKana(k.charAt(i - 1))) {
                continue; // a prefecture's reading starts a word
            }
            int p = prefectureEnd(k, i);
            if (p < 0) {
                continue;
            }
            int m = skipBlank(k, p);
            int w = wordEnd(k, m);
            if (w - m < 2 || !endsMunicipality(k, m, w)) {
                continue;
            }
            int e = w;
            for (int j = w; j < k.length(); ) { // kana words, block numbers, a building's name and room
                int b = skipBlank(k, j);
                int x = b;
                while (x < k.length() && (isKana(k.charAt(x)) || isDigitOrDash(k.charAt(x)))) {
                    x++;
                }
                if (x == b) {
                    break;
                }
                e = x;
                j = x;
            }
            while ("-－‐−".indexOf(k.charAt(e - 1)) >= 0) {
                e--;
            }
            int s0 = f.start[i];
            int e0 = f.end[e - 1];
            if (!Finding.overlapsAny(out, first, s0, e0)) {
                out.add(new Finding(PiiType.ADDRESS, s0, e0, 0.85, false, text.substring(s0, e0)));
            }
            i = e - 1;
        }
    }

    private int prefectureEnd(String k, int i) {
        for (String p : prefectures) {
            if (k.startsWith(p, i)) {
                return i + p.length();
            }
        }
        return -1;
    }

    private static boolean endsMunicipality(String k, int s, int e) {
        for (String end : MUNICIPALITY_ENDS) {
            if (e - s > end.length() && k.startsWith(end, e - end.length())) {
                return true;
            }
        }
        return false;
    }

    private static int skipBlank(String k, int i) {
        return i < k.length() && (k.charAt(i) == ' ' || k.charAt(i) == '\u3000') ? i + 1 : i;
    }

    private static int wordEnd(String k, int i) {
        while (i < k.length() && isKana(k.charAt(i))) {
            i++;
        }
        return i;
    }

    /** A full-width katakana letter or the long-vowel mark (after folding). */
    private static boolean isKana(char c) {
        return c >= 'ァ' && c <= 'ヺ' || c == 'ー';
    }

    private static boolean isDigitOrDash(char c) {
        return c >= '0' && c <= '9' || c >= '０' && c <= '９' || "-－‐−".indexOf(c) >= 0;
    }

    private static boolean hasKana(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'ｦ' && c <= 'ﾝ' || c >= 'ァ' && c <= 'ヺ') {
                return true;
            }
        }
        return false;
    }

    /**
     * The text with half-width katakana (and its voicing marks) folded to full-width katakana, and where each folded char
     * came from in the text: {@code [start[i], end[i])}.
     */
    private record Folded(String kana, int[] start, int[] end) {
        static Folded of(String text) {
            StringBuilder b = new StringBuilder(text.length());
            int[] start = new int[text.length()];
            int[] end = new int[text.length()];
            for (int i = 0; i < text.length(); ) {
                char c = text.charAt(i);
                int n = 1;
                char f = c;
                if (c >= 'ｦ' && c <= 'ﾝ') {
                    n = i + 1 < text.length() && (text.charAt(i + 1) == 'ﾞ' || text.charAt(i + 1) == 'ﾟ') ? 2 : 1;
                    String nf = Normalizer.normalize(text.substring(i, i + n), Normalizer.Form.NFKC);
                    if (nf.length() != 1) { // a mark that voices nothing: the letter alone
                        n = 1;
                        nf = Normalizer.normalize(text.substring(i, i + 1), Normalizer.Form.NFKC);
                    }
                    f = nf.charAt(0);
                }
                start[b.length()] = i;
                end[b.length()] = i + n;
                b.append(f);
                i += n;
            }
            return new Folded(b.toString(), start, end);
        }
    }
}
