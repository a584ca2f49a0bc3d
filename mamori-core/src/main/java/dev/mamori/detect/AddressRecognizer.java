package dev.mamori.detect;

import dev.mamori.data.DataFile;
import java.util.List;
import java.util.Set;

/**
 * Finds postal addresses (ADDRESS): a 都道府県 or a known 市区町村 from {@code municipalities.tsv},
 * matched with a {@link Trie} in one pass, followed by the rest of the address
 * ({@link AddressGrammar}). A bare prefecture (東京 in 東京オリンピック, 大阪府 alone), a bare city, or since session 30 a
 * prefecture and a municipality with nothing below them (群馬県大泉町の病院で) is reported with low confidence (below 0.4),
 * so the engine drops it unless context (住所, 〒) lifts it: an address is a place below the municipality, as the
 * labelled sets have it.
 * In a column whose header suggests an address, a cell that starts with a prefecture or
 * municipality, or holds 丁目/番地/番/号 or block numbers, is accepted whole.
 *
 * <p>The lexicon also holds the ケ/ヶ/が/ガ spellings of names written with ケ or ヶ (鎌ケ谷市, 鎌ヶ谷市) and the
 * former municipalities of {@code municipalities-former.tsv} (浦和市, 清水市: merged away, still found in old
 * addresses). {@code 同市}, {@code 同県}, {@code 同町}, … followed by the rest of an address are an address starting at 同
 * when a prefecture or municipality was named earlier in the text (同市浜大津1-2-3 after 大津市); without one, only
 * block numbers make them an address. A run after a prefecture that holds 部, 課, 局 (総務部市町村課) is an office, not a
 * municipality the lexicon lacks.
 */
final class AddressRecognizer implements Recognizer {

    private static final Byte PREFECTURE = 1;
    private static final Byte MUNICIPALITY = 2;
    private static final int MAX_CELL = 200;

    private final Trie<Byte> lexicon = new Trie<>();
    private final ContextWords context;
    private final int municipalities;
    private final KanaAddress kana = new KanaAddress();

    AddressRecognizer() {
        this(ContextWords.get());
    }

    AddressRecognizer(ContextWords context) {
        this.context = context;
        int n = 0;
        for (DataFile.Row r : DataFile.read(AddressRecognizer.class, "municipalities.tsv")) {
            String pref = r.field(0);
            String muni = r.field(1);
            lexicon.put(pref, PREFECTURE);
            putVariants(muni);
            int city = muni.indexOf('市');
            if (city > 0 && city + 2 < muni.length() && muni.endsWith("区")) {
                String ward = muni.substring(city + 1); // 博多区 as well as 福岡市博多区
                if (lexicon.get(ward, 0, ward.length()) == null) {
                    lexicon.put(ward, MUNICIPALITY);
                }
            }
            int gun = muni.indexOf('郡');
            if (gun > 0 && gun + 2 < muni.length() && !muni.endsWith("市")) { // not 小郡市, 大和郡山市
                putVariants(muni.substring(gun + 1)); // 当別町 as well as 石狩郡当別町
                lexicon.put(muni.substring(0, gun + 1), MUNICIPALITY); // 石狩郡, then the town as 町名
            }
            n++;
        }
        municipalities = n;
        for (DataFile.Row r : DataFile.read(AddressRecognizer.class, "municipalities-former.tsv")) {
            if (lexicon.get(r.field(1), 0, r.field(1).length()) == null) {
                putVariants(r.field(1));
            }
        }
    }

    /** A municipality with its ケ/ヶ/が/ガ spellings when it is written with ケ or ヶ between kanji (鎌ケ谷市). */
    private void putVariants(String muni) {
        lexicon.put(muni, MUNICIPALITY);
        for (int i = 1; i + 1 < muni.length(); i++) {
            char c = muni.charAt(i);
            if ((c == 'ケ' || c == 'ヶ') && Morphology.isKanji(muni.charAt(i - 1))) {
                for (char v : KE) {
                    lexicon.put(muni.substring(0, i) + v + muni.substring(i + 1), MUNICIPALITY);
                }
            }
        }
    }

    private static final char[] KE = {'ケ', 'ヶ', 'が', 'ガ'};

    /** How many municipalities the lexicon holds (for tests and reports). */
    int lexiconSize() {
        return municipalities;
    }

    @Override
    public Set<PiiType> types() {
        return Set.of(PiiType.ADDRESS);
    }

    @Override
    public void find(String text, ScanContext ctx, List<Finding> out) {
        if (text == null || text.isEmpty() || ctx == null || !ctx.wants(PiiType.ADDRESS)) {
            return;
        }
        if (ctx.hinted(PiiType.ADDRESS) && acceptCell(text, out)) {
            return;
        }
        int first = out.size();
        scan(text, out); // a failure is the Detector's to count (Detector.failures), not to hide here
        deathNoticeEntries(text, out, first);
        if (ctx.columnHints().isEmpty() || ctx.hinted(PiiType.ADDRESS)) {
            kana.find(text, out, first); // not in a column of another kind (a フリガナ column's names)
        }
        labelled(text, out, first);
        townsAgain(text, out, first);
        within(text, out, first);
        rural(text, out, first);
        romanised(text, out, first);
        buildingLines(text, out, first);
    }

    /** 大字上野字西原１２３４番地, 字西原1234番地, 大字下野８９１, 大字月夜野: a village's 大字 and 字, written without its municipality. */
    private static final java.util.regex.Pattern RURAL = java.util.regex.Pattern.compile(
            "(?<![\\p{IsHan}々])(大字|字)[\\p{IsHan}々ヶケノ]{1,6}?(?:字[\\p{IsHan}々ヶケノ]{1,6}?)?(?=[0-9０-９]|[ 　\\t]|$)",
            java.util.regex.Pattern.MULTILINE);

    /**
     * A rural address below its municipality: 大字 and 字 with their lot number (字西原1234番地, 大字下野８９１), or 大字 and its
     * name alone in a list of households (大字月夜野⇥林 トミ). 字 alone needs its number: 文字, 字幕 and 赤字 are words.
     */
    private static void rural(String text, List<Finding> out, int first) {
        if (text.indexOf('字') < 0) {
            return;
        }
        java.util.regex.Matcher m = RURAL.matcher(text);
        while (m.find()) {
            int s = m.start();
            int p = m.end();
            AddressGrammar.Rest rest = AddressGrammar.parse(text, p);
            int e = rest.numbers() ? Math.max(p, rest.end()) : p;
            if (!rest.numbers() && (!m.group(1).equals("大字") || p - s < 4) || p - s < 3 || !endsAt(text, e)) {
                continue; // not 字幕2行: a 字 of two characters or more, and an address that ends there
            }
            addUnlessFound(text, s, e, rest.numbers() ? 0.85 : 0.6, out, first);
        }
    }

