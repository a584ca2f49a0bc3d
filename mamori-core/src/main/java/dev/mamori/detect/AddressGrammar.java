package dev.mamori.detect;

import dev.mamori.data.DataFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The part of a Japanese address after the municipality: 町名 (霞が関, 大字…字…), 丁目 in arabic or
 * kanji numerals, 番地/番/号, block numbers (1-2-3, １－２－３, 一の二, 2番地の1), 北1条西2丁目, and a
 * building with its room (梅田ビル3F, ○○マンション 301号室). Ends at punctuation, a line end, a double
 * space, a phone number, or wherever the address grammar stops: an era year (令和3年), a number that counts (2020年,
 * 3人: the counters of {@code address-words.tsv}), a citation (条例第3号), an office (総務部人事課), の before a person
 * (山下町の会社員). A one-character stop word (長, 内, 民, 立, …: 市長, 市内) does not stop a town name that is followed
 * by block numbers (長池1-2-3, 内本町2丁目).
 */
final class AddressGrammar {

    /** How far the rest of an address may reach past the municipality. */
    static final int MAX_REST = 80;

    private static final String[] UNITS = {"丁目", "番地", "番町", "番", "号室", "号棟", "号", "地割", "条", "線", "階", "室", "棟", "F", "Ｆ", "f"};
    private static final String SEPARATORS = "-－‐−ー―‑の之ノ";
    private static final String KANJI_DIGITS = "〇一二三四五六七八九十百千";
    private static final String[] STOP = {"在住", "在勤", "在学", "出身", "内", "周辺", "付近", "方面", "地域", "全域", "全体", "以外", "役所",
        "役場", "議会", "議", "長", "民", "立", "駅", "庁", "警察", "警", "消防", "教育", "教委", "知事", "職員", "幹部", "当局", "担当",
        "など", "等"};
    private static final String[] ERAS = {"令和", "平成", "昭和", "大正", "明治"};
    private static final List<String> AFTER_NO = new ArrayList<>();
    private static final List<String> COUNTERS = new ArrayList<>();

    static {
        for (DataFile.Row r : DataFile.read(AddressGrammar.class, "address-words.tsv")) {
            (r.field(0).equals("COUNTER") ? COUNTERS : AFTER_NO).add(r.field(1));
        }
    }
    /**
     * The fields of a property's description after its address and a blank, in 登記, 財産目録 and 損害調査 papers (宅地 165,
     * 持分2分の1, 木造2階建, 建物の名称): no building of the address.
     */
    private static final String[] PROPERTY_FIELDS = {"宅地", "持分", "木造", "鉄骨", "鉄筋", "軽量鉄骨", "地目", "地積", "床面積", "種類",
        "構造", "建物の名称", "家屋番号", "地番", "雑種地", "山林", "原野"};

    /** One of {@code words} at {@code i}, then a digit, a blank or the end (宅地 165, 木造2階建; not 木造アパート, a building). */
    private static boolean startsWithAny(String text, int i, String[] words) {
        for (String w : words) {
            int e = i + w.length();
            if (text.startsWith(w, i) && (e >= text.length() || isDigit(text.charAt(e)) || isSpace(text.charAt(e)))) {
                return true;
            }
        }
        return false;
    }

    /** Words that end an address wherever they occur. */
    private static final String[] HARD_STOP = {"電話", "携帯", "TEL", "Tel", "tel", "ＴＥＬ", "℡", "FAX", "Fax", "ＦＡＸ", "〒"};
    private static final String[] BUILDINGS = {"ビル", "マンション", "ハイツ", "コーポ", "レジデンス", "タワー", "荘", "棟", "館", "アパート",
        "ハウス", "メゾン", "パレス", "プラザ", "ヒルズ", "コート", "ガーデン", "テラス", "センター", "会館", "寮", "団地", "住宅", "ハイム",
        "ヴィラ", "シティ", "フォレスト", "レジデンシャル", "キャッスル", "荘園", "号室", "階",
        // as half-width forms and old systems print them (盛岡市上田四丁目１９－２２　ｺｰﾎﾟ上田Ⅱ　１０３)
        "ﾋﾞﾙ", "ﾏﾝｼｮﾝ", "ﾊｲﾂ", "ｺｰﾎﾟ", "ﾚｼﾞﾃﾞﾝｽ", "ﾀﾜｰ", "ｱﾊﾟｰﾄ", "ﾊｳｽ", "ﾒｿﾞﾝ", "ﾊﾟﾚｽ", "ﾌﾟﾗｻﾞ", "ﾋﾙｽﾞ", "ｺｰﾄ", "ｶﾞｰﾃﾞﾝ",
        "ﾃﾗｽ", "ﾊｲﾑ"};

