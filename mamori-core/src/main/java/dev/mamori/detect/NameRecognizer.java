package dev.mamori.detect;

import dev.mamori.data.DataFile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds people's names (PERSON). In free text, Kuromoji's IPADIC tags 名詞-固有名詞-人名-姓/名/一般;
 * a surname and the given name after it (adjacent or after one blank) make one span, also when the
 * dictionary splits the given name (大|翔) or does not know it: a run of kanji frequent in given names
 * ({@code given-name-kanji.tsv}), a hiragana word, a katakana 人名. A word the dictionary tags as a place
 * (長野, 橋本) is a surname when a given name follows. Honorifics and titles after the name, titles,
 * relations and labels before it, self-introductions (と申します, の山田です), chat speakers and context
 * words raise the confidence ({@code name-anchors.tsv}); a lone surname without them stays below 0.4.
 * Names written with a blank (実父森 大輝, 福岡 トミさん), bracketed and column readings (やまだ・たろう),
 * surname lists joined by 、, katakana and romanised names ({@link NameLabels}) are found too, and a full
 * name found once marks its bare surname and given name elsewhere in the same text. A surname that is
 * part of an organisation, place, award or office (佐藤製薬, ㈱田中, 田中町, 菊池寛賞, 横浜市長) is skipped,
 * using {@code org-suffixes.tsv} and the municipalities. In a column whose header suggests a name, a cell
 * shaped like a name is accepted without Kuromoji ({@link NameCell}). Overlapping name findings are merged
 * into one, so a name is never reported cut short.
 */
final class NameRecognizer implements Recognizer {

    private static final String SEI = "名詞-固有名詞-人名-姓";
    private static final String MEI = "名詞-固有名詞-人名-名";
    private static final String JINMEI = "名詞-固有名詞-人名-一般";
    private final String[] suffixes;
    private final String[] prefixes;
    /** First and last characters of the suffixes and prefixes: a cheap test before comparing words. */
    private final boolean[] suffixFirst = new boolean[65536];
    private final boolean[] suffixLast = new boolean[65536];
    /** The suffixes of two or more characters by their last character. */
    private final Map<Character, String[]> longSuffixes = new HashMap<>();
    private final boolean[] prefixFirst = new boolean[65536];
    private final boolean[] prefixLast = new boolean[65536];
    private final ContextWords context;
    private final NameAnchors anchors = NameAnchors.get();

    NameRecognizer() {
        this(ContextWords.get());
    }

    NameRecognizer(ContextWords context) {
        this.context = context;
        List<String> suf = new ArrayList<>();
        List<String> pre = new ArrayList<>();
        for (DataFile.Row r : DataFile.read(NameRecognizer.class, "org-suffixes.tsv")) {
            (r.field(0).equals("PREFIX") ? pre : suf).add(r.field(1));
        }
        Comparator<String> longestFirst = Comparator.comparingInt(String::length).reversed();
        suf.sort(longestFirst);
        pre.sort(longestFirst);
        suffixes = suf.toArray(new String[0]);
        prefixes = pre.toArray(new String[0]);
        for (String s : suffixes) {
            suffixFirst[s.charAt(0)] = true;
            suffixLast[s.charAt(s.length() - 1)] = true;
            if (s.length() >= 2) {
                longSuffixes.merge(s.charAt(s.length() - 1), new String[] {s}, (a, b) -> {
                    String[] c = Arrays.copyOf(a, a.length + 1);
                    c[a.length] = b[0];
                    return c;
                });
            }
        }
        for (String s : prefixes) {
            prefixFirst[s.charAt(0)] = true;
            prefixLast[s.charAt(s.length() - 1)] = true;
        }
    }

    @Override
    public Set<PiiType> types() {
        return Set.of(PiiType.PERSON);
    }

    /**
     * Adds the names in {@code text}. Does not catch its own failures: a recognizer must not throw on
     * any input, and when it does the {@link Detector} counts the failure instead of hiding it.
     */
    @Override
    public void find(String text, ScanContext ctx, List<Finding> out) {
        if (text == null || text.isEmpty() || ctx == null || !ctx.wants(PiiType.PERSON)) {
            return;
        }
        int slash = ctx.hinted(PiiType.PERSON) ? text.indexOf('／') : -1;
        if (slash > 0 && slash < text.length() - 1 && text.indexOf('／', slash + 1) < 0) {
            // a roster's cell with the name in two scripts (セミシ・タウファ／Semisi Taufa): each part a cell of its own
            int first = out.size();
            find(text.substring(0, slash), ctx, out);
            int second = out.size();
            find(text.substring(slash + 1), ctx, out);
            for (int i = second; i < out.size(); i++) {
                out.set(i, out.get(i).shifted(slash + 1));
            }
            if (out.size() > first) {
                return;
            }
        }
        String folded = foldLatin(text);
        int first = out.size();
        if (folded == text) {
            findIn(text, ctx, out);
        } else {
            // ＩＶＡＮＯＶ Ｓｅｒｇｅｙ, Ｐａｕｌ Ｍ．ＨＡＲＲＩＳ: read as the romanised names they are; each finding keeps the text as written
            findIn(folded, ctx, out);
            for (int i = first; i < out.size(); i++) {
                Finding f = out.get(i);
                out.set(i, new Finding(f.type(), f.start(), f.end(), f.confidence(), f.validated(), text.substring(f.start(), f.end())));
            }
        }
        for (int i = out.size() - 1; i >= first; i--) {
            String v = out.get(i).value();
            if (all(v, 0, v.length(), 'c') && endsWithOrgSuffix(v)) {
                out.remove(i); // 丸井商事さん, 佐藤商店さん: a firm with an honorific, whose name reads as a surname and a given name
            } else if (anchors.is(NameAnchors.Kind.THING, v, 0, v.length()) && honorificAt(text, out.get(i).end()) == 0) {
                out.remove(i); // 佐藤錦, 長十郎: a cultivar
            } else if (particleFirst(v)) {
                out.remove(i); // 金融機関から　みどり信用金庫: a particle, not a surname in hiragana
            } else if (partyAndStanding(v)) {
                out.remove(i); // 共産　元, 公明　新: an election list's party and standing, not a surname and a given name
            } else if (v.indexOf('・') > 0 && (dottedPlace(v) || dottedFirm(v) && honorificAt(text, out.get(i).end()) == 0)) {
                out.remove(i); // サン・フランシスコ, ニュー・ヨーク: a place written with dots, one place without them;
                               // フォトスタジオ・ルーチェ: a firm with a word of the dictionary
            } else if (v.length() >= 3 && (v.charAt(0) == '亡' || v.charAt(0) == '故') && Morphology.isKanji(v.charAt(1))) {
                Finding f = out.get(i); // 被相続人　亡山田太郎: the late, before the name
                out.set(i, new Finding(PiiType.PERSON, f.start() + 1, f.end(), f.confidence(), false, v.substring(1)));
            } else if (politeEnding(v) || v.startsWith("記号") || v.startsWith("番号") || placeValue(v)) {
                out.remove(i); // 担当者 ありがとうございます: a polite sentence after a label; 被保険者　記号 愛媛: a card's field;
                               // 投稿者：東京都
            } else if (roleValue(v) > 0) {
                Finding f = out.remove(i); // 投稿者：広報担当: a role; 担当者：山田花子スタッフ: a name, then a role
                Finding name = part(text, f, f.start(), f.start() + roleValue(v));
                if (name != null && Morphology.tokens(text, name.start(), name.end()).stream().anyMatch(t -> t.is("名詞-固有名詞-人名"))) {
                    out.add(i, name);
                }
            } else if (teamWord(v) > 0) {
                Finding f = out.remove(i); // 報告者：インフラチーム 遠藤, 起票者: 情シス: the team, then the person
                Finding name = teamWord(v) < v.length() ? part(text, f, f.start() + teamWord(v), f.end()) : null;
                if (name != null) {
                    out.add(i, name);
                }
            }
        }
    }

    /** A word the dictionary knows as no surname, a blank, then 現, 元, 新 or 前. */
    private static boolean partyAndStanding(String v) {
        int n = v.length();
        return n >= 3 && "現元新前".indexOf(v.charAt(n - 1)) >= 0 && isSpace(v.charAt(n - 2))
                && !Morphology.hasEntry(v, 0, n - 2, SEI);
    }

    /** Katakana joined by ・ with a part that is or ends with a firm's word (フォトスタジオ・ルーチェ, スタジオ・ミント). */
    private boolean dottedFirm(String v) {
        for (String part : v.split("・")) {
            if (part.length() >= 3 && (endsWithOrgSuffix(part) || endsWithOrgSuffix("・" + part))) {
                return true;
            }
        }
        return false;
    }

    /** Katakana joined by ・ that the dictionary knows without the dots as one place (サンフランシスコ). */
    private static boolean dottedPlace(String v) {
        String joined = v.replace("・", "");
        if (!all(joined, 0, joined.length(), 'k')) {
            return false;
        }
        List<Morphology.Token> ts = Morphology.tokens(joined, 0, joined.length());
        return ts.size() == 1 && ts.get(0).is("名詞-固有名詞-地域");
    }

    private static final String[] PARTICLE_WORDS = {"から", "まで", "より", "など", "ので", "けど", "には", "では", "とは", "へは", "だけ"};

    /** A name in hiragana whose first word is a particle (から　みどり). */
    private static boolean particleFirst(String v) {
        if (v.length() < 3 || !Morphology.isHiragana(v.charAt(0)) || !isSpace(v.charAt(2))) {
            return false; // every word of PARTICLE_WORDS is two hiragana
        }
        for (String p : PARTICLE_WORDS) {
            if (v.length() > p.length() && v.startsWith(p) && isSpace(v.charAt(p.length()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code text} with full-width Latin letters (Ａ–Ｚ, ａ–ｚ) as ASCII ones, and a full-width full stop or comma next to
     * one, or an ideographic blank between two, as ASCII: one char for one, so every offset holds; {@code text} itself
     * when it has none.
     */
    static String foldLatin(String text) {
        char[] c = null;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch >= 'Ａ' && ch <= 'Ｚ' || ch >= 'ａ' && ch <= 'ｚ') {
                if (c == null) {
                    c = text.toCharArray();
                }
                c[i] = (char) (ch - 'Ａ' + 'A');
            }
        }
        if (c == null) {
            return text;
        }
        for (int i = 1; i < c.length; i++) {
            if ((c[i] == '．' || c[i] == '，') && text.charAt(i - 1) != c[i - 1]) { // after a letter folded just above
                c[i] = c[i] == '．' ? '.' : ',';
            } else if (c[i] == '\u3000' && text.charAt(i - 1) != c[i - 1] && i + 1 < c.length && text.charAt(i + 1) != c[i + 1]) {
                c[i] = ' '; // ＫＯＢＡＹＡＳＨＩ　ＨＡＲＵＮＡ: an ideographic blank between two folded words
            }
        }
        return new String(c);
    }

    /**
     * The text may hold a name: two letters, or one letter that is not ASCII with something besides blanks beside it (林：,
     * [10:02] 林:, @林). Not 男, C1000001 or 2024/01/05.
     */
    private static boolean mayHoldName(String text) {
        int n = 0;
        boolean wide = false;
        boolean other = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp)) {
                if (++n == 2) {
                    return true;
                }
                wide = cp >= 0x80;
            } else if (!Character.isWhitespace(cp) && cp != '\u3000') {
                other = true;
            }
            i += Character.charCount(cp);
        }
        return n == 1 && wide && other;
    }

    private void findIn(String text, ScanContext ctx, List<Finding> out) {
        if (ctx.hinted(PiiType.PERSON)) {
            NameCell.Verdict v = NameCell.classify(text, this);
            if (v == NameCell.Verdict.NAME || v == NameCell.Verdict.FREE_TEXT && NameCell.isNamePart(text)) {
                out.add(NameCell.finding(text));
                return;
            }
            if (v == NameCell.Verdict.NOT_A_NAME || v == NameCell.Verdict.FREE_TEXT && namesJoined(text, out)) {
                return;
            }
        }
        if (!ctx.columnHints().isEmpty() && !ctx.hinted(PiiType.PERSON) && !hasPersonMarker(text)) {
            return; // a structured column of another type (住所, 電話): no name unless 様/殿/方 says so
        }
        if (!mayHoldName(text)) {
            return; // a name and what tells it is one (林さん, 林 様) take two letters at least: not 男, C1000001, 2024/01/05
        }
        int first = out.size();
        NameLabels.find(text, this, out);
        SpacedNames.find(text, out);
        List<int[]> full = new ArrayList<>(4);
        List<int[]> katakana = new ArrayList<>(0);
        Cover cov = new Cover(out, first);
        for (int from = 0; from < text.length(); ) {
            int to = Morphology.chunkEnd(text, from);
            if (to <= from) {
                break;
            }
            if (Morphology.hasKanjiOrKatakana(text, from, to)) {
                List<Morphology.Token> ts = rareSurnames(text, Morphology.tokens(text, from, to));
                scan(text, ts, to, out, full);
                blankNames(text, ts, cov, out, full);
                readings(text, ts, from, to, cov, out, full);
                tableReadings(text, from, to, cov, out, full);
                NameLabels.foreign(text, from, to, ts, anchors, out);
                enumerations(text, ts, cov, out);
                katakanaNames(text, ts, cov, out, katakana);
            } else {
                NameLabels.foreign(text, from, to, List.of(), anchors, out); // Mr. John Smith, Taro Yamada <…>
            }
            from = to;
        }
        speakers(text, cov, out);
        romajiRoster(text, cov, out);
        roomRoster(text, cov, out);
        List<int[]> looseLatin = new ArrayList<>(0);
        List<int[]> latin = LatinNames.find(text, looseLatin); // one pass for both kinds
        latin.removeIf(x -> afterPlaceLabel(text, x[0])); // 国籍 Nationality: Viet Nam, 住所 Address: 45 Hang Bong, … Ha Noi
        looseLatin.removeIf(x -> afterPlaceLabel(text, x[0]));
        addUncovered(text, latin, 0.7, cov, out); // Lucas Ferreira, KOBAYASHI HARUNA: both words in the lists
        addUncovered(text, looseLatin, 0.5, cov, out); // Priya Raman: a given name and a word not in the lists
        addUncovered(text, LatinNames.findKana(text), 0.6, cov, out); // ひろせ ゆうき: the same lists, the words romanised
        addUncovered(text, LatinNames.findInitialled(text), 0.6, cov, out); // T. Yamaguchi: initials and a surname of the lists
        addUncovered(text, LatinNames.findPassengers(text), 0.8, cov, out); // NAKAGAWA/HARUTO MR: an airline's passenger name
        addUncovered(text, LatinNames.findSigned(text), 0.7, cov, out); // Best regards,⏎Arjun Mehta: an English mail's signature
        List<int[]> surnameFirst = LatinNames.findSurnameFirst(text);
        for (int[] x : surnameFirst) {
            if (x[2] == 1) {
                addUncovered(text, List.of(x), 0.7, cov, out); // Alvarez Ramos, Luis
            }
        }
        scriptPairs(text, out);
        spelledReadings(text, out, first);
        careOf(text, cov, out);
        readingBetween(text, out, first, full);
        spacedFull(text, out, first, full);
        propagate(text, cov, out, full);
        honorificRuns(text, out, first);
        kinNames(text, out, first);
        familyThenGiven(text, out, first);
        relativeByOneKanji(text, cov, out, first, full);
        personnelNotice(text, out, first);
        ourStaff(text, out, first);
        katakanaElders(text, out, first);
        ourChild(text, out, first);
        pupilsBeforeClass(text, out, first);
        courtParties(text, out, first);
        roleFormulae(text, out, first);
        agedRuns(text, out, first);
        staffInMail(text, out, first);
        signedSurnames(text, out, first);
        titledSurnames(text, out, first);
        maidenNames(text, out, first);
        rosterSurnames(text, out, first);
        kinJoinedGiven(text, out, first);
        couples(text, out, first);
        int guards = guards(text);
        kanaHalves(text, guards, out, first);
        relationsAndRoles(text, guards, out, first);
        childsParent(text, cov, out, first);
        relativeLines(text, out, first);
        chiefMourners(text, out, first);
        mixedScriptNames(text, out, first);
        vietnameseNames(text, out, first);
        accountHolders(text, out, first);
        kanaGivenAfterBlank(text, out, first);
        kanaGivenAfterSurname(text, guards, out, first);
        kanjiAfterRomanised(text, out, first);
        romajiParts(text, out, first);
        namedAs(text, out, first);
        nicknames(text, cov, out, first);
        listNeighbours(text, out, first);
        resultRows(text, out, first);
        signOff(text, out, first);
        bracketed(text, out, first);
        twinNames(text, out, first);
        mentions(text, out, first);
        households(text, out, first);
        residences(text, out, first);
        givenAfterKin(text, out, first);
        selfIntroduced(text, out, first);
        repeats(text, out, first);
        reversedLatin(text, out, first);
        for (int k = out.size() - 1; k >= first; k--) {
            Finding f = out.get(k);
            if (f.type() == PiiType.PERSON && (f.end() - f.start() == 3 && letterSpaced(text, f.start(), f.end())
                    || roleWord(text, f.start(), f.end()))) {
                out.remove(k); // 次男さん, 三男様: a relation, a title or a label, no name
            }
        }
        dropObituaryMark(text, out, first);
        // the surname a label found alone (氏名（ローマ字）　SILVA PEREIRA, 担当 Mary Joy Dela Cruz) gives way to the whole name
        for (List<int[]> spans : List.of(surnameFirst, latin, katakana)) {
            for (int[] span : spans) {
                double conf = 0;
                for (Finding f : out.subList(first, out.size())) {
                    if (f.type() == PiiType.PERSON && f.start() >= span[0] && f.end() <= span[1] && f.end() - f.start() < span[1] - span[0]) {
                        conf = Math.max(conf, f.confidence());
                    }
                }
                if (conf > 0) {
                    out.subList(first, out.size()).removeIf(f -> f.type() == PiiType.PERSON && f.start() >= span[0] && f.end() <= span[1]
                            && f.end() - f.start() < span[1] - span[0]);
                    out.add(new Finding(PiiType.PERSON, span[0], span[1], Math.max(0.7, conf), false, text.substring(span[0], span[1])));
                }
            }
        }
        widen(text, out, first);
        gluedStarts(text, out, first);
        out.subList(first, out.size()).removeIf(f -> f.type() == PiiType.PERSON && weekdays(f.value())); // 月水金 朝: a schedule
        dittoAndClubs(text, out, first);
        events(text, out, first);
        joinTouching(text, out, first);
        givenNamesBefore(text, out, first);
        kanjiGivenAfter(text, out, first);
        kanaSurnameBefore(text, out, first);
        oneKanjiSurnames(text, out, first); // after widen, which would take a particle after a kana given name (ひなた|は)
        ringNames(text, out, first); // after widen too: a ring name or a player's surname stands alone (▽本塁打　丸藤)
        boxScore(text, out, first);
        dropRankAndRelation(text, out, first);
        posthumousNames(text, out, first);
        realAndRingNames(text, out, first);
        // a firm's legal form inside a name found (ｺﾞｳﾄﾞｳｶﾞｲｼﾔ ﾀｹﾀﾞﾃﾞｻﾞｲﾝ, an account holder's name in a bank's kana): a firm
        out.subList(first, out.size()).removeIf(f -> f.type() == PiiType.PERSON && hasCompanyMarker(f.value()));
        merge(text, out, first);
    }

    /**
     * The 儀 an obituary writes after the name of the dead (父 岡山敏夫儀 かねてより…, 母 花子儀): not part of the name, which
     * the tokenizer often ends with it.
     */
    private static void dropObituaryMark(String text, List<Finding> out, int first) {
        for (int k = first; k < out.size(); k++) {
            Finding f = out.get(k);
            int e = f.end();
            if (e - f.start() >= 3 && text.charAt(e - 1) == '儀' && (e == text.length() || isSpace(text.charAt(e))
                    || "、\n\r".indexOf(text.charAt(e)) >= 0)) {
                out.set(k, new Finding(PiiType.PERSON, f.start(), e - 1, f.confidence(), false, text.substring(f.start(), e - 1)));
            }
        }
    }

    private static final String RANK_DIGITS = "一二三四五六七八九十";
    private static final String RANKS = "段級";

    /**
     * A professional rank written after the name (松永亮|五段) or before it with a blank (二段 山田太郎), and a relation of two
     * or more characters glued before it (喪主は長男|剛), are not part of the name.
     */
    private void dropRankAndRelation(String text, List<Finding> out, int first) {
        for (int k = first; k < out.size(); k++) {
            Finding f = out.get(k);
            int s = f.start();
            int e = f.end();
            if (e - s >= 4 && RANKS.indexOf(text.charAt(e - 1)) >= 0) {
                int r = e - 1; // 松永亮|五段: one or two kanji digits, then 段 or 級
                while (r > e - 3 && RANK_DIGITS.indexOf(text.charAt(r - 1)) >= 0) {
                    r--;
                }
                e = r < e - 1 && r - s >= 2 ? r : e;
            }
            int q = s; // 二段 山田太郎
            while (q < e && q - s < 2 && RANK_DIGITS.indexOf(text.charAt(q)) >= 0) {
                q++;
            }
            if (q > s && q + 2 < e && RANKS.indexOf(text.charAt(q)) >= 0 && isSpace(text.charAt(q + 1))) {
                s = q + 2;
            }
            int kin = anchors.at(NameAnchors.Kind.KIN, text, s);
            if (kin >= 2 && e - s - kin >= 1 && !isSpace(text.charAt(s + kin)) && Morphology.isKanji(text.charAt(s + kin))) {
                s += kin;
            }
            if (s != f.start() || e != f.end()) {
                out.set(k, new Finding(PiiType.PERSON, s, e, f.confidence(), false, text.substring(s, e)));
            }
        }
    }

    /** Words after a name that make it an event's or a memorial's (上杉まつり, 信長祭り, 夏目漱石生誕記念展, 野口英世記念館). */
    private static final String[] EVENT_AFTER = {"まつり", "祭り", "祭", "生誕", "記念館", "記念展", "記念碑", "没後", "忌"};

    /** A name that is an event's or a memorial's (上杉まつり, 夏目漱石生誕記念展): no one's, as the labelled sets' traps say. */
    private void events(String text, List<Finding> out, int first) {
        for (int k = out.size() - 1; k >= first; k--) {
            Finding f = out.get(k);
            if (f.type() != PiiType.PERSON) {
                continue;
            }
            String v = f.value();
            if (f.confidence() >= 0.8 || honorificAt(text, f.end()) > 0) {
                continue; // 氏名：山田まつり, 高橋まつりさん: a person named まつり
            }
            boolean event = v.endsWith("まつり") && v.length() > 3 || v.endsWith("祭り") && v.length() > 2;
            for (String w : EVENT_AFTER) {
                event |= text.startsWith(w, f.end());
            }
            if (event) {
                out.remove(k);
            }
        }
    }

    /** Single kanji that stand glued before a name without being part of it (故, 元, 父, 同, 長…). */
    private static final String NOT_STRAY = "故亡元前現新旧副同各両全当本第約計父母兄姉弟妹夫妻子孫祖叔伯甥姪嫁婿義実養継長次三四末此其某私僕俺"
            + "文写絵作撮記談訳編画筆選評係班組課"; // a byline's (文山田太郎, 写真・撮影) or a post's mark (係山田太郎)

    /**
     * A name that starts inside a proper noun the dictionary reads whole (垣内田|篤志 read as 内田篤志, 東中川, 藤ケ谷) or right
     * after one stray kanji that stands alone before it (堂|安翔太): the rare surname's first part was left out, and it is the
     * part a masked output must not show. The start moves to the word's (not past a role, an occupation, a relation or a
     * place's suffix). And a name whose given name's last kanji the dictionary took with the particle (大谷翔|平が) ends
     * after it.
     */
    private void gluedStarts(String text, List<Finding> out, int first) {
        for (int k = first; k < out.size(); k++) {
            Finding f = out.get(k);
            int s = f.start();
            if (f.type() != PiiType.PERSON || !confident(f) || s == 0 || !isKanjiAt(text, s)
                    || !(isKanjiAt(text, s - 1) || "ヶケ".indexOf(text.charAt(s - 1)) >= 0)) {
                continue;
            }
            int run = s;
            while (run > 0 && s - run < 6 && (isKanjiAt(text, run - 1) || "ヶケ々".indexOf(text.charAt(run - 1)) >= 0)) {
                run--;
            }
            int ns = -1;
            for (Morphology.Token t : Morphology.tokens(text, run, f.end())) {
                if (t.start() < s && t.end() > s && t.is("名詞-固有名詞") && !t.is("名詞-固有名詞-組織") && t.end() <= f.end()) {
                    ns = t.start(); // 垣内田 read whole, the name found from 内田
                }
            }
            if (ns < 0 && run == s - 1 && NOT_STRAY.indexOf(text.charAt(s - 1)) < 0 && isKanjiAt(text, s - 1)) {
                List<Morphology.Token> one = Morphology.tokens(text, s - 1, s);
                if (one.size() == 1 && one.get(0).is("名詞-一般") && (Morphology.hasEntry(text, s, s + 1, SEI)
                        || Morphology.hasEntry(text, s, Math.min(f.end(), s + 2), SEI))) {
                    ns = s - 1; // 堂|安翔太: one kanji alone before a surname of the dictionary
                }
            }
            if (ns < 0 || ns >= s || ROLE_END.indexOf(text.charAt(s - 1)) >= 0 || OCCUPATION_END.indexOf(text.charAt(s - 1)) >= 0
                    || "市町村区郡県都府道".indexOf(text.charAt(s - 1)) >= 0 || anchors.endingAt(NameAnchors.Kind.KIN, text, s) > 0
                    || anchors.endingAt(NameAnchors.Kind.TITLE, text, s) > 0 || coveredBy(out, ns, s)) {
                continue;
            }
            out.set(k, new Finding(PiiType.PERSON, ns, f.end(), f.confidence(), false, text.substring(ns, f.end())));
        }
        for (int k = first; k < out.size(); k++) {
            Finding f = out.get(k);
            int e = f.end();
            // 大谷翔|平が: the dictionary took the given name's last kanji with the particle; a given name of its ends it
            if (f.type() == PiiType.PERSON && confident(f) && e + 1 < text.length() && e - f.start() >= 3 && isKanjiAt(text, e)
                    && !isKanjiAt(text, e + 1) && "がはのにをともへでや、。（(　 ".indexOf(text.charAt(e + 1)) >= 0
                    && Morphology.hasEntry(text, e - 1, e + 1, MEI) && !coveredBy(out, e, e + 1) && honorificAt(text, e) == 0
                    && anchors.at(NameAnchors.Kind.TITLE, text, e) == 0) { // not 佐藤健一|氏
                out.set(k, new Finding(PiiType.PERSON, f.start(), e + 1, f.confidence(), false, text.substring(f.start(), e + 1)));
            }
        }
    }

    /**
     * A name finding widened to the whole name written around it, so that masking hides all of it: a given name found
     * alone after a blank takes the kanji surname before the blank (相葉　拓真, 楪 宗一郎, 八重樫 紀夫), a surname found
     * alone takes the given name after one blank (立花 紗椰, 森 ます), and a surname the dictionary found a part of takes
     * the kanji glued before it (粟|飯原 辰雄). Each part stands between boundaries, and none is a title, relation,
     * label, role, department or place word.
     */
    private void widen(String text, List<Finding> out, int first) {
        for (int k = first; k < out.size(); k++) {
            Finding f = out.get(k);
            if (!confident(f) || f.value().indexOf('\n') >= 0) {
                continue;
            }
            int s = f.start();
            int e = f.end();
            boolean blankInside = f.value().indexOf(' ') >= 0 || f.value().indexOf('\u3000') >= 0;
            if (!blankInside && s >= 2 && isSpace(text.charAt(s - 1)) && isKanjiAt(text, s - 2) && e - s <= 4
                    && f.value().indexOf('・') < 0 && !surnameOnly(text, s, e) && !occupationBefore(text, s - 1)) {
                int r = surnameBefore(text, s - 1, f.confidence() >= 0.85 || honorificAt(text, e) > 0);
                if (r >= 0 && !coveredBy(out, r, s - 1)) {
                    s = r; // 相葉　|拓真, 無職|菅 キヌヱさん
                }
            } else if (!blankInside && s >= 4 && isSpace(text.charAt(s - 1)) && all(text, s, e, 'c') && e - s <= 3
                    && allGivenKanji(text, s, e)) {
                int r = foreignNameBefore(text, s - 1);
                if (r >= 0 && !coveredBy(out, r, s - 1)) {
                    s = r; // アナ・ソフィア |茉莉
                }
            } else if (!blankInside && e + 2 < text.length() && isSpace(text.charAt(e))
                    && (all(text, s, e, 'c') || e - s >= 2 && all(text, s, e, 'k'))) {
                int g = givenAfter(text, e + 1);
                if (g > 0 && !coveredBy(out, e + 1, g)) {
                    e = g; // 立花 |紗椰
                }
            } else if (!blankInside && e + 2 < text.length() && isSpace(text.charAt(e)) && foreignNameBefore(text, e) == s) {
                int g = e + 1;
                while (g < text.length() && g - e <= 3 && isKanjiAt(text, g)) {
                    g++;
                }
                if (g - e - 1 >= 1 && g - e - 1 <= 2 && allGivenKanji(text, e + 1, g) && !coveredBy(out, e + 1, g)
                        && (g == text.length() || honorificAt(text, g) > 0 || boundaryBefore(text, g + 1)
                        && !Character.isLetterOrDigit(text.charAt(g)))) {
                    e = g; // ペレイラ・ダ・シルバ |健
                }
            } else if (!blankInside && e - s >= 2 && e - s <= 3 && e + 1 < text.length() && all(text, s, e, 'c')
                    && anchors.givenKanji(text.charAt(e)) && honorificAt(text, e + 1) > 0 && surnameOnly(text, s, e)
                    && !coveredBy(out, e, e + 1)) {
                e = e + 1; // 海老原|柊さん: a one-kanji given name glued to the surname, before an honorific
            }
            e = withKanaRest(text, s, e);
            int blank = firstBlank(text, s, e);
            if (blank > s && s >= 1 && isKanjiAt(text, s - 1) && all(text, s, blank, 'c')) {
                int r = s;
                while (r > 0 && blank - r < 4 && isKanjiAt(text, r - 1)) {
                    r--;
                }
                if (r < s && (r == 0 || !isKanjiAt(text, r - 1)) && boundaryBefore(text, r) && plainSurname(text, r, s)
                        && OCCUPATION_END.indexOf(text.charAt(s - 1)) < 0) {
                    s = r; // 粟|飯原 辰雄, 大豆生|田 正剛
                }
            }
            blank = firstBlank(text, s, e);
            if (blank > s && blank - s <= 2 && s >= 2 && text.charAt(s - 1) == 'ノ' && isKanjiAt(text, s - 2) && all(text, s, blank, 'c')) {
                int r = s - 2;
                while (r > 0 && s - 1 - r < 2 && isKanjiAt(text, r - 1)) {
                    r--;
                }
                if ((r == 0 || !isKanjiAt(text, r - 1)) && boundaryBefore(text, r) && plainSurname(text, r, s - 1)
                        && !dictionaryNoun(text, r, s - 1, SEI)) {
                    s = r; // 西ノ|園 大輔: a surname written with ノ (西ノ園, 堀ノ内); not 弊社ノ田中 一郎
                }
            }
            if (s != f.start() || e != f.end()) {
                out.set(k, new Finding(PiiType.PERSON, s, e, f.confidence(), false, text.substring(s, e)));
            }
        }
    }

    /**
     * The tokens with each surname the tokenizer splits (小鳥|遊, 五|百|旗頭, 二|瓶) made one surname token, when a
     * dictionary has it ({@link Morphology#hasEntry}: IPADIC, then UniDic), no piece is already a person's name, and no
     * kanji is glued before it; and a surname written with ノ ({@link #noSurname}: 猪|ノ|口).
     */
    private static List<Morphology.Token> rareSurnames(String text, List<Morphology.Token> ts) {
        ts = tsuSurnames(text, ts);
        List<Morphology.Token> out = null;
        for (int i = 0; i < ts.size(); i++) {
            Morphology.Token t = ts.get(i);
            int j = -1;
            if (t.end() - t.start() < 4 && !t.is("名詞-固有名詞-人名") && all(text, t, 'c') && (t.start() == 0 || !isKanjiAt(text, t.start() - 1))) {
                for (int k = i + 1; k < ts.size() && k <= i + 2; k++) {
                    Morphology.Token u = ts.get(k);
                    if (u.start() != ts.get(k - 1).end() || u.end() - t.start() > 4 || u.is("名詞-固有名詞-人名") || !all(text, u, 'c')) {
                        break;
                    }
                    if (Morphology.hasEntry(text, t.start(), u.end(), SEI)) {
                        j = k;
                    }
                }
            }
            int no = j < 0 ? noSurname(text, ts, i) : -1;
            if (no > 0) {
                j = i + 2;
            }
            if (j > 0 && out == null) {
                out = new ArrayList<>(ts.subList(0, i));
            }
            if (no > 0) {
                Morphology.Token rest = ts.get(j);
                out.add(new Morphology.Token(t.start(), no, SEI));
                if (no < rest.end()) {
                    out.add(new Morphology.Token(no, rest.end(), rest.pos())); // 猪ノ口|先生: the tokenizer's 口先 split again
                }
                i = j;
            } else if (j > 0) {
                out.add(new Morphology.Token(t.start(), ts.get(j).end(), SEI));
                i = j;
            } else if (out != null) {
                out.add(t);
            }
        }
        return out == null ? ts : out;
    }

    /**
     * The tokens with a surname written with ツ or ッ between two kanji (三ツ井, 三ッ谷, 一ツ橋) made one surname token, when the
     * two kanji alone are a surname of the dictionary (三井, 三谷, 一橋): the tokenizer reads a place (三ツ井) or a number and a
     * counter (三|ッ) there. Not inside a run of kanji, not before katakana (三ツ沢コミュニティ), and not across a token that
     * starts before it.
     */
    private static List<Morphology.Token> tsuSurnames(String text, List<Morphology.Token> ts) {
        if (text.indexOf('ツ') < 0 && text.indexOf('ッ') < 0) {
            return ts;
        }
        List<int[]> spans = new ArrayList<>(0);
        for (int k = 1; k + 1 < text.length(); k++) {
            char c = text.charAt(k);
            int s = k - 1;
            int e = k + 2;
            if (c != 'ツ' && c != 'ッ' || !isKanjiAt(text, s) || !isKanjiAt(text, k + 1) || s > 0 && isKanjiAt(text, s - 1)
                    || e < text.length() && Morphology.isKatakana(text.charAt(e)) // 三ツ沢コミュニティ管理: a firm named after its place
                    || !Morphology.hasEntry(text.charAt(s) + "" + text.charAt(k + 1), 0, 2, SEI)) {
                continue;
            }
            spans.add(new int[] {s, e});
        }
        if (spans.isEmpty()) {
            return ts;
        }
        List<Morphology.Token> out = new ArrayList<>(ts.size() + spans.size());
        int x = 0; // one pass over the tokens for all the surnames (a long line holds many)
        for (Morphology.Token t : ts) {
            while (x < spans.size() && spans.get(x)[1] <= t.start()) {
                x++;
            }
            int[] sp = x < spans.size() ? spans.get(x) : null;
            if (sp == null || t.end() <= sp[0] || t.start() < sp[0]) {
                out.add(t); // before the surname, or a word that starts before it (then the surname is not read)
                continue;
            }
            if (t.start() == sp[0]) {
                out.add(new Morphology.Token(sp[0], sp[1], SEI));
            }
            if (t.end() > sp[1]) {
                out.add(new Morphology.Token(sp[1], t.end(), t.pos())); // 井孝 read as one word: its rest
            }
        }
        return out;
    }

    /**
     * Where the surname ends that tokens {@code i} to {@code i + 2} write with ノ between its kanji (猪ノ口, 木ノ下), which the
     * tokenizer splits at the ノ: the kanji without it are a surname of the dictionary (猪口, 木下); or -1.
     */
    private static int noSurname(String text, List<Morphology.Token> ts, int i) {
        if (i + 2 >= ts.size()) {
            return -1;
        }
        Morphology.Token a = ts.get(i);
        Morphology.Token no = ts.get(i + 1);
        Morphology.Token b = ts.get(i + 2);
        if (no.end() - no.start() != 1 || text.charAt(no.start()) != 'ノ' || a.end() != no.start() || no.end() != b.start()
                || a.end() - a.start() > 2 || !all(text, a, 'c') || a.start() > 0 && isKanjiAt(text, a.start() - 1)) {
            return -1;
        }
        // the kanji after the ノ, one or two of them: the tokenizer may have joined the next word's first (口先|生)
        for (int e = Math.min(b.end(), b.start() + 2); e > b.start(); e--) {
            if (!isKanjiAt(text, e - 1) || !all(text, b.start(), e, 'c')) {
                continue;
            }
            String joined = text.substring(a.start(), a.end()) + text.substring(b.start(), e);
            if (Morphology.hasEntry(joined, 0, joined.length(), SEI)) {
                return e;
            }
        }
        return -1;
    }

    /** The part {@code text[s, e)} of {@code f} without the blanks at its ends, with its confidence; null when nothing is left. */
    private static Finding part(String text, Finding f, int s, int e) {
        while (s < e && isSpace(text.charAt(s))) {
            s++;
        }
        while (e > s && isSpace(text.charAt(e - 1))) {
            e--;
        }
        return e > s ? new Finding(PiiType.PERSON, s, e, f.confidence(), false, text.substring(s, e)) : null;
    }

    /** How a polite sentence ends (ありがとうございます, 承知いたしました): what follows a label in a transcript, no name. */
    private static final String[] POLITE_ENDINGS = {"ます", "ました", "ません", "です", "でした", "ください"};

    /** How a role, a task or a department written after a record's label ends (広報担当, 自動更新, 清掃スタッフ, 東京本社). */
    private static final String[] ROLE_VALUE_ENDS = {"担当", "更新", "住民", "スタッフ", "選任", "本社", "支社", "本部", "事務局", "一同",
        "各位"};

    /**
     * Where a role or a department that ends {@code v} starts (投稿者：広報担当, 更新者：自動更新, 担当者：山田花子スタッフ), as a log's or
     * a CMS's label holds one; 0 when none ends it.
     */
    private static int roleValue(String v) {
        for (String w : ROLE_VALUE_ENDS) {
            if (v.length() > w.length() && v.endsWith(w)) {
                return v.length() - w.length();
            }
        }
        return 0;
    }

    /**
     * {@code v} is a prefecture's or a municipality's name (投稿者：東京都, 浦添市, 横浜市中区, 白川村) or a district's of two characters
     * that is no surname of the dictionary (本町, 栄町): a place in a name's field (田村, 中村, 大町 are names as well).
     */
    private boolean placeValue(String v) {
        char last = v.length() >= 2 ? v.charAt(v.length() - 1) : ' ';
        int city = last == '区' ? v.lastIndexOf('市', v.length() - 2) : -1; // 横浜市中区
        return ("都道府県市区".indexOf(last) >= 0 || (last == '町' || last == '村') && v.length() >= 3)
                && (anchors.isMunicipality(v) || city > 0 && anchors.isMunicipality(v.substring(0, city + 1)))
                || v.length() == 2 && (last == '町' || last == '村') && !Morphology.hasEntry(v, 0, 2, SEI); // 本町, 栄町; not 田村, 大町
    }

    /** What an operator's polite sentence starts with before its kana (承知いたしました, 失礼いたします). */
    private static final String[] POLITE_STARTS = {"承知", "了解", "失礼", "恐れ入", "少々"};

    /**
     * {@code v} is a polite sentence: hiragana ending as one does, or one of an operator's set phrases (担当者 ありがとうございます,
     * 承知いたしました); not a name with its です that a later step trims (担当の黒田です).
     */
    private static boolean politeEnding(String v) {
        if (v.length() < 5 || !Morphology.isHiragana(v.charAt(v.length() - 1))) {
            return false;
        }
        boolean phrase = all(v, 0, v.length(), 'h');
        for (String w : POLITE_STARTS) {
            phrase |= v.startsWith(w);
        }
        for (String w : POLITE_ENDINGS) {
            if (phrase && v.endsWith(w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The words a team's or a desk's name ends with (インフラチーム, コールセンター, カスタマーサポート, 受付スタッフ), and 情シス: alone
     * in katakana, or before a blank and the person.
     */
    private static final String[] TEAM_ENDS = {"チーム", "センター", "サポート", "グループ", "デスク", "スタッフ", "情シス"};

    /**
     * The length of a team's name that starts {@code v}, alone or before a blank and more (インフラチーム 遠藤, 情シス), or 0.
     */
    private static int teamWord(String v) {
        int blank = 0;
        while (blank < v.length() && !isSpace(v.charAt(blank))) {
            blank++;
        }
        String w = v.substring(0, blank);
        for (String end : TEAM_ENDS) {
            if (w.endsWith(end) && (w.length() == end.length() ? end.equals("情シス") : blank < v.length() || Chars.isKatakanaScript(w.charAt(0)))) {
                return blank;
            }
        }
        return 0;
    }

    /** A relation, title, label or role word (新郎, 部長, 喪主): never a given name. */
    private boolean roleWord(String text, int s, int e) {
        return anchors.is(NameAnchors.Kind.KIN, text, s, e) || anchors.is(NameAnchors.Kind.TITLE, text, s, e)
                || anchors.is(NameAnchors.Kind.LABEL, text, s, e) || anchors.is(NameAnchors.Kind.ROLE, text, s, e);
    }

    /** A colon at {@code i}, after blanks. */
    private static boolean colonAt(String text, int i) {
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        return i < text.length() && (text.charAt(i) == '：' || text.charAt(i) == ':');
    }

    /** A word the dictionary knows as a surname and never as a given name (加藤): the start of a name, not its end. */
    private static boolean surnameOnly(String text, int s, int e) {
        return Morphology.hasEntry(text, s, e, SEI) && !Morphology.hasEntry(text, s, e, MEI);
    }

    /**
     * Where the kanji surname ending at {@code blank} starts: the whole run when it is one to four kanji after a
     * boundary (相葉), or its end after an occupation, title or relation word glued before it (無職|菅, 会社員|八重樫,
     * 保存会長の|嶋 when {@code strong}: an honorific follows); -1 when there is none.
     */
    private int surnameBefore(String text, int blank, boolean strong) {
        if (anchors.endingAt(NameAnchors.Kind.TITLE, text, blank) > 0) {
            return -1; // 防犯部長　ホセ: a title before the blank
        }
        int r = blank;
        while (r > 0 && blank - r < 8 && isKanjiAt(text, r - 1)) {
            r--;
        }
        for (int k = blank - 1; k > r && blank - k <= 4; k--) {
            boolean after = text.startsWith("無職", k - 2) || OCCUPATION_END.indexOf(text.charAt(k - 1)) >= 0
                    || anchors.endingAt(NameAnchors.Kind.TITLE, text, k) > 0 || anchors.endingAt(NameAnchors.Kind.KIN, text, k) > 0
                    || anchors.endingAt(NameAnchors.Kind.ROLE, text, k) > 0;
            if (after && plainSurname(text, k, blank)) {
                return k;
            }
        }
        if (blank - r <= 4 && !(r > 0 && isKanjiAt(text, r - 1)) && (boundaryBefore(text, r) || strong && r > 0
                && Morphology.isHiragana(text.charAt(r - 1))) && plainSurname(text, r, blank)) {
            return r;
        }
        return -1;
    }

    /**
     * The end of a name whose given name in hiragana the tokenizer cut short (小鳥遊 まひ|ろ 様): the rest of the hiragana
     * run, up to five in all, when a blank, a line's end, a bracket or an honorific follows it; else {@code e}.
     */
    private int withKanaRest(String text, int s, int e) {
        if (e >= text.length() || e - s < 2 || !Morphology.isHiragana(text.charAt(e - 1)) || !Morphology.isHiragana(text.charAt(e))) {
            return e;
        }
        int k = e - 1;
        while (k > s && Morphology.isHiragana(text.charAt(k - 1))) {
            k--;
        }
        int g = e;
        while (g < text.length() && g - k < 5 && Morphology.isHiragana(text.charAt(g)) && honorificAt(text, g) == 0) {
            g++;
        }
        boolean end = g == text.length() || isSpace(text.charAt(g)) || honorificAt(text, g) > 0 || "\n\r（(、。".indexOf(text.charAt(g)) >= 0;
        return end && k > s && !NOT_GIVEN.contains(text.substring(k, g)) ? g : e;
    }

    /**
     * Where a foreign name of two or more katakana words joined by ・ ends at {@code blank} starts (アナ・ソフィア, ペレイラ・ダ・シルバ),
     * after a boundary or の; else -1. Such a name before or after a blank and a kanji given name is one person's name.
     */
    private static int foreignNameBefore(String text, int blank) {
        int r = blank;
        boolean dot = false;
        while (r > 0 && blank - r < 24 && (Morphology.isKatakana(text.charAt(r - 1)) || text.charAt(r - 1) == '・')) {
            dot |= text.charAt(r - 1) == '・';
            r--;
        }
        return dot && r < blank && text.charAt(r) != '・' && text.charAt(blank - 1) != '・'
                && (boundaryBefore(text, r) || text.charAt(r - 1) == 'の') ? r : -1; // 主将の|アナ・ソフィア
    }

    private static int firstBlank(String text, int s, int e) {
        for (int i = s; i < e; i++) {
            if (isSpace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Line start, a blank or punctuation before {@code i}: not a word the run would continue. */
    private static boolean boundaryBefore(String text, int i) {
        if (i == 0) {
            return true;
        }
        char c = text.charAt(i - 1);
        return Character.isWhitespace(c) || isSpace(c) || "、。，．,.・（(「『【［[〈《▽◇◆●○■□▼▲：:）)」』】］]".indexOf(c) >= 0
                || isRank(c);
    }

    /** Hiragana words that follow a surname and a blank without being a given name. */
    private static final java.util.Set<String> NOT_GIVEN = java.util.Set.of("ほか", "など", "から", "まで", "です", "ます", "でした",
            "より", "さま", "くん", "さん", "ちゃん", "こと", "もの", "ため", "ほど", "だけ", "には", "とは", "では");

    /**
     * The end of a given name written after a surname and a blank at {@code i}: one to three kanji, or two to four
     * hiragana or katakana, then a boundary (a blank, punctuation, a bracket, an honorific or the line's end); else -1.
     */
    private int givenAfter(String text, int i) {
        if (honorificAt(text, i) > 0) {
            return -1; // 山田 さんから
        }
        int j = i;
        if (isKanjiAt(text, i)) {
            while (j < text.length() && j - i < 4 && isKanjiAt(text, j)) {
                j++;
            }
            if (j - i > 3) {
                return -1;
            }
        } else if (Morphology.isHiragana(text.charAt(i)) || Morphology.isKatakana(text.charAt(i))) {
            boolean hira = Morphology.isHiragana(text.charAt(i));
            while (j < text.length() && j - i < 5 && (hira ? Morphology.isHiragana(text.charAt(j)) : Morphology.isKatakana(text.charAt(j)))) {
                j++;
            }
            if (j - i < 2 || j - i > 4 || NOT_GIVEN.contains(text.substring(i, j))) {
                return -1;
            }
        } else {
            return -1;
        }
        boolean end = j >= text.length() || honorificAt(text, j) > 0 || boundaryBefore(text, j + 1) && !Character.isLetterOrDigit(text.charAt(j));
        return end && !colonAt(text, j) && plainWord(text, i, j) ? j : -1; // not 真田　|アルト：, the next label
    }

    /** A surname's shape: a {@link #plainWord} that does not end like a role (班長, 合格者, 会員). */
    private boolean plainSurname(String text, int s, int e) {
        return e > s && ROLE_END.indexOf(text.charAt(e - 1)) < 0 && plainWord(text, s, e);
    }

    /** Not a title, relation, label, role, department or place word. */
    private boolean plainWord(String text, int s, int e) {
        return e > s && !anchors.is(NameAnchors.Kind.TITLE, text, s, e) && !anchors.is(NameAnchors.Kind.KIN, text, s, e)
                && !anchors.is(NameAnchors.Kind.LABEL, text, s, e) && !anchors.is(NameAnchors.Kind.ROLE, text, s, e)
                && !anchors.is(NameAnchors.Kind.HONORIFIC, text, s, e) && !anchors.is(NameAnchors.Kind.OFFICE, text, s, e)
                && !isDepartment(text, s, e) && !anchors.isPlaceName(text.substring(s, e)) && !endsWithOrgSuffix(text.substring(s, e))
                && ColumnHints.get().forHeader(text.substring(s, e)).isEmpty();
    }

    /** Every finding over {@code [s, e)} is of exactly that span. */
    private static boolean onlySameSpan(List<Finding> out, int s, int e) {
        for (Finding f : out) {
            if (f.start() < e && s < f.end() && (f.start() != s || f.end() != e)) {
                return false;
            }
        }
        return true;
    }

    private static boolean coveredBy(List<Finding> out, int s, int e) {
        for (Finding f : out) {
            if (f.start() < e && s < f.end()) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.regex.Pattern BEFORE_HONORIFIC = java.util.regex.Pattern.compile(
            "(?<![\\p{IsHan}々ヶケノ])(\\p{IsHan}(?:\\p{IsHan}|[ケヶノ](?=\\p{IsHan})){1,3})(?:さん|くん|君|様|氏|ちゃん|先輩|先生|"
                    + "(容疑者|被疑者|被告人|被告|受刑者))");

    /**
     * How words of a role, an occupation or a group end (工場長, 駅員, 合格者, 会社員, 自営業, 主婦, 教諭): never the end of a
     * surname before a name or an honorific.
     */
    private static final String ROLE_END = "長員者師手家主人様生方達業営職婦士諭";

    /**
     * Two to four kanji right before a personal honorific or the word for an accused person that the dictionary does not
     * know as one word (戸|來くん, 瑞慶|覧さん, 柚木|崎容疑者, 松|ケ|迫容疑者): a surname. One dictionary word (息子さん, 部長さん)
     * or a word ending in a role (工場長, 駅員) is not.
     */
    private void honorificRuns(String text, List<Finding> out, int first) {
        if (!honorificAfterKanji(text)) {
            return; // both patterns below need one: most texts have none
        }
        java.util.regex.Matcher m = BEFORE_HONORIFIC.matcher(text);
        while (m.find()) {
            int s = m.start(1);
            int e = m.end(1);
            if (ROLE_END.indexOf(text.charAt(e - 1)) >= 0 || confidentAt(out, first, s, e)
                    || text.charAt(e) == '先' && "室科部課係園校院会塾".indexOf(text.charAt(e - 1)) >= 0) {
                continue; // 保健室先生, 内科先生: a place's teacher or doctor, not a surname
            }
            int to = Math.min(text.length(), m.end() + 2);
            boolean split = false;
            boolean alone = false;
            boolean accused = m.start(2) >= 0; // 柚木崎容疑者, 松ケ迫被告: the news's word for the accused, two tokens or more
            for (Morphology.Token t : Morphology.tokens(text, s, to)) {
                split |= t.end() == e;
                alone |= t.start() == e && (t.end() == m.end() || accused);
            }
            split &= alone;
            if (!split) {
                continue; // 多種多様, 別添様式: the honorific's kanji is part of a word
            }
            List<Morphology.Token> ts = Morphology.tokens(text, s, e);
            boolean oneWord = ts.size() == 1 && !ts.get(0).is(SEI) && !ts.get(0).is(MEI) && !ts.get(0).is(JINMEI)
                    && !(childHonorific(text, e) && allGivenKanji(text, s, e)); // 蒼空くん: a word and a child's name
            boolean common = ts.stream().anyMatch(t -> t.is("名詞-サ変接続") || t.is("名詞-形容動詞語幹") || t.is("名詞-副詞可能")
                    || t.is("名詞-固有名詞-組織") || t.is("名詞-接尾-助数詞")) || ts.get(ts.size() - 1).is("名詞-数")
                    || ts.stream().allMatch(t -> t.is("名詞-数")); // 三名様, 五千円さん; not 五百|旗頭さん, 百目|鬼さん
            // not その猶予の期間中被告人を, nor a nationality (中国籍容疑者, 米軍属被告)
            boolean proper = !accused || ts.stream().anyMatch(t -> t.is("名詞-固有名詞")) && "籍属".indexOf(text.charAt(e - 1)) < 0
                    && ts.stream().noneMatch(t -> t.is("名詞-固有名詞-地域-国"));
            if (!oneWord && !common && proper && !anchors.isPlaceName(m.group(1))) {
                out.add(new Finding(PiiType.PERSON, s, e, 0.6, false, m.group(1)));
            }
        }
        m = ONE_KANJI_BEFORE_HONORIFIC.matcher(text);
        while (m.find()) {
            int s = m.start(1);
            char c = text.charAt(s);
            if (NOT_ONE_KANJI_SURNAME.indexOf(c) < 0 && !confidentAt(out, first, s, s + 1)
                    && Morphology.hasEntry(text, s, s + 1, SEI) && !roleWord(text, s, s + 1)) {
                out.add(new Finding(PiiType.PERSON, s, s + 1, 0.6, false, m.group(1))); // ケアマネの蔀さん, 担任の東さん
            }
        }
    }

    /** The words {@link #BEFORE_HONORIFIC} ends with (被告 also starts 被告人). */
    private static final String[] HONORIFIC_WORDS = {"さん", "くん", "君", "様", "氏", "ちゃん", "先輩", "先生", "容疑者", "被疑者", "被告", "受刑者"};

    /** One of {@link #HONORIFIC_WORDS} right after a kanji (or half of one of the supplementary planes). */
    private static boolean honorificAfterKanji(String text) {
        for (int i = 1; i < text.length(); i++) {
            if ("さく君様氏ち先容被受".indexOf(text.charAt(i)) >= 0 && Chars.isHanOrSurrogate(text.charAt(i - 1))) {
                for (String w : HONORIFIC_WORDS) {
                    if (text.startsWith(w, i)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** One kanji before さん, くん, ちゃん or 様, with no kanji, お or ご before it. */
    private static final java.util.regex.Pattern ONE_KANJI_BEFORE_HONORIFIC = java.util.regex.Pattern.compile(
            "(?<![\\p{IsHan}々ヶおご御])(\\p{IsHan})(?:さん|くん|ちゃん|様)");
    /**
     * One kanji that a dictionary has as a surname but that, before an honorific, is a relation, a role or a polite word
     * (奥さん, 神様, 皆さん, 赤ちゃん, 坊ちゃん, the 上様 of a receipt).
     */
    private static final String NOT_ONE_KANJI_SURNAME = "奥神皆客王殿仏姫若赤坊母父兄姉妹弟娘嫁婿孫婆爺叔伯主旦様貴彼上先各同当";

    /** A party or witness of a judgment named by the surname glued to the role, then a particle (被告佐伯は, 被告人西条及び). */
    private static final java.util.regex.Pattern COURT_PARTY = java.util.regex.Pattern.compile(
            "(?:被告人|被告|原告|証人|弁護人|申立人|参考人)(\\p{IsHan}{2,3})(?=は|が|の|に|を|と|及び|も|、)");

    private void courtParties(String text, List<Finding> out, int first) {
        if (text.indexOf('告') < 0 && text.indexOf('人') < 0) {
            return;
        }
        java.util.regex.Matcher m = COURT_PARTY.matcher(text);
        while (m.find()) {
            int s = m.start(1);
            int e = m.end(1);
            // the role glued to it says a person, even when a city shares the name (佐伯, 西条)
            if (Morphology.hasEntry(text, s, e, SEI) && !confidentAt(out, first, s, e) && !roleWord(text, s, e) && !isDepartment(text, s, e)) {
                out.add(new Finding(PiiType.PERSON, s, e, 0.6, false, m.group(1)));
            }
        }
        if (text.indexOf("被告") < 0 && text.indexOf("原告") < 0 && text.indexOf("証人") < 0 && text.indexOf("申立人") < 0
                && text.indexOf("参考人") < 0) {
            return;
        }
        m = COURT_PARTY_FULL.matcher(text);
        while (m.find()) {
            int s = m.start(1);
            int e = m.end(1);
            List<Morphology.Token> ts = Morphology.tokens(text, s, e);
            // the last two kanji a given name takes (浜砂|大吾, 江連|大樹), no word of a record's (被告人供述調書, 被告人自宅内)
            boolean given = allGivenKanji(text, e - 2, e) || Morphology.hasEntry(text, e - 2, e, MEI);
            boolean words = ts.stream().anyMatch(t -> t.is("名詞-サ変接続") || t.is("名詞-副詞可能") || t.is("名詞-接尾")
                    || t.is("名詞-形容動詞語幹") || t.is("名詞-数"));
            if (given && !words && !dictionaryWord(text, s, e) && !confidentAt(out, first, s, e) && !isDepartment(text, s, e)) {
                out.add(new Finding(PiiType.PERSON, s, e, 0.6, false, m.group(1)));
            }
        }
    }

    /** A party named in full after the role, then a particle (被告人浜砂大吾は), the surname one the dictionary may not know. */
    private static final java.util.regex.Pattern COURT_PARTY_FULL = java.util.regex.Pattern.compile(
            "(?:被告人|被告|原告|証人|申立人|参考人)(\\p{IsHan}{4,5})(?=は|が|の|に|を|と|及び|も|、)");

    /**
     * The set phrases of a judgment and a police record that glue a name between its role and what the person did or
     * owns: 検察官大神田　学出席の上, 弁護人吉住 航平作成の, 店長竹下 義則管理に係る, 被害者石川一郎所有の. The name is a surname of the
     * dictionary of one to four kanji, a blank or none, and a given name of one to three; the phrase after it says where it ends.
     */
    private static final java.util.regex.Pattern ROLE_FORMULA = java.util.regex.Pattern.compile(
            "(?:検察官|弁護人|付添人|弁護士|裁判官|書記官|通訳人|補佐人|代理人|立会人|検察事務官|司法警察員|司法巡査|警部補|巡査部長|巡査|警部|"
                    + "店長|副店長|支配人|管理者|社長|代表者|被害者|所有者|証人|主治医|担当医|医師|鑑定人|鑑定医)"
                    + "(\\p{IsHan}{1,4})([ 　]?)(\\p{IsHan}{1,3})(?=各?出席|立会|作成|管理に係る|所有|名義|及び|並びに|の意見)");

    private void roleFormulae(String text, List<Finding> out, int first) {
        if (text.indexOf("出席") < 0 && text.indexOf("作成") < 0 && text.indexOf("管理に係る") < 0 && text.indexOf("所有") < 0
                && text.indexOf("立会") < 0 && text.indexOf("名義") < 0 && text.indexOf("及び") < 0 && text.indexOf("並びに") < 0
                && text.indexOf("の意見") < 0) {
            return;
        }
        java.util.regex.Matcher m = ROLE_FORMULA.matcher(text);
        while (m.find()) {
            int s = m.start(1);
            int e = m.end(3);
            // a surname of the dictionary, then a given name: given-name kanji or a given name of the dictionary (not
            // 三井物産, 前田建設, 代理人 after 側　)
            boolean split = !m.group(2).isEmpty() ? (m.end(1) - s >= 2 || Morphology.hasEntry(text, s, m.end(1), SEI))
                    && plainSurname(text, s, m.end(1)) && given(text, m.start(3), e) && !commonWord(text, m.start(3), e)
                    : surnameThenGiven(text, s, e);
            if (!split || isDepartment(text, s, e) || commonWord(text, s, e) || endsWithOrgSuffix(text.substring(s, e))) {
                continue;
            }
            // a name found inside it (吉住航 of 吉住航平作成) or a weak one gives way; a confident finding reaching outside it stays
            Finding.addOver(out, first, new Finding(PiiType.PERSON, s, e, 0.7, false, text.substring(s, e)),
                    f -> f.type() == PiiType.PERSON && f.start() >= s && f.end() <= e || !confident(f));
        }
    }

    /** {@code text[s, e)} is a given name: kanji frequent in given names, or a given name of the dictionary. */
    private boolean given(String text, int s, int e) {
        return allGivenKanji(text, s, e) || Morphology.hasEntry(text, s, e, MEI);
    }

    /** {@code text[s, e)} is a dictionary surname followed by a given name of one to three kanji (北浦修, 石川一郎). */
    private boolean surnameThenGiven(String text, int s, int e) {
        for (int k = s + 1; k <= s + 3 && k < e; k++) {
            if (e - k <= 3 && Morphology.hasEntry(text, s, k, SEI) && plainSurname(text, s, k) && given(text, k, e)) {
                return true;
            }
        }
        return false;
    }

    /** A kanji surname, then a given name in katakana and what marks a person: 鳴海トミさん, 佐々木キヨ（97）. */
    private static final java.util.regex.Pattern KATAKANA_GIVEN = java.util.regex.Pattern.compile(
            "(\\p{IsHan}{1,6})([ァ-ヴ]{2,3})(?=さん|様|儀|[（(][0-9０-９]|＝|」)");
    /** A surname in hiragana, a kanji given name, then an age, the way election lists print a candidate: ふじもと和子　61. */
    private static final java.util.regex.Pattern HIRAGANA_SURNAME = java.util.regex.Pattern.compile(
            "(?<![ぁ-ゖ])([ぁ-ゖ]{2,5})(\\p{IsHan}{1,2})(?=[ 　]+[0-9０-９]{2}(?:[ 　]|$))", java.util.regex.Pattern.MULTILINE);
    /** A katakana name after a family word or one's own firm: 実母マリアは, 弊社のアサクラが. */
    private static final java.util.regex.Pattern KATAKANA_AFTER = java.util.regex.Pattern.compile(
            "(?<![\\p{IsHan}])(実母|実父|養母|養父|義母|義父|母|父|妻|夫|長男|長女|次男|次女|三男|三女|祖母|祖父|姉|兄|弟|妹|弊社の|当社の|弊店の|当店の)"
                    + "([ァ-ヴ][ァ-ヴー]{1,6})(?=は|が|に|を|の|から|と|も|より|、|，)");
    /**
     * A name someone goes by, in quotes (通名の「金田英子」, 本名「…」), a maiden name (（旧姓及川）, 旧姓は相ヶ瀬。, （旧姓有村・昭和57年卒）)
     * or a real name with a blank inside after 本名 (本名宮ノ下 翼）); not 通称, which names places, routes and events as often (通称「山田線」).
     */
    private static final java.util.regex.Pattern ALIAS = java.util.regex.Pattern.compile(
            "(?:(?:通名|本名|旧姓|偽名|芸名)(?:の|は|：|:)?[「『]([^」』\\n]{2,10})[」』]|旧姓(?:[ 　]?|は)(\\p{IsHan}[\\p{IsHan}ヶノ々]{0,4})(?=[）)。、・])"
                    + "|本名[ 　]?([\\p{IsHan}][\\p{IsHan}ヶノ々]{0,4}[ 　][\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}ー]{1,4})(?=[）)、。\\n]))");

    /**
     * Two children's given names joined by ・, the way a class's duty roster pairs them: そうすけ・りお, and one of them in
     * kanji (ゆいな・大雅).
     */
    private static final java.util.regex.Pattern KANA_PAIR = java.util.regex.Pattern.compile(
            "(?<![ぁ-ゖ・])((?<!\\p{IsHan})\\p{IsHan}{1,2}|[ぁ-ゖ]{2,4})・([ぁ-ゖ]{2,4}(?![ぁ-ゖ・])|\\p{IsHan}{1,2}(?![ぁ-ゖ・\\p{IsHan}]))");

    /** A child named by relation and given name, then the birth date: 長男湊（平成25年2月18日生）, 長女紬（平成28年…生）. */
    private static final java.util.regex.Pattern CHILD_WITH_BIRTH = java.util.regex.Pattern.compile(
            "(?:長男|長女|次男|次女|三男|三女|四男|四女|二男|二女|養子|子|孫)(\\p{IsHan}{1,3})(?=[（(](?:令和|平成|昭和|[0-9０-９]{4})[^）)\\n]{2,14}生[）)])");
    /**
     * A pupil's given name in a list's cell, then the class (PTA名簿: 陽斗 5年1組／結菜 2年3組, Leo 3年2組): after a
     * separator or a line's start, before a separator or a line's end.
     */
    private static final java.util.regex.Pattern PUPIL_CLASS = java.util.regex.Pattern.compile(
            "(?<![^・／/、,|｜　 \\t\\n])(\\p{IsHan}{1,3}|[ぁ-ゖ]{2,4}|[A-Z][a-z]{1,10})[ 　]?[0-9０-９一二三四五六]年[0-9０-９一二三四五六A-DＡ-Ｄ]組"
                    + "(?=[・／/、,|｜　 \\t\\r\\n）)]|$)");
    /** What follows a sound's word (ドンという音, ドンという大きな音, ドンと音): no name. */
    private static final java.util.regex.Pattern SOUND_AFTER = java.util.regex.Pattern.compile("と(?:いう)?\\p{IsHan}?\\p{IsHiragana}{0,4}音");
    /** The separators of a list's cells. */
    private static final String CELL_MARKS = "・／/|｜\t";
    /** A pupil's parent writing to the school: 3年2組 奥寺湊の母です (the class, the child's full name, the relation). */
    private static final java.util.regex.Pattern PUPILS_PARENT = java.util.regex.Pattern.compile(
            "(?:[0-9０-９一二三四五六]年(?:[0-9０-９一二三四五六A-DＡ-Ｄ]組)?|[0-9０-９]年生)[ 　]?([\\p{IsHan}々]{2,6})"
                    + "の(?:母|父|祖母|祖父|保護者|母親|父親)(?:です|でございます|より)");
    /** A surname glued to a profession that names a person, then a particle: 保健師椎名から, 調査官萩原が. */
    private static final java.util.regex.Pattern PROFESSION_SURNAME = java.util.regex.Pattern.compile(
            "(?:保健師|看護師|助産師|医師|主治医|担当医|薬剤師|社会福祉士|介護福祉士|相談員|支援員|調査官|指導員|司書|教諭|保育士|栄養士)"
                    + "(\\p{IsHan}{2,3})(?=から|が|は|に|より|と|の|へ|、)");
    /** A member of a church named with 兄 or 姉 after the name (鵜飼 ルツ 和枝姉, 篠宮兄が): only where the text is a church's. */
    private static final java.util.regex.Pattern BROTHER_SISTER = java.util.regex.Pattern.compile(
            "((?:\\p{IsHan}{1,4}|[ァ-ヴー]{2,8})(?:[ 　・](?:\\p{IsHan}{1,3}|[ァ-ヴー]{2,6})){0,2})(?:兄|姉)(?=[がはのと、（(をに　 ]|$)",
            java.util.regex.Pattern.MULTILINE);
    private static final java.util.regex.Pattern CHURCH = java.util.regex.Pattern.compile("教会|礼拝|牧師|召天|主日|聖餐|洗礼|受洗|執事");
    /** A second given name after a couple's full name: 柏原 秀一・美紀. */
    private static final java.util.regex.Pattern COUPLE_GIVEN = java.util.regex.Pattern.compile("・(\\p{IsHan}{1,3})(?=[ 　\\n、）)（(]|$)");

    /**
     * Where the name before a church's 兄 or 姉 starts in {@code text[s, e)}, or -1: at the first word that starts with a
     * surname of the dictionary (祈祷　長老　吉田 → 吉田, 鵜飼 ルツ 和枝), or with none, at a katakana word (クリストファー・ノートン,
     * ノートン 由紀); every word from there is no label, role, title or common word.
     */
    private int churchName(String text, int s, int e) {
        List<int[]> words = new ArrayList<>(3);
        for (int i = s; i < e; ) {
            int j = i;
            while (j < e && " 　・".indexOf(text.charAt(j)) < 0) {
                j++;
            }
            words.add(new int[] {i, j});
            i = j + 1;
        }
        int from = -1;
        for (int k = 0; k < words.size() && from < 0; k++) {
            from = all(text, words.get(k)[0], words.get(k)[1], 'H') && surnameStart(text, words.get(k)[0], words.get(k)[1]) ? k : -1;
        }
        for (int k = 0; k < words.size() && from < 0; k++) {
            from = all(text, words.get(k)[0], words.get(k)[1], 'k') ? k : -1;
        }
        if (from < 0 || e - words.get(from)[0] < 2) {
            return -1;
        }
        for (int k = from; k < words.size(); k++) {
            int a = words.get(k)[0];
            int b = words.get(k)[1];
            // a word of the dictionary that is a name too stays (鵜飼, 利子); a katakana word opening the name must not be one
            boolean common = commonWord(text, a, b) && !Morphology.hasEntry(text, a, b, SEI) && !Morphology.hasEntry(text, a, b, MEI)
                    || k == from && all(text, a, b, 'k') && dictionaryWord(text, a, b);
            if (common || anchors.is(NameAnchors.Kind.LABEL, text, a, b) || anchors.is(NameAnchors.Kind.ROLE, text, a, b)
                    || anchors.is(NameAnchors.Kind.TITLE, text, a, b) || anchors.is(NameAnchors.Kind.KIN, text, a, b)) {
                return -1;
            }
        }
        return words.get(from)[0];
    }

    private static boolean surnameStart(String text, int s, int e) {
        for (int k = Math.min(e, s + 4); k >= s + 2; k--) {
            if (Morphology.hasEntry(text, s, k, SEI)) {
                return true;
            }
        }
        return false;
    }

    /** A list of surnames joined by ・ (岩佐・倉橋・アルバレス・菅野, 受付：井手・小畑), each a word of kanji or katakana. */
    private static final java.util.regex.Pattern DOTTED = java.util.regex.Pattern.compile(
            "(?<=^|[：:（(）)　 、】])((?:[\\p{IsHan}々]{1,4}|[ァ-ヴー]{2,8})(?:・(?:[\\p{IsHan}々]{1,4}|[ァ-ヴー]{2,8})){1,9})(?=$|[　 、（(）)\\n])",
            java.util.regex.Pattern.MULTILINE);
    /** A full name, then the relation of the person to the one the form is about: 鷹科 美穂（妻）, an emergency contact. */
    private static final java.util.regex.Pattern NAME_THEN_RELATION = java.util.regex.Pattern.compile(
            "(?<![\\p{IsHan}々ァ-ヴー])([\\p{IsHan}々]{1,4}[ 　][\\p{IsHan}々ぁ-ゖァ-ヴー]{1,4})(?=[（(](?:妻|夫|母|父|長男|長女|次男|次女|二男|二女|三男|三女|息子|娘|兄|姉|弟|妹|祖母|祖父|義母|義父|子|孫|配偶者)[）)])");

    /**
     * {@link #DOTTED}: every kanji word a surname of the dictionary that is no place and no common word, at least two of
     * them, and a katakana word among them only beside such surnames; two words only after a colon (受付：井手・小畑).
     */
    private void dottedSurnames(String text, List<Finding> out, int first) {
        java.util.regex.Matcher m = DOTTED.matcher(text);
        while (m.find()) {
            String[] items = m.group(1).split("・");
            boolean afterColon = m.start(1) > 0 && (text.charAt(m.start(1) - 1) == '：' || text.charAt(m.start(1) - 1) == ':')
                    && dutyBefore(text, m.start(1) - 1);
            if (items.length < 3 && !afterColon) {
                continue;
            }
            int kanji = 0;
            boolean ok = true;
            for (int i = 0, p = m.start(1); i < items.length && ok; p += items[i].length() + 1, i++) {
                if (Morphology.isKatakana(items[i].charAt(0))) {
                    continue;
                }
                int e = p + items[i].length();
                // after a colon (受付：井手・小畑) a surname that is also a town's name is still one
                ok = Morphology.hasEntry(text, p, e, SEI) && (afterColon ? !anchors.isPrefecture(items[i]) : !anchors.isPlaceName(items[i]))
                        && !commonWord(text, p, e)
                        && !anchors.is(NameAnchors.Kind.TITLE, text, p, e) && !anchors.is(NameAnchors.Kind.KIN, text, p, e);
                kanji++;
            }
            if (!ok || kanji < 2 || kanji * 3 < items.length * 2) {
                continue;
            }
            for (int i = 0, p = m.start(1); i < items.length; p += items[i].length() + 1, i++) {
                addName(text, p, p + items[i].length(), out, first);
            }
        }
    }

    /** The duties a list of people after a colon is for (受付：井手・小畑, 当番：…): not 停車駅：大宮・高崎. */
    private static final String[] DUTIES = {"受付", "司会", "当番", "担当", "係", "幹事", "奏楽", "世話人", "案内", "会計", "書記", "記録",
        "進行", "奉仕", "準備", "片付け", "リーダー", "班長", "委員", "出席者", "欠席者", "参加者", "講師", "審判"};

    /** A duty of {@link #DUTIES} ends at {@code colon}. */
    private static boolean dutyBefore(String text, int colon) {
        for (String d : DUTIES) {
            if (text.startsWith(d, colon - d.length())) {
                return true;
            }
        }
        return false;
    }

    private void relationsAndRoles(String text, int g, List<Finding> out, int first) {
        java.util.regex.Matcher m;
        if (text.indexOf('・') >= 0) {
            dottedSurnames(text, out, first);
        }
        if ((g & G_RELATION_BRACKET) != 0) {
            m = NAME_THEN_RELATION.matcher(text);
            while (m.find()) {
                int s = m.start(1);
                int b = firstBlank(text, s, m.end(1));
                // a surname, then a given name in kanji or katakana (not 同居家族　あり（母）); a surname that is a place's name too
                // when the dictionary has it as a surname and a given name of the lists follows (小松 あゆみ（姉）)
                boolean placeSurname = b > s && anchors.isPlaceName(text.substring(s, b)) && Morphology.ipadicEntry(text, s, b, SEI)
                        && all(text, b + 1, m.end(1), 'h') && LatinNames.kanaGiven(text.substring(b + 1, m.end(1)));
                if ((plainSurname(text, s, b) || placeSurname) && !commonWord(text, s, b)
                        && (given(text, b + 1, m.end(1)) || all(text, b + 1, m.end(1), 'k'))) {
                    addName(text, s, m.end(1), out, first);
                }
            }
        }
        if (text.indexOf('生') >= 0) {
            m = CHILD_WITH_BIRTH.matcher(text);
            while (m.find()) {
                if (allGivenKanji(text, m.start(1), m.end(1)) && !commonWord(text, m.start(1), m.end(1))) {
                    addName(text, m.start(1), m.end(1), out, first);
                }
            }
        }
        m = text.indexOf('年') >= 0 && (text.indexOf("の母") >= 0 || text.indexOf("の父") >= 0 || text.indexOf("の保護者") >= 0
                || text.indexOf("の祖") >= 0) ? PUPILS_PARENT.matcher(text) : null;
        while (m != null && m.find()) {
            if (surnameStart(text, m.start(1), m.end(1)) && !commonWord(text, m.start(1), m.end(1))) {
                addName(text, m.start(1), m.end(1), out, first);
            }
        }
        m = (g & G_PROFESSION) != 0 ? PROFESSION_SURNAME.matcher(text) : null;
        while (m != null && m.find()) {
            int s = m.start(1);
            int e = m.end(1);
            if (Morphology.hasEntry(text, s, e, SEI) && plainSurname(text, s, e) && !commonWord(text, s, e)) {
                addName(text, s, e, out, first);
            }
        }
        if ((text.indexOf('兄') >= 0 || text.indexOf('姉') >= 0) && CHURCH.matcher(text).find()) {
            m = BROTHER_SISTER.matcher(text);
            while (m.find()) {
                int s = m.start(1);
                int e = m.end(1);
                while (s < e && !boundaryBefore(text, s) && !(s > 0 && isSpace(text.charAt(s - 1)))) {
                    s++; // the name starts after a blank, a mark or a line's start: not 義兄, 長姉
                }
                int n = churchName(text, s, e);
                if (n >= 0) {
                    addName(text, n, e, out, first);
                }
            }
        }
        int size = text.indexOf('・') >= 0 ? out.size() : first;
        for (int k = first; k < size; k++) {
            Finding f = out.get(k);
            if (f.type() != PiiType.PERSON || f.value().indexOf(' ') < 0 && f.value().indexOf('　') < 0
                    || f.end() >= text.length() || text.charAt(f.end()) != '・') {
                continue;
            }
            m = COUPLE_GIVEN.matcher(text).region(f.end(), Math.min(text.length(), f.end() + 5));
            if (m.lookingAt() && (allGivenKanji(text, m.start(1), m.end(1)) || m.end(1) - m.start(1) > 1
                    && Morphology.hasEntry(text, m.start(1), m.end(1), MEI) && !anchors.is(NameAnchors.Kind.KIN, text, m.start(1), m.end(1))
                    && !(m.end(1) + 1 < text.length() && isSpace(text.charAt(m.end(1))) && isKanjiAt(text, m.end(1) + 1))) // ・助教 北村 沙織
                    && (m.end(1) - m.start(1) > 1
                    || Morphology.hasEntry(text, m.start(1), m.end(1), MEI) && "作画著編訳文絵写詞曲".indexOf(text.charAt(m.start(1))) < 0)) {
                // not 山田 太郎・作, a credit
                addName(text, m.start(1), m.end(1), out, first);
            }
        }
    }

    /** Names written half in kana that the dictionary splits or misses ({@link #KATAKANA_GIVEN} and the four after it). */
    private void kanaHalves(String text, int g, List<Finding> out, int first) {
        boolean katakana = (g & G_KATAKANA) != 0;
        boolean hiragana = (g & G_HIRAGANA) != 0;
        // each pattern only where its cheapest part is: a matcher costs more than the look
        java.util.regex.Matcher m = katakana && (g & G_AFTER_GIVEN) != 0 && kanaRunAfterKanji(text, NameRecognizer::isKatakanaLetter, "")
                ? KATAKANA_GIVEN.matcher(text) : null;
        while (m != null && m.find()) {
            if (!LatinNames.kanaGiven(m.group(2)) || dictionaryWord(text, m.start(2), m.end(2))) {
                continue; // not 「千葉ミカン」, 「吉野サクラ」
            }
            int e = m.start(2);
            for (int s = Math.max(m.start(1), e - 4); s < e; s++) {
                // a surname that is also a place (小林, 佐々木) is still one before a given name
                if (e - s >= 2 && Morphology.hasEntry(text, s, e, SEI) && !anchors.is(NameAnchors.Kind.TITLE, text, s, e)
                        && !anchors.is(NameAnchors.Kind.KIN, text, s, e) && !isDepartment(text, s, e)) {
                    addName(text, s, m.end(2), out, first);
                    break;
                }
            }
        }
        m = hiragana && (text.indexOf(' ') >= 0 || text.indexOf('　') >= 0) ? HIRAGANA_SURNAME.matcher(text) : null;
        while (m != null && m.find()) {
            if (LatinNames.kanaSurname(m.group(1)) && Morphology.hasEntry(text, m.start(2), m.end(2), MEI)) {
                addName(text, m.start(1), m.end(2), out, first);
            }
        }
        m = katakana && (g & G_KIN) != 0 ? KATAKANA_AFTER.matcher(text) : null;
        while (m != null && m.find()) {
            String w = m.group(2);
            boolean firm = m.group(1).endsWith("の");
            if (!dictionaryWord(text, m.start(2), m.end(2)) && (firm ? LatinNames.kanaSurname(w) : LatinNames.kanaGiven(w))) {
                addName(text, m.start(2), m.end(2), out, first);
            }
        }
        m = hiragana && text.indexOf('・') >= 0 ? KANA_PAIR.matcher(text) : null;
        while (m != null && m.find()) {
            boolean kanji1 = Morphology.isKanji(text.charAt(m.start(1)));
            boolean kanji2 = Morphology.isKanji(text.charAt(m.start(2)));
            // both given names of the lists, and not both words of the dictionary (もも・りんご); a kanji one beside a kana one:
            // given-name kanji that are not one word (大雅; not 山・川)
            boolean given1 = kanji1 ? !kanji2 && allGivenKanji(text, m.start(1), m.end(1)) && !dictionaryWord(text, m.start(1), m.end(1))
                    : LatinNames.kanaGiven(m.group(1));
            boolean given2 = kanji2 ? !kanji1 && allGivenKanji(text, m.start(2), m.end(2)) && !dictionaryWord(text, m.start(2), m.end(2))
                    : LatinNames.kanaGiven(m.group(2));
            // a reading: 元木勝彦（もとき・かつひこ）, 桐生三奈子＝きりゅう・みなこ, or a name found right before it and a blank (a
            // table's brackets taken out: 石黒 まゆみ いしぐろ・まゆみ)
            int at = m.start(1);
            boolean reading = at > 0 && (Chars.isOpenParen(text.charAt(at - 1)) || text.charAt(at - 1) == '＝'
                    || isSpace(text.charAt(at - 1)) && personEndsAt(out, first, text, at - 1));
            if (given1 && given2 && !reading && !(dictionaryWord(text, m.start(1), m.end(1)) && dictionaryWord(text, m.start(2), m.end(2)))) {
                int s = m.start(1);
                int e = m.end(2);
                out.removeIf(f -> f.type() == PiiType.PERSON && f.start() == s && f.end() == e); // ひなた・はると read as one name
                addName(text, m.start(1), m.end(1), out, first);
                addName(text, m.start(2), m.end(2), out, first);
            }
        }
        m = (g & G_ALIAS) != 0 ? ALIAS.matcher(text) : null;
        while (m != null && m.find()) {
            int group = m.group(1) != null ? 1 : m.group(2) != null ? 2 : 3;
            int s = m.start(group);
            int e = m.end(group);
            // after 旧姓, a surname even when no dictionary has it (旧姓八月一日, 旧姓は相ヶ瀬), but not a word (旧姓使用); after
            // 本名, a name with a blank inside (本名宮ノ下 翼)
            boolean name = group == 1 ? endsWithNameToken(text, s, e) && !anchors.isPlaceName(m.group(1))
                    && !endsWithOrgSuffix(m.group(1))
                    : group == 2 ? Morphology.hasEntry(text, s, e, SEI) || !wordsIn(text, s, e)
                    : !wordsIn(text, s, firstBlank(text, s, e)); // not 旧姓は戸籍上, 旧姓併記可, 本名 年齢 不詳
            if (name) {
                addName(text, s, e, out, first);
            }
        }
    }

    /** The characters each of {@link #kanaHalves}' and {@link #relationsAndRoles}' patterns needs, as bits of {@link #GUARDS}. */
    private static final int G_KATAKANA = 1;
    private static final int G_HIRAGANA = 2;
    private static final int G_AFTER_GIVEN = 4;
    private static final int G_KIN = 8;
    private static final int G_ALIAS = 16;
    private static final int G_PROFESSION = 32;
    private static final int G_RELATION_BRACKET = 64;
    private static final byte[] GUARDS = new byte[65536];

    static {
        for (char c = 'ァ'; c <= 'ヺ'; c++) {
            GUARDS[c] |= G_KATAKANA;
        }
        for (char c = 'ぁ'; c <= 'ゖ'; c++) {
            GUARDS[c] |= G_HIRAGANA;
        }
        String[] sets = {"さ様儀（(＝」", "母父妻夫男女姉兄弟妹の", "名姓称", "師医員官士諭書"}; // 本名, 旧姓, 通称: 名 and 姓
        int[] bits = {G_AFTER_GIVEN, G_KIN, G_ALIAS, G_PROFESSION};
        for (int k = 0; k < sets.length; k++) {
            for (char c : sets[k].toCharArray()) {
                GUARDS[c] |= (byte) bits[k];
            }
        }
    }

    /**
     * A run of two or three characters that {@code kana} accepts right after a kanji (or 々), and then none of
     * {@code notAfter}: where {@link #KATAKANA_GIVEN} ({@code [ァ-ヴ]}) and {@link #KANJI_THEN_KANA} (the katakana script)
     * can match at all.
     */
    private static boolean kanaRunAfterKanji(String text, java.util.function.IntPredicate kana, String notAfter) {
        for (int i = 1; i < text.length(); i++) {
            if (kana.test(text.charAt(i)) && isHan(text.charAt(i - 1))) {
                int j = i;
                while (j < text.length() && kana.test(text.charAt(j))) {
                    j++;
                }
                if (j - i >= 2 && j - i <= 3 && !(j < text.length() && notAfter.indexOf(text.charAt(j)) >= 0)) {
                    return true;
                }
                i = j;
            }
        }
        return false;
    }

    /** A katakana letter of the patterns' [ァ-ヴ]. */
    private static boolean isKatakanaLetter(int c) {
        return c >= 'ァ' && c <= 'ヴ';
    }

    private static boolean isHan(int c) {
        return Chars.isHanOrSurrogate(c);
    }

    /** One pass over {@code text}: the bits of {@link #GUARDS} its characters have, and a bracket holding a relation. */
    private static int guards(String text) {
        int g = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int b = GUARDS[c];
            if (b == 0) {
                continue;
            }
            // a profession's patterns need a kanji right after it (保健師田中から), a family word's a katakana (実母マリアは)
            if ((b & G_PROFESSION) != 0 && !(i + 1 < text.length() && isHan(text.charAt(i + 1)))) {
                b &= ~G_PROFESSION;
            }
            if ((b & G_KIN) != 0 && !(i + 1 < text.length() && isKatakanaLetter(text.charAt(i + 1)))) {
                b &= ~G_KIN;
            }
            g |= b;
            if ((c == '（' || c == '(') && i + 1 < text.length() && "妻夫母父長次二三息娘兄姉弟妹祖義子孫配".indexOf(text.charAt(i + 1)) >= 0) {
                g |= G_RELATION_BRACKET;
            }
        }
        return g;
    }

    /** The last word of {@code text[s, e)} is a surname or a given name of the dictionary (金田英子; not 石原軍団). */
    private static boolean endsWithNameToken(String text, int s, int e) {
        List<Morphology.Token> ts = Morphology.tokens(text, s, e);
        if (ts.isEmpty()) {
            return false;
        }
        Morphology.Token t = ts.get(ts.size() - 1);
        return t.end() == e && (t.is(SEI) || t.is(MEI) || t.is(JINMEI));
    }

    /** {@code text[s, e)} is one word of the dictionary that is not a proper noun (もも, りんご, さくら as a tree; 美人, 空母). */
    private static boolean dictionaryWord(String text, int s, int e) {
        return dictionaryWord(Morphology.tokens(text, s, e));
    }

    private static boolean dictionaryWord(List<Morphology.Token> ts) {
        return ts.size() == 1 && !ts.get(0).is("名詞-固有名詞");
    }

    /** Adds the name {@code text[s, e)} in place of the shorter names found inside it. */
    private void replaceShorter(String text, int s, int e, List<Finding> out, int first) {
        out.subList(first, out.size()).removeIf(f -> f.type() == PiiType.PERSON && f.start() >= s && f.end() <= e && f.end() - f.start() < e - s);
        addName(text, s, e, out, first);
    }

    /**
     * A name a person goes by, in quotes: after a word only people's names take (俳号「蕎麦翁」, ハンドルネーム「ねこまる」), or
     * after 通称/愛称 in brackets right after a name found (藤堂　結衣（通称「ゆいぴょん」）: 通称 alone names routes and halls
     * as often, 通称「山田線」). Its later mentions in the text are the person too, when it has three characters or more.
     */
    private static final java.util.regex.Pattern NICKNAME = java.util.regex.Pattern.compile(
            "(?:([（(])(?:通称|愛称)|俳号|雅号|ハンドルネーム|源氏名|ペンネーム|リングネーム)(?:は|：|:)?[「『]([^」』\\n]{2,12})[」』]");

    private void nicknames(String text, Cover cov, List<Finding> out, int first) {
        if (text.indexOf('「') < 0 && text.indexOf('『') < 0) {
            return;
        }
        java.util.regex.Matcher m = NICKNAME.matcher(text);
        while (m.find()) {
            int named = m.group(1) != null ? cov.endingAt(m.start()) : -1;
            if (m.group(1) != null && (named < 0 || out.get(named).confidence() < 0.4)) {
                continue;
            }
            String w = m.group(2);
            addName(text, m.start(2), m.end(2), out, first);
            for (int i = text.indexOf(w); w.length() >= 3 && i >= 0; i = text.indexOf(w, i + w.length())) {
                int e = i + w.length();
                if (i != m.start(2) && !(e < text.length() && (Chars.isAlnum(text.charAt(e)) || Morphology.isKatakana(text.charAt(e))))
                        && !(i > 0 && (Chars.isAlnum(text.charAt(i - 1)) || Morphology.isKatakana(text.charAt(i - 1))))) {
                    addName(text, i, e, out, first); // 「ゆいぴょん、統合失調症で…」, not the channel 「ゆいぴょんch」
                }
            }
        }
    }

    private void addName(String text, int s, int e, List<Finding> out, int first) {
        if (!confidentAt(out, first, s, e)) {
            out.add(new Finding(PiiType.PERSON, s, e, 0.6, false, text.substring(s, e)));
        }
    }

    /**
     * A cell of a names column that holds two or three names joined by ・ or 、 (a child's parents: 健太・美咲): each a name
     * by itself, each a finding. False, and nothing added, when a part is not.
     */
    private boolean namesJoined(String text, List<Finding> out) {
        List<Finding> found = new ArrayList<>(3);
        int s = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i < text.length() && text.charAt(i) != '・' && text.charAt(i) != '、') {
                continue;
            }
            String part = text.substring(s, i);
            if (part.isBlank() || part.length() > 12 || NameCell.classify(part, this) != NameCell.Verdict.NAME) {
                return false;
            }
            Finding f = NameCell.finding(part);
            String w = f.value();
            if (kinWord(w) || anchors.is(NameAnchors.Kind.ROLE, w, 0, w.length()) || w.length() == 1 && !anchors.givenKanji(w.charAt(0))) {
                return false; // 父・母: relations, not names
            }
            found.add(new Finding(PiiType.PERSON, s + f.start(), s + f.end(), f.confidence(), false, f.value()));
            s = i + 1;
        }
        if (found.size() < 2 || found.size() > 3) {
            return false;
        }
        out.addAll(found);
        return true;
    }

    /** Nouns in hiragana that follow うちの and are no child's name (うちのほうが近い, うちのひと). */
    private static final Set<String> NOT_OUR_CHILD = Set.of("ほう", "ひと", "なか", "まえ", "こと", "もの", "ところ", "へん", "あたり",
            "ため", "ぶん", "ほか", "こども", "むすこ", "むすめ", "おや", "いえ", "みせ", "かいしゃ", "がっこう");

    /** What follows a child's given name after うちの: a comma or a particle that makes it a subject. */
    private static final String AFTER_OUR_CHILD = "、，はがも";
    /** How many うちの a text is looked at after (a cap, so that a pathological text costs no more than a few). */
    private static final int MAX_OUR_CHILD = 64;

    /**
     * A given name after うちの, as parents write of their child in a chat (うちの蓮、先月から…, うちのみゆは): one to three
     * kanji frequent in given names that the dictionary has as one, or two to four hiragana of the lists, then a comma or
     * は, が, も. Not after kana (そのうちの, おうちの), and not a word of the dictionary (うちの桜が, うちのさくらが満開).
     */
    private void ourChild(String text, List<Finding> out, int first) {
        int seen = 0;
        for (int u = text.indexOf("うちの"); u >= 0 && seen < MAX_OUR_CHILD; u = text.indexOf("うちの", u + 3)) {
            seen++;
            if (u > 0 && (Morphology.isHiragana(text.charAt(u - 1)) || Character.isDigit(text.charAt(u - 1)))) {
                continue; // そのうちの, おうちの, 5人のうちの
            }
            int s = u + 3;
            int e = s;
            while (e < text.length() && e - s < 3 && han(text.charAt(e))) {
                e++;
            }
            if (e == s) { // in hiragana: うちのあおい卵アレルギー, うちのみゆは
                kanaChild(text, s, out, first);
                continue;
            }
            if (e >= text.length() || AFTER_OUR_CHILD.indexOf(text.charAt(e)) < 0 || !allGivenKanji(text, s, e)
                    || !Morphology.hasEntry(text, s, e, MEI) || dictionaryWord(text, s, e) || anchors.is(NameAnchors.Kind.KIN, text, s, e)
                    || anchors.is(NameAnchors.Kind.ROLE, text, s, e) || confidentAt(out, first, s, e)) {
                continue;
            }
            out.add(new Finding(PiiType.PERSON, s, e, 0.6, false, text.substring(s, e)));
        }
    }

    /**
     * The pupils {@link #PUPIL_CLASS} finds: a given name of the dictionary or of the lists; kanji that given names use and
     * no word of the dictionary (陽斗, not 担任 or 全員 before a class); a romanised given name of the lists (Leo).
     */
    private void pupilsBeforeClass(String text, List<Finding> out, int first) {
        if (text.indexOf('組') < 0) {
            return;
        }
        java.util.regex.Matcher m = PUPIL_CLASS.matcher(text);
        while (m.find()) {
            int s = m.start(1);
            int e = m.end(1);
            char c = text.charAt(s);
            // one kanji only in a cell between separators (・樹 5年2組・), not 新 4年1組 after an arrow, 計 3年2組 in a sum
            boolean cell = e - s > 1 || s > 0 && CELL_MARKS.indexOf(text.charAt(s - 1)) >= 0 && m.end() < text.length()
                    && CELL_MARKS.indexOf(text.charAt(m.end())) >= 0;
            boolean given = Morphology.isKanji(c)
                    ? cell && (Morphology.hasEntry(text, s, e, MEI) || allGivenKanji(text, s, e) && !dictionaryWord(text, s, e))
                    : c < 0x80 ? LatinNames.isName(text.substring(s, e)) : LatinNames.kanaGiven(text.substring(s, e)) && !dictionaryWord(text, s, e);
            if (given && !anchors.is(NameAnchors.Kind.KIN, text, s, e) && !anchors.is(NameAnchors.Kind.ROLE, text, s, e)
                    && !anchors.is(NameAnchors.Kind.TITLE, text, s, e) && !anchors.is(NameAnchors.Kind.LABEL, text, s, e)
                    && !confidentAt(out, first, s, e)) {
                out.add(new Finding(PiiType.PERSON, s, e, 0.6, false, text.substring(s, e)));
            }
        }
    }

    /**
     * A hiragana given name of the lists (two to four) at {@code s} after うちの, the shortest that a comma or は, が, も
     * follows, or a kanji or a katakana when it is three long or more (みゆ|は, あおい|卵アレルギー); not a word of the
     * dictionary (さくら, ひかり, みかん) nor a noun of place or manner (ほう, なか).
     */
    private void kanaChild(String text, int s, List<Finding> out, int first) {
        for (int e = s + 2; e <= s + 4 && e < text.length() && Morphology.isHiragana(text.charAt(e - 1)); e++) {
            char next = text.charAt(e);
            boolean ends = AFTER_OUR_CHILD.indexOf(next) >= 0 || e - s >= 3 && (Morphology.isKanji(next) || Morphology.isKatakana(next));
            if (ends && LatinNames.kanaGiven(text.substring(s, e)) && !NOT_OUR_CHILD.contains(text.substring(s, e))
                    && !anchors.is(NameAnchors.Kind.KIN, text, s, e)) {
                if (!dictionaryWord(text, s, e) && !confidentAt(out, first, s, e)) {
                    out.add(new Finding(PiiType.PERSON, s, e, 0.6, false, text.substring(s, e)));
                }
                return;
            }
        }
    }

    /** くん, ちゃん or 君 at {@code at}: honorifics of children, never of a role (部長さん, 息子さん take さん). */
    private static boolean childHonorific(String text, int at) {
        return text.startsWith("くん", at) || text.startsWith("ちゃん", at) || text.startsWith("君", at);
    }

    /** Every character of {@code text[s, e)} is a kanji frequent in given names (given-name-kanji.tsv). */
    private boolean allGivenKanji(String text, int s, int e) {
        for (int i = s; i < e; i++) {
            if (!anchors.givenKanji(text.charAt(i))) {
                return false;
            }
        }
        return e > s;
    }

    /**
     * Hiragana before さん that are a given name of the lists and no word of the dictionary (ゆうとさん, 会計のそうたさん; not
     * みなさん, おかあさん, だんなさん, くまさん, nor what starts with お or ご).
     */
    private static boolean kanaGivenNotWord(String text, int b, int h) {
        char c = text.charAt(b);
        return c != 'お' && c != 'ご' && LatinNames.kanaGiven(text.substring(b, h))
                && Morphology.tokens(text, b, h).size() != 1 && !Morphology.hasEntry(text, b, h, "名詞");
    }

    /** What a child or a family is called with ちゃん/くん that is not a name (おばあちゃん, あかちゃん). */
    private static final java.util.Set<String> NOT_CHILD = java.util.Set.of("おばあ", "おじい", "おにい", "おねえ", "おかあ", "おとう",
            "ばあ", "じい", "にい", "ねえ", "かあ", "とう", "あか", "みな", "おこさ", "おじょう", "ぼっ", "おぼっ", "わん", "ねこ", "にゃん",
            "おまわり", "おいしゃ", "おとなり", "おじ", "おば", "おにいさ", "おねえさ", "こども", "おこ", "いい", "えら", "かわいい");
    /** Three weekdays or more at the start of {@code v} (月水金, 火木土): a schedule, not a surname. */
    private static boolean weekdays(String v) {
        int n = 0;
        while (n < v.length() && "月火水木金土日".indexOf(v.charAt(n)) >= 0) {
            n++;
        }
        return n >= 3;
    }

    /**
     * A table's ditto mark is no name (同上 同上 正さんの妻: the name after it stays), nor a club's name that a name's
     * rule took whole (城山寿会, 老人クラブ): a name does not end in 会.
     */
    private static void dittoAndClubs(String text, List<Finding> out, int first) {
        for (int k = out.size() - 1; k >= first; k--) {
            Finding f = out.get(k);
            if (f.type() != PiiType.PERSON) {
                continue;
            }
            String v = f.value();
            if (v.length() >= 3 && v.endsWith("会")) {
                out.remove(k);
            } else if (v.startsWith("同上")) {
                int s = f.start() + 2;
                while (s < f.end() && isSpace(text.charAt(s))) {
                    s++;
                }
                if (s < f.end() && s > f.start() + 2) {
                    out.set(k, new Finding(PiiType.PERSON, s, f.end(), f.confidence(), false, text.substring(s, f.end())));
                } else {
                    out.remove(k);
                }
            }
        }
    }

    /**
     * A surname and a given name found apart though they touch (石黒|ミヨ子様: the given name in katakana and kanji found
     * by its own rule): one name.
     */
    private static void joinTouching(String text, List<Finding> out, int first) {
        Map<Integer, Finding> given = new HashMap<>();
        for (Finding b : out.subList(first, out.size())) {
            if (b.type() == PiiType.PERSON && Morphology.isKatakana(text.charAt(b.start())) && b.end() - b.start() <= 4) {
                given.put(b.start(), b);
            }
        }
        if (given.isEmpty()) {
            return;
        }
        java.util.Set<Finding> joined = new java.util.HashSet<>();
        for (int k = first; k < out.size(); k++) {
            Finding a = out.get(k);
            Finding b = given.get(a.end());
            if (b != null && a.type() == PiiType.PERSON && a.end() - a.start() <= 3 && all(text, a.start(), a.end(), 'c')
                    && joined.add(b)) {
                out.set(k, new Finding(PiiType.PERSON, a.start(), b.end(), Math.max(a.confidence(), b.confidence()), false,
                        text.substring(a.start(), b.end())));
            }
        }
        out.subList(first, out.size()).removeIf(joined::contains);
    }

    /** A relation's kana right before {@code h} (ばあ|ちゃん, じい|ちゃん, ねえ|ちゃん): the run before it is no given name. */
    private static boolean kinEnding(String text, int h) {
        for (String k : KIN_KANA) {
            if (text.startsWith(k, h - 2)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] KIN_KANA = {"ばあ", "じい", "ばぁ", "じぃ", "ねえ", "にい", "ねぇ", "にぃ"};

    /** The honorifics a child's or a family member's given name takes; the first two also after a hiragana name. */
    private static final String[] CHILD_HONORIFICS = {"くん", "ちゃん", "君", "さん", "様"};

    private static boolean han(int c) {
        return c <= 0xFFFF ? !Character.isSurrogate((char) c) && Chars.isHanOrSurrogate(c)
                : Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static boolean hiragana(int c) {
        return c >= 0x3041 && c <= 0x3096 || c >= 0x309D && c <= 0x309F || c > 0xFFFF && Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA;
    }

    private static boolean katakana(int c) {
        return c <= 0xFFFF ? Chars.isKatakanaScript(c) : Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA;
    }

    /**
     * A results list: a circled rank, then the athlete's or the winner's name, then their team or school in brackets, two
     * such entries or more (①ワンジル・キプロノ（日立物流）13分41秒02②吉田大河（中部電力）). The name: katakana joined by ・, or
     * kanji starting with a surname of the dictionary, with one blank inside at most.
     */
    private void resultRows(String text, List<Finding> out, int first) {
        if (text.indexOf('②') < 0) {
            return; // a list of results has a second place
        }
        List<int[]> rows = new ArrayList<>(4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '①' || c > '⑳') {
                continue;
            }
            int s = i + 1;
            int e = s;
            boolean kana = true;
            boolean kanji = true;
            int blanks = 0;
            while (e < text.length() && e - s <= 12) {
                char d = text.charAt(e);
                if (Morphology.isKatakana(d) || d == '・' || d == 'ー') {
                    kanji = false;
                } else if (Morphology.isKanji(d)) {
                    kana = false;
                } else if ((d == ' ' || d == '　') && blanks == 0) {
                    blanks++;
                } else {
                    break;
                }
                e++;
            }
            if (e >= text.length() || e - s < 2 || e - s > 12 || text.charAt(e) != '（' && text.charAt(e) != '(' || isSpace(text.charAt(e - 1))) {
                continue;
            }
            boolean name = kana && text.substring(s, e).indexOf('・') > 0
                    || kanji && e - s <= 6 && (Morphology.hasEntry(text, s, s + 2, SEI) || Morphology.hasEntry(text, s, s + 1, SEI)
                    || e - s >= 3 && Morphology.hasEntry(text, s, s + 3, SEI));
            if (name) {
                rows.add(new int[] {s, e});
            }
        }
        if (rows.size() < 2) {
            return;
        }
        for (int[] r : rows) {
            if (!confidentAt(out, first, r[0], r[1])) {
                out.add(new Finding(PiiType.PERSON, r[0], r[1], 0.7, false, text.substring(r[0], r[1])));
            }
        }
    }

    /** The family a notice names a given name after, glued to it (母美咲, 長男翔太、): the relation, then the name. */
    private static final String[] FAMILY = {"父", "母", "夫", "妻", "長男", "次男", "三男", "長女", "次女", "三女", "兄", "弟", "姉", "妹",
        "孫", "祖父", "祖母", "息子", "娘"};
    /** The last characters of {@link #FAMILY}: most characters end no family word. */
    private static final String FAMILY_ENDS = java.util.Arrays.stream(FAMILY).map(f -> f.substring(f.length() - 1)).distinct()
            .collect(java.util.stream.Collectors.joining());

    /**
     * A given name of the dictionary of two or three kanji glued after a family word and standing alone (父石川拓也　母美咲,
     * 妻和子、長男翔太): the relation's name, as birth and death notices print it. Not a word that goes on (母子手帳, 妻子).
     */
    private void familyThenGiven(String text, List<Finding> out, int first) {
        for (int i = 1; i + 2 <= text.length(); i++) {
            if (FAMILY_ENDS.indexOf(text.charAt(i - 1)) < 0 || !isKanjiAt(text, i)) {
                continue;
            }
            for (String f : FAMILY) {
                int k = i - f.length();
                if (k < 0 || !text.startsWith(f, k) || k > 0 && (isKanjiAt(text, k - 1) || Morphology.isKatakana(text.charAt(k - 1)))) {
                    continue;
                }
                for (int e = Math.min(text.length(), i + 3); e >= i + 2; e--) {
                    boolean alone = e == text.length() || "　 、，,・）)（(\n".indexOf(text.charAt(e)) >= 0;
                    if (alone && all(text, i, e, 'c') && Morphology.hasEntry(text, i, e, MEI)
                            && !anchors.is(NameAnchors.Kind.KIN, text, i, e) && !confidentAt(out, first, i, e) && !commonWord(text, i, e)) {
                        out.add(new Finding(PiiType.PERSON, i, e, 0.6, false, text.substring(i, e)));
                        break;
                    }
                }
                break;
            }
        }
    }

    /**
     * A given name in brackets after a relation (母（和枝）, 兄（隆之）); one given-name kanji alone before くん, ちゃん, さん
     * or 様 (甥の颯くん, 節様) — not a relation (弟くん, 娘ちゃん) or one dictionary word with the honorific (奥様, 皆さん); and two to
     * four hiragana before くん or ちゃん (はるとくん), not what a family member is called (おばあちゃん). Found from the brackets
     * and honorifics (indexOf), not by a pattern tried at every character: this runs on every free-text cell.
     */
    private void kinNames(String text, List<Finding> out, int first) {
        for (int p = 0; p < text.length(); p++) {
            char open = text.charAt(p);
            if ((open != '（' && open != '(') || anchors.endingAt(NameAnchors.Kind.KIN, text, p) == 0 && !selfBefore(text, p)) {
                continue;
            }
            int s = p + 1;
            int e = s;
            while (e < text.length() && e - s <= 5 && text.charAt(e) != '）' && text.charAt(e) != ')') {
                e++;
            }
            if (e >= text.length() || e == s || e - s > 5 || !bracketedGiven(text, s, e)) {
                continue;
            }
            if (anchors.endingAt(NameAnchors.Kind.KIN, text, p) == 0 && (dictionaryWord(text, s, e) || han(text.charAt(s)) && !allGivenKanji(text, s, e))
                    || e - s >= 2 && ROLE_END.indexOf(text.charAt(e - 1)) >= 0 && (dictionaryWord(text, s, e) || wordsIn(text, s, e))) {
                continue; // 私（事務局）, 私（管理人）: the writer's office, not a given name; 父（会社員）: an occupation
            }
            if (!confidentAt(out, first, s, e) && !anchors.is(NameAnchors.Kind.KIN, text, s, e)
                    && !anchors.is(NameAnchors.Kind.ROLE, text, s, e) && !anchors.isPlaceName(text.substring(s, e)) && !commonWord(text, s, e)) {
                out.add(new Finding(PiiType.PERSON, s, e, 0.6, false, text.substring(s, e)));
            }
        }
        for (int k = 0; k < CHILD_HONORIFICS.length; k++) {
            String hon = CHILD_HONORIFICS[k];
            for (int h = text.indexOf(hon); h >= 0; h = text.indexOf(hon, h + 1)) {
                int s = h - 1; // one kanji: 颯くん, 節様
                if (s >= 0 && han(text.charAt(s)) && (s == 0 || !(han(text.charAt(s - 1)) || katakana(text.charAt(s - 1))
                        || text.charAt(s - 1) == '々' || text.charAt(s - 1) == 'ヶ'))) {
                    if (anchors.givenKanji(text.charAt(s)) && !anchors.is(NameAnchors.Kind.KIN, text, s, h) && !confidentAt(out, first, s, h)) {
                        List<Morphology.Token> ts = Morphology.tokens(text, s, h + hon.length());
                        if (ts.size() >= 2 && ts.get(0).end() == h && ts.get(1).end() == h + hon.length()) {
                            out.add(new Finding(PiiType.PERSON, s, h, 0.6, false, text.substring(s, h))); // not 奥様, 皆さん
                        }
                    }
                    continue;
                }
                if (k == 4) {
                    continue;
                }
                int b = h; // two to four hiragana: はるとくん, ゆいと君
                while (b > 0 && h - b < 5 && hiragana(text.charAt(b - 1))) {
                    b--;
                }
                boolean alone = b == 0 || !(hiragana(text.charAt(b - 1)) || han(text.charAt(b - 1)) || katakana(text.charAt(b - 1))
                        || text.charAt(b - 1) == 'ー');
                if (k == 3 && h - b >= 3 && text.charAt(b) == 'の' && kanaGivenNotWord(text, b + 1, h)) {
                    b++; // 会計のそうたさん: the name after の
                    alone = true;
                }
                if (h - b >= 3 && kinEnding(text, h)) {
                    if (h - 2 - b >= 2 && kanaGivenNotWord(text, b, h - 2) && "のと".indexOf(text.charAt(b)) < 0
                            && !confidentAt(out, first, b, h - 2)) {
                        out.add(new Finding(PiiType.PERSON, b, h - 2, 0.6, false, text.substring(b, h - 2))); // みよ|ばあちゃん
                    }
                    continue; // あと|ばあちゃん: a word, then a relation
                }
                if (h - b >= 2 && h - b <= 4 && alone && !NOT_CHILD.contains(text.substring(b, h)) && !confidentAt(out, first, b, h)
                        && (k < 2 || kanaGivenNotWord(text, b, h))) {
                    int g = k < 2 && h - b >= 3 && !LatinNames.kanaGiven(text.substring(b, h)) ? particleThenGiven(text, b, h) : -1;
                    int from = Math.max(b, g); // ねえ|ゆいちゃん
                    out.add(new Finding(PiiType.PERSON, from, h, 0.6, false, text.substring(from, h)));
                } else if (k < 2 && h - b >= 3) {
                    int g = particleThenGiven(text, b, h); // あとそうたくん, てかしょうくん: a particle, then a given name of the lists
                    if (g > 0 && !NOT_CHILD.contains(text.substring(g, h)) && !confidentAt(out, first, g, h)) {
                        out.add(new Finding(PiiType.PERSON, g, h, 0.6, false, text.substring(g, h)));
                    }
                }
            }
        }
    }

    /** Particles and endings a hiragana name may follow with no mark between (あとそうたくん, てかしょうくん, ねえゆいちゃん). */
    private static final String BEFORE_KANA_NAME = "とかはもがにでをやねよえ";

    /**
     * Where the longest given name of the lists (two to four hiragana) starts that ends the hiragana run {@code text[b, h)}
     * right after a particle or an ending ({@link #BEFORE_KANA_NAME}); else -1.
     */
    private static int particleThenGiven(String text, int b, int h) {
        for (int g = Math.max(b + 1, h - 4); g <= h - 2; g++) {
            if (BEFORE_KANA_NAME.indexOf(text.charAt(g - 1)) >= 0 && LatinNames.kanaGiven(text.substring(g, h))) {
                return g;
            }
        }
        return -1;
    }

    /** The writer naming themselves before {@code p}: 私（遥）か母（和枝）まで. */
    private static boolean selfBefore(String text, int p) {
        return text.startsWith("私", p - 1) && (p < 2 || !han(text.charAt(p - 2))) || text.startsWith("わたし", p - 3);
    }

    /** What a bracket after a relation holds that is no name: a chat's marks (ばあちゃん（笑）, じいちゃん（談）). */
    private static final Set<String> BRACKET_REMARKS = Set.of("笑", "汗", "涙", "泣", "怒", "談", "仮", "謎", "故", "注", "略", "済", "苦笑",
            "爆笑", "震", "照");

    /** One to three kanji, two to four hiragana, or two to five katakana, and no remark: a given name in brackets. */
    private static boolean bracketedGiven(String text, int s, int e) {
        if (BRACKET_REMARKS.contains(text.substring(s, e))) {
            return false;
        }
        int n = e - s;
        boolean kanji = n <= 3;
        boolean hira = n >= 2 && n <= 4;
        boolean kata = n >= 2;
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            kanji &= han(c) || c == '々';
            hira &= hiragana(c);
            kata &= katakana(c) || c == 'ー';
        }
        return kanji || hira || kata;
    }

    private static final java.util.regex.Pattern RELATIVE_LINE = java.util.regex.Pattern.compile(
            "^[ \u3000]*(?:喪主[ \u3000]*)?([\\p{IsHan}々ご]{1,4})[ \u3000]+"
            + "((?:[\\p{IsHan}々ヶ]{1,4}[ \u3000])?[\\p{IsHan}々\\p{IsHiragana}\\p{IsKatakana}ー]{1,5})[ \u3000]*$",
            java.util.regex.Pattern.MULTILINE);

    /**
     * The relatives of a death notice or the parties of a judgment, a line each: a relation (妻, 孫, 長男) or 同 (the
     * same as above: 同妻, 同), blanks, then the name (妻　　タミ / 同　　彩花 / 同　　　古閑 ゆかり). 同 counts only under a
     * line that named someone.
     */
    private void relativeLines(String text, List<Finding> out, int first) {
        if (text.indexOf('\n') < 0) {
            return;
        }
        java.util.regex.Matcher m = RELATIVE_LINE.matcher(text);
        int lastNamedLine = -2;
        while (m.find()) {
            String rel = m.group(1);
            int ls = m.start();
            boolean kin = anchors.is(NameAnchors.Kind.KIN, text, m.start(1), m.end(1));
            boolean ditto = rel.startsWith("同") && (rel.length() == 1 || anchors.is(NameAnchors.Kind.KIN, text, m.start(1) + 1, m.end(1)));
            int prevEnd = ls - 1;
            boolean namedAbove = prevEnd >= 0 && (lastNamedLine == prevEnd || personEndsAt(out, first, text, prevEnd));
            if (!(kin || ditto && namedAbove)) {
                continue;
            }
            int s = m.start(2);
            int e = m.end(2);
            String name = m.group(2);
            if (anchors.isPlaceName(name) || anchors.is(NameAnchors.Kind.KIN, text, s, e) || commonWord(text, s, e)
                    || anchors.is(NameAnchors.Kind.ROLE, text, s, e) || name.endsWith("一同")) {
                continue;
            }
            if (!confidentAt(out, first, s, e)) {
                out.add(new Finding(PiiType.PERSON, s, e, 0.6, false, name));
            }
            lastNamedLine = Chars.lineEnd(text, ls);
        }
    }

    /**
     * The chief mourner of a death notice written as local papers print it, the relation glued to the name: 喪主長男正,
     * ＝喪主妻亜希子　告別式…. After 喪主 (and ＝, は or a colon) comes a relation of {@code name-anchors.tsv} (KIN), then
     * the given name up to a blank, a comma, a bracket or the line's end.
     */
    private void chiefMourners(String text, List<Finding> out, int first) {
        for (int i = text.indexOf("喪主"); i >= 0; i = text.indexOf("喪主", i + 2)) {
            int k = i + 2;
            if (k < text.length() && "は＝=：:・".indexOf(text.charAt(k)) >= 0) {
                k++; // 喪主は長男誠, 喪主・孫陽葵
            }
            int kin = anchors.at(NameAnchors.Kind.KIN, text, k);
            if (kin == 0) {
                continue;
            }
            int s = k + kin;
            int e = s;
            while (e < text.length() && e - s <= 5 && honorificAt(text, e) == 0 && (Morphology.isKanji(text.charAt(e))
                    || Morphology.isHiragana(text.charAt(e)) || Morphology.isKatakana(text.charAt(e)))) {
                e++;
            }
            if (e == s || e - s > 5 || e < text.length() && !(isSpace(text.charAt(e)) || "、，,。（(）)\n".indexOf(text.charAt(e)) >= 0
                    || honorificAt(text, e) > 0)) {
                continue;
            }
            if (PARTICLES.indexOf(text.charAt(s)) >= 0 || mixedWithHiragana(text, s, e)) {
                continue; // 喪主は長男です, 喪主は妻が務めた, 喪主は亡き夫の弟: a particle or a verb, not a name
            }
            if (anchors.isPlaceName(text.substring(s, e)) || anchors.is(NameAnchors.Kind.KIN, text, s, e) || commonWord(text, s, e)
                    || anchors.is(NameAnchors.Kind.ROLE, text, s, e) || confidentAt(out, first, s, e)) {
                continue;
            }
            out.add(new Finding(PiiType.PERSON, s, e, 0.6, false, text.substring(s, e)));
        }
    }

    /** Particles that do not start a name (の, が, は, を, に, で, と, も, や, へ). */
    private static final String PARTICLES = "のがはをにでともやへ";

    /** Hiragana with kanji or katakana in {@code text[s, e)}: a name in kana is kana alone (mixed runs are phrases: き夫の弟). */
    private static boolean mixedWithHiragana(String text, int s, int e) {
        boolean hira = false;
        boolean other = false;
        for (int i = s; i < e; i++) {
            boolean h = Morphology.isHiragana(text.charAt(i));
            hira |= h;
            other |= !h;
        }
        return hira && other;
    }

    /** Kanji, then a katakana word of two or three characters: 東海林キヨ, 我如古ハツ, 仲宗根ウシ. */
    private static final java.util.regex.Pattern KANJI_THEN_KANA = java.util.regex.Pattern.compile(
            "(?<![\\p{IsHan}々])([\\p{IsHan}々]{2,4})([\\p{IsKatakana}]{2,3})(?![\\p{IsKatakana}ー・･])");
    /** An age right after a name: in brackets, or after a blank (比嘉カマド（98）, 宮城ウシ　95歳). */
    private static final java.util.regex.Pattern AGE_AFTER = java.util.regex.Pattern.compile(
            "[（(](?:当時)?[0-9０-９]{1,3}(?:歳|才)?[）)]|[ 　]{1,2}[0-9０-９]{2,3}(?:歳|才)");

    /** What says the word before it is a person: the residence of (方), an age or a reading in brackets, an honorific. */
    private static final java.util.regex.Pattern PERSON_AFTER = java.util.regex.Pattern.compile(
            "方[にでへのを、]|[（(][\\p{IsHiragana}・ 　]{2,16}[）)]|" + AGE_AFTER.pattern());

    /**
     * A woman's name of the older generations, its given name in katakana right after the kanji surname (東海林キヨ（当時84歳）方,
     * 我如古ハツ方に): the katakana a given name of the lists, the kanji a surname of the dictionaries or one they take for
     * a place (我如古), and a person's mark right after the name (an honorific, 方, an age or a reading in brackets, an age
     * after a blank: 福永キヌ　92歳); a surname that is a place's name too only with an honorific or an age (山田カメさん,
     * 比嘉カマド　98歳).
     */
    private void kanaGivenAfterSurname(String text, int guards, List<Finding> out, int first) {
        if ((guards & G_KATAKANA) == 0 || !kanaRunAfterKanji(text, Chars::isKatakanaScript, "ー・･")) {
            return;
        }
        java.util.regex.Matcher m = KANJI_THEN_KANA.matcher(text);
        while (m.find()) {
            int s = m.start();
            int e = m.end();
            if (!LatinNames.kanaGiven(m.group(2)) || confidentAt(out, first, s, e) || anchors.is(NameAnchors.Kind.ROLE, text, s, m.end(1))) {
                continue;
            }
            boolean surname = Morphology.hasEntry(text, s, m.end(1), SEI);
            boolean marked = honorificAt(text, e) > 0 || PERSON_AFTER.matcher(text).region(e, Math.min(text.length(), e + 20)).lookingAt();
            boolean place = !surname && Morphology.hasEntry(text, s, m.end(1), "名詞-固有名詞-地域") && !anchors.isPlaceName(m.group(1))
                    && honorificAt(text, e) == 0; // 我如古ハツ方; not 九州アイ様
            boolean aged = AGE_AFTER.matcher(text).region(e, Math.min(text.length(), e + 12)).lookingAt();
            if (marked && (surname && (!anchors.isPlaceName(m.group(1)) || honorificAt(text, e) > 0 || aged) || place)) { // not 花畑ビル; 山田カメさん, 比嘉カマド　98歳
                out.add(new Finding(PiiType.PERSON, s, e, 0.6, false, text.substring(s, e)));
            }
        }
    }

    /** Katakana (or ー), one blank and a kanji somewhere in {@code text}: where {@link #MIXED_SCRIPT_NAME} can match. */
    private static boolean kanaBlankKanji(String text) {
        for (int i = text.indexOf(' ') >= 0 || text.indexOf('\u3000') >= 0 ? 1 : text.length(); i + 1 < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == ' ' || c == '\u3000') && isHan(text.charAt(i + 1))) {
                char b = text.charAt(i - 1);
                if (b == 'ー' || Chars.isKatakanaScript(b)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Three katakana words a blank or a ・ apart (グエン　ミン　ハイ, ファン・ティ・ラン). */
    private static final java.util.regex.Pattern KATAKANA_THREE = java.util.regex.Pattern.compile(
            "(?<![\\p{IsKatakana}ー・･])([\\p{IsKatakana}ー]{1,5})[ 　・･]{1,2}([\\p{IsKatakana}ー]{1,5})[ 　・･]{1,2}([\\p{IsKatakana}ー]{1,6})"
                    + "(?:[ 　・･]{1,2}([\\p{IsKatakana}ー]{1,6}))?(?![\\p{IsKatakana}ー])");

    /**
     * A Vietnamese name as Japanese forms write it in katakana, its parts a blank apart (ファン　ティ　ラン, グエン　ミン　ハイ,
     * チャン　ヴァン　ナム): a family name and a middle name of the lists (VN_FAMILY, VN_MIDDLE in name-anchors.tsv), then the
     * given name; a fourth part when the third is a middle name too (グエン　ティ　ミン　アン). One finding for the whole name, in
     * place of the parts other rules found; its short given names (ラン, ハイ, ナム) are words to the dictionary.
     */
    private void vietnameseNames(String text, List<Finding> out, int first) {
        if (text.indexOf(' ') < 0 && text.indexOf('\u3000') < 0 && text.indexOf('・') < 0) {
            return;
        }
        java.util.regex.Matcher m = KATAKANA_THREE.matcher(text);
        while (m.find()) {
            if (!anchors.is(NameAnchors.Kind.VN_FAMILY, text, m.start(1), m.end(1))
                    || !anchors.is(NameAnchors.Kind.VN_MIDDLE, text, m.start(2), m.end(2))) {
                if (m.end(2) < m.end()) {
                    m.region(m.start(2), text.length()); // the next name may start at the second word
                }
                continue;
            }
            if (katakanaNoun(text, m.start(3), m.end(3)) || text.startsWith("通", m.end(3))) {
                m.region(m.start(2), text.length());
                continue; // チャン　ティ　ホテル, ファン　ティ　ヒーター: a thing's name; レ　タン　トン通り: a street
            }
            int s = m.start(1);
            int e = m.start(4) >= 0 && !anchors.is(NameAnchors.Kind.VN_FAMILY, text, m.start(4), m.end(4))
                    && !katakanaNoun(text, m.start(4), m.end(4)) && !roleWord(text, m.start(4), m.end(4))
                    && (anchors.is(NameAnchors.Kind.VN_MIDDLE, text, m.start(3), m.end(3))
                    || !Morphology.isKanji(Chars.at(text, m.end(4))) && !Morphology.isHiragana(Chars.at(text, m.end(4))))
                    ? m.end(4) : m.end(3); // レ　ヴァン　トゥアン　アイン: a given name of two words; not …　ハノイ出身, nor the
                                           // next name (グエン・ティ・ラン グエン　ティ　ラン)
            if (coversSpan(out, first, s, e) || e < text.length() && "通廟像市区省橋駅港園館寺".indexOf(text.charAt(e)) >= 0
                    || text.startsWith("大通", e)) { // グエン・ヴァン・リン通り, ホー　チ　ミン廟: a street, a monument
                m.region(e, text.length());
                continue;
            }
            double conf = 0.75;
            for (int k = out.size() - 1; k >= first; k--) {
                Finding f = out.get(k);
                if (f.type() == PiiType.PERSON && f.start() < e && s < f.end()) {
                    conf = Math.max(conf, f.confidence()); // a label's name (保護者　チャン　ヴァン) keeps its confidence
                    out.remove(k);
                }
            }
            out.add(new Finding(PiiType.PERSON, s, e, conf, false, text.substring(s, e)));
            m.region(e, text.length());
        }
    }

    /** A kanji surname, a blank, and a hiragana given name ending a list's item (１年１組　清水　りお, ④　山口　つむぎ　宅). */
    private static final java.util.regex.Pattern SURNAME_BLANK_HIRAGANA = java.util.regex.Pattern.compile(
            "(?<![\\p{IsHan}々])([\\p{IsHan}々]{1,3})[ 　]{1,2}([ぁ-ゖ]{2,4})(?=$|[ 　\\n、，,（(）)]|宅)", java.util.regex.Pattern.MULTILINE);

    /**
     * A child's name as class lists, visit schedules and PTA rosters write it: a surname of the dictionary, a blank, and a
     * given name in hiragana of the lists that the dictionary takes for no noun (清水　りお, 山口　つむぎ; not 山田　まつり, a
     * festival), ending the item.
     */
    private void kanaGivenAfterBlank(String text, List<Finding> out, int first) {
        if (text.indexOf(' ') < 0 && text.indexOf('\u3000') < 0) {
            return;
        }
        java.util.regex.Matcher m = SURNAME_BLANK_HIRAGANA.matcher(text);
        List<int[]> names = new ArrayList<>(0);
        boolean[] confident = null;
        while (m.find()) {
            int s = m.start(1);
            int e = m.end(2);
            if (!LatinNames.kanaGiven(m.group(2)) || !Morphology.hasEntry(text, s, m.end(1), SEI) || roleWord(text, s, m.end(1))
                    || text.startsWith("号", skipBlank(text, e))) {
                continue; // not 金沢　かがやき　号, a train
            }
            List<Morphology.Token> ts = Morphology.tokens(text, m.start(2), e);
            if (ts.size() == 1 && (ts.get(0).is("名詞-一般") || ts.get(0).is("名詞-サ変接続") || ts.get(0).is("名詞-形容動詞語幹")
                    || ts.get(0).is("副詞") || ts.get(0).is("形容詞") || ts.get(0).is("感動詞") || ts.get(0).is("名詞-非自立")
                    || ts.get(0).is("名詞-副詞可能"))) {
                continue; // 山田　まつり, 田中　はやく, 高崎　とき: a word after the name
            }
            if (confident == null) {
                confident = confidentMask(text, out, first); // once, not per match: a long list holds thousands
            }
            if (!anyTrue(confident, s, e)) {
                names.add(new int[] {s, e});
            }
        }
        if (names.isEmpty()) {
            return;
        }
        boolean[] taken = new boolean[text.length()];
        for (int[] n : names) {
            java.util.Arrays.fill(taken, n[0], n[1], true);
        }
        out.subList(first, out.size()).removeIf(f -> f.type() == PiiType.PERSON && f.end() > f.start() && taken[f.start()]
                && taken[f.end() - 1]); // the surname alone, found before
        for (int[] n : names) {
            out.add(new Finding(PiiType.PERSON, n[0], n[1], 0.6, false, text.substring(n[0], n[1])));
        }
    }

    /** The characters of {@code text} that a confident finding since {@code first} covers. */
    private static boolean[] confidentMask(String text, List<Finding> out, int first) {
        boolean[] mask = new boolean[text.length()];
        for (int k = first; k < out.size(); k++) {
            Finding f = out.get(k);
            if (confident(f)) {
                java.util.Arrays.fill(mask, f.start(), Math.min(f.end(), mask.length), true);
            }
        }
        return mask;
    }

    private static boolean anyTrue(boolean[] mask, int s, int e) {
        for (int i = s; i < e; i++) {
            if (mask[i]) {
                return true;
            }
        }
        return false;
    }

    /** An account's number, then its holder in katakana with no blank inside (普通 3312456 タナベケンジ, 14390-21755831 モリヤマアヤカ). */
    private static final java.util.regex.Pattern ACCOUNT_THEN_KANA = java.util.regex.Pattern.compile(
            "(?<![0-9０-９])[0-9０-９]{6,8}[ 　]?([ァ-ヶー]{4,14})(?![ァ-ヶー・･ 　]*[ァ-ヶー])");
    /** What a line with an account on it says (普通, 口座, ゆうちょ, 振込). */
    private static final String[] ACCOUNT_WORDS = {"普通", "当座", "口座", "ゆうちょ", "振込", "振替", "銀行", "信金", "信用金庫", "預金"};

    /**
     * The holder of an account written right after its number in katakana without a blank between the surname and the given
     * name, as a 振込先 line ends (北洋銀行 札幌駅前支店 普通 3312456 タナベケンジ): a surname and a given name of the lists, on a
     * line that names an account.
     */
    private void accountHolders(String text, List<Finding> out, int first) {
        java.util.regex.Matcher m = ACCOUNT_THEN_KANA.matcher(text);
        boolean[] confident = null;
        while (m.find()) {
            int s = m.start(1);
            int e = m.end(1);
            int from = Math.max(text.lastIndexOf('\n', s) + 1, s - 40);
            boolean account = false;
            for (String w : ACCOUNT_WORDS) {
                account |= Chars.has(text, w, from, s); // within the line's last 40 characters, not to the text's end
            }
            if (!account || firmInKana(text, s, e)) {
                continue;
            }
            if (confident == null) {
                confident = confidentMask(text, out, first); // once, not per match
            }
            if (anyTrue(confident, s, e)) {
                continue;
            }
            String v = text.substring(s, e);
            for (int k = s + 2; k <= e - 2; k++) {
                if (LatinNames.kanaSurname(text.substring(s, k)) && LatinNames.kanaGiven(text.substring(k, e)) && !katakanaNoun(text, s, k)) {
                    out.add(new Finding(PiiType.PERSON, s, e, 0.6, false, v));
                    break;
                }
            }
        }
    }

    /** How a firm's name in katakana ends on a 振込先 line (…サンギョウ, …コウギョウ, …ショウジ). */
    private static final String[] FIRM_KANA_ENDS = {"サンギョウ", "コウギョウ", "ショウジ", "ショウカイ", "ケンセツ", "セイサクショ",
        "コウムテン", "デンキ", "ブッサン", "ショウテン", "ホンポ", "ホンテン", "ヤッキョク", "クリニック", "ジムショ", "コウギヨウ",
        "サンギヨウ", "シヨウジ", "ギンコウ", "シンキン", "キョウカイ", "ザイダン", "シャダン"};

    /**
     * A firm's name in katakana at {@code text[s, e)}: its ending (イワタニサンギョウ) or the mark of its kind beside it, as
     * banks print it ((カ) ヤマダコウギョウ, ヤマダ（カ, カ）ヤマダ); or one word of the dictionary (a firm the tokenizer knows).
     */
    private static boolean firmInKana(String text, int s, int e) {
        String v = text.substring(s, e);
        for (String w : FIRM_KANA_ENDS) {
            if (v.endsWith(w)) {
                return true;
            }
        }
        char after = Chars.at(text, e);
        char before = s > 0 ? text.charAt(s - 1) : ' ';
        return after == '（' || after == '(' || before == '）' || before == ')'
                || Morphology.tokens(text, s, e).size() == 1 && !Morphology.hasEntry(text, s, e, "名詞-固有名詞-人名");
    }

    /** Katakana the dictionary reads as one common noun of three characters or more (ホテル, リーダー; not ラン or ハイ). */
    private static boolean katakanaNoun(String text, int s, int e) {
        if (e - s < 3) {
            return false;
        }
        List<Morphology.Token> ts = Morphology.tokens(text, s, e);
        return ts.size() == 1 && (ts.get(0).is("名詞-一般") || ts.get(0).is("名詞-サ変接続"));
    }

    /** A name found already that holds all of {@code text[s, e)} and more (a label's name of four words). */
    private static boolean coversSpan(List<Finding> out, int first, int s, int e) {
        for (int k = first; k < out.size(); k++) {
            Finding f = out.get(k);
            if (f.type() == PiiType.PERSON && f.start() <= s && f.end() >= e && f.end() - f.start() > e - s) {
                return true;
            }
        }
        return false;
    }

    /** A katakana word, a blank, and a kanji name part: ソフィア 菅野, エンリケ 高城, パク 順子, ヴォーン 理沙. */
    private static final java.util.regex.Pattern MIXED_SCRIPT_NAME = java.util.regex.Pattern.compile(
            "(?<![\\p{IsKatakana}ー・･])([\\p{IsKatakana}ー]{2,8})[ \u3000]([\\p{IsHan}々]{2,3})(?![\\p{IsHan}々])");

    /**
     * The names of people with a foreign given name or surname and a Japanese one, written katakana first (ソフィア 菅野,
     * エンリケ 高城: a given name and a surname; パク 順子: a surname and a given name), as rosters, member lists and court
     * documents print them: a katakana word that the dictionary does not take for a common noun and that is no title,
     * label, relation or role, one blank, and a kanji word of two or three characters the dictionary knows as a surname
     * or a given name (one kanji is too often a word: フレッツ 光). One finding for the whole name, in place of one for its
     * kanji part.
     */
    private void mixedScriptNames(String text, List<Finding> out, int first) {
        if (!kanaBlankKanji(text)) {
            return; // the pattern cannot match: most texts never run it
        }
        java.util.regex.Matcher m = MIXED_SCRIPT_NAME.matcher(text);
        while (m.find()) {
            int ks = m.start(1);
            int ke = m.end(1);
            int s = m.start(2);
            int e = m.end(2);
            if (ks > 0 && Morphology.isKanji(text.charAt(ks - 1)) && anchors.endingAt(NameAnchors.Kind.TITLE, text, ks) == 0
                    && anchors.endingAt(NameAnchors.Kind.KIN, text, ks) == 0 && anchors.endingAt(NameAnchors.Kind.LABEL, text, ks) == 0) {
                continue; // glued to a kanji word that is no title (弁護人ヴォーン 理沙 is one)
            }
            if (honorificAt(text, ke) > 0 || anchors.at(NameAnchors.Kind.ROLE, text, ks) == ke - ks
                    || anchors.endingAt(NameAnchors.Kind.ROLE, text, ke) > 0 || anchors.is(NameAnchors.Kind.TITLE, text, ks, ke)
                    || anchors.is(NameAnchors.Kind.LABEL, text, ks, ke) || anchors.is(NameAnchors.Kind.KIN, text, ks, ke)
                    || anchors.isPlaceName(text.substring(s, e))) {
                continue;
            }
            List<Morphology.Token> kata = Morphology.tokens(text, ks, ke);
            if (kata.size() != 1 || !kata.get(0).is("名詞-固有名詞") || Morphology.ipadicEntry(text, ks, ke, "名詞-固有名詞-組織")) {
                continue; // a common word (カフェ 高城) or a known firm (ソニー 平井); unknown katakana words are proper nouns to it
            }
            boolean nameAfter = Morphology.hasEntry(text, s, e, SEI) || Morphology.hasEntry(text, s, e, MEI);
            if (!nameAfter) {
                for (Morphology.Token t : Morphology.tokens(text, s, e)) {
                    nameAfter |= t.start() == s && t.end() == e && (t.is(SEI) || t.is(MEI) || t.is(JINMEI));
                }
            }
            if (!nameAfter || confidentAt(out, first, ks, e)) {
                continue;
            }
            for (int k = out.size() - 1; k >= first; k--) {
                Finding f = out.get(k);
                if (f.type() == PiiType.PERSON && f.start() >= ks && f.end() <= e) {
                    out.remove(k);
                }
            }
            out.add(new Finding(PiiType.PERSON, ks, e, 0.8, false, text.substring(ks, e)));
        }
    }

    /** After a romanised name: a bracket or a slash, then the name in kanji (ZHANG Wei (張 偉), LIU YAN／劉 燕). */
    private static final java.util.regex.Pattern KANJI_AFTER_ROMANISED = java.util.regex.Pattern.compile(
            "[ \u3000]?[(（/／][ \u3000]?([\\p{IsHan}々]{1,3}[ \u3000]?[\\p{IsHan}々]{1,3})[ \u3000]?[)）]?");

    /**
     * The same person's name in kanji written after a romanised one, as Chinese and Korean residents sign and forms
     * ask (ZHANG Wei (張 偉), 妻（LIU YAN／劉 燕）): the kanji in the bracket or after the slash that follows a romanised
     * name found, ending at the bracket, a blank or the line's end.
     */
    private void kanjiAfterRomanised(String text, List<Finding> out, int first) {
        int found = out.size();
        for (int k = first; k < found; k++) {
            Finding f = out.get(k);
            if (f.type() != PiiType.PERSON || !confident(f) || !(text.charAt(f.end() - 1) < 0x80 && Chars.isLetter(text.charAt(f.end() - 1)))) {
                continue;
            }
            java.util.regex.Matcher m = KANJI_AFTER_ROMANISED.matcher(text).region(f.end(), Math.min(text.length(), f.end() + 12));
            if (!m.lookingAt()) {
                continue;
            }
            int s = m.start(1);
            int e = m.end(1);
            if (e < text.length() && Morphology.isKanji(text.charAt(e)) || anchors.isPlaceName(text.substring(s, e))
                    || isDepartment(text, s, e) || confidentAt(out, first, s, e)) {
                continue;
            }
            boolean named = firstBlank(text, s, e) > 0; // 張 偉: a surname and a given name
            if (!named) { // else every word a surname or a given name (not 山田商事, 佐藤課長)
                List<Morphology.Token> ts = Morphology.tokens(text, s, e);
                named = !ts.isEmpty() && ts.stream().allMatch(t -> t.is(SEI) || t.is(MEI) || t.is(JINMEI));
            }
            if (named && !anchors.is(NameAnchors.Kind.TITLE, text, s, e)) {
                out.add(new Finding(PiiType.PERSON, s, e, 0.8, false, text.substring(s, e)));
            }
        }
    }

    /** A name finding ends the line that ends at {@code lineEnd} (blanks after it allowed). */
    private static boolean personEndsAt(List<Finding> out, int first, String text, int lineEnd) {
        int e = lineEnd;
        while (e > 0 && isSpace(text.charAt(e - 1))) {
            e--;
        }
        for (int k = first; k < out.size(); k++) {
            Finding f = out.get(k);
            if (confident(f) && f.end() == e) {
                return true;
            }
        }
        return false;
    }

    /**
     * A romanised full name found once (Olivia Bennett in a mail header) marks each of its words standing alone
     * elsewhere in the text (Bennett様), as a kanji full name marks its bare surname.
     */
    private void romajiParts(String text, List<Finding> out, int first) {
        int size = out.size();
        java.util.Set<String> parts = new java.util.LinkedHashSet<>();
        for (int k = first; k < size; k++) {
            Finding f = out.get(k);
            String v = f.value();
            if (confident(f) && !v.isEmpty() && v.charAt(0) < 0x80 && v.indexOf(' ') > 0) {
                for (String w : v.split("[ ,]+")) {
                    if (w.length() >= 3 && Character.isUpperCase(w.charAt(0)) && !NOT_SPEAKERS.contains(w.toLowerCase(java.util.Locale.ROOT))
                            && !CALENDAR.contains(w)) {
                        parts.add(w);
                    }
                }
            }
        }
        for (String w : parts) {
            for (int a = text.indexOf(w); a >= 0; a = text.indexOf(w, a + 1)) {
                int b = a + w.length();
                boolean alone = (a == 0 || !Character.isLetterOrDigit(text.charAt(a - 1)) || text.charAt(a - 1) >= 0x80)
                        && (b >= text.length() || !Character.isLetterOrDigit(text.charAt(b)) || text.charAt(b) >= 0x80)
                        && (a == 0 || text.charAt(a - 1) != ' ' || a < 2 || !Character.isLetter(text.charAt(a - 2)))
                        && !(b + 1 < text.length() && text.charAt(b) == ' ' && Character.isUpperCase(text.charAt(b + 1))); // Yamada Corporation
                boolean mail = b < text.length() && (text.charAt(b) == '@' || text.charAt(b) == '.') || a > 0 && text.charAt(a - 1) == '.';
                if (alone && !mail && !confidentAt(out, first, a, b)) {
                    out.add(new Finding(PiiType.PERSON, a, b, 0.6, false, w));
                }
            }
        }
    }

    /** Month and weekday abbreviations that are also given names (Jun, May): a date in a mail's quote header, not the name. */
    private static final java.util.Set<String> CALENDAR = java.util.Set.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
            "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "June", "July", "April", "August");

    private static final java.util.regex.Pattern NAMED_AS = java.util.regex.Pattern.compile(
            "(?:予約名|名義|宛名|お名前|名前)(?:は|：|:)[ 　]?([ァ-ヶ][ァ-ヶー]{1,5})(?=[でですと、。\\s]|$)");

    /** A katakana name given as the name of a booking or an account (予約名はワタナベで, 名義はヤマダ). */
    private void namedAs(String text, List<Finding> out, int first) {
        if (text.indexOf('名') < 0) {
            return;
        }
        java.util.regex.Matcher m = NAMED_AS.matcher(text);
        while (m.find()) {
            if (!confidentAt(out, first, m.start(1), m.end(1)) && !anchors.is(NameAnchors.Kind.ROLE, text, m.start(1), m.end(1))) {
                out.add(new Finding(PiiType.PERSON, m.start(1), m.end(1), 0.6, false, m.group(1)));
            }
        }
        if (text.contains("名義")) {
            m = HOLDER_BEFORE.matcher(text);
            while (m.find()) {
                boolean listed = false; // one word a name of the lists, none a firm's: not JCB CARD, HONDA MOTOR
                boolean firm = false;
                for (String w : m.group(1).split(" ")) {
                    listed |= LatinNames.isName(w);
                    firm |= FIRM_WORDS.contains(w);
                }
                listed &= !firm;
                if (listed && !confidentAt(out, first, m.start(1), m.end(1))) {
                    out.add(new Finding(PiiType.PERSON, m.start(1), m.end(1), 0.7, false, m.group(1)));
                }
            }
        }
    }

    /** The forms of する after a noun (入山した, 入山して, 入山する): the noun names an act. */
    private static final String[] SURU = {"した", "して", "する", "します", "しま", "され", "させ", "しよう"};

    private static boolean verbAfter(String text, int end) {
        for (String v : SURU) {
            if (text.startsWith(v, end)) {
                return true;
            }
        }
        return false;
    }

    /** Words of a firm's romanised name (HONDA MOTOR, TOYOTA FINANCE, SUZUKI MOTOR CO). */
    private static final java.util.Set<String> FIRM_WORDS = java.util.Set.of("MOTOR", "MOTORS", "CO", "CORP", "CORPORATION", "INC",
            "LTD", "KK", "BANK", "FINANCE", "FINANCIAL", "CARD", "SERVICE", "SERVICES", "HOLDINGS", "TRADING", "SHOJI", "SHOTEN",
            "JAPAN", "GROUP", "INDUSTRIES", "INDUSTRY", "ELECTRIC", "LEASING", "CREDIT", "INSURANCE", "SECURITIES", "COMPANY");

    /** A romanised name in capitals before 名義, the holder of a card or an account (ZHANG LEI名義, NGUYEN VAN AN 名義の口座). */
    private static final java.util.regex.Pattern HOLDER_BEFORE = java.util.regex.Pattern.compile(
            "(?<![A-Za-z0-9])((?:[A-Z][A-Z'-]+ ){1,3}[A-Z][A-Z'-]+)[ 　]?名義");

    private static boolean confidentAt(List<Finding> out, int first, int s, int e) {
        for (int k = first; k < out.size(); k++) {
            Finding f = out.get(k);
            if (confident(f) && f.start() < e && s < f.end()) {
                return true;
            }
        }
        return false;
    }

    /** The longest item of a 、-list taken as a name next to a name (汐見 侑, 堀之内). */
    private static final int MAX_ITEM = 9;
    private static final java.util.regex.Pattern BLANK_NAME = java.util.regex.Pattern.compile(
            "[\\p{IsHan}々ヶ](?:[\\p{IsHan}々ヶ]|(?<=\\p{IsHan})[ケノツ](?=\\p{IsHan})){0,3}[ 　][\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}ー]{1,4}");

    private static boolean confident(Finding f) {
        return f.type() == PiiType.PERSON && f.confidence() >= Detector.DEFAULT_MIN_CONFIDENCE;
    }

    /**
     * An item of a 、-list next to a name found with confidence is a name too when it is shaped as one: a surname and
     * a given name with a blank (加賀谷 駿、…、汐見 侑（公募）), or one word the dictionary tags as a surname (雲井、堀之内).
     * Repeated while it finds more, so a list is taken item by item from the names in it.
     */
    private void listNeighbours(String text, List<Finding> out, int first) {
        for (int round = 0; round < 4; round++) {
            int before = out.size();
            for (int k = first; k < before; k++) {
                Finding f = out.get(k);
                if (!confident(f)) {
                    continue;
                }
                // 有賀 伸介（東京都）、小口 ひとみ（神奈川県）; 相沢陽葵　阿部悠真 (a wide blank between names that have none inside)
                char wide = f.value().indexOf('\u3000') < 0 ? '\u3000' : '、';
                // 鶴見 慧・藤堂 百合: names with a blank inside, ・ between them
                char dot = f.value().indexOf(' ') > 0 || f.value().indexOf('\u3000') > 0 ? '・' : '、';
                int after = bracketEnd(text, f.end());
                int title = Math.max(anchors.at(NameAnchors.Kind.TITLE, text, after), honorificAt(text, after));
                if (title > 0 && after == f.end() && Chars.at(text, after + title) == '、') {
                    after += title; // 出席者：田中部長、加藤; 山田さん、佐伯: the next item after the title
                }
                boolean noted = after > f.end() && after < text.length() && Morphology.isKanji(text.charAt(after)); // 三ツ谷 瑛（西小2）德永 心晴
                if (after < text.length() && (text.charAt(after) == '、' || text.charAt(after) == wide || text.charAt(after) == dot || noted)) {
                    int s = noted ? after : after + 1;
                    int e = s;
                    while (e < text.length() && e - s <= MAX_ITEM && "、（(\n。）)".indexOf(text.charAt(e)) < 0 && text.charAt(e) != wide
                            && text.charAt(e) != dot) {
                        e++;
                    }
                    listItem(text, s, e, out, first, noted || text.charAt(after) == '・');
                }
                int next = resultEnd(text, after); // ①相沢陽斗（東洋大）10秒31②Kofi Mensah（県立南高）: a ranking
                if (next < text.length() && isRank(text.charAt(next))) {
                    int s = next + 1;
                    int e = s;
                    while (e < text.length() && e - s <= MAX_LATIN_ITEM && "（(\n。、）)".indexOf(text.charAt(e)) < 0
                            && !isRank(text.charAt(e)) && text.charAt(e) != '\u3000') {
                        e++;
                    }
                    listItem(text, s, e, out, first);
                }
                char prev = f.start() > 1 ? text.charAt(f.start() - 1) : 0;
                if (prev == '、' || prev == wide || prev == dot || prev == '）' || prev == ')') {
                    int e = prev == '）' || prev == ')' ? noteStart(text, f.start() - 1) : f.start() - 1; // …（東小4）真田 穂乃花
                    int s = e;
                    int blanks = dot == '・' ? 1 : 0; // a name with a blank inside: the item before may have one too
                    while (s > 0 && e - s <= MAX_ITEM && "、（(\n。）)▽】」』".indexOf(text.charAt(s - 1)) < 0 && text.charAt(s - 1) != dot
                            && text.charAt(s - 1) != wide && !(isSpace(text.charAt(s - 1)) && blanks-- <= 0)) {
                        s--;
                    }
                    listItem(text, s, e, out, first, prev == '・' || prev == '）' || prev == ')' || s > 0 && "】」』".indexOf(text.charAt(s - 1)) >= 0);
                }
            }
            if (out.size() == before) {
                return;
            }
        }
    }

    /** The labels of a place in a bilingual form or a register, lower case: the romanised words after one name a place. */
    private static final String[] PLACE_LABELS = {"address", "nationality", "country", "birthplace", "place of birth", "hometown",
            "住所", "国籍", "国・地域", "出身地", "本籍", "現住所"};

    /**
     * {@code s} is in the value of a place's label on its line (住所 Address: 45 Hang Bong, Hoan Kiem, Ha Noi; 国籍
     * Nationality: ベトナム Viet Nam): the last colon before it, within 60 characters, follows one of {@link #PLACE_LABELS}.
     */
    private static boolean afterPlaceLabel(String text, int s) {
        int ls = Chars.lineStartWithin(text, s, 60);
        int from = ls < 0 ? s - 60 : ls;
        int colon = s - 1;
        while (colon >= from && text.charAt(colon) != ':' && text.charAt(colon) != '：') {
            char c = text.charAt(colon);
            if (Morphology.isKanji(c) || Morphology.isHiragana(c) || "　/／|｜".indexOf(c) >= 0
                    || c == ' ' && colon > from && text.charAt(colon - 1) == ' ') {
                return false; // another field between the label and the name (山田様方 Maria Garcia, 連絡先 Nguyen Van An)
            }
            colon--;
        }
        if (colon < from) {
            return false;
        }
        int e = colon;
        while (e > from && Chars.isSpace(text.charAt(e - 1))) {
            e--;
        }
        return Chars.labelEndsAt(text, from, e, PLACE_LABELS);
    }

    private static void addUncovered(String text, List<int[]> spans, double confidence, Cover cov, List<Finding> out) {
        for (int i = 0; i < spans.size(); i++) { // no iterator: most lists are empty
            int[] n = spans.get(i);
            if (!cov.covered(n[0], n[1])) {
                out.add(new Finding(PiiType.PERSON, n[0], n[1], confidence, false, text.substring(n[0], n[1])));
            }
        }
    }

    /** Kanji after a katakana name that make it a thing named after a person (ジョン・レノン賞, ジョージ・ワシントン大学, パーキンソン病). */
    private static final String NAMED_AFTER = "賞社駅館店号杯病症型式法則家財通記大港島州市像展";

    /**
     * A foreign name in katakana, its parts joined by ・ (エリザベス・ミツコ・ハワード, マイケル・ジャクソン, キム・ジョンス):
     * two to five katakana words standing alone, one of them a word the dictionary tags 人名 or two of them names of the
     * romanised lists (マルコ・ベルナルディ, ラミレス・ホセ, グエン・ティ・トゥ・チャン, マリア・アパレシーダ・フジモト・ダ・シルバ).
     */
    private void katakanaNames(String text, List<Morphology.Token> ts, Cover cov, List<Finding> out, List<int[]> found) {
        for (int k = 0; k < ts.size(); k++) {
            Morphology.Token t = ts.get(k);
            int s = t.start();
            boolean bullet = s == 1 || s > 1 && text.charAt(s - 2) == '\n'; // ・チャン・ティ・ラン　品質管理課: a list's bullet
            if (s > 0 && katakanaOrDot(text.charAt(s - 1)) && !(bullet && text.charAt(s - 1) == '・')
                    || LatinNames.kanaEnd(text, s, false) != t.end() || !Morphology.isKatakana(text.charAt(s))) {
                continue;
            }
            int e = t.end();
            if (e + 1 >= text.length() || text.charAt(e) != '・' && text.charAt(e) != '＝') {
                continue; // one word: most katakana (a reading column's ヤマダ タロウ) ends here, before any look-up
            }
            int parts = 1;
            boolean person = t.is("名詞-固有名詞-人名");
            int listed = listedName(text, s, e) ? 1 : 0;
            boolean words = dictionaryWord(text, s, e); // カスタマー・サポート様: words, not a name
            // up to five parts; an inner one may be a particle or an initial (フジモト・ダ・シルバ, エミリー・R・ジョンソン)
            while (parts < 5 && e + 1 < text.length() && (text.charAt(e) == '・' || text.charAt(e) == '＝')) {
                int p = e + 1;
                int q = LatinNames.kanaEnd(text, p, false);
                if (q == p && p + 1 < text.length() && Character.isUpperCase(text.charAt(p)) && text.charAt(p + 1) == '・') {
                    q = p + 1; // an initial
                }
                if (q - p < 2 && !(q > p && q < text.length() && text.charAt(q) == '・')) {
                    break;
                }
                person |= personToken(ts, p, q);
                listed += listedName(text, p, q) ? 1 : 0;
                words |= q - p >= 2 && dictionaryWord(text, p, q);
                e = q;
                parts++;
            }
            if (parts >= 2 && (e >= text.length() || !katakanaOrDot(text.charAt(e)) && NAMED_AFTER.indexOf(text.charAt(e)) < 0)
                    && (person || listed >= 2 || honorificAt(text, e) > 0 && !words) && !namedAfterInKatakana(text, s, e)) { // タパ・マガル・アナンダ・ラジ様
                addUncovered(text, List.of(new int[] {s, e}), 0.7, cov, out);
                found.add(new int[] {s, e});
            }
        }
    }

    /**
     * A name written in both scripts, one in brackets after the other, as court papers, school letters and news give a
     * foreigner's name: アベベ・ケベデ・テスファイエ（Abebe Kebede Tesfaye、21）, Oksana Kovalenko（オクサナ・コヴァレンコ）,
     * TRAN VAN HUNG⏎（チャン・ヴァン・フン）. Katakana parts joined by ・ on one side, Latin words on the other, as many of each
     * (or one more: a middle name or initial), the first and the last of each beginning with the same sound (the katakana's
     * first letter romanised against the word's: ケ K, チャ T, フ H); in either order for two parts (アディカリ・サビナ（Sabina
     * Adhikari）). Not words of the dictionary (ワールド・カップ（World Cup）), a place (サン・フランシスコ), a firm, nor Latin
     * words that make a firm or a building (Tower, Inc).
     */
    private void scriptPairs(String text, List<Finding> out) {
        for (int p = 0; p < text.length(); p++) {
            char c = text.charAt(p);
            if (c != '（' && c != '(') {
                continue;
            }
            int is = p + 1;
            int ie = is;
            while (ie < text.length() && ie - is < 80 && "）)、,，\n".indexOf(text.charAt(ie)) < 0) {
                ie++;
            }
            if (ie >= text.length() || ie - is < 3) {
                continue;
            }
            int be = p;
            while (be > 0 && isSpace(text.charAt(be - 1))) {
                be--;
            }
            if (be > 0 && text.charAt(be - 1) == '\n') { // the reading on the next line, indented
                be--;
                be -= be > 0 && text.charAt(be - 1) == '\r' ? 1 : 0;
            }
            int[] after = bracketRun(text, is, ie);
            if (after == null) {
                continue; // the brackets hold something else besides a name (a kanji, a digit)
            }
            int[] before = scriptRun(text, be);
            if (before == null) {
                surnameThenFullName(text, p, after, out);
                continue;
            }
            boolean katakanaFirst = isKatakanaLetter(text.charAt(before[0]));
            int[] k = katakanaFirst ? before : after;
            int[] l = katakanaFirst ? after : before;
            boolean listed = "、,，".indexOf(text.charAt(ie)) >= 0 || rowStart(text, before[0]);
            if (isKatakanaLetter(text.charAt(k[0])) && !isKatakanaLetter(text.charAt(l[0]))
                    && soundAlike(text.substring(k[0], k[1]), text.substring(l[0], l[1]), personAfterBracket(text, is, ie), listed)) {
                addBoth(text, before, after, out);
            }
        }
    }

    /** The brackets' content {@code text[is, ie)}, blanks trimmed, when it is one run of {@link #scriptRun}; else null. */
    private static int[] bracketRun(String text, int is, int ie) {
        String inner = text.substring(is, ie).strip();
        if (inner.isEmpty()) {
            return null;
        }
        int s = text.indexOf(inner, is);
        int[] run = scriptRun(text, s + inner.length());
        return run != null && run[0] == s ? run : null;
    }

    /** Both writings of one name, over any part of them found before (M. Bautista): the merge keeps the whole. */
    private static void addBoth(String text, int[] a, int[] b, List<Finding> out) {
        for (int[] n : new int[][] {a, b}) {
            out.add(new Finding(PiiType.PERSON, n[0], n[1], 0.85, false, text.substring(n[0], n[1])));
        }
    }

    /**
     * A Latin surname with an honorific, then the full name in brackets ending with that surname: Kovalenko先生（Oksana
     * Kovalenko、国際メンタルクリニック）. Both are the person's, whether or not the lists know the words.
     */
    private void surnameThenFullName(String text, int p, int[] inner, List<Finding> out) {
        int hon = anchors.endingAt(NameAnchors.Kind.HONORIFIC, text, p);
        int[] surname = hon > 0 ? scriptRun(text, p - hon) : null;
        if (surname == null || isKatakanaLetter(text.charAt(surname[0])) || text.substring(surname[0], surname[1]).indexOf(' ') >= 0) {
            return;
        }
        String[] words = text.substring(inner[0], inner[1]).split(" +");
        String last = text.substring(surname[0], surname[1]);
        if (words.length >= 2 && words.length <= 4 && words[words.length - 1].equalsIgnoreCase(last) && last.length() >= 2
                && !LatinNames.notPerson(last)) {
            addBoth(text, surname, inner, out);
        }
    }

    /**
     * The run at {@code start} opens a list's row: a number or a code and blanks only before it on its line (A0052  Rizky
     * Pratama（…）, 3　Emily Clarke（…）, ① …).
     */
    private static boolean rowStart(String text, int start) {
        int i = start;
        while (i > 0 && Chars.isSpace(text.charAt(i - 1))) {
            i--;
        }
        int blank = i;
        while (i > 0 && blank - i < 10 && (Character.isLetterOrDigit(text.charAt(i - 1)) && text.charAt(i - 1) < 0x80
                || Chars.isDigit(text.charAt(i - 1)) || "-.)）．①②③④⑤⑥⑦⑧⑨⑩・".indexOf(text.charAt(i - 1)) >= 0)) {
            i--;
        }
        return (i == 0 || text.charAt(i - 1) == '\n') && i < blank && blank < start;
    }

    /** The brackets at {@code [is, ie)} end with an age (、21）) or an honorific follows them (）さん, ）様). */
    private boolean personAfterBracket(String text, int is, int ie) {
        if (text.charAt(ie) == '、' || text.charAt(ie) == ',' || text.charAt(ie) == '，') {
            int d = ie + 1;
            while (d < text.length() && Character.isDigit(text.charAt(d))) {
                d++;
            }
            if (d > ie + 1 && d < text.length() && (text.charAt(d) == '）' || text.charAt(d) == ')' || text.charAt(d) == '歳')) {
                return true;
            }
        }
        int close = ie;
        while (close < text.length() && close - ie < 20 && text.charAt(close) != '）' && text.charAt(close) != ')') {
            close++;
        }
        return close + 1 < text.length() && close - ie < 20 && honorificAt(text, close + 1) > 0;
    }

    /**
     * The run ending at {@code end}: katakana parts joined by ・, ＝ or ･ (an initial among them: ジョン・ポール・M・バウティスタ),
     * or Latin words with blanks between them (O'Brien, Hyun-woo, M.); {start, end}, or null when there is neither.
     */
    private static int[] scriptRun(String text, int end) {
        if (end <= 0) {
            return null;
        }
        int s = end;
        if (isKatakanaLetter(text.charAt(end - 1)) || text.charAt(end - 1) == 'ー') {
            while (s > 0 && (isKatakanaLetter(text.charAt(s - 1)) || "ー・＝･".indexOf(text.charAt(s - 1)) >= 0
                    || s >= 2 && Character.isUpperCase(text.charAt(s - 1)) && text.charAt(s - 1) < 0x80 && "・＝･".indexOf(text.charAt(s - 2)) >= 0)) {
                s--;
            }
            return s < end && isKatakanaLetter(text.charAt(s)) ? new int[] {s, end} : null;
        }
        while (s > 0 && end - s < 60 && (Chars.isLetter(text.charAt(s - 1)) && text.charAt(s - 1) < 0x80
                || "'’-. ".indexOf(text.charAt(s - 1)) >= 0)) {
            s--;
        }
        while (s < end && !(text.charAt(s) < 0x80 && Chars.isLetter(text.charAt(s)))) {
            s++;
        }
        return s < end && Character.isUpperCase(text.charAt(s)) ? new int[] {s, end} : null;
    }

    /** English words of titles and signs that the name lists hold as names of some language (SOON, NEW, STAR …). */
    private static final Set<String> NOT_NAME_WORDS = Set.of("coming", "soon", "new", "good", "best", "happy", "world", "star", "wars",
            "times", "news", "journal", "day", "night", "love", "life", "time", "live", "show", "special", "super", "the", "of", "and",
            "my", "your", "our", "big", "little", "grand", "royal", "king", "queen", "sweet", "dream", "magic", "spring", "summer",
            "autumn", "winter", "sun", "moon", "sky", "sea", "gold", "silver", "red", "blue", "green", "black", "white");

    /**
     * The katakana parts of {@code kana} and the Latin words of {@code latin} could be one name: two to five of each, as
     * many or one more of either, the first and the last beginning alike (or crossed, for two parts); no word of the
     * dictionary among the katakana, no firm's or sign's word among the Latin, and a name of the lists among them unless
     * the name is {@code marked} (an age or an honorific after it) or, {@code listed} (a list's row, an affiliation in the
     * brackets), each word is {@link #transcribed}.
     */
    private boolean soundAlike(String kana, String latin, boolean marked, boolean listed) {
        String[] parts = kana.split("[・＝･]");
        String[] words = latin.trim().split(" +");
        if (parts.length < 2 || parts.length > 5 || words.length < 2 || words.length > 5 || Math.abs(parts.length - words.length) > 1) {
            return false;
        }
        boolean known = false;
        for (String w : words) {
            String bare = w.replace(".", "");
            if (w.isEmpty() || LatinNames.notPerson(bare) || w.endsWith(".") && w.length() > 2
                    || NOT_NAME_WORDS.contains(bare.toLowerCase(java.util.Locale.ROOT))) {
                return false; // Tower, Inc, COMING SOON; a word with a full stop is an initial only (M.), not Ltd.
            }
            known |= LatinNames.isName(bare);
        }
        // no word a name of the lists (Oksana Kovalenko) needs an age, an honorific, or each word transcribed in a list's
        // row or with an affiliation (Tevita Fifita（テビタ・フィフィタ、八戸学院大）)
        if (!known && !marked && !(listed && transcribed(parts, words))) {
            return false;
        }
        int nouns = 0;
        for (String part : parts) {
            if (part.isEmpty()) {
                return false;
            }
            if (part.length() > 1 && Morphology.hasEntry(part, 0, part.length(), "名詞") && !Morphology.hasEntry(part, 0, part.length(), "名詞-固有名詞-人名")) {
                nouns++; // ワールド, カップ: a word of the dictionary that is not a name
            }
        }
        if (nouns * 2 >= parts.length || namedAfterInKatakana(kana, 0, kana.length()) || dottedPlace(kana) || dottedFirm(kana)) {
            return false;
        }
        String first = parts[0];
        String last = parts[parts.length - 1];
        return sameSound(first, words[0]) && sameSound(last, words[words.length - 1])
                || parts.length == 2 && words.length == 2 && sameSound(first, words[1]) && sameSound(last, words[0]);
    }

    /**
     * Each katakana part transcribes its Latin word, in order: their consonants ({@link #consonants}) differ by at most one,
     * as a foreign name is written in katakana (Rizky Pratama（リズキ・プラタマ）, Tevita
     * Fifita（テビタ・フィフィタ）). Two words at least, each of two consonants or more: not one word, not an initial.
     */
    private static boolean transcribed(String[] parts, String[] words) {
        if (parts.length != words.length) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            String latin = consonants(words[i]);
            boolean alike = false;
            for (String r : Romaji.hepburn(parts[i])) {
                String kana = consonants(r);
                int d = org.apache.commons.text.similarity.LevenshteinDistance.getDefaultInstance().apply(kana, latin);
                alike |= kana.length() >= 2 && latin.length() >= 2 && d <= 1;
            }
            if (!alike || !sameSound(parts[i], words[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The consonants of a word in Latin letters as a transcription into katakana keeps them: vowels, y and w left out;
     * sh, ch, ts and th as one sound; c, q as k, l as r, v as b, f as h, j as z, x as ks; a letter repeated kept once
     * (Clarke: krk, クラーク kuraaku: krk).
     */
    static String consonants(String word) {
        String w = word.toLowerCase(java.util.Locale.ROOT).replace("sh", "s").replace("ch", "t").replace("ts", "t").replace("th", "t")
                .replace("ph", "f").replace("x", "ks");
        StringBuilder b = new StringBuilder(w.length());
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c < 'a' || c > 'z' || "aeiouyw".indexOf(c) >= 0) {
                continue;
            }
            char m = switch (c) {
                case 'c', 'q' -> 'k';
                case 'l' -> 'r';
                case 'v' -> 'b';
                case 'f' -> 'h';
                case 'j' -> 'z';
                default -> c;
            };
            if (b.isEmpty() || b.charAt(b.length() - 1) != m) {
                b.append(m);
            }
        }
        return b.toString();
    }

    /** The katakana {@code part} and the Latin {@code word} begin with the same sound, as names are transcribed. */
    private static boolean sameSound(String part, String word) {
        char r = Romaji.initial(part.charAt(0));
        char w = Character.toLowerCase(word.charAt(0));
        if (r == 0 || w >= 0x80) {
            return false;
        }
        String alike = switch (r) {
            case 'a', 'i', 'u', 'e', 'o' -> "aeiouhyw";
            case 'k' -> "kcqgx";
            case 'g' -> "gkch";
            case 's' -> "sczx";
            case 'z', 'j' -> "zjgxsdyh";
            case 't' -> "tdc";
            case 'c' -> "ctjkzs";
            case 'd' -> "dtg";
            case 'h', 'f' -> "hfpvwjgk";
            case 'b', 'v' -> "bvpw";
            case 'p' -> "pbf";
            case 'y' -> "yjie";
            case 'r' -> "rl";
            case 'w' -> "wvuoh";
            default -> String.valueOf(r); // n, m
        };
        return alike.indexOf(w) >= 0;
    }

    /** Katakana words that end a thing named after a person (ジャクソン・ホール, ケネディ・センター, エリザベス・タワー). */
    private static final List<String> NAMED_AFTER_KATAKANA = List.of("センター", "ホール", "タワー", "スタジオ", "ツアー", "ホテル",
            "ハウス", "ビル", "パーク", "ガーデン", "ストリート", "アベニュー", "スクエア", "タウン", "シティ", "ブリッジ", "ステーション",
            "アリーナ", "スタジアム", "ミュージアム", "ギャラリー", "ライブラリー", "カレッジ", "スクール", "アカデミー", "クリニック",
            "カップ", "トロフィー", "アワード", "サラダ", "ボール", "ケーキ", "ソース", "ベーカリー", "カンパニー", "グループ", "ジャパン");

    static boolean namedAfterInKatakana(String text, int s, int e) {
        for (String w : NAMED_AFTER_KATAKANA) {
            if (e - s > w.length() && text.startsWith(w, e - w.length())) {
                return true;
            }
        }
        return false;
    }

    /** A katakana word of three or more characters that, romanised, is a name of the lists (マリア, シルバ, ヴァン). */
    private static boolean listedName(String text, int s, int e) {
        if (e - s < 3) {
            return false;
        }
        String w = text.substring(s, e);
        return LatinNames.kanaGiven(w) || LatinNames.kanaSurname(w);
    }

    /** {@code text[s, e)} is a common noun of the dictionary (司会, 進行, 弊社) and not a name of the kind {@code name}. */
    private static boolean dictionaryNoun(String text, int s, int e, String name) {
        return (Morphology.hasEntry(text, s, e, "名詞-一般") || Morphology.hasEntry(text, s, e, "名詞-サ変接続")
                || Morphology.hasEntry(text, s, e, "名詞-代名詞")) && !Morphology.hasEntry(text, s, e, name);
    }

    /** The dictionary tags {@code text[s, e)} as one word, a person's name. */
    private static boolean personToken(List<Morphology.Token> ts, int s, int e) {
        for (Morphology.Token t : ts) {
            if (t.start() == s && t.end() == e) {
                return t.is("名詞-固有名詞-人名");
            }
        }
        return false;
    }

    /**
     * A given name of the lists in katakana written before a Japanese name with one blank, as a church's records give a
     * baptismal name (ヨセフ 松田 正雄, パウロ 今野 昭) and some write a second given name: part of the name, so that a masked
     * output hides it too. After a line's start, a blank or a mark, every part of it (joined by ・) a given name.
     */
    private void givenNamesBefore(String text, List<Finding> out, int first) {
        List<Finding[]> changes = null; // [the name, the name with its given name before it]
        for (int k = first; k < out.size() && (changes == null || changes.size() < MAX_PROPAGATED); k++) {
            Finding f = out.get(k);
            int b = f.start() - 1;
            if (f.type() != PiiType.PERSON || b < 2 || !isSpace(text.charAt(b)) || !isKanjiAt(text, f.start())) {
                continue;
            }
            int s = b;
            while (s > 0 && b - s < MAX_KANA_NAME && (katakanaOrDot(text.charAt(s - 1)) || text.charAt(s - 1) == 'ー')) {
                s--;
            }
            if (s == b || s > 0 && !(isSpace(text.charAt(s - 1)) || "\n、（(「【".indexOf(text.charAt(s - 1)) >= 0)
                    || nameAround(out, first, f, s)) {
                continue; // 菅野 トシ　大和田 喜一, 比嘉 ルシア 恵美: the katakana ends or is inside the name before
            }
            boolean given = true;
            for (int p = s; p < b && given; ) {
                int q = text.indexOf('・', p);
                q = q < 0 || q > b ? b : q;
                given = q - p >= 2 && (anchors.is(NameAnchors.Kind.BAPTISMAL, text, p, q) // テレジア: a saint's, as churches write it
                        || LatinNames.kanaGiven(text.substring(p, q)) && !dictionaryWord(text, p, q)
                        && !anchors.is(NameAnchors.Kind.TITLE, text, p, q) && !anchors.is(NameAnchors.Kind.ROLE, text, p, q)); // コーチ 鵜飼
                p = q + 1;
            }
            if (given) {
                if (changes == null) {
                    changes = new ArrayList<>();
                }
                changes.add(new Finding[] {f, new Finding(PiiType.PERSON, s, f.end(), f.confidence(), false, text.substring(s, f.end()))});
            }
        }
        if (changes == null) {
            return;
        }
        java.util.Map<Finding, Finding> widened = new java.util.IdentityHashMap<>();
        for (Finding[] c : changes) {
            widened.put(c[0], c[1]);
        }
        List<Finding> tail = new ArrayList<>(out.subList(first, out.size()));
        out.subList(first, out.size()).clear();
        for (Finding o : tail) {
            Finding w = widened.get(o);
            if (w != null) {
                out.add(w);
            } else if (!(o.type() == PiiType.PERSON && insideAny(changes, o))) {
                out.add(o); // the katakana found alone (ヨセフ) gives way to the whole name
            }
        }
    }

    /**
     * A kanji given name of one or two characters after a surname and a katakana given name, one blank between (鷲尾 ジョージ
     * 剛, 宮城 ヘレナ 光子, 上原 ダニエル 健（平成2年卒）), as families with two names write them: part of the name. Only where
     * the name found ends with its katakana, every kanji after the blank is a given name's (given-name-kanji.tsv), no
     * dictionary has them as a surname, and a boundary follows (a blank, a bracket, an honorific, a separator or the end).
     */
    private void kanjiGivenAfter(String text, List<Finding> out, int first) {
        for (int k = first; k < out.size(); k++) {
            Finding f = out.get(k);
            int e = f.end();
            if (f.type() != PiiType.PERSON || e + 2 >= text.length() || !isSpace(text.charAt(e)) || text.charAt(e) == '\n'
                    || !Morphology.isKatakana(text.charAt(e - 1)) || f.value().indexOf(' ') < 0 && f.value().indexOf('　') < 0
                    || !isKanjiAt(text, f.start())) {
                continue;
            }
            int g = e + 1;
            int h = g;
            while (h < text.length() && h - g < 2 && Morphology.isKanji(text.charAt(h)) && anchors.givenKanji(text.charAt(h))) {
                h++;
            }
            char after = Chars.at(text, h);
            boolean boundary = h == text.length() || isSpace(after) || "（(／/|｜、,，)）".indexOf(after) >= 0 || honorificAt(text, h) > 0;
            if (h == g || !boundary || Morphology.isKanji(after) || surnameOnly(text, g, h)) {
                continue;
            }
            out.set(k, new Finding(PiiType.PERSON, f.start(), h, f.confidence(), false, text.substring(f.start(), h)));
        }
    }

    /**
     * A surname in katakana before a kanji given name found alone, one blank between (ノートン 由紀さん, ローガン 智美さん), as
     * a family of two nationalities writes it: part of the name. Only where the name found is a given name of the
     * dictionary in one to three kanji, and the katakana is no word of the dictionary, title or role (カスタマー 由紀) and
     * no part of a longer name joined by ・ (クリストファー・ノートン). A katakana name found alone there joins it (エマ 陽葵).
     */
    private void kanaSurnameBefore(String text, List<Finding> out, int first) {
        java.util.Set<Finding> joined = null; // the katakana found alone that a name now takes in (エマ 陽葵)
        java.util.Map<Long, Finding> bySpan = null; // the persons found, by start and end, and where they reach (nameAround's
        java.util.BitSet reached = null;           // test), made once: a line of many such names is not read once per name
        for (int k = first; k < out.size(); k++) {
            Finding f = out.get(k);
            int b = f.start() - 1;
            if (f.type() != PiiType.PERSON || b < 2 || !isSpace(text.charAt(b)) || text.charAt(b) == '\n' || f.value().length() > 3
                    || !allKanji(f.value()) || !Morphology.hasEntry(text, f.start(), f.end(), MEI)) {
                continue;
            }
            int s = b;
            while (s > 0 && b - s < MAX_KANA_SURNAME && (Morphology.isKatakana(text.charAt(s - 1)) || text.charAt(s - 1) == 'ー')) {
                s--;
            }
            if (b - s < 2 || s > 0 && (Morphology.isKatakana(text.charAt(s - 1)) || text.charAt(s - 1) == '・')) {
                continue;
            }
            if (bySpan == null) {
                bySpan = new java.util.HashMap<>();
                reached = new java.util.BitSet();
                for (Finding o : out.subList(first, out.size())) {
                    if (o.type() == PiiType.PERSON) {
                        bySpan.putIfAbsent(((long) o.start() << 32) | o.end(), o);
                        reached.set(o.start(), o.end() + 1); // a person that starts before s and reaches the blank before it
                    }
                }
            }
            Finding kana = bySpan.get(((long) s << 32) | b);
            if (kana == null && (dictionaryWord(text, s, b) || anchors.is(NameAnchors.Kind.TITLE, text, s, b)
                    || anchors.is(NameAnchors.Kind.ROLE, text, s, b) || s > 0 && reached.get(s - 1))) {
                continue;
            }
            out.set(k, new Finding(PiiType.PERSON, s, f.end(), Math.max(f.confidence(), kana == null ? 0 : kana.confidence()), false,
                    text.substring(s, f.end())));
            if (kana != null) {
                joined = joined == null ? java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()) : joined;
                joined.add(kana);
            }
        }
        if (joined != null) {
            java.util.Set<Finding> drop = joined;
            out.subList(first, out.size()).removeIf(drop::contains);
        }
    }

    /** Longest surname in katakana {@link #kanaSurnameBefore} takes before a given name (オティエノ, ウィリアムズ). */
    private static final int MAX_KANA_SURNAME = 10;

    private static boolean allKanji(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (!Morphology.isKanji(v.charAt(i))) {
                return false;
            }
        }
        return !v.isEmpty();
    }

    /** A person found, other than {@code f}, that starts before {@code s} and reaches the blank before it or further. */
    private static boolean nameAround(List<Finding> out, int first, Finding f, int s) {
        for (int k = first; k < out.size(); k++) {
            Finding o = out.get(k);
            if (o != f && o.type() == PiiType.PERSON && o.start() < s && o.end() >= s - 1) {
                return true;
            }
        }
        return false;
    }

    /** {@code o} lies inside the given name a change adds before its name. */
    private static boolean insideAny(List<Finding[]> changes, Finding o) {
        for (Finding[] c : changes) {
            if (o != c[0] && o.start() >= c[1].start() && o.end() <= c[0].start()) {
                return true;
            }
        }
        return false;
    }

    /** Longest katakana name, or its reading, that {@link #spelledReadings} compares. */
    private static final int MAX_SPELLED = 24;
    /** Longest given name in katakana {@link #givenNamesBefore} takes before a name (マリア・テレジア). */
    private static final int MAX_KANA_NAME = 16;

    /**
     * A foreign name in katakana joined by ・ and its reading in brackets that spells the same sounds (グエン・ティ・ラン（ぐえん
     * てぃ らん）, ラフマン・アリフ（らふまん・ありふ）), as rosters and news give it: a reading is given for a name, so both
     * are names, whatever the lists know of their parts.
     */
    private void spelledReadings(String text, List<Finding> out, int first) {
        for (int p = text.indexOf('（'); p >= 0; p = text.indexOf('（', p + 1)) {
            int s = p;
            boolean joined = false;
            while (s > 0 && p - s < MAX_SPELLED && (katakanaOrDot(text.charAt(s - 1)) || text.charAt(s - 1) == 'ー' || text.charAt(s - 1) == '＝')) {
                s--;
                joined |= text.charAt(s) == '・' || text.charAt(s) == '＝';
            }
            int close = text.indexOf('）', p + 1);
            if (!joined || close < 0 || close - p - 1 > MAX_SPELLED || !Morphology.isKatakana(text.charAt(s))
                    || s > 0 && Morphology.isKanji(text.charAt(s - 1)) || !sameSounds(text, s, p, p + 1, close)) {
                continue;
            }
            boolean named = false; // a part a name of the lists or of the dictionary: not ワールド・カップ, ハンプティ・ダンプティ
            for (int i = s; i < p && !named; ) {
                int q = i;
                while (q < p && !isSeparator(text.charAt(q))) {
                    q++;
                }
                String part = text.substring(i, q);
                named = LatinNames.kanaGiven(part) || LatinNames.kanaSurname(part) || Morphology.hasEntry(text, i, q, "名詞-固有名詞-人名");
                i = q + 1;
            }
            if (!named && !ageFollows(text, close + 1)) {
                continue;
            }
            int ns = s;
            int ne = p;
            int rs = p + 1;
            int re = close;
            Finding.addOver(out, first, new Finding(PiiType.PERSON, ns, ne, 0.7, false, text.substring(ns, ne)),
                    f -> f.type() == PiiType.PERSON && f.start() >= ns && f.end() <= ne);
            Finding.addOver(out, first, new Finding(PiiType.PERSON, rs, re, 0.7, false, text.substring(rs, re)),
                    f -> f.type() == PiiType.PERSON && f.start() >= rs && f.end() <= re);
        }
    }

    /**
     * An age right after a name's reading, as election results and rosters give it: （らふまん・ありふ）44　無新, （…）8歳. Without
     * 歳, two digits, a blank and no kana after it (not a game's number: （…）16 の新作, （…）3 が発売).
     */
    private static boolean ageFollows(String text, int i) {
        int p = i;
        while (p < text.length() && p - i < 3 && Character.isDigit(text.charAt(p))) {
            p++;
        }
        if (p > i && p < text.length() && (text.charAt(p) == '歳' || text.charAt(p) == '才')) {
            return true;
        }
        if (p - i != 2) {
            return false;
        }
        int q = p;
        while (q < text.length() && isSpace(text.charAt(q))) {
            q++;
        }
        return q > p && (q == text.length() || text.charAt(q) == '\n' || !Morphology.isHiragana(text.charAt(q)));
    }

    /** The kana of {@code text[a, b)} and {@code text[c, d)} are the same sounds, separators and script aside (ぐえん てぃ = グエン・ティ). */
    private static boolean sameSounds(String text, int a, int b, int c, int d) {
        int i = a;
        int j = c;
        int n = 0;
        while (true) {
            while (i < b && isSeparator(text.charAt(i))) {
                i++;
            }
            while (j < d && isSeparator(text.charAt(j))) {
                j++;
            }
            if (i >= b || j >= d) {
                return i >= b && j >= d && n >= 3;
            }
            char k = Romaji.katakana(text.charAt(j));
            if (Romaji.katakana(text.charAt(i)) != k || !Morphology.isKatakana(k) && k != 'ー') {
                return false;
            }
            i++;
            j++;
            n++;
        }
    }

    private static boolean isSeparator(char c) {
        return c == '・' || c == '＝' || c == ' ' || c == '　';
    }

    private static boolean katakanaOrDot(char c) {
        return Morphology.isKatakana(c) || c == '・';
    }

    /** Where the short bracketed note that ends at the bracket {@code close} opens, or -1 when there is none within 12. */
    private static int noteStart(String text, int close) {
        for (int i = close - 1; i >= 0 && close - i <= 12; i--) {
            char c = text.charAt(i);
            if (c == '（' || c == '(') {
                return i;
            }
            if (c == '、' || c == '\n' || c == '）' || c == ')') {
                break;
            }
        }
        return -1;
    }

    /** The index after a short bracketed note at {@code at} (（東京都）, (3年)), or {@code at} when there is none. */
    private static int bracketEnd(String text, int at) {
        if (at >= text.length() || (text.charAt(at) != '（' && text.charAt(at) != '(')) {
            return at;
        }
        for (int i = at + 1; i < text.length() && i - at <= 12; i++) {
            char c = text.charAt(i);
            if (c == '）' || c == ')') {
                return i + 1;
            }
            if (c == '、' || c == '\n' || c == '（' || c == '(') {
                break;
            }
        }
        return at;
    }

    /** The longest romanised item of a list (Lucas Ferreira). */
    private static final int MAX_LATIN_ITEM = 24;
    private static final java.util.regex.Pattern LATIN_NAME = java.util.regex.Pattern.compile(
            "\\p{Lu}[\\p{Ll}\\p{M}'’]+(?:[ -]\\p{Lu}[\\p{Ll}\\p{M}'’]+){1,2}|\\p{Lu}{2,}(?: \\p{Lu}[\\p{Ll}]+){1,2}");
    private static final java.util.regex.Pattern KATAKANA_THEN_GIVEN = java.util.regex.Pattern.compile("[\\p{IsKatakana}ー]{2,8}[ 　][\\p{IsHan}々]{1,3}");
    private static final java.util.regex.Pattern KATAKANA_NAME = java.util.regex.Pattern.compile(
            "[\\p{IsKatakana}ー]{2,}(?:[・･=＝][\\p{IsKatakana}ー]{2,}){1,2}");

    /** A circled number that ranks the items of a list (①②③). */
    private static boolean isRank(char c) {
        return c >= '①' && c <= '⑳';
    }

    /** Where a ranked item's result ends: a time, a distance or points right after it (10秒31, 1m78＝大会新, 13分41秒02). */
    private static int resultEnd(String text, int at) {
        int p = at;
        while (p < text.length() && p - at <= 14 && !isRank(text.charAt(p)) && "\n。、（(".indexOf(text.charAt(p)) < 0
                && (Character.isDigit(text.charAt(p)) || "秒分時間点位mkgc．.:：+-＋－=＝大会新記録タイ自己最高".indexOf(text.charAt(p)) >= 0)) {
            p++;
        }
        return p;
    }

    /**
     * {@link #listItem}, but when {@code strict} (an item after ・ or a note, the separators of names with a blank inside)
     * only an item of that shape: not 本名・宮内 清, 【新郎側】上司.
     */
    private void listItem(String text, int s, int e, List<Finding> out, int first, boolean strict) {
        if (e > s && (!strict || BLANK_NAME.matcher(text.substring(s, e)).matches())) {
            listItem(text, s, e, out, first);
        }
    }

    private void listItem(String text, int s, int e, List<Finding> out, int first) {
        if (e <= s || e - s > MAX_LATIN_ITEM) {
            return;
        }
        String item = text.substring(s, e);
        boolean foreign = LATIN_NAME.matcher(item).matches() || KATAKANA_NAME.matcher(item).matches();
        if (e - s > MAX_ITEM || foreign) {
            if (foreign && !confidentAt(out, first, s, e) && !anchors.is(NameAnchors.Kind.ROLE, text, s, e)
                    && !endsWithOrgSuffix(item) && !hasCompanyMarker(item)) {
                out.add(new Finding(PiiType.PERSON, s, e, 0.6, false, item)); // Kofi Mensah, ワンジル・キプロノ in a list of names
            }
            return;
        }
        for (int k = first; k < out.size(); k++) {
            Finding f = out.get(k);
            if (f.type() == PiiType.PERSON && f.start() <= s && f.end() >= e && confident(f)) {
                return; // already a name
            }
        }
        if (endsWithOrgSuffix(item) || hasCompanyMarker(item) || anchors.isPlaceName(item) || SUM.matcher(item).find()) {
            return; // nor a donation's sum before the donor (一金 参拾萬円　長野 源太郎)
        }
        int blank = Math.max(item.indexOf(' '), item.indexOf('　'));
        if (blank > 0 && isDepartment(text, s + blank + 1, e)) {
            return; // 本社 経理部
        }
        boolean shaped = BLANK_NAME.matcher(item).matches() && !anchors.isPlaceName(item.substring(0, blank))
                && !roleWord(text, s, s + blank) && !roleWord(text, s + blank + 1, e) // 新婦 菜摘, 高砂　新郎
                && !dictionaryNoun(text, s, s + blank, SEI) // 司会 進行
                && !item.endsWith("組") && !item.endsWith("夫妻") && !item.endsWith("ほか"); // 佐藤 次郎組, 花子 夫妻
        if (!shaped && blank > 0 && KATAKANA_THEN_GIVEN.matcher(item).matches() && !roleWord(text, s, s + blank)
                && (Morphology.hasEntry(text, s + blank + 1, e, MEI) || allGivenKanji(text, s + blank + 1, e))) {
            shaped = true; // ラミレス 愛 among the names of a list: a foreign surname and a Japanese given name
        }
        if (!shaped) {
            List<Morphology.Token> ts = Morphology.tokens(text, s, e);
            shaped = ts.size() == 1 && (ts.get(0).is(SEI) || e - s >= 2 && all(text, ts.get(0), 'c') && Morphology.hasEntry(text, s, e, SEI))
                    || joinedName(text, ts, s, e);
        }
        if (shaped) {
            out.add(new Finding(PiiType.PERSON, s, e, 0.6, false, item));
        }
    }

    /** A sum of money: numerals, then 円 (参拾萬円, 5,000円); not a surname with 円 (円城寺). */
    private static final java.util.regex.Pattern SUM = java.util.regex.Pattern.compile("[0-9０-９一二三四五六七八九十百千万萬億壱弐参拾]円");

    /** The two or three kanji before the blank at {@code blank} are an occupation or a prize (調理師, 板金工, 金賞, 入選), not a surname. */
    private static boolean occupationBefore(String text, int blank) {
        int l = blank;
        while (l > 0 && blank - l < 4 && isKanjiAt(text, l - 1)) {
            l--;
        }
        return blank - l >= 2 && blank - l <= 3 && (OCCUPATION_END + "工賞選").indexOf(text.charAt(blank - 1)) >= 0
                && !Morphology.hasEntry(text, l, blank, SEI);
    }

    /** A surname and a given name written together in kanji (飯塚正男, 佐野翼): no surname stands before it. */
    private boolean fullName(String text, int s, int e) {
        List<Morphology.Token> ts = Morphology.tokens(text, s, e);
        return joinedName(text, ts, s, e) || ts.size() == 2 && ts.get(0).is(SEI) && ts.get(1).is(MEI);
    }

    /**
     * A surname and a given name written without a blank (五十嵐詩, 加藤しずく, 大﨑湊): the dictionary's surname, then one
     * to three given-name kanji or two to four hiragana.
     */
    private boolean joinedName(String text, List<Morphology.Token> ts, int s, int e) {
        if (ts.isEmpty() || !ts.get(0).is(SEI) || ts.get(0).start() != s) {
            return false;
        }
        int g = ts.get(0).end();
        if (e - g < 1 || e - g > 4 || honorificAt(text, g) > 0) {
            return false; // not 森|さんは
        }
        boolean kanji = true;
        boolean kana = true;
        for (int i = g; i < e; i++) {
            char c = text.charAt(i);
            kanji &= Morphology.isKanji(c) && anchors.givenKanji(c);
            kana &= Morphology.isHiragana(c);
        }
        return kanji && e - g <= 3 || kana && e - g >= 2;
    }

    /**
     * The given name of a second sender alone on the line after a full name, the way a letter or a card is signed
     * by a family (𠮷田 健 / 千晶): kanji the dictionary tags as a given name, or given-name kanji that are not one
     * dictionary word (以上, 敬具 are). Either line may be indented (the second given name set under the first), and the
     * second may end with a note in brackets (紗季（旧姓 丸尾）).
     */
    private void signOff(String text, List<Finding> out, int first) {
        int size = out.size();
        for (int k = first; k < size; k++) {
            Finding f = out.get(k);
            if (!confident(f) || !blanksBefore(text, f.start()) || f.end() >= text.length()
                    || text.charAt(f.end()) != '\n' || f.value().indexOf(' ') < 0 && f.value().indexOf('　') < 0) {
                continue;
            }
            int s = f.end() + 1;
            while (s < text.length() && isSpace(text.charAt(s))) {
                s++;
            }
            int e = s;
            while (e < text.length() && text.charAt(e) != '\n' && text.charAt(e) != '\r') {
                e++;
            }
            e = beforeNote(text, s, e);
            if (e - s < 2 || e - s > 3) {
                continue;
            }
            boolean kanji = true;
            boolean given = true;
            for (int i = s; i < e; i++) {
                kanji &= isKanjiAt(text, i);
                given &= anchors.givenKanji(text.charAt(i));
            }
            if (!kanji) {
                continue;
            }
            List<Morphology.Token> ts = Morphology.tokens(text, s, e);
            boolean tagged = ts.stream().anyMatch(t -> t.is(MEI) || t.is(JINMEI));
            boolean word = ts.size() == 1 && !ts.get(0).is("名詞-固有名詞");
            if (tagged || given && !word) {
                out.add(new Finding(PiiType.PERSON, s, e, 0.6, false, text.substring(s, e)));
            }
        }
    }

    /** Only blanks between {@code i} and the start of its line. */
    private static boolean blanksBefore(String text, int i) {
        for (int p = i - 1; p >= 0 && text.charAt(p) != '\n'; p--) {
            if (!isSpace(text.charAt(p))) {
                return false;
            }
        }
        return true;
    }

    /** Where a line {@code [s, e)} ends before the note in brackets that ends it (紗季（旧姓 丸尾）), and its blanks; else {@code e}. */
    private static int beforeNote(String text, int s, int e) {
        while (e > s && isSpace(text.charAt(e - 1))) {
            e--;
        }
        int open = endingNoteOpen(text, s, e);
        if (open >= 0) {
            e = open;
            while (e > s && isSpace(text.charAt(e - 1))) {
                e--;
            }
        }
        return e;
    }

    /**
     * The opening bracket, after {@code s}, of the note that ends {@code text[s, e)} with its closing bracket (紗季（旧姓 丸尾）,
     * オペレーター（小野寺）); -1 when the text does not end with one. Looks back no further than {@code s}.
     */
    private static int endingNoteOpen(String text, int s, int e) {
        if (e <= s || !Chars.isCloseParen(text.charAt(e - 1))) {
            return -1;
        }
        for (int i = e - 2; i > s; i--) {
            if (Chars.isOpenParen(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static final java.util.regex.Pattern DEPARTMENT_SELF = java.util.regex.Pattern.compile(
            "(?:部|課|室|係|局|社|店|所)の([\\p{IsHan}]{2,3}(?<!中))です[。、！\\n]"); // not 施設入所の準備中です

    /** Whether an opening bracket follows one of {@code before}'s characters somewhere in {@code text}. */
    private static boolean bracketAfter(String text, String before) {
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '（' || c == '(') && before.indexOf(text.charAt(i - 1)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.regex.Pattern AFTER_DEPARTMENT = java.util.regex.Pattern.compile(
            "(?:[課部室係局班]|店長|担当)[（(]([\\p{IsHan}]{2,3})[）)]");

    /**
     * A surname in brackets after a department or a role: 総務課（今野）, 店長（松岡）; and someone naming themselves
     * after their department (法務部の戸叶です。) when the word is not one dictionary word (担当, 者).
     */
    private void bracketed(String text, List<Finding> out, int first) {
        if (text.indexOf("です") >= 0) {
            java.util.regex.Matcher d = DEPARTMENT_SELF.matcher(text);
            while (d.find()) {
                List<Morphology.Token> ts = Morphology.tokens(text, d.start(1), d.end(1));
                boolean word = ts.size() == 1 && !ts.get(0).is(SEI) && !ts.get(0).is("名詞-固有名詞-人名");
                if (!word && !isOrgWord(text, ts.get(0))) {
                    out.add(new Finding(PiiType.PERSON, d.start(1), d.end(1), 0.6, false, d.group(1)));
                }
            }
        }
        if (!bracketAfter(text, "課部室係局班長当")) {
            return; // AFTER_DEPARTMENT needs one (課（, 店長（, 担当（: keep the characters in step); most texts have none
        }
        java.util.regex.Matcher m = AFTER_DEPARTMENT.matcher(text);
        while (m.find()) {
            List<Morphology.Token> ts = Morphology.tokens(text, m.start(1), m.end(1));
            if (ts.size() == 1 && ts.get(0).is(SEI)) {
                out.add(new Finding(PiiType.PERSON, m.start(1), m.end(1), 0.6, false, m.group(1)));
            }
        }
    }

    /**
     * A foreign name in katakana with its own spelling in brackets after it, as news, rosters and court papers write
     * one: ムハンマド・ラシッド・ホサイン（MUHAMMAD RASHID HOSSAIN）, リ・ヨンファン（李英煥）, ケン・ミヤシタ（宮下　健）.
     */
    private static final java.util.regex.Pattern TWIN_NAME = java.util.regex.Pattern.compile(
            "(?<![ァ-ヺー])(?<![ァ-ヺー][・･])([ァ-ヺー]{1,10}(?:[・･][ァ-ヺー]{1,10}){1,3})[ 　]?\\n?[（(]"
                    + "(\\p{Lu}[\\p{L}'’.-]*(?:[ 　]\\p{Lu}[\\p{L}'’.-]*){1,3}|[\\p{IsHan}々]{1,4}(?:[ 　][\\p{IsHan}々]{1,3})?)[）)]");
    /** Last characters of a team's, a school's or an office's short name in brackets (東和大, 北浜陸運, 日立製作所). */
    private static final String TEAM_END = "大社銀院所省庁市町村県区党会団部課局業機運協連高中小校園電工商店堂屋";
    /** Surnames of China, Korea and Vietnam in kanji that a bracketed name after its katakana starts with (李英煥, 范氏蘭). */
    private static final String CJK_SURNAMES = "李金朴崔鄭姜趙尹張林韓呉申徐権黄安宋洪全孫文梁白許劉陳楊周王范阮胡武裴潘丁杜郭馬謝曹";

    /**
     * {@link #TWIN_NAME}: both spellings are the name when the katakana has two or more parts and the bracket holds a
     * name: capitalised Latin words, or kanji that a name of the dictionary or one of {@link #CJK_SURNAMES} starts, or
     * that a finding already holds; not a company (アップル・ジャパン（Apple Japan Inc）).
     */
    private void twinNames(String text, List<Finding> out, int first) {
        if (text.indexOf('・') < 0 && text.indexOf('･') < 0) {
            return;
        }
        java.util.regex.Matcher m = TWIN_NAME.matcher(text);
        while (m.find()) {
            String kana = m.group(1);
            String other = m.group(2);
            if (kana.length() < 4 || endsWithOrgSuffix(kana) || hasCompanyMarker(other) || endsWithOrgSuffix(other)) {
                continue;
            }
            boolean latin = Character.isLetter(other.charAt(0)) && other.charAt(0) < 0x3000;
            if (latin) {
                int known = 0;
                for (String w : other.split("[ 　]")) {
                    known += LatinNames.isName(w) ? 1 : 0;
                }
                if (NOT_PERSON_WORDS.matcher(other).find() || known < 2) {
                    continue; // two words of the name lists: not ゼロ・トラスト（Zero Trust）, スター・ウォーズ（Star Wars）
                }
            } else {
                boolean found = false;
                for (int k = first; k < out.size() && !found; k++) {
                    Finding f = out.get(k);
                    found = f.type() == PiiType.PERSON && f.start() <= m.start(2) && f.end() > m.start(2);
                }
                List<Morphology.Token> ts = Morphology.tokens(text, m.start(2), m.end(2));
                boolean placeWord = false;
                for (Morphology.Token t : ts) {
                    placeWord |= t.is("名詞-固有名詞-地域") || t.is("名詞-固有名詞-組織");
                }
                boolean surnameThenGiven = ts.size() > 1 && ts.get(0).is(SEI) && ts.get(ts.size() - 1).is(MEI) && !placeWord;
                // 李英煥 (英 is also England); not a loanword glossed in kanji (ゴールデン・ゲート（金門）, マーシャル・アーツ（武術）)
                boolean chinese = CJK_SURNAMES.indexOf(other.charAt(0)) >= 0 && other.length() <= 3 && kana.indexOf('ー') < 0
                        && !dictionaryWord(ts);
                // a team or a school in brackets is not a name (ジョセフ・キプロノ（北浜陸運）, （金沢大）)
                if (anchors.isPlaceName(other) || TEAM_END.indexOf(other.charAt(other.length() - 1)) >= 0
                        || !found && !surnameThenGiven && !chinese) {
                    continue;
                }
            }
            for (int g = 1; g <= 2; g++) {
                // a shorter name the lists found inside (MUHAMMAD RASHID of MUHAMMAD RASHID HOSSAIN) gives way to the whole
                replaceShorter(text, m.start(g), m.end(g), out, first);
            }
        }
    }

    /** Words of a company's, a school's or a place's name in Latin letters (Apple Japan Inc, Tokyo University). */
    private static final java.util.regex.Pattern NOT_PERSON_WORDS = java.util.regex.Pattern.compile(
            "(?i)\\b(?:inc|co|corp|corporation|ltd|llc|company|group|university|college|school|bank|hotel|city|centre|center|"
                    + "international|japan|foundation|association|club|team|fc|street|road|station|airport|museum|party)\\b");

    /**
     * A one-kanji surname that is also a word (東, 南, 森, 岡, 原, 林), a blank and a given name: 母東 美和, 被告人東 ひなた,
     * 鑑定人南 悠真医師, 1年　岡 ゆうと, 会員の森 ひなた様; and glued to a title with a kana given name (副社長原ひなた). The given
     * name is the dictionary's (美和, 悠真) or a kana given name of the lists (ゆうと, ひなた), and ends where a word ends; one
     * kanji alone (湊) only before an honorific. Before the surname stands no kanji, or a relation, a title or a role that
     * ends there (母, 被告人, 副社長), or a word ending in 人 or 者 (鑑定人, 同居人, 保護者).
     */
    private void oneKanjiSurnames(String text, List<Finding> out, int first) {
        for (int x = 0; x + 2 < text.length(); x++) {
            char c = text.charAt(x);
            char next = text.charAt(x + 1);
            boolean blank = isSpace(next);
            if (!blank && !Morphology.isHiragana(next) || !Morphology.isKanji(c) || c == 'ヶ' || "新現元前".indexOf(c) >= 0
                    || "新現元前".indexOf(text.charAt(x + 2)) >= 0) {
                continue; // not a candidate's standing in an election list (維新　新　元市長秘書)
            }
            if (!oneKanjiSurname(text, x)) {
                continue;
            }
            boolean kanjiBefore = x > 0 && isKanjiAt(text, x - 1);
            boolean anchored = (kanjiBefore || !blank) && x > 0 && (anchors.endingAt(NameAnchors.Kind.KIN, text, x) > 0
                    || anchors.endingAt(NameAnchors.Kind.TITLE, text, x) > 0 || anchors.endingAt(NameAnchors.Kind.LABEL, text, x) > 0
                    || "人者".indexOf(text.charAt(x - 1)) >= 0);
            if (kanjiBefore && !anchored || !blank && !anchored) {
                continue;
            }
            int g = blank ? x + 2 : x + 1;
            int e = g < text.length() && Morphology.isHiragana(text.charAt(g)) ? kanaGivenEnd(text, g)
                    : blank ? kanjiGivenEnd(text, g, anchored) : -1;
            if (e > 0 && blank && g < text.length() && isKanjiAt(text, g)) {
                String joined = c + text.substring(g, e);
                List<Morphology.Token> one = Morphology.tokens(joined, 0, joined.length());
                if (one.size() == 1 && !one.get(0).is("名詞-固有名詞-人名") || anchors.isPlaceName(joined)) {
                    continue; // 北 海道: one word spread over a blank
                }
            }
            if (e > 0 && !confidentAt(out, first, x, e)) {
                out.add(new Finding(PiiType.PERSON, x, e, 0.6, false, text.substring(x, e)));
            }
        }
    }

    /** Per character: 0 not looked up yet, 1 a surname of one kanji in the dictionary (東, 森), 2 not. Shared; races only repeat a look-up. */
    private static final byte[] ONE_KANJI_SURNAME = new byte[65536];

    private static boolean oneKanjiSurname(String text, int x) {
        char c = text.charAt(x);
        byte known = ONE_KANJI_SURNAME[c];
        if (known == 0) {
            known = Morphology.hasEntry(text, x, x + 1, SEI) ? (byte) 1 : (byte) 2;
            ONE_KANJI_SURNAME[c] = known;
        }
        return known == 1;
    }

    /** Particles and suffixes that may follow a kana given name (ひなたは, ゆうとら). */
    private static final String AFTER_KANA_NAME = "はがをにのともらへやで";

    /** The end of a kana given name of the lists starting at {@code g} (ゆうと, ひなた), or -1. */
    private int kanaGivenEnd(String text, int g) {
        int run = LatinNames.kanaEnd(text, g, true);
        for (int e = Math.min(run, g + 4); e >= g + 2; e--) {
            boolean wordEnd = e == run && (e >= text.length() || !Morphology.isKanji(text.charAt(e)) && !Morphology.isKatakana(text.charAt(e)));
            if ((wordEnd || AFTER_KANA_NAME.indexOf(text.charAt(e)) >= 0 || honorificAt(text, e) > 0)
                    && LatinNames.kanaGiven(text.substring(g, e)) && !NOT_GIVEN.contains(text.substring(g, e))) {
                return e;
            }
        }
        return -1;
    }

    /** The end of a given name of the dictionary in kanji starting at {@code g} (美和, 悠真), or -1; one kanji only before an honorific. */
    private int kanjiGivenEnd(String text, int g, boolean anchored) {
        int run = g;
        while (run < text.length() && run - g < 4 && isKanjiAt(text, run)) {
            run++;
        }
        for (int e = Math.min(run, g + 3); e > g; e--) {
            boolean ends = e == run && (e >= text.length() || !Morphology.isKatakana(text.charAt(e)))
                    || honorificAt(text, e) > 0 || anchors.at(NameAnchors.Kind.TITLE, text, e) > 0;
            if (ends && Morphology.hasEntry(text, g, e, MEI) && (e - g >= 2 || honorificAt(text, e) > 0 || anchored && e == run)) {
                return e;
            }
        }
        return -1;
    }

    /**
     * A child's given name before the word for its parent, as class lists and school letters name parents: ひなたママ,
     * 蒼パパ, 結菜母, りつ母, 悠真ばあば. The name is a kana given name of the lists or one or two kanji frequent in given names,
     * standing alone between blanks, 、, ・ or brackets; not a word of kin itself (祖母, 叔父) nor one of {@link #NOT_PARENT}.
     */
    private static final java.util.regex.Pattern CHILDS_PARENT = java.util.regex.Pattern.compile(
            "(?<=^|[\\s　、・,，（(）)：:】▽])([ぁ-ゖ]{2,4}|[\\p{IsHan}]{1,2})(?:ママ|パパ|母|父|ばあば|じいじ)(?=[\\s　、・,，（(）)。：:]|$)");
    private static final java.util.Set<String> NOT_PARENT = java.util.Set.of("聖母", "保母", "寮母", "酵母", "分母", "国母", "慈母", "岳父",
            "神父", "教父", "厳父", "慈父", "亡父", "亡母", "老母", "老父", "生母", "継母", "継父", "家父", "乳母", "養母", "養父", "祖父母", "父母");

    private void childsParent(String text, Cover cov, List<Finding> out, int first) {
        if (text.indexOf('母') < 0 && text.indexOf('父') < 0 && text.indexOf("ママ") < 0 && text.indexOf("パパ") < 0
                && text.indexOf("ばあば") < 0 && text.indexOf("じいじ") < 0) {
            return;
        }
        List<java.util.regex.MatchResult> parents = CHILDS_PARENT.matcher(text).results().toList();
        for (java.util.regex.MatchResult m : parents) {
            int s = m.start(1);
            int e = m.end(1);
            String name = m.group(1);
            boolean kana = Morphology.isHiragana(name.charAt(0));
            if (NOT_PARENT.contains(text.substring(s, m.end())) || anchors.is(NameAnchors.Kind.KIN, text, s, e)
                    || anchors.is(NameAnchors.Kind.KIN, text, s, m.end())
                    || (kana ? !LatinNames.kanaGiven(name) || NOT_GIVEN.contains(name) : !allGivenKanji(text, s, e)
                            || e - s == 1 && parents.size() < 2 || e - s >= 2 && dictionaryWord(text, s, e) || dictionaryWord(text, s, m.end()))) {
                continue; // not 美人ママ, 空|母 (空母); one kanji (湊母) only in a list of parents (若ママ、集まれ is no one's)
            }
            replaceShorter(text, s, e, out, first); // a shorter name inside gives way (はる|と of はるとママ, read as はる and)
            if (kana) {
                mentions(text, name, false, cov, out); // りなママ：… りな、夜中に39度出たので: the child named alone
            }
        }
    }

    /** Words that open chat-shaped lines but are not speakers (了解: …, Re: …, TEL: …). */
    private static final java.util.Set<String> NOT_SPEAKERS = java.util.Set.of("了解", "おはよう", "おつかれ", "ありがとう",
            "ok", "re", "fw", "fwd", "tel", "fax", "todo", "ps", "bgm", "faq", "tips", "news", "cc", "bcc", "to", "from", "subject",
            "date", "url", "note", "memo", "author", "committer", "merge", "reviewer", "signed-off-by",
            "q", "a", "id", "mail", "email", "time", "name", "address", "phone", "メモ", "メール", "コメント", "返信", "件名", "宛先",
            "日時", "場所", "備考", "注意", "質問", "回答", "電話", "氏名", "住所", "連絡先", "時間", "内容", "結果", "理由", "予定",
            "参加者", "担当", "担当者", "議題", "決定", "課題", "要件", "用件", "追記", "補足", "結論", "ステータス", "タスク", "システム",
            "bot", "admin", "system", "info", "warn", "error", "debug", "お客様", "お客さま", "客", "利用者", "相談者", "本人",
            "自動応答", "オペレーター", "スタッフ", "問", "答", "問い", "答え", "記者", "司会", "議長", "ユーザー", "サポート",
            "アシスタント", "ホーム", "アウェイ", "ゲスト", "ホスト", "あなた", "自分",
            "passenger", "guest", "adult", "child", "infant", "traveler", "traveller", "member", "user", "customer", "applicant");

    /**
     * Chat speakers that the dictionary does not know (あや, そうた, Tanaka Yui, 東): a token that opens two or
     * more lines of a text shaped as a chat log (three or more lines opening with a speaker and a colon, after an
     * optional time) is a name, and so are its later mentions standing alone.
     */
    private void speakers(String text, Cover cov, List<Finding> out) {
        if (text.indexOf('\n') < 0 || (text.indexOf(':') < 0 && text.indexOf('：') < 0 && text.indexOf('「') < 0)) {
            return;
        }
        Map<String, List<int[]>> seen = new java.util.LinkedHashMap<>();
        java.util.Set<String> titled = new java.util.HashSet<>();
        java.util.Set<String> noted = new java.util.HashSet<>(); // 長岡（総務）：
        java.util.Set<String> inRole = new java.util.HashSet<>(); // オペレーター（田村）：
        int shaped = 0;
        int lines = 0;
        int messages = 0; // lines of a message under its speaker's line (Discord: ほのか — 昨日 22:41⏎奨学金の書類…)
        boolean underHeader = false;
        for (int ls = 0; ls < text.length(); ) {
            int le = text.indexOf('\n', ls);
            if (le < 0) {
                le = text.length();
            }
            lines += le > ls ? 1 : 0;
            int[] sp = speakerSpan(text, ls, le);
            if (sp != null) {
                shaped++;
                if (sp.length > 2) {
                    (sp[2] == 3 ? inRole : sp[2] == 2 ? noted : titled).add(text.substring(sp[0], sp[1]));
                }
                seen.computeIfAbsent(text.substring(sp[0], sp[1]), k -> new ArrayList<>()).add(sp);
                underHeader = SPEAKER_HEADER.matcher(text).region(ls, le).matches() && chatHeader(text, ls, le);
            } else if (le > ls && underHeader) {
                messages++;
            } else {
                underHeader = false;
            }
            ls = le + 1;
        }
        if (shaped < 3 || seen.size() < 2) {
            return;
        }
        boolean someone = false; // a speaker known for a name: the others who talk with them as often are people too
        int repeated = 0;
        for (Map.Entry<String, List<int[]>> e : seen.entrySet()) {
            String k = e.getKey();
            someone |= e.getValue().size() >= 2 && (speakerWord(k) || dictionaryName(k)); // 正志, which speakerWord misses
            repeated += e.getValue().size() >= 2 ? 1 : 0;
        }
        // a chat room: three people or more who each speak twice, and almost every line a speaker's
        boolean room = repeated >= 3 && (shaped + messages) * 5 >= lines * 4 && talk(text, seen);
        boolean family = false; // 父, 母 speak twice or more: the family's chat, whose other speakers are its members
        for (Map.Entry<String, List<int[]>> e : seen.entrySet()) {
            family |= e.getValue().size() >= 2 && anchors.is(NameAnchors.Kind.KIN, e.getKey(), 0, e.getKey().length());
        }
        for (Map.Entry<String, List<int[]>> e : seen.entrySet()) {
            String w = e.getKey();
            if (NOT_SPEAKERS.contains(w.toLowerCase(java.util.Locale.ROOT))) {
                continue; // システム, お客さま: a role, however often it speaks
            }
            // a handle that speaks once is a member too when it looks like one (Yuki_0312, Yoko.S, Kaito), not PS, TODO or
            // Netflix: in a chat room, or among people the dictionary names who speak twice
            boolean once = e.getValue().size() == 1 && handle(w)
                    && (room && (HANDLE_MARKS.matcher(w).find() || LatinNames.isName(w) || LatinNames.kanaGiven(w))
                    || someone && (LatinNames.isName(w) || INITIALLED.matcher(w).matches()));
            // 長岡（総務）： twice or more, a surname of the lists (not 東京（本社）, 申請書（総務）)
            boolean department = noted.contains(w) && e.getValue().size() >= 2 && w.length() <= 4 && all(w, 0, w.length(), 'c')
                    && Morphology.hasEntry(w, 0, w.length(), SEI);
            boolean usual = e.getValue().size() >= 2 && (speakerWord(w) || e.getValue().size() >= 3 && (kanaNickname(w) || someone && partner(w))
                    || titled.contains(w) && titledSpeaker(text, w) || room && handle(w)
                    || inRole.contains(w) && dictionaryName(w) // a surname that is also a place's name (田村, 大和)
                    || family && w.length() <= 4 && dictionaryName(w) && !anchors.is(NameAnchors.Kind.KIN, w, 0, w.length())); // 父, 母 and 大和
            if (!once && !department && !usual) {
                continue;
            }
            for (int[] sp : e.getValue()) {
                if (!cov.covered(sp[0], sp[1])) {
                    out.add(new Finding(PiiType.PERSON, sp[0], sp[1], 0.7, false, w));
                }
            }
            // 蒼 speaks, and 蒼のお迎え names him; not 東 or 森, one-kanji surnames that are words (東の改札, 森の中)
            if (w.length() >= 2 || dictionaryName(w) && anchors.givenKanji(w.charAt(0))) {
                mentions(text, w, false, cov, out);
            }
        }
        // someone the chat talks about by a hiragana given name, twice or more (ゆうとの兄ちゃん, ゆうとから？), who never speaks:
        // a name that is no word of the dictionary, or one that is (まゆ, しょう) when a mention names a relation of theirs
        // (まゆの旦那, しょうの兄ちゃん)
        Map<String, Integer> talkedOf = new HashMap<>();
        Map<String, Integer> wordlike = new HashMap<>();
        java.util.Set<String> related = new java.util.HashSet<>();
        for (int a = 0; a < text.length(); a++) {
            if (!Morphology.isHiragana(text.charAt(a))) {
                continue;
            }
            if (!markBefore(text, a)) {
                String called = calledAfterInterjection(text, a); // ねえまゆの旦那: the relation tells who, after a call
                if (called != null) {
                    related.add(called);
                    wordlike.merge(called, 1, Integer::sum);
                }
                continue;
            }
            String word = null;
            for (int b = Math.min(text.length(), a + 4); b >= a + 2; b--) {
                if (kanaNameThenParticle(text, a, b) && kanaGivenNotWord(text, a, b)) {
                    talkedOf.merge(text.substring(a, b), 1, Integer::sum);
                    word = null;
                    break;
                }
                if (word == null && kanaNameThenParticle(text, a, b) && text.charAt(a) != 'お' && text.charAt(a) != 'ご'
                        && LatinNames.kanaGiven(text.substring(a, b)) && !SELF_WORDS.contains(text.substring(a, b))) {
                    word = text.substring(a, b);
                    if (relationAfter(text, b)) {
                        related.add(word);
                    }
                }
            }
            if (word != null) {
                wordlike.merge(word, 1, Integer::sum);
            }
        }
        for (String w : related) {
            int n = wordlike.getOrDefault(w, 0);
            if (n >= 2) {
                talkedOf.merge(w, n, Integer::sum);
            }
        }
        talkedOf.forEach((w, n) -> {
            if (n >= 2 && !seen.containsKey(w)) {
                mentions(text, w, true, cov, out);
            }
        });
    }

    /** Interjections a chat puts right before a name it calls, with no mark between (ねえまゆの旦那, ほらしょうの兄ちゃん). */
    private static final String[] CALLS = {"ねえ", "ねぇ", "ほら", "えー", "まあ"};

    /**
     * The hiragana given name of the lists starting at {@code a} right after an interjection at a line's start or after a
     * mark, when の and a relation follow it (ねえ|まゆ|の旦那); else null.
     */
    private String calledAfterInterjection(String text, int a) {
        for (String c : CALLS) {
            if (a >= c.length() && text.startsWith(c, a - c.length()) && markBefore(text, a - c.length())) {
                for (int b = Math.min(text.length(), a + 4); b >= a + 2; b--) {
                    if (allHiragana(text, a, b) && relationAfter(text, b) && LatinNames.kanaGiven(text.substring(a, b))) {
                        return text.substring(a, b);
                    }
                }
            }
        }
        return null;
    }

    private static boolean allHiragana(String text, int a, int b) {
        for (int i = a; i < b; i++) {
            if (!Morphology.isHiragana(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Kana words for oneself or one's own that are also given names of the lists (うちの子, うちのりお: "our"). */
    private static final Set<String> SELF_WORDS = Set.of("うち", "あたし", "わたし", "ぼく", "おれ");

    /** What a relation of someone is called besides {@link NameAnchors.Kind#KIN}'s words, as chats say it. */
    private static final String[] RELATIONS = {"旦那", "彼氏", "彼女", "奥さん", "嫁", "両親", "親", "元カレ", "元カノ"};

    /** の and a relation at {@code b}: the name before it is someone's (まゆの旦那, しょうの兄ちゃん), not a thing's. */
    private boolean relationAfter(String text, int b) {
        if (!text.startsWith("の", b)) {
            return false;
        }
        int n = anchors.at(NameAnchors.Kind.KIN, text, b + 1);
        for (String r : RELATIONS) {
            if (n == 0 && text.startsWith(r, b + 1)) {
                n = r.length();
            }
        }
        // the relation a word of its own: not the start of another (ひなの親鳥, さくらの子供の木)
        return n > 0 && !(b + 1 + n < text.length() && Morphology.isKanji(text.charAt(b + 1 + n)));
    }

    /**
     * The mentions of a chat's member {@code w} that end at a particle, or that stand alone (a speaker's); or, for someone
     * only {@code talkedOf}, that come after a mark or a line's start and before a word in another script (ゆうと最近).
     */
    private void mentions(String text, String w, boolean talkedOf, Cover cov, List<Finding> out) {
        for (int a = text.indexOf(w); a >= 0; a = text.indexOf(w, a + 1)) {
            int b = a + w.length();
            boolean alone = kanaNameThenParticle(text, a, b) || (talkedOf ? markBefore(text, a) && b < text.length()
                    && (Morphology.isKanji(text.charAt(b)) || Morphology.isKatakana(text.charAt(b))) : standsAlone(text, a, b)
                    && !(b - a == 1 && b < text.length() && "いくきけかしさっ".indexOf(text.charAt(b)) >= 0)); // not 蒼い, 蒼くて
            if (alone && !cov.covered(a, b)) {
                out.add(new Finding(PiiType.PERSON, a, b, 0.6, false, w));
            }
        }
    }

    /** No kana or kanji right before {@code a}: a mark, a blank or a line's start. */
    private static boolean markBefore(String text, int a) {
        return a == 0 || !(Morphology.isHiragana(text.charAt(a - 1)) || Morphology.isKanji(text.charAt(a - 1))
                || Morphology.isKatakana(text.charAt(a - 1)));
    }

    /**
     * A speaker's line as a chat app writes it over the message (ほのか — 昨日 22:41, こまる — 2025/03/15 21:12): a dash
     * or a relative day, not a log's host and time (サーバーA 2024/05/01 08:00).
     */
    private static boolean chatHeader(String text, int ls, int le) {
        return Chars.has(text, "—", ls, le) || Chars.has(text, "–", ls, le) || Chars.has(text, "今日", ls, le)
                || Chars.has(text, "昨日", ls, le);
    }

    /** A line holding only a speaker and a time: Kimura 09:12, あや 10:21, kuro_neko — 今日 23:41 (Discord). */
    private static final java.util.regex.Pattern SPEAKER_HEADER = java.util.regex.Pattern.compile(
            "[ \u3000]*([^\\s\\d:：][^:：\\n]{0,23}?)[ \u3000]+(?:[—–\\-|][ \u3000]+)?"
            + "(?:(?:\\d{4}/\\d{1,2}/\\d{1,2}|今日|昨日|一昨日|[Tt]oday at|[Yy]esterday at) )?"
            + "\\d{1,2}:\\d{2}(?::\\d{2})?(?: ?[AaPp][Mm])?[ \u3000]*");

    /**
     * The speaker of a line [ls, le): after optional blanks and a time, a short name-like run before a colon; in an
     * export that separates the fields by tabs (LINE: 09:12⇥山田 花子⇥message), the field after the time; after a time
     * and no colon, the first word when a blank and the message follow (14:03 ゆかり🌷 昨日…). The run is then
     * trimmed to the name ({@link #speakerName}).
     */
    private int[] speakerSpan(String text, int ls, int le) {
        java.util.regex.Matcher h = SPEAKER_HEADER.matcher(text).region(ls, le);
        if (h.matches()) {
            if (le + 1 >= text.length() || text.charAt(le + 1) == '\n'
                    || SPEAKER_HEADER.matcher(text).region(le + 1, Chars.lineEnd(text, le + 1)).matches()) {
                return null; // no message below: a timetable (Osaka 10:00 / Kyoto 12:00), not a chat
            }
            return speakerName(text, h.start(1), h.end(1)); // Kimura 09:12, a message on the lines below
        }
        int p = ls;
        while (p < le && isSpace(text.charAt(p))) {
            p++;
        }
        if (p < le && (text.charAt(p) == '"' || text.charAt(p) == '{' || text.charAt(p) == '\'')) {
            return null; // a JSON record's key ("request_id": …), no speaker
        }
        boolean timed = false;
        if (p < le && (text.charAt(p) == '[' || text.charAt(p) == '［')) {
            int q = p + 1;
            while (q < le && q - p < 24 && text.charAt(q) != ']' && text.charAt(q) != '］') {
                q++;
            }
            if (q >= le || q - p >= 24) {
                return null;
            }
            timed = text.substring(p, q).indexOf(':') > 0;
            p = q + 1;
        } else if (p < le && Character.isDigit(text.charAt(p))) {
            int q = p; // 10:21, 2025/03/04 10:21, 03/04/2025, 19:12 (WhatsApp)
            while (q < le && q - p < 22 && (Character.isDigit(text.charAt(q)) || ":/-.,".indexOf(text.charAt(q)) >= 0
                    || text.charAt(q) == ' ' && q + 1 < le && Character.isDigit(text.charAt(q + 1)))) {
                q++;
            }
            if (q == p || q >= le || !isSpace(text.charAt(q)) && text.charAt(q) != '\t' || text.indexOf(':', p) < 0 || text.indexOf(':', p) > q) {
                return null;
            }
            timed = true;
            p = q;
            int d = p;
            while (d < le && isSpace(text.charAt(d))) {
                d++;
            }
            if (d + 1 < le && "-—–".indexOf(text.charAt(d)) >= 0 && isSpace(text.charAt(d + 1))) {
                p = d + 1; // 03/04/2025, 19:12 - Name: message
            }
        }
        boolean tab = timed && p < le && text.charAt(p) == '\t';
        p += tab ? 1 : 0; // 08:11⇥菅原（会長）⇥…: LINE's export for PCs
        while (p < le && isSpace(text.charAt(p))) {
            p++;
        }
        if (timed && p < le && (text.charAt(p) == '[' || text.charAt(p) == '［')) {
            int q = p + 1; // 14:02 [サポート 中西] お待たせしました: the speaker in brackets after the time
            while (q < le && q - p < 24 && text.charAt(q) != ']' && text.charAt(q) != '］') {
                q++;
            }
            return q < le && q - p < 24 && q > p + 1 ? speakerName(text, p + 1, q) : null;
        }
        int s = p;
        if (tab) {
            int t = text.indexOf('\t', s);
            return t < 0 || t >= le || t - s > 24 ? null : speakerName(text, s, t);
        }
        int quote = text.indexOf('「', s);
        if (!timed && quote > s && quote - s <= 8 && quote < le && text.charAt(le - 1) == '」') {
            return speakerName(text, s, quote); // あっこ「ねえ、…」: a chat copied with each line quoted after its speaker
        }
        while (p < le && p - s <= 24 && text.charAt(p) != ':' && text.charAt(p) != '：') {
            p++;
        }
        if (p < le && p - s <= 24 && p > s) {
            return speakerName(text, s, p);
        }
        if (!timed) {
            return null;
        }
        int t = le;
        while (t > s && isSpace(text.charAt(t - 1))) {
            t--;
        }
        if (t > s && t - s <= 16 && le + 1 < text.length() && text.charAt(le + 1) != '\n' && text.charAt(le + 1) != '\r'
                && !Character.isDigit(text.charAt(le + 1)) && nameLike(text.substring(s, t))) {
            return speakerName(text, s, t); // 18:05 Kaori.S, the message on the line below (a time first, then the speaker)
        }
        int b = s; // a time, then a word, a blank and the message
        while (b < le && b - s <= 12 && !isSpace(text.charAt(b))) {
            b++;
        }
        return b > s && b < le && b - s <= 12 && b + 1 < le && !isSpace(text.charAt(b + 1)) ? speakerName(text, s, b) : null;
    }

    /**
     * The name in a speaker field: without a status or note in brackets (山田 花子（時短勤務）, Lee (外部)), emoji or marks
     * after it (ゆかり🌷, Yoshiko☆), or a title or role before it (コーチ 鵜飼, スタッフ 久我); a role with the name in
     * brackets gives the name (オペレーター（小野寺）). Null when nothing is left.
     */
    /** The marks of a user name rather than a word: a digit or an underscore (Yuki_0312, kenta_o). */
    private static final java.util.regex.Pattern HANDLE_MARKS = java.util.regex.Pattern.compile("[0-9_]");
    /** A given name and the initial of the surname, as a chat shows a member (Yoko.S, Kaori.S). */
    private static final java.util.regex.Pattern INITIALLED = java.util.regex.Pattern.compile("[A-Z][a-z]{1,11}\\.[A-Z]");

    /**
     * A line's word after a time that may be its speaker rather than a timetable's item (09:00 Breakfast, 10:30 コーヒーブレイク,
     * 12:00 富士山): a romanised given name of the lists or one with an initial (Kaito, Kaori.S), a handle, a kana given name,
     * or a surname or given name of the dictionary, alone or with the other after a blank (森 直美).
     */
    private boolean nameLike(String w) {
        if (LatinNames.isName(w) || INITIALLED.matcher(w).matches() || HANDLE.matcher(w).matches() && HANDLE_MARKS.matcher(w).find()
                || LatinNames.kanaGiven(w)) {
            return true;
        }
        int blank = Math.max(w.indexOf(' '), w.indexOf('\u3000'));
        String part = blank > 0 ? w.substring(0, blank) : w;
        String rest = blank > 0 ? w.substring(blank + 1).strip() : "";
        // 森 直美, not 拓也 どした？ (a speaker and a short message on one line)
        return part.length() <= 4 && dictionaryName(part) && (rest.isEmpty() || rest.length() <= 4 && (dictionaryName(rest) || LatinNames.kanaGiven(rest)));
    }

    /** {@code w} starts with a kanji and is a surname or a given name of the dictionary (正志, 森). */
    private static boolean dictionaryName(String w) {
        return !w.isEmpty() && Morphology.isKanji(w.charAt(0))
                && (Morphology.hasEntry(w, 0, w.length(), SEI) || Morphology.hasEntry(w, 0, w.length(), MEI));
    }

    /**
     * Roles a chat's member notes after a surname (菅原（会長）), besides those ending in 長 (会長, 課長, 班長) and the
     * departments of {@link #DEPARTMENT_NOTES}.
     */
    private static final java.util.Set<String> ROLE_NOTES = java.util.Set.of("会計", "書記", "幹事", "司会", "主任", "理事", "顧問",
            "監事", "委員", "担当", "先生", "役員", "代表", "管理人");

    /** The note [s, e) in a speaker's brackets is a role (会長, PTA会計, 課長): not 晴れ, 東証 or 郊外店 after a place's name. */
    private boolean roleNote(String text, int s, int e) {
        if (e <= s) {
            return false;
        }
        String note = text.substring(s, e);
        return text.charAt(e - 1) == '長' || ROLE_NOTES.stream().anyMatch(note::endsWith)
                || anchors.is(NameAnchors.Kind.TITLE, text, s, e) || anchors.is(NameAnchors.Kind.ROLE, text, s, e);
    }

    /** A department written in brackets after a chat speaker's surname, as office chats do (長岡（総務）：). */
    private static final java.util.Set<String> DEPARTMENT_NOTES = java.util.Set.of("総務", "経理", "人事", "営業", "法務", "広報", "情シス",
            "外部", "本社", "支店", "事務局");

    private int[] speakerName(String text, int s, int e) {
        boolean noted = false;
        boolean role = false;
        while (e > s && isSpace(text.charAt(e - 1))) {
            e--;
        }
        int open = endingNoteOpen(text, s, e);
        if (open >= 0) {
            int before = open;
            while (before > s && isSpace(text.charAt(before - 1))) {
                before--;
            }
            if (anchors.is(NameAnchors.Kind.ROLE, text, s, before) || anchors.is(NameAnchors.Kind.TITLE, text, s, before)
                    || anchors.is(NameAnchors.Kind.HONORIFIC, text, s, before)) {
                s = open + 1; // オペレーター（小野寺）
                e = e - 1;
                role = true;
            } else if (isDepartment(text, open + 1, e - 1) || DEPARTMENT_NOTES.contains(text.substring(open + 1, e - 1))) {
                return before > s ? new int[] {s, before, 2} : null; // 長岡（総務）: the third element, a department noted
            } else {
                noted = before - s <= 4 && roleNote(text, open + 1, e - 1); // 菅原（会長）, 渡辺（課長）: as a department is
                e = before;
            }
        }
        while (e > s) {
            int cp = text.codePointBefore(e);
            if (Character.isLetter(cp) || cp == 'ー' || cp == '々' || cp < 0x80 && Character.isDigit(cp)
                    && HANDLE.matcher(text).region(s, e).matches()) {
                break; // the emoji or marks after a name, not the digits ending a handle (miyabi_0w0)
            }
            e -= Character.charCount(cp);
        }
        for (int i = s; i < e; i++) {
            if (isSpace(text.charAt(i))) {
                if (anchors.is(NameAnchors.Kind.TITLE, text, s, i) || anchors.is(NameAnchors.Kind.ROLE, text, s, i)
                        || anchors.is(NameAnchors.Kind.HONORIFIC, text, s, i)) {
                    s = i + 1;
                    while (s < e && isSpace(text.charAt(s))) {
                        s++;
                    }
                    return e > s ? new int[] {s, e, 1} : null; // the third element: a title stood before the name
                }
                break;
            }
        }
        return e <= s ? null : noted ? new int[] {s, e, 2} : role ? new int[] {s, e, 3} : new int[] {s, e};
    }

    /**
     * True when {@code text[s, e)} is a label or a common kanji word (了解, OK, メモ, 会議, 昼食) rather than a
     * speaker's name; kana words are left to the caller (さくら is a common noun and a given name).
     */
    boolean commonWord(String text, int s, int e) {
        String w = text.substring(s, e).strip();
        if (w.isEmpty() || NOT_SPEAKERS.contains(w.toLowerCase(java.util.Locale.ROOT))) {
            return !w.isEmpty();
        }
        for (int i = 0; i < w.length(); i++) {
            if (!Morphology.isKanji(w.charAt(i)) || w.charAt(i) == 'ヶ') {
                return false;
            }
        }
        List<Morphology.Token> ts = Morphology.tokens(w, 0, w.length());
        for (Morphology.Token t : ts) {
            if (t.is("名詞-固有名詞")) {
                return false;
            }
        }
        return ts.size() == 1 && w.length() >= 2;
    }

    /**
     * A chat handle: Latin letters with digits, _ or . among them, starting with a letter and holding a lower-case one;
     * not a system account (bot_01, admin_2, user01, guest.3).
     */
    private static final java.util.regex.Pattern HANDLE = java.util.regex.Pattern.compile(
            "(?=[^ ]*[a-z])(?=[^ ]*[0-9_.])(?!(?i:bot|admin|system|info|user|guest|test)[0-9_.])[A-Za-z][A-Za-z0-9_.]{2,31}");

    /** A run that may be a chat speaker's name: kana, kanji or romaji words without digits, or a handle; not a common label. */
    private boolean speakerWord(String w) {
        if (NOT_SPEAKERS.contains(w.toLowerCase(java.util.Locale.ROOT)) || w.length() > 1 && anchors.isPlaceName(w)
                || anchors.is(NameAnchors.Kind.KIN, w, 0, w.length())) {
            return false; // 姉, ママ, お父さん: a relation as a speaker's name
        }
        char c0 = w.charAt(0);
        if (HANDLE.matcher(w).matches()) {
            return true; // miyabi_0w0, ken.t_88: a user name, which stands for the person as a name does
        }
        if (c0 < 0x80) {
            for (String part : w.split(" ", -1)) {
                if (!part.matches("(?:[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?|[A-Z]{2,}),?")) {
                    return false;
                }
            }
            return w.chars().anyMatch(Character::isLowerCase) && w.split(" ").length <= 3;
        }
        int blank = Math.max(w.indexOf(' '), w.indexOf('\u3000'));
        if (blank > 0) { // 石﨑 さくら, ニワ ユズハ: a surname and a given name
            return w.length() <= 10 && (BLANK_NAME.matcher(w).matches() && !anchors.isPlaceName(w.substring(0, blank))
                    || w.matches("[ァ-ヺｦ-ﾟー]{1,6}[ \u3000][ァ-ヺｦ-ﾟー]{1,6}"));
        }
        boolean kanji = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Morphology.isKanji(c) && c != 'ヶ') {
                kanji = true;
            } else if (!(Morphology.isKatakana(c) || (c >= 'ぁ' && c <= 'ゖ') || c == 'ー' || c == '・')) {
                return false;
            }
        }
        if (w.length() > 8) {
            return false;
        }
        List<Morphology.Token> ts = Morphology.tokens(w, 0, w.length());
        if (kanji) {
            if (w.length() > 4) {
                return false;
            }
            for (Morphology.Token t : ts) {
                if (t.is(SEI) || t.is(MEI) || t.is(JINMEI) || t.is("名詞-固有名詞")) {
                    return true;
                }
            }
            // a name of UniDic's that IPADIC cuts into two nouns (陽菜: 陽, 菜); not one IPADIC has as a word (健康, 青空)
            return w.length() == 1 && ts.size() == 1 && !ts.get(0).is("名詞-接尾") && !ts.get(0).is("名詞-数")
                    || ts.size() > 1 && dictionaryName(w);
        }
        // one dictionary word that is not a proper noun (メモ, コメント, おはよう) is not a name; but a given name of the lists in
        // hiragana that the dictionary has only as another part of speech is (あやか, a verb's stem to it)
        return !(ts.size() == 1 && !ts.get(0).is("名詞-固有名詞"))
                || ts.size() == 1 && !ts.get(0).is("名詞") && !ts.get(0).is("感動詞") && all(w, 0, w.length(), 'h') && LatinNames.kanaGiven(w);
    }

    /**
     * Two kanji with a blank between them inside a word spaced out letter by letter, as judgments and forms set their
     * headings (申　立　人, 債 権 者, 被 告 人, 本　人): not a surname and a given name.
     */
    private static boolean letterSpaced(String text, int s, int e) {
        if (e - s != 3 || !isKanjiAt(text, s) || !isSpace(text.charAt(s + 1)) || !isKanjiAt(text, s + 2)) {
            return false;
        }
        boolean before = s >= 2 && isSpace(text.charAt(s - 1)) && isKanjiAt(text, s - 2) && (s < 3 || !isKanjiAt(text, s - 3));
        boolean after = e + 1 < text.length() && isSpace(text.charAt(e)) && isKanjiAt(text, e + 1)
                && (e + 2 >= text.length() || !isKanjiAt(text, e + 2));
        return before || after || commonWordSpaced(text, s);
    }

    /**
     * Two kanji with a blank between them that make a form's heading when joined, in a heading's brackets (【本　人】, ［原　告］)
     * or starting a line before a blank and its value (本　人　若林 フサ): a heading spaced out, not a name (林　学 is one).
     */
    private static boolean commonWordSpaced(String text, int s) {
        boolean bracketed = s > 0 && s + 3 < text.length() && "【［[".indexOf(text.charAt(s - 1)) >= 0 && "】］]".indexOf(text.charAt(s + 3)) >= 0;
        boolean heading = (s == 0 || text.charAt(s - 1) == '\n') && s + 3 < text.length() && isSpace(text.charAt(s + 3)); // 本　人　若林 フサ
        if (!bracketed && !heading) {
            return false;
        }
        return SPACED_HEADINGS.contains(new String(new char[] {text.charAt(s), text.charAt(s + 2)}));
    }

    /** A speaker after a title (コーチ 鵜飼, スタッフ 久我): one to four kanji that are not a common word. */
    private boolean titledSpeaker(String text, String w) {
        if (w.length() > 4) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            if (!Morphology.isKanji(w.charAt(i))) {
                return false;
            }
        }
        if (NOT_SPEAKERS.contains(w) || anchors.isPlaceName(w)) {
            return false;
        }
        for (Morphology.Token t : Morphology.tokens(w, 0, w.length())) {
            if (t.is("名詞-サ変接続") || t.is("名詞-副詞可能") || t.is("名詞-数") || t.is("名詞-形容動詞語幹") || t.is("名詞-接尾")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The household an address is in the care of (…四十五番十二号　朝倉方, …5番地の8,小林方): a surname of the dictionary and
     * 方 right after the address's numbers (a blank or a comma between), the surname a name.
     */
    private void careOf(String text, Cover cov, List<Finding> out) {
        for (int h = text.indexOf('方'); h > 0; h = text.indexOf('方', h + 1)) {
            char after = h + 1 < text.length() ? text.charAt(h + 1) : '\n';
            if (!(isSpace(after) || after == '\n' || after == '\t' || after == ',' || after == '、' || after == '）' || after == ')')) {
                continue;
            }
            int s = h;
            while (s > 0 && h - s < 4 && isKanjiAt(text, s - 1)) {
                s--;
            }
            int b = s;
            while (b > 0 && s - b < 3 && (isSpace(text.charAt(b - 1)) || text.charAt(b - 1) == ',' || text.charAt(b - 1) == '\t')) {
                b--;
            }
            char end = b > 0 ? text.charAt(b - 1) : 0;
            if (s == h || b == s || !(Chars.isDigit(end) || end == '号' || end == '地' || end == '目')
                    || !Morphology.hasEntry(text, s, h, SEI) || cov.covered(s, h)) {
                continue;
            }
            out.add(new Finding(PiiType.PERSON, s, h, 0.7, false, text.substring(s, h)));
        }
    }

    /**
     * Whether what the speakers of {@code seen} say reads as talk: most lines go on for eight characters or more after the
     * speaker (not カラー：レッド / サイズ：M, a product's details).
     */
    private static boolean talk(String text, Map<String, List<int[]>> seen) {
        int lines = 0;
        int talking = 0;
        for (List<int[]> spans : seen.values()) {
            for (int[] sp : spans) {
                lines++;
                talking += Chars.lineEnd(text, sp[1]) - sp[1] >= 9 ? 1 : 0;
            }
        }
        return talking * 2 >= lines;
    }

    /**
     * A chat room's user name (ぽんず, ゆず湯, Gale_77, ゴリ): not a word that says what the line is (了解, 司会), a label, a
     * column's heading, a relation, a title, a department, a firm, a side (賛成派), a place or a kanji word of the dictionary.
     * Katakana words of the dictionary stay (ゴリ): a product's details (カラー：レッド) are no talk ({@link #talk}).
     */
    private boolean handle(String w) {
        int n = w.length();
        return n >= 2 && n <= 12 && ColumnHints.get().forHeader(w).isEmpty() && !anchors.is(NameAnchors.Kind.LABEL, w, 0, n)
                && !anchors.is(NameAnchors.Kind.KIN, w, 0, n) && !anchors.is(NameAnchors.Kind.TITLE, w, 0, n)
                && !anchors.is(NameAnchors.Kind.ROLE, w, 0, n) && !isDepartment(w, 0, n) && !endsWithOrgSuffix(w)
                && "派側会団社".indexOf(w.charAt(n - 1)) < 0 && !anchors.isPlaceName(w)
                && !(all(w, 0, n, 'H') && commonWord(w, 0, n));
    }

    /**
     * A speaker of three lines or more in a chat where another speaker is a name (けんた: … / ゆい: …): a nickname of two to
     * four hiragana that the dictionary does not read as a pronoun or a common noun (みんな, おかん), or a handle in lower
     * case (kazu). Kanji speakers are judged by {@link #speakerWord} alone: 司会, 運営 and 店長 speak in chats too.
     */
    private boolean partner(String w) {
        if (NOT_SPEAKERS.contains(w) || anchors.is(NameAnchors.Kind.KIN, w, 0, w.length())) {
            return false;
        }
        if (w.matches("[a-z]{2,10}")) {
            return true; // kazu: a user's handle in lower case
        }
        if (w.length() < 2 || w.length() > 4) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            if (!Morphology.isHiragana(w.charAt(i))) {
                return false;
            }
        }
        List<Morphology.Token> ts = Morphology.tokens(w, 0, w.length());
        return !(ts.size() == 1 && (ts.get(0).is("名詞-代名詞") || ts.get(0).is("名詞-一般")));
    }

    /**
     * A hiragana word of two or three characters that the dictionary takes for a common noun (まゆ, もも, なぎさ) but
     * that opens three or more lines of a chat: a nickname. Particles, adverbs and interjections are not.
     */
    private boolean kanaNickname(String w) {
        if (w.length() < 2 || w.length() > 3 || NOT_SPEAKERS.contains(w)) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            if (!Morphology.isHiragana(w.charAt(i))) {
                return false;
            }
        }
        List<Morphology.Token> ts = Morphology.tokens(w, 0, w.length());
        return ts.size() == 1 && ts.get(0).is("名詞-一般");
    }

    /** A mention not inside a longer word: kana names need a non-kana neighbour or an honorific after them. */
    private boolean standsAlone(String text, int a, int b) {
        char first = text.charAt(a);
        char last = text.charAt(b - 1);
        char before = a > 0 ? text.charAt(a - 1) : ' ';
        char after = b < text.length() ? text.charAt(b) : ' ';
        if (first < 0x80) {
            return !Character.isLetterOrDigit(before) && !Character.isLetterOrDigit(after);
        }
        if (Morphology.sameScript(before, first) || Morphology.isKanji(before)) {
            return false;
        }
        return honorificAt(text, b) > 0 || !(Morphology.sameScript(after, last) || Morphology.isKanji(after) || Morphology.isKatakana(after)
                || (after >= 'ぁ' && after <= 'ゖ' && (last >= 'ぁ' && last <= 'ゖ')));
    }

    /**
     * What may follow a chat member's name in hiragana within a line (ひなた|まだ塾？, ゆうと|の兄ちゃん, あおい|って); not に, が, と, which
     * begin and end too many words (さきに, ゆきが, あいにく).
     */
    private static final String[] AFTER_KANA_MENTION = {"の", "は", "も", "から", "まで", "って", "まだ", "だけ", "じゃ", "ちゃん", "くん", "さん"};

    /**
     * A chat member's name in hiragana, then a particle or a word that cannot continue it: its mention in the messages
     * (ママ　ひなたまだ塾？), which {@link #standsAlone} refuses because hiragana follows hiragana. Only for names the chat
     * has shown as speakers.
     */
    private static boolean kanaNameThenParticle(String text, int a, int b) {
        if (!allHiragana(text, a, b) || !markBefore(text, a)) {
            return false;
        }
        for (String w : AFTER_KANA_MENTION) {
            if (text.startsWith(w, b)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The two words are a field's label (Passport No.  :, ANA Mileage   :), a tag ([Booking Request #TR-88172]), a
     * greeting's name with its suffix (Keiko-san) or a card's brand before its number (Corporate JCB 3530 …), not a roster's
     * entry.
     */
    private static boolean labelOrCode(String text, int s, int e, int lineEnd) {
        if (s > 0 && text.charAt(s - 1) == '[') {
            return true;
        }
        int i = e;
        if (i < lineEnd && (text.charAt(i) == '-' || text.charAt(i) == '#')) {
            return true;
        }
        if (i < lineEnd && text.charAt(i) == '.') {
            if (text.startsWith("No", e - 2) || text.startsWith("NO", e - 2)) {
                return true; // Reservation No. RB2516043: a label
            }
            i++;
        }
        while (i < lineEnd && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i < lineEnd && (text.charAt(i) == ':' || text.charAt(i) == '：' || text.charAt(i) == '#')) {
            return true;
        }
        int d = i;
        while (d < lineEnd && Character.isDigit(text.charAt(d))) {
            d++;
        }
        return d - i >= 4;
    }

    private static final java.util.regex.Pattern ROSTER_NAME = java.util.regex.Pattern.compile(
            "(?<![\\p{L}\\p{M}.])(?<!\\p{Ll} )(\\p{Lu}[\\p{Ll}\\p{M}]+(?:\\p{Lu}[\\p{Ll}\\p{M}]+)?|\\p{Lu}{2,}) "
            + "(\\p{Lu}[\\p{Ll}\\p{M}]+(?:\\p{Lu}[\\p{Ll}\\p{M}]+)?|\\p{Lu}{2,})(?![\\p{L}\\p{M}:：])(?! \\p{L})");

    /**
     * Romaji names in a roster (Kenta MORI, HAYASHI Ryota, Viliami Tupou): two capitalised words standing alone on
     * three or more lines, at least one of them written SURNAME Given or Given SURNAME, mark each such pair.
     */
    private void romajiRoster(String text, Cover cov, List<Finding> out) {
        if (text.indexOf('\n') < 0) {
            return;
        }
        List<int[]> pairs = new ArrayList<>();
        int strong = 0;
        java.util.regex.Matcher m = ROSTER_NAME.matcher(text).useTransparentBounds(true); // one for all lines
        for (int ls = 0; ls < text.length(); ) {
            int le = text.indexOf('\n', ls);
            if (le < 0) {
                le = text.length();
            }
            m.region(ls, le); // region() resets the matcher and keeps its transparent bounds
            if (m.find()) {
                String g1 = m.group(1);
                String g2 = m.group(2);
                boolean caps1 = g1.length() > 1 && g1.equals(g1.toUpperCase(java.util.Locale.ROOT));
                boolean caps2 = g2.length() > 1 && g2.equals(g2.toUpperCase(java.util.Locale.ROOT));
                if (caps1 && caps2 || NOT_SPEAKERS.contains(g1.toLowerCase(java.util.Locale.ROOT))
                        || NOT_SPEAKERS.contains(g2.toLowerCase(java.util.Locale.ROOT)) || labelOrCode(text, m.start(), m.end(), le)
                        || afterPlaceLabel(text, m.start())) {
                    ls = le + 1;
                    continue;
                }
                if (caps1 != caps2) {
                    strong++;
                }
                pairs.add(new int[] {m.start(), m.end()});
            }
            ls = le + 1;
        }
        if (pairs.size() < 3 || strong == 0) {
            return;
        }
        for (int[] p : pairs) {
            if (!cov.covered(p[0], p[1])) {
                out.add(new Finding(PiiType.PERSON, p[0], p[1], 0.6, false, text.substring(p[0], p[1])));
            }
        }
    }

    /**
     * A Buddhist posthumous name (法名, 戒名), the name an obituary or a memorial notice gives the dead: after 法名/戒名/法号
     * (釋尼妙鶴), starting with 釋 or 釈尼 with an optional 院号 before it (慈光院釋宗仁), or ending in a 戒名's rank (…居士,
     * …大姉, …信士, …信女, …禅定門, …禅定尼). Not 釈 alone, which begins ordinary words (釈放, 釈明).
     */
    private static final java.util.regex.Pattern POSTHUMOUS = java.util.regex.Pattern.compile(
            "(?:(?<=(?:法名|戒名|法号)[ 　：:]?)[\\p{IsHan}々]{2,12}(?![\\p{IsHan}々])"
            + "|(?<![\\p{IsHan}々])(?:[\\p{IsHan}々]{1,4}院)?(?:釋尼?|釈尼)[\\p{IsHan}々]{1,3}(?![\\p{IsHan}々])"
            + "|(?<![\\p{IsHan}々])[\\p{IsHan}々]{3,10}(?:居士|大姉|信士|信女|禅定門|禅定尼)(?![\\p{IsHan}々]))");

    /**
     * A real name after 本名 (本名バトボルド・ガンバータル, 本名・宇佐美 剛), and a wrestler's ring name after his rank on a
     * 番付 (東横綱　雷光山, 東大関　霧ケ嶽), after his stable (嶽ノ浦部屋の嶽ノ翔), before 親方, or before (元小結…).
     */
    private static final java.util.regex.Pattern REAL_OR_RING_NAME = java.util.regex.Pattern.compile(
            "(?<=本名[ 　・：:は]?)(?:[ァ-ヺー]{2,}(?:[・=＝][ァ-ヺー]{2,}){0,2}|[\\p{IsHan}々]{1,4}(?:[ 　][\\p{IsHan}々]{1,3})?)"
            + "(?![\\p{IsHan}々ァ-ヺー])"
            + "|(?<=(?:^|[ 　\\n])(?:[東西新再]?(?:横綱|大関|関脇|小結|十両)|[東西]?前頭[一二三四五六七八九十0-9０-９]{1,3}枚目?)[ 　])"
            + "[\\p{IsHan}々ノケヶ]{2,5}(?=[ 　（(\\n、。]|$)"
            + "|(?<=部屋の)[\\p{IsHan}々ノケヶ]{2,5}(?=（)"
            + "|(?<![\\p{IsHan}々ノケヶ])[\\p{IsHan}々ノケヶ]{2,5}(?=親方|（元(?:横綱|大関|関脇|小結|前頭))",
            java.util.regex.Pattern.MULTILINE);

    /** Words without which {@link #REAL_OR_RING_NAME} cannot match: most texts skip the pattern after one pass. */
    private static final Trie<Boolean> REAL_OR_RING_WORDS = triggers("本名", "部屋", "親方", "横綱", "大関", "関脇", "小結", "十両", "前頭");

    private void realAndRingNames(String text, List<Finding> out, int first) {
        if (!REAL_OR_RING_WORDS.occursIn(text)) {
            return;
        }
        java.util.regex.Matcher m = REAL_OR_RING_NAME.matcher(text);
        while (m.find()) {
            if (m.end() - m.start() == 1 && !Morphology.hasEntry(text, m.start(), m.end(), SEI)) {
                continue; // 本名及び通称名, 本名簿: one kanji that is no surname
            }
            if (!confidentAt(out, first, m.start(), m.end()) && !anchors.isPlaceName(m.group())) {
                out.add(new Finding(PiiType.PERSON, m.start(), m.end(), 0.65, false, m.group()));
            }
            int r = m.end() + 1;
            int k = r < text.length() && text.charAt(m.end()) == '（' ? LatinNames.kanaEnd(text, r, true) : r;
            if (k - r >= 3 && k - r <= 12 && k < text.length() && (text.charAt(k) == '、' || text.charAt(k) == '）')
                    && !confidentAt(out, first, r, k)) {
                out.add(new Finding(PiiType.PERSON, r, k, 0.65, false, text.substring(r, k))); // 嶽ノ翔（たけのしょう、23）
            }
        }
    }

    /** Words without which {@link #POSTHUMOUS} cannot match: most texts skip the pattern after one pass. */
    private static final Trie<Boolean> POSTHUMOUS_WORDS = triggers("釋", "釈尼", "法名", "戒名", "法号", "居士", "大姉", "信士", "信女", "禅定");

    private static Trie<Boolean> triggers(String... words) {
        Trie<Boolean> t = new Trie<>();
        for (String w : words) {
            t.put(w, Boolean.TRUE);
        }
        return t;
    }

    private void posthumousNames(String text, List<Finding> out, int first) {
        if (!POSTHUMOUS_WORDS.occursIn(text)) {
            return;
        }
        java.util.regex.Matcher m = POSTHUMOUS.matcher(text);
        while (m.find()) { // parts of it found by other rules (宗仁) are merged into it
            for (int k = out.size() - 1; k >= first; k--) {
                Finding f = out.get(k);
                if (f.type() == PiiType.PERSON && f.start() < m.end() && m.start() < f.end() && (f.start() < m.start() || f.end() > m.end())) {
                    out.set(k, new Finding(PiiType.PERSON, Math.max(f.start(), m.start()), Math.min(f.end(), m.end()), f.confidence(), false,
                            text.substring(Math.max(f.start(), m.start()), Math.min(f.end(), m.end())))); // 戒名 清香 → 清香
                }
            }
            out.add(new Finding(PiiType.PERSON, m.start(), m.end(), 0.7, false, m.group()));
        }
    }

    /** A room number and the household's surname, one item of a roster line (101 御手洗 ／ 102 百目鬼). */
    private static final java.util.regex.Pattern ROOM_ITEM = java.util.regex.Pattern.compile(
            "(?<![0-9０-９\\-－])[0-9０-９]{3,4}(?:号室|号)?[ 　]+([\\p{IsHan}々ヶ]{1,5}|[ァ-ヺー]{2,8}|[ｦ-ﾟ]{2,10})[ 　]*(?=[／/｜|]|$)",
            java.util.regex.Pattern.MULTILINE);

    /**
     * Households listed by room number, two or more to a line, on two or more lines (a cleaning or duty roster:
     * 4月　101 御手洗 ／ 102 百目鬼): each word is a surname when one of them is a surname to IPADIC and none is a
     * facility or a title. Rare surnames (百目鬼, 四月一日) are found this way and by no other rule.
     */
    private void roomRoster(String text, Cover cov, List<Finding> out) {
        if (text.indexOf('\n') < 0 || text.indexOf('／') < 0 && text.indexOf('/') < 0 && text.indexOf('｜') < 0 && text.indexOf('|') < 0) {
            return;
        }
        List<int[]> items = new ArrayList<>();
        int lines = 0;
        boolean surname = false;
        java.util.regex.Matcher m = ROOM_ITEM.matcher(text);
        for (int ls = 0; ls < text.length(); ) {
            int le = text.indexOf('\n', ls);
            if (le < 0) {
                le = text.length();
            }
            m.region(ls, le);
            List<int[]> line = new ArrayList<>();
            while (m.find()) {
                line.add(new int[] {m.start(1), m.end(1)});
            }
            if (line.size() >= 2) {
                lines++;
                for (int[] w : line) {
                    if ("室庫場所館棟".indexOf(text.charAt(w[1] - 1)) >= 0) {
                        return; // 101 会議室 ／ 102 倉庫: rooms, not households
                    }
                    boolean sei = Morphology.hasEntry(text, w[0], w[1], SEI);
                    surname |= sei;
                    if (sei || plainSurname(text, w[0], w[1])) { // 二本松 is a city and a surname
                        items.add(w);
                    }
                }
            }
            ls = le + 1;
        }
        if (lines < 2 || !surname) {
            return;
        }
        for (int[] w : items) {
            if (!cov.covered(w[0], w[1])) {
                out.add(new Finding(PiiType.PERSON, w[0], w[1], 0.6, false, text.substring(w[0], w[1])));
            }
        }
    }

    private void scan(String text, List<Morphology.Token> ts, int chunkEnd, List<Finding> out, List<int[]> full) {
        int n = ts.size();
        for (int i = 0; i < n; i++) {
            Morphology.Token t = ts.get(i);
            boolean sei = t.is(SEI);
            boolean mei = t.is(MEI) || t.is(JINMEI);
            boolean placeLike = !sei && !mei && (isPlaceLikeSurname(text, t) || surnameBeforeBlank(text, t)
                    || introduces(text, t.start(), t.end(), true) && all(text, t, 'c') && Morphology.hasEntry(text, t.start(), t.end(), SEI));
            if (!sei && !mei && !placeLike) {
                continue;
            }
            if (isOrgWord(text, t) || !sei && t.is("名詞-固有名詞-地域-国")) {
                continue; // 米国サン・フランシスコ: a country is no surname
            }
            if (all(text, t, 'h') && text.startsWith("さん", t.end() - 2)) {
                continue; // りおさん: the dictionary's おさん (a given name of old) is the end of a name and its honorific
            }
            if (all(text, t, 'k') && SOUND_AFTER.matcher(text).region(t.end(), Math.min(text.length(), t.end() + 12)).lookingAt()) {
                continue; // 「ドンという音で, ドンという大きな音: a sound
            }
            int last = i;
            int givenStart = -1;
            double base = sei ? 0.3 : t.is(JINMEI) ? 0.5 : 0.25;
            if (!sei && t.is(MEI) && t.end() - t.start() >= 2 && all(text, t, 'c') && t.end() < text.length()
                    && "はがのにもと".indexOf(text.charAt(t.end())) >= 0 && (t.start() == 0 || !isKanjiAt(text, t.start() - 1))
                    && !isOrgWord(text, t) && plainWord(text, t.start(), t.end())) {
                base = 0.4; // 千晴のことは: a given name the tokenizer tags as one, standing alone before a particle
            }
            if (sei || placeLike) {
                int j = i + 1;
                if (j + 1 < n && ts.get(j).start() == t.end() && ts.get(j).end() - ts.get(j).start() == 1 && all(text, ts.get(j), 'c')
                        && ts.get(j + 1).start() == ts.get(j).end() + 1 && isSpace(text.charAt(ts.get(j).end()))
                        && honorificAt(text, ts.get(j).start()) == 0 && !isOrgWord(text, ts.get(j))
                        && !ts.get(j + 1).is(SEI) && givenEnd(text, ts, j + 1) >= 0) {
                    j++; // 諏訪|園 貞明: a three-kanji surname the dictionary splits; not 小野寺杏　加藤しずく, two names
                }
                int surnameEnd = ts.get(Math.min(j, n) - 1).end();
                int gap = j < n ? ts.get(j).start() - surnameEnd : -1;
                boolean adjacent = gap == 0 || (gap == 1 && isSpace(text.charAt(surnameEnd)));
                int g = adjacent ? givenEnd(text, ts, j) : -1;
                if (g >= 0 && (roleWord(text, ts.get(j).start(), ts.get(g).end()) || AddressGrammar.eraYearAt(text, ts.get(j).start()))) {
                    g = -1; // 高砂　新郎: a role after a place, not a given name; 工藤 昭和61年2月14日生: a date after the surname
                }
                if (g >= 0 && placeLike && all(text, ts.get(j), 'h') && !ts.get(j).is(MEI) && honorificAt(text, ts.get(g).end()) == 0
                        && !fieldOrReading(text, t.start(), ts.get(g).end())
                        && !(gap == 1 && (Morphology.hasEntry(text, t.start(), t.end(), SEI) || givenEntry(text, ts.get(j))))) {
                    g = -1; // 青森 りんご: a place and a common word, unless the dictionary, an honorific or a blank after a surname says 人名
                }
                if (g >= 0) {
                    boolean tagged = false;
                    for (int k = j; k <= g; k++) {
                        tagged |= ts.get(k).is(MEI) || ts.get(k).is(SEI) || ts.get(k).is(JINMEI);
                    }
                    last = g;
                    givenStart = ts.get(j).start();
                    if (sei) {
                        base = tagged ? 0.65 : 0.55;
                    } else {
                        base = tagged || gap == 1 ? 0.45 : 0.3;
                    }
                } else if (placeLike && !(isSpeaker(text, t.start(), t.end()) || personalHonorific(text, t.end())
                        || t.is("名詞-固有名詞-地域") && titleAfter(text, t.end()) || roleOf(text, t.start())
                        || introduces(text, t.start(), t.end(), true))) {
                    continue;
                } else if (placeLike) {
                    base = 0.3;
                }
            } else if (t.is(JINMEI) && all(text, t, 'k') && i + 1 < n && ts.get(i + 1).start() == t.end() + 1 && isSpace(text.charAt(t.end()))
                    && all(text, ts.get(i + 1), 'c') && givenEntry(text, ts.get(i + 1))) {
                int g = givenEnd(text, ts, i + 1);
                if (g >= 0) { // ペレイラ 健二, ラミレス 愛: a foreign surname the dictionary knows, then a Japanese given name
                    last = g;
                    givenStart = ts.get(i + 1).start();
                    base = 0.55;
                }
            }
            int start = t.start();
            int end = ts.get(last).end();
            if (!sei && !placeLike && i > 0 && t.is(MEI)) {
                Morphology.Token p = ts.get(i - 1);
                if (p.end() == start - 1 && isSpace(text.charAt(p.end())) && p.end() - p.start() <= 2 && all(text, p, 'c')
                        && p.is("名詞") && (p.start() == 0 || !Morphology.isKanji(text.charAt(p.start() - 1)))
                        && honorificAt(text, end) > 0 && !anchors.is(NameAnchors.Kind.TITLE, text, p.start(), p.end())
                        && !anchors.is(NameAnchors.Kind.KIN, text, p.start(), p.end())) {
                    start = p.start(); // 林 恵子様: IPADIC does not tag every one-kanji surname
                    givenStart = t.start(); // and the surname alone is marked later in the text (段 由紀夫さん … 段さんは)
                    base = 0.55;
                }
            }
            if (end - start == 1 && (isFragment(text, start, end) || t.is(MEI) && honorificAt(text, end) == 0)) {
                continue; // 計装課: one kanji inside a compound word
            }
            if (READING_WORDS.contains(text.substring(start, end))) {
                continue; // 氏名（カナ）: カナ is a given name to the dictionary, here the heading of a reading
            }
            if (gluedToWord(text, ts, i, start, end) || quoted(text, start, end)) {
                i = last;
                continue; // 安曇|野市豊|科, ラマ|ダン, 「木曽ひのき」
            }
            if (isOrganisation(text, ts, last, start, end, chunkEnd) || endsWithOrgSuffix(text.substring(start, end))) {
                i = last;
                continue; // 佐久間精工: the given name the tokenizer saw (精) is the start of a trade word
            }
            int hon = honorificAt(text, end);
            if (givenStart < 0 && end < text.length() && Character.isDigit(text.charAt(end))) {
                continue; // 今泉7丁目
            }
            if (givenStart < 0 && hon > 0 && (anchors.isOffice(text, start, skipBlank(text, end)) || officeCompound(text, end))) {
                i = last;
                continue; // 千葉市長, 石川県知事: an office, not a surname; 北浜市長選, 北浜市議会: an election, a council
            }
            if (givenStart < 0 && hon == 0 && verbAfter(text, end)) {
                i = last;
                continue; // 単独で入山した: a noun of an act, not a surname
            }
            if (givenStart < 0 && hon > 0 && end - start >= 3 && "寺院宮社堂庵".indexOf(text.charAt(end - 1)) >= 0
                    && !Morphology.hasEntry(text, start, end, "名詞-固有名詞-人名")) {
                i = last;
                continue; // 西光寺さん: a temple called by its name, as people do; not 小野寺さん, a surname of the dictionary
            }
            double conf = base;
            if (hon > 0 || (last + 1 < n && ts.get(last + 1).start() == end && ts.get(last + 1).is("名詞-接尾-人名"))) {
                conf += 0.35;
            }
            if (titleBefore(text, start) || roleOf(text, start)) {
                conf += 0.25;
            }
            if (anchors.at(NameAnchors.Kind.SAID, text, end) > 0 || isSpeaker(text, start, end)
                    || (givenStart < 0 && introduces(text, start, end, placeLike))) {
                conf += 0.35;
            }
            conf += 0.5 * context.score(PiiType.PERSON, text, start, end);
            conf = Math.max(0.05, Math.min(0.99, conf));
            if (anchors.endingAt(NameAnchors.Kind.LABEL, text, end) > 0 && colonAt(text, end)) {
                i = last;
                continue; // 新名義人：荻野 幸恵: a form's label (新名 + 義人 to the dictionary), not a name
            }
            out.add(new Finding(PiiType.PERSON, start, end, conf, false, text.substring(start, end)));
            if (givenStart > 0 && conf >= 0.4) {
                full.add(new int[] {start, givenStart > start && isSpace(text.charAt(givenStart - 1)) ? givenStart - 1 : givenStart,
                    givenStart, end});
            }
            i = last;
        }
    }

    /**
     * A word of two to four kanji that IPADIC has as a surname among its entries though the tokenizer took another here
     * (大友 and 佐久間 as places, 久遠 as a common noun, 勅使河原), with a blank after it: where a given name may follow.
     */
    private boolean surnameBeforeBlank(String text, Morphology.Token t) {
        int len = t.end() - t.start();
        if (len < 2 || len > 4 || t.end() + 1 >= text.length() || !isSpace(text.charAt(t.end())) || !all(text, t, 'c')
                || anchors.is(NameAnchors.Kind.KIN, text, t.start(), t.end()) || anchors.is(NameAnchors.Kind.TITLE, text, t.start(), t.end())) {
            return false; // 長男, 部長: IPADIC has odd surnames
        }
        return Morphology.hasEntry(text, t.start(), t.end(), SEI);
    }

    /**
     * The token is a given name to IPADIC, as tagged here or among the entries of its word (梢, 佐和, ルミ子), and not a
     * relation, title or label word (長男 and 部長 are given names to IPADIC too).
     */
    private boolean givenEntry(String text, Morphology.Token t) {
        return (t.is(MEI) || Morphology.hasEntry(text, t.start(), t.end(), MEI)) && !anchors.is(NameAnchors.Kind.KIN, text, t.start(), t.end())
                && !anchors.is(NameAnchors.Kind.TITLE, text, t.start(), t.end()) && !anchors.is(NameAnchors.Kind.LABEL, text, t.start(), t.end());
    }

    /** A kanji word the dictionary tags as a place or organisation (橋本, 長野, 豊田) that may be a surname. */
    private static boolean isPlaceLikeSurname(String text, Morphology.Token t) {
        int len = t.end() - t.start();
        if (len < 2 || len > 3 || !(t.is("名詞-固有名詞-地域") || t.is("名詞-固有名詞-組織") || t.is("名詞-固有名詞-一般"))) {
            return false;
        }
        for (int i = t.start(); i < t.end(); i++) {
            if (!Morphology.isKanji(text.charAt(i)) || text.charAt(i) == 'ヶ') {
                return false;
            }
        }
        return true;
    }

    /**
     * The index of the last token of a given name starting at token {@code j}, or -1: a run of one to three
     * kanji that the dictionary tags 人名 in part (大|翔, 悠|真, 和|明) or that is made of kanji frequent in
     * given names, ending where the kanji end or at an honorific; a hiragana word (さくら); a katakana 人名.
     */
    private int givenEnd(String text, List<Morphology.Token> ts, int j) {
        int n = ts.size();
        if (j >= n) {
            return -1;
        }
        Morphology.Token first = ts.get(j);
        int len0 = first.end() - first.start();
        boolean blankBefore = first.start() > 0 && isSpace(text.charAt(first.start() - 1));
        if (all(text, first, 'h')) {
            boolean ok = len0 >= 2 && len0 <= 4 && first.is("名詞") && !first.is("名詞-接尾") && !first.is("名詞-非自立")
                    && honorificAt(text, first.start()) == 0;
            return ok ? j : -1;
        }
        if (all(text, first, 'k')) {
            boolean whole = first.end() >= text.length() || !Morphology.isKatakana(text.charAt(first.end()));
            return (first.is(MEI) || first.is(JINMEI) || blankBefore && givenEntry(text, first)) && whole ? j : -1;
        }
        if (!all(text, first, 'c') && (first.is(MEI) || blankBefore && givenEntry(text, first))) { // ルミ子, ハル江: kana and kanji
            boolean whole = first.end() >= text.length() || !Morphology.isKatakana(text.charAt(first.end()))
                    && !Morphology.isKanji(text.charAt(first.end()));
            return whole ? j : -1;
        }
        int best = -1;
        int run = -1;
        boolean tagged = false;
        int end = first.start();
        for (int k = j; k < n; k++) {
            Morphology.Token t = ts.get(k);
            if (t.start() != end || !all(text, t, 'c') || honorificAt(text, t.start()) > 0 || isOrgWord(text, t)
                    || k > j && startsWithAny(text, t.start(), AFTER_NAME)) {
                break; // …, or 亘|出席: a word that follows names ends the given name
            }
            if (t.end() - first.start() > 3) {
                run = -2;
                break;
            }
            boolean nameTok = t.is(MEI) || t.is(SEI) || t.is(JINMEI);
            boolean setTok = true;
            for (int c = t.start(); c < t.end(); c++) {
                setTok &= anchors.givenKanji(text.charAt(c));
            }
            // 梢, 佐和: a given name among the word's entries, standing alone (not 本社 経理|部) after a blank with two kanji
            // before it (not 以　上)
            nameTok |= !setTok && k == j && blankBefore && givenEntry(text, t) && first.start() >= 3 && isKanjiAt(text, first.start() - 3)
                    && !(k + 1 < n && ts.get(k + 1).start() == t.end() && all(text, ts.get(k + 1), 'c'));
            boolean lastKanji = t.end() - t.start() == 1 && tagged
                    && (t.end() >= text.length() || !Morphology.isKanji(text.charAt(t.end())) || honorificAt(text, t.end()) > 0);
            if (!nameTok && !setTok && !lastKanji) {
                run = -2;
                break;
            }
            tagged |= nameTok;
            end = t.end();
            // a prefix word (真, 新) is a prefix only before more kanji: at the end of the run it ends a name (拓|真 被告)
            boolean prefix = t.is("接頭詞") && (t.end() >= text.length() || Morphology.isKanji(text.charAt(t.end()))
                    || Character.isDigit(text.charAt(t.end()))) && honorificAt(text, t.end()) == 0; // 元1 (元職 1期) stays a prefix
            if (tagged && !prefix) {
                best = k;
            }
            run = !prefix && (tagged || end - first.start() >= 2 || blankBefore) ? k : -1;
        }
        boolean boundary = end >= text.length() || !Morphology.isKanji(text.charAt(end)) || honorificAt(text, end) > 0
                || startsWithAny(text, end, AFTER_NAME); // 原告坪井 房江及び子である…, 検察官小野寺 亘出席の上
        if (run >= 0 && boundary) {
            return run;
        }
        return best >= 0 && first.is(MEI) ? j : -1;
    }

    /** True when every character of the token is of the kind: 'h' hiragana, 'k' katakana, 'c' kanji. */
    private static boolean all(String text, Morphology.Token t, char kind) {
        return all(text, t.start(), t.end(), kind);
    }

    /** True when {@code text[s, e)} is not empty and every character is of the kind ('h', 'k' or 'c', as above). */
    private static boolean all(String text, int s, int e, char kind) {
        if (e <= s) {
            return false;
        }
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            boolean ok = kind == 'h' ? Morphology.isHiragana(c) : kind == 'k' ? Morphology.isKatakana(c)
                    : (Morphology.isKanji(c) && c != 'ヶ') || Character.isSurrogate(c);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A reading in brackets follows (福岡 あずさ（ふくおか あずさ）), or the words fill a field of a row (,宮地 ゆかり,). */
    private static boolean fieldOrReading(String text, int s, int e) {
        if (e < text.length() && (text.charAt(e) == '（' || text.charAt(e) == '(') && e + 1 < text.length()
                && (Morphology.isHiragana(text.charAt(e + 1)) || Morphology.isKatakana(text.charAt(e + 1)))) {
            return true;
        }
        boolean endsField = e >= text.length() || ",\t\n\r，".indexOf(text.charAt(e)) >= 0;
        boolean startsField = s == 0 || ",\t\n，".indexOf(text.charAt(s - 1)) >= 0;
        boolean delimited = e < text.length() && ",\t，".indexOf(text.charAt(e)) >= 0 || s > 0 && ",\t，".indexOf(text.charAt(s - 1)) >= 0;
        return endsField && startsField && delimited; // a cell of a CSV or TSV row, not a line of a form (性別 男)
    }

    /** A one-character name candidate glued to kanji on either side (計装課, 総務部) is part of a word. */
    private boolean isFragment(String text, int start, int end) {
        boolean before = start > 0 && Morphology.isKanji(text.charAt(start - 1))
                && anchors.endingAt(NameAnchors.Kind.TITLE, text, start) == 0;
        boolean after = end < text.length() && Morphology.isKanji(text.charAt(end)) && honorificAt(text, end) == 0;
        return before || after;
    }

    private static final java.util.Set<String> PERSONAL = java.util.Set.of("様", "さま", "さん", "氏", "君", "くん", "ちゃん", "殿",
            "容疑者", "被告", "被告人", "被疑者", "先生");

    /** An honorific that only people take (not 選手: 日本選手), after at most one blank. */
    private boolean personalHonorific(String text, int at) {
        int p = skipBlank(text, at);
        int h = anchors.at(NameAnchors.Kind.HONORIFIC, text, p);
        return h > 0 && PERSONAL.contains(text.substring(p, p + h));
    }

    /** A katakana name glued to more katakana (ラマ|ダン), or a kanji one glued to a place or organisation before it. */
    private static boolean gluedToWord(String text, List<Morphology.Token> ts, int i, int start, int end) {
        if (Morphology.isKatakana(text.charAt(start)) && ((start > 0 && Morphology.isKatakana(text.charAt(start - 1)))
                || (end < text.length() && Morphology.isKatakana(text.charAt(end)) && text.charAt(end) != 'ケ'))) {
            return true;
        }
        if (end < text.length() && (text.charAt(end) == 'ケ' || text.charAt(end) == 'ヶ')) {
            return true; // 森ケ丘
        }
        if (end < text.length() && NOUN_SUFFIX.indexOf(text.charAt(end)) >= 0) {
            return true; // 間|質|性肺炎: a suffix that makes a common noun of the word before it
        }
        if (i > 0 && start > 0 && Morphology.isKanji(text.charAt(start - 1))) {
            Morphology.Token p = ts.get(i - 1);
            if (p.end() == start && p.is("名詞-固有名詞") && !p.is(SEI) && !p.is(MEI)) {
                return true;
            }
        }
        return start > 0 && end < text.length() && Morphology.isKanji(text.charAt(start - 1)) && Morphology.isKanji(text.charAt(end))
                && NameAnchors.get().endingAt(NameAnchors.Kind.TITLE, text, start) == 0
                && NameAnchors.get().endingAt(NameAnchors.Kind.KIN, text, start) == 0
                && NameAnchors.get().at(NameAnchors.Kind.HONORIFIC, text, end) == 0; // 安曇|野市豊|科
    }

    /** Suffixes that make a common noun (…性, …的, …化, …型, …率, …症, …炎) and never follow a name directly. */
    private static final String NOUN_SUFFIX = "性的化型率症炎";
    /** How far after a name a title's closing bracket may be (「能登の月」). */
    private static final int TITLE_REACH = 8;

    /**
     * A name alone in 「」 or 『』 is a title or a brand (「木曽ひのき」), and so is one that opens a short title
     * (「能登の月」), unless an honorific follows.
     */
    private boolean quoted(String text, int start, int end) {
        if (start == 0 || end >= text.length() || (text.charAt(start - 1) != '「' && text.charAt(start - 1) != '『')) {
            return false;
        }
        if (text.charAt(end) == '」' || text.charAt(end) == '』') {
            return true;
        }
        if (honorificAt(text, end) > 0) {
            return false;
        }
        for (int i = end; i < text.length() && i - end < TITLE_REACH; i++) {
            char c = text.charAt(i);
            if (c == '」' || c == '』') {
                return true;
            }
            if (c == '「' || c == '。' || c == '\n' || c == '、') {
                return false;
            }
        }
        return false;
    }

    /** The one-character party names of election results (自 立 公 共 維 国 れ 参 社 無 諸), before 新, 現 or 元. */
    private static final String ELECTION_PARTIES = "自立公共維国れ参社無諸";

    /** Two-character headings that documents spread with a blank (主　文, 理　由, 判　決), all of them words, none a name. */
    private static final Set<String> SPACED_HEADINGS = Set.of("主文", "理由", "判決", "決定", "事実", "証拠", "別紙", "要旨", "目次",
            "本文", "附則", "概要", "経緯", "結論", "所見", "備考", "摘要", "住所", "氏名", "職業", "本籍", "住居", "記録", "申立", "趣旨",
            "本人", "原告", "被告", "事件", "代理");

    /**
     * A run of kanji from {@code e} that ends, right before a particle or a blank, with a title (平野 陽子地震津波監視課長は):
     * the office after a full name, as news write it.
     */
    private boolean titleRunAfter(String text, int e) {
        int k = e;
        while (k < text.length() && k - e < 14 && isKanjiAt(text, k)) {
            k++;
        }
        return k - e >= 3 && (k == text.length() || !isKanjiAt(text, k)) && anchors.endingAt(NameAnchors.Kind.TITLE, text, k) > 0;
    }

    /**
     * Names written with a blank between surname and given name, the way judgments, lists and reports write them
     * (千葉 遼平, 実父森 大輝, 被告人平和 誠, 福岡 トミさん, 長男 誠), where the dictionary does not tag both parts.
     */
    private void blankNames(String text, List<Morphology.Token> ts, Cover cov, List<Finding> out, List<int[]> full) {
        int n = ts.size();
        for (int r = 0; r < n; r++) {
            int b = ts.get(r).start() - 1;
            if (b < 1 || !isSpace(text.charAt(b)) || !isKanjiAt(text, b - 1)) {
                continue;
            }
            int l = b;
            while (l > 0 && b - l < 8 && (isKanjiAt(text, l - 1) || innerKe(text, l - 1, b))) {
                l--;
            }
            if (cov.covered(b - 1, b) && (cov.covered(b + 1, b + 2) || l >= 2 && cov.covered(l - 2, l))) {
                continue; // already a name, or the given name of one (福岡 弘樹　ふくおか)
            }
            if (l > 0 && Character.isLowSurrogate(text.charAt(l)) ) {
                l++;
            }
            int kin = anchors.endingAt(NameAnchors.Kind.KIN, text, b);
            if (kin == b - l) { // 長男 誠, 妻 富子: a given name alone after a relation
                int g = givenEnd(text, ts, r);
                Morphology.Token t0 = ts.get(r);
                if (g >= 0 && Morphology.isKanji(text.charAt(t0.start()))) {
                    int e = ts.get(g).end();
                    out.add(new Finding(PiiType.PERSON, t0.start(), e, 0.55, false, text.substring(t0.start(), e)));
                } else if (all(text, t0, 'k') && t0.end() - t0.start() >= 2 && t0.end() - t0.start() <= 3
                        && (t0.end() >= text.length() || !Morphology.isKatakana(text.charAt(t0.end()))
                                && !Morphology.isKanji(text.charAt(t0.end())))) {
                    out.add(new Finding(PiiType.PERSON, t0.start(), t0.end(), 0.55, false, text.substring(t0.start(), t0.end()))); // 妻 ミツ
                } else if (Morphology.isHiragana(text.charAt(t0.start()))) {
                    int h = t0.start();
                    while (h < text.length() && h - t0.start() < 4 && Morphology.isHiragana(text.charAt(h))) {
                        h++;
                    }
                    if (h - t0.start() >= 2 && h - t0.start() <= 3 && (h == text.length() || isSpace(text.charAt(h)) || "、（(".indexOf(text.charAt(h)) >= 0)
                            && !NOT_GIVEN.contains(text.substring(t0.start(), h))) {
                        out.add(new Finding(PiiType.PERSON, t0.start(), h, 0.55, false, text.substring(t0.start(), h))); // 祖母 きく が
                    }
                }
                continue;
            }
            if (AddressGrammar.eraYearAt(text, b + 1) || b + 2 < text.length() && "明大昭平令".indexOf(text.charAt(b + 1)) >= 0
                    && (text.charAt(b + 2) == '・' || text.charAt(b + 2) == '･')) {
                continue; // 住民となった日 平成6年8月30日: a date after the blank; 入会日　明・大・(昭): a form's list of eras
            }
            if (occupationBefore(text, b) || b - l >= 3 && fullName(text, l, b)) {
                continue; // 調理師　朴美玲, 今月の誕生日：佐野翼　高村ゆい: no surname before the blank, a name after it
            }
            if (b - l == 1 && b + 2 <= text.length() && (SPACED_HEADINGS.contains(text.charAt(b - 1) + "" + text.charAt(b + 1))
                    || ELECTION_PARTIES.indexOf(text.charAt(b - 1)) >= 0 && "新現元".indexOf(text.charAt(b + 1)) >= 0)
                    && (b + 2 == text.length() || !isKanjiAt(text, b + 2))) {
                continue; // 主　文, 理　由: a judgment's heading spread over its line; 無　新, 立　元: a candidate's party and standing
            }
            if (anchors.at(NameAnchors.Kind.HONORIFIC, text, l) == b - l) {
                continue; // 鬼塚 政信 様　男: the honorific of the name before it, then the next field
            }
            int s = l;
            if (b - l > 3 || anchors.endingAt(NameAnchors.Kind.TITLE, text, b) == b - l) {
                s = -1;
                for (int k = b - 1; k > l && b - k <= 3 && s < 0; k--) {
                    if (anchors.endingAt(NameAnchors.Kind.KIN, text, k) > 0 || anchors.endingAt(NameAnchors.Kind.TITLE, text, k) > 0
                            || isDepartment(text, l, k) || b - k <= 2 && k - l >= 2 && OCCUPATION_END.indexOf(text.charAt(k - 1)) >= 0) {
                        s = k; // 実父|森, 検察官|小野寺, 消費経済対策課長|諏訪園, 会社員|菅 勝利
                    }
                }
                if (s < 0) {
                    continue;
                }
            } else {
                for (int k = b - 1; k > l; k--) {
                    int w = Math.max(anchors.endingAt(NameAnchors.Kind.KIN, text, k), anchors.endingAt(NameAnchors.Kind.TITLE, text, k));
                    if (w == k - l && (w >= 2 || b - k >= 2)) {
                        s = k; // 父|石川, 祖母|森
                        break;
                    }
                }
            }
            if (anchors.endingAt(NameAnchors.Kind.TITLE, text, b) > 0) {
                continue; // 防犯部長　ホセ: a title before the blank, not a surname
            }
            if (isDepartment(text, l, b) || text.startsWith("事務局", l)) {
                int e1 = ts.get(r).end();
                if (ts.get(r).is(SEI) && (e1 >= text.length() || !Morphology.isKanji(text.charAt(e1))) && !cov.covered(b + 1, e1)) {
                    out.add(new Finding(PiiType.PERSON, b + 1, e1, 0.55, false, text.substring(b + 1, e1))); // 総務部 森田
                }
                continue;
            }
            if (s > l && b - s > 3) {
                continue;
            }
            if (isDepartment(text, s, b) || anchors.is(NameAnchors.Kind.TITLE, text, s, b) || anchors.is(NameAnchors.Kind.LABEL, text, s, b)
                    || anchors.is(NameAnchors.Kind.KIN, text, s, b)) {
                continue;
            }
            if (b - s == 1 && ts.get(r).is(SEI) && honorificAt(text, ts.get(r).end()) == 0) {
                continue; // 三　降旗 蒼空, 投　上原: a one-kanji field (a position, a rank) before a surname, not a name
            }
            int e = -1;
            int g = givenEnd(text, ts, r);
            Morphology.Token t = ts.get(r);
            if (g >= 0) {
                e = ts.get(g).end();
            } else if (all(text, t, 'c') && t.end() - t.start() <= 3 && givenEntry(text, t) && titleRunAfter(text, t.end())) {
                e = t.end(); // 平野 陽子地震津波監視課長: a given name of the dictionary, then the office
            } else if (all(text, t, 'k') && t.end() - t.start() <= 3 && text.indexOf('ー', t.start()) != t.start() + 1
                    && (t.end() >= text.length() || !Morphology.isKatakana(text.charAt(t.end())))) {
                e = t.end(); // 森 キヨ, 大石 ハイ
            } else {
                int q = t.start();
                while (q < text.length() && q - t.start() < 3 && isKanjiAt(text, q)) {
                    q++;
                }
                if (q > t.start() && honorificAt(text, q) > 0) {
                    e = q; // 王 浩然さん
                }
            }
            if (e < 0 || e - (b + 1) > 4 || roleWord(text, b + 1, e) || e - (b + 1) == 1 && "印㊞".indexOf(text.charAt(b + 1)) >= 0
                    || e < text.length() && isKanjiAt(text, e) && "方宅".indexOf(text.charAt(e)) < 0 && (honorificAt(text, e) == 0
                    && !titleRunAfter(text, e) || e - b > 3 && anchors.isPlaceName(text.substring(b + 1, b + 3)))) {
                continue; // 高砂　新郎: a role after the blank; 前 大阪支|店長: a place's office, not a name and a title
            }
            if (all(text, t, 'h') && !t.is(MEI) && honorificAt(text, e) == 0 && !fieldOrReading(text, s, e)) {
                int si = tokenFrom(ts, s);
                if (si >= ts.size() || ts.get(si).start() != s || !ts.get(si).is(SEI)) {
                    continue; // 青森 りんご
                }
            }
            if (s == l && !surnameLike(text, ts, s, b) && !(b - s >= 2 && b - s <= 3 && hasGivenToken(ts, b + 1, e)
                    && (s == 0 || !Character.isLetterOrDigit(text.charAt(s - 1)))) && !fieldOrReading(text, s, e)) {
                continue; // 長尾 恵子, 森林 健二: IPADIC takes the surname for a common noun, the given name says it is one
            }
            boolean kinBefore = s > l;
            double conf = 0.55 + (honorificAt(text, e) > 0 ? 0.35 : 0) + (kinBefore || titleBefore(text, s) ? 0.2 : 0);
            if (isOrganisation(text, ts, g >= 0 ? g : r, s, e, text.length()) || endsWithOrgSuffix(text.substring(s, e))) {
                continue;
            }
            if (b - s >= 2 && !ColumnHints.get().forHeader(text.substring(s, b)).isEmpty()) {
                continue; // 住所 長野県: a heading and its value
            }
            out.add(new Finding(PiiType.PERSON, s, e, Math.min(0.95, conf), false, text.substring(s, e)));
            full.add(new int[] {s, b, b + 1, e});
        }
    }

    /** The dictionary tags the word at {@code s} as a surname or proper noun, or it is one kanji standing alone (林, 王). */
    private static boolean surnameLike(String text, List<Morphology.Token> ts, int s, int b) {
        int i = tokenFrom(ts, s);
        if (i < ts.size() && ts.get(i).start() == s && (ts.get(i).is(SEI) || ts.get(i).is("名詞-固有名詞") && !ts.get(i).is(MEI))) {
            return true;
        }
        return b - s == 1 && (s == 0 || !Character.isLetterOrDigit(text.charAt(s - 1)) || Morphology.isHiragana(text.charAt(s - 1))
                || NameAnchors.get().endingAt(NameAnchors.Kind.KIN, text, s) > 0 || NameAnchors.get().endingAt(NameAnchors.Kind.TITLE, text, s) > 0)
                && (isKanjiAt(text, b + 1) || Morphology.isKatakana(text.charAt(b + 1)));
    }

    /** Words written right after a name without a particle in judgments and records (及び, 出席, 作成, 名義). */
    private static final String[] AFTER_NAME = {"及び", "並びに", "出席", "各出席", "作成", "名義"};

    private static boolean startsWithAny(String text, int at, String[] words) {
        for (String w : words) {
            if (text.startsWith(w, at)) {
                return true;
            }
        }
        return false;
    }

    /** Words that name a reading in a heading (氏名（カナ）, お名前（ふりがな）). */
    private static final java.util.Set<String> READING_WORDS = java.util.Set.of("カナ", "かな", "ｶﾅ", "フリガナ", "ふりがな", "ﾌﾘｶﾞﾅ",
            "ヨミガナ", "よみがな", "よみ", "ヨミ");

    /** Last characters of occupations news writes right before a name (会社員, 自営業, 飲食店経営, 無職, 大学生, 看護師). */
    static final String OCCUPATION_END = "員業営職婦生師士手";

    /** A ヶ/ケ/ノ between two kanji inside a surname (藤ヶ谷, 関ケ原, 宮ノ下), not at its end. */
    private static boolean innerKe(String text, int i, int end) {
        char c = text.charAt(i);
        return (c == 'ヶ' || c == 'ケ' || c == 'ノ') && i > 0 && i + 1 < end && isKanjiAt(text, i - 1) && isKanjiAt(text, i + 1);
    }

    private static boolean isKanjiAt(String text, int i) {
        char c = text.charAt(i);
        return (Morphology.isKanji(c) && c != 'ヶ') || Character.isSurrogate(c);
    }

    /** 総務部, 交通課, 事務局: a department name, not a surname. */
    static boolean isDepartment(String text, int s, int e) {
        if (e - s < 2 || "部課室係局班科署".indexOf(text.charAt(e - 1)) < 0) {
            return false;
        }
        if (text.charAt(e - 1) == '部') { // 阿部, 服部, 長谷部 are surnames; departments have three kanji or more
            return e - s >= 3 && !text.startsWith("長谷部", e - 3) && !text.startsWith("日下部", e - 3) && !text.startsWith("矢田部", e - 3);
        }
        if (e - s == 2 && text.charAt(e - 1) == '科') { // 仁科, 保科, 鷹科 are surnames; two-kanji departments are few
            return "内外眼歯学教本専分医理文工農薬法商当他各全婦産皮泌耳鼻胸脳形精心".indexOf(text.charAt(s)) >= 0;
        }
        if (e - s == 2 && text.charAt(e - 1) == '室') { // 小室, 氷室
            return !Morphology.hasEntry(text, s, e, SEI);
        }
        return true;
    }

    /** The words of a label that lists people (出席者, 参加者, 欠席, 担当, 委員, メンバー) before its colon. */
    private static final String[] PEOPLE_LABELS = {"出席者", "欠席者", "参加者", "同席者", "出席", "欠席", "参加", "同席", "担当", "担当者",
        "委員", "メンバー", "講師", "司会", "宛先", "回覧", "記録者", "作成者"};

    /**
     * Surnames listed with 、 or ・ (早川、吉田、長野、松本の各部員; 班長　森、千葉、石川、宮地; 月：山下・北村): each is a name when
     * most of the list's words are surnames to the dictionary, and there are at least three, or a name word follows.
     */
    private void enumerations(String text, List<Morphology.Token> ts, Cover cov, List<Finding> out) {
        int n = ts.size();
        for (int i = 0; i < n; i++) {
            if (ts.get(i).end() >= text.length() || text.charAt(ts.get(i).end()) != '、' && text.charAt(ts.get(i).end()) != '・') {
                continue; // a list starts with a word and 、 (or ・: 山下・北村, 小川・大野組)
            }
            char sep = text.charAt(ts.get(i).end());
            int k = i;
            int sei = 0;
            int named = 0;
            while (k < n && isListItem(text, ts.get(k))) {
                Morphology.Token tk = ts.get(k);
                if (tk.is(SEI) || Morphology.hasEntry(text, tk.start(), tk.end(), SEI)) { // 上野 and 宮崎 are surnames too
                    sei++;
                    named += tk.is(SEI) && tk.end() - tk.start() >= 2 ? 1 : 0; // read as a surname here (佐藤 is a place to IPADIC too)
                }
                if (k + 1 < n && ts.get(k).end() < text.length() && text.charAt(ts.get(k).end()) == sep
                        && ts.get(k + 1).start() == ts.get(k).end() + 1) {
                    k++;
                } else {
                    k++;
                    break;
                }
            }
            int items = k - i;
            if (items >= 2) {
                int end = ts.get(k - 1).end();
                boolean before = ts.get(i).start() == 0 || "　 \n\t：:、（(".indexOf(text.charAt(ts.get(i).start() - 1)) >= 0
                        || text.charAt(ts.get(i).start() - 1) == 'は' || text.charAt(ts.get(i).start() - 1) == 'の';
                boolean after = end >= text.length() || "　 \n\t。）".indexOf(text.charAt(end)) >= 0 || text.startsWith("の各", end)
                        || text.startsWith("ら", end) || text.startsWith("の", end) && !Morphology.isKanji(text.charAt(Math.min(end + 1, text.length() - 1)))
                        || text.startsWith("の両", end) || text.startsWith("、ほか", end) || text.startsWith("ほか", end)
                        || text.startsWith("、他", end); // 実行委員：岸本、長尾、宮内、ほか有志一同
                boolean places = PLACES_AFTER.matcher(text).region(end, Math.min(text.length(), end + 4)).lookingAt(); // 神戸の各市
                // two words read as surnames here after a label's colon (ソプラノ：柚木、真田), neither a place (開催地：上野、新宿)
                // or a pair joined by ・ as a doubles team (小川・大野組)
                boolean pair = sep == '・' && text.startsWith("組", end);
                after |= pair;
                boolean colon = ts.get(i).start() > 0 && "：:".indexOf(text.charAt(ts.get(i).start() - 1)) >= 0;
                boolean twoAfterLabel = items == 2 && named == 2 && (pair || colon)
                        && (colon && endsWithAny(text, ts.get(i).start() - 1, PEOPLE_LABELS) // 出席者：田中、佐伯: people, though 佐伯 is a city too
                            || !anchors.isPlaceName(text.substring(ts.get(i).start(), ts.get(i).end()))
                            && !anchors.isPlaceName(text.substring(ts.get(i + 1).start(), ts.get(i + 1).end())));
                // 佐藤、鈴木、高橋が出場: a particle may end a list of three or more surnames when the tokenizer reads at
                // least two of them, of two kanji or more, as surnames here (not 上野、宮崎、福岡が, cities; nor 森、林、池が)
                after |= items >= 3 && sei == items && named >= 2 && end < text.length() && "がはともを".indexOf(text.charAt(end)) >= 0;
                // ・ joins other things too (松・竹・梅, 東京・大阪): two of its words must read as surnames here
                if (before && after && !places && 2 * sei >= items && (sep == '、' || named >= 2)
                        && (items >= 3 || twoAfterLabel || text.startsWith("の各", end) || text.startsWith("ら", end) || text.startsWith("の両", end))) {
                    for (int m = i; m < k; m++) {
                        Morphology.Token t = ts.get(m);
                        if (!cov.covered(t.start(), t.end()) || onlySameSpan(out, t.start(), t.end())) {
                            // a weaker finding of the same word (a surname alone) is raised by merge
                            out.add(new Finding(PiiType.PERSON, t.start(), t.end(), 0.55, false, text.substring(t.start(), t.end())));
                        }
                    }
                }
            }
            i = Math.max(i, k - 1);
        }
    }

    /** What follows a list of places, not of people (札幌、仙台、神戸の各市; 上野、宮崎の各地). */
    private static final java.util.regex.Pattern PLACES_AFTER = java.util.regex.Pattern.compile(
            "の?各?(?:都市|市|県|府|町|村|区|地|国|店|支店|会場|校|駅|空港)");

    private boolean isListItem(String text, Morphology.Token t) {
        int len = t.end() - t.start();
        return len >= 1 && len <= 3 && all(text, t, 'c') && (t.is(SEI) || t.is("名詞-固有名詞") || t.is("名詞-一般"))
                && honorificAt(text, t.start()) == 0 && !isOrgWord(text, t) && !isDepartment(text, t.start(), t.end());
    }

    /**
     * Of overlapping names found by different means, keeps one: a label's or reading's span (0.85 and more) that
     * contains the others wins, else the most confident; it takes the highest confidence of the group.
     */
    private static void merge(String text, List<Finding> out, int first) {
        if (out.size() - first < 2) {
            return;
        }
        List<Finding> mine = out.subList(first, out.size());
        mine.sort(Comparator.comparingInt(Finding::start).thenComparingInt(f -> -f.end()));
        List<Finding> kept = new ArrayList<>(mine.size());
        for (Finding y : mine) {
            int last = kept.size() - 1;
            Finding x = last >= 0 ? kept.get(last) : null;
            if (x != null && surnameThenKanaGiven(text, x, y)) { // 東雲|ハツ found apart: one name, the blank inside it masked too
                kept.set(last, new Finding(PiiType.PERSON, x.start(), y.end(), Math.max(x.confidence(), y.confidence()), false,
                        text.substring(x.start(), y.end())));
                continue;
            }
            if (x == null || y.start() >= x.end()) {
                kept.add(y);
                continue;
            }
            boolean xContains = x.start() <= y.start() && y.end() <= x.end();
            boolean yContains = y.start() <= x.start() && x.end() <= y.end();
            Finding keep;
            if (xContains) { // the longer span, unless only the shorter one comes from a label or a reading
                keep = y.confidence() >= 0.85 && x.confidence() < 0.85 ? y : x;
            } else if (yContains) {
                keep = x.confidence() >= 0.85 && y.confidence() < 0.85 ? x : y;
            } else {
                keep = x.confidence() >= y.confidence() ? x : y;
            }
            double conf = Math.max(x.confidence(), y.confidence());
            kept.set(last, new Finding(PiiType.PERSON, keep.start(), keep.end(), conf, false, keep.value()));
        }
        mine.clear();
        out.addAll(kept);
    }

    /**
     * A kanji surname, one blank, then a kana given name, found as two names (五百旗頭 キヨ, 東雲 ハツ: the old women's names
     * of obituaries and rosters): one person. Not two kanji words (a list of surnames a blank apart: 佐藤 鈴木).
     */
    private static boolean surnameThenKanaGiven(String text, Finding x, Finding y) {
        if (y.start() != x.end() + 1 || !isSpace(text.charAt(x.end())) || x.end() - x.start() > 4 || y.end() - y.start() < 2
                || y.end() - y.start() > 4) {
            return false;
        }
        for (int i = x.start(); i < x.end(); i++) {
            if (!isKanjiAt(text, i) && !innerKe(text, i, x.end())) {
                return false;
            }
        }
        if (!all(text, y.start(), y.end(), Morphology.isHiragana(text.charAt(y.start())) ? 'h' : 'k')) {
            return false;
        }
        return y.end() >= text.length() || !Morphology.isKanji(text.charAt(y.end())) || "様殿氏君".indexOf(text.charAt(y.end())) >= 0;
    }

    private static final java.util.Set<String> TEAM = java.util.Set.of("選手", "代表", "監督", "コーチ", "ヘッドコーチ", "投手", "捕手",
            "内野手", "外野手", "騎手", "主将", "夫妻", "さんら", "氏ら");

    /** A title after a word the dictionary takes for a place (石川教授), but not one a team or a country takes (日本代表). */
    private boolean titleAfter(String text, int at) {
        int h = anchors.at(NameAnchors.Kind.HONORIFIC, text, at);
        return h > 0 && !TEAM.contains(text.substring(at, at + h));
    }

    /** The length of an honorific at {@code at}, after at most one blank, or 0. */
    int honorificAt(String text, int at) {
        int h = anchors.at(NameAnchors.Kind.HONORIFIC, text, at);
        if (h == 0 && at < text.length() && isSpace(text.charAt(at))) {
            h = anchors.at(NameAnchors.Kind.HONORIFIC, text, at + 1);
        }
        return h;
    }

    private static int skipBlank(String text, int at) {
        return at < text.length() && isSpace(text.charAt(at)) ? at + 1 : at;
    }

    /**
     * 妻の幸子, 担当の西田, 長男の健, 部長の石井, 弊社の上野, 後任の白石: a relation, a label, a title or the firm or post of a
     * business letter, then の, right before the name; a player's place in the order (4番の安西); a title joined by ・ (左腕・小野寺).
     */
    private boolean roleOf(String text, int start) {
        if (start > 1 && text.charAt(start - 1) == '・') {
            return anchors.endingAt(NameAnchors.Kind.TITLE, text, start - 1) > 0; // 左腕・小野寺, 捕手・森下
        }
        if (start <= 1 || text.charAt(start - 1) != 'の') {
            return false;
        }
        if (battingOrder(text, start - 1)) {
            return true; // 4番の安西, 2番手の遠藤
        }
        for (String w : STAFF_OF) {
            if (text.startsWith(w, start - 1 - w.length())) {
                return true;
            }
        }
        return anchors.endingAt(NameAnchors.Kind.KIN, text, start - 1) > 0 || anchors.endingAt(NameAnchors.Kind.LABEL, text, start - 1) > 0
                || anchors.endingAt(NameAnchors.Kind.TITLE, text, start - 1) > 0;
    }

    /** An office right at {@code at} that goes on as an election, a council or a room (市長選, 市議会, 署長室): no person's title. */
    private boolean officeCompound(String text, int at) {
        int len = anchors.at(NameAnchors.Kind.OFFICE, text, at);
        return len > 0 && at + len < text.length() && "選会室".indexOf(text.charAt(at + len)) >= 0;
    }

    /** A place in the batting order or among the pitchers ending at {@code at}: 4番, ４番, 2番手. */
    private static boolean battingOrder(String text, int at) {
        int p = text.startsWith("番手", at - 2) ? at - 2 : text.startsWith("番", at - 1) ? at - 1 : -1;
        if (p < 1) {
            return false;
        }
        return Chars.isDigit(text.charAt(p - 1)); // 4番, 10番
    }

    /** Who a business letter names by the surname alone after の: its own firm's people, a successor or a predecessor. */
    private static final String[] STAFF_OF = {"弊社", "当社", "後任", "前任"};

    /** True when a title (弁護士, 課長, 代表取締役) stands right before the name, or one blank before it. */
    private boolean titleBefore(String text, int start) {
        int p = start > 0 && isSpace(text.charAt(start - 1)) ? start - 1 : start;
        return anchors.endingAt(NameAnchors.Kind.TITLE, text, p) > 0;
    }

    /** 〜の山田です。, 。小林です。, 〜の長瀬でございます。: someone naming themselves in a letter or mail. */
    private static boolean introduces(String text, int start, int end, boolean strict) {
        int k = text.startsWith("です", end) ? end + 2 : text.startsWith("でございます", end) ? end + 6 : -1;
        if (k < 0 || k < text.length() && "。\n！!".indexOf(text.charAt(k)) < 0 || end - start == 1 && text.charAt(start) == '方') {
            // not 新規の方です: the person, politely
            return false;
        }
        char c = start > 0 ? text.charAt(start - 1) : '\n';
        return c == 'の' || c == '。' || c == '\n' || (!strict && (c == '、' || c == ' ' || c == '　'));
    }

    /** A chat line's speaker: the name opens the line (after an optional [time] or time) and a colon follows. */
    private static boolean isSpeaker(String text, int start, int end) {
        if (end >= text.length() || (text.charAt(end) != ':' && text.charAt(end) != '：')) {
            return false;
        }
        int p = start;
        while (p > 0 && isSpace(text.charAt(p - 1))) {
            p--;
        }
        if (p > 0 && (text.charAt(p - 1) == ']' || text.charAt(p - 1) == '］' || Character.isDigit(text.charAt(p - 1)))) {
            int q = p - 1;
            while (q > 0 && p - q < 24 && text.charAt(q - 1) != '\n') {
                q--;
            }
            p = q;
        }
        return p == 0 || text.charAt(p - 1) == '\n';
    }

    /**
     * A kana reading in brackets (やまだ・たろう), (ヤマダ タロウ): itself a name, and it confirms the name before
     * it. Without a name found there, a reading in two parts marks the kanji before it as a name (諏訪園 貞明) when the
     * dictionary takes them for proper nouns or the reading's second part is a given name (一ノ渡陽子（いちのわたり・ようこ）).
     */
    private void readings(String text, List<Morphology.Token> ts, int from, int to, Cover cov, List<Finding> out,
            List<int[]> full) {
        for (int p = from; p < to - 2; p++) {
            char c = text.charAt(p);
            boolean equals = (c == '＝' || c == '=') && cov.endingAt(p) >= 0; // 本名宮古　健太郎＝みやこ・けんたろう
            if (c != '（' && c != '(' && !equals) {
                continue;
            }
            int q = p + 1;
            int kana = 0;
            boolean split = false;
            while (q < to && q - p <= 26) {
                char d = text.charAt(q);
                if (Morphology.isHiragana(d) || Morphology.isKatakana(d) || d == 'ﾞ' || d == 'ﾟ') {
                    kana++;
                } else if ((d == '・' || d == '･' || isSpace(d)) && kana > 0) {
                    split = true;
                } else {
                    break;
                }
                q++;
            }
            // a split reading may be followed by more about the person inside the brackets (おおわしやま・つよし、本名…)
            if (q >= to || kana < 2 || isSpace(text.charAt(q - 1)) || !(text.charAt(q) == '）' || text.charAt(q) == ')'
                    || (split && "＝=、，,".indexOf(text.charAt(q)) >= 0)) || equals && !split || text.indexOf('ー', p) == p + 1
                    || mixedKana(text, p + 1, q) || anchors.is(NameAnchors.Kind.ROLE, text, p + 1, q)
                    || READING_WORDS.contains(text.substring(p + 1, q))) {
                continue; // 氏名（カナ）: the heading of a reading, not one
            }
            boolean word = katakanaWord(text, p + 1, q); // 鈴木（インフルエンザ）: why 鈴木 is absent, no reading of the name
            int found = -1;
            int hon = p >= 2 ? anchors.endingAt(NameAnchors.Kind.HONORIFIC, text, p) : 0;
            found = cov.endingAt(p);
            if (found < 0 && hon > 0 && split) {
                found = cov.endingAt(p - hon);
            }
            if (word && found < 0) {
                continue;
            }
            if (found < 0 && "、，,".indexOf(text.charAt(q)) >= 0 && !moreAboutAPerson(text, q + 1)) {
                continue; // セット内容（りんご・みかん、各5個）: items, not a reading, unless a name stands before it
            }
            if (found >= 0 && kanaOnly(out.get(found).value()) && split && hon == 0 && kanaGivenBefore(text, p, q) >= 0) {
                found = -1; // 勘解由小路 ハル（かでのこうじ・はる）: the given name in kana, its surname before it
            }
            if (found >= 0 && kanaOnly(out.get(found).value())) {
                continue; // ダワーニャム・バトエルデネ（モンゴル）: a kana name has no reading; the brackets say something else
            }
            int kanaGiven = split && hon == 0 && found < 0 ? kanaGivenBefore(text, p, q) : -1;
            if (found >= 0) {
                Finding f = out.get(found);
                if (f.confidence() < 0.9) {
                    out.set(found, new Finding(PiiType.PERSON, f.start(), f.end(), 0.9, false, f.value()));
                }
            } else if (kanaGiven >= 0) { // 小鳥遊ゆかり（たかなし・ゆかり）: the given name in the kana of its reading
                out.add(new Finding(PiiType.PERSON, kanaGiven, p, 0.85, false, text.substring(kanaGiven, p)));
            } else {
                int s = hon > 0 ? -1 : nameBefore(text, ts, p, kana);
                boolean called = false;
                if (!split && hon == 0 && q + 1 < text.length()) {
                    boolean honorific = honorificAt(text, q + 1) > 0 && !text.startsWith("さんの", q + 1);
                    int k = honorific || text.startsWith("です", q + 1) || text.startsWith("と申します", q + 1)
                            ? calledKanji(text, s < 0 ? p - 1 : s, p, kana) : -1;
                    if (k >= 0 && (honorific || titleOrRoleBefore(text, k))) {
                        s = k;
                        called = true;
                    }
                }
                boolean kinBefore = s > 0 && (anchors.endingAt(NameAnchors.Kind.KIN, text, s) > 0 || roleOf(text, s));
                // not 眠剤（レンドルミン）, 睡眠薬（マイスリー）: a medicine's brand after its kind, whose first kanji is a surname
                if (s < 0 || s < p - 1 && "剤薬".indexOf(text.charAt(p - 1)) >= 0 || !(called || hasNameToken(ts, s, p) || (split || kinBefore) && properNoun(ts, s, p)
                        || split && givenReading(text, p + 1, q))) {
                    continue;
                }
                if (split) {
                    int r = s; // 一ノ渡|陽子（いちのわたり・ようこ）: the surname the dictionary took for a place, back to the blank
                    while (r > 0 && s - r < 4 && (isKanjiAt(text, r - 1) || "ノヶケ".indexOf(text.charAt(r - 1)) >= 0 && r - 1 > 0 && isKanjiAt(text, r - 2))) {
                        r--;
                    }
                    s = r < s && boundaryBefore(text, r) && isKanjiAt(text, r) ? r : s;
                }
                out.add(new Finding(PiiType.PERSON, s, p, 0.85, false, text.substring(s, p)));
                int blank = -1;
                for (int i = s; i < p; i++) {
                    if (isSpace(text.charAt(i))) {
                        blank = i;
                    }
                }
                if (blank > s) {
                    full.add(new int[] {s, blank, blank + 1, p});
                }
            }
            if (!word) {
                out.add(new Finding(PiiType.PERSON, p + 1, q, 0.9, false, text.substring(p + 1, q)));
            }
            p = q;
        }
    }

    /**
     * Katakana in {@code text[s, e)} that the dictionary reads as one common noun of four characters or more and that no name
     * of the lists spells (インフルエンザ, ノロウイルス): a word in brackets after a name, not its reading.
     */
    private static boolean katakanaWord(String text, int s, int e) {
        return e - s >= 4 && all(text, s, e, 'k') && katakanaNoun(text, s, e)
                && !LatinNames.kanaSurname(text.substring(s, e)) && !LatinNames.kanaGiven(text.substring(s, e));
    }

    /**
     * The dictionary reads a word of two characters or more in {@code text[s, e)} that is a common, verbal or adjectival noun
     * (戸籍|上, 併記|可, 年齢): no surname. One-character ones do not count (相|ヶ|瀬).
     */
    private static boolean wordsIn(String text, int s, int e) {
        for (Morphology.Token t : Morphology.tokens(text, s, e)) {
            if (t.end() - t.start() >= 2 && (t.is("名詞-一般") || t.is("名詞-サ変接続") || t.is("名詞-形容動詞語幹"))) {
                return true;
            }
        }
        return false;
    }

    /** A title or role right before {@code s}, or before its の (担任の|廿楽（つづら）です, オーナー|四十物). */
    private boolean titleOrRoleBefore(String text, int s) {
        int e = s > 0 && text.charAt(s - 1) == 'の' ? s - 1 : s;
        return anchors.endingAt(NameAnchors.Kind.TITLE, text, e) > 0 || anchors.endingAt(NameAnchors.Kind.ROLE, text, e) > 0;
    }

    /**
     * Kanji read by a reading in brackets and followed by an honorific (月見里（やまなし）さん, 凜（りん）さん) or by です after a
     * title (担任の廿楽（つづら）です) are a person's name, whether the dictionary knows them or not. Where those kanji start
     * (at {@code s}, or the one kanji before the bracket at {@code p}) for a reading of {@code kana} kana, after a relation glued
     * before them (妻|凜（りん）さん); -1 when they are not all kanji or go on a longer word, or when the reading is too short or
     * too long for them (a word's reading, not a name's).
     */
    private int calledKanji(String text, int s, int p, int kana) {
        if (s < 0 || s >= p) {
            return -1;
        }
        for (int k = s + 1; k < p; k++) {
            if (anchors.endingAt(NameAnchors.Kind.KIN, text, k) == k - s) {
                s = k; // 妻凜 → 凜
                break;
            }
        }
        if (s > 0 && isKanjiAt(text, s - 1) && anchors.endingAt(NameAnchors.Kind.KIN, text, s) == 0) {
            return -1; // the middle of a longer word
        }
        int n = p - s;
        if (!all(text, s, p, 'c') || n > 5 || kana < n || kana > 4 * n || s > 0 && "おご御".indexOf(text.charAt(s - 1)) >= 0) {
            return -1; // お母（かあ）さん, お稲荷（いなり）さん
        }
        String w = text.substring(s, p);
        if (n == 1 ? NOT_ONE_KANJI_SURNAME.indexOf(w.charAt(0)) >= 0 : dictionaryWord(text, s, p) || ROLE_END.indexOf(w.charAt(n - 1)) >= 0) {
            return -1; // 皆（みな）さん, 神（かみ）さま; 大家（おおや）さん, 駅員（えきいん）さん, 珈琲（こーひー）です
        }
        if (kinWord(w) || titleOrRole(w) || Morphology.tokens(text, s, p).stream().anyMatch(t -> t.is("名詞-固有名詞-地域"))) {
            return -1; // 八幡（はちまん）さま, 祇園（ぎおん）さん: a place's god
        }
        return s;
    }

    /** Another name of a person's, named after the comma in a reading's brackets (おおわしやま・つよし、本名…). */
    private static final String[] OTHER_NAMES = {"本名", "旧姓", "通称", "俳号", "雅号", "芸名", "旧名", "法名"};

    /** What a reading's brackets go on to say of a person after its comma: another name of theirs, or an age. */
    private static boolean moreAboutAPerson(String text, int i) {
        for (String w : OTHER_NAMES) {
            if (text.startsWith(w, i)) {
                return true;
            }
        }
        return i < text.length() && Character.isDigit(text.charAt(i));
    }

    /**
     * Where a name starts whose given name is written in the same kana as its split reading's second part, in hiragana or
     * katakana, right before the bracket at {@code p}, after one to five kanji at a word's start (小鳥遊ゆかり（たかなし・ゆかり）,
     * 勘解由小路ハツエ（かでのこうじ・はつえ）); else -1.
     */
    private static int kanaGivenBefore(String text, int p, int q) {
        int i = q;
        while (i > p + 1 && !(text.charAt(i - 1) == '・' || text.charAt(i - 1) == '･' || isSpace(text.charAt(i - 1)))) {
            i--;
        }
        int g = p - (q - i);
        if (q - i < 2 || g <= 0 || !Morphology.isHiragana(text.charAt(i))
                || !LatinNames.kanaGiven(text.substring(i, q)) && !Morphology.isKatakana(text.charAt(g))) {
            return -1; // not 博多どんたく（はかた・どんたく）, 熊本ラーメン（くまもと・らーめん）: the second part a given name of the lists,
        }              // or a given name in katakana read in hiragana (一尺八寸 ミツ（かまつか・みつ）)
        for (int k = 0; k < q - i; k++) {
            char a = text.charAt(g + k);
            char b = text.charAt(i + k);
            if (a != b && !(a >= 'ァ' && a <= 'ヶ' && a - 0x60 == b)) {
                return -1; // not the same kana, in hiragana or katakana (ハツエ for はつえ)
            }
        }
        int k = g > 0 && isSpace(text.charAt(g - 1)) ? g - 1 : g; // 勘解由小路 ハル（かでのこうじ・はる）: a blank between
        int r = k;
        while (r > 0 && k - r < 5 && isKanjiAt(text, r - 1)) {
            r--;
        }
        // not 江戸きりこ（えど・きりこ）, 長崎ちゃんぽん: a place's name before a kana word is a thing's name
        // nor a word before a given name in katakana (寝台 ハヤブサ（しんだい・はやぶさ）: a train)
        return r < k && (r == 0 || !isKanjiAt(text, r - 1)) && !NameAnchors.get().isPlaceName(text.substring(r, k))
                && !(k < g && dictionaryWord(text, r, k)) ? r : -1;
    }

    /** The part of a split reading after its ・ or blank is a given name of the lists (いちのわたり・ようこ: yoko). */
    private static boolean givenReading(String text, int s, int e) {
        int i = e;
        while (i > s && !(text.charAt(i - 1) == '・' || text.charAt(i - 1) == '･' || isSpace(text.charAt(i - 1)))) {
            i--;
        }
        return i > s && e - i >= 2 && LatinNames.kanaGiven(text.substring(i, e));
    }

    private static boolean kanaOnly(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!(Morphology.isKatakana(c) || Morphology.isHiragana(c) || c == '・' || c == '･' || isSpace(c))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A reading in its own column after a name, the way candidate lists and rosters give it:
     * 福岡 弘樹　ふくおか ひろき　52. The reading has two hiragana parts; the name before it has two words.
     */
    private void tableReadings(String text, int from, int to, Cover cov, List<Finding> out, List<int[]> full) {
        for (int i = Math.max(from, 1); i < to; i++) {
            if (!Morphology.isHiragana(text.charAt(i)) || !isSpace(text.charAt(i - 1)) && text.charAt(i - 1) != '\t') {
                continue;
            }
            int a = i;
            while (a < to && Morphology.isHiragana(text.charAt(a))) {
                a++;
            }
            int b = a < to && isSpace(text.charAt(a)) ? a + 1 : a;
            int c = b;
            while (c < to && Morphology.isHiragana(text.charAt(c))) {
                c++;
            }
            if (a - i < 2 || c - b < 2 || b == a || c < to && !(isSpace(text.charAt(c)) || text.charAt(c) == '\t' || text.charAt(c) == '\n'
                    || Character.isDigit(text.charAt(c)))) {
                i = c;
                continue;
            }
            int p = i;
            while (p > from && (isSpace(text.charAt(p - 1)) || text.charAt(p - 1) == '\t')) {
                p--;
            }
            int found = cov.endingAt(p);
            if (found >= 0 && out.get(found).confidence() < 0.4) {
                found = -1;
            }
            if (found < 0) {
                int w2 = p;
                while (w2 > from && isNameChar(text.charAt(w2 - 1))) {
                    w2--;
                }
                int w1 = w2 - 1;
                if (w2 == p || w1 <= from || !isSpace(text.charAt(w1)) || !Morphology.isKanji(text.charAt(w2))) {
                    i = c;
                    continue;
                }
                int s = w1;
                while (s > from && isNameChar(text.charAt(s - 1))) {
                    s--;
                }
                boolean lineStart = s == 0 || text.charAt(s - 1) == '\n' || text.charAt(s - 1) == '\t' || isSpace(text.charAt(s - 1));
                if (s == w1 || w1 - s > 4 || p - w2 > 4 || !lineStart) {
                    i = c;
                    continue;
                }
                out.add(new Finding(PiiType.PERSON, s, p, 0.85, false, text.substring(s, p)));
                full.add(new int[] {s, w1, w2, p});
            }
            out.add(new Finding(PiiType.PERSON, i, c, 0.85, false, text.substring(i, c)));
            i = c;
        }
    }

    private static boolean isNameChar(char c) {
        return (Morphology.isKanji(c) && c != 'ヶ') || Morphology.isKatakana(c) || Character.isSurrogate(c);
    }

    /** Where the kanji name ending at {@code end} starts: adjacent kanji tokens, one blank at most, no title or common noun. */
    private int nameBefore(String text, List<Morphology.Token> ts, int end, int kana) {
        int k = tokenFrom(ts, end) - 1;
        if (k >= 0 && ts.get(k).end() != end) {
            k = -1;
        }
        int s = end;
        int blanks = 0;
        for (; k >= 0; k--) {
            Morphology.Token t = ts.get(k);
            int gap = s - t.end();
            if (gap > 1 || (gap == 1 && (!isSpace(text.charAt(t.end())) || ++blanks > 1)) || !all(text, t, 'c')) {
                break;
            }
            boolean name = t.is(SEI) || t.is(MEI) || t.is(JINMEI) || t.is("名詞-固有名詞");
            if (anchors.is(NameAnchors.Kind.TITLE, text, t.start(), t.end())
                    || anchors.is(NameAnchors.Kind.LABEL, text, t.start(), t.end())
                    || (!name && t.end() - t.start() >= 2 && end - s >= 2) || end - t.start() > 8 || end - t.start() > kana) {
                break;
            }
            s = t.start();
        }
        return end - s >= 2 ? s : -1;
    }

    /** True when the reading mixes hiragana and katakana (グエンさん): not a reading. */
    private static boolean mixedKana(String text, int from, int to) {
        boolean hira = false;
        boolean kata = false;
        for (int i = from; i < to; i++) {
            hira |= Morphology.isHiragana(text.charAt(i));
            kata |= Morphology.isKatakana(text.charAt(i)) && text.charAt(i) != 'ー';
        }
        return hira && kata;
    }

    private static boolean properNoun(List<Morphology.Token> ts, int from, int to) {
        for (int i = tokenFrom(ts, from); i < ts.size() && ts.get(i).start() < to; i++) {
            if (ts.get(i).end() <= to && ts.get(i).is("名詞-固有名詞")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasNameToken(List<Morphology.Token> ts, int from, int to) {
        for (int i = tokenFrom(ts, from); i < ts.size() && ts.get(i).start() < to; i++) {
            Morphology.Token t = ts.get(i);
            if (t.end() <= to && (t.is(SEI) || t.is(MEI) || t.is(JINMEI))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasGivenToken(List<Morphology.Token> ts, int from, int to) {
        for (int i = tokenFrom(ts, from); i < ts.size() && ts.get(i).start() < to; i++) {
            if (ts.get(i).end() <= to && (ts.get(i).is(MEI) || ts.get(i).is(JINMEI))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The one-kanji given name at {@code g} where a judgment writes it after 亡 for the late person (以下「亡誠」という, 亡誠は),
     * as the subject that starts a sentence, before は or が and a word that is not kana (。徹は身体障害者手帳2級の…), or
     * alone at the start of a bracket ((孝 携帯 080-…), (孝)); as a subject only where the dictionary reads it as a name there
     * (not 実は, 光が). A word of one kanji is too common to mark elsewhere.
     */
    private static void lateGiven(String text, int g, Cover cov, List<Finding> out) {
        String late = "亡" + text.charAt(g);
        for (int a = text.indexOf(late); a >= 0; a = text.indexOf(late, a + 2)) {
            int b = a + 2;
            if (b < text.length() && Morphology.isKanji(text.charAt(b)) || a > 0 && Morphology.isKanji(text.charAt(a - 1))
                    || cov.covered(a + 1, b)) {
                continue; // 亡誠一, 死亡明らか, or found already
            }
            out.add(new Finding(PiiType.PERSON, a + 1, b, 0.6, false, text.substring(a + 1, b)));
        }
        char c = text.charAt(g);
        for (int a = text.indexOf(c); a >= 0; a = text.indexOf(c, a + 1)) {
            if (a == 0 || a + 2 >= text.length() || "\n。「　 （(".indexOf(text.charAt(a - 1)) < 0 || cov.covered(a, a + 1)) {
                continue;
            }
            char next = text.charAt(a + 1);
            boolean subject = (next == 'は' || next == 'が') && !Morphology.isHiragana(text.charAt(a + 2)); // 。徹は身体障害者手帳
            boolean alone = Chars.isOpenParen(text.charAt(a - 1)) && (isSpace(next) || Chars.isCloseParen(next)); // （孝 携帯 080-…）
            if (subject && !Chars.isOpenParen(text.charAt(a - 1)) && noWordAt(text, a) || alone) {
                out.add(new Finding(PiiType.PERSON, a, a + 1, 0.55, false, String.valueOf(c)));
            }
        }
    }

    /**
     * A place a firm names a branch or an office by (弊社東京, 当社名古屋より, 当店新宿): a prefecture, a city with wards or one of
     * Tokyo's wards; not any town's name (山田 is one too).
     */
    private boolean branchPlace(String w) {
        return anchors.isPrefecture(w) || anchors.isBigCity(w);
    }

    /** A given name of two or three katakana, the way older women's names are written, before what the family calls them. */
    private static final java.util.regex.Pattern KATAKANA_ELDER = java.util.regex.Pattern.compile(
            "(?<![\\p{IsKatakana}ー])([ァ-ヶ]{2,3})(?=お?(?:ばあちゃん|ばぁちゃん|ばあさん|じいちゃん|じぃちゃん|じいさん|ねえさん|ねえちゃん"
                    + "|にいさん|にいちゃん|おばさん|おじさん))");

    /**
     * A relative or neighbour by a katakana given name and what the family calls them (トメばあちゃん, ツルねえさん): a given name of
     * the lists (not ママ, パパ or アニキ).
     */
    private void katakanaElders(String text, List<Finding> out, int first) {
        if (text.indexOf("ちゃん") < 0 && text.indexOf("さん") < 0) {
            return;
        }
        java.util.regex.Matcher m = KATAKANA_ELDER.matcher(text);
        while (m.find()) {
            String w = m.group(1);
            int s = m.start(1);
            int e = m.end(1);
            if (LatinNames.kanaGiven(w) && !confidentAt(out, first, s, e)) { // the lists have no ママ, パパ or アニキ
                out.add(new Finding(PiiType.PERSON, s, e, 0.6, false, w));
            }
        }
    }

    /**
     * A run of kanji before an honorific or the news's word for the accused, then the age in brackets (会社員鳥居塚湊斗さん（35）,
     * 五百旗頭節子さん（70）, 曽我部大輝容疑者（20）): the age says a person, so a name the dictionary does not know (a rare
     * surname, split by it: 鳥居|塚) is taken whole, after the occupation, relation or role glued before it (会社員, 長男).
     */
    private static final java.util.regex.Pattern AGED_RUN = java.util.regex.Pattern.compile(
            "(?<![\\p{IsHan}々ヶケノ])(\\p{IsHan}[\\p{IsHan}々ヶケノ]{2,10})(?:さん|君|くん|氏|容疑者|被疑者|被告人|被告|受刑者)"
                    + "[（(][0-9０-９]{1,3}歳?[）)]");

    private void agedRuns(String text, List<Finding> out, int first) {
        if (!ageInBrackets(text)) {
            return;
        }
        java.util.regex.Matcher m = AGED_RUN.matcher(text);
        while (m.find()) {
            int l = m.start(1);
            int e = m.end(1);
            int s = afterGluedWord(text, l, e, true);
            int from = s;
            if (e - s < 3 || e - s > 6 || out.subList(first, out.size()).stream().anyMatch(f -> f.type() == PiiType.PERSON
                    && f.start() <= from && f.end() >= e) || anchors.isPlaceName(text.substring(s, e))
                    || endsWithOrgSuffix(text.substring(s, e)) || dictionaryWord(text, s, e)
                    || ROLE_END.indexOf(text.charAt(e - 1)) >= 0 && !Morphology.hasEntry(text, e - 2, e, MEI)) { // 役員, not 勇人
                continue; // a name two kanji long is the dictionary's to read; a place, a firm or a word is no one's
            }
            Finding.addOver(out, first, new Finding(PiiType.PERSON, s, e, 0.8, false, text.substring(s, e)),
                    f -> f.type() == PiiType.PERSON && f.start() >= from && f.end() <= e); // 鳥居 of 鳥居塚湊斗 gives way
        }
    }

    /**
     * Where a name starts in the kanji run [l, e) that an occupation's, a relation's or (with {@code roles}) a title's or a
     * role's word may start (会社員|鳥居塚湊斗, 無職|大豆生田, 長男|…): after the last such word the dictionary reads, else l.
     */
    private int afterGluedWord(String text, int l, int e, boolean roles) {
        int s = l;
        for (Morphology.Token t : Morphology.tokens(text, l, e)) {
            int k = t.end();
            if (k < e - 1 && k - l >= 2 && (OCCUPATION_END.indexOf(text.charAt(k - 1)) >= 0 || ROLE_END.indexOf(text.charAt(k - 1)) >= 0
                    || anchors.endingAt(NameAnchors.Kind.KIN, text, k) == k - l || roles && (anchors.endingAt(NameAnchors.Kind.TITLE, text, k) > 0
                    || anchors.endingAt(NameAnchors.Kind.ROLE, text, k) > 0))) {
                s = k;
            }
        }
        return s;
    }

    /**
     * A surname alone in a firm's mail, the subject or the contact of what the staff do (当日は山田が伺います, 田中から折り返し
     * ご連絡します, 詳細は佐伯までご連絡ください, 後任は加藤です): a word the dictionary tags as a surname, standing alone before
     * が, から, より, まで or です, and a verb of the staff's (伺, 連絡, 担当, 対応…) in the rest of the clause, or a post's word
     * (後任, 担当) before it.
     */
    private static final java.util.regex.Pattern STAFF_IN_MAIL = java.util.regex.Pattern.compile(
            "(?<![\\p{IsHan}々ヶ\\p{IsKatakana}ー])(\\p{IsHan}[\\p{IsHan}々ヶ]{0,3})(が|から|より|まで|です|でございます|の)");
    private static final String[] STAFF_VERBS = {"伺", "連絡", "担当", "対応", "参り", "参上", "申し", "電話", "折り返", "不在", "出張",
        "説明", "案内", "送付", "ご相談", "問い合わせ", "問合せ", "お届け", "訪問", "窓口", "休み", "休暇", "早退", "遅刻", "欠勤", "退職",
        "異動", "伝言", "外出", "直帰", "有給", "在宅勤務"};
    /** What only a person has, right after the surname and の (石井の住所変わったので, 山田の携帯): a colleague named in a chat. */
    private static final String[] OWN = {"住所", "電話番号", "携帯", "連絡先", "メアド", "誕生日", "奥さん", "旦那", "子ども", "お子さん"};
    private static final String[] POSTS = {"後任は", "前任は", "担当は", "担当者は", "窓口は", "責任者は"};

    private void staffInMail(String text, List<Finding> out, int first) {
        // the pattern is tried only in the few characters before each of its words (a staff's verb, what a person has, a
        // post's word after it): run over every kanji of every cell, it cost a scan of free text about a tenth of its time
        int from = 0; // where the next window may start: each match is read once
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!STAFF_FIRSTS.get(c)) {
                continue;
            }
            boolean verb = startsWithAny(text, i, STAFF_VERBS);
            boolean own = !verb && startsWithAny(text, i, OWN) && i > 0 && text.charAt(i - 1) == 'の';
            if (!verb && !own && !startsWithAny(text, i, POSTS)) {
                continue;
            }
            int ws = Math.max(from, own ? i - 6 : verb ? i - 20 : i);
            int we = own ? i : verb ? i : Math.min(text.length(), i + 12);
            if (ws >= we) {
                continue;
            }
            java.util.regex.Matcher m = STAFF_IN_MAIL.matcher(text).region(ws, we).useTransparentBounds(true);
            while (m.find()) {
                staffMatch(text, m, out, first);
            }
            from = we;
        }
    }

    /** The first characters of {@link #STAFF_VERBS}, {@link #OWN} and {@link #POSTS}. */
    private static final java.util.BitSet STAFF_FIRSTS = new java.util.BitSet(65536);

    static {
        for (String[] words : List.of(STAFF_VERBS, OWN, POSTS)) {
            for (String w : words) {
                STAFF_FIRSTS.set(w.charAt(0));
            }
        }
    }

    private void staffMatch(String text, java.util.regex.Matcher m, List<Finding> out, int first) {
        int s = m.start(1);
        int e = m.end(1);
        if (e - s < 2) {
            return;
        }
        // what follows first (strings only), the dictionary after: most kanji before の or が name no one
        boolean of = m.group(2).equals("の");
        boolean said = of ? startsWithAny(text, m.end(), OWN) : m.group(2).startsWith("で") ? endsWithAny(text, s, POSTS) : staffVerbAfter(text, m.end());
        if (!said || confidentAt(out, first, s, e) || !Morphology.hasEntry(text, s, e, SEI) || Morphology.tokens(text, s, e).size() != 1
                || Morphology.hasEntry(text, s, e, MEI) || s > 1 && isSpace(text.charAt(s - 1)) && isKanjiAt(text, s - 2)
                || titleOrRole(text.substring(s, e)) || commonWord(text, s, e) || dictionaryWord(text, s, e)
                || anchors.isPlaceName(text.substring(s, e)) && !m.group(2).equals("が") && !of) { // 福岡まで出張
            return; // a word, a place but as the subject (山田が伺います), a given name too (東 美穂まで)
        }
        out.add(new Finding(PiiType.PERSON, s, e, 0.6, false, text.substring(s, e)));
    }

    /** An age in brackets somewhere: （35）, (４５). */
    private static boolean ageInBrackets(String text) {
        for (int i = text.indexOf('（') >= 0 ? 0 : text.indexOf('('); i >= 0 && i + 1 < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '（' || c == '(') && Chars.isDigit(text.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** One of {@code words} ends at {@code at} (出席者：, 後任は加藤です). */
    private static boolean endsWithAny(String text, int at, String[] words) {
        for (String w : words) {
            if (at >= w.length() && text.startsWith(w, at - w.length())) {
                return true;
            }
        }
        return false;
    }

    /** A staff's verb in the rest of the clause, within 14 characters (田中から折り返しご連絡します). */
    private static boolean staffVerbAfter(String text, int from) {
        int to = Math.min(text.length(), from + 14);
        for (int i = from; i < to && "。\n".indexOf(text.charAt(i)) < 0; i++) {
            if (startsWithAny(text, i, STAFF_VERBS)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A rare surname with its reading in brackets before the given name, as papers print one (無職大豆生田（おおまめうだ）健二
     * 容疑者（45）, 月見里（やまなし）聡さん): three findings — the surname, its reading and the given name — and the surname marks
     * its later mentions (大豆生田容疑者は). The word after the given name must say a person: an honorific, the news's word for the
     * accused, or an age in brackets.
     */
    private static final java.util.regex.Pattern READING_BETWEEN = java.util.regex.Pattern.compile(
            "(?<![\\p{IsHan}々ヶ])(\\p{IsHan}[\\p{IsHan}々ヶ]{1,7})（(\\p{IsHiragana}{2,10})）(\\p{IsHan}{1,3}?)(?=さん|様|氏|君|くん|ちゃん|容疑者|被告|受刑者|選手|（[0-9０-９]{1,3}）)");

    private void readingBetween(String text, List<Finding> out, int first, List<int[]> full) {
        boolean reading = false; // a bracket that opens on hiragana somewhere: most texts have none
        for (int open = text.indexOf('（'); open >= 0 && !reading; open = text.indexOf('（', open + 1)) {
            reading = Morphology.isHiragana(Chars.at(text, open + 1));
        }
        if (!reading) {
            return;
        }
        java.util.regex.Matcher m = READING_BETWEEN.matcher(text);
        while (m.find()) {
            int l = m.start(1);
            int e = m.end(1);
            int s = afterGluedWord(text, l, e, false);
            if (e - s < 2 || e - s > 5 || anchors.isPlaceName(text.substring(s, e)) || !allGivenKanji(text, m.start(3), m.end(3))) {
                continue;
            }
            int from = s;
            for (int[] span : new int[][] {{s, e}, {m.start(2), m.end(2)}, {m.start(3), m.end(3)}}) {
                Finding.addOver(out, first, new Finding(PiiType.PERSON, span[0], span[1], 0.85, false, text.substring(span[0], span[1])),
                        f -> f.type() == PiiType.PERSON && f.start() >= from && f.end() <= m.end(3));
            }
            full.add(new int[] {s, e, m.start(3), m.end(3)});
        }
    }

    /** A mail's closing words, after which a line of a surname alone signs it. */
    private static final java.util.regex.Pattern CLOSING = java.util.regex.Pattern.compile(
            "(?:よろしくお願い(?:いた|致)?します|よろしくお願い申し上げます|宜しくお願い(?:いた|致)?します|以上(?:です|、よろしくお願いします)?|取り急ぎ(?:ご連絡まで|用件のみにて)?)[。．！!]?[ 　]*\\R(?:[ 　]*\\R)*[ 　]*(\\p{IsHan}[\\p{IsHan}々ヶ]{0,3})[ 　]*(?=\\R|$)");
    /** A stamp's field on a form: its word, the surname, 印 (承認　佐々木　印, 確認者 田中 ㊞). */
    private static final java.util.regex.Pattern STAMP = java.util.regex.Pattern.compile(
            "(?:承認|確認|決裁|起案|作成|担当|検印|承認者|確認者|作成者|担当者)[ 　]+(\\p{IsHan}[\\p{IsHan}々ヶ]{0,3})[ 　]*[印㊞]");

    /**
     * A surname alone that signs a mail after its closing words (よろしくお願いいたします。⏎石田) or fills a stamp's field (承認　佐々木　印):
     * a word the dictionary tags as a surname, not a common word.
     */
    private void signedSurnames(String text, List<Finding> out, int first) {
        if (text.indexOf('印') < 0 && text.indexOf('㊞') < 0 && text.indexOf("お願い") < 0 && text.indexOf("以上") < 0
                && text.indexOf("取り急ぎ") < 0) {
            return;
        }
        for (java.util.regex.Pattern p : List.of(CLOSING, STAMP)) {
            java.util.regex.Matcher m = p.matcher(text);
            while (m.find()) {
                int s = m.start(1);
                int e = m.end(1);
                if (Morphology.hasEntry(text, s, e, SEI) && !commonWord(text, s, e) && !titleOrRole(text.substring(s, e))
                        && !isDepartment(text, s, e) && e - s >= 2 && !anchors.isPlaceName(text.substring(s, e))) { // not 熊本, 西
                    Finding.addOver(out, first, new Finding(PiiType.PERSON, s, e, 0.6, false, text.substring(s, e)),
                            f -> f.type() == PiiType.PERSON && (f.value().endsWith("印") || f.value().endsWith("㊞") || !confident(f)));
                }
            }
        }
    }

    /**
     * A given name after a relation joined by ・ or a colon (同居家族　妻・恵子（42）, 妻：恵子、長男：大翔), as a form's family
     * box writes it: kanji a given name takes, or after ・ kana of the lists, then the field's end.
     */
    private void kinJoinedGiven(String text, List<Finding> out, int first) {
        for (int p = 1; p + 1 < text.length(); p++) {
            char c = text.charAt(p);
            if (isKanjiAt(text, p)) {
                agedKin(text, p, out, first); // 長男湊斗（６）
                continue;
            }
            if (c != '・' && c != '：' && c != ':' || anchors.endingAt(NameAnchors.Kind.KIN, text, p) == 0) {
                continue;
            }
            int s = p + 1;
            int e = s;
            boolean kanji = isKanjiAt(text, s);
            if (!kanji && c != '・') {
                continue; // 母：そうそう、 母：はい: a chat's speaker and what she says
            }
            while (e < text.length() && e - s < 5 && (kanji ? isKanjiAt(text, e) : Morphology.isHiragana(text.charAt(e))
                    || Morphology.isKatakana(text.charAt(e)))) {
                e++;
            }
            boolean ends = e == text.length() || "（(、，,。 　）)\n\t・".indexOf(text.charAt(e)) >= 0;
            boolean given = kanji ? e - s <= 3 && allGivenKanji(text, s, e) && !dictionaryWord(text, s, e)
                    : e - s >= 2 && LatinNames.kanaGiven(text.substring(s, e));
            if (ends && given && !anchors.is(NameAnchors.Kind.KIN, text, s, e) && !confidentAt(out, first, s, e)
                    && !(e - s == 1 && "有無同可否済未要不".indexOf(text.charAt(s)) >= 0) // 配偶者：有, 子：無: a form's answer
                    && OCCUPATION_END.indexOf(text.charAt(e - 1)) < 0 && ROLE_END.indexOf(text.charAt(e - 1)) < 0) { // 妻：保育士
                out.add(new Finding(PiiType.PERSON, s, e, 0.6, false, text.substring(s, e)));
            }
        }
    }

    /**
     * A given name glued after a relation, with an age in brackets after it (長男湊斗（６）は一時保護された, 妻恵子（42）): the way
     * 児相 and DV records list a family. The relation is one of the family (not 被告人 or 証人), the name one to three kanji a
     * given name takes and no word of the dictionary.
     */
    private void agedKin(String text, int s, List<Finding> out, int first) {
        int kin = anchors.endingAt(NameAnchors.Kind.KIN, text, s);
        if (kin == 0 || FAMILY_KIN.indexOf(text.charAt(s - 1)) < 0 || s - kin > 0 && isKanjiAt(text, s - kin - 1)) {
            return;
        }
        int e = s;
        while (e < text.length() && e - s < 4 && isKanjiAt(text, e)) {
            e++;
        }
        if (e - s > 3 || e + 2 >= text.length() || text.charAt(e) != '（' && text.charAt(e) != '(' || !Chars.isDigit(text.charAt(e + 1))
                || !allGivenKanji(text, s, e) || dictionaryWord(text, s, e) || confidentAt(out, first, s, e)) {
            return;
        }
        out.add(new Finding(PiiType.PERSON, s, e, 0.6, false, text.substring(s, e)));
    }

    /** The last kanji of a family relation (長男, 次女, 妻, 夫, 息子, 娘, 孫, 父, 母…), not of a role in a case (被告人, 証人). */
    private static final String FAMILY_KIN = "男女妻夫子娘孫父母兄弟姉妹";

    /** A couple: a full name, ・, the spouse's given name, then 夫妻 or 夫婦 (山田太郎・花子ご夫妻). */
    private static final java.util.regex.Pattern COUPLE = java.util.regex.Pattern.compile(
            "・([\\p{IsHan}]{1,3}|[\\p{IsHiragana}]{2,4}|[\\p{IsKatakana}ー]{2,5})(?:ご|御)?(?:夫妻|夫婦)");

    private void couples(String text, List<Finding> out, int first) {
        if (text.indexOf("夫妻") < 0 && text.indexOf("夫婦") < 0) {
            return;
        }
        java.util.regex.Matcher m = COUPLE.matcher(text);
        while (m.find()) {
            int dot = m.start();
            boolean afterName = false;
            for (int k = first; k < out.size(); k++) {
                afterName |= confident(out.get(k)) && out.get(k).end() == dot;
            }
            if (afterName && !confidentAt(out, first, m.start(1), m.end(1))) {
                out.add(new Finding(PiiType.PERSON, m.start(1), m.end(1), 0.7, false, m.group(1)));
            }
        }
    }

    /** Most surnames one line of a roster gives (a longer line is text pulled out of a PDF): each costs a look at the others. */
    private static final int MAX_ROSTER_NAMES = 32;

    /** A day of the week and a colon before a duty's surname (当番表　月：田中　火：佐藤). */
    private static final java.util.regex.Pattern DUTY_DAY = java.util.regex.Pattern.compile(
            "(?<![\\p{IsHan}])[月火水木金土日][曜]?[日]?[：:]([\\p{IsHan}々ヶ]{1,4})(?=[ 　\\t、,]|$)", java.util.regex.Pattern.MULTILINE);

    /**
     * Surnames alone in a roster's layouts (school 連絡網, 回覧板, 当番表, 座席表), where the surname is all a line gives:
     * a chain joined by arrows (長谷川（070-…）→ 宮本（090-…）→ 担任へ, 竹下 → 吉永 → 原田), a seal after each (竹下 ㊞　吉永 ㊞),
     * days of a duty roster (月：田中　火：佐藤), and a line of three or more separated by blanks (窓側　岩崎　中島　小西). Each is a
     * surname of the dictionary and no title, place or word ({@link #plainSurname}); a chain or a roster needs two of them,
     * a line of blanks three, and a finding that joined two of them (岩崎　中島 as a surname and a given name) gives way.
     */
    private void rosterSurnames(String text, List<Finding> out, int first) {
        boolean arrows = text.indexOf('→') >= 0 || text.indexOf('⇒') >= 0;
        boolean seals = text.indexOf('㊞') >= 0;
        boolean days = text.indexOf('：') >= 0 || text.indexOf(':') >= 0;
        boolean blanks = text.indexOf('\u3000') >= 0 || text.indexOf(' ') >= 0;
        if (!arrows && !seals && !days && !blanks) {
            return;
        }
        List<int[]> names = new ArrayList<>(4);
        for (int ls = 0; ls < text.length(); ) {
            int le = Chars.lineEnd(text, ls);
            names.clear();
            if (arrows || seals) {
                for (int i = ls; i < le; ) { // runs of kanji between arrows, seals, blanks and bracketed phones
                    if (!isKanjiAt(text, i)) {
                        i++;
                        continue;
                    }
                    int e = i;
                    while (e < le && (isKanjiAt(text, e) || text.charAt(e) == '々' || text.charAt(e) == 'ヶ')) {
                        e++;
                    }
                    int after = e;
                    while (after < le && isSpace(text.charAt(after))) {
                        after++;
                    }
                    if (after < le && (text.charAt(after) == '（' || text.charAt(after) == '(')) {
                        int close = Chars.indexIn(text, text.charAt(after) == '（' ? "）" : ")", after, le);
                        after = close > after && Chars.hasDigit(text, after, close) ? close + 1 : after;
                        while (after < le && isSpace(text.charAt(after))) {
                            after++;
                        }
                    }
                    char next = after < le ? text.charAt(after) : '\n';
                    char prev = i > ls ? text.charAt(i - 1) : '\n';
                    boolean linked = next == '→' || next == '⇒' || next == '㊞' || next == '\n' && (prev == '→' || prev == '⇒' || isSpace(prev));
                    boolean start = i == ls || isSpace(prev) || prev == '→' || prev == '⇒' || prev == '：' || prev == ':';
                    if (linked && start && e - i <= 4 && Morphology.hasEntry(text, i, e, SEI) && plainSurname(text, i, e)) {
                        names.add(new int[] {i, e});
                    }
                    i = e;
                }
            }
            if (names.size() < 2 && days) {
                names.clear();
                java.util.regex.Matcher m = DUTY_DAY.matcher(text).region(ls, le);
                while (m.find()) {
                    if (Morphology.hasEntry(text, m.start(1), m.end(1), SEI) && plainSurname(text, m.start(1), m.end(1))) {
                        names.add(new int[] {m.start(1), m.end(1)});
                    }
                }
            }
            if (names.size() < 2 && blanks) {
                names.clear();
                blankSurnames(text, ls, le, names);
            }
            if (names.size() >= 2 && names.size() <= MAX_ROSTER_NAMES) {
                for (int[] x : names) {
                    Finding f = new Finding(PiiType.PERSON, x[0], x[1], 0.6, false, text.substring(x[0], x[1]));
                    Finding.addOver(out, first, f, g -> g.type() == PiiType.PERSON && g.confidence() < 0.9
                            && (g.confidence() < f.confidence() || g.start() < x[0] || g.end() > x[1]));
                }
            }
            ls = le + 1;
        }
    }

    /**
     * A line of three or more surnames separated by blanks, perhaps after a heading (窓側　岩崎　中島　小西): every word after the
     * first is a surname of the dictionary of two kanji or more (not 東 京　本 社, a heading spread), two of them no place's
     * name, and no other word stands on the line.
     */
    private void blankSurnames(String text, int ls, int le, List<int[]> names) {
        List<int[]> words = new ArrayList<>(6);
        for (int i = ls; i < le; ) {
            if (words.size() > MAX_ROSTER_NAMES) {
                return; // a line of text pulled out of a PDF, not a seating chart's row
            }
            if (isSpace(text.charAt(i))) {
                i++;
                continue;
            }
            int e = i;
            while (e < le && !isSpace(text.charAt(e))) {
                e++;
            }
            words.add(new int[] {i, e});
            i = e;
        }
        int plain = 0;
        for (int k = 0; k < words.size(); k++) {
            int[] w = words.get(k);
            boolean surname = w[1] - w[0] >= 2 && w[1] - w[0] <= 4 && all(text, w[0], w[1], 'c') && Morphology.hasEntry(text, w[0], w[1], SEI);
            boolean notPlace = surname && plainSurname(text, w[0], w[1]);
            if (notPlace || surname && anchors.isPlaceName(text.substring(w[0], w[1]))) { // 中島 among 岩崎 and 小西
                names.add(w);
                plain += notPlace ? 1 : 0;
            } else if (k > 0) {
                names.clear(); // another word among them: a sentence or a form, not a line of surnames
                return;
            }
        }
        if (names.size() < 3 || plain < 2) {
            names.clear();
        }
    }

    /**
     * A married name with the 旧姓 in brackets, the way 同窓会名簿 and クラス会 lists write women: between the surname and the given
     * name (鈴木（中村）恵子, 井上（旧姓　坂本）真理), or after the full name with 旧姓 or 旧 (村田聡子（旧・岡）).
     */
    private static final java.util.regex.Pattern MAIDEN = java.util.regex.Pattern.compile(
            "(?<![\\p{IsHan}々ヶ])([\\p{IsHan}々ヶ]{1,4})[（(](旧姓|旧)?[ 　・:：]?([\\p{IsHan}々ヶ]{1,3})[）)]([\\p{IsHan}々]{1,3})?(?![\\p{IsHan}々])");

    /**
     * The names of {@link #MAIDEN}: the 旧姓 a surname of the dictionary; between the surname and the given name, both as well
     * (a surname of the dictionary, a given name of the dictionary or of given-name-kanji.tsv); after a full name, only with
     * 旧姓 or 旧 (山田（本名）, 東京（本社） say something else).
     */
    private void maidenNames(String text, List<Finding> out, int first) {
        if (text.indexOf('（') < 0 && text.indexOf('(') < 0) {
            return;
        }
        java.util.regex.Matcher m = MAIDEN.matcher(text);
        while (m.find()) {
            boolean marked = m.group(2) != null;
            int ys = m.start(3);
            int ye = m.end(3);
            if (!Morphology.hasEntry(text, ys, ye, SEI) || !plainSurname(text, ys, ye)) {
                continue;
            }
            if (m.group(4) != null) {
                int xs = m.start(1);
                int xe = m.end(1);
                int zs = m.start(4);
                int ze = m.end(4);
                boolean given = Morphology.hasEntry(text, zs, ze, MEI) || allGivenKanji(text, zs, ze);
                if (!Morphology.hasEntry(text, xs, xe, SEI) || !plainSurname(text, xs, xe) || !given || roleWord(text, zs, ze)) {
                    continue;
                }
                double conf = marked ? 0.85 : 0.8;
                out.add(new Finding(PiiType.PERSON, xs, xe, conf, false, text.substring(xs, xe)));
                out.add(new Finding(PiiType.PERSON, ys, ye, conf, false, text.substring(ys, ye)));
                out.add(new Finding(PiiType.PERSON, zs, ze, conf, false, text.substring(zs, ze)));
            } else if (marked) {
                out.add(new Finding(PiiType.PERSON, ys, ye, 0.85, false, text.substring(ys, ye)));
            }
        }
    }

    /** Where a surname after a title ends: the line's end, a blank, a bracket, a comma, a slash or one of {@link #AFTER_TITLED}. */
    private static final String TITLED_END = "\n\r \u3000、，,）)」』】・/／";
    private static final String[] AFTER_TITLED = {"より", "から", "へ", "が", "は", "に", "と", "も", "の", "まで", "です", "にて", "宛"};

    /**
     * A surname alone after a profession or a post and one blank (保健師 高橋, 校長 村瀬, 児童福祉司 大谷, Ns 本多), or glued to one
     * written in Latin letters (PT小田切より, Dr.宇田川へ): the staff who sign a nursing note, a care plan or a 児相 record. The
     * surname is two to four kanji the dictionary knows as a surname and no title, place or word ({@link #plainSurname}), ending
     * at {@link #TITLED_END} or a particle (not PT室, 看護師 宅).
     */
    private void titledSurnames(String text, List<Finding> out, int first) {
        int n = text.length();
        for (int s = 1; s < n; s++) {
            if (!isKanjiAt(text, s) || isKanjiAt(text, s - 1)) {
                continue;
            }
            char before = text.charAt(s - 1);
            int t = 0;
            if (before == ' ' || before == '\u3000') {
                t = anchors.endingAt(NameAnchors.Kind.TITLE, text, s - 1);
                t = t > 0 ? t + 1 : 0;
            } else if (before < 0x80 && (Character.isLetter(before) || before == '.')) {
                t = anchors.endingAt(NameAnchors.Kind.TITLE, text, s); // PT小田切, Dr.宇田川
                if (t > 0 && Character.isLetter(text.charAt(s - t)) && !Character.isUpperCase(text.charAt(s - t))) {
                    t = 0;
                }
            }
            if (t == 0 || s - t > 0 && Character.isLetterOrDigit(text.charAt(s - t - 1)) && text.charAt(s - t - 1) < 0x80) {
                continue; // not the end of a longer Latin word (HOST 田中)
            }
            int e = s;
            while (e < n && e - s < 5 && isKanjiAt(text, e)) {
                e++;
            }
            if (e - s > 4 || e < n && isKanjiAt(text, e)) {
                continue;
            }
            boolean plainEnd = e == n || TITLED_END.indexOf(text.charAt(e)) >= 0;
            boolean particle = false;
            for (String w : AFTER_TITLED) {
                particle |= text.startsWith(w, e);
            }
            if (e - s < 2 || !(plainEnd || particle) || !Morphology.hasEntry(text, s, e, SEI) || !plainSurname(text, s, e)
                    || Finding.overlapsAny(out, first, s, e)) {
                continue;
            }
            out.add(new Finding(PiiType.PERSON, s, e, 0.6, false, text.substring(s, e)));
        }
    }

    /** A firm's word for itself before a member of its staff named by surname (弊社大豆生田が, 当社の山田より). */
    private static final java.util.regex.Pattern OUR_STAFF = java.util.regex.Pattern.compile(
            "(?:弊社|当社|小社|弊所|当店|弊店)の?([\\p{IsHan}][\\p{IsHan}ヶノ々]{0,4}|[\\p{IsKatakana}][\\p{IsKatakana}ー]{1,7})"
                    + "(?=が|は|より|から|にて|まで|へ|も|を|に)");

    /**
     * A firm's letter or mail naming one of its own by surname after 弊社 or 当社 (先日は弊社大豆生田がお電話で…, 弊社グエンが担当
     * いたします), when the dictionary reads a proper noun in it (大豆|生田) or the katakana is a name of the lists. Not words
     * (弊社製品, 弊社社長, 弊社営業部, 弊社担当者, 当社従業員数, 弊社アプリ), nor a branch named after its place (弊社大阪より).
     */
    private void ourStaff(String text, List<Finding> out, int first) {
        if (text.indexOf('社') < 0 && text.indexOf('店') < 0 && text.indexOf('所') < 0) {
            return;
        }
        java.util.regex.Matcher m = OUR_STAFF.matcher(text);
        while (m.find()) {
            int s = m.start(1);
            int e = m.end(1);
            String w = m.group(1);
            boolean katakana = Morphology.isKatakana(w.charAt(0));
            if (e - s >= 2 && (katakana ? LatinNames.kanaGiven(w) || LatinNames.kanaSurname(w) // not 弊社アプリ, 弊社振込先口座
                    : properNoun(Morphology.tokens(text, s, e), s, e))
                    && !branchPlace(w) && "町橋駅通丁".indexOf(w.charAt(w.length() - 1)) < 0 // 弊社東京, 当店新宿, 弊所大手町
                    && !dictionaryWord(text, s, e) && !commonWord(text, s, e) && !titleOrRole(w) && !kinWord(w)
                    && !isDepartment(text, s, e) && !endsWithOrgSuffix(w) && ROLE_END.indexOf(w.charAt(w.length() - 1)) < 0
                    && !confidentAt(out, first, s, e)) {
                out.add(new Finding(PiiType.PERSON, s, e, 0.6, false, w));
            }
        }
    }

    /**
     * A sumo bout as the results print it: winner ○, the winning technique (決まり手, by how its names end) in brackets, loser
     * ● (○鷲ノ里（寄り切り）蒼國山●); not a rugby or shogi result (○早稲田（逆転）明治●, ○先手（投了）後手●).
     */
    private static final java.util.regex.Pattern BOUT = java.util.regex.Pattern.compile(
            "(?m)^[○●□■]([\\p{IsHan}][\\p{IsHan}ノ乃ヶの]{1,4})（[\\p{IsHiragana}\\p{IsHan}]{0,6}"
                    + "(?:切り|出し|倒し|落とし|込み|投げ|掛け|返し|透かし|ひねり|捻り|とったり|うっちゃり|勇み足|腰砕け|不戦|不戦勝|反則)）"
                    + "([\\p{IsHan}][\\p{IsHan}ノ乃ヶの]{1,4})[○●□■]");
    /** A wrestler's ranks, and 年寄 for an elder: glued before a ring name (元小結天ノ嶽, 十両若ノ海ら). */
    private static final String[] SUMO_RANKS = {"横綱", "大関", "関脇", "小結", "前頭", "幕内", "十両", "幕下", "三段目", "序二段", "序ノ口", "年寄"};
    private static final java.util.regex.Pattern RANK_THEN_RING_NAME = java.util.regex.Pattern.compile(
            "(?:" + String.join("|", SUMO_RANKS) + ")([\\p{IsHan}][\\p{IsHan}ノ乃ヶ]{1,4})(?![\\p{IsHan}ノ乃ヶ々])");

    /** True when the text holds a character of a rank or a bout's mark: most texts do not, and are not searched. */
    private static boolean maySpeakOfSumo(String text) {
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '綱', '関', '結', '両', '幕', '段', '寄', '頭', '○', '●' -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    /**
     * Sumo wrestlers by their ring names (四股名), which no dictionary has: in a bout's result line, or glued after a rank
     * (元関脇若霧, 幕内若乃翼); then the same ring name wherever else it stands alone in the text (若ノ海は右足首の…). Not a word
     * after the rank (幕内優勝, 十両昇進, 大関以下).
     */
    private void ringNames(String text, List<Finding> out, int first) {
        if (!maySpeakOfSumo(text)) {
            return;
        }
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        java.util.regex.Matcher m = BOUT.matcher(text);
        while (m.find()) {
            for (int g = 1; g <= 2; g++) {
                if (!anchors.isPlaceName(m.group(g)) && !endsWithOrgSuffix(m.group(g))) {
                    names.add(m.group(g)); // the technique between them says they are wrestlers: 玄武海, 大雪嶺 are words run together
                }
            }
        }
        m = RANK_THEN_RING_NAME.matcher(text);
        while (m.find()) {
            int s = m.start(1);
            int e = m.end(1);
            List<Morphology.Token> ts = Morphology.tokens(text, Math.max(0, m.start() - 2), Math.min(text.length(), e + 2));
            // the dictionary's words start and end with it: not 大|関係者, 小|結城|町, 十両|箱入り
            boolean words = ts.stream().anyMatch(t -> t.start() == s) && ts.stream().anyMatch(t -> t.end() == e);
            if (words && ringName(text, s, e)) {
                names.add(m.group(1));
            }
        }
        everywhere(text, names, (a, b) -> !(Morphology.isKanji(Chars.at(text, b)) || "ノ乃々".indexOf(Chars.at(text, b)) >= 0)
                && (!(Morphology.isKanji(Chars.at(text, a - 1)) || Morphology.isKatakana(Chars.at(text, a - 1))) || rankBefore(text, a)),
                out, first);
    }

    /**
     * Each of {@code names} wherever the text writes it and {@code alone} holds for its span, as a name; at most
     * {@link #MAX_LISTED} names, each searched through the whole text.
     */
    private void everywhere(String text, java.util.Set<String> names, java.util.function.BiPredicate<Integer, Integer> alone,
            List<Finding> out, int first) {
        Cover cov = new Cover(out, first); // not a pass over the findings for each mention: a day's results name thousands
        for (String w : names.stream().limit(MAX_LISTED).toList()) {
            for (int a = text.indexOf(w); a >= 0; a = text.indexOf(w, a + 1)) {
                int b = a + w.length();
                if (alone.test(a, b) && !cov.covered(a, b)) {
                    out.add(new Finding(PiiType.PERSON, a, b, 0.6, false, w));
                }
            }
        }
    }

    /**
     * A ring name after a rank, as far as the dictionary can tell: not one word, nothing it has as a verbal or adjectival noun
     * (最高|優勝, 審議|委員会, 白星|発進), not a place or an organisation. Ring names are common nouns run together (若|霧).
     */
    private boolean ringName(String text, int s, int e) {
        String w = text.substring(s, e);
        List<Morphology.Token> ts = Morphology.tokens(text, s, e);
        return !commonWord(text, s, e) && !dictionaryWord(text, s, e) && !endsWithOrgSuffix(w) && !anchors.isPlaceName(w)
                && ts.stream().noneMatch(t -> t.is("名詞-サ変接続") || t.is("名詞-形容動詞語幹") || t.is("名詞-副詞可能")
                        || t.is("名詞-固有名詞-組織"));
    }

    private static boolean rankBefore(String text, int a) {
        for (String r : SUMO_RANKS) {
            if (text.startsWith(r, a - r.length())) {
                return true;
            }
        }
        return false;
    }

    /** An item of a baseball game's box score: ▽, what was done, a blank, then the players (▽本塁打　鬼頭３号③（李）). */
    private static final java.util.regex.Pattern BOX_LINE = java.util.regex.Pattern.compile(
            "▽(?:本塁打|三塁打|二塁打|盗塁|失策|犠打|犠飛|併殺|暴投|捕逸|野選|審判)[ 　]+([^\\n▽]{1,80})");
    /** The heading of such a line and its blank, at a finding's start. */
    private static final java.util.regex.Pattern BOX_HEADING = java.util.regex.Pattern.compile(
            "(?:本塁打|三塁打|二塁打|盗塁|失策|犠打|犠飛|併殺|暴投|捕逸|野選|審判)[ 　]+");
    /** A name in a box score's own words: two to five kanji, a katakana name, or a name in (full-width) capitals. */
    private static final String BOX_NAME = "(?:[\\p{IsHan}][\\p{IsHan}ノヶ々]{1,4}|[\\p{IsKatakana}][\\p{IsKatakana}ー]{1,7}|[A-ZＡ-Ｚ][A-ZＡ-Ｚ]{1,11})";
    /** A line of a batting table under 打安点: its batting position, the player, then at-bats, hits and runs batted in. */
    private static final java.util.regex.Pattern BATTING_LINE = java.util.regex.Pattern.compile(
            "(?m)^[ 　]*(?:[（(][0-9０-９]{1,2}[）)]|[0-9０-９]{1,2}[ 　])[ 　]*(" + BOX_NAME + ")[ 　]+[0-9０-９]{3}[ 　]*$");
    /** A game's line score: innings in groups of three digits, then the total (０００　１０２　０００＝３). */
    private static final java.util.regex.Pattern LINE_SCORE = java.util.regex.Pattern.compile(
            "[0-9０-９xｘ×]{3}[ 　][0-9０-９xｘ×]{3}.*[＝=][0-9０-９]");
    /** The batteries under a line score: a team's mark in brackets, its pitchers joined by 、, then ― and the catcher. */
    private static final java.util.regex.Pattern BATTERY_LINE = java.util.regex.Pattern.compile(
            "(?m)^[ 　]*[（(][\\p{IsHan}\\p{IsKatakana}]{1,3}[）)](" + BOX_NAME + "(?:、" + BOX_NAME + ")*[―－]" + BOX_NAME + ")[ 　]*$");

    /**
     * A player or an umpire in such a line: a surname of two kanji or more or a name in katakana, then a count or a rank
     * (３号③); not one kanji, which is a team's mark there ((鶴), 鶴２).
     */
    private static final java.util.regex.Pattern BOX_ITEM = java.util.regex.Pattern.compile(
            "(?<![\\p{IsHan}ノヶ\\p{IsKatakana}ー０-９0-9])([\\p{IsHan}][\\p{IsHan}ノヶ々]{1,4}|[\\p{IsKatakana}][\\p{IsKatakana}ー]{1,7})(?=[０-９0-9]|[、（）()①-⑳ 　]|$)");

    /**
     * An item of a box score that is a player or an umpire: not in brackets (鬼頭３号（李）: the pitcher's side is a team's
     * mark as often, 佐藤（明徳義塾）), not a count after a team (大阪桐蔭１, 鶴２; a player's is a number of home runs, ３号), not
     * where an umpire stands, a place, a school, a firm or a word.
     */
    private boolean boxPlayer(String text, int s, int e) {
        String w = text.substring(s, e);
        int d = e;
        while (d < text.length() && (Character.isDigit(text.charAt(d)))) {
            d++;
        }
        if (s > 0 && Chars.isOpenParen(text.charAt(s - 1)) || d > e && (d == text.length() || text.charAt(d) != '号')) {
            return false;
        }
        if (UMPIRES_PLACES.contains(w) || anchors.isPlaceName(w) || endsWithOrgSuffix(w) || anchors.is(NameAnchors.Kind.TITLE, w, 0, w.length())
                || w.endsWith("義塾") || w.endsWith("学院") || w.endsWith("学園") || w.length() >= 3 && "高工商".indexOf(w.charAt(w.length() - 1)) >= 0) {
            return false;
        }
        return !commonWord(text, s, e) && !dictionaryWord(text, s, e)
                && Morphology.tokens(text, s, e).stream().noneMatch(t -> t.is("名詞-固有名詞-組織") || t.is("名詞-固有名詞-地域"));
    }

    /** A place's name among the umpires of a box score (▽審判　（球）廿楽（塁）日野、府中): a surname there. */
    private boolean umpireNamedLikeAPlace(String text, int s, int e) {
        int v = text.lastIndexOf('▽', s);
        return v >= 0 && text.startsWith("審判", v + 1) && anchors.isPlaceName(text.substring(s, e))
                && !(s > 0 && Chars.isOpenParen(text.charAt(s - 1)));
    }

    private static boolean hasHiragana(String text, int s, int e) {
        for (int i = s; i < e; i++) {
            if (Morphology.isHiragana(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Where the umpires stand, in brackets before their names: （球）廿楽（塁）日野. */
    private static final Set<String> UMPIRES_PLACES = Set.of("球", "塁", "線", "外", "一塁", "二塁", "三塁", "左", "右");

    /**
     * The players and umpires a baseball game's box score names by surname (▽二塁打　ムーア、一ノ瀬, ▽審判　（球）廿楽（塁）日野、府中),
     * then the same surnames where the report before it names them alone (六回には髙橋、一ノ瀬の連続適時打).
     */
    private void boxScore(String text, List<Finding> out, int first) {
        if (text.indexOf('▽') < 0) {
            return;
        }
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        java.util.regex.Matcher line = BOX_LINE.matcher(text);
        while (line.find()) {
            if (hasHiragana(text, line.start(1), line.end(1))) {
                continue; // ▽失策　経営陣の…: prose after the ▽, not a box score's list
            }
            java.util.regex.Matcher m = BOX_ITEM.matcher(text).region(line.start(1), line.end(1));
            while (m.find()) {
                if (boxPlayer(text, m.start(1), m.end(1))) {
                    names.add(m.group(1));
                } else if (umpireNamedLikeAPlace(text, m.start(1), m.end(1)) && !confidentAt(out, first, m.start(1), m.end(1))) {
                    // （塁）日野、府中: surnames of places, taken where the box score names them and nowhere else (大阪に移動)
                    out.add(new Finding(PiiType.PERSON, m.start(1), m.end(1), 0.6, false, m.group(1)));
                }
            }
        }
        for (int k = first; k < out.size(); k++) { // ▽三塁打　石田健: the line's heading is no part of the name after it
            Finding f = out.get(k);
            java.util.regex.Matcher h = BOX_HEADING.matcher(f.value());
            if (f.type() == PiiType.PERSON && h.lookingAt() && h.end() < f.value().length()) {
                out.set(k, new Finding(PiiType.PERSON, f.start() + h.end(), f.end(), f.confidence(), false, f.value().substring(h.end())));
            }
        }
        if (text.contains("打安点")) { // the batting table: （６）小林　４１０, 　１　石田大　１００
            java.util.regex.Matcher m = BATTING_LINE.matcher(text);
            while (m.find()) {
                String w = m.group(1);
                boolean surname = Morphology.hasEntry(text, m.start(1), m.end(1), SEI);
                boolean latin = w.charAt(0) < 0x80 || w.charAt(0) >= 'Ａ' && w.charAt(0) <= 'Ｚ';
                if ((surname || !commonWord(text, m.start(1), m.end(1)) && !dictionaryWord(text, m.start(1), m.end(1))
                        && !anchors.isPlaceName(w)) && !endsWithOrgSuffix(w) && UNIT_END.indexOf(w.charAt(w.length() - 1)) < 0
                        && (!latin || LatinNames.isName(foldLatin(w).toLowerCase(java.util.Locale.ROOT)))) {
                    names.add(w); // not 野球部, 国語, ボールペン, 東京, 赤組, ＡＢＣ
                }
            }
        }
        java.util.regex.Matcher m = BATTERY_LINE.matcher(text); // （西）大塚、宮下―内藤: the team's pitchers, then its catcher
        while (m.find()) {
            int ls = m.start() > 0 ? text.lastIndexOf('\n', m.start() - 2) + 1 : -1;
            int ls2 = ls > 0 ? text.lastIndexOf('\n', ls - 2) + 1 : -1;
            if (!(ls >= 0 && LINE_SCORE.matcher(text).region(ls, m.start()).find() || ls2 >= 0 && LINE_SCORE.matcher(text).region(ls2, m.start()).find())) {
                continue; // only under a game's line score (西陵　０００　１０２　０００＝３): not fixtures, menus or timetables
            }
            for (String w : m.group(1).split("[、―－]")) {
                if (w.length() >= 2) {
                    names.add(w);
                }
            }
        }
        everywhere(text, names, (a, b) -> !(Morphology.isKanji(Chars.at(text, a - 1)) || Morphology.isKatakana(Chars.at(text, a - 1))
                || Chars.at(text, a - 1) == 'ノ') && !(Morphology.isKanji(Chars.at(text, b)) || Morphology.isKatakana(Chars.at(text, b))
                || "ノヶ々".indexOf(Chars.at(text, b)) >= 0), out, first);
    }

    /**
     * A newspaper's personnel notice (人事): items after ▽, each a post, the former post in brackets, then the name with a
     * blank inside (▽熊谷東中校長（日野中教頭）相ヶ瀬 望▽日野中教頭（市教育センター指導主事）宮ノ腰 のぞみ). The brackets and the
     * ▽ say where the name is, whether the dictionary knows its surname or not.
     */
    /** How the name of a post ends (校長, 教頭, 部長, 主事, 常務, 専務, 監査役, 参与). */
    private static final String POST_END = "長頭事務役員官監与任理席補";

    private void personnelNotice(String text, List<Finding> out, int first) {
        int v = text.indexOf('▽');
        if (v < 0 || text.indexOf('▽', v + 1) < 0) {
            return;
        }
        for (; v >= 0; v = text.indexOf('▽', v + 1)) {
            int end = v + 1;
            while (end < text.length() && text.charAt(end) != '▽' && text.charAt(end) != '\n') {
                end++;
            }
            int close = end - 1;
            while (close > v && text.charAt(close) != '）') {
                close--;
            }
            int open = close - 1;
            while (open > v && text.charAt(open) != '（') {
                open--;
            }
            if (open <= v + 1 || POST_END.indexOf(text.charAt(open - 1)) < 0) {
                continue; // ▽１５日（金）運動会, ▽会場（変更あり）東京 会館: no post before the brackets
            }
            int s = close + 1;
            int e = end;
            while (e > s && isSpace(text.charAt(e - 1))) {
                e--;
            }
            int blank = firstBlank(text, s, e);
            if (e - s >= 3 && e - s <= 10 && BLANK_NAME.matcher(text).region(s, e).matches() && !confidentAt(out, first, s, e)
                    && !anchors.isPlaceName(text.substring(s, blank)) && !commonWord(text, s, blank)) {
                out.add(new Finding(PiiType.PERSON, s, e, 0.7, false, text.substring(s, e)));
            }
        }
    }

    /**
     * A given name of one kanji that the text has already named (森 律, 蒼くん), again after a relation and の and before a
     * particle (夫の律は…, 孫の蒼には…): the relative the writer means. Elsewhere such a kanji is too often a word (母の愛は).
     */
    private void relativeByOneKanji(String text, Cover cov, List<Finding> out, int first, List<int[]> full) {
        if (text.indexOf('の') < 0) {
            return;
        }
        java.util.Set<Character> named = new java.util.HashSet<>();
        for (int[] n : full) {
            if (n[3] - n[2] == 1 && Morphology.isKanji(text.charAt(n[2]))) {
                named.add(text.charAt(n[2]));
            }
        }
        for (int k = first; k < out.size(); k++) {
            Finding f = out.get(k);
            if (f.type() == PiiType.PERSON && f.end() - f.start() == 1 && Morphology.isKanji(text.charAt(f.start()))
                    && honorificAt(text, f.end()) > 0) {
                named.add(text.charAt(f.start())); // 蒼くん
            }
        }
        for (char c : named) {
            for (int a = text.indexOf(c); a >= 0; a = text.indexOf(c, a + 1)) {
                if (a < 2 || a + 2 >= text.length() || text.charAt(a - 1) != 'の' || anchors.endingAt(NameAnchors.Kind.KIN, text, a - 1) == 0
                        || "はがにのもと".indexOf(text.charAt(a + 1)) < 0 || cov.covered(a, a + 1)
                        || text.charAt(a + 1) == 'に' && "くた".indexOf(text.charAt(a + 2)) >= 0) {
                    continue; // 夫の律は; not 母の蒼にくい (an adjective's stem)
                }
                out.add(new Finding(PiiType.PERSON, a, a + 1, 0.55, false, String.valueOf(c)));
            }
        }
    }

    /**
     * The dictionary does not read the one kanji at {@code a} as a word of its own in its sentence: not the start of a
     * longer word (実は), nor a common noun, an adverb or a conjunction (光が差し込む). 徹は reads as a name or a verb's noun.
     */
    private static boolean noWordAt(String text, int a) {
        for (Morphology.Token t : Morphology.tokens(text, Math.max(0, a - 6), Math.min(text.length(), a + 6))) {
            if (t.start() == a) {
                return t.end() == a + 1 && !t.is("名詞-一般") && !t.is("副詞") && !t.is("接続詞");
            }
        }
        return false;
    }

    /** The index of the first token starting at or after {@code pos} (tokens are in text order). */
    static int tokenFrom(List<Morphology.Token> ts, int pos) {
        int lo = 0;
        int hi = ts.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ts.get(mid).start() < pos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The names written in kanji with one blank between a surname of two to four kanji and a given name that a rule
     * without a split of its own found (a form's label: 担当：高梨 穂乃果; a spaced name), added to {@code full}, so that
     * they mark the later bare surname (人事課の高梨まで) as a name found by the dictionary does.
     */
    private static void spacedFull(String text, List<Finding> out, int first, List<int[]> full) {
        for (int k = first; k < out.size() && full.size() < MAX_PROPAGATED; k++) { // more are not propagated anyway
            Finding f = out.get(k);
            int s = f.start();
            int e = f.end();
            if (f.type() != PiiType.PERSON || f.confidence() < 0.4 || e - s < 3 || !isKanjiAt(text, s) || !isKanjiAt(text, e - 1)) {
                continue;
            }
            int b = s;
            while (b < e && isKanjiAt(text, b)) {
                b++;
            }
            int g = b;
            while (g < e && isSpace(text.charAt(g))) {
                g++;
            }
            if (g == b || g >= e || b - s < 2 || b - s > 4) {
                continue; // one kanji: a speaker's kin (父 浩, 母 恵子), not a surname
            }
            int end = g;
            while (end < e && isKanjiAt(text, end)) {
                end++;
            }
            if (end != e || e - g > 4) {
                continue;
            }
            boolean known = false;
            for (int[] x : full) {
                known |= x[0] == s && x[3] == e;
            }
            if (!known) {
                full.add(new int[] {s, b, g, e});
            }
        }
    }

    /**
     * A full name found once marks the bare surname elsewhere in the text (山田太郎 … 山田は) and, where no other
     * name shares it, the bare given name, when they stand alone (not inside a longer word: 山田町).
     */
    private void propagate(String text, Cover cov, List<Finding> out, List<int[]> full) {
        if (full.isEmpty()) {
            return;
        }
        java.util.Set<String> done = new java.util.HashSet<>();
        for (int[] name : full) {
            if (done.size() >= MAX_PROPAGATED || !done.add(text.substring(name[0], name[3]))) {
                continue; // the same name again, or so many names that searching for each would be quadratic
            }
            mark(text, name[0], name[1], cov, out, 0.6);
            boolean unique = true;
            for (int[] other : full) {
                unique &= other == name || other[3] - other[2] != name[3] - name[2]
                        || !text.regionMatches(other[2], text, name[2], name[3] - name[2]);
            }
            if (unique && name[3] - name[2] == 1 && Morphology.isKanji(text.charAt(name[2]))) {
                lateGiven(text, name[2], cov, out); // 亡西村 誠 … 亡誠は: a given name of one kanji, only after 亡
            } else if (unique && name[3] - name[2] >= 2 && (Morphology.isKanji(text.charAt(name[2]))
                    || Morphology.isKatakana(text.charAt(name[2])) && Morphology.isKanji(text.charAt(name[3] - 1)))) {
                mark(text, name[2], name[3], cov, out, 0.5); // 恭子, and ツヤ子 of 松下 ツヤ子
            } else if (unique && name[3] - name[2] >= 3 && all(text, name[2], name[3], 'k')
                    && LatinNames.kanaGiven(text.substring(name[2], name[3])) && !dictionaryWord(text, name[2], name[3])) {
                mark(text, name[2], name[3], cov, out, 0.5); // ハツエ of 岡崎 ハツエ; not a word (ミドリ, ヒカリ)
            } else if (unique && name[3] - name[2] >= 2 && all(text, name[2], name[3], 'k')
                    && LatinNames.kanaGiven(text.substring(name[2], name[3]))) {
                int k = out.size(); // ハツ of 小野寺 ハツ: a given name of the lists in katakana, which is often a word too (ハツ,
                mark(text, name[2], name[3], cov, out, 0.5); // キク), only as the late or with an honorific: 亡ハツ, ハツさん
                for (int i = out.size() - 1; i >= k; i--) {
                    Finding f = out.get(i);
                    char before = f.start() > 0 ? text.charAt(f.start() - 1) : '\n';
                    char after = f.end() < text.length() ? text.charAt(f.end()) : '\n';
                    boolean subject = "\n。、「 　".indexOf(before) >= 0 && (after == 'は' || after == 'の'); // 。リンは化学者, 、ハナの遺志
                    if (!("亡故".indexOf(before) >= 0 || honorificAt(text, f.end()) > 0 || subject)) {
                        out.remove(i);
                    }
                }
            }
        }
    }

    /**
     * A one-kanji surname of a full name found elsewhere, standing as the subject or the owner at a clause's start (堀 翔吾 …
     * 堀は暴行の前歴あり, 。林の供述): after the line's start, 。, 、, 「, a bracket or a blank, and before は, が, も or の.
     */
    private static boolean oneKanjiSubject(String text, int a, int b) {
        char before = a > 0 ? text.charAt(a - 1) : '\n';
        return b < text.length() && "はがもの".indexOf(text.charAt(b)) >= 0 && "\n。、「（( 　".indexOf(before) >= 0
                && "東西南北上下中前後左右".indexOf(text.charAt(a)) < 0 // 東は晴れ: a direction as often as a name
                && !(text.charAt(b) == 'の' && b + 1 < text.length() && Morphology.isHiragana(text.charAt(b + 1)));
    }

    /** {@code text[a, b)} is its line's only word (blanks around it allowed). */
    private static boolean aloneOnLine(String text, int a, int b) {
        int i = a;
        while (i > 0 && isSpace(text.charAt(i - 1))) {
            i--;
        }
        int j = b;
        while (j < text.length() && isSpace(text.charAt(j))) {
            j++;
        }
        return (i == 0 || text.charAt(i - 1) == '\n') && (j == text.length() || text.charAt(j) == '\n' || text.charAt(j) == '\r');
    }

    private void mark(String text, int s, int e, Cover cov, List<Finding> out, double conf) {
        int len = e - s;
        String w = text.substring(s, e);
        for (int a = text.indexOf(w); a >= 0; a = text.indexOf(w, a + 1)) {
            int b = a + len;
            boolean relation = anchors.endingAt(NameAnchors.Kind.KIN, text, a) > 0 || anchors.endingAt(NameAnchors.Kind.TITLE, text, a) > 0
                    || a > 0 && text.charAt(a - 1) == '亡' && (a == 1 || !Morphology.isKanji(text.charAt(a - 2))); // 「亡義雄」: the late
            boolean glued = (a > 0 && !relation && (Morphology.isKanji(text.charAt(a - 1)) || Morphology.isKatakana(text.charAt(a - 1))
                    || text.charAt(a - 1) == '・' && a > 1 && !Morphology.isKanji(text.charAt(a - 2)))) // オフィス・ミナト, ねぎま・ハツ; not 田中・鈴木
                    || (b < text.length() && (Morphology.isKanji(text.charAt(b)) || Morphology.isKatakana(text.charAt(b)))
                            && honorificAt(text, b) == 0);
            if (glued || (len == 1 && honorificAt(text, b) == 0 && !oneKanjiSubject(text, a, b)) || endsWithOrgSuffix(text, null, b, text.length()) || firmOfNames(text, b)
                    || (b < text.length() && (Character.isDigit(text.charAt(b)) || text.charAt(b) == '〕' || text.charAt(b) == '］'))
                    || anchors.isPlaceName(w) && !(b < text.length() && "はがもと".indexOf(text.charAt(b)) >= 0 || honorificAt(text, b) > 0
                            || aloneOnLine(text, a, b)) // a mail's signature: 宮崎⏎⏎> 宮崎 沙織 様
                    || cov.covered(a, b)) {
                continue;
            }
            int to = familyGiven(text, b);
            out.add(new Finding(PiiType.PERSON, a, to, conf, false, text.substring(a, to)));
        }
    }

    /**
     * Where the given name after a surname ending at {@code b} ends, when a blank and one to four kanji that are neither an
     * honorific, a title nor a firm's word follow: someone of the same family (鷹科 圭吾 … 鷹科 美穂（妻）), whose whole name
     * is masked; else {@code b}.
     */
    private int familyGiven(String text, int b) {
        int g = b;
        while (g < text.length() && g - b < 2 && isSpace(text.charAt(g))) {
            g++;
        }
        int e = g;
        while (e < text.length() && e - g < 5 && isKanjiAt(text, e)) {
            e++;
        }
        if (g == b || e == g || e - g > 4 || e < text.length() && (isKanjiAt(text, e) || Morphology.isKatakana(text.charAt(e)))
                || honorificAt(text, b) > 0 || anchors.at(NameAnchors.Kind.TITLE, text, g) > 0
                || endsWithOrgSuffix(text.substring(g, e))
                || e + 1 < text.length() && isSpace(text.charAt(e)) && isKanjiAt(text, e + 1)) { // 補佐　高野 瞳: a surname
            return b;
        }
        return e;
    }

    /** A name joined by ・ to others in a firm's name (古閑・嶋﨑法律事務所) at {@code at}. */
    private boolean firmOfNames(String text, int at) {
        if (at >= text.length() || text.charAt(at) != '・') {
            return false;
        }
        int e = at + 1;
        while (e < text.length() && e - at <= 16 && (isKanjiAt(text, e) || text.charAt(e) == '・')) {
            e++;
        }
        return e > at + 1 && endsWithOrgSuffix(text.substring(at + 1, e));
    }

    /**
     * A name found once by any rule (a speaker, 兄（隆之）, 悠斗くん) marks its other mentions in the text, under the
     * same conditions as a full name's parts ({@link #mark}): not glued to a longer word, one character only before
     * an honorific.
     */
    private void repeats(String text, List<Finding> out, int first) {
        java.util.Set<String> names = null; // most texts (a cell, a line) name no one twice: nothing to allocate
        for (int k = first; k < out.size() && (names == null || names.size() < MAX_PROPAGATED); k++) {
            Finding f = out.get(k);
            String v = f.value();
            if (confident(f) && v.length() >= 2 && text.length() >= 2 * v.length() && v.indexOf('\n') < 0
                    && (Morphology.hasKanjiOrKatakana(v, 0, v.length()) || v.length() <= MAX_KANA_REPEAT && all(v, 0, v.length(), 'h'))
                    && (text.indexOf(v, f.end()) >= 0 || f.start() > 0 && text.lastIndexOf(v, f.start() - 1) >= 0)) {
                if (names == null) {
                    names = new java.util.LinkedHashSet<>();
                }
                names.add(v);
            }
        }
        if (names == null) {
            return;
        }
        Cover cov = new Cover(out, first);
        for (String v : names) {
            if (Morphology.isHiragana(v.charAt(0)) && all(v, 0, v.length(), 'h')) {
                // a word of the dictionary (あき, そら, みさき, ぽん) only where it opens a line as its speaker (ぽん — 21:10)
                markKana(text, v, Morphology.ipadicEntry(v, 0, v.length(), ""), cov, out);
            } else {
                int a = text.indexOf(v);
                mark(text, a, a + v.length(), cov, out, 0.6);
            }
        }
    }

    /**
     * A household named by its surname in a roster, a rota or a list of gifts (7日　秋山家　14日　内田家, 一金　五萬円　海老沢家,
     * 釋了誠（大島家）): a word the dictionaries know as a surname (a place's name too: 大島, 上野), of two to four kanji, standing
     * as a list's item — after a line's start, a blank or an opening bracket, and 家 then a blank, a line's end, a bracket or
     * the family's words of a list of flowers and telegrams (供花　一基　野口家親族一同).
     * Not a trade (陶芸家, 農家), a court (福岡家裁), a clan or a title in prose (吉村家に行った, 犬神家の一族, 五摂家は),
     * a shop (食堂 田中家, うどん 山本家 本店, 杉田家 千葉店), nor a chat export's own title line ([LINE] 佐藤家 トーク履歴), where
     * most of our labelled sets leave the group's name unmarked. Each line is looked at once for a chat's title.
     */
    private void households(String text, List<Finding> out, int first) {
        Found found = new Found(text, out, first);
        int titleLine = -1;
        boolean titled = false;
        int ls = 0;
        int scanned = 0;
        for (int h = text.indexOf('家', 2); h >= 0; h = text.indexOf('家', h + 1)) {
            char after = h + 1 < text.length() ? text.charAt(h + 1) : '\n';
            if (!isSpace(after) && "\n\r）)（(".indexOf(after) < 0 && !text.startsWith("親族", h + 1) && !text.startsWith("一同", h + 1)) {
                continue;
            }
            int a = h;
            while (a > 0 && h - a < 5 && isKanjiAt(text, a - 1)) {
                a--;
            }
            char before = a > 0 ? text.charAt(a - 1) : '\n';
            if (h - a < 2 || h - a > 4 || !isSpace(before) && "\n（(".indexOf(before) < 0 || !Morphology.hasEntry(text, a, h, SEI)
                    || shopAround(text, a, h + 1)) {
                continue;
            }
            for (; scanned < a; scanned++) { // the line's start, found by one pass over the text
                if (text.charAt(scanned) == '\n') {
                    ls = scanned + 1;
                }
            }
            if (ls != titleLine) {
                titleLine = ls;
                titled = NameLabels.namesChat(text, ls, Chars.lineEnd(text, h));
            }
            if (titled) {
                continue;
            }
            found.offer(a, h);
        }
        found.add(0.6);
    }

    /** A count of people after a relation (姉一人, 弟二人, 妻一名): no given name. */
    private static final java.util.regex.Pattern COUNTED = java.util.regex.Pattern.compile("[一二三四五六七八九十両数][人名組]");
    /** The last kanji of a relation's word (兄, 実母, 長男, 次女, 妻). */
    private static final String KIN_LAST = "兄姉弟妹父母夫妻男女";

    /**
     * A given name of two or three kanji written right after a relation and before a particle (捕手の兄健太郎とのバッテリー,
     * 実母幸子は): a word the dictionaries know as a given name and not as a common word, the relation a word of
     * name-anchors.tsv's KIN after no other kanji (not 義兄弟, 父母会).
     */
    private void givenAfterKin(String text, List<Finding> out, int first) {
        Found found = new Found(text, out, first);
        for (int i = 0; i + 3 < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '兄' || c > '男' || KIN_LAST.indexOf(c) < 0 || !isKanjiAt(text, i + 1)) { // 兄 U+5144 … 男 U+7537
                continue;
            }
            int kin = anchors.endingAt(NameAnchors.Kind.KIN, text, i + 1);
            if (kin <= 0 || i + 1 - kin > 0 && isKanjiAt(text, i - kin)) {
                continue;
            }
            for (int e = Math.min(text.length() - 1, i + 4); e >= i + 3; e--) {
                if (all(text, i + 1, e, 'c') && "はがとのをにも、".indexOf(text.charAt(e)) >= 0 && !COUNTED.matcher(text).region(i + 1, e).matches()
                        && Morphology.hasEntry(text, i + 1, e, MEI) && !dictionaryWord(text, i + 1, e)) {
                    found.offer(i + 1, e);
                    break;
                }
            }
        }
        found.add(0.6);
    }

    /**
     * A full name before 方, a judgment's and a letter's way of naming someone's home (古田 幸子方に侵入し, 隣人である堤 芳子方の住人,
     * 被害者古田幸子方において), which the dictionary reads apart (芳|子方, 幸子 as a place) so that the name was missed or cut
     * (古田幸): a surname and a given name the dictionaries know, with or without a blank, after a boundary or a role word
     * (被害者, 隣人である), then 方 and a particle. Not 被告人方, 同人方 or A方, which name no one.
     */
    private void residences(String text, List<Finding> out, int first) {
        List<int[]> spans = null;
        for (int h = text.indexOf('方', 2); h >= 0; h = text.indexOf('方', h + 1)) {
            if (h + 1 >= text.length() || "にのでへをと、。（(".indexOf(text.charAt(h + 1)) < 0) {
                continue;
            }
            int a = h;
            while (a > 0 && h - a < 9 && (isKanjiAt(text, a - 1) || a - 1 > 0 && isSpace(text.charAt(a - 1)) && isKanjiAt(text, a - 2)
                    && h - a < 4)) {
                a--;
            }
            for (int s = a; s <= h - 3; s++) {
                if (s > a && anchors.endingAt(NameAnchors.Kind.ROLE, text, s) <= 0 && anchors.endingAt(NameAnchors.Kind.TITLE, text, s) <= 0
                        && anchors.endingAt(NameAnchors.Kind.KIN, text, s) <= 0 && !text.startsWith("被害者", s - 3)) {
                    continue; // inside a longer word, not after a role (被害者古田幸子方)
                }
                if (fullNameSplit(text, s, h) > 0 && !dictionaryWord(text, s, h) && !anchors.is(NameAnchors.Kind.KIN, text, s, h)
                        && !anchors.is(NameAnchors.Kind.TITLE, text, s, h)) { // three characters at least: not 長男方, 社長方, 上司方
                    if (spans == null) {
                        spans = new ArrayList<>();
                    }
                    spans.add(new int[] {s, h});
                    break;
                }
            }
        }
        if (spans != null) {
            replaceInside(text, spans, out, first);
        }
    }

    /**
     * Adds each name of {@code spans} (in text order) where no name found with confidence reaches outside it, replacing the
     * shorter ones inside it (古田幸 of 古田幸子): one pass over the findings, however many names.
     */
    private static void replaceInside(String text, List<int[]> spans, List<Finding> out, int first) {
        boolean[] blocked = new boolean[spans.size()];
        int[] starts = new int[spans.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = spans.get(i)[0];
        }
        for (int k = first; k < out.size(); k++) {
            Finding f = out.get(k);
            int i = java.util.Arrays.binarySearch(starts, f.end());
            for (i = (i >= 0 ? i : -i - 1) - 1; i >= 0 && spans.get(i)[1] > f.start(); i--) {
                blocked[i] |= confident(f) && (f.start() < spans.get(i)[0] || f.end() > spans.get(i)[1]);
            }
        }
        List<int[]> kept = new ArrayList<>(spans.size());
        for (int i = 0; i < blocked.length; i++) {
            if (!blocked[i]) {
                kept.add(spans.get(i));
            }
        }
        addReplacingGuesses(text, kept, 0.6, out, first);
    }

    /**
     * Where the given name starts in {@code text[s, e)} when it is a surname and a given name the dictionaries know, with a
     * blank between or none (古田 幸子, 古田幸子), each of one to three kanji; else -1.
     */
    private static int fullNameSplit(String text, int s, int e) {
        for (int k = s + 1; k < e && k - s <= 3; k++) {
            int g = k < e && isSpace(text.charAt(k)) ? k + 1 : k;
            if (e - g < 1 || e - g > 3 || !isKanjiAt(text, k - 1) || !all(text, g, e, 'c')) {
                continue;
            }
            if (Morphology.hasEntry(text, s, k, SEI) && Morphology.hasEntry(text, g, e, MEI)) {
                return g;
            }
        }
        return -1;
    }

    /** Words of a shop's sign around a household's name (食堂 田中家, うどん 山本家 本店, 杉田家 千葉店, 高橋家 営業中). */
    private static final java.util.regex.Pattern SHOP_BEFORE = java.util.regex.Pattern.compile(
            "(?:食堂|旅館|居酒屋|うどん|そば|蕎麦|そば処|ラーメン|拉麺|定食|定食屋|喫茶|料理|寿司|鮨|焼肉|酒場|民宿|宿|本舗|料亭|亭|屋)[ 　]*$");
    private static final java.util.regex.Pattern SHOP_AFTER = java.util.regex.Pattern.compile(
            "^[ 　]*[^ 　\\n]{0,6}(?:店|営業|系|本舗|食堂|旅館)");

    private static boolean shopAround(String text, int a, int e) {
        return SHOP_BEFORE.matcher(text).region(Math.max(0, a - 8), a).find()
                || SHOP_AFTER.matcher(text).region(e, Math.min(text.length(), e + 10)).lookingAt();
    }

    /**
     * Adds each span of {@code spans} (in text order) as a name, removing every name found at the same words first: the
     * caller has kept only spans that no confident name reaches past (weak guesses, or shorter names inside). One pass over
     * the findings, however many spans.
     */
    private static void addReplacingGuesses(String text, List<int[]> spans, double confidence, List<Finding> out, int first) {
        if (spans == null || spans.isEmpty()) {
            return;
        }
        int[] starts = new int[spans.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = spans.get(i)[0];
        }
        out.subList(first, out.size()).removeIf(f -> {
            int i = java.util.Arrays.binarySearch(starts, f.end());
            i = (i >= 0 ? i : -i - 1) - 1; // the last span starting before the finding's end
            return i >= 0 && spans.get(i)[1] > f.start();
        });
        for (int[] sp : spans) {
            out.add(new Finding(PiiType.PERSON, sp[0], sp[1], confidence, false, text.substring(sp[0], sp[1])));
        }
    }

    /**
     * A mail's writer naming themselves after its greeting (お世話になっております。ひまわり薬局の薬剤師、千葉です。, お疲れ様です、プリヤです。,
     * まめ吉カスタマーサポートのニシダでございます。, ケアマネ前田です。): a surname the dictionaries know, of two to four kanji, or a
     * katakana name of the romanised lists, after の, a comma, a blank or a role (ケアマネ, 担当), then です or でございます ending the
     * sentence. Not a word of the dictionary (総務, 議事録, スタッフ, メルマガ), a department or a firm (営業部, 長岡デザイン室), a
     * role itself (ケアマネです), nor a katakana compound of dictionary words (カスタマーサポート).
     */
    private void selfIntroduced(String text, List<Finding> out, int first) {
        if (!text.contains("です") && !text.contains("でございます")) {
            return;
        }
        java.util.regex.Matcher m = GREETED.matcher(text);
        Found found = new Found(text, out, first);
        while (m.find()) {
            int s = m.start(2);
            int e = m.end(2);
            if (Morphology.isKanji(text.charAt(s))) {
                for (int k = s + 1; k <= e - 2; k++) {
                    int r = Math.max(anchors.endingAt(NameAnchors.Kind.ROLE, text, k), anchors.endingAt(NameAnchors.Kind.TITLE, text, k));
                    if (r > 0 && k - r <= s) {
                        s = k; // 担当前田です: the role, then the name
                        break;
                    }
                }
            }
            char before = text.charAt(s - 1);
            boolean role = anchors.endingAt(NameAnchors.Kind.ROLE, text, s) > 0 || anchors.endingAt(NameAnchors.Kind.TITLE, text, s) > 0;
            if (!role && "の、，　 。！!\n".indexOf(before) < 0 || anchors.is(NameAnchors.Kind.ROLE, text, s, e)
                    || anchors.is(NameAnchors.Kind.TITLE, text, s, e) || endsWithOrgSuffix(text.substring(s, e))
                    || Morphology.isKanji(text.charAt(s)) && UNIT_END.indexOf(text.charAt(e - 1)) >= 0
                    || (Morphology.isKanji(text.charAt(s)) ? dictionaryWord(text, s, e) || !Morphology.hasEntry(text, s, e, SEI)
                            : katakanaWords(text, s, e) || !LatinNames.kanaSurname(text.substring(s, e)) && !LatinNames.kanaGiven(text.substring(s, e)))) {
                continue;
            }
            found.offer(s, e);
        }
        found.add(0.7);
    }

    /** The last kanji of a department, an office or a group (営業部, 経理課, 受付係, 事務局): not a writer's name. */
    private static final String UNIT_END = "部課室係局所店社院園校会班科隊団組";

    /** A greeting that opens a mail, then the writer's affiliation and name before です (group 2). */
    private static final java.util.regex.Pattern GREETED = java.util.regex.Pattern.compile(
            "(?:お世話になっております|お世話になります|お疲れ様です|お疲れさまです|おつかれさまです|おはようございます|こんにちは|こんばんは"
                    + "|失礼いたします|失礼します|ありがとうございます|はじめまして|初めまして)[。、！!　 \n]*([^。！!\n]{0,30}?)"
                    + "([\\p{IsHan}々ヶ]{2,4}|[ァ-ヴ][ァ-ヴー]{1,7})(?:です|でございます)(?=[。！!\n]|$)");

    /** A katakana word the dictionary has, or that begins or ends with one of three letters or more (カスタマー|サポート). */
    private static boolean katakanaWords(String text, int s, int e) {
        if (Morphology.ipadicEntry(text, s, e, "名詞")) {
            return true;
        }
        for (int k = s + 3; k <= e - 1; k++) {
            if (Morphology.ipadicEntry(text, s, k, "名詞") || e - k >= 3 && Morphology.ipadicEntry(text, k, e, "名詞")) {
                return true;
            }
        }
        return false;
    }

    /** Longest name in hiragana whose other mentions {@link #repeats} marks (a chat's あおい, しょうま). */
    private static final int MAX_KANA_REPEAT = 5;
    /** Particles that may follow a name in hiragana (りなの, ゆうとには, まゆも). */
    private static final String KANA_AFTER_NAME = "のがはもとにをへやっ";
    /** Of them, those after which a name that is also a word of the dictionary (まゆ, みさき) is still read as the name. */
    private static final String SUBJECT_AFTER_NAME = "のがはも";

    /**
     * The other mentions of a name in hiragana found once with confidence (a chat's speaker りな, ゆうと); of one that is a
     * word of the dictionary in any part of speech (あき, はな, つき, みさき, はるか, ぽん), only the lines it opens as their
     * speaker ({@code speakerOnly}). Where the dictionary's words start at the mention and end after it, so that it is no
     * part of a longer word (すまい, あおいろ) and not cut out of a phrase (とりあえずゆうとには: とりあえず|ゆうと|に|は); kana after it only as a particle or an
     * honorific (りなの, ゆうとくん; not しずなみ), and no other letters glued to it (紅ひなた, ゆいぴょんch) but a relation's
     * or a title's word (長女ひなた).
     */
    private void markKana(String text, String v, boolean speakerOnly, Cover cov, List<Finding> out) {
        int len = v.length();
        for (int a = text.indexOf(v); a >= 0; a = text.indexOf(v, a + 1)) {
            int b = a + len;
            if (cov.covered(a, b) || speakerOnly && !speakerAt(text, a, b)) {
                continue;
            }
            char before = a > 0 ? text.charAt(a - 1) : '\n';
            char after = b < text.length() ? text.charAt(b) : '\n';
            boolean relation = anchors.endingAt(NameAnchors.Kind.KIN, text, a) > 0 || anchors.endingAt(NameAnchors.Kind.TITLE, text, a) > 0;
            if (!relation && (Morphology.isKanji(before) || Morphology.isKatakana(before) || Character.isLetterOrDigit(before)
                    && !Morphology.isHiragana(before)) || Character.isLetterOrDigit(after) && !Morphology.isHiragana(after)
                    && !Morphology.isKanji(after) && !Morphology.isKatakana(after)) {
                continue; // 紅ひなた, ゆいぴょんch
            }
            boolean kanaBefore = Morphology.isHiragana(before);
            boolean kanaAfter = Morphology.isHiragana(after);
            if (kanaAfter && KANA_AFTER_NAME.indexOf(after) < 0 && honorificAt(text, b) == 0
                    || (kanaBefore || kanaAfter) && !wordBounds(text, a, b)
                    || kanaAfter && SUBJECT_AFTER_NAME.indexOf(after) < 0 && honorificAt(text, b) == 0 && dictionaryWord(text, a, b)) {
                continue; // a word Kuromoji reads as one common noun, before に or と: the word, not the name
            }
            out.add(new Finding(PiiType.PERSON, a, b, 0.6, false, v));
        }
    }

    /** {@code text[a, b)} opens its line and a colon or a dash follows (ぽん：, ぽん — 2026/11/30 21:10): a chat's speaker. */
    private static boolean speakerAt(String text, int a, int b) {
        if (a > 0 && text.charAt(a - 1) != '\n') {
            return false;
        }
        int k = b;
        while (k < text.length() && isSpace(text.charAt(k))) {
            k++;
        }
        return k < text.length() && ":：—–".indexOf(text.charAt(k)) >= 0;
    }

    /** Kuromoji's tokens of the line around {@code text[a, b)} start at {@code a} and end at {@code b}. */
    private static boolean wordBounds(String text, int a, int b) {
        int from = Math.max(Math.max(0, a - 12), text.lastIndexOf('\n', a) + 1);
        int nl = text.indexOf('\n', b);
        int to = Math.min(Math.min(text.length(), b + 12), nl < 0 ? text.length() : nl);
        boolean start = false;
        boolean end = false;
        for (Morphology.Token t : Morphology.tokens(text, from, to)) {
            start |= t.start() == a;
            end |= t.end() == b;
            if (t.start() < a && t.end() > a || t.start() < b && t.end() > b) {
                return false; // a word across the mention's edge
            }
        }
        return start && end;
    }

    /** A name of two words in Latin letters, each capitalised (Nilufar Rashidova). */
    private static final java.util.regex.Pattern LATIN_PAIR = java.util.regex.Pattern.compile("(\\p{Lu}\\p{Ll}+) (\\p{Lu}\\p{Ll}+)");

    /**
     * A name in Latin letters found once (Nilufar Rashidova, a chat's speaker) marks the same two words in the other order
     * elsewhere, as Japanese forms write a foreign name family name first (名義は Rashidova Nilufar, or Rashidova, Nilufar).
     */
    private static void reversedLatin(String text, List<Finding> out, int first) {
        java.util.Set<String> done = null;
        for (int k = first, n = out.size(); k < n; k++) {
            String v = out.get(k).value();
            if (out.get(k).type() != PiiType.PERSON || v.indexOf(' ') < 0) {
                continue; // no matcher for the names of one word or in Japanese: most of them
            }
            java.util.regex.Matcher m = LATIN_PAIR.matcher(v);
            if (!m.matches()) {
                continue;
            }
            if (done == null) {
                done = new java.util.HashSet<>();
            }
            if (!done.add(m.group()) || done.size() > MAX_PROPAGATED) {
                continue;
            }
            for (String r : new String[] {m.group(2) + " " + m.group(1), m.group(2) + ", " + m.group(1)}) {
                for (int a = text.indexOf(r); a >= 0; a = text.indexOf(r, a + 1)) {
                    int b = a + r.length();
                    if ((a == 0 || !Character.isLetterOrDigit(text.charAt(a - 1))) && (b == text.length()
                            || !Character.isLetterOrDigit(text.charAt(b))) && !coveredBy(out, a, b)) {
                        out.add(new Finding(PiiType.PERSON, a, b, 0.6, false, r));
                    }
                }
            }
        }
    }

    private static final java.util.regex.Pattern MENTION = java.util.regex.Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+-])[@＠]((?:\\p{Lu}\\p{Ll}+ ){0,2}\\p{Lu}\\p{Ll}+(?![\\p{L}\\p{N}_-])"
            + "|[\\p{IsHan}々\\p{IsHiragana}\\p{IsKatakana}ー]{1,5}(?:[ 　][\\p{IsHan}々\\p{IsHiragana}\\p{IsKatakana}ー]{1,5})?"
            + "(?=[ 　]|さん|くん|ちゃん|様|$))", java.util.regex.Pattern.MULTILINE);

    /** A chat mention of a handle (@kenji.t, @yuki_0312): a handle's shape ({@link #HANDLE}), not an address's part. */
    private static final java.util.regex.Pattern MENTION_HANDLE = java.util.regex.Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+-])[@＠](" + HANDLE.pattern() + ")(?![A-Za-z0-9_@-]|\\.[A-Za-z])(?<!\\.(?:com|jp|net|org|io|co))");

    /** Mentions that are not names: the whole room, the channel (@全員, @channel). */
    private static final java.util.Set<String> NOT_MENTIONS = java.util.Set.of("全員", "みんな", "皆さん", "各位", "All", "Here",
            "Channel", "Everyone");

    /** A chat mention of a person: @Takeru Higa, @榊原 ミカエラ さん, @kenji.t (not @全員, @channel). */
    private void mentions(String text, List<Finding> out, int first) {
        if (text.indexOf('@') < 0 && text.indexOf('＠') < 0) {
            return;
        }
        java.util.regex.Matcher m = MENTION.matcher(text);
        while (m.find()) {
            int e = m.end(1);
            int blank = firstBlank(text, m.start(1), e);
            if (blank > 0 && !(text.charAt(m.start(1)) < 0x80 && Character.isLetter(text.charAt(m.start(1)))) && !givenPart(text, blank + 1, e)) {
                e = blank; // @ぽん お大事に, @りな まじか: the message after the handle, not a given name
            }
            String w = text.substring(m.start(1), e);
            if (NOT_MENTIONS.contains(w) || confidentAt(out, first, m.start(1), e) || anchors.isPlaceName(w)
                    || anchors.is(NameAnchors.Kind.ROLE, text, m.start(1), e) || commonWord(text, m.start(1), e)) {
                continue;
            }
            out.add(new Finding(PiiType.PERSON, m.start(1), e, 0.6, false, w));
        }
        m = MENTION_HANDLE.matcher(text);
        while (m.find()) {
            if (!confidentAt(out, first, m.start(1), m.end(1))) {
                out.add(new Finding(PiiType.PERSON, m.start(1), m.end(1), 0.6, false, m.group(1))); // @kenji.t, as the handle
            }
        }
    }

    /**
     * {@code text[s, e)} can be the given name after a surname and a blank: kanji the dictionaries know as a given name or
     * of the given-name kanji, katakana, or a given name of the lists in hiragana (not お大事に, まじか, よろしく).
     */
    private boolean givenPart(String text, int s, int e) {
        if (all(text, s, e, 'c')) {
            return Morphology.hasEntry(text, s, e, MEI) || allGivenKanji(text, s, e);
        }
        return all(text, s, e, 'k') || all(text, s, e, 'h') && LatinNames.kanaGiven(text.substring(s, e));
    }

    /** Distinct full names whose parts are searched for elsewhere in one text. */
    private static final int MAX_PROPAGATED = 64;
    /** Distinct ring names or players of a text's results searched for elsewhere in it (a day's bouts name some 80). */
    private static final int MAX_LISTED = 256;

    /**
     * Names a rule finds in one pass, added together at its end ({@link #addReplacingGuesses}): each where no name found
     * with confidence covers it. Nothing is allocated for a text where the rule finds none.
     */
    private static final class Found {
        private final String text;
        private final List<Finding> out;
        private final int first;
        private Cover cov;
        private List<int[]> spans;

        Found(String text, List<Finding> out, int first) {
            this.text = text;
            this.out = out;
            this.first = first;
        }

        /** {@code text[s, e)}, in text order after the spans offered before it. */
        void offer(int s, int e) {
            if (cov == null) {
                cov = new Cover(out, first);
                spans = new ArrayList<>();
            }
            if (!cov.covered(s, e)) {
                spans.add(new int[] {s, e});
            }
        }

        void add(double confidence) {
            addReplacingGuesses(text, spans, confidence, out, first);
        }
    }

    /** The characters of the text that names found so far (confidence 0.4 or more) cover; synced lazily. */
    private static final class Cover {
        private final List<Finding> out;
        private java.util.BitSet bits;
        private int seen;
        private java.util.Map<Integer, Integer> ends;
        private int seenEnds;

        Cover(List<Finding> out, int first) {
            this.out = out;
            this.seen = first;
            this.seenEnds = first;
        }

        /** The index of the latest name finding that ends at {@code end}, or -1. */
        int endingAt(int end) {
            if (ends == null) {
                ends = new java.util.HashMap<>();
            }
            for (; seenEnds < out.size(); seenEnds++) {
                if (out.get(seenEnds).type() == PiiType.PERSON) {
                    ends.put(out.get(seenEnds).end(), seenEnds);
                }
            }
            Integer i = ends.get(end);
            return i == null ? -1 : i;
        }

        boolean covered(int a, int b) {
            if (bits == null) {
                bits = new java.util.BitSet();
            }
            for (; seen < out.size(); seen++) {
                Finding x = out.get(seen);
                if (x.type() == PiiType.PERSON && x.confidence() >= 0.4) {
                    bits.set(x.start(), x.end());
                }
            }
            int i = bits.nextSetBit(a);
            return i >= 0 && i < b;
        }
    }

    /** True when the text holds an honorific or 方 (山田様方): worth analysing even in a column of another type. */
    private static boolean hasPersonMarker(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '様' || c == '殿' || c == '氏' || c == '方' || c == '君' || (c == 'さ' && text.startsWith("さん", i))) {
                return true;
            }
        }
        return false;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\u3000';
    }

    /** True when the token's text is itself an organisation word (大学 is tagged 人名-名 by IPADIC). */
    private boolean isOrgWord(String text, Morphology.Token t) {
        int len = t.end() - t.start();
        if (len <= 0 || !suffixFirst[text.charAt(t.start())]) {
            return false;
        }
        for (String s : suffixes) {
            if (s.length() == len && text.startsWith(s, t.start())) {
                return true;
            }
        }
        return false;
    }

    private boolean isOrganisation(String text, List<Morphology.Token> ts, int last, int start, int end, int chunkEnd) {
        if (last + 1 < ts.size() && ts.get(last + 1).start() == end) {
            Morphology.Token next = ts.get(last + 1);
            if (next.is("名詞-固有名詞-組織") || next.is("名詞-接尾-地域") || next.is("名詞-固有名詞-地域")) {
                return true;
            }
        }
        if (endsWithOrgSuffix(text, ts, end, chunkEnd)) {
            return true;
        }
        int q = end;
        while (q < text.length() && q - end < 4 && (Morphology.isKanji(text.charAt(q)) || Morphology.isKatakana(text.charAt(q)))) {
            q++;
        }
        if (hasOrgPrefixAt(text, end) || q > end && (hasOrgPrefixAt(text, q) || endsWithOrgSuffix(text, null, q, chunkEnd))) {
            return true; // 田中精|工㈱
        }
        if (q > end && (q >= text.length() || !Morphology.isKanji(text.charAt(q))) && suffixLast[text.charAt(q - 1)]) {
            for (String s : suffixes) {
                if (q - s.length() >= end && text.startsWith(s, q - s.length()) && Morphology.isKanji(s.charAt(0))) {
                    return true; // 吉川英治|文化賞, 山田太郎|記念館
                }
            }
        }
        int p = start;
        while (p > 0 && p > start - 2 && (text.charAt(p - 1) == ' ' || text.charAt(p - 1) == '\u3000')) {
            p--;
        }
        int len = orgPrefixBefore(text, p);
        // but a legal form written out after a blank closes the firm's name before it (西荻ハウジング株式会社　大川 栞, a mail's
        // signature): the name after the blank is the person's, not the firm's (株式会社　大川)
        char c = len >= 4 && p < start ? Chars.at(text, p - len - 1) : 0;
        return len > 0 && !(Morphology.isKanji(c) || Morphology.isKatakana(c) || Chars.isLetter(c));
    }

    boolean endsWithOrgSuffix(String text, List<Morphology.Token> ts, int end, int chunkEnd) {
        if (end < 0 || end >= text.length() || !suffixFirst[text.charAt(end)]) {
            return false;
        }
        for (String s : suffixes) {
            if (text.startsWith(s, end) && (s.length() >= 2 || endsAtToken(ts, end + s.length(), chunkEnd))) {
                return true;
            }
        }
        return false;
    }

    /** The length of the organisation prefix that ends at {@code p} (株式会社, ㈱), or 0. */
    private int orgPrefixBefore(String text, int p) {
        if (p <= 0 || p > text.length() || !prefixLast[text.charAt(p - 1)]) {
            return 0;
        }
        for (String s : prefixes) {
            if (p >= s.length() && text.startsWith(s, p - s.length())) {
                return s.length();
            }
        }
        return 0;
    }

    private boolean hasOrgPrefixAt(String text, int p) {
        if (p < 0 || p >= text.length() || !prefixFirst[text.charAt(p)]) {
            return false;
        }
        for (String s : prefixes) {
            if (text.startsWith(s, p)) {
                return true;
            }
        }
        return false;
    }

    /** True when the whole of {@code w} is a relation (母, 長男, 妻). */
    boolean kinWord(String w) {
        return anchors.is(NameAnchors.Kind.KIN, w, 0, w.length());
    }

    /**
     * Kanji the dictionary reads as common nouns only, two words or more (代表|取締役), or with a place's suffix among them
     * (東京|都|港|区): no surname. One word it has as a place is not enough to say so (勘解由小路 is one).
     */
    boolean wordsOrPlace(String w) {
        List<Morphology.Token> ts = Morphology.tokens(w, 0, w.length());
        return ts.stream().anyMatch(t -> t.is("名詞-接尾-地域"))
                || ts.size() >= 2 && ts.stream().allMatch(t -> t.is("名詞-一般") || t.is("名詞-サ変接続") || t.is("名詞-形容動詞語幹"));
    }

    /** Kana the dictionary reads as one word that is no person's (カスタマー, まとめ, みんな, パート), or a role. */
    boolean kanaWord(String w) {
        List<Morphology.Token> ts = Morphology.tokens(w, 0, w.length());
        return titleOrRole(w) || ts.size() == 1 && !ts.get(0).is("名詞-固有名詞-人名") && !ts.get(0).is("名詞-固有名詞-一般");
    }

    /** Kanji the dictionary reads as one common word and has as no given name (対応, 窓口, 全員; not 翼). */
    boolean commonNotGiven(String w) {
        return dictionaryWord(w, 0, w.length()) && !Morphology.hasEntry(w, 0, w.length(), MEI);
    }

    /** A title or a role word, whole (店長, 部長, オーナー, ヘルパー). */
    boolean titleOrRole(String w) {
        return anchors.is(NameAnchors.Kind.TITLE, w, 0, w.length()) || anchors.is(NameAnchors.Kind.ROLE, w, 0, w.length());
    }

    /** True when the text contains a company marker such as ㈱ or 株式会社. */
    boolean hasCompanyMarker(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (prefixFirst[text.charAt(i)]) {
                for (String s : prefixes) {
                    if (text.startsWith(s, i)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** True when the text (a cell) ends with an organisation suffix of two or more characters. */
    boolean endsWithOrgSuffix(String cell) {
        if (cell.isEmpty() || !suffixLast[cell.charAt(cell.length() - 1)]) {
            return false; // most cells: no suffix ends with their last character (and no boxed Character is made)
        }
        String[] candidates = longSuffixes.get(cell.charAt(cell.length() - 1));
        if (candidates == null) {
            return false;
        }
        for (String s : candidates) {
            if (cell.endsWith(s) && cell.length() > s.length()) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsAtToken(List<Morphology.Token> ts, int offset, int chunkEnd) {
        if (ts == null || offset >= chunkEnd) {
            return true;
        }
        for (Morphology.Token t : ts) {
            if (t.end() == offset) {
                return true;
            }
            if (t.start() >= offset) {
                return false;
            }
        }
        return false;
    }
}
