package dev.mamori.detect;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names spread over the width of a form's or a list's field, a blank between every character (均等割付: 榊 原　典 子,
 * 高 木 悠 真, 大 西 　 千 恵 子), which the morphological analyser reads as single characters. The characters are read
 * together: where one gap is wider than the others, the surname ends there and either part must be a name of the
 * dictionary; where the gaps are even, a surname and a given name of the dictionary must make up the whole. Headings
 * spread the same way (被　告　人, 生 年 月 日) are neither.
 */
final class SpacedNames {

    private static final String CHAR = "[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}々ー]";
    /** A kanji, then two to five more kanji or kana, each after one to three blanks. */
    private static final Pattern RUN = Pattern.compile("(?<!" + CHAR + ")[\\p{IsHan}々](?:[ 　]{1,3}" + CHAR + "){2,5}(?!" + CHAR + ")");
    private static final String SURNAME = "名詞-固有名詞-人名-姓";
    private static final String GIVEN = "名詞-固有名詞-人名-名";
    /** As a label's value: where a label read only the first characters (報告者　古 川), the longer span wins. */
    private static final double CONFIDENCE = 0.9;

    private SpacedNames() {
    }

    static void find(String text, List<Finding> out) {
        if (!mayHold(text)) {
            return;
        }
        Matcher m = RUN.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            from = m.end();
            StringBuilder chars = new StringBuilder(6);
            int[] gaps = new int[6]; // the width of the blanks before each character but the first
            int n = 0;
            for (int i = m.start(); i < m.end(); i++) {
                char c = text.charAt(i);
                if (c == ' ') {
                    gaps[n] += 1;
                } else if (c == '\u3000') {
                    gaps[n] += 2;
                } else {
                    chars.append(c);
                    n++;
                }
            }
            int widest = 1;
            int ties = 0;
            for (int k = 2; k < n; k++) {
                if (gaps[k] > gaps[widest]) {
                    widest = k;
                    ties = 0;
                } else if (gaps[k] == gaps[widest]) {
                    ties++;
                }
            }
            if (isName(chars.toString(), ties == 0 ? widest : -1)) {
                out.add(new Finding(PiiType.PERSON, m.start(), m.end(), CONFIDENCE, false, text.substring(m.start(), m.end())));
            } else { // a heading's characters before the name (氏　　名　　榊 原　典 子): again from the second character
                from = m.start() + 1;
                while (from < m.end() && !Morphology.isKanji(text.charAt(from))) {
                    from++;
                }
            }
        }
    }

    /** {@code name} (the characters read together) is a surname then a given name, split at {@code split} when known. */
    private static boolean isName(String name, int split) {
        int n = name.length();
        if (split > 0) {
            return split <= 3 && n - split <= 4
                    && (Morphology.hasEntry(name, 0, split, SURNAME) || Morphology.hasEntry(name, split, n, GIVEN));
        }
        for (int k = Math.min(3, n - 1); k >= 1; k--) {
            if (n - k <= 3 && Morphology.hasEntry(name, 0, k, SURNAME) && Morphology.hasEntry(name, k, n, GIVEN)) {
                return true;
            }
        }
        return false;
    }

    /** A kanji, a blank and a kanji or kana somewhere: the cheap test before the pattern. */
    private static boolean mayHold(String text) {
        for (int i = 1; i + 1 < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == ' ' || c == '\u3000') && Morphology.isKanji(text.charAt(i - 1)) && Morphology.isKanji(text.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }
}