    /** The committed end and whether block numbers were seen. */
    record Rest(int end, boolean numbers, boolean town) {
    }

    private AddressGrammar() {
    }

    static Rest parse(String text, int p) {
        int guard = Math.min(text.length(), p + MAX_REST);
        int q = p;
        int end = p;
        boolean numbers = false;
        boolean town = false;
        int names = 0;
        while (q < guard) {
            char c = text.charAt(q);
            if (q == p && Morphology.isHiragana(c)) { // みたけ5丁目: a town in kana
                int r = q;
                while (r < guard && r - q < 8 && (Morphology.isHiragana(text.charAt(r)) || isNameStart(text.charAt(r)))) {
                    r++;
                }
                int h = q;
                while (h < r && Morphology.isHiragana(text.charAt(h))) {
                    h++;
                }
                if ("のでにはがをともへやか".indexOf(c) >= 0 && !(h - q >= 3 && h < r)) {
                    break; // a particle, unless it starts three kana and a kanji of a town's (はりまや町, ときわ町)
                }
                if (r < guard && (isDigit(text.charAt(r)) || numeralGroupAt(text, r, guard)) && unitAfter(text, r, guard)) {
                    q = r;
                    names++;
                    continue;
                }
                if (r - q >= 2 && r + 1 < guard && isSpace(text.charAt(r)) && blockNumbers(text, r + 1, guard)) {
                    q = r + 1; // みなとみらい 2-2-1
                    names++;
                    continue;
                }
                break;
            }
            if (isDigit(c) || numeralGroupAt(text, q, guard)) {
                int g = numberGroup(text, q, guard);
                if (g == q) {
                    break; // 2020年, 3人: a count, not a block number
                }
                q = g;
                end = q;
                numbers = true;
                continue;
            }
            if (isNameStart(c)) {
                int stop = stopAt(text, q);
                if ((stop > 0 && !(stop == 1 && blockNumbersAfter(text, q, guard))) || ++names > 4) {
                    break;
                }
                int r = nameRun(text, q, guard);
                if (r + 1 < guard && text.charAt(r) == 'り' && text.charAt(r - 1) == '通' && (isDigit(text.charAt(r + 1))
                        || numeralGroupAt(text, r + 1, guard))) {
                    r++; // 東中通り二丁目: 通り with its kana, before its numbers
                }
                if (text.charAt(r - 1) == '第' && !chiwariAfter(text, r, guard) || isOffice(text, q, r)) {
                    break; // 条例第3号, 総務部人事課; not 土淵第6地割 (a 地割 of Iwate, numbered with 第)
                }
                if (r < guard && (isDigit(text.charAt(r)) || numeralGroupAt(text, r, guard))) {
                    q = r; // committed by the number that follows
                    continue;
                }
                if (r + 1 < guard && (text.charAt(r) == ' ' || text.charAt(r) == '\u3000') && blockNumbers(text, r + 1, guard)) {
                    q = r + 1; // 港区六本木 6-10-1: one blank typed between the town and its block numbers
                    continue;
                }
                if (!numbers && r - q <= 8 && endsHere(text, r) && !isFacility(text, q, r) && !allKatakana(text, q, r) && !notTown(text, q, r)
                        && !(r - q == 1 && r < text.length() && Morphology.isHiragana(text.charAt(r)))) { // not チーム, 生まれ
                    end = r; // 町名 without block numbers: 東京都千代田区霞が関
                    town = true;
                    break;
                }
                int near = locativeIn(text, q, r);
                if (!numbers && near > q + 1 && near - q <= 8 && !isFacility(text, q, near) && !allKatakana(text, q, near)) {
                    end = near; // 常総市水海道諏訪町付近道路, 稲沢市平和町下三宅地内: the town before where in it
                    town = true;
                    break;
                }
                int no = text.indexOf('の', q);
                if (!numbers && no > q + 1 && no < r && no - q <= 8 && !isFacility(text, q, no) && !allKatakana(text, q, no)
                        && !isOffice(text, q, no) && !notTown(text, q, no)) { // not 三沢市上下水道部の主査
                    end = no; // 下田市白浜の海水浴場, 篠ノ井御幣川の球団事務所: the town before の and the place in it
                    town = true;
                    break;
                }
                if (numbers && isBuilding(text, q, r)) {
                    end = r;
                    q = r;
                    continue;
                }
                break;
            }
            if ((c == '（' || c == '(') && numbers && end == q) {
                int close = q + 1;
                while (close < guard && close - q <= 24 && text.charAt(close) != '）' && text.charAt(close) != ')' && text.charAt(close) != '\n') {
                    close++;
                }
                if (close < guard && close - q <= 24 && close > q + 2 && text.charAt(close) != '\n' && hasBuildingWord(text, q + 1, close)
                        && Chars.hasDigit(text, q + 1, close)) {
                    end = close + 1; // 豊中市上野西2-11-5（ハイツ上野２０１号）: the building and its room in brackets
                }
                break;
            }
            if (isSpace(c) && numbers && q + 1 < guard && !isSpace(text.charAt(q + 1)) && stopAt(text, q + 1) == 0
                    && !startsWithAny(text, q + 1, PROPERTY_FIELDS)) {
                int r = q + 1;
                while (r < guard && !isSpace(text.charAt(r)) && !isTerminator(text.charAt(r)) && r - q <= 30) {
                    r++;
                }
                r = roomEnd(text, q + 1, r);
                if (isBuilding(text, q + 1, r)) {
                    end = r;
                    q = r;
                    continue;
                }
                int room = namedBuildingAndRoom(text, q + 1, r);
                if (room > r) {
                    end = room; // 大通西20丁目3-15 グランメール円山 502: a building's name, then its room ending the line
                    q = room;
                    continue;
                }
            }
            break;
        }
        return new Rest(end, numbers, town);
    }