    /**
     * An address written in Latin letters, as forms for abroad and English mail write it: [room and building,] block
     * numbers and town, then a ward, city, town or village by its suffix (-ku, -shi, -cho, -machi, -gun, -mura) and a
     * prefecture or city (3-14-2 Kamimeguro, Meguro-ku, Tokyo; Rm 302, Sunny Court Nishijin, 4-12 Imadegawa-dori Omiya
     * Nishi-iru, Kamigyo-ku, Kyoto). The postal code and "Japan" after it are not part of it.
     */
    private static final java.util.regex.Pattern ROMANISED = java.util.regex.Pattern.compile(
            "(?<![A-Za-z0-9])(?:(?:Rm|Room|Apt|Unit|No)\\.? ?[A-Z]?-?[0-9]{1,4}[A-Z]?, )?"
            + "(?:[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*){0,3}(?: [A-Z]?-?[0-9]{1,4}[A-Z]?)?, )?"
            + "[0-9]{1,4}(?:-[0-9]{1,4}){1,3} [A-Z][a-z]+(?:[- ][A-Za-z][a-z]+){0,5}"
            + ", [A-Z][a-z]+(?:-[A-Z]?[a-z]+)*-(?:ku|shi|cho|machi|gun|mura|son)"
            + "(?:, [A-Z][a-z]+(?:-(?:ken|fu|to))?)?");

    private static void romanised(String text, List<Finding> out, int first) {
        if (text.indexOf("-ku") < 0 && text.indexOf("-shi") < 0 && text.indexOf("-cho") < 0 && text.indexOf("-machi") < 0
                && text.indexOf("-gun") < 0 && text.indexOf("-mura") < 0) {
            return;
        }
        java.util.regex.Matcher m = ROMANISED.matcher(text);
        while (m.find()) {
            addUnlessFound(text, m.start(), m.end(), 0.85, out, first);
        }
    }

    /** A floor written after its number (１４Ｆ, 3階): a building's line even when its name has no building word. */
    private static final java.util.regex.Pattern FLOOR = java.util.regex.Pattern.compile("[0-9０-９]+[FＦ階]");

    /**
     * The building and room written on the line below the street address (宮城県仙台市青葉区一番町４丁目７－１７⏎一番町スクエア１４Ｆ
     * １４０５), indented or not: an address of its own when the line holds a building's word and a number, ends with its
     * room or floor, and holds no label (家屋番号　213番4, お問い合わせ：…) — not 市民センター 10時開館.
     */
    private static void buildingLines(String text, List<Finding> out, int first) {
        int n = out.size();
        for (int f = first; f < n; f++) {
            Finding a = out.get(f);
            if (a.type() != PiiType.ADDRESS || a.end() >= text.length() || text.charAt(a.end()) != '\n') {
                continue;
            }
            int s = a.end() + 1;
            while (s < text.length() && (text.charAt(s) == ' ' || text.charAt(s) == '\u3000')) {
                s++;
            }
            int e = s;
            while (e < text.length() && text.charAt(e) != '\n' && !(e + 1 < text.length() && AddressGrammar.isSpace(text.charAt(e))
                    && AddressGrammar.isSpace(text.charAt(e + 1)))) {
                e++;
            }
            while (e > s && AddressGrammar.isSpace(text.charAt(e - 1))) {
                e--;
            }
            String line = text.substring(s, e);
            char last = e > s ? text.charAt(e - 1) : 0;
            boolean roomLast = Chars.isDigit(last) || "FＦ階号室棟".indexOf(last) >= 0 || last >= 'A' && last <= 'Z' || last >= 'Ａ' && last <= 'Ｚ';
            if (e - s >= 3 && e - s <= 30 && roomLast && Chars.hasDigit(text, s, e)
                    && (AddressGrammar.hasBuildingWord(text, s, e) || FLOOR.matcher(line).find())
                    && !line.contains("番号") && line.indexOf('：') < 0 && line.indexOf(':') < 0) {
                addUnlessFound(text, s, e, 0.8, out, first);
            } else {
                int w = s; // the rest's first word: its room or its numbers, a phone or a note after them on the line
                while (w < e && !AddressGrammar.isSpace(text.charAt(w))) {
                    w++;
                }
                if (w > s && w - s <= 12 && restOnNextLine(text, a, s, w, e)) {
                    addUnlessFound(text, s, w, Math.min(0.8, a.confidence()), out, first);
                }
            }
        }
    }

    /** A room alone (503号室, 404), the rest of an address whose building's name ends its line; not a phone's 0 first. */
    private static final java.util.regex.Pattern ROOM_ONLY = java.util.regex.Pattern.compile("[1-9１-９][0-9０-９]{2,3}(?:号室?)?");
    /** A building's name after the street numbers, at the end of an address: …18番23号　グランメール千代. */
    private static final java.util.regex.Pattern ENDS_WITH_BUILDING = java.util.regex.Pattern.compile(
            "[0-9０-９号番地][ 　]+[^ 　0-9０-９]+$");

    /**
     * The line [s, e) below address {@code a} holds the rest that a line break cut from it: its room, when {@code a} ends
     * with a building's name (グランメール千代⏎503号室); or its block numbers and nothing else, when {@code a} ends with
     * its town or 丁目 (甲府市住吉4丁目⏎2-33, 名取市増田⏎五丁目三ノ十).
     */
    private static boolean restOnNextLine(String text, Finding a, int s, int e, int lineEnd) {
        char prev = text.charAt(a.end() - 1);
        int after = e; // what follows the rest on its line: nothing, or a phone (2-33　055-226-7781)
        while (after < lineEnd && AddressGrammar.isSpace(text.charAt(after))) {
            after++;
        }
        boolean alone = after >= lineEnd || text.charAt(after) == '0' || text.charAt(after) == '０';
        if (ROOM_ONLY.matcher(text).region(s, e).matches()) {
            // a room alone on its line, or written as one (503号室): not 2024 年度, 300 名, 1000 開場
            return (after >= lineEnd || text.charAt(e - 1) == '号' || text.charAt(e - 1) == '室')
                    && ENDS_WITH_BUILDING.matcher(a.value()).find();
        }
        if (!alone || Chars.isDigit(prev) || "号室階FＦ番地".indexOf(prev) >= 0 || !(Morphology.isKanji(prev) || Morphology.isKatakana(prev))
                || Chars.hasDigit(a.value(), 0, a.value().length()) && !a.value().endsWith("丁目")) {
            return false; // its numbers are there already, or the line goes on with other words (2-1 申込方法)
        }
        char c = text.charAt(s);
        if (!Chars.isDigit(c) && "一二三四五六七八九十".indexOf(c) < 0 || c == '0' || c == '０') {
            return false; // a phone's 0 starts no block number
        }
        AddressGrammar.Rest rest = AddressGrammar.parse(text, s);
        return rest.numbers() && rest.end() == e && BLOCK.matcher(text).region(s, e).find();
    }

