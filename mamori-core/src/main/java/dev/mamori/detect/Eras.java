package dev.mamori.detect;

import dev.mamori.data.DataFile;
import java.util.ArrayList;
import java.util.List;

/** The Japanese eras of {@code eras.tsv}, with their names, abbreviations and date ranges. */
final class Eras {

    /**
     * @param marks the one-character non-Latin abbreviations: the first kanji (昭) and the square era
     *              character of Unicode's CJK Compatibility block (㍼)
     * @param code  the era's number on 日本年金機構's forms (5 昭和, 7 平成, 9 令和)
     */
    record Era(String name, char[] letters, String marks, int first, int last, int code) {
        /** The Gregorian year of this era's year {@code y} (元年 = 1). */
        int gregorian(int y) {
            return first / 10000 + y - 1;
        }

        boolean contains(int yyyymmdd) {
            return yyyymmdd >= first && yyyymmdd <= last;
        }
    }

    private static final Eras DEFAULT = new Eras();

    private final Era[] eras;
    private static final Era[] NONE = {};

    private Eras() {
        List<Era> l = new ArrayList<>();
        for (DataFile.Row r : DataFile.read(Eras.class, "eras.tsv")) {
            StringBuilder letters = new StringBuilder();
            StringBuilder marks = new StringBuilder();
            for (String a : r.field(1).split(",")) {
                a = a.strip();
                if (a.length() == 1 && a.charAt(0) < 128) {
                    letters.append(a.charAt(0));
                } else if (a.length() == 1) {
                    marks.append(a.charAt(0));
                }
            }
            l.add(new Era(r.field(0), letters.toString().toCharArray(), marks.toString(), packed(r.field(2)), packed(r.field(3)),
                    Integer.parseInt(r.field(4))));
        }
        eras = l.toArray(new Era[0]);
        for (Era e : eras) {
            if (e.name.length() == 2) {
                ends[e.name.charAt(1)] = true;
            }
            for (char c : e.marks.toCharArray()) {
                ends[c] = true;
            }
        }
        for (int c = 0; c < ends.length; c++) {
            ends[c] |= Chars.upperLetter((char) c) != 0 || c == '.' || c == '．' || c == '・';
        }
    }

    /** The characters an era's name, mark or letter (or the full stop after a letter) can end with: most are none. */
    private final boolean[] ends = new boolean[65536];

    private static int packed(String iso) {
        String[] p = iso.split("-");
        return Integer.parseInt(p[0]) * 10000 + Integer.parseInt(p[1]) * 100 + Integer.parseInt(p[2]);
    }

    static Eras get() {
        return DEFAULT;
    }

    /** The era with this number on 日本年金機構's forms, or null. */
    Era coded(int code) {
        for (Era e : eras) {
            if (e.code == code) {
                return e;
            }
        }
        return null;
    }

    /** Every era, oldest first. */
    List<Era> all() {
        return List.of(eras);
    }

    /**
     * The era whose name or abbreviation ends just before {@code pos} (an optional space between
     * a kanji name and the year is allowed, and a full stop after a letter: S.17), or null. Sets {@code start[0]} to where it begins.
     */
    /** One or two digits at {@code pos}, then a full stop: a year as a fixed-width print pads it (H 3. 9.18). */
    private static boolean paddedYear(String s, int pos) {
        int n = 0;
        while (n < 3 && Chars.isDigit(Chars.at(s, pos + n))) {
            n++;
        }
        char c = Chars.at(s, pos + n);
        return n >= 1 && n <= 2 && (c == '.' || c == '．');
    }

    Era before(String s, int pos, int[] start) {
        int k = pos;
        char c1 = Chars.at(s, k - 1);
        if (Chars.isSpace(c1)) {
            k--;
            c1 = Chars.at(s, k - 1);
        }
        if (!ends[c1]) {
            return null; // 九丁目, 三人: no era ends before the digit
        }
        char c0 = Chars.at(s, k - 2);
        for (Era e : eras) {
            if (e.name.length() == 2 && c0 == e.name.charAt(0) && c1 == e.name.charAt(1)) {
                start[0] = k - 2;
                return e;
            }
        }
        for (Era e : c1 < 0x80 ? NONE : eras) { // marks are kanji and square characters: none before C1000001's digit
            if (c1 != 0 && e.marks.indexOf(c1) >= 0) {
                start[0] = k - 1;
                return e;
            }
        }
        if (k != pos && (Chars.upperLetter(c1) == 0 || Chars.isAlnum(c0) || !paddedYear(s, pos))) {
            return null; // no space after a letter abbreviation, but a fixed-width print's Ｈ 3. 9.18
        }
        if ((c1 == '.' || c1 == '．' || c1 == '・') && Chars.upperLetter(c0) != 0 && !Chars.isAlnum(Chars.at(s, k - 3))) {
            k--; // S.17/1/8, S・63・2・29: the letter with a full stop or a middle dot
            c1 = c0;
            c0 = Chars.at(s, k - 2);
        }
        char u = Chars.upperLetter(c1);
        if (u != 0 && !Chars.isAlnum(c0)) {
            for (Era e : eras) {
                for (char l : e.letters) {
                    if (l == u) {
                        start[0] = k - 1;
                        return e;
                    }
                }
            }
        }
        return null;
    }
}