    /** Digits or kanji numerals with their units and separators: 1-2-3, 一丁目2番2号, 2番地の1, 3F. */
    /** Block numbers with a separator at {@code q} (6-10-1, 2の13の5), not a lone number (a count, a year, a phone's area). */
    private static boolean blockNumbers(String text, int q, int guard) {
        int d = q;
        while (d < guard && isDigit(text.charAt(d))) {
            d++;
        }
        if (d == q || d - q > 4 || text.charAt(q) == '0' || text.charAt(q) == '０') {
            return false; // not a phone (03-…) or a code
        }
        if (d - q == 4) { // 見付 2989-3: a rural lot's four digits and one more group, not a date (2024-12-01) nor a range
            int e = d + 1;
            while (e < guard && isDigit(text.charAt(e))) {
                e++;
            }
            boolean year = text.charAt(q) == '1' || text.charAt(q) == '2' || text.charAt(q) == '１' || text.charAt(q) == '２';
            int after = e;
            while (after < text.length() && after - e < 2 && isSpace(text.charAt(after))) {
                after++;
            }
            return d < guard && "-－‐−".indexOf(text.charAt(d)) >= 0 && e - d - 1 >= 1 && e - d - 1 <= (year ? 1 : 4)
                    && (e >= text.length() || !isDigit(text.charAt(e)) && "-－‐−〜~".indexOf(text.charAt(e)) < 0)
                    && (after >= text.length() || "年月日".indexOf(text.charAt(after)) < 0); // not 2024-4 月
        }
        if (d - q == 3 && d + 5 <= guard && SEPARATORS.indexOf(text.charAt(d)) >= 0 && isDigit(text.charAt(d + 1))
                && isDigit(text.charAt(d + 4)) && (d + 5 == text.length() || !isDigit(text.charAt(d + 5)))) {
            return false; // 100-0001: a postal code's shape
        }
        int g = numberGroup(text, q, guard);
        for (int i = q; i < g; i++) {
            if (SEPARATORS.indexOf(text.charAt(i)) >= 0) {
                return g >= text.length() || !isDigit(text.charAt(g)) && text.charAt(g) != '-';
            }
        }
        return g > d && (text.startsWith("番地", d) || text.charAt(d) == '番' || text.startsWith("丁目", d)) // 下之郷 812番地3
                && (g >= text.length() || !Morphology.isKanji(text.charAt(g))); // not 3番線
    }

