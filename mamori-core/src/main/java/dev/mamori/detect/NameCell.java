package dev.mamori.detect;

import java.util.List;

import java.util.Set;

/**
 * Decides, without Kuromoji, whether a cell of a column whose header suggests a name (氏名,
 * フリガナ, name …) holds a person's name: a kanji surname of one to four characters with an
 * optional space and given name (山田 太郎, 髙橋一郎, 山﨑), a kana name (ヤマダ タロウ, やまだ たろう,
 * ﾔﾏﾀﾞ ﾀﾛｳ) or a romanised one (Taro Yamada, YAMADA Taro).
 */
final class NameCell {

    enum Verdict { NAME, NOT_A_NAME, FREE_TEXT }

    /** Placeholder values seen in name columns that are not names. */
    private static final Set<String> PLACEHOLDERS = Set.of("未定", "不明", "なし", "無し", "該当なし", "同上", "同左", "同右", "空欄",
            "未記入", "未入力", "本人", "担当者", "代表者", "テスト", "ダミー", "削除", "退会", "null", "NULL", "N/A", "n/a", "-",
            "不要", "必要", "任意", "有", "無", "有り", "済", "未", "確認中", "調整中", "別途", "空き",
            "自宅", "実家", "携帯", "職場", "勤務先", "会社", "学校", "施設",
            // a shift roster's cells that are no one (session 47)
            "休み", "公休", "有休", "希望休", "研修", "応援", "欠員", "全員", "閉店", "清掃", "本社", "募集中", "通常", "定休", "祝日", "出張",
            "休業", "店休", "代休", "振休", "休日", "未定員", "交代");
    /**
     * Whole cells of a name's column that are no one (session 60): a review's or a survey's name left anonymous, and a
     * category where a column of people might hold names (相続人 あり, 債務者 主債務者, 購入者 リピーター, 借主 社員寮). Unlike
     * {@link #PLACEHOLDERS}, not when they are one word of the cell (会員 佐藤一郎 holds a name).
     */
    private static final Set<String> CATEGORIES = Set.of("匿名", "匿名希望", "名無し", "ななし", "非公開", "非公表", "ゲスト", "あり",
            "会員", "非会員", "新規", "リピーター", "主債務者", "連帯保証人", "保証人", "社員寮", "外国籍", "日本国籍", "法人");
    private static final int MAX_CELL = 40;
    /** The first characters of {@link #PLACEHOLDERS}: most words of a name start with none of them. */
    private static final String PLACEHOLDER_START = PLACEHOLDERS.stream().map(w -> w.substring(0, 1)).distinct().sorted()
            .collect(java.util.stream.Collectors.joining());

    private NameCell() {
    }