    /** 市内本町3-4-12, 町内・字上野台４７番地: a town in the municipality the text is about, written after 市内/町内. */
    private static final java.util.regex.Pattern WITHIN = java.util.regex.Pattern.compile("(?<![\\p{IsHan}])[市町区村]内(・)?");
    /** Block numbers as an address writes them: 3-4-12, 2丁目, 47番地 (not 3-4泊, 1階, 3校). */
    private static final java.util.regex.Pattern BLOCK = java.util.regex.Pattern.compile(
            "[0-9０-９]+[-－‐−][0-9０-９]+|丁目|番地|[0-9０-９]+番[0-9０-９]+号?");

    /**
     * A town and its block numbers written after 市内, 町内, 区内 or 村内 (請求者…　市内本町3-4-12): an address in the
     * municipality the text is about, as 同市 is. The span starts at 市内, or after the ・ that separates it.
     */
    private static void within(String text, List<Finding> out, int first) {
        if (text.indexOf('内') < 0) {
            return;
        }
        java.util.regex.Matcher m = WITHIN.matcher(text);
        while (m.find()) {
            AddressGrammar.Rest rest = AddressGrammar.parse(text, m.end());
            int s = m.group(1) != null ? m.end() : m.start();
            boolean town = m.end() < text.length() && (Morphology.isKanji(text.charAt(m.end())) || Morphology.isKatakana(text.charAt(m.end())));
            int e = rest.end();
            if (rest.numbers() && town && e > m.end() && endsAt(text, e) && BLOCK.matcher(text).region(m.end(), e).find()) {
                addUnlessFound(text, s, e, 0.7, out, first);
            }
        }
    }

    /**
     * The town of an address found with its municipality, written again without it and with its block numbers (a 町内会's
     * roster under its heading: （八千代市さくら台3丁目）…会長　長谷部 光男　さくら台3-4-12): the same town, as a word of its own,
     * then block numbers ({@link #BLOCK}).
     */
    private void townsAgain(String text, List<Finding> out, int first) {
        int found = out.size();
        java.util.Set<String> towns = new java.util.HashSet<>();
        for (int k = first; k < found && towns.size() < MAX_TOWNS; k++) {
            Finding f = out.get(k);
            if (f.type() != PiiType.ADDRESS) {
                continue;
            }
            int m = f.start();
            for (int len = lexicon.longest(text, m, f.end()); len > 0 && m < f.end(); len = lexicon.longest(text, m, f.end())) {
                m += len; // the prefecture, the municipality, the ward
            }
            int t = m;
            while (t < f.end() && t - m <= 8 && (Morphology.isKanji(text.charAt(t)) || Morphology.isKatakana(text.charAt(t))
                    || Morphology.isHiragana(text.charAt(t))) && KANJI_NUMERALS.indexOf(text.charAt(t)) < 0) {
                t++;
            }
            if (m == f.start() || t - m < 2 || t - m > 8 || t >= f.end() || !AddressGrammar.isDigit(text.charAt(t))
                    && KANJI_NUMERALS.indexOf(text.charAt(t)) < 0) {
                continue; // no municipality before the town, or no town before the numbers
            }
            String town = text.substring(m, t);
            if (!towns.add(town)) {
                continue; // each town is looked for once: a text of many addresses is not read once per address
            }
            for (int i = text.indexOf(town); i >= 0; i = text.indexOf(town, i + 1)) {
                int e0 = i + town.length();
                if (i > 0 && (Morphology.isKanji(text.charAt(i - 1)) || Morphology.isKatakana(text.charAt(i - 1))
                        || Morphology.isHiragana(text.charAt(i - 1))) || e0 >= text.length() || !AddressGrammar.isDigit(text.charAt(e0))) {
                    continue; // a word of its own, then its numbers
                }
                AddressGrammar.Rest rest = AddressGrammar.parse(text, e0);
                if (rest.numbers() && BLOCK.matcher(text).region(e0, rest.end()).find()) {
                    addUnlessFound(text, i, rest.end(), 0.7, out, first);
                }
            }
        }
    }

    /** How many distinct towns {@link #townsAgain} looks for in one text (a long text of addresses is read at most so often). */
    private static final int MAX_TOWNS = 64;

    /** Kanji numerals, which start a town's block (三丁目), not its name. */
    private static final String KANJI_NUMERALS = "一二三四五六七八九十";

    /** Adds the address {@code text[s, e)} unless a finding from {@code first} on overlaps it. */
    static void addUnlessFound(String text, int s, int e, double confidence, List<Finding> out, int first) {
        if (!Finding.overlapsAny(out, first, s, e)) {
            out.add(new Finding(PiiType.ADDRESS, s, e, confidence, false, text.substring(s, e)));
        }
    }

    /** Nothing at {@code e} goes on with the word: the text ends, or the next character is no kanji or hiragana. */
    private static boolean endsAt(String text, int e) {
        return e >= text.length() || !Morphology.isKanji(text.charAt(e)) && !Morphology.isHiragana(text.charAt(e));
    }

    /** After an address's label, a municipality the lexicon lacks (a new or a misspelt one), then a town and its numbers. */
    private static final java.util.regex.Pattern LABELLED = java.util.regex.Pattern.compile(
            "(?:住所|所在地|本籍|住居|居所)[ 　]*[：:]?[ 　]*([\\p{IsHan}ヶケ]{1,4}[市町村])");

    /**
     * 所在地：掛津市大池2512-1: a municipality the lexicon does not know is taken after an address's label when the
     * address grammar finds a town and block numbers after it.
     */
    private static void labelled(String text, List<Finding> out, int first) {
        if (text.indexOf("住所") < 0 && text.indexOf("所在地") < 0 && text.indexOf("本籍") < 0 && text.indexOf("住居") < 0
                && text.indexOf("居所") < 0) {
            return;
        }
        java.util.regex.Matcher m = LABELLED.matcher(text);
        while (m.find()) {
            int s = m.start(1);
            AddressGrammar.Rest rest = AddressGrammar.parse(text, m.end(1));
            if (rest.numbers() && rest.end() > m.end(1)) {
                addUnlessFound(text, s, rest.end(), 0.8, out, first);
            }
        }
        m = LABELLED_TOWN.matcher(text);
        while (m.find()) {
            int s = m.start(1);
            AddressGrammar.Rest rest = AddressGrammar.parse(text, m.end(1));
            if (rest.numbers() && BLOCK.matcher(text).region(m.end(1), rest.end()).find() && placeName(text, s, m.end(1))) {
                addUnlessFound(text, s, rest.end(), 0.7, out, first);
            }
        }
    }

    /**
     * A town's name: kana in it (美しが丘, さくら台), or a proper noun of the dictionary (港南台), not common nouns alone
     * (本社, 会議室, 別紙, 地下, 倉庫: a building's part or a document's, before its numbers).
     */
    private static boolean placeName(String text, int s, int e) {
        for (int i = s; i < e; i++) {
            if (Morphology.isHiragana(text.charAt(i)) || Morphology.isKatakana(text.charAt(i)) && text.charAt(i) != 'ノ' && text.charAt(i) != 'ヶ') {
                return true;
            }
        }
        return Morphology.tokens(text, s, e).stream().anyMatch(t -> t.is("名詞-固有名詞"));
    }