    /**
     * The end of a hyphen, one Latin letter and up to four digits (-A201, -B) at {@code q}, then no more letters or digits;
     * else {@code q}.
     */
    private static int letteredRoom(String text, int q, int guard) {
        if (q + 1 >= guard || SEPARATORS.indexOf(text.charAt(q)) < 0) {
            return q;
        }
        char c = text.charAt(q + 1);
        if (!(c >= 'A' && c <= 'Z' || c >= 'Ａ' && c <= 'Ｚ')) {
            return q;
        }
        int r = q + 2;
        while (r < guard && r - q - 2 < 4 && isDigit(text.charAt(r))) {
            r++;
        }
        boolean alone = r >= text.length() || !(Character.isLetterOrDigit(text.charAt(r)) && text.charAt(r) < 0x3000
                || text.charAt(r) >= 'Ａ' && text.charAt(r) <= 'ｚ' || isDigit(text.charAt(r)));
        return alone ? r : q;
    }

    private static int numberGroup(String text, int q, int guard) {
        int origin = q;
        while (q < guard) {
            int start = q;
            while (q < guard && isDigit(text.charAt(q))) {
                q++;
            }
            if (q == start) {
                while (q < guard && KANJI_DIGITS.indexOf(text.charAt(q)) >= 0) {
                    q++;
                }
            }
            if (q == start) {
                break;
            }
            int unit = unitAt(text, q, guard);
            if (unit == 0 && counterAt(text, q)) {
                return start > origin ? start - 1 : start; // 3-15年: the separator goes too
            }
            q += unit;
            if (q < guard && SEPARATORS.indexOf(text.charAt(q)) >= 0 && q + 1 < guard
                    && (isDigit(text.charAt(q + 1)) || numeralAlone(text, q + 1, guard))) {
                q++;
                continue;
            }
            if (unit > 0 && q < guard && (isDigit(text.charAt(q)) || numeralGroupAt(text, q, guard))) {
                continue;
            }
            if (unit > 0 && q + 1 < guard && isSpace(text.charAt(q)) && isDigit(text.charAt(q + 1)) && !isSpace(text.charAt(q - 1))) {
                int r = q + 1;
                while (r < guard && isDigit(text.charAt(r))) {
                    r++;
                }
                int u = unitAt(text, r, guard);
                if (u > 0 && (text.charAt(r) == '番' || text.charAt(r) == '号')) {
                    q++; // ２丁目　３番　５号: a blank typed between the groups, each with its unit
                    continue;
                }
            }
            int room = letteredRoom(text, q, guard);
            if (unit == 0 && room > q && q > origin) {
                return room; // 1-19-2-A201, 3-5-12-B: a building's letter and its room after the block numbers
            }
            if (unit == 2 && text.startsWith("番地", q - 2) && q < guard && numeralAlone(text, q, guard)) {
                int n = q; // 六番地二: the 番地's branch in a kanji numeral, bare
                while (n < guard && KANJI_DIGITS.indexOf(text.charAt(n)) >= 0) {
                    n++;
                }
                if (n - q <= 3 && (n >= text.length() || !Morphology.isHiragana(text.charAt(n)))) {
                    q = n;
                }
            }
            break;
        }
        return q;
    }

    /** Kanji numerals at {@code q} that are a number, not a word's start: 2番地の三, 三ノ十, not 15号の三浦. */
    private static boolean numeralAlone(String text, int q, int guard) {
        int r = q;
        while (r < guard && KANJI_DIGITS.indexOf(text.charAt(r)) >= 0) {
            r++;
        }
        return r > q && (r >= guard || !Morphology.isKanji(text.charAt(r)) || unitAt(text, r, guard) > 0);
    }

    private static int unitAt(String text, int q, int guard) {
        for (String u : UNITS) {
            if (q + u.length() <= guard && text.startsWith(u, q)) {
                return u.length();
            }
        }
        return 0;
    }