    static Verdict classify(String text, NameRecognizer r) {
        int s = trimStart(text);
        int e = trimEnd(text, s);
        if (s >= e) {
            return Verdict.NOT_A_NAME;
        }
        if (e - s > MAX_CELL) {
            return Verdict.FREE_TEXT;
        }
        String cell = text.substring(s, e);
        if (PLACEHOLDERS.contains(cell) || CATEGORIES.contains(cell) || r.hasCompanyMarker(cell) || r.endsWithOrgSuffix(cell) || placeholderWord(cell)
                || r.kinWord(cell) || office(cell) || r.titleOrRole(cell)) { // 母, 長男: a relation where a name was asked for;
                                                                                // 市役所総務課, 水道局; 店長, オーナー on a shift
            return Verdict.NOT_A_NAME;
        }
        boolean letter = false;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (Character.isDigit(c)) {
                return cell.length() > 12 ? Verdict.FREE_TEXT : Verdict.NOT_A_NAME;
            }
            letter |= Character.isLetter(c);
        }
        if (!letter) {
            return Verdict.NOT_A_NAME;
        }
        if (commonKanjiWord(cell)) {
            return Verdict.NOT_A_NAME; // 受付, 不在, 派遣, 会計 in a column of staff: a task or a state, not a name
        }
        if (isKanjiName(cell)) {
            int blank = firstBlank(cell);
            // five kanji before the blank: 勘解由小路 實, not 代表取締役 社長 or 東京都港区 在住
            return blank == 5 && r.wordsOrPlace(cell.substring(0, 5)) ? Verdict.FREE_TEXT : Verdict.NAME;
        }
        if (isKanaThenKanji(cell)) { // グエン 美咲, さいとう 翼; not カスタマー 対応, まとめ 資料, パート 全員
            int blank = firstBlank(cell);
            return r.kanaWord(cell.substring(0, blank)) || r.commonNotGiven(cell.substring(blank + 1)) ? Verdict.FREE_TEXT : Verdict.NAME;
        }
        return isKanaName(cell) || isRomanName(cell) ? Verdict.NAME : Verdict.FREE_TEXT;
    }

    /**
     * Two or three kanji that the dictionary reads as one common noun and knows as no surname or given name (受付, 派遣,
     * 不在, 会計); not 中村 or 大和, proper nouns, nor 希望 or 光, given names too.
     */
    private static boolean commonKanjiWord(String cell) {
        if (cell.length() < 2 || cell.length() > 3 || !cell.chars().allMatch(Morphology::isKanji)) {
            return false;
        }
        List<Morphology.Token> ts = Morphology.tokens(cell, 0, cell.length());
        return ts.size() == 1 && (ts.get(0).is("名詞-サ変接続") || ts.get(0).is("名詞-一般") || ts.get(0).is("名詞-副詞可能")
                || ts.get(0).is("名詞-形容動詞語幹"))
                && !Morphology.hasEntry(cell, 0, cell.length(), "名詞-固有名詞-人名-姓")
                && !Morphology.hasEntry(cell, 0, cell.length(), "名詞-固有名詞-人名-名");
    }

    /** The first blank (space, wide space or tab) of the cell, or -1. */
    private static int firstBlank(String cell) {
        for (int i = 0; i < cell.length(); i++) {
            if (isSpace(cell.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** How offices and firms end (市役所総務課, 消防署, 保守センター, 管理会社): never a person's name. */
    private static final String[] OFFICE_ENDS = {"課", "係", "局", "署", "庁", "センター", "会社", "協会", "組合", "事務所", "役場", "役所"};

    private static boolean office(String cell) {
        for (String e : OFFICE_ENDS) {
            if (cell.length() > e.length() && cell.endsWith(e)) {
                return true;
            }
        }
        return false;
    }

    /** A placeholder among the cell's words (妻 同上, 長男 なし: a relation and no name). */
    private static boolean placeholderWord(String cell) {
        if (cell.indexOf(' ') < 0 && cell.indexOf('\u3000') < 0) {
            return false;
        }
        for (int i = 0, n = cell.length(); i < n; ) { // by hand: String.split compiles its pattern on every call
            int j = i;
            while (j < n && cell.charAt(j) != ' ' && cell.charAt(j) != '\u3000') {
                j++;
            }
            if (j > i && PLACEHOLDER_START.indexOf(cell.charAt(i)) >= 0 && PLACEHOLDERS.contains(cell.substring(i, j))) {
                return true;
            }
            i = j + 1;
        }
        return false;
    }

    /**
     * One romanised word of the name lists, capitalised or in capitals (Marco, YAMAZAKI): a whole cell of a name column
     * that splits the name into surname and given name (Surname, Given name). Only a name of the lists: a column whose
     * header has "name" in it may hold a product's or a team's.
     */
    static boolean isNamePart(String text) {
        int s = trimStart(text);
        int e = trimEnd(text, s);
        return e > s && isRomanWord(text.substring(s, e)) && LatinNames.isName(text.substring(s, e));
    }

    /** A capitalised word of Latin letters, 2–20 long, with ' or - inside and accented letters (Chloé, O'Brien). */
    static boolean isRomanWord(String w) {
        if (w.length() < 2 || w.length() > 20 || !Character.isUpperCase(w.charAt(0)) || w.charAt(0) > 'Z') {
            return false;
        }
        for (int i = 1; i < w.length(); i++) {
            char c = w.charAt(i);
            boolean accented = c >= 0xC0 && c < 0x250 && Character.isLetter(c); // Chloé, Müller
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'' || c == '-' || accented)) {
                return false;
            }
        }
        return true;
    }

    static Finding finding(String text) {
        int s = trimStart(text);
        int e = trimEnd(text, s);
        return new Finding(PiiType.PERSON, s, e, 0.95, false, text.substring(s, e));
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\u3000' || c == '\t';
    }

    private static int trimStart(String t) {
        int i = 0;
        while (i < t.length() && (Character.isWhitespace(t.charAt(i)) || t.charAt(i) == '\u3000' || t.charAt(i) == '"')) {
            i++;
        }
        return i;
    }

    private static final String[] HONORIFICS = {"様", "さま", "さん", "殿", "氏"};

    private static int trimEnd(String t, int s) {
        int e = t.length();
        while (e > s && (Character.isWhitespace(t.charAt(e - 1)) || t.charAt(e - 1) == '\u3000' || t.charAt(e - 1) == '"')) {
            e--;
        }
        while (e > s) { // the emoji or mark after a display name (あやか🌸, ゆい♪, ken★)
            int cp = t.codePointBefore(e);
            int type = Character.getType(cp);
            if (type != Character.OTHER_SYMBOL && type != Character.MODIFIER_SYMBOL && cp != 0xFE0F && cp != 0x200D) {
                break;
            }
            e -= Character.charCount(cp);
        }
        for (String h : HONORIFICS) {
            if (e - s > h.length() + 1 && t.startsWith(h, e - h.length())) {
                e -= h.length();
                while (e > s && isSpace(t.charAt(e - 1))) {
                    e--;
                }
                break;
            }
        }
        return e;
    }

    /** 1–4 kanji, then optionally one space and 1–6 kanji or kana (five kanji, then 1–3); 1–8 characters with no space. */
    static boolean isKanjiName(String cell) {
        int[] cps = new int[cell.length()]; // no stream: this runs on every cell of a name column
        int len = 0;
        for (int i = 0; i < cell.length(); i += Character.charCount(cps[len - 1])) {
            cps[len++] = cell.codePointAt(i);
        }
        if (len == 0 || !Morphology.isKanji(cps[0])) {
            return false;
        }
        int space = -1;
        for (int i = 0; i < len; i++) {
            int c = cps[i];
            if (isSpace(c)) {
                if (space >= 0 || i == 0) {
                    return false;
                }
                space = i;
            } else if (!(Morphology.isKanji(c) || Morphology.isHiragana(c) || Morphology.isKatakana(c))) {
                return false;
            }
        }
        if (space < 0) {
            return len <= 8;
        }
        for (int i = 0; i < space; i++) {
            boolean inner = i > 0 && i + 1 < space && (cps[i] == 'ノ' || cps[i] == 'ケ'); // 山ノ内, 関ケ原 (ヶ is a kanji here)
            if (!Morphology.isKanji(cps[i]) && !inner) {
                return false;
            }
        }
        int given = len - space - 1;
        return given >= 1 && (space <= 4 && given <= 6 || space == 5 && given <= 3); // 勘解由小路 實, not 無職八重樫 紀夫容疑者
    }

    /**
     * The shape of a surname in katakana or hiragana, a space and a given name of one to four kanji: a family from abroad whose
     * children have Japanese given names (グエン 美咲, ロドリゲス 健太), or a candidate's surname written in kana (さいとう 翼).
     * {@link #classify} asks the dictionary as well: カスタマー 対応 has the shape and is no name.
     */
    static boolean isKanaThenKanji(String cell) {
        int space = firstBlank(cell);
        if (space < 2 || space > 10 || cell.length() - space - 1 < 1 || cell.length() - space - 1 > 4) {
            return false;
        }
        boolean hiragana = Morphology.isHiragana(cell.charAt(0));
        for (int i = 0; i < space; i++) {
            char c = cell.charAt(i);
            if (!(hiragana ? Morphology.isHiragana(c) || c == 'ー' : Morphology.isKatakana(c) || c == '・' && i > 0 && i + 1 < space)) {
                return false;
            }
        }
        for (int i = space + 1; i < cell.length(); i++) {
            if (!Morphology.isKanji(cell.charAt(i)) || cell.charAt(i) == 'ヶ') {
                return false;
            }
        }
        return true;
    }

    /**
     * All katakana (full or half width) or all hiragana, 2–16 characters, at most one space (two for katakana: チャン ティ
     * マイ); a katakana name may instead have its parts joined by up to two ・ (アブドゥル・ラフマン, ファン・ミン).
     */
    static boolean isKanaName(String cell) {
        boolean kata = false;
        boolean hira = false;
        int spaces = 0;
        int dots = 0;
        int n = 0;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (isSpace(c)) {
                spaces++;
                continue;
            }
            if ((c == '・' || c == '･') && i > 0 && i + 1 < cell.length() && Morphology.isKatakana(cell.charAt(i - 1))
                    && Morphology.isKatakana(cell.charAt(i + 1))) {
                dots++;
                continue;
            }
            n++;
            if (Morphology.isKatakana(c)) {
                kata = true;
            } else if (Morphology.isHiragana(c)) {
                hira = true;
            } else {
                return false;
            }
        }
        return kata != hira && (spaces <= 1 || kata && spaces == 2) && (dots == 0 || kata && dots <= 2 && spaces == 0) && n >= 2 && n <= 16
                && !isSpace(cell.charAt(0));
    }

    /**
     * Two to five words of Latin letters, two or more of them capitalised words (Taro Yamada, YAMADA Taro, Yamada, Taro,
     * Luis Alberto QUISPE MAMANI), the others initials (Ivan S. Petrov, W.M. Chaminda Rathnayake) or, inside, the particles
     * of a family name (Maria Aparecida Fujimoto da Silva); full-width letters as their ASCII (ＰＥＲＥＲＡ　Ｔｈａｒｉｎｄｕ).
     */
    static boolean isRomanName(String cell) {
        char c0 = cell.isEmpty() ? 0 : cell.charAt(0);
        if (!(c0 >= 'A' && c0 <= 'Z' || c0 >= 'Ａ' && c0 <= 'Ｚ')) {
            return false; // a kanji or kana name: no split, no fold
        }
        String[] words = NameRecognizer.foldLatin(cell).split("(,[\\s\u3000]*|[\\s\u3000]+)", -1);
        if (words.length < 2 || words.length > 5) {
            return false;
        }
        int full = 0;
        int unlisted = 0;
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (isRomanWord(w)) {
                full++;
                unlisted += LatinNames.isName(w) ? 0 : 1;
            } else if (!(INITIALS.matcher(w).matches() || i > 0 && i < words.length - 1 && NAME_PARTICLES.contains(w))) {
                return false;
            }
        }
        // four capitalised words or five: every one a name of the lists (not Sarah Johnson Sales Manager)
        return full >= 2 && full * 2 > words.length - 1 && (full <= 3 || unlisted == 0);
    }

    /** One to three initials, each a capital with a full stop (S., W.M.), or one capital alone in the middle of a name. */
    private static final java.util.regex.Pattern INITIALS = java.util.regex.Pattern.compile("(?:[A-Z]\\.){1,3}|[A-Z]");
    /** The particles inside a family name (da Silva, van der Berg, bin Ahmad). */
    private static final java.util.Set<String> NAME_PARTICLES = java.util.Set.of("da", "de", "do", "dos", "das", "del", "della",
            "di", "du", "van", "von", "der", "den", "le", "la", "bin", "binti", "al", "el");
}