    /**
     * After an address's label, a town written without its municipality, then its block numbers (a list under the heading
     * of its ward: 住所 港南台3-20-5-102, 住所：みどり台2丁目団地5-304): two to six kanji or kana, then block numbers
     * ({@link #BLOCK}).
     */
    private static final java.util.regex.Pattern LABELLED_TOWN = java.util.regex.Pattern.compile(
            "(?:住所|所在地|住居|居所)[ 　]*[：:]?[ 　]*([\\p{IsHan}ヶケノ\\p{IsHiragana}][\\p{IsHan}ヶケノ\\p{IsHiragana}\\p{IsKatakana}ー]{1,5})(?=[0-9０-９一二三四五六七八九])");

    /**
     * 佐々木キヨ（97）みたけ4丁目・1日死去, 及川勇（73）田老字小林78番地、2日死去: the age in brackets, the place, ・ or 、, the day
     * and 死去 (逝去, 永眠).
     */
    private static final java.util.regex.Pattern DEATH_NOTICE_ENTRY = java.util.regex.Pattern.compile(
            "[）)]([\\p{IsHan}々ヶ\\p{IsHiragana}\\p{IsKatakana}ー0-9０-９－-]{2,14})[・、，,][0-9０-９]{1,2}日(?:に)?(?:死去|逝去|永眠)");

    /**
     * An entry of a paper's death notices written with equals signs: the age, the place, the day (▽照井武（てるい・たけし）
     * 82歳＝石鳥谷町八幡第4地割＝14日、肺がん).
     */
    private static final java.util.regex.Pattern AGE_PLACE_DAY = java.util.regex.Pattern.compile(
            "[0-9０-９]{1,3}歳＝([\\p{IsHan}々ヶ\\p{IsHiragana}\\p{IsKatakana}ー0-9０-９－-]{2,16})＝[0-9０-９]{1,2}日");

    /**
     * The place of an entry of a local paper's death notices (おくやみ), printed under the heading of its municipality
     * (【盛岡市】 / 佐々木キヨ（97）みたけ4丁目・1日死去＝喪主長男正): a town and a block, or a village's 大字 and 字, so below
     * the municipality even with no number (石鳥谷町好地, 日詰字下丸森). Not a municipality alone (花巻市・2日死去).
     */
    /**
     * A place right after a person's age in brackets, as death notices and population columns list them under their
     * municipality's heading (【十和田市】⏎小笠原タケ（９４）東一番町, 山田ハナさん（９２）浪岡大字女鹿沢), in the shape a death notice's
     * place has ({@link #placeBeforeComma}), then the entry's end.
     */
    private static final java.util.regex.Pattern AGE_THEN_PLACE = java.util.regex.Pattern.compile(
            "(?<![0-9０-９])[（(][0-9０-９]{1,3}[）)]([\\p{IsHan}\\p{IsKatakana}][\\p{IsHan}々ヶ\\p{IsKatakana}ー0-9０-９ノの－-]{1,15})(?=[、。,，　 \n]|$)");

    private void deathNoticeEntries(String text, List<Finding> out, int first) {
        if (text.indexOf('）') >= 0 || text.indexOf(')') >= 0) {
            java.util.regex.Matcher m = AGE_THEN_PLACE.matcher(text);
            while (m.find()) {
                int s = m.start(1);
                int e = m.end(1);
                if (placeBeforeComma(text, s, e) && !municipalityAlone(text, s, e)) {
                    Finding.addOver(out, first, new Finding(PiiType.ADDRESS, s, e, 0.7, false, text.substring(s, e)),
                            f -> f.type() == PiiType.ADDRESS && f.confidence() < 0.5 && f.start() >= s && f.end() <= e);
                }
            }
        }
        if (text.indexOf('＝') >= 0 && text.indexOf('歳') >= 0) {
            java.util.regex.Matcher m = AGE_PLACE_DAY.matcher(text);
            while (m.find()) {
                int s = m.start(1);
                int e = m.end(1);
                if (!municipalityAlone(text, s, e)) {
                    Finding.addOver(out, first, new Finding(PiiType.ADDRESS, s, e, 0.7, false, text.substring(s, e)),
                            f -> f.type() == PiiType.ADDRESS && f.confidence() < 0.5 && f.start() >= s && f.end() <= e);
                }
            }
        }
        if (text.indexOf("死去") < 0 && text.indexOf("逝去") < 0 && text.indexOf("永眠") < 0) {
            return;
        }
        java.util.regex.Matcher m = DEATH_NOTICE_ENTRY.matcher(text);
        while (m.find()) {
            int s = m.start(1);
            int e = m.end(1);
            if (municipalityAlone(text, s, e)) {
                continue;
            }
            if (text.charAt(e) != '・' && !placeBeforeComma(text, s, e)) {
                continue; // （80）病気のため、1日死去 / 自宅、1日死去: the cause or the place of death, not the home
            }
            // a weak part of it scan() found (花巻市 of 花巻市石鳥谷町好地) gives way; a stronger address is kept
            Finding.addOver(out, first, new Finding(PiiType.ADDRESS, s, e, 0.7, false, text.substring(s, e)),
                    f -> f.type() == PiiType.ADDRESS && f.confidence() < 0.5 && f.start() >= s && f.end() <= e);
        }
    }

    /** A municipality alone (花巻市), not a place below it. */
    private boolean municipalityAlone(String text, int s, int e) {
        char last = text.charAt(e - 1);
        return (last == '市' || last == '町' || last == '村' || last == '区') && lexicon.longest(text, s, e) == e - s;
    }