    /** Kanji numerals that start a block number: 一丁目, 三番, 一の二, 三－二 (not 四谷, 九段). */
    static boolean numeralGroupAt(String text, int q, int guard) {
        int r = q;
        while (r < guard && KANJI_DIGITS.indexOf(text.charAt(r)) >= 0) {
            r++;
        }
        if (r == q || r >= guard) {
            return false;
        }
        if (unitAt(text, r, guard) > 0 && text.charAt(r) != 'f' && text.charAt(r) != 'F' && text.charAt(r) != 'Ｆ') {
            return true;
        }
        return ("のノ－-‐−".indexOf(text.charAt(r)) >= 0) && r + 1 < guard && KANJI_DIGITS.indexOf(text.charAt(r + 1)) >= 0;
    }

    /** Toponyms' last kanji after が (緑が丘, 自由が丘, 霞が関, 市が谷, 美しが丘): the が is part of the town's name. */
    static final String AFTER_GA = "丘谷崎関原浜島森岡台坂沢池瀬尾峰";

    /**
     * 町名 characters: kanji, katakana, ヶ; hiragana が/の/つ/ケ only between kanji (霞が関, 緑ケ丘), and one more hiragana
     * before such a が (美しが丘).
     */
    private static int nameRun(String text, int q, int guard) {
        int r = q;
        while (r < guard && r - q < 16) {
            char c = text.charAt(r);
            if (r > q && (isDigit(c) || numeralGroupAt(text, r, guard) || hardStopAt(text, r) || placeOfPerson(text, r))) {
                break;
            }
            if (isNameStart(c) || (r > q && (c == 'ー' || c == '・'))) {
                r++;
            } else if (c == 'る' && r > q && "上下入".indexOf(text.charAt(r - 1)) >= 0 && r + 1 < guard && isNameStart(text.charAt(r + 1))) {
                r++; // 四条上る笋町, 七条下る, 烏丸東入る: Kyoto's way from a crossing (上ル, 東入ル) in hiragana, then the town
            } else if (r > q && Morphology.isHiragana(c) && c != 'が' && r + 2 < guard && text.charAt(r + 1) == 'が'
                    && Morphology.isKanji(text.charAt(r - 1)) && AFTER_GA.indexOf(text.charAt(r + 2)) >= 0) {
                r += 2; // 美しが丘
            } else if ((c == 'が' || c == 'の' || c == 'つ' || c == 'ケ' || c == 'ヶ' || c == 'ツ') && r > q && r + 1 < guard
                    && Morphology.isKanji(text.charAt(r - 1))
                    && Morphology.isKanji(text.charAt(r + 1)) && !numeralGroupAt(text, r + 1, guard)
                    && !(c == 'の' && (SUFFIXES.indexOf(text.charAt(r - 1)) >= 0 || startsWithAny(text, r + 1, AFTER_NO)))) {
                r++;
            } else {
                break;
            }
        }
        return r;
    }

    /** Words after a town's name that say what it is to a person (赤坂出身, 真人町生まれ, 港区在住), not part of the name. */
    private static final List<String> OF_PERSON = List.of("出身", "在住", "在勤", "在学", "生まれ", "育ち");

    private static boolean placeOfPerson(String text, int r) {
        return startsWithAny(text, r, OF_PERSON);
    }

    /** Words after a town's name that say where in it (付近道路, 地内), not part of the name. */
    private static final String[] LOCATIVES = {"付近", "周辺", "地内", "地先", "路上", "一帯"};

    /** A {@link #LOCATIVES} word at {@code i} (付近, 路上). */
    static boolean locativeAt(String text, int i) {
        for (String w : LOCATIVES) {
            if (text.startsWith(w, i)) {
                return true;
            }
        }
        return false;
    }

    /** Where the first {@link #LOCATIVES} word in {@code text[q, r)} starts, or -1. */
    private static int locativeIn(String text, int q, int r) {
        for (int i = q + 2; i + 2 <= r; i++) {
            if (locativeAt(text, i)) {
                return i;
            }
        }
        return -1;
    }

    private static final String[] ROOM_UNITS = {"号室", "号", "室"};

