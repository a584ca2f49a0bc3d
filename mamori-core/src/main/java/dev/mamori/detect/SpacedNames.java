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
    /** One to three kanji, one to four blanks and a kanji, alone in their field: a surname and a one-kanji given name (林　　誠, 青木　　誠). */
    private static final Pattern PAIR = Pattern.compile("(?<!" + CHAR + ")([\\p{IsHan}々]{1,3})([ 　]{1,4})[\\p{IsHan}](?!" + CHAR + ")");
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
        int first = out.size();
        Matcher m = RUN.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            from = m.end();
            StringBuilder chars = new StringBuilder(12);
            int[] gaps = new int[6]; // the width of the blanks before each character but the first (code points: 𠮷 is one)
            int n = 0;
            for (int i = m.start(); i < m.end(); ) {
                int c = text.codePointAt(i);
                if (c == ' ') {
                    gaps[n] += 1;
                } else if (c == '\u3000') {
                    gaps[n] += 2;
                } else {
                    chars.appendCodePoint(c);
                    n++;
                }
                i += Character.charCount(c);
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
        pairs(text, out, first);
    }

    /**
     * A surname and a one-kanji given name of the dictionary (or, padded to a field's width, of given-name-kanji.tsv:
     * 森　　湊) with blanks between, standing alone in their field
     * (a list's column, a label's value: 林　　誠, ２　森　　湊　　総務部). Not two characters the dictionary reads as one word
     * (東　京, 氏　名, 山　田), nor a label's last character (氏名　林　誠 is read from 林). Read left to right: of two pairs
     * sharing a kanji, the first is kept.
     */
    private static void pairs(String text, List<Finding> out, int first) {
        Matcher m = PAIR.matcher(text);
        for (int from = 0; from < text.length() && m.find(from); ) {
            int s = m.start();
            from = s + 1; // 林　　誠　　森　　湊: the next pair may start at this one's end
            int e = m.end();
            int sur = m.end(1);
            String joined = text.substring(s, sur) + text.substring(e - 1, e);
            String gap = m.group(2);
            boolean padded = gap.length() > 2 || gap.equals("\u3000\u3000");
            if (Morphology.hasEntry(text, s, sur, SURNAME)
                    && (Morphology.hasEntry(text, e - 1, e, GIVEN) || padded && NameAnchors.get().givenKanji(text.charAt(e - 1)))
                    && !Morphology.ipadicEntry(joined, 0, joined.length(), "") && !Finding.overlapsAny(out, first, s, e)) {
                out.add(new Finding(PiiType.PERSON, s, e, CONFIDENCE, false, text.substring(s, e)));
            }
        }
    }

    /**
     * {@code name} (the characters read together) is a surname of the dictionary then a given name, split at {@code split}
     * characters when known: a given name of the dictionary, one in kana (ふみ), or where a wider gap splits the name two or
     * three characters that are no common word. Not 性 別　男, 上 田　市, 東 京　本 社, 社　山 田 商 事.
     */
    private static boolean isName(String name, int split) {
        int n = name.codePointCount(0, name.length());
        for (int k = split > 0 ? split : Math.min(3, n - 1); k >= 1 && (split < 0 || k == split); k--) {
            int at = name.offsetByCodePoints(0, k);
            if (k <= 3 && n - k <= 3 && Morphology.hasEntry(name, 0, at, SURNAME)
                    && (Morphology.hasEntry(name, at, name.length(), GIVEN) || kana(name, at)
                            || split > 1 && n - k >= 2 && !word(name, at))) { // 高 橋　鶴 子: a given name the dictionary lacks
                return true;
            }
        }
        return false;
    }

    /** The characters from {@code at} are a common word of the dictionary (本社, 商事), no given name. */
    private static boolean word(String name, int at) {
        return Morphology.hasEntry(name, at, name.length(), "名詞-一般") || Morphology.hasEntry(name, at, name.length(), "名詞-サ変接続");
    }

    /** Two or three kana from {@code at} to the end: a given name written in kana (菅 野 ふ み). */
    private static boolean kana(String name, int at) {
        int len = name.length() - at;
        if (len < 2 || len > 3) {
            return false;
        }
        for (int i = at; i < name.length(); i++) {
            if (!Morphology.isHiragana(name.charAt(i)) && !Morphology.isKatakana(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A kanji, a blank and a kanji or kana somewhere: the cheap test before the pattern. */
    private static boolean mayHold(String text) {
        for (int i = 1; i + 1 < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == ' ' || c == '\u3000') && Morphology.isKanji(text.charAt(i - 1))) {
                int j = i + 1;
                while (j + 1 < text.length() && j - i < 3 && (text.charAt(j) == ' ' || text.charAt(j) == '\u3000')) {
                    j++;
                }
                if (Morphology.isKanji(text.charAt(j))) {
                    return true;
                }
            }
        }
        return false;
    }
}
