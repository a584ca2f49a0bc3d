package dev.mamori.detect;

import java.util.List;
import java.util.Set;

/**
 * Names written after a label in free text, the way forms are filled in: 氏名：山田 太郎,
 * フリガナ：ヤマダ タロウ, 担当者: Taro Yamada, also without a colon (名義 ヤマダ タロウ, 喪主 山田花子),
 * display names in mail headers (From: 山田 太郎 &lt;taro@example.jp&gt;), and a reading in brackets right
 * after a name, 加藤 彩（カトウ アヤ）. The label is any heading that {@link ColumnHints} takes for a name
 * column or a LABEL of {@code name-anchors.tsv}; the value is judged like a cell of such a column
 * ({@link NameCell}), so kana and romanised names, which the morphological dictionary does not tag, are
 * found too. A department or title before the value (申請者 経理部 宇佐美) and a heading after it
 * (西村花子　生年月日) are not part of the name. Chat speakers next to their time ([18:02] Watanabe:,
 * 09:10⇥けんじ⇥, 工藤  13:15) are names. Katakana and romanised names followed by an honorific
 * (ジョン・スミス氏, Taro Yamada様), tagged 人名 by the dictionary, after a role (被告人ロザリオ・ダ・シルバ),
 * before an age or a mail address, after Mr./Ms., and half-width kana names in two parts (ｵｵﾀ ﾏｻﾙ) are
 * found by {@link #foreign}.
 */
final class NameLabels {

    private static final int MAX_LABEL = 12;
    private static final int MAX_VALUE = 24;
    private static final double CONFIDENCE = 0.9;
    /** Values after a name label that are not names (配偶者 あり). */
    private static final Set<String> NOT_NAMES = Set.of("あり", "なし", "有り", "無し", "有", "無", "いる", "いない", "済", "未",
            "不要", "必要", "同左", "同上", "本人", "家族", "ご本人", "別紙", "下記", "上記", "以下", "なし。", "よみがな", "ふりがな",
            "フリガナ", "ヨミガナ", "かな", "カナ", "読み", "よみ", "年齢", "性別", "続柄", "会社名", "店名", "学校名", "施設名", "部署名",
            "団体名", "法人名", "商品名", "屋号", "非公表", "非開示", "匿名", "匿名希望", "名無し", "生徒本人", "児童本人", "利用者本人", "患者本人", "同居の親族", "親族", "同居人", "不明", "未定", "未記入", "記載なし", "空欄", "省略");
    /** Honorifics that make a katakana or romanised word a person's name (not 社長: マクドナルド社長). */
    private static final Set<String> PERSONAL = Set.of("様", "さま", "さん", "氏", "君", "くん", "ちゃん", "殿", "先生", "選手",
            "監督", "コーチ", "容疑者", "被告", "被告人", "被疑者", "投手", "捕手", "騎手", "夫妻", "氏ら", "さんら");
    private static final String[] TRAILING = {"様", "さま", "さん", "殿", "氏", "君", "くん", "ちゃん"};

    private NameLabels() {
    }

    private static final int COLON = 1;
    private static final int BRACKET = 2;
    private static final int DOT = 4;
    private static final int SEAT = 8;
    private static final int TRIANGLE = 16;
    private static final int FUNERAL = 32;
    private static final int ROSTER_LINE = 64;
    // The next three are what AGED ([（(][0-9０-９]) and TRANSCRIBED ([A-Z]…[（(][ァ-ヴー]) need: keep them in step.
    /** An opening bracket before katakana (Rizky Pratama（リズキ・プラタマ）). */
    private static final int BRACKETED_KANA = 128;
    /** An ASCII capital letter. */
    private static final int CAPITAL = 256;
    /** An opening bracket before a digit (an age: 竹下 一郎（45）). */
    private static final int BRACKETED_DIGIT = 512;