    /**
     * A building named without a building word (グランメール円山), a blank, and a room number that ends the line (502,
     * 1203号室): the end of the room number, or -1. The name is kanji or katakana, up to 15 characters.
     */
    private static int namedBuildingAndRoom(String text, int s, int r) {
        if (r - s < 2 || r - s > 15 || r + 1 >= text.length() || !isSpace(text.charAt(r)) || !isNameStart(text.charAt(s))
                && !halfWidthKana(text.charAt(s))) {
            return -1;
        }
        for (int i = s; i < r; i++) {
            char c = text.charAt(i);
            if (!isNameStart(c) && !halfWidthKana(c) && c != 'ー' && c != '・' && !isDigit(c) && !(c == 'の' && i > s)) {
                return -1; // ラ・ルーチェ甲風園, ｸﾞﾗﾝﾂ南14条, ライオンズ光の森
            }
        }
        java.util.regex.Matcher m = ROOM.matcher(text).region(r + 1, Math.min(text.length(), r + 12));
        if (!m.lookingAt()) {
            return -1;
        }
        int d = m.end();
        boolean kana = false;
        for (int i = s; i < r && !kana; i++) {
            kana = Morphology.isKatakana(text.charAt(i)) && text.charAt(i) != 'ー' && text.charAt(i) != '・' || halfWidthKana(text.charAt(i));
        }
        if (!kana && ROOM_WITH_LETTER.matcher(m.group()).matches()) {
            return -1; // 2B after a name in katakana only (フラット壬生 2B), not after any word (鉛筆 2B)
        }
        if (d < text.length() && isSpace(text.charAt(d))) {
            // a blank and what follows it (605 矢吹 真央, 402　携帯 080-…): only after a name in katakana, as buildings are named
            // (ラ・ルーチェ甲風園, ｸﾞﾗﾝﾂ南14条), not a person's or a count's (山田太郎 090…, 先着 100 組, 客席 500 席)
            int after = d;
            while (after < text.length() && isSpace(text.charAt(after))) {
                after++;
            }
            boolean count = after < text.length() && ROOM_COUNTS.indexOf(text.charAt(after)) >= 0;
            return kana && !count && m.end() - (r + 1) >= 3 ? d : -1;
        }
        // the room ends the line
        return d >= text.length() || text.charAt(d) == '\n' || text.charAt(d) == '\r' || isTerminator(text.charAt(d))
                || text.charAt(d) == '（' || text.charAt(d) == '(' ? d : -1;
    }


    /** A room of a number and a letter (2B, 101A). */
    private static final java.util.regex.Pattern ROOM_WITH_LETTER = java.util.regex.Pattern.compile("[0-9０-９]{1,3}[A-EＡ-Ｅ]");

    /** Counters and units that make the number before them a count, not a room (グランフロント 300 円). */
    private static final String ROOM_COUNTS = "個円人件名枚本台冊回点部箱分秒時日年月歳gmk%％組席";

    /**
     * A room: two to four digits with 号室/号/室 (502, 1203号室), a floor and a unit (1F-C, 6F), a wing and a room (E棟-312,
     * B-203), a number and a letter (2B), or kanji numerals (二〇一).
     */
    private static final java.util.regex.Pattern ROOM = java.util.regex.Pattern.compile(
            "(?:[A-ZＡ-Ｚ]棟?[-－‐]?)?(?:[0-9０-９]{1,3}[FＦ](?:[-－‐][A-ZＡ-Ｚ0-9０-９]{1,3})?|[0-9０-９]{2,4}(?:号室|号|室)?"
                    + "|[0-9０-９]{1,3}[A-EＡ-Ｅ])"
                    + "(?![0-9０-９A-Za-zＡ-Ｚ])"
                    + "|[〇一二三四五六七八九]{3,4}(?:号室|号|室)?");

    private static boolean halfWidthKana(char c) {
        return c >= '\uFF66' && c <= '\uFF9F';
    }

    /**
     * Where a building run ends: after its room (…305号室) when words follow it without a blank (305号室の桜井です:
     * the sender's name, not the address), else {@code r}.
     */
    private static int roomEnd(String text, int s, int r) {
        for (int i = s + 1; i < r; i++) {
            char c = text.charAt(i);
            char p = text.charAt(i - 1);
            if (Morphology.isHiragana(c) && (isDigit(p) || p == '室' || p == '階' || p == '号' || p == 'F' || p == 'Ｆ')
                    && !(isDigit(p) && hasBuildingWord(text, i, r))) { // not 第2さくら荘: a building's name goes on
                return i;
            }
        }
        return r;
    }

