package dev.mamori.detect;

import dev.mamori.data.DataFile;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /** The readings, and by their first letter. */
    private final List<String> readings = new ArrayList<>();
    private final Map<Character, List<String>> byFirst = new HashMap<>();
    /** The first letters of the readings: most positions are passed over on one look-up. */
    private final boolean[] firsts = new boolean[65536];
    /**
     * The full-width endings a reading may be found by: ケン for the 43 prefectures whose readings end so, each other
     * reading whole (トウキョウト, …).
     */
    private final Set<String> cues = new LinkedHashSet<>();
    /** The letters before a reading's ケン (ミヤギ|ケン): most ケン in a text are passed over on one look-up. */
    private final boolean[] before = new boolean[65536];

    KanaAddress() {
        for (DataFile.Row r : DataFile.read(KanaAddress.class, "prefecture-readings.tsv")) {
            String p = r.field(1);
            readings.add(p);
            byFirst.computeIfAbsent(p.charAt(0), c -> new ArrayList<>()).add(p);
            firsts[p.charAt(0)] = true;
            if (p.endsWith(KEN)) {
                before[p.charAt(p.length() - 3)] = true;
            }
            cues.add(p.endsWith(KEN) ? KEN : p);
        }
    }

    private static final String KEN = "ケン";

    /** One set of readings for {@link #startsWithPrefecture}, which a name's label calls without an address recognizer. */
    private static final class Shared {
        static final KanaAddress INSTANCE = new KanaAddress();
    }

    /**
     * Whether {@code value}, in either kana and either width, starts with a prefecture's reading (とうきょうと　こうとうく,
     * ﾄｳｷｮｳﾄ): an address read out under a form's ふりがな, not a name.
     */
    static boolean startsWithPrefecture(String value) {
        String k = Normalizer.normalize(value, Normalizer.Form.NFKC);
        StringBuilder b = new StringBuilder(k.length());
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            b.append(c >= 'ぁ' && c <= 'ゖ' ? (char) (c + 0x60) : c);
        }
        String kana = b.toString();
        List<String> rs = kana.isEmpty() ? null : Shared.INSTANCE.byFirst.get(kana.charAt(0));
        // the reading ends a word (とうきょうと　こうとうく), not the start of one (チバケンタ is 千葉健太)
        return rs != null && rs.stream().anyMatch(r -> kana.startsWith(r) && (kana.length() == r.length()
                || " 　・".indexOf(kana.charAt(r.length())) >= 0));
    }

    /** Adds each kana address of {@code text} that no finding from {@code first} on overlaps. */
    void find(String text, List<Finding> out, int first) {
        if (!mayHold(text)) {
            return;
        }
        Folded f = Folded.of(text);
        String k = f.kana;
        for (int i = 0; i < k.length(); i++) {
            if (!firsts[k.charAt(i)] || i > 0 && isKana(k.charAt(i - 1))) {
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
            int phase = 0; // 0: towns, 1: after the block numbers, 2: after a building's name; then its room ends it
            int numbers = 0;
            for (int j = w, towns = 0; j < k.length() && phase < 3; ) {
                int b = skipBlank(k, j);
                int x = b;
                while (x < k.length() && (isKana(k.charAt(x)) || isDigitOrDash(k.charAt(x)))) {
                    x++;
                }
                if (x == b) {
                    break;
                }
                boolean number = !isKana(k.charAt(b));
                if (number && (x - b > 12 || phase == 0 && numbers > 0) || !number && (phase == 2 || phase == 0 && ++towns > 4)) {
                    break; // a phone number, or a name after the address (ﾔﾏﾀﾞ ﾀﾛｳ 090-…)
                }
                if (number) {
                    numbers++;
                    phase = phase == 0 ? 1 : 3;
                } else if (phase == 1) {
                    if (!AddressGrammar.isBuilding(text, f.start(b), f.end(x - 1))) {
                        break; // ﾔﾏﾀﾞ ﾀﾛｳ after the block numbers: a name, not a building
                    }
                    phase = isKana(k.charAt(x - 1)) ? 2 : 3; // サクラハイツ then 203, or ﾒｿﾞﾝ402 at once
                }
                e = x;
                j = x;
            }
            while ("-－‐−".indexOf(k.charAt(e - 1)) >= 0) {
                e--;
            }
            if (numbers == 0) {
                continue; // トウキョウト ホケンキョク, サイタマケン ケンチョウ: an office, not an address
            }
            AddressRecognizer.addUnlessFound(text, f.start(i), f.end(e - 1), 0.85, out, first);
            i = e - 1;
        }
    }

    private int prefectureEnd(String k, int i) {
        for (String p : byFirst.getOrDefault(k.charAt(i), List.of())) {
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

    /** Whether {@code text} may hold a prefecture's reading: the cheap test before the text is folded and searched. */
    private boolean mayHold(String text) {
        for (String w : HALF_WIDTH_CUES) { // one search per cue, as the JDK does it, instead of a loop over every character
            if (text.indexOf(w) >= 0) {
                return true; // folded and searched
            }
        }
        for (String w : cues) { // in full width, a reading itself must end there: not ケンジ, ケンタ of a name's reading
            for (int at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) {
                int end = at + w.length();
                if (w.equals(KEN) && (at == 0 || !before[text.charAt(at - 1)])) {
                    continue; // ケンジ, ダイスケ ケンタ: no reading has that letter before its ケン
                }
                for (String r : readings) {
                    if (r.endsWith(w) && end >= r.length() && text.startsWith(r, end - r.length())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * {@link #cues} in half width, where a text is folded before it is searched: a reading added to
     * prefecture-readings.tsv that ends otherwise needs its half-width form here.
     */
    private static final String[] HALF_WIDTH_CUES = {"ｹﾝ", "ﾄｳｷｮｳﾄ", "ｷｮｳﾄﾌ", "ｵｵｻｶﾌ", "ﾎｯｶｲﾄﾞｳ"};

    /**
     * The text with half-width katakana (and its voicing marks) folded to full-width katakana, and where each folded char
     * came from in the text: {@code [start(i), end(i))}; the text itself, char for char, when it has no half-width kana.
     */
    private record Folded(String kana, int[] starts, int[] ends) {
        int start(int i) {
            return starts == null ? i : starts[i];
        }

        int end(int i) {
            return ends == null ? i + 1 : ends[i];
        }

        static Folded of(String text) {
            boolean half = false;
            for (int i = 0; i < text.length() && !half; i++) {
                half = text.charAt(i) >= 'ｦ' && text.charAt(i) <= 'ﾟ';
            }
            if (!half) {
                return new Folded(text, null, null);
            }
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