    static void find(String text, NameRecognizer r, List<Finding> out) {
        NameAnchors a = NameAnchors.get();
        int marks = 0; // one pass for the characters each pattern below needs: most cells have none of them
        boolean lineStart = true;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (lineStart && ch != ' ' && ch != '\u3000') {
                lineStart = false;
                if (Chars.isDigit(ch) || ch == 'G' || ch == 'D' || ch == 'M' || ch == 'F') {
                    marks |= ROSTER_LINE;
                }
            }
            if (ch == '\n' || ch == '\r' || ch == '\u2028' || ch == '\u2029' || ch == '\u0085') {
                lineStart = true; // where (?m)^ starts a line
            }
            switch (ch) {
                case ':', '：' -> marks |= COLON;
                case '（', '(' -> {
                    marks |= BRACKET;
                    char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
                    if (Chars.isDigit(next)) {
                        marks |= BRACKETED_DIGIT;
                    } else if (next >= 'ァ' && next <= 'ヴ' || next == 'ー') {
                        marks |= BRACKETED_KANA;
                    }
                }
                case '・', '･' -> marks |= DOT;
                case '席' -> marks |= SEAT;
                case '▽', '▼' -> marks |= TRIANGLE;
                case '夜', '式', '葬', '喪' -> marks |= FUNERAL;
                default -> {
                    if (ch >= 'A' && ch <= 'Z') {
                        marks |= CAPITAL;
                    }
                }
            }
        }
        if ((marks & COLON) != 0) {
            speakers(text, r, out); // every speaker pattern has a time, and every time a colon
        }
        nameLines(text, r, out);
        if ((marks & ROSTER_LINE) != 0) {
            rosters(text, r, out); // a line of a team sheet starts with a number or a position (GK, DF, MF, FW)
        }
        if ((marks & BRACKET) != 0 && text.contains("当時")) {
            agedThen(text, out);
        }
        if ((marks & BRACKETED_DIGIT) != 0) {
            aged(text, r, out);
        }
        if ((marks & (BRACKETED_KANA | CAPITAL)) == (BRACKETED_KANA | CAPITAL)) {
            transcribed(text, out);
        }
        if ((marks & DOT) != 0) {
            listedKatakana(text, out);
        }
        if ((marks & SEAT) != 0 && text.contains("出席")) {
            attendance(text, out);
        }
        if ((marks & TRIANGLE) != 0) {
            personnel(text, out);
        }
        if ((marks & FUNERAL) != 0 && (text.contains("通夜") || text.contains("告別式") || text.contains("葬儀") || text.contains("喪主"))) {
            mourners(text, out);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '：' || c == ':') {
                if (mailHeader(text, i, a)) {
                    displayNames(text, i + 1, r, out);
                } else if (labelBefore(text, i, a)) {
                    valueAfter(text, i + 1, r, out);
                }
            } else if (isBlank(c) && i > 0 && !isBlank(text.charAt(i - 1)) && labelBefore(text, i, a) && !tableRow(text, i)) {
                valueAfter(text, i + 1, r, out);
            } else if ((c == '）' || c == ')') && bracketLabel(text, i)) {
                valueAfter(text, i + 1, r, out);
            }
        }
    }

    /**
     * A romanised name with its katakana in brackets after it, as registers of foreign residents write them (SOK PISEY
     * （ソック・ピセイ）, GANBOLD Batbayar（ガンボルド・バトバヤル）): two to five words, as many katakana parts, and each part
     * starting with the sound of its word (all but one; f for h, b for v, k or s for c…), one word a surname in capitals
     * or a name of the lists (not Data Science（データ・サイエンス）), no part a word, a place or a firm the dictionary knows
     * (GRAND OPEN（グランド・オープン）, Burger King, Baker Street), no title (Dr.), and not a place (Los Angeles). Both are the
     * person's name.
     */
    private static final java.util.regex.Pattern TRANSCRIBED = java.util.regex.Pattern.compile(
            "(?<![A-Za-z])([A-Z][A-Za-z'-]*\\.?(?:,? [A-Z][A-Za-z'-]*\\.?){1,4})[（(]([ァ-ヴー]+(?:[・･　 ][ァ-ヴー]+){1,4})[）)]");

    /** First words of places written in Latin letters (Los Angeles, San Francisco, New York). */
    private static final Set<String> PLACE_WORDS = Set.of("Los", "Las", "San", "Santa", "Santo", "New", "Saint", "St", "Mount", "Mt",
            "Lake", "Port", "Fort", "North", "South", "East", "West", "Great", "Little", "The", "Le", "La", "El", "Rio", "Sao");

    private static void transcribed(String text, List<Finding> out) {
        java.util.regex.Matcher m = TRANSCRIBED.matcher(text);
        while (m.find()) {
            String[] words = m.group(1).split(",? ");
            String[] parts = m.group(2).split("[・･　 ]");
            if (words.length != parts.length) {
                continue;
            }
            int misses = 0;
            boolean named = false; // a surname in capitals as registers write it (SOK PISEY), or a name of the lists (Harry)
            boolean word = false; // a katakana part the dictionary knows as a word (グランド・オープン, ベイカー・ストリート)
            for (int k = 0; k < words.length; k++) {
                misses += sounds(Character.toLowerCase(words[k].charAt(0)), parts[k]) ? 0 : 1;
                named |= words[k].length() >= 2 && words[k].equals(words[k].toUpperCase(java.util.Locale.ROOT))
                        || LatinNames.isName(words[k]);
                word |= commonNoun(parts[k]) || placeOrFirm(parts[k]) || TITLES.contains(words[k].replace(".", ""))
                        || ENGLISH_WORDS.contains(words[k].toLowerCase(java.util.Locale.ROOT));
            }
            String joined = String.join("", parts);
            // ニュー・ヨーク: a place or a thing the dictionary knows whole
            boolean thing = placeOrFirm(joined) || Morphology.hasEntry(joined, 0, joined.length(), "名詞-一般");
            if (misses <= 1 && misses < words.length - 1 && !thing && named && !word && !PLACE_WORDS.contains(words[0])) {
                out.add(new Finding(PiiType.PERSON, m.start(1), m.end(1), 0.8, false, m.group(1)));
                out.add(new Finding(PiiType.PERSON, m.start(2), m.end(2), 0.8, false, m.group(2)));
            }
        }
    }

    /** English words of shop signs and notices written in capitals with their katakana (COMING SOON, GRAND OPEN, NEW ARRIVAL). */
    private static final Set<String> ENGLISH_WORDS = Set.of("the", "of", "and", "in", "on", "for", "to", "new", "open", "grand", "coming",
            "soon", "sale", "best", "price", "free", "save", "date", "made", "happy", "year", "welcome", "super", "special", "limited",
            "edition", "arrival", "season", "summer", "winter", "spring", "autumn", "day", "night", "city", "street", "park", "station",
            "hotel", "shop", "store", "cafe", "bar", "club", "team", "project", "system", "service", "center", "centre", "world", "japan",
            "tokyo", "love", "life", "style", "time", "good", "great", "big", "little", "star", "king", "queen", "black", "white", "red");

    /** Titles written before a romanised name, which are not part of it (Dr. Smith, Prof. Tanaka). */
    private static final Set<String> TITLES = Set.of("Dr", "Prof", "Professor", "Mr", "Mrs", "Ms", "Miss", "Captain", "Sir", "Dame",
            "Lord", "Lady", "Rev", "Father", "Sister", "Brother", "Doctor");

    /** A katakana word the dictionary knows as a place, a firm or a thing's proper name (シティ, キング, ストリート). */
    private static boolean placeOrFirm(String w) {
        return Morphology.hasEntry(w, 0, w.length(), "名詞-固有名詞-地域") || Morphology.hasEntry(w, 0, w.length(), "名詞-固有名詞-組織")
                || Morphology.hasEntry(w, 0, w.length(), "名詞-固有名詞-一般");
    }

    /** Whether a katakana word starts with the sound the Latin letter {@code c} writes (within the usual swaps). */
    private static boolean sounds(char c, String kana) {
        for (String h : Romaji.hepburn(kana)) {
            char k = h.isEmpty() ? ' ' : h.charAt(0);
            if (k == c || "fh hf bv vb ck ks ct kc sc tc lr rl jz zj gj jg xs sx qk kq wu uw yi iy".contains("" + c + k)) {
                return true;
            }
        }
        return false;
    }

    /** The ends of the names of halls and buildings in katakana (セレモニーホール, ○○センター). */
    private static final java.util.regex.Pattern FACILITY_END = java.util.regex.Pattern.compile(
            "(?:ホール|センター|ハウス|ルーム|ビル|ホテル|ドーム|アリーナ|プラザ|ガーデン|チャペル)$");

    /** The family words an おくやみ entry ends with before the mourner's given name (長女佐和子, 長男の妻千恵子). */
    private static final String[] FAMILY = {"長男の妻", "次男の妻", "長女の夫", "長男", "次男", "三男", "四男", "長女", "次女", "三女",
        "四女", "妻", "夫", "孫", "弟", "妹", "兄", "姉", "母", "父", "娘", "息子", "おい", "めい"};

    /**
     * The mourner at the end of an おくやみ entry, a family word and a given name glued (…、自宅　長女佐和子, 妻ミツ, 長男の妻千恵子):
     * one to four kanji, or two to six katakana, after a blank, in a text about funerals.
     */
    private static void mourners(String text, List<Finding> out) {
        for (int ls = 0; ls < text.length(); ) {
            int le = text.indexOf('\n', ls);
            le = le < 0 ? text.length() : le;
            int e = le;
            while (e > ls && (isBlank(text.charAt(e - 1)) || text.charAt(e - 1) == '\r')) {
                e--;
            }
            boolean kata = e > ls && Morphology.isKatakana(text.charAt(e - 1));
            found:
            for (int s = e - 2; s > ls && e - s <= (kata ? 6 : 4); s--) {
                if (!(kata ? Morphology.isKatakana(text.charAt(s)) : Morphology.isKanji(text.charAt(s)))) {
                    break;
                }
                for (String f : FAMILY) {
                    int k = s - f.length();
                    if (k > ls && text.startsWith(f, k) && isBlank(text.charAt(k - 1))) {
                        String name = text.substring(s, e);
                        List<Morphology.Token> ts = Morphology.tokens(text, k, e);
                        boolean ownWord = f.length() > 2 || !ts.isEmpty() && ts.get(0).end() == s; // not 姉崎斎場, 父母会館, 母恋
                        if (ownWord && !commonNoun(name) && !NameAnchors.get().is(NameAnchors.Kind.KIN, name, 0, name.length())
                                && (kata ? !placeOrFirm(name) && !FACILITY_END.matcher(name).find() : kanjiName(text, s, e))) {
                            // not 長男夫婦, 長男宅, 父ホール
                            out.add(new Finding(PiiType.PERSON, s, e, 0.8, false, name));
                        }
                        break found;
                    }
                }
            }
            ls = le + 1;
        }
    }

    /**
     * A personnel list's entry, a post, a blank and the person, between ▽ marks (▽税務課長　欠端真理子▽教育委員会事務局長　一ノ渡裕美):
     * a name of three to six kanji that ends with a given name of two or three (真理子, 裕美), whatever its rare surname; the
     * post ends with a post's word (課長, 管理者, 委員, 参与), not 演題, テーマ or 所在地.
     */
    private static final java.util.regex.Pattern PERSONNEL = java.util.regex.Pattern.compile(
            "(?<=[▽▼])[^▽▼\n]{0,20}?(?:長|官|員|者|役|事|監|参与|主幹|主査|参事|補佐)(?:[（(][^）)\n]{1,12}[）)])?[ 　]"
            + "([\\p{IsHan}々ヶノ]{3,6})(?=[▽▼\n]|$)");

    private static void personnel(String text, List<Finding> out) {
        java.util.regex.Matcher m = PERSONNEL.matcher(text);
        while (m.find()) {
            if (givenEnds(text, m.start(1) + 1, m.end(1), 2)) {
                out.add(new Finding(PiiType.PERSON, m.start(1), m.end(1), 0.8, false, m.group(1)));
            }
        }
    }

    /**
     * Who attended a hearing, as a judgment records it: 当裁判所は、検察官七戸孝志、弁護人猪ノ口 遼各出席の上審理し, 付添人檜垣真澄及び
     * 家庭裁判所調査官萩原美咲出席の上. The name is glued to its role, and the dictionary splits unknown ones (七戸 is a town);
     * the clause's shape (roles joined by 、 or 及び, then 出席) says they are people.
     */
    private static final java.util.regex.Pattern ATTENDANCE = java.util.regex.Pattern.compile(
            "(?:主任弁護人|弁護人|検察官|付添人|補佐人|家庭裁判所調査官|調査官|通訳人)([\\p{IsHan}ノヶ々]{2,5}?(?:[ 　][\\p{IsHan}ノヶ々]{1,3}?)?)"
            + "(?=[、，]|及び|並びに|各出席|出席)");

    private static void attendance(String text, List<Finding> out) {
        java.util.regex.Matcher m = ATTENDANCE.matcher(text);
        while (m.find()) {
            int e = text.indexOf("出席", m.end());
            int stop = text.indexOf('。', m.end());
            if (e < 0 || stop >= 0 && stop < e || e - m.end() > 40 || !kanjiName(text, m.start(1), m.end(1))) {
                continue; // not in the sentence that records the attendance, or no name (弁護人全員出席, 検察官両名)
            }
            out.add(new Finding(PiiType.PERSON, m.start(1), m.end(1), CONFIDENCE, false, m.group(1)));
        }
    }

    /**
     * A team sheet's line: a number and a baseball position in brackets (3（遊）ロドリゲス), a football position and a
     * number (DF　5　ジョアン・メデイロス), or a number and a rugby position (3 PR ペニ・ヴァカタワ), then the player.
     */
    private static final java.util.regex.Pattern ROSTER = java.util.regex.Pattern.compile("(?m)^[ 　]*(?:[0-9０-９]{1,2}[ 　]*[（(]"
            + "(?:投|捕|一|二|三|遊|左|中|右|指|DH|打|走)[）)]|(?:GK|DF|MF|FW)[ 　]+[0-9０-９]{1,2}|[0-9０-９]{1,2}[ 　]+"
            + "(?:PR|HO|LO|FL|NO8|No8|SH|SO|WTB|CTB|FB)(?![A-Za-z]))[ 　]*");

    private static void rosters(String text, NameRecognizer r, List<Finding> out) {
        if (!Chars.hasDigit(text, 0, text.length())) {
            return; // every line of a team sheet has a number
        }
        java.util.regex.Matcher m = ROSTER.matcher(text);
        while (m.find()) {
            int s = m.end();
            int e = s;
            while (e < text.length() && e - s < MAX_VALUE && !isBreak(text.charAt(e)) && !doubleBlank(text, e)
                    && "（(　".indexOf(text.charAt(e)) < 0) {
                e++; // a full name keeps its half-width blank (五十嵐 蒼); a wide one or a bracket ends it
            }
            while (e > s && isBlank(text.charAt(e - 1))) {
                e--;
            }
            if (isName(text, s, e, r)) {
                out.add(new Finding(PiiType.PERSON, s, e, CONFIDENCE, false, text.substring(s, e)));
            }
        }
    }

    /**
     * A full name written with a blank and followed by an age in brackets, as news and おくやみ lists write people
     * (▽五百旗頭 キヨ（98）栄町, 会社員　三枝木 櫂（34）): a name even when the dictionary knows neither part. The name starts
     * after a list mark, a blank, a comma or a line break.
     */
    private static final java.util.regex.Pattern AGED = java.util.regex.Pattern.compile(
            "(?:^|(?<=[▽▼・、，\n\t 　]))([\\p{IsHan}々ヶノ]{1,5}[ 　][\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}ー々]{1,5})[（(][0-9０-９]{1,3}[）)]");

    /**
     * A foreign name in katakana, its parts joined by ・, alone on a numbered line of a list or with a note in brackets
     * after it (1　シュレスタ・ビカス, ダワーニャム・バトエルデネ（モンゴル）): a roster's or a result's entry even when the
     * dictionary knows neither part; not when a part is a common noun (1　カフェ・ラテ).
     */
    private static final java.util.regex.Pattern LISTED_KATAKANA = java.util.regex.Pattern.compile("(?m)^[ 　]*([0-9０-９]{1,3}[.．、)）]?[ 　]+)?"
            + "([\\p{IsKatakana}ー]{2,}(?:[・･][\\p{IsKatakana}ー]{2,}){1,3})([ 　]*[（(][^（）()\\n]{1,12}[）)])?[ 　]*$");

    private static void listedKatakana(String text, List<Finding> out) {
        java.util.regex.Matcher m = LISTED_KATAKANA.matcher(text);
        while (m.find()) {
            if (m.group(1) == null && m.group(3) == null) {
                continue;
            }
            int s = m.start(2);
            int e = m.end(2);
            boolean common = false;
            for (int i = s, j; i < e; i = j + 1) {
                j = i;
                while (j < e && text.charAt(j) != '・' && text.charAt(j) != '･') {
                    j++;
                }
                common |= Morphology.ipadicEntry(text, i, j, "名詞-一般") || NameAnchors.get().is(NameAnchors.Kind.ROLE, text, i, j);
            }
            if (!common) {
                out.add(new Finding(PiiType.PERSON, s, e, 0.7, false, text.substring(s, e)));
            }
        }
    }

    /**
     * A name of three to six kanji written whole before the age a judgment or a news report gives it (木佐貫湊（当時16歳）に対し):
     * when it starts with a surname of the lists or ends with a given name, whatever the dictionary makes of it.
     */
    private static final java.util.regex.Pattern AGED_THEN = java.util.regex.Pattern.compile(
            "(?<=[、，。\n\t 　はにがをとの])([\\p{IsHan}々ヶノ]{3,6})[（(]当時[0-9０-９]{1,3}歳[）)]");

    private static void agedThen(String text, List<Finding> out) {
        java.util.regex.Matcher m = AGED_THEN.matcher(text);
        NameAnchors a = NameAnchors.get();
        while (m.find()) {
            int s = m.start(1);
            int e = m.end(1);
            s += relationAt(text, s, a); // 妻美穂（当時35歳）, 母親和美: the person after the relation
            if (e - s < 2) {
                continue;
            }
            if (kanjiName(text, s, e) && a.endingAt(NameAnchors.Kind.ROLE, text, e) == 0 && a.endingAt(NameAnchors.Kind.KIN, text, e) == 0
                    && a.endingAt(NameAnchors.Kind.TITLE, text, e) == 0) {
                out.add(new Finding(PiiType.PERSON, s, e, 0.8, false, text.substring(s, e)));
            }
        }
    }

    /** Relations written before a name that the anchors' family words do not cover whole. */
    private static final String[] RELATIONS = {"内縁の妻", "内縁の夫", "長男の嫁", "元交際相手", "交際相手", "元妻", "元夫", "母親", "父親",
        "義母", "義父", "嫁", "婿", "愛猫", "愛犬"};

    /** The length of a relation (妻, 母親, 内縁の妻) written at {@code s} before a name, or 0. */
    private static int relationAt(String text, int s, NameAnchors a) {
        for (String r : RELATIONS) {
            if (text.startsWith(r, s)) {
                return r.length();
            }
        }
        int k = a.at(NameAnchors.Kind.KIN, text, s);
        return Math.max(k, 0);
    }

    /**
     * Whether kanji (a blank allowed inside) look like a person's name: a surname of the lists at the start, or a given
     * name at the end, and no common word (全員, 両名, 請求).
     */
    private static boolean kanjiName(String text, int s, int e) {
        String v = text.substring(s, e);
        if (commonNoun(v.replace("　", "").replace(" ", ""))) {
            return false;
        }
        for (int k = s + 1; k <= Math.min(e, s + 4); k++) {
            if (Morphology.hasEntry(text, s, k, "名詞-固有名詞-人名-姓")) { // IPADIC, then UniDic's names
                return true; // 七戸孝志, 山田
            }
        }
        return givenEnds(text, s, e, 1);
    }

    /** Whether a given name of the lists, of {@code min} characters or more, ends at {@code e} and starts at or after {@code s}. */
    private static boolean givenEnds(String text, int s, int e, int min) {
        for (int g = Math.max(s, e - 3); g <= e - min; g++) {
            if (Morphology.hasEntry(text, g, e, "名詞-固有名詞-人名-名")) {
                return true;
            }
        }
        return false;
    }

    private static void aged(String text, NameRecognizer r, List<Finding> out) {
        java.util.regex.Matcher m = AGED.matcher(text);
        while (m.find()) {
            int s = m.start(1);
            int e = m.end(1);
            int b = nextBlank(text, s, e);
            NameAnchors a = NameAnchors.get();
            if (isName(text, s, e, r) && !a.is(NameAnchors.Kind.TITLE, text, s, b) && !a.is(NameAnchors.Kind.KIN, text, s, b)
                    && !a.is(NameAnchors.Kind.LABEL, text, s, b) && !residence(text, s, b) // not 委員 竹下（45）: a title and a surname
                    && !a.isPlaceName(text.substring(s, b)) && !a.isPlaceName(text.substring(b + 1, e)) // nor 東京 大阪（2）
                    && !(b - s >= 2 && (NameRecognizer.OCCUPATION_END.indexOf(text.charAt(b - 1)) >= 0 || "工長".indexOf(text.charAt(b - 1)) >= 0))) {
                // nor 板金工　飯塚正男（66）, 校長 …: an occupation or a post before the blank
                out.add(new Finding(PiiType.PERSON, s, e, 0.8, false, text.substring(s, e)));
            }
        }
    }

    /**
     * The speakers of a chat log, a line's name next to its time: [2025-06-11 18:02] Watanabe: …, 09:10⇥けんじ⇥…,
     * kenta_o [11:02], Ogawa, Shota (16:02): …, 工藤  13:15.
     */
    private static void speakers(String text, NameRecognizer r, List<Finding> out) {
        int n = text.length();
        for (int ls = 0; ls < n; ) {
            int le = text.indexOf('\n', ls);
            if (le < 0) {
                le = n;
            }
            speaker(text, ls, le, r, out);
            ls = le + 1;
        }
    }

    private static void speaker(String text, int ls, int le, NameRecognizer r, List<Finding> out) {
        int p = ls;
        int t = time(text, p, le);
        if (t > p) { // time first, then the name, then a colon or a tab
            int s = t;
            while (s < le && isBlank(text.charAt(s))) {
                s++;
            }
            if (s + 2 < le && (text.startsWith("AM", s) || text.startsWith("PM", s) || text.startsWith("am", s)
                    || text.startsWith("pm", s)) && isBlank(text.charAt(s + 2))) {
                s += 3; // 12/24/23, 6:30 PM - Aiko:
            }
            if (s + 1 < le && text.charAt(s) == '-' && isBlank(text.charAt(s + 1))) {
                s += 2; // 12/24/23, 18:30 - Aiko: (a phone's chat export)
            }
            if (s < le && text.charAt(s) == '<') { // [10:03] <tomo> おはよう (IRC)
                int g = s + 1;
                while (g < le && g - s <= 21 && text.charAt(g) != '>') {
                    g++;
                }
                if (g > s + 1 && g < le && text.charAt(g) == '>' && !r.commonWord(text, s + 1, g)) {
                    addSpeaker(text, s + 1, g, r, out);
                }
                return;
            }
            boolean tab = t < le && text.charAt(t) == '\t';
            int e = s;
            while (e < le && e - s <= 20 && text.charAt(e) != ':' && text.charAt(e) != '：' && text.charAt(e) != '\t'
                    && !(text.charAt(e) == ' ' && !Character.isLetter(text.charAt(Math.min(e + 1, le - 1))))) {
                e++;
            }
            int c = e;
            while (c < le && c - e < 4 && (isBlank(text.charAt(c)) || Character.isSurrogate(text.charAt(c)) || text.charAt(c) == '\uFE0F')) {
                c++; // Hiro 🎄: an emoji after the name
            }
            boolean colon = c < le && (text.charAt(c) == ':' || text.charAt(c) == '：');
            if ((colon || tab && e < le && text.charAt(e) == '\t') && e > s && !r.commonWord(text, s, e)) {
                addSpeaker(text, s, e, r, out);
            }
            return;
        }
        // the name first, then the time at the end of the line: kenta_o [11:02], 工藤  13:15, Ogawa, Shota (16:02):
        int e = ls;
        while (e < le && e - ls <= 20 && !isBlank(text.charAt(e)) && text.charAt(e) != '(' && text.charAt(e) != '[') {
            if (text.charAt(e) == ',' && e + 1 < le && text.charAt(e + 1) == ' ') {
                e++;
            }
            e++;
        }
        int q = e;
        while (q < le && isBlank(text.charAt(q))) {
            q++;
        }
        if (q > e || (q < le && (text.charAt(q) == '(' || text.charAt(q) == '['))) {
            int tt = time(text, q, le);
            int afterNote = tt == q ? noteBeforeTime(text, q, le) : -1;
            if (afterNote > 0) {
                tt = time(text, afterNote, le); // Lee, Ji-woo (外部) 14:01: a short note on the speaker, then the time
                q = tt > afterNote ? afterNote : q;
            }
            int z = tt;
            while (z < le && (isBlank(text.charAt(z)) || text.charAt(z) == ':' || text.charAt(z) == '：')) {
                z++;
            }
            boolean colonAfter = tt > q && tt < le && (text.charAt(tt) == ':' || text.charAt(tt) == '：');
            if (tt > q && (z == le || text.charAt(z) == '\r' || colonAfter) && !r.commonWord(text, ls, e) && !dated(text, ls, e)
                    && !NameAnchors.get().is(NameAnchors.Kind.ROLE, text, ls, e) // ショップ 10:20: the shop answering
                    && (colonAfter || notTimetable(text, ls, le))) {
                addSpeaker(text, ls, e, r, out);
            }
        }
    }

    /** A date before the time (R5.8.2 23:14, 2023/8/2 09:00, 8月2日 10:00): digits, an era's letter and marks, no speaker. */
    private static boolean dated(String text, int s, int e) {
        boolean digit = false;
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            digit |= Chars.isDigit(c);
            if (!Chars.isDigit(c) && "./-／．年月日RHSTMrhstm令平昭".indexOf(c) < 0) {
                return false;
            }
        }
        return digit;
    }

    /** After a bracketed note of one to six characters that is not a time ((外部), （ゲスト）) and a blank, the index; or -1. */
    private static int noteBeforeTime(String text, int q, int le) {
        if (q >= le) {
            return -1; // the line ends after the name
        }
        char open = text.charAt(q);
        if (open != '(' && open != '（') {
            return -1;
        }
        for (int p = q + 1; p < le && p - q <= 7; p++) {
            char c = text.charAt(p);
            if (c == ')' || c == '）') {
                int z = p + 1;
                while (z < le && isBlank(text.charAt(z))) {
                    z++;
                }
                return p > q + 1 && z > p + 1 ? z : -1;
            }
            if (Character.isDigit(c) || c == ':') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * Neither the line above nor the line below a name-and-time header [ls, le) is another such header: in a chat
     * a message follows the header, in a timetable (Osaka 10:00 / Kyoto 12:00) headers follow each other.
     */
    private static boolean notTimetable(String text, int ls, int le) {
        if (le + 1 < text.length() && header(text, le + 1, Chars.lineEnd(text, le + 1))) {
            return false;
        }
        if (ls >= 1) {
            int ps = text.lastIndexOf('\n', ls - 2) + 1;
            return !header(text, ps, ls - 1);
        }
        return true;
    }

    /** A line [s, e) made of one word and a time at its end. */
    private static boolean header(String text, int s, int e) {
        int k = s;
        while (k < e && !isBlank(text.charAt(k)) && text.charAt(k) != '(' && text.charAt(k) != '[') {
            k++;
        }
        int q = k;
        while (q < e && isBlank(text.charAt(q))) {
            q++;
        }
        if (k == s || q == k && !(q < e && (text.charAt(q) == '(' || text.charAt(q) == '['))) {
            return false;
        }
        int t = time(text, q, e);
        while (t < e && (isBlank(text.charAt(t)) || text.charAt(t) == '\r')) {
            t++;
        }
        return t > q && t == e;
    }

    /** The longest name that {@link #nameLines} takes for a line of its own. */
    private static final int NAME_LINE = 12;

    /**
     * A chat copied with each speaker's name on a line of its own above the message (LINE's and Teams' copies: みさき⏎
     * ホテルの予約…⏎あやね⏎まじか…): two speakers at least, each a short line of letters that the text repeats, a message
     * below it every time, five such lines in all; each a name as a table's cell would be one, a kana given name or a name in
     * Latin letters, never a common word, a role or a family word (ママ, 了解, 以上).
     */
    private static void nameLines(String text, NameRecognizer r, List<Finding> out) {
        if (!chatExport(text)) {
            return; // a menu, a timetable, lyrics or a script repeat short lines too
        }
        java.util.Map<String, List<int[]>> lines = null;
        int n = text.length();
        for (int ls = 0; ls < n; ) {
            int le = text.indexOf('\n', ls);
            le = le < 0 ? n : le;
            int e = le;
            while (e > ls && (text.charAt(e - 1) == '\r' || isBlank(text.charAt(e - 1)))) {
                e--;
            }
            int next = le + 1;
            boolean message = next < n && text.charAt(next) != '\n' && text.charAt(next) != '\r'; // a message right below
            if (e > ls && e - ls <= NAME_LINE && message && lettersOnly(text, ls, e)) {
                if (lines == null) {
                    lines = new java.util.HashMap<>();
                }
                lines.computeIfAbsent(text.substring(ls, e), k -> new java.util.ArrayList<>()).add(new int[] {ls, e});
            }
            ls = le + 1;
        }
        if (lines == null) {
            return;
        }
        List<List<int[]>> speakers = new java.util.ArrayList<>();
        int total = 0;
        for (java.util.Map.Entry<String, List<int[]>> en : lines.entrySet()) {
            String name = en.getKey();
            int[] at = en.getValue().get(0);
            if (en.getValue().size() >= 2 && !r.commonWord(text, at[0], at[1]) && !organisation(name, r) && !NOT_NAMES.contains(name)
                    && ColumnHints.get().forHeader(name).isEmpty() && !fieldOfNumber(name) && !name.endsWith("口座") // a record's labels
                    && !NameAnchors.get().is(NameAnchors.Kind.KIN, text, at[0], at[1])
                    && !NameAnchors.get().is(NameAnchors.Kind.ROLE, text, at[0], at[1])
                    && speakerName(name)) {
                speakers.add(en.getValue());
                total += en.getValue().size();
            }
        }
        if (speakers.size() < 2 || total < 5) {
            return;
        }
        for (List<int[]> at : speakers) {
            for (int[] x : at) {
                addSpeaker(text, x[0], x[1], r, out);
            }
        }
    }

    /** The words a chat's export or copy starts with, in its first line or two (LINE グループ「…」, [LINE] …のトーク履歴). */
    private static final String[] CHAT_EXPORTS = {"LINE", "トーク", "チャット", "Slack", "Teams", "Chatwork", "Messenger", "Discord",
        "グループ"};

    /** A text whose first two lines name a chat's export: the one place a line of its own is a speaker's name. */
    private static boolean chatExport(String text) {
        int second = text.indexOf('\n');
        second = second < 0 ? text.length() : text.indexOf('\n', second + 1);
        int head = second < 0 ? text.length() : second;
        return namesChat(text, 0, Math.min(head, 200));
    }

    /** {@code text[from, to)} names a chat app or a chat's export (LINE, トーク, Slack, グループ): a chat's title line. */
    static boolean namesChat(String text, int from, int to) {
        for (String w : CHAT_EXPORTS) {
            if (Chars.has(text, w, from, to)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A speaker's name on its own line: a name in Latin letters of the lists, or words the dictionary tags as a person's
     * name, or a kana given name of the lists that the dictionary does not read as one other word (はい, うん, おやすみ,
     * スタンプ, さくら are words; あやね, りょうた are split into pieces, no word).
     */
    private static boolean speakerName(String name) {
        if (LatinNames.isName(name)) {
            return true;
        }
        List<Morphology.Token> ts = Morphology.tokens(name, 0, name.length());
        if (ts.stream().anyMatch(t -> t.is("名詞-固有名詞-人名"))) {
            return true;
        }
        boolean kana = name.chars().allMatch(c -> Morphology.isHiragana(c) || Morphology.isKatakana(c));
        return kana && LatinNames.kanaGiven(name) && !(ts.size() == 1 && (ts.get(0).is("名詞-一般") || ts.get(0).is("名詞-サ変接続")
                || ts.get(0).is("感動詞") || ts.get(0).is("動詞") || ts.get(0).is("形容詞") || ts.get(0).is("副詞")));
    }

    /** Letters only in {@code text[s, e)}, with ・, _ or a blank between them: a name, a handle; not a sentence or a number. */
    private static boolean lettersOnly(String text, int s, int e) {
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (!Character.isLetter(c) && c != 'ー' && !((c == '・' || c == '_' || c == ' ' || c == '\u3000') && i > s)) {
                return false;
            }
        }
        return true;
    }

    private static void addSpeaker(String text, int s, int e, NameRecognizer r, List<Finding> out) {
        while (e > s && isBlank(text.charAt(e - 1))) {
            e--;
        }
        if (e - s < 1 || e - s > 20 || "\"'{".indexOf(text.charAt(s)) >= 0 || s > 0 && text.charAt(s - 1) == '"'
                || s > 0 && Chars.isDigit(text.charAt(s - 1)) && "のがはをにでと".indexOf(text.charAt(s)) >= 0) {
            return; // a JSON key ("request_id": …); a particle glued to a time (16:57の位置：…), not はるか： or のぞみ：
        }
        int b = nextBlank(text, s, e);
        if (b < e && NameAnchors.get().is(NameAnchors.Kind.TITLE, text, s, b)) {
            s = b + 1; // 19:14 - 行政書士 芦原: the title is not the name
        }
        boolean letter = false;
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
            } else if (!(c == '_' || c == '.' || c == '-' || c == ' ' || c == ',' || c == '　' || c == '・' || Character.isDigit(c))) {
                return;
            }
        }
        String name = text.substring(s, e);
        if (letter && !text.startsWith("http", s) && !organisation(name, r) && !NameAnchors.get().is(NameAnchors.Kind.KIN, text, s, e)) {
            out.add(new Finding(PiiType.PERSON, s, e, 0.8, false, name));
        }
    }

    /** A shop or clinic speaking in a chat (ひだまり内科クリニック, 菓子工房こまち, ㈱山田): an organisation's word ends some part of it. */
    private static boolean organisation(String name, NameRecognizer r) {
        if (r.hasCompanyMarker(name)) {
            return true;
        }
        if (name.length() >= 3 && "店局署".indexOf(name.charAt(name.length() - 1)) >= 0) {
            return true; // ハウスリンク本山店, 郵便局, 中央署: a shop's or an office's account, no person's name ends so
        }
        for (int i = 2; i <= name.length(); i++) {
            if (r.endsWithOrgSuffix(name.substring(0, i))) {
                return true;
            }
        }
        return false;
    }

    /** The end of a time stamp at {@code p} ([18:02], 09:10, (16:02), [2025-06-11 18:02]), or {@code p}. */
    private static int time(String text, int p, int le) {
        int q = p;
        char open = q < le ? text.charAt(q) : 0;
        if (open == '[' || open == '(' || open == '［' || open == '（') {
            q++;
        } else {
            open = 0;
        }
        int digits = 0;
        boolean colon = false;
        while (q < le && q - p < 24) {
            char c = text.charAt(q);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == ':' && digits > 0 && q + 1 < le && Character.isDigit(text.charAt(q + 1))) {
                colon = true;
            } else if (c == ',' && digits > 0 && !colon && q + 2 < le && text.charAt(q + 1) == ' ' && Character.isDigit(text.charAt(q + 2))) {
                q++; // 12/24/23, 18:30: a date, a comma and the time
            } else if (!(c == '-' || c == '/' || (c == ' ' && open != 0))) {
                break;
            }
            q++;
        }
        if (!colon || digits < 3) {
            return p;
        }
        if (open != 0) {
            return q < le && (text.charAt(q) == ']' || text.charAt(q) == ')' || text.charAt(q) == '］' || text.charAt(q) == '）') ? q + 1 : p;
        }
        return q;
    }

    /** True when the line goes on with more tabs: a table's row, not a label and its value. */
    private static boolean tableRow(String text, int at) {
        for (int i = at + 1; i < text.length() && i - at < 200; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return false;
            }
            if (c == '\t') {
                return true;
            }
        }
        return false;
    }

    /** True when the word right before {@code at} (a colon or a blank) is a heading for names. */
    private static boolean labelBefore(String text, int at, NameAnchors a) {
        int e = at;
        boolean colon = text.charAt(at) == '：' || text.charAt(at) == ':';
        while (colon && e > 0 && isBlank(text.charAt(e - 1))) {
            e--;
        }
        if (e > 0 && (text.charAt(e - 1) == '）' || text.charAt(e - 1) == ')')) { // 氏名（ローマ字）：, 氏名（カナ） チャン・ティ・ラン
            int open = e - 1;
            while (open > 0 && at - open < 16 && text.charAt(open) != '（' && text.charAt(open) != '(') {
                open--;
            }
            if (text.charAt(open) == '（' || text.charAt(open) == '(') {
                e = open;
            }
        }
        int s = e;
        while (s > 0 && e - s < MAX_LABEL && !isBreak(text.charAt(s - 1)) && !isBlank(text.charAt(s - 1))) {
            s--;
        }
        if (s >= e || (s > 0 && !isBreak(text.charAt(s - 1)) && !isBlank(text.charAt(s - 1)))) {
            return false;
        }
        if (a.endingAt(NameAnchors.Kind.LABEL, text, e) > 0) {
            return true;
        }
        // without a colon only the labels of name-anchors.tsv: a blank after 氏名 in a heading row is not a label
        return colon && ColumnHints.get().forHeader(text.substring(s, e)).contains(PiiType.PERSON);
    }

    /** What a form prints in brackets before the part of a name it asks for: （ﾌﾘｶﾞﾅ）ｴﾝﾄﾞｳ　ｱｲﾘ, （氏）遠藤　（名）愛莉. */
    private static final Set<String> BRACKET_LABELS = Set.of("フリガナ", "ﾌﾘｶﾞﾅ", "ふりがな", "カナ", "ｶﾅ", "氏", "名", "姓",
            "氏名", "漢字", "ローマ字");

    /**
     * A closing bracket at {@code close} ends a label of {@link #BRACKET_LABELS} that follows a name label (氏名（ﾌﾘｶﾞﾅ）,
     * 氏名　（ﾌﾘｶﾞﾅ）), or is （氏）, （姓） or （名） with the other on its line, and the value follows it with no blank.
     */
    private static boolean bracketLabel(String text, int close) {
        if (close + 1 >= text.length() || isBlank(text.charAt(close + 1)) || isBreak(text.charAt(close + 1))) {
            return false;
        }
        int open = text.lastIndexOf(text.charAt(close) == '）' ? '（' : '(', close);
        String label;
        if (open < 0 || close - open > 6 || !BRACKET_LABELS.contains(label = text.substring(open + 1, close))) {
            return false;
        }
        int w = open; // the word before the bracket: a name's label (氏名　（ﾌﾘｶﾞﾅ）), not 住所　（ﾌﾘｶﾞﾅ）
        while (w > 0 && isBlank(text.charAt(w - 1))) {
            w--;
        }
        if (label.length() > 1) { // 氏名（ﾌﾘｶﾞﾅ）: not 住所⏎（フリガナ）, nor （漢字）東京本社
            return NameAnchors.get().endingAt(NameAnchors.Kind.LABEL, text, w) > 0;
        }
        if (!(w == 0 || isBreak(text.charAt(w - 1)) || w < open)) {
            return false;
        }
        // （氏）遠藤　（名）愛莉: a part of a name only in the pair on its line, not （名）東京本社
        int from = Math.max(0, open - 24);
        int to = Math.min(text.length(), close + 24);
        for (int i = open; i > from; i--) {
            if (text.charAt(i - 1) == '\n') {
                from = i;
                break;
            }
        }
        int eol = text.indexOf('\n', close);
        String line = text.substring(from, eol < 0 || eol > to ? to : eol);
        return label.equals("名") ? line.contains("氏）") || line.contains("姓）") || line.contains("氏)") || line.contains("姓)")
                : line.contains("（名）") || line.contains("(名)");
    }

    private static boolean mailHeader(String text, int colon, NameAnchors a) {
        int s = colon;
        while (s > 0 && text.charAt(s - 1) != '\n' && colon - s < 10) {
            s--;
        }
        return (s == 0 || text.charAt(s - 1) == '\n') && a.is(NameAnchors.Kind.MAIL, text, s, colon);
    }

    /** Words of a sender that is an office, a service or a list, not a person (Global Travel Desk, Acme Support Team). */
    private static final Set<String> SENDER_WORDS = Set.of("desk", "team", "support", "center", "centre", "office", "service",
            "services", "info", "information", "admin", "notification", "notifications", "newsletter",
            "helpdesk", "reservations", "department", "dept", "noreply", "no-reply", "system",
            "committee", "secretariat", "inc", "inc.", "ltd", "ltd.", "corp", "corp.", "co.", "llc");

    /** A word of {@code text[s, e)} is one of {@link #SENDER_WORDS}. */
    private static boolean senderWord(String text, int s, int e) {
        for (int w = s; w < e; ) {
            int we = nextBlank(text, w, e);
            if (SENDER_WORDS.contains(text.substring(w, we).toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
            w = we + 1;
        }
        return false;
    }

    /** Mailboxes a system or a desk sends from, whatever their display name (相談フォーム &lt;no-reply@…&gt;). */
    private static final Set<String> SYSTEM_MAILBOXES = Set.of("no-reply", "noreply", "no_reply", "donotreply", "do-not-reply",
            "mailer-daemon", "postmaster", "webmaster", "notification", "notifications", "notify", "system", "form", "forms", "alert",
            "alerts", "newsletter"); // not info@ or support@: a one-person office writes its own name over them

    /** The mailbox in {@code text[s, e)} (no-reply@example.jp) is one of {@link #SYSTEM_MAILBOXES}. */
    private static boolean systemMailbox(String text, int s, int e) {
        int at = text.indexOf('@', s);
        return at > s && at < e && SYSTEM_MAILBOXES.contains(text.substring(s, at).toLowerCase(java.util.Locale.ROOT));
    }

    /** From: 山田 太郎 &lt;taro@example.jp&gt;, "Yamada, Taro" &lt;…&gt;: the display names of a header line. */
    private static void displayNames(String text, int from, NameRecognizer r, List<Finding> out) {
        int eol = text.indexOf('\n', from);
        if (eol < 0) {
            eol = text.length();
        }
        int s = from;
        while (s < eol) {
            int lt = text.indexOf('<', s);
            if (lt < 0 || lt >= eol) {
                return;
            }
            int gt = text.indexOf('>', lt);
            int a = s;
            int b = lt;
            while (a < b && (isBlank(text.charAt(a)) || text.charAt(a) == '"' || text.charAt(a) == ',' || text.charAt(a) == ';')) {
                a++;
            }
            while (b > a && (isBlank(text.charAt(b - 1)) || text.charAt(b - 1) == '"')) {
                b--;
            }
            b = trimHonorific(text, a, b);
            int d = nextBlank(text, a, b);
            if (d < b && NameRecognizer.isDepartment(text, a, d)) {
                a = d + 1; // From: 経理部 前川 <…>
            }
            boolean dept = false;
            for (int w = a; w < b; ) {
                int we = nextBlank(text, w, b);
                dept |= NameRecognizer.isDepartment(text, w, we) || text.startsWith("担当", we - 2) && we - w >= 2;
                w = we + 1;
            }
            dept |= senderWord(text, a, b) || systemMailbox(text, lt + 1, gt < 0 || gt > eol ? eol : gt);
            if (!dept && (b > a && text.indexOf('@', a) >= b || text.indexOf('@', a) < 0)) {
                if (b > a && NameCell.classify(text.substring(a, b), r) != NameCell.Verdict.NAME && d < b
                        && Morphology.hasKanjiOrKatakana(text, a, d)
                        && Morphology.hasEntry(text, d + 1, nextBlank(text, d + 1, b), "名詞-固有名詞-人名-姓")
                        && NameCell.classify(text.substring(d + 1, b), r) == NameCell.Verdict.NAME) {
                    a = d + 1; // From: 西荻ハウジング 大川 <…>: the sender's firm, then the name
                }
                int w = nextBlank(text, a, b);
                if (w - a >= 2 && w < b && commonWord(text.substring(a, w))) {
                    a = w + 1; // 差出人: 総務 早坂 <…>: a section's word, then the name; not 石 一郎
                }
                if (b > a && NameCell.classify(text.substring(a, b), r) == NameCell.Verdict.NAME && text.charAt(b - 1) != '店'
                        && !(b - a >= 2 && commonWord(text.substring(a, b)))) { // not ひまわり薬局 西船橋店, 経理部 請求書送付, 総務; 空 is one
                    out.add(new Finding(PiiType.PERSON, a, b, CONFIDENCE, false, text.substring(a, b)));
                }
            }
            if (gt < 0 || gt >= eol) {
                return;
            }
            s = gt + 1;
        }
    }

    /** An office ending in a title, before the name (更新担当　自主防災会長　岡本　守): not a surname before the title. */
    private static boolean officeTitle(String text, int s, int d) {
        int t = Math.max(NameAnchors.get().endingAt(NameAnchors.Kind.TITLE, text, d), NameAnchors.get().endingAt(NameAnchors.Kind.KIN, text, d));
        return t > 0 && d - t - s >= 2 && !Morphology.hasEntry(text, s, d - t, "名詞-固有名詞-人名-姓");
    }

    /**
     * After the blank at {@code d}, a given name of one to three kanji the dictionary has as one, and the value ends: the word
     * before it is a surname that is also a common word (氏名　神宮寺　剛, お名前　東雲　凛), not a state or an office.
     */
    private static boolean givenNameAfter(String text, int d, int e) {
        int g = d;
        while (g < e && isBlank(text.charAt(g))) {
            g++;
        }
        int end = g;
        while (end < e && !isBlank(text.charAt(end))) {
            end++;
        }
        if (end - g < 1 || end - g > 3 || end < e) {
            return false; // a field after it (白熊　千尋　　性別　女): read as before
        }
        for (int i = g; i < end; i++) {
            if (!Morphology.isKanji(text.charAt(i))) {
                return false;
            }
        }
        return Morphology.hasEntry(text, g, end, "名詞-固有名詞-人名-名") || NameAnchors.get().givenKanji(text.charAt(g)) && end - g == 1;
    }

    /** One to three kanji a given name takes (君尋, 剛): the second word of a label's value, after the surname. */
    private static boolean givenShaped(String text, int s, int e) {
        if (e - s < 1 || e - s > 3) {
            return false;
        }
        for (int i = s; i < e; i++) {
            if (!Morphology.isKanji(text.charAt(i)) || !NameAnchors.get().givenKanji(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A qualification or an occupation of three kanji or more before the name (社会福祉士, 看護師, 会社員), not a surname. */
    private static boolean occupation(String text, int s, int d) {
        if (d - s < 3 || NameRecognizer.OCCUPATION_END.indexOf(text.charAt(d - 1)) < 0
                || Morphology.hasEntry(text, s, d, "名詞-固有名詞-人名-姓")) {
            return false;
        }
        for (int i = s; i < d; i++) {
            if (!Morphology.isKanji(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static void valueAfter(String text, int from, NameRecognizer r, List<Finding> out) {
        int s = from;
        while (s < text.length() && isBlank(text.charAt(s))) {
            s++;
        }
        int whole = longName(text, s);
        if (whole < 0) {
            return; // カスタマー サポート センター, Customer Support Team
        }
        if (whole > s) {
            out.add(new Finding(PiiType.PERSON, s, whole, CONFIDENCE, false, text.substring(s, whole)));
            reading(text, whole < text.length() && isBlank(text.charAt(whole)) ? whole + 1 : whole, out);
            return;
        }
        int e = s;
        while (e < text.length() && e - s < MAX_VALUE && !isBreak(text.charAt(e)) && !doubleBlank(text, e)) {
            e++;
        }
        while (e > s && isBlank(text.charAt(e - 1))) {
            e--;
        }
        int close = e - s >= 2 && QUOTES.indexOf(text.charAt(s)) >= 0 ? text.indexOf(text.charAt(s), s + 1) : -1;
        if (close > s && close < e) {
            s++; // "name": "増田 光", { "name": "千早 ひかる" }: the quotes and what follows them are not part of the value
            e = close;
        }
        if (e <= s) {
            return;
        }
        int d = nextBlank(text, s, e);
        int surname = -1; // a surname that is a common word too, before a given name that ends the value (神宮寺　剛)
        if (d < e && (NameRecognizer.isDepartment(text, s, d) || NameAnchors.get().is(NameAnchors.Kind.TITLE, text, s, d)
                || NameAnchors.get().is(NameAnchors.Kind.KIN, text, s, d) || residence(text, s, d) || commonWord(text.substring(s, d))
                || officeTitle(text, s, d) || occupation(text, s, d))) {
            surname = commonWord(text.substring(s, d)) && givenNameAfter(text, d, e) ? s : -1;
            s = d + 1; // 申請者 経理部 宇佐美, 承認者 部長 岸本, 申請者：東京都練馬区在住　福島 千里, 作成者：経理 大橋, 記録者：社会福祉士 高野
            while (s < e && isBlank(text.charAt(s))) {
                s++;
            }
        }
        // 西村花子　生年月日, 橋本 直樹　TEL: the name is the first word or two, not a heading after it
        int b1 = nextBlank(text, s, e);
        int b2 = b1 < e ? nextBlank(text, b1 + 1, e) : e;
        int end = e;
        if (NameCell.isRomanName(text.substring(s, e))) {
            b1 = e; // Nguyen Van An
        } else if (b1 < e && (NOT_NAMES.contains(text.substring(s, b1))
                || !ColumnHints.get().forHeader(text.substring(s, b1)).isEmpty()) || nameOfThing(text, s, b1)) {
            return; // 氏名　年齢　新旧: a row of headings, not a name under its label; 主治医　医療機関名: another label
        }
        if (b1 < e && (b1 - s > 3 || b2 - b1 - 1 > 4) && Morphology.isKanji(text.charAt(s))) {
            b2 = b1; // 高橋悠真　次回面談: a kanji name in one word, then something else
        }
        if (b1 < e) {
            boolean secondIsHeading = isHeading(text, b1 + 1, b2, r);
            end = secondIsHeading ? b1 : b2;
            if (!secondIsHeading && !isName(text, s, trimHonorific(text, s, end), r) && !givenShaped(text, b1 + 1, trimHonorific(text, b1 + 1, b2))) {
                end = b1;
            }
        }
        end = trimHonorific(text, s, end);
        // a surname of the dictionary, then a given name it does not know (四月一日　君尋, 四ツ谷 剛)
        boolean unknownGiven = b1 < end && givenShaped(text, b1 + 1, end) && isName(text, s, b1, r);
        if (end > s && (isName(text, s, end, r) || unknownGiven)) {
            s = surname >= 0 ? surname : s;
            out.add(new Finding(PiiType.PERSON, s, end, CONFIDENCE, false, text.substring(s, end)));
            reading(text, end < e && isBlank(text.charAt(end)) ? end + 1 : end, out);
        }
    }

    /**
     * A heading that names a thing's name: a common noun of the dictionary and 名 (医療機関名, 会社名, 施設名: each word of
     * it), three characters at least, so that no surname ending in 名 (椎名, 桑名) is one.
     */
    private static boolean nameOfThing(String text, int s, int e) {
        if (e - s < 3 || text.charAt(e - 1) != '名' || !Morphology.isKanji(text.charAt(s))) {
            return false;
        }
        for (Morphology.Token t : Morphology.tokens(text, s, e - 1)) {
            if (!t.is("名詞-一般") && !t.is("名詞-サ変接続")) {
                return false;
            }
        }
        return true;
    }

    private static final String QUOTES = "\"'";

    /** Most words and characters of a foreign name written in full in a form (Maria Aparecida Fujimoto da Silva). */
    private static final int MAX_NAME_WORDS = 6;
    private static final int MAX_LONG_VALUE = 48;
    /** Initials written before a name (W.M. Kasun Bandara Wijesinghe, J. R. Smith). */
    private static final java.util.regex.Pattern INITIALS = java.util.regex.Pattern.compile("(?:[A-Z]\\.){1,3}");
    /** Lower-case particles inside a romanised name (Fujimoto da Silva, van der Berg). */
    private static final Set<String> NAME_PARTICLES = Set.of("da", "de", "do", "dos", "das", "del", "della", "di", "van", "von", "der",
            "den", "la", "le", "bin", "binti", "al");

    /**
     * Where a value of three to six words of one script ends, all romanised (LE VAN TUAN ANH) or all katakana (ヨシダ　コスタ
     * ジュリアナ　アケミ, ｸﾞｴﾝ ｳﾞｧﾝ ﾄｩｱﾝ): a foreign name written in full under its label, which the rule of two words
     * below would cut. It stops at a heading (続柄), a double blank, a line's end, a katakana word of the dictionary after
     * the first (リーダー, ベトナム), and after the last romanised word of the name lists (not Sales Manager); common nouns of
     * the dictionary (カスタマー サポート センター) or a sender's words (Customer Support Team) in a third of its words make it no
     * name: then -1. Else {@code s}.
     */
    private static int longName(String text, int s) {
        int words = 0;
        int i = s;
        int script = 0; // 1 romanised, 2 katakana
        int common = 0;
        int[] ends = new int[MAX_NAME_WORDS];
        boolean[] listed = new boolean[MAX_NAME_WORDS];
        while (i < text.length() && i - s < MAX_LONG_VALUE && words < MAX_NAME_WORDS) {
            int w = i;
            while (w < text.length() && !isBlank(text.charAt(w)) && !isBreak(text.charAt(w))) {
                w++;
            }
            String word = text.substring(i, w);
            boolean particle = words > 0 && script == 1 && NAME_PARTICLES.contains(word);
            int kind = NameCell.isRomanWord(word) || INITIALS.matcher(word).matches() || particle ? 1 : katakanaWord(word) ? 2 : 0;
            if (kind == 0 || script != 0 && kind != script || !ColumnHints.get().forHeader(word).isEmpty() || NOT_NAMES.contains(word)
                    || kind == 1 && FIELD_WORDS.contains(word.toLowerCase(java.util.Locale.ROOT)) || kind == 2 && kanaAffix(word)) {
                break; // John Smith Gender Male, NGUYEN VAN AN VIETNAM, ジョン スミス サマ, サトウ タロウ エイギョウブ
            }
            boolean place = kind == 2 && Morphology.hasEntry(word, 0, word.length(), "名詞-固有名詞-地域");
            if (kind == 1 ? SENDER_WORDS.contains(word.toLowerCase(java.util.Locale.ROOT)) : commonNoun(word) || place) {
                if (kind == 2 && (word.length() >= 3 || place)) {
                    if (words <= 1) {
                        return -1; // カスタマー サポート センター: a word of the dictionary first or second is no name
                    }
                    break; // スズキ イチロウ リーダー, グエン ヴァン アン ベトナム: the name ends before a word of the dictionary
                }
                common++;
            }
            script = kind;
            listed[words] = kind == 2 || particle || INITIALS.matcher(word).matches() || LatinNames.isName(word);
            ends[words++] = w;
            if (w >= text.length() || isBreak(text.charAt(w)) || doubleBlank(text, w)) {
                break;
            }
            i = w + 1;
        }
        if (words >= 3 && common * 3 >= words) {
            return -1;
        }
        boolean initialled = script == 1 && INITIALS.matcher(text.substring(s, ends[0])).matches(); // W.M. Kasun Bandara Wijesinghe
        while (words > 0 && !listed[words - 1] && !initialled) {
            words--; // Sarah Johnson Sales Manager, NGUYEN VAN AN VIETNAM MALE: the name ends at its last listed word
        }
        int end = words > 0 ? ends[words - 1] : s;
        return words >= 3 && !NAME_PARTICLES.contains(text.substring(text.lastIndexOf(' ', end - 1) + 1, end)) ? end : s;
    }

    /** English words of a form's fields, and countries, that follow a romanised name on its line (Gender Male, VIETNAM). */
    private static final Set<String> FIELD_WORDS = Set.of("sex", "gender", "male", "female", "nationality", "date", "birth", "signature",
            "mr", "mrs", "ms", "dr", "occupation", "position", "title", "company", "room", "tel", "phone", "email", "address", "age",
            "no", "number", "passport", "visa", "exp", "gold", "card", "vietnam", "japan", "china", "korea", "philippines", "nepal",
            "indonesia", "brazil", "peru", "usa", "thailand", "myanmar", "india", "mongolia", "cambodia");
    /** Katakana honorifics and words of a firm or a post after a name in kana (サマ, エイギョウブ, カブシキガイシャ, カイシャイン). */
    private static final String[] KANA_AFFIXES = {"サマ", "サン", "ドノ", "クン", "チャン", "ブ", "キヨク", "キョク", "シテン", "ガイシヤ",
        "ガイシャ", "シヤイン", "シャイン"};

    private static boolean kanaAffix(String w) {
        for (String a : KANA_AFFIXES) {
            if (w.endsWith(a) && (a.length() > 1 || w.length() >= 4)) {
                return true;
            }
        }
        return false;
    }

    private static boolean katakanaWord(String w) {
        if (w.isEmpty()) {
            return false;
        }
        for (int k = 0; k < w.length(); k++) {
            char c = w.charAt(k);
            if (!Morphology.isKatakana(c) && c != '・') {
                return false;
            }
        }
        return true;
    }

    /** A word the dictionary knows as one common noun and not as a name (サポート, センター, 夫婦). */
    private static boolean commonNoun(String w) {
        List<Morphology.Token> ts = Morphology.tokens(w, 0, w.length());
        return ts.size() == 1 && (ts.get(0).is("名詞-一般") || ts.get(0).is("名詞-サ変接続"))
                && !Morphology.hasEntry(w, 0, w.length(), "名詞-固有名詞-人名-姓") && !Morphology.hasEntry(w, 0, w.length(), "名詞-固有名詞-人名-名");
    }

    /** Where the person lives, comes from or works, written before the name (東京都練馬区在住, 福岡県出身). */
    private static boolean residence(String text, int s, int d) {
        for (String w : new String[] {"在住", "出身", "在勤", "在学"}) {
            if (d - s > w.length() && text.startsWith(w, d - w.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isName(String text, int s, int e, NameRecognizer r) {
        if (e <= s) {
            return false;
        }
        String v = text.substring(s, e);
        return !NOT_NAMES.contains(v) && !politeNoun(v) && NameCell.classify(v, r) == NameCell.Verdict.NAME && ColumnHints.get().forHeader(v).isEmpty()
                && !NameRecognizer.isDepartment(text, s, e) && !commonWord(v) && !KanaAddress.startsWithPrefecture(v) && !fieldOfNumber(v)
                && !bankFirm(text, s, e) && !r.endsWithOrgSuffix(v) && !placeToken(v);
    }

    /** Three katakana words joined by ・, a Vietnamese surname, then a middle name: ファム・ヴァン・ドゥック, not パン・ティー・セット. */
    private static boolean vietnamese(String text, int i, int j) {
        int a = text.indexOf('・', i);
        int b = a < 0 ? -1 : text.indexOf('・', a + 1);
        if (a <= i || b <= a + 1 || b >= j - 1) {
            return false;
        }
        int c = text.indexOf('・', b + 1);
        return (c < 0 || c >= j) && NameAnchors.get().is(NameAnchors.Kind.VN_MIDDLE, text, a + 1, b)
                && NameAnchors.get().is(NameAnchors.Kind.VN_FAMILY, text, i, a);
    }

    /** A noun made polite by ご or お (手続きのご案内, 各種お知らせ, ご連絡先): a notice's heading, not a name. */
    private static boolean politeNoun(String v) {
        List<Morphology.Token> ts = Morphology.tokens(v, 0, v.length());
        for (int k = 0; k + 1 < ts.size(); k++) {
            if (ts.get(k).is("接頭詞-名詞接続") && ts.get(k).end() - ts.get(k).start() == 1 && "ごお御".indexOf(v.charAt(ts.get(k).start())) >= 0
                    && (ts.get(k + 1).is("名詞-サ変接続") || ts.get(k + 1).is("名詞-一般"))) {
                return true;
            }
        }
        return false;
    }

    /** A place and a facility's word (東京駅, 新宿店): not 千葉 or 鶴見 alone, surnames as often as places. */
    private static boolean placeToken(String v) {
        List<Morphology.Token> ts = Morphology.tokens(v, 0, v.length());
        return ts.size() == 2 && ts.get(0).is("名詞-固有名詞-地域") && "駅店館署局".indexOf(v.charAt(v.length() - 1)) >= 0
                && ts.get(1).end() - ts.get(1).start() == 1;
    }

    /**
     * The kana abbreviations of a firm's legal form in a bank account's holder (全銀協's 口座名義: ｶ) for 株式会社, ﾕ) 有限会社,
     * ｲ) 医療法人, ﾄﾞ) 特定非営利活動法人, ｻﾞｲ) 財団, ｼｬ) 社団, ｶﾞｸ) 学校法人, ﾌｸ) 社会福祉法人), before or after the name:
     * ﾄｳﾎｸﾈｯﾄｿﾘｭｰｼｮﾝ(ｶ, ｶ)ﾔﾏﾀﾞｼｮｳｼﾞ, カ）ヤマダショウジ.
     */
    private static boolean bankFirm(String text, int s, int e) {
        for (String a : new String[] {"ｶ", "ﾕ", "ｲ", "ﾄﾞ", "ｻﾞｲ", "ｼｬ", "ｶﾞｸ", "ﾌｸ", "カ", "ユ", "イ", "ド", "ザイ", "シャ", "ガク", "フク"}) {
            boolean after = (text.startsWith("(", e) || text.startsWith("（", e)) && text.startsWith(a, e + 1)
                    && !Morphology.isKatakana(Chars.at(text, e + 1 + a.length())); // half-width kana too
            boolean before = s > a.length() && (text.charAt(s - 1) == ')' || text.charAt(s - 1) == '）')
                    && text.startsWith(a, s - 1 - a.length());
            if (after || before) {
                return true;
            }
        }
        return false;
    }

    /** A number's label after a person's (被保険者　整理番号 118, 契約者 管理コード): the field the line goes on to, no name. */
    private static boolean fieldOfNumber(String v) {
        for (String end : new String[] {"番号", "記号", "コード", "ＩＤ", "ID", "No.", "No"}) {
            if (v.endsWith(end)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The value's first word is a common word of the dictionary and no name (受付中, 募集中, アップデート after 担当 or 窓口):
     * a state or a thing, not the person the label asks for. Not 森 of 森 太郎, a surname too.
     */
    private static boolean commonWord(String v) {
        int b = 0;
        while (b < v.length() && !isBlank(v.charAt(b))) {
            b++;
        }
        List<Morphology.Token> ts = Morphology.tokens(v, 0, b);
        if (ts.isEmpty()) {
            return false;
        }
        Morphology.Token t = ts.get(0);
        boolean common = t.is("名詞-一般") || t.is("名詞-サ変接続") || t.is("名詞-副詞可能");
        // a noun and 科 or 室 in two kanji is a surname unless a department (鷹科 is a name, 内科 a department; 店側 is neither)
        boolean twoKanji = ts.size() == 2 && b == 2 && (v.charAt(1) == '科' || v.charAt(1) == '室') && !NameRecognizer.isDepartment(v, 0, b);
        return common && (ts.size() == 1 ? t.end() == b : ts.get(1).is("名詞-接尾") && !twoKanji)
                && !Morphology.hasEntry(v, t.start(), t.end(), "名詞-固有名詞-人名-姓")
                && !Morphology.hasEntry(v, t.start(), t.end(), "名詞-固有名詞-人名-名");
    }

    private static boolean isHeading(String text, int s, int e, NameRecognizer r) {
        if (e <= s || e < text.length() && (text.charAt(e) == '：' || text.charAt(e) == ':')) {
            return true; // nothing, or the next label (司会：杉浦　奏楽：土橋)
        }
        for (int i = s; i < e; i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        String w = text.substring(s, e);
        return !ColumnHints.get().forHeader(w).isEmpty() || r.honorificAt(text, s) >= e - s
                || NameAnchors.get().is(NameAnchors.Kind.LABEL, text, s, e);
    }

    private static int nextBlank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (isBlank(text.charAt(i))) {
                return i;
            }
        }
        return to;
    }

    /** The end of the value without a trailing honorific (宮﨑 美咲様, 石川 大翔　様). */
    private static int trimHonorific(String text, int s, int e) {
        for (String h : TRAILING) {
            if (e - s > h.length() + 1 && text.startsWith(h, e - h.length())) {
                e -= h.length();
                while (e > s && isBlank(text.charAt(e - 1))) {
                    e--;
                }
                return e;
            }
        }
        return e;
    }

    /** A kana or romanised reading in brackets right after a name: 加藤 彩（カトウ アヤ）. */
    private static void reading(String text, int at, List<Finding> out) {
        if (at >= text.length() || (text.charAt(at) != '（' && text.charAt(at) != '(')) {
            return;
        }
        int s = at + 1;
        int e = s;
        while (e < text.length() && e - s < MAX_VALUE && text.charAt(e) != '）' && text.charAt(e) != ')' && text.charAt(e) != '\n') {
            e++;
        }
        if (e < text.length() && e > s && (text.charAt(e) == '）' || text.charAt(e) == ')')) {
            String v = text.substring(s, e);
            if (NameCell.isKanaName(v) || NameCell.isRomanName(v)) {
                out.add(new Finding(PiiType.PERSON, s, e, CONFIDENCE, false, v));
            }
        }
    }

    /**
     * Katakana (full or half width, parts joined by ・ or a blank) and romanised names followed by an honorific
     * that only people take: ジョン・スミス氏, ﾔﾏﾀﾞ ﾀﾛｳ様, Taro Yamada様. Words that take honorifics but are not
     * names (ユーザー様, ヘルパーさん: ROLE in {@code name-anchors.tsv}) are skipped.
     */
    static void foreign(String text, int from, int to, List<Morphology.Token> ts, NameAnchors a, List<Finding> out) {
        int n = to;
        for (int i = from; i < n; i++) {
            char c = text.charAt(i);
            boolean kata = Morphology.isKatakana(c) && c != 'ー' && c != 'ｰ';
            boolean latin = c >= 'A' && c <= 'Z';
            if (!kata && !latin || (i > 0 && (Character.isLetter(text.charAt(i - 1)) && !Morphology.isHiragana(text.charAt(i - 1))
                    && !Morphology.isKanji(text.charAt(i - 1)) || text.charAt(i - 1) == '・'))) {
                continue;
            }
            int j = i;
            int parts = 1;
            while (j < n) {
                char d = text.charAt(j);
                if (kata ? Morphology.isKatakana(d) || d == 'ﾞ' || d == 'ﾟ' : Character.isLetter(d) && d < 0x80 || d == '\'' || d == '-') {
                    j++;
                } else if (j + 1 < n && (kata ? (d == '・' || d == '･' || d == '＝' || isBlank(d)) && Morphology.isKatakana(text.charAt(j + 1))
                        : (d == ' ' || d == '.' && j + 2 < n && text.charAt(j + 1) == ' ') && text.charAt(j + 1 + (d == '.' ? 1 : 0)) >= 'A'
                                && text.charAt(j + 1 + (d == '.' ? 1 : 0)) <= 'Z')) {
                    j += d == '.' ? 2 : 1;
                    parts++;
                } else {
                    break;
                }
            }
            int h = j < n && isBlank(text.charAt(j)) ? j + 1 : j;
            String hon = personal(text, h, a);
            int note = j < n ? noteEnd(text, j) : -1;
            if (hon == null && note > 0 && (kata ? parts >= 2 : parts >= 2 && parts <= 3)) {
                hon = personal(text, note, a); // マテウス・エンリケ・ソウザ（Matheus Henrique SOUZA）選手
            }
            if (latin && hon == null && parts >= 2 && parts <= MAX_NAME_WORDS && selfIntroduced(text, i, j)) {
                out.add(new Finding(PiiType.PERSON, i, j, 0.8, false, text.substring(i, j))); // 結愛の母、Mary Joy B. Dela Cruzです
                i = j;
                continue;
            }
            int greeted = latin && hon == null && parts >= 2 && parts <= 4 ? greetedName(text, i, j) : 0;
            if (greeted > 0) {
                out.add(new Finding(PiiType.PERSON, i + greeted, j, 0.75, false, text.substring(i + greeted, j))); // Dear Dmitri,
                i = j;
                continue;
            }
            if (j - i < 2 || parts > 3 || a.endingAt(NameAnchors.Kind.ROLE, text, j) > 0 || a.at(NameAnchors.Kind.ROLE, text, i) == j - i) {
                i = j;
                continue;
            }
            boolean roleBefore = i > 0 && (a.endingAt(NameAnchors.Kind.KIN, text, i) > 0 || a.endingAt(NameAnchors.Kind.TITLE, text, i) > 0
                    || i > 1 && isBlank(text.charAt(i - 1)) && a.endingAt(NameAnchors.Kind.TITLE, text, i - 1) > 0);
            boolean labelBefore = i > 0 && (a.endingAt(NameAnchors.Kind.LABEL, text, i) > 0
                    || i > 1 && isBlank(text.charAt(i - 1)) && a.endingAt(NameAnchors.Kind.LABEL, text, i - 1) > 0);
            if (hon == null && latin && parts >= 3 && (text.startsWith("AM ", i) || text.startsWith("PM ", i)) && mailAfter(text, j)) {
                i += 3; // on … at 8:31 PM Jun Ishikawa <…>
                parts--;
            }
            int suffix = latin && parts <= 2 ? romanisedHonorific(text, i, j) : 0;
            if (hon == null && suffix > 0) {
                for (String g : GREETINGS) { // Hi Keiko-san: the name, not the greeting
                    if (parts == 2 && text.startsWith(g, i) && i + g.length() < j && isBlank(text.charAt(i + g.length()))) {
                        i += g.length() + 1;
                    }
                }
                out.add(new Finding(PiiType.PERSON, i, j - suffix, 0.7, false, text.substring(i, j - suffix))); // Hayashi-san
                i = j;
                continue;
            }
            int courtesy = latin ? courtesyTitle(text, i, j) : 0;
            if (hon == null && courtesy > 0) {
                out.add(new Finding(PiiType.PERSON, i + courtesy, j, 0.8, false, text.substring(i + courtesy, j))); // Mr. John Smith
                i = j;
                continue;
            }
            if (hon == null && latin && parts >= 2 && mailAfter(text, j) && !senderWord(text, i, j)) {
                out.add(new Finding(PiiType.PERSON, i, j, 0.8, false, text.substring(i, j))); // Jun Ishikawa <jun@example.jp>
                i = j;
                continue;
            }
            boolean kinBlank = i > 1 && isBlank(text.charAt(i - 1)) && a.endingAt(NameAnchors.Kind.KIN, text, i - 1) > 0;
            if (hon == null && latin && parts >= 2 && (readingOf(text, i, j, out, a) || kinBlank || labelBefore)) { // 被告人　NGUYEN VAN HUNG
                out.add(new Finding(PiiType.PERSON, i, j, 0.8, false, text.substring(i, j))); // 瀧本 慎太郎（Shintaro Takimoto）
                i = j;
                continue;
            }
            boolean kanjiAfter = j < n && Morphology.isKanji(text.charAt(j)); // ジョージ・ワシントン大学
            if (hon == null && kata && parts >= 2 && !kanjiAfter && !roleWord(text, i, j, a)
                    && !NameRecognizer.namedAfterInKatakana(text, i, j) && (personToken(ts, i, j) || roleBefore || vietnamese(text, i, j)
                    || ageAfter(text, j) || halfWidth(text, i, j) && text.charAt(j - 1) != ')' && (j >= n || text.charAt(j) != ')'))) {
                out.add(new Finding(PiiType.PERSON, i, j, 0.7, false, text.substring(i, j))); // ライアン・テイラー, ｵｵﾀ ﾏｻﾙ
                i = j;
                continue;
            }
            if (hon == null) {
                i = j;
                continue;
            }
            boolean title = !(hon.equals("様") || hon.equals("さま") || hon.equals("殿") || hon.equals("先生"))
                    || hon.equals("先生") && latin && LatinNames.isName(text.substring(i, j)); // Smith先生, not Google先生
            if (parts == 1 && (i > 0 && Morphology.isKanji(text.charAt(i - 1)) || latin && !title && !kinBlank && !roleBefore)) {
                i = j; // 日本マクドナルド社長, Amazon様: a company, not a person; but ご長女 Fiona 様 is one
                continue;
            }
            double conf = parts > 1 ? 0.85 : 0.6;
            out.add(new Finding(PiiType.PERSON, i, j, conf, false, text.substring(i, j)));
            i = j;
        }
    }

    /**
     * The index after a short bracketed note starting at {@code at} (（Matheus Henrique SOUZA）, （25）), after one blank
     * at most, or -1.
     */
    private static int noteEnd(String text, int at) {
        if (text.charAt(at) != '（' && text.charAt(at) != '(') {
            return -1;
        }
        for (int p = at + 1; p < text.length() && p - at <= 40; p++) {
            char c = text.charAt(p);
            if (c == '）' || c == ')') {
                return p + 1 < text.length() && isBlank(text.charAt(p + 1)) ? p + 2 : p + 1;
            }
            if (c == '\n' || c == '（' || c == '(' || c == '。') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * A romanised reading in brackets right after a name already found: 瀧本 慎太郎（Shintaro Takimoto）, also when a
     * note follows it in the brackets (マーガレット・オハラ先生（Margaret O'Hara、名誉教授）).
     */
    private static boolean readingOf(String text, int i, int j, List<Finding> out, NameAnchors a) {
        boolean open = i >= 2 && (text.charAt(i - 1) == '（' || text.charAt(i - 1) == '(');
        boolean close = j < text.length() && (text.charAt(j) == '）' || text.charAt(j) == ')' || text.charAt(j) == '、' || text.charAt(j) == ',');
        if (!open || !close) {
            return false;
        }
        for (Finding f : out) {
            if (f.type() == PiiType.PERSON && f.confidence() >= 0.4
                    && (f.end() == i - 1 || f.end() < i - 1 && a.at(NameAnchors.Kind.HONORIFIC, text, f.end()) == i - 1 - f.end())) {
                return true;
            }
        }
        return false;
    }

    /** True when a part of the run is a ROLE word (ﾌﾘｺﾐ ﾃｽｳﾘｮｳ, ｶﾌﾞｼｷｶﾞｲｼｬ ﾔﾏﾀﾞ). */
    private static boolean roleWord(String text, int from, int to, NameAnchors a) {
        for (int p = from; p < to; ) {
            int e = p;
            while (e < to && !isBlank(text.charAt(e)) && text.charAt(e) != '・' && text.charAt(e) != '･') {
                e++;
            }
            if (a.at(NameAnchors.Kind.ROLE, text, p) == e - p) {
                return true;
            }
            p = e + 1;
        }
        return false;
    }

    private static final String[] GREETINGS = {"Hi", "Hello", "Dear", "Thanks", "Morning"};
    /** Whom a greeting addresses that is no one's name (Dear Customer, Hi all). */
    private static final Set<String> ADDRESSEES = Set.of("All", "Team", "Customer", "Customers", "Sir", "Madam", "Everyone", "Colleagues",
            "Members", "Friends", "Parents", "Guests", "Guest", "Teacher", "Teachers", "Staff", "Folks", "There", "Again", "Mom", "Dad");

    /**
     * The length of the greeting (Dear, Hi, Hello and a blank) that starts the romanised words {@code i..j} when they end
     * the greeting's line or a comma follows (Dear Dmitri, / Hi Haruka⏎) and one is a name of the lists: the rest is the
     * person greeted; else 0.
     */
    private static int greetedName(String text, int i, int j) {
        for (String g : new String[] {"Dear", "Hi", "Hello"}) {
            int k = i + g.length();
            boolean comma = j < text.length() && text.charAt(j) == ',';
            if (!text.startsWith(g, i) || k >= j || text.charAt(k) != ' ' || !comma && (g.equals("Hello") || j < text.length()
                    && !isBreak(text.charAt(j))) || !lineStart(text, i)) {
                continue; // a letter's salutation, at its line's start: not 今夜の映画はDear John, nor Hello Kitty⏎
            }
            k++;
            int w = nextBlank(text, k, j);
            if (w < j && TITLES.contains(text.substring(k, w).replace(".", ""))) {
                k = w + 1; // Dear Ms Kitaura, Dear Prof. Tanaka: the name without the title
            }
            if (!ADDRESSEES.contains(text.substring(k, nextBlank(text, k, j))) && !senderWord(text, k, j) && listed(text, k, j)
                    && !hotelWord(text, k, j)) {
                return k - i;
            }
        }
        return 0;
    }

    /**
     * Romanised words that introduce the writer (…の母、Mary Joy B. Dela Cruzです。, Ananya Iyerと申します): after the line's
     * start, a comma or a topic は, and before です or と申します, one of them a name of the lists (not Google Cloud Platformです).
     */
    private static boolean selfIntroduced(String text, int i, int j) {
        char before = i == 0 ? '\n' : text.charAt(i - 1);
        boolean verb = text.startsWith("と申します", j) || text.startsWith("と言います", j);
        boolean itsMe = text.startsWith("です", j) && (WRITER_BEFORE.matcher(text).region(Math.max(0, i - 12), i).find()); // 結愛の母、
        return (isBreak(before) || before == '、' || before == '，' || before == 'は' || isBlank(before)) && (verb || itsMe)
                && !senderWord(text, i, j) && listed(text, i, j) && !hotelWord(text, i, j);
    }

    /** The writer's relation or role before a romanised name and です: …の母、 / 私は / 担当の. */
    private static final java.util.regex.Pattern WRITER_BEFORE = java.util.regex.Pattern.compile(
            "(?:の(?:母|父|妻|夫|姉|兄|妹|弟|娘|息子|祖母|祖父|保護者)|(?:私|わたし|僕|ぼく)は|担当の|担任の)[、，]?$");
    /** Words of hotels, firms and places written in Latin letters (Dear Hilton Tokyo, Grand Hyatt). */
    private static final Set<String> HOTEL_WORDS = Set.of("Hotel", "Hotels", "Inn", "Resort", "Hyatt", "Hilton", "Marriott", "Sheraton",
            "Westin", "Tokyo", "Kyoto", "Osaka", "Japan", "Station", "Bay", "Grand", "Co", "Inc", "Ltd", "Group", "Bank", "School");

    private static boolean hotelWord(String text, int i, int j) {
        for (String w : text.substring(i, j).split("[ .,]+")) {
            if (HOTEL_WORDS.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Whether only blanks stand between the line's start and {@code i}. */
    private static boolean lineStart(String text, int i) {
        int k = i;
        while (k > 0 && isBlank(text.charAt(k - 1))) {
            k--;
        }
        return k == 0 || text.charAt(k - 1) == '\n' || text.charAt(k - 1) == '\r';
    }

    /** Whether one of the romanised words {@code i..j} is a given name or a surname of the lists (Dmitri, not World). */
    private static boolean listed(String text, int i, int j) {
        for (String w : text.substring(i, j).split("[ .]+")) {
            if (w.length() > 1 && LatinNames.isName(w)) {
                return true;
            }
        }
        return false;
    }

    /** The Japanese honorific written in Latin letters after a romanised name (Hayashi-san, Ito-sensei): its length, or 0. */
    private static int romanisedHonorific(String text, int i, int j) {
        for (String h : new String[] {"-san", "-sama", "-kun", "-chan", "-sensei"}) {
            if (j - i > h.length() + 1 && text.regionMatches(true, j - h.length(), h, 0, h.length())) {
                return h.length();
            }
        }
        return 0;
    }

    /** Dear, Hi or Hello before the title at {@code w} (Dear Ms Kitaura): without its stop, Mr is not Mr Donut. */
    private static boolean greeted(String text, int i, int w) {
        String before = text.substring(Math.max(0, w - 6), w);
        return before.endsWith("Dear ") || before.endsWith("Hi ") || before.endsWith("Hello ");
    }

    /** The word after the title at {@code s} is a name of the lists (Mr Tanaka; not Dr Pepper). */
    private static boolean nameAfter(String text, int s, int j) {
        int e = s;
        while (e < j && Character.isLetter(text.charAt(e))) {
            e++;
        }
        return LatinNames.isName(text.substring(s, e));
    }

    /** Courtesy titles with and without the full stop British English leaves out (Dear Ms Kitaura). */
    private static final String[] COURTESY_TITLES = {"Mr. ", "Ms. ", "Mrs. ", "Dr. ", "Prof. ", "Mr ", "Ms ", "Mrs ", "Dr "};

    /** The length of Mr./Ms./Mrs./Dr. and its blank at the start of a romanised run that goes on with a name, or 0. */
    private static int courtesyTitle(String text, int i, int j) {
        for (int w = i; w < j; w = text.indexOf(' ', w) < 0 ? j : text.indexOf(' ', w) + 1) {
            for (String t : COURTESY_TITLES) {
                if (text.startsWith(t, w) && j > w + t.length() + 1 && Character.isUpperCase(text.charAt(w + t.length()))
                        && (t.endsWith(". ") || greeted(text, i, w) || nameAfter(text, w + t.length(), j))) {
                    return w - i + t.length(); // Mr. John Smith, and Dear Mr. Johnson: the words before the title are not the name
                }
            }
        }
        return 0;
    }

    /** A mail address in angle brackets follows: a display name. */
    private static boolean mailAfter(String text, int j) {
        int p = j < text.length() && text.charAt(j) == ' ' ? j + 1 : j;
        if (p >= text.length() || text.charAt(p) != '<') {
            return false;
        }
        int gt = text.indexOf('>', p);
        int at = text.indexOf('@', p);
        return gt > 0 && at > p && at < gt && gt - p < 100;
    }

    /** An age follows: マテウス・オリヴェイラ　30歳, ジョナタン・フェレイラ（35）. */
    private static boolean ageAfter(String text, int j) {
        int p = j;
        while (p < text.length() && isBlank(text.charAt(p))) {
            p++;
        }
        boolean bracket = p < text.length() && (text.charAt(p) == '（' || text.charAt(p) == '(');
        if (bracket) {
            p++;
        }
        int d = p;
        while (p < text.length() && p - d < 3 && Character.isDigit(text.charAt(p))) {
            p++;
        }
        if (p == d || p >= text.length()) {
            return false;
        }
        char c = text.charAt(p);
        return c == '歳' || bracket && (c == '）' || c == ')');
    }

    /** True when the dictionary tags a word of the run as a person's name (ライアン, テイラー). */
    private static boolean personToken(List<Morphology.Token> ts, int from, int to) {
        for (int i = NameRecognizer.tokenFrom(ts, from); i < ts.size() && ts.get(i).start() < to; i++) {
            if (ts.get(i).end() <= to && ts.get(i).is("名詞-固有名詞-人名")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Half-width kana words, each of at most eight kana not counting the voicing marks (ﾀｶｷﾞ ｼｭﾝｽｹ): a name's
     * reading is short, the words of a form printed in half width often are not (ｺｳﾅｲｷｮｳﾄﾞｳｸﾐｱｲ).
     */
    private static boolean halfWidth(String text, int from, int to) {
        int kana = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                kana = 0;
            } else if (c < 0xFF66 || c > 0xFF9F) {
                return false;
            } else if (c != 'ﾞ' && c != 'ﾟ' && ++kana > 8) {
                return false;
            }
        }
        return true;
    }

    private static String personal(String text, int at, NameAnchors a) {
        int len = a.at(NameAnchors.Kind.HONORIFIC, text, at);
        if (len == 0) {
            return null;
        }
        String h = text.substring(at, at + len);
        return PERSONAL.contains(h) ? h : null;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '　' || c == '\t';
    }

    private static boolean isBreak(char c) {
        return c == '\n' || c == '\r' || c == '（' || c == '(' || c == '）' || c == ')' || c == '、' || c == '。'
                || c == ',' || c == '，' || c == '／' || c == '/' || c == '：' || c == ':' || c == '「' || c == '」'
                || c == '【' || c == '】' || c == '<' || c == '＜';
    }

    private static boolean doubleBlank(String text, int i) {
        return isBlank(text.charAt(i)) && i + 1 < text.length() && isBlank(text.charAt(i + 1));
    }
}