    /** One of the words of a building's name ({@link #BUILDINGS}: ハイツ, マンション, 棟, …) in {@code text[s, r)}. */
    static boolean hasBuildingWord(String text, int s, int r) {
        for (String b : BUILDINGS) {
            for (int i = s; i + b.length() <= r; i++) {
                if (text.startsWith(b, i)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A building or a room (…ビル4F, ハイツ岸本 203, 301): the end of an address after its block numbers. */
    static boolean isBuilding(String text, int s, int r) {
        if (r <= s) {
            return false;
        }
        if (hasBuildingWord(text, s, r)) {
            return true;
        }
        char last = text.charAt(r - 1);
        int digits = 0;
        for (int i = s; i < r; i++) {
            digits += isDigit(text.charAt(i)) ? 1 : 0;
        }
        if (digits >= 9 && (text.charAt(s) == '0' || text.charAt(s) == '０' || text.charAt(s) == '(' || text.charAt(s) == '（')) {
            return false; // a phone number: 0584-73-2290
        }
        if ((text.charAt(s) == '0' || text.charAt(s) == '０') && r + 1 < text.length() && (text.charAt(r) == '(' || text.charAt(r) == '（')
                && isDigit(text.charAt(r + 1))) {
            return false; // a phone's area code before its bracketed exchange: 046(822)4107
        }
        if (isDigit(last)) {
            return true; // a room number: 301, #1203
        }
        if (r - s <= 8 && ROOM.matcher(text).region(s, r).matches()) {
            return true; // 1F-C, E棟-312 after a building's name
        }
        if (r - s >= 2 && (last == 'F' || last == 'Ｆ' || last == '階' || last == '室' || last == '号') && isDigit(text.charAt(r - 2))) {
            return true;
        }
        return numeralRoomAfterKatakana(text, s, r); // グランシャリオ元寺町五〇一号
    }

    /** A name holding katakana, then a room in three or four kanji numerals (五〇一号, 一二〇三号室) ending the run. */
    private static boolean numeralRoomAfterKatakana(String text, int s, int r) {
        int e = r;
        for (String u : ROOM_UNITS) {
            if (text.startsWith(u, e - u.length()) && e - u.length() > s) {
                e -= u.length();
                break;
            }
        }
        int d = e;
        while (d > s && "〇一二三四五六七八九".indexOf(text.charAt(d - 1)) >= 0) {
            d--;
        }
        if (e - d < 3 || e - d > 4 || e == r && d > s && !Morphology.isKatakana(text.charAt(d - 1))) {
            return false;
        }
        for (int i = s; i < d; i++) {
            if (Morphology.isKatakana(text.charAt(i)) && text.charAt(i) != 'ー') {
                return true;
            }
        }
        return false;
    }

    /** Administrative suffixes: の after them is a particle (山下町の会社員), not part of a name (丸の内). */
    private static final String SUFFIXES = "都道府県市区町村郡目";

    private static boolean hardStopAt(String text, int q) {
        for (String s : HARD_STOP) {
            if (text.startsWith(s, q)) {
                return true;
            }
        }
        return eraYearAt(text, q);
    }

    /** 令和3年, 平成元年, 昭和六十年: an era name with a year (名古屋市昭和区 and 大阪市大正区 are not). */
    static boolean eraYearAt(String text, int q) {
        for (String era : ERAS) {
            if (text.startsWith(era, q)) {
                int r = q + era.length();
                int d = r;
                while (d < text.length() && (isDigit(text.charAt(d)) || KANJI_DIGITS.indexOf(text.charAt(d)) >= 0 || text.charAt(d) == '元')) {
                    d++;
                }
                return d > r && d < text.length() && text.charAt(d) == '年';
            }
        }
        return false;
    }

    /** The length of the stop word at {@code q}, 0 when there is none. */
    private static int stopAt(String text, int q) {
        if (hardStopAt(text, q)) {
            return Integer.MAX_VALUE;
        }
        for (String s : STOP) {
            if (text.startsWith(s, q)) {
                return s.length();
            }
        }
        return 0;
    }

    /**
     * A name run from {@code q} followed by block numbers with a unit or separator (長池1-2-3, 内本町2丁目), or by a bare lot
     * number when the run is three characters or more (長良福光2560).
     */
    private static boolean blockNumbersAfter(String text, int q, int guard) {
        int r = nameRun(text, q, guard);
        if (r >= guard) {
            return false;
        }
        if ((isDigit(text.charAt(r)) || numeralGroupAt(text, r, guard)) && unitAfter(text, r, guard)) {
            return true;
        }
        // 岐阜市長良福光2560: a lot number written bare after a town name of three characters or more, not a count (市長選2019年)
        int g = numberGroup(text, r, guard);
        return r - q >= 3 && isDigit(text.charAt(r)) && g - r >= 2 && (g >= text.length() || !Morphology.isKanji(text.charAt(g)));
    }

    /** Whether the number group at {@code r} has a unit or a separator (5丁目, 1-2-3), not bare digits. */
    static boolean unitAfter(String text, int r, int guard) {
        int g = numberGroup(text, r, guard);
        for (int i = r; i < g; i++) {
            if (!isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * 総務部人事課, 市民局, 地域支援課, 上下水道部の主査: a run holding 課, 係 or 局, or 部, 室, 庁 or 署 before の inside it, or
     * ending in 部, 室, 庁, 署 (no number after it).
     */
    private static boolean isOffice(String text, int q, int r) {
        for (int i = q; i < r; i++) {
            char c = text.charAt(i);
            if (c == '課' || c == '係' || c == '局' || "部室庁署".indexOf(c) >= 0 && i + 1 < r && text.charAt(i + 1) == 'の') {
                return true; // 総務課, 上下水道部の主査
            }
        }
        char last = text.charAt(r - 1);
        return "部室庁署".indexOf(last) >= 0 && (r >= text.length() || !isDigit(text.charAt(r)));
    }

    /**
     * Words that follow a municipality's name and are no town of it (高松市選挙区, 山田町派遣の職員, 横浜市在住), and a town's
     * area rather than a place in it (阿仁地区, 沿岸地域).
     */
    private static final Set<String> NOT_TOWNS = Set.of("選挙区", "派遣", "議会", "議員", "職員", "在住", "在勤", "周辺", "全域", "一帯",
            "全体", "内外", "近郊", "郊外");

    private static boolean notTown(String text, int q, int r) {
        for (String w : NOT_TOWNS) {
            if (text.startsWith(w, q)) {
                return true;
            }
        }
        return r - q >= 2 && (text.startsWith("地区", r - 2) || text.startsWith("地域", r - 2) || text.startsWith("方面", r - 2));
    }

    /** Digits and 地割 at {@code i} (第6地割 after 第). */
    private static boolean chiwariAfter(String text, int i, int guard) {
        int j = i;
        while (j < guard && isDigit(text.charAt(j))) {
            j++;
        }
        return j > i && text.startsWith("地割", j);
    }

    /** 博物館, 中央卸売市場, 市営, 小学校: a facility or an organisation named after the place, not a 町名. */
    private static boolean isFacility(String text, int q, int r) {
        for (int i = q; i < r; i++) {
            if (text.charAt(i) == '営') {
                return true;
            }
        }
        return "館園場院校所社会線店堂塾団署協組連".indexOf(text.charAt(r - 1)) >= 0;
    }

    private static boolean allKatakana(String text, int q, int r) {
        for (int i = q; i < r; i++) {
            if (!Morphology.isKatakana(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean counterAt(String text, int q) {
        return startsWithAny(text, q, COUNTERS);
    }

    private static boolean startsWithAny(String text, int q, List<String> words) {
        for (String w : words) {
            if (text.startsWith(w, q)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsHere(String text, int r) {
        if (r >= text.length()) {
            return true;
        }
        char c = text.charAt(r);
        return isTerminator(c) || isSpace(c) || Morphology.isHiragana(c) || c == '\n' || c == '\r' || placeOfPerson(text, r);
    }

    static boolean isTerminator(char c) {
        return "。、，,．.;；:：!！?？()（）「」『』【】[]<>＜＞\"'／/|｜\t\n\r＝=▽◇◆●■□※☎℡".indexOf(c) >= 0;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\u3000';
    }

    static boolean isDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= '０' && c <= '９');
    }

    private static boolean isNameStart(char c) {
        return Morphology.isKanji(c) || (Morphology.isKatakana(c) && c != 'ー') || Character.isSurrogate(c);
    }
}