    /**
     * A place before 、 in a death notice is an address only in the shape of one: no hiragana but の between numbers
     * (境1234の5), ending with a number or holding 番地 or 地割, or else a town's word after its first character (町, 村, 字,
     * 丁目: 石鳥谷町好地); not a post (元町議) or a municipal building (町立病院).
     */
    private static boolean placeBeforeComma(String text, int s, int e) {
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (Morphology.isHiragana(c) && !(c == 'の' && i > s && Chars.isDigit(text.charAt(i - 1)) && i + 1 < e
                    && Chars.isDigit(text.charAt(i + 1)))) {
                return false;
            }
        }
        if ("元前現同".indexOf(text.charAt(s)) >= 0 || Chars.has(text, "町立", s, e) || Chars.has(text, "町内", s, e)) {
            return false; // 元町議, 元村長, 町立病院, 町内会長: a post or a place of no one's home
        }
        char last = text.charAt(e - 1);
        boolean blocks = Chars.isDigit(last) || Chars.has(text, "番地", s, e) || Chars.has(text, "地割", s, e);
        boolean town = false;
        for (int i = s + 1; i < e && !town; i++) {
            town = "町村字".indexOf(text.charAt(i)) >= 0 || text.startsWith("丁目", i);
        }
        return blocks || town && last != '議' && last != '長';
    }

    private boolean acceptCell(String text, List<Finding> out) {
        int s = 0;
        int e = text.length();
        while (s < e && (Character.isWhitespace(text.charAt(s)) || text.charAt(s) == '\u3000' || text.charAt(s) == '"')) {
            s++;
        }
        while (e > s && (Character.isWhitespace(text.charAt(e - 1)) || text.charAt(e - 1) == '\u3000' || text.charAt(e - 1) == '"')) {
            e--;
        }
        if (e - s < 3 || e - s > MAX_CELL) {
            return false;
        }
        if (text.charAt(s) == '〒') { // 〒100-0001 東京都…: the postal code is not part of the address
            int p = s + 1;
            while (p < e && (AddressGrammar.isDigit(text.charAt(p)) || "-－‐−ー ".indexOf(text.charAt(p)) >= 0 || text.charAt(p) == '\u3000')) {
                p++;
            }
            s = p;
        }
        boolean starts = s < e && lexicon.startsSomeWord(text.charAt(s)) && lexicon.longest(text, s, e) > 0;
        if (!starts && !hasBlockNumbers(text, s, e) && !(Chars.hasDigit(text, s, e) && hasWord(text, s, e) && AddressGrammar.isBuilding(text, s, e))) {
            return false; // but a building and its room in a column of their own (address2: 神宮前テラス301, 烏丸ビル4F)
        }
        out.add(new Finding(PiiType.ADDRESS, s, e, 0.9, false, text.substring(s, e)));
        return true;
    }

    /** Kana or kanji in {@code t[s, e)}: a building's name, not a code (A0012, 10023) in a column named 送付先番号. */
    private static boolean hasWord(String t, int s, int e) {
        for (int i = s; i < e; i++) {
            char c = t.charAt(i);
            if (Morphology.isKanji(c) || Morphology.isKatakana(c) || Morphology.isHiragana(c)) {
                return true;
            }
        }
        return false;
    }

    /** 丁目, 番地, digit + 番/号, or digits-digits: the shape of the end of an address. */
    private static boolean hasBlockNumbers(String t, int s, int e) {
        for (int i = s; i < e; i++) {
            char c = t.charAt(i);
            if ((c == '丁' && i + 1 < e && t.charAt(i + 1) == '目') || (c == '番' && i + 1 < e && t.charAt(i + 1) == '地')) {
                return true;
            }
            if (i > s && (c == '番' || c == '号') && (AddressGrammar.isDigit(t.charAt(i - 1)) || "一二三四五六七八九十".indexOf(t.charAt(i - 1)) >= 0)) {
                return true;
            }
            if (i > s && i + 1 < e && "-－‐−".indexOf(c) >= 0 && AddressGrammar.isDigit(t.charAt(i - 1)) && AddressGrammar.isDigit(t.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    private void scan(String text, List<Finding> out) {
        int n = text.length();
        int i = 0;
        boolean prefSeen = false;
        boolean muniSeen = false;
        int first = out.size();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '同' && i + 1 < n && (prefSeen || muniSeen || i + 2 < n)) {
                int e = same(text, i, prefSeen, muniSeen, out);
                if (e > i) {
                    i = e;
                    continue;
                }
            }
            int len = lexicon.startsSomeWord(c) ? lexicon.longest(text, i) : 0;
            if (len == 0) {
                i++;
                continue;
            }
            Byte kind = lexicon.get(text, i, len);
            boolean pref = kind == PREFECTURE;
            if (!pref && i > 0 && !Morphology.isHiragana(c)
                    && (Morphology.isKanji(text.charAt(i - 1)) || Morphology.isKatakana(text.charAt(i - 1)))) {
                i++; // inside a longer word: 大阪市 in 東大阪市 is found from 東 (さいたま市 after 以降 is no such word)
                continue;
            }
            int start = i;
            int p = i + len;
            boolean muni = !pref;
            prefSeen |= pref;
            muniSeen |= muni;
            if (pref) {
                int m = p < n && lexicon.startsSomeWord(text.charAt(p)) ? lexicon.longest(text, p) : 0;
                int b = m == 0 ? pastBlank(text, p) : p; // 東京都 新宿区, 東京都　千代田区: typed with a blank between
                int mb = b > p && lexicon.startsSomeWord(text.charAt(b)) ? lexicon.longest(text, b) : 0;
                if (m > 0 && lexicon.get(text, p, m) == MUNICIPALITY) {
                    p += m;
                    muni = true;
                } else if (mb > 0 && lexicon.get(text, b, mb) == MUNICIPALITY) {
                    p = b + mb;
                    muni = true;
                } else {
                    int g = genericMunicipality(text, p);
                    muni = g > p;
                    p = Math.max(p, g);
                }
                muniSeen |= muni;
            }
            boolean mergedTown = false;
            if (muni) { // 石狩郡 then 当別町, 大阪市 then 北区
                int m = p < n && lexicon.startsSomeWord(text.charAt(p)) ? lexicon.longest(text, p) : 0;
                if (m > 0 && lexicon.get(text, p, m) == MUNICIPALITY) {
                    // a town or village name after a city is a town of it, often a municipality merged into it
                    // (鹿児島市吉野町, 花巻市石鳥谷町): below the municipality, as a ward is not
                    mergedTown = text.charAt(p - 1) == '市' && "町村".indexOf(text.charAt(p + m - 1)) >= 0;
                    p += m;
                } else {
                    int b = pastBlank(text, p); // 横浜市 港北区, 石狩郡 当別町: a ward or a town after a blank
                    m = b > p && lexicon.startsSomeWord(text.charAt(b)) ? lexicon.longest(text, b) : 0;
                    char unit = text.charAt(p - 1);
                    if (m > 0 && lexicon.get(text, b, m) == MUNICIPALITY
                            && (unit == '市' && text.charAt(b + m - 1) == '区' || unit == '郡' && "町村".indexOf(text.charAt(b + m - 1)) >= 0)) {
                        p = b + m;
                    }
                }
            }
            AddressGrammar.Rest rest = AddressGrammar.parse(text, p);
            if (muni && rest.end() <= p) {
                int b = pastBlank(text, p); // 新宿区 西新宿 2-8-1: the town after a blank, taken with its block numbers
                if (b > p && !AddressGrammar.isDigit(text.charAt(b))) {
                    AddressGrammar.Rest town = AddressGrammar.parse(text, b);
                    if (town.numbers() && !Chars.has(text, "番号", b, town.end()) && !Chars.has(text, "者", b, town.end())) {
                        rest = town;
                    }
                }
            }
            int end = Math.max(p, rest.end());
            double conf = confidence(pref, muni, rest.numbers());
            if (associationAfter(text, end)) {
                conf = Math.min(conf, 0.3); // 藤沢市辻堂元町三丁目自治会: an association's area, no one's home
            } else if (!rest.numbers() && text.startsWith("出身", end)) {
                conf = Math.min(conf, 0.2); // 長野県松本市出身, 鹿児島市吉野町出身: where someone comes from
            } else if (muni && (rest.town() || mergedTown)) {
                conf = Math.max(conf, 0.5); // 横浜市港北区日吉本町、: a 町名 after the municipality
            }
            conf += 0.3 * context.score(PiiType.ADDRESS, text, start, end);
            conf = Math.max(0.05, Math.min(0.99, conf));
            out.add(new Finding(PiiType.ADDRESS, start, end, conf, false, text.substring(start, end)));
            i = end;
        }
        if (text.indexOf("丁目") > 0) {
            chome(text, out, first);
        }
        if (text.indexOf('町') >= 0) {
            townBlocks(text, out, first);
        }
        if (mayHoldThreeBlocks(text)) {
            townThreeBlocks(text, out, first);
        }
        if (text.indexOf('歳') >= 0) {
            rosterPlaces(text, out, first);
        }
        if (text.indexOf('）') >= 0) {
            readingHomes(text, out, first);
        }
    }

    /**
     * A home right after a person's reading, the way おくやみ lists under a municipality's heading print it (▽菊池 ハツヨ
     * （きくち・はつよ）石鳥谷町好地第7地割88、88歳): a town in kanji with its numbers (字, 地割 and の as the grammar reads them),
     * ending at 、, a blank or the line's end. The reading says a name stands before; a town's word (町, 字, 地割, 番地) or
     * numbers joined by の or a hyphen say a home, not a score (（おおたに・しょうへい）本塁打44、).
     */
    private void readingHomes(String text, List<Finding> out, int from) {
        for (int p = text.indexOf('）'); p >= 0; p = text.indexOf('）', p + 1)) {
            int s = p + 1;
            if (s >= text.length() || !Morphology.isKanji(text.charAt(s)) || text.charAt(s) == '同' || !afterReading(text, s)) {
                continue;
            }
            AddressGrammar.Rest rest = AddressGrammar.parse(text, s);
            int e = rest.end();
            char after = Chars.at(text, e);
            if (rest.numbers() && AddressGrammar.isDigit(text.charAt(e - 1)) && (after == '、' || after == ' ' || after == '　'
                    || after == '\n' || after == '\r' || e == text.length()) && HOME_MARK.matcher(text).region(s, e).find()
                    && !Finding.overlapsAny(out, from, s, e)) {
                addTown(text, s, e, out);
            }
        }
    }

    /** What says a home in {@link #readingHomes}: a town's word, or numbers joined by の or a hyphen (45の2, 4-12). */
    private static final java.util.regex.Pattern HOME_MARK = java.util.regex.Pattern.compile(
            "[町字]|地割|番地|丁目|[0-9０-９]の[0-9０-９]|[0-9０-９][-－‐−][0-9０-９]");

    /**
     * A town and its block numbers after a person's reading and age, the way a list under a municipality's heading prints
     * each person's home (関口 貞夫（せきぐち さだお）78歳　高岩1172): one to six kanji and one to three groups of digits, ending
     * the line or before a blank; not a measure, a count, a grade of care or an era's year (身長170, 勤続12, 要介護2, 昭和12).
     */
    private static final java.util.regex.Pattern ROSTER_PLACE = java.util.regex.Pattern.compile(
            "[）)](?:さん|様|氏)?[ 　]?[0-9０-９]{1,3}歳[ 　]{1,2}(?!身長|体重|体温|年収|月収|定員|合計|計|座席|背番号|番号|勤続|要介護|要支援|昭和|平成|令和|大正|明治|西暦|第)(\\p{IsHan}{1,6}[0-9０-９]{1,4}(?:[-－‐−][0-9０-９]{1,4}){0,2})(?=[ 　\\t\\r\\n]|$)");

    /**
     * A reading in brackets ends right before {@code s} (（おおわだ みちよ）緑町4-12-1), perhaps with a note after ＝ (（きくち・はつよ
     * ＝旧姓高橋）): a roster's name, then the home.
     */
    private static boolean afterReading(String text, int s) {
        if (s < 3 || text.charAt(s - 1) != '）' && text.charAt(s - 1) != ')') {
            return false;
        }
        int open = -1;
        for (int i = s - 2; i >= 0 && s - i <= 24 && open < 0; i--) {
            char c = text.charAt(i);
            if (c == '（' || c == '(') {
                open = i;
            } else if (c == '）' || c == ')' || c == '\n') {
                return false;
            }
        }
        int i = open + 1;
        while (open >= 0 && i < s - 1 && readingChar(text.charAt(i))) {
            i++;
        }
        return open >= 0 && i - open > 2 && (i == s - 1 || text.charAt(i) == '＝');
    }

    private static boolean readingChar(char c) {
        return Morphology.isHiragana(c) || Morphology.isKatakana(c) || c == '・' || c == ' ' || c == '　' || c == 'ー';
    }

    private void rosterPlaces(String text, List<Finding> out, int from) {
        java.util.regex.Matcher m = ROSTER_PLACE.matcher(text);
        while (m.find()) {
            int s = m.start(1);
            AddressGrammar.Rest rest = AddressGrammar.parse(text, s);
            if (rest.numbers() && rest.end() == m.end(1) && !Finding.overlapsAny(out, from, s, m.end(1))) {
                addTown(text, s, m.end(1), out); // not an era's year, a height or a post the grammar stops at
            }
        }
    }

    /** A town and its numbers found without a municipality before it: 0.6, raised by the address words around it. */
    private void addTown(String text, int s, int e, List<Finding> out) {
        double conf = Math.min(0.99, 0.6 + 0.3 * context.score(PiiType.ADDRESS, text, s, e));
        out.add(new Finding(PiiType.ADDRESS, s, e, conf, false, text.substring(s, e)));
    }

    /** How many candidates {@link #townBlocks} and {@link #townThreeBlocks} look at in one text (a cap for pathological text). */
    private static final int MAX_TOWN_BLOCKS = 64;

    /** Where a town and its numbers may start without a municipality before it: a blank, a bracket, ＝, 、 or a line. */
    private static final String TOWN_START = " 　\n\t（(「『【［＝=、：:";


    /**
     * A 町名 ending in 町 with its block numbers joined by hyphens or 番 and no municipality before it (西岡昭・和子（中島町4-11）,
     * ＝本町3番5号＝), in lists that name the city once in a heading: at the text's or a line's start, or after a blank, a
     * tab, a bracket, ＝, 、 or a colon ({@link #TOWN_START}). Not a municipality the lexicon knows (its own address is read by
     * the scan above), not a platform, an exit or a team (大手町2番線, 1番出口, 緑町1-3班).
     */
    private void townBlocks(String text, List<Finding> out, int from) {
        int seen = 0;
        for (int k = text.indexOf('町'); k >= 0 && seen < MAX_TOWN_BLOCKS; k = text.indexOf('町', k + 1)) {
            if (k + 1 >= text.length() || !AddressGrammar.isDigit(text.charAt(k + 1))) {
                continue;
            }
            int s = k;
            while (s > 0 && k - s < 8 && isTownChar(text.charAt(s - 1))) {
                s--;
            }
            if (s == k || !(s == 0 || TOWN_START.indexOf(text.charAt(s - 1)) >= 0 || afterReading(text, s)) || text.charAt(s) == '同'
                    || Finding.overlapsAny(out, from, s, k + 2)) {
                continue;
            }
            int m = lexicon.startsSomeWord(text.charAt(s)) ? lexicon.longest(text, s, k + 1) : 0;
            if (m == k + 1 - s && lexicon.get(text, s, m) == MUNICIPALITY) {
                continue;
            }
            seen++;
            AddressGrammar.Rest rest = AddressGrammar.parse(text, s);
            if (!rest.numbers() || !joinedBlocks(text, k + 1, rest.end())) {
                continue;
            }
            addTown(text, s, rest.end(), out);
        }
    }

    /**
     * A town of any name with three block numbers joined by hyphens (緑ヶ丘3-14-3 ｺｰﾎﾟ緑202, 自由が丘2-3-4), after a blank, a bracket or a
     * line's start: a shape only addresses have (a phone's groups start with 0, a date's year has four digits).
     */
    private static final java.util.regex.Pattern TOWN_THREE_BLOCKS = java.util.regex.Pattern.compile(
            "(?<=^|[" + TOWN_START + "])(?:\\p{IsHan}{1,4}が(?=[" + AddressGrammar.AFTER_GA + "]))?[\\p{IsHan}ヶケ\\p{IsKatakana}]{1,8}"
                    + "(?=[1-9１-９][0-9０-９]{0,2}[-－‐−][0-9０-９]{1,4}"
                    + "[-－‐−][0-9０-９]{1,4}(?![0-9０-９-－‐−]))");

    /**
     * True when a block number right after a kanji or katakana has a hyphen within its next four characters: every match
     * of {@link #TOWN_THREE_BLOCKS} has one, and its look-behind is costly to try at every character of a text (a
     * phone's cell, 03-1234-5678, has none).
     */
    private static boolean mayHoldThreeBlocks(String text) {
        for (int i = 1; i < text.length() - 4; i++) {
            char c = text.charAt(i);
            if ((c >= '1' && c <= '9' || c >= '１' && c <= '９') && townLetter(text.codePointBefore(i))) {
                for (int k = i + 1; k <= i + 4; k++) {
                    char h = text.charAt(k);
                    if (h == '-' || h == '－' || h == '‐' || h == '−') {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A character {@link #TOWN_THREE_BLOCKS} takes in a town's name. */
    private static boolean townLetter(int c) {
        if (c < 0x2E80) {
            return false;
        }
        if (c <= 0xFFFF && !Character.isSurrogate((char) c)) {
            return Chars.isHanOrSurrogate(c) || Chars.isKatakanaScript(c) || c == 'ヶ';
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.KATAKANA;
    }

    private void townThreeBlocks(String text, List<Finding> out, int from) {
        java.util.regex.Matcher m = TOWN_THREE_BLOCKS.matcher(text);
        for (int seen = 0; seen < MAX_TOWN_BLOCKS && m.find(); seen++) {
            int s = m.start();
            char last = text.charAt(m.end() - 1);
            if (text.charAt(s) == '同' || last == '第' || last == 'ー' || Finding.overlapsAny(out, from, s, m.end() + 1)) {
                continue;
            }
            AddressGrammar.Rest rest = AddressGrammar.parse(text, s);
            if (!rest.numbers() || rest.end() <= m.end()) {
                continue;
            }
            addTown(text, s, rest.end(), out);
        }
    }

    /** Block numbers joined by a hyphen (4-11) or written with 番 (3番5号, 12番地): not a count or a date after a town. */
    private static boolean joinedBlocks(String text, int p, int e) {
        int i = p;
        while (i < e && AddressGrammar.isDigit(text.charAt(i))) {
            i++;
        }
        if (i >= e || i == p) {
            return false;
        }
        if (text.charAt(i) == '番') { // 3番5号, 12番地; not 2番線, 1番出口, 2番目, 1番街, 3番のりば
            char a = Chars.at(text, i + 1);
            return a == '地' || AddressGrammar.isDigit(a) || a == '号';
        }
        int j = i + 1;
        while (j < text.length() && AddressGrammar.isDigit(text.charAt(j))) {
            j++;
        }
        char after = Chars.at(text, j);
        return "-－‐−ー".indexOf(text.charAt(i)) >= 0 && j > i + 1 && after != '班' && after != '組' && after != '号';
    }

    /**
     * A 町名 with its 丁目 and no municipality before it (今泉7丁目, 北町2丁目5-12, in lists and obituaries that name the
     * city once in a heading): the name (up to eight kanji or katakana after a non-name character), the 丁目 number, and
     * whatever block numbers follow. Not when a name follows 丁目 (北町二丁目自治会 is an association).
     */
    private void chome(String text, List<Finding> out, int from) {
        for (int k = text.indexOf("丁目"); k > 0; k = text.indexOf("丁目", k + 2)) {
            int d = k;
            while (d > 0 && (AddressGrammar.isDigit(text.charAt(d - 1)) || "〇一二三四五六七八九十".indexOf(text.charAt(d - 1)) >= 0)) {
                d--;
            }
            int s = townNameStart(text, d);
            if (Finding.overlapsAny(out, from, s, k + 2)) {
                continue; // an address found already (東京都千代田区一番町二丁目): no tokenizing for it
            }
            if (s < d) {
                Morphology.Token t0 = Morphology.tokens(text, s, d).get(0);
                if (t0.is("名詞-副詞可能") && t0.end() < d) {
                    s = t0.end(); // 昨日3丁目の: a time word before the town's name, not part of it
                } else if (t0.is("名詞-副詞可能") && t0.end() == d) {
                    continue;
                }
            }
            int h = s;
            while (h > 0 && s - h < 5 && Morphology.isHiragana(text.charAt(h - 1))) {
                h--;
            }
            // only a town name in kana standing after a blank or a bracket (みどり台3丁目, ひばりが丘2丁目); all in kana only after
            // a person's reading, as a list prints each home ((くどう・きよし）みたけ二丁目4の27; not それから二丁目)
            if (h == s || s == d ? s - h < 2 || !afterReading(text, h) : !(h == 0 || " 　\n（(「：:".indexOf(text.charAt(h - 1)) >= 0)) {
                h = s;
            }
            if (d == k || h == d || d - s > 8 || Finding.overlapsAny(out, from, h, k + 2)) {
                continue;
            }
            if (k + 2 < text.length() && (Morphology.isKanji(text.charAt(k + 2)) || Morphology.isKatakana(text.charAt(k + 2)))
                    && !AddressGrammar.numeralGroupAt(text, k + 2, text.length()) && !AddressGrammar.locativeAt(text, k + 2)) {
                continue; // 北町二丁目自治会; not 三丁目十二番地の四, its numbers in kanji, nor 12丁目付近, where in it
            }
            AddressGrammar.Rest rest = AddressGrammar.parse(text, s);
            if (rest.end() < k + 2) {
                continue; // a stop word, an office, an era year
            }
            addTown(text, h, rest.end(), out);
        }
    }

    /**
     * Where a town's name ending at {@code d} starts: up to eight kanji or katakana back, past a 条 and its number
     * (永山4条), and past a が inside the name (緑が丘) when one to four kanji stand before it after a blank, a bracket or a
     * line's start.
     */
    private static int townNameStart(String text, int d) {
        int s = d;
        while (s > 0 && d - s <= 8 && isTownChar(text.charAt(s - 1))) {
            s--;
        }
        if (s == d - 1 && text.charAt(s) == '条' && s > 0 && AddressGrammar.isDigit(text.charAt(s - 1))) {
            int n = s; // 永山4条12丁目: the 条 of a town in Hokkaido, its number, then the town's name
            while (n > 0 && s - n < 2 && AddressGrammar.isDigit(text.charAt(n - 1))) {
                n--;
            }
            int t = n;
            while (t > 0 && n - t <= 8 && isTownChar(text.charAt(t - 1))) {
                t--;
            }
            return t < n ? t : s;
        }
        if (s == d && d >= 3 && text.startsWith("通り", d - 2)) {
            int t = d - 2; // 東中通り二丁目: 通り with its kana
            while (t > 0 && d - t <= 8 && isTownChar(text.charAt(t - 1))) {
                t--;
            }
            return t < d - 2 ? t : s;
        }
        if (s >= 2 && s < d && text.charAt(s - 1) == 'が' && AddressGrammar.AFTER_GA.indexOf(text.charAt(s)) >= 0) {
            int k = s - 1;
            while (k > 0 && s - 1 - k < 4 && Morphology.isKanji(text.charAt(k - 1))) {
                k--;
            }
            if (k < s - 1 && (k == 0 || TOWN_START.indexOf(text.charAt(k - 1)) >= 0)) {
                return k;
            }
        }
        return s;
    }

    private static boolean isTownChar(char c) {
        return Morphology.isKanji(c) || (Morphology.isKatakana(c) && c != 'ー') || c == 'ヶ' || c == 'ケ';
    }

    /**
     * 同県, 同市, 同町, 同村, 同区 (and 同府, 同都, 同道; 同所 with block numbers right after it) at {@code i} with the rest of an address after it: the finding's end, or
     * {@code i} when there is none. With an earlier prefecture or municipality of the kind it refers to, a
     * municipality (同県大津市, 同郡王滝村) or, after 同市/同町/同村/同区, a 町名 (同市若穂綿内) is enough; otherwise block
     * numbers must follow.
     */
    private int same(String text, int i, boolean prefSeen, boolean muniSeen, List<Finding> out) {
        char k = text.charAt(i + 1);
        boolean prefLevel = k == '県' || k == '府' || k == '都' || k == '道';
        boolean muniLevel = k == '市' || k == '町' || k == '村' || k == '区' || k == '郡';
        boolean place = k == '所'; // 同所7番地: the place just named, with its block numbers only
        if (!prefLevel && !muniLevel && !place || (i > 0 && Morphology.isKanji(text.charAt(i - 1)))) {
            return i;
        }
        boolean antecedent = prefLevel ? prefSeen : muniSeen || prefSeen;
        int p = i + 2;
        int n = text.length();
        boolean muni = false;
        int m = p < n && lexicon.startsSomeWord(text.charAt(p)) ? lexicon.longest(text, p) : 0;
        if (m > 0 && lexicon.get(text, p, m) == MUNICIPALITY) { // 同県大津市, 同市中央区
            p += m;
            muni = true;
        } else if (prefLevel) {
            int g = genericMunicipality(text, p);
            muni = g > p;
            p = Math.max(p, g);
        }
        AddressGrammar.Rest rest = AddressGrammar.parse(text, p);
        int end = Math.max(p, rest.end());
        double conf;
        if (place && !(rest.numbers() && (prefSeen || muniSeen) && joinedBlocks(text, p, rest.end()))) {
            return i; // 同所において, 同所で, 同所2階, 同所1号車: no address without its block numbers
        }
        if (rest.numbers()) {
            conf = antecedent ? 0.9 : 0.6;
        } else if (antecedent && (muniLevel ? muni || rest.town() : muni && rest.town())) {
            conf = 0.6; // 同郡王滝村, 同市若穂綿内, 同県大津市坂本; not 同県豊田市 alone (a municipality is no address)
        } else {
            return i; // 同市長, 同県警, 同市内: not an address
        }
        conf += 0.3 * context.score(PiiType.ADDRESS, text, i, end);
        out.add(new Finding(PiiType.ADDRESS, i, end, Math.min(0.99, conf), false, text.substring(i, end)));
        return end;
    }

    private static final List<String> ASSOCIATIONS = List.of("自治会", "町内会", "町会", "子ども会", "子供会", "老人クラブ", "商店会", "商店街");

    /** An association named after its area, after {@code end} and perhaps a blank: 辻堂元町三丁目自治会, 柏木二丁目　町内会. */
    private static boolean associationAfter(String text, int end) {
        int q = pastBlank(text, end);
        for (String w : ASSOCIATIONS) {
            if (text.startsWith(w, q)) {
                return true;
            }
        }
        return false;
    }

    /** Past one or two blanks typed between an address's parts, when a word follows them; else {@code p}. */
    private static int pastBlank(String text, int p) {
        int q = p;
        while (q < text.length() && q - p < 2 && (text.charAt(q) == ' ' || text.charAt(q) == '\u3000')) {
            q++;
        }
        return q > p && q < text.length() && !Character.isWhitespace(text.charAt(q)) && text.charAt(q) != '\u3000' ? q : p;
    }

    private static double confidence(boolean pref, boolean muni, boolean numbers) {
        if (numbers) {
            return pref && muni ? 0.95 : muni ? 0.9 : 0.7;
        }
        return pref && muni ? 0.35 : muni ? 0.3 : 0.2;
    }

    /**
     * A municipality the lexicon lacks, after a prefecture: up to six name characters then 市区町村, or …郡…町/村; never a
     * run holding 部, 課, 局, 室, 係 or 庁 (総務部市町村課 is an office).
     */
    private static int genericMunicipality(String t, int p) {
        int limit = Math.min(t.length(), p + 14);
        boolean gun = false;
        for (int i = p; i < limit; i++) {
            char c = t.charAt(i);
            if (!(Morphology.isKanji(c) || Morphology.isKatakana(c)) || "部課局室係庁".indexOf(c) >= 0) {
                return p;
            }
            if (i > p && c == '郡') {
                gun = true;
            } else if (i > p && (c == '市' || c == '区' || c == '町' || c == '村') && (!gun || c != '市' && c != '区')) {
                return i + 1;
            }
            if (!gun && i - p >= 6) {
                return p;
            }
        }
        return p;
    }
}
