package dev.mamori.detect;

import dev.mamori.data.DataFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds special care-required personal information (要配慮個人情報) as the PPC guideline defines it:
 * a fact about a person, reported as one phrase (窃盗の疑いで逮捕, 胃がんの手術, 右足を骨折,
 * 在日コリアン3世), not a keyword. Types: SENSITIVE_HEALTH, SENSITIVE_CRIME (犯罪の経歴, 刑事事件 and
 * 少年の保護事件の手続), SENSITIVE_CREED and SENSITIVE_OTHER (人種, 社会的身分, 障害, 犯罪被害).
 *
 * <p>Terms come from {@code sensitive-terms.tsv}, each with the provision of 個人情報保護法2条3項 or
 * 施行令2条 it comes from and a kind (fact, care, head, tail, role, origin, lead: see the file). They are
 * matched in one pass with a {@link Trie}, longest first; negative terms (システム障害) hide the terms
 * inside them. The pieces found are then joined into phrases: a piece joins the one before it when
 * only connecting characters (の, で, を, 数字, 年, 、 …) lie between, within one sentence, and the
 * kinds fit (a head takes what follows; care and tail words join what precedes; criminal procedure
 * terms chain). A phrase is reported when it states a fact: it holds a fact term, a head completed
 * by a tail, or a care word whose subject is a person (父が入院) or whose column is about the type
 * (a cell under 既往歴). A few patterns complete the lexicon: grades (1種2級), generations (日系2世),
 * sentence lengths (懲役2年6月), 在日…人, and a condition the lexicon lacks named by its suffix before a
 * care word (胆管炎で通院). Cues from
 * {@code sensitive-cues.tsv} drop a phrase that is denied right after it (糖尿病ではない) or that sits
 * in a general statement (予防には, 受診率) without a person as subject.
 *
 * <p>Confidence is the strongest term's strength, raised when the phrase joins several terms, by a
 * role noun (容疑者, 患者) or a person in the sentence, and by the shared context words.
 *
 * <p>Cost: one array read per character for texts without a term; everything else runs only where a
 * term matched. Short kana terms (がん) and a care word's unnamed subject are checked with Kuromoji.
 */
final class SensitiveRecognizer implements Recognizer {

    private static final Set<PiiType> TYPES = Set.of(PiiType.SENSITIVE_HEALTH, PiiType.SENSITIVE_CRIME, PiiType.SENSITIVE_CREED,
            PiiType.SENSITIVE_OTHER);
    private static final PiiType[] TYPE_ARRAY = TYPES.toArray(new PiiType[0]);
    private static final int SHORT_KANA = 3;
    private static final int WINDOW = 12;
    /** Longest run of connecting characters between two terms of one phrase. */
    private static final int MAX_GAP = 7;
    /** Longest run of kanji/katakana a {@code <} term takes before it (業務上横領 + 罪). */
    private static final int MAX_RUN = 10;
    /** How far back from a care word its subject may be. */
    private static final int SUBJECT_REACH = 24;
    /** How far a sentence is looked at on either side of a phrase. */
    private static final int SENTENCE_REACH = 80;
    /** Characters that may lie between two terms of one phrase (肺炎のため入院, 懲役3年、執行猶予5年の判決). */
    private static final String CONNECT = "のでをがはにとやへ、，,・ためよりるしてっ付き中緊急一時長期再び約ヶケカか月年日週間数半及並0123456789０１２３４５６７８９〇一二三四五六七八九十百 　";
    private static final boolean[] CONNECTS = new boolean[65536];
    /** More characters a criminal procedure phrase may cross (逮捕され、同月22日から勾留), within {@link #MAX_CRIME_GAP}. */
    private static final String CRIME_CONNECT = "され同らか";
    private static final boolean[] CRIME_CONNECTS = new boolean[65536];
    private static final int MAX_CRIME_GAP = 12;
    private static final String SENTENCE_END = "。！？!?\n\r";
    private static final boolean[] ENDS = new boolean[65536];
    /** Hiragana that may end the word before a kana term (の in 末期のがん, な in 大きなけが, い in 軽いけが, る in 骨を折るけが). */
    private static final String PARTICLES = "のなはがをにでもとへやいる";
    /** Hiragana that may follow a kana noun (がんが, けがを, けがした, うつで). */
    private static final String FOLLOWERS = "のはがをにでもとへやなしだ";
    /** From this strength a term states a fact on its own, and a phrase around it is worth more. */
    private static final double STRONG = 0.45;
    /** What a person or a role noun in the sentence adds. */
    private static final double LIFT = 0.1;
    /** Below this strength a term is a generic word (病歴, 信者): only the shared context words lift it. */
    private static final double GENERIC = 0.3;
    /** The generic offence anchor that names an offence by its crime (殺人罪). */
    private static final String CRIME_SUFFIX = "罪";
    /** What a health phrase takes after it when the condition is the cause of what follows (心不全のため). */
    private static final String CAUSE = "のため";
    /** What lies between the length of a suspended sentence and the sentence it suspends (3年間その刑の執行を猶予する). */
    private static final String PROBATION_LINK = "年間その";
    /** When a suspended sentence starts, in a judgment's 主文. */
    private static final String FINALITY = "この裁判確定の日から";
    /** The suspension a court adds to the sentence it gives in one sentence: …に処し、その刑の全部の執行を5年間猶予(する). */
    private static final java.util.regex.Pattern SUSPENSION_TAIL = java.util.regex.Pattern.compile(
            "[、，,]?その刑の(?:全部の|一部の)?執行を[0-9０-９一二三四五]{1,2}年間猶予(?:する|した|し)?");

    static {
        for (char c : CONNECT.toCharArray()) {
            CONNECTS[c] = true;
            CRIME_CONNECTS[c] = true;
        }
        for (char c : CRIME_CONNECT.toCharArray()) {
            CRIME_CONNECTS[c] = true;
        }
        for (char c : "（）()".toCharArray()) {
            CRIME_CONNECTS[c] = true;
        }
        for (char c : SENTENCE_END.toCharArray()) {
            ENDS[c] = true;
        }
    }

    /** How a term takes part in a phrase (sensitive-terms.tsv, column 6). */
    enum Kind {
        FACT, CARE, HEAD, TAIL, ROLE, ORIGIN, LEAD;

        static Kind of(String s, String where) {
            return switch (s) {
                case "fact" -> FACT;
                case "care" -> CARE;
                case "head" -> HEAD;
                case "tail" -> TAIL;
                case "role" -> ROLE;
                case "origin" -> ORIGIN;
                case "lead" -> LEAD;
                default -> throw new IllegalStateException(where + ": unknown kind: " + s);
            };
        }
    }

    /** One term: its type, strength, kind and how to confirm it. Negative terms have no kind. */
    record Term(PiiType type, String provision, double strength, boolean negative, boolean kana, boolean ascii, Kind kind,
            boolean takesRun, boolean crimeSuffix, boolean alone) {
    }

    private enum Cue { GENERAL, LEGAL, NEGATION, PERSON, SOMEONE, NOBODY, GROUP, MEMBERS }

    /** One matched term in the text (a mutable scratch object, used only inside one call). */
    private static final class Piece {
        int start;
        int end;
        final Term term;
        Kind kind;
        double strength;
        /** True when this fact takes the fact after it (全治2週間 + のけが). */
        boolean leads;

        Piece(int start, int end, Term term, Kind kind, double strength) {
            this.start = start;
            this.end = end;
            this.term = term;
            this.kind = kind;
            this.strength = strength;
        }
    }

    private final Trie<Term> terms = new Trie<>();
    private final Trie<Cue> cues = new Trie<>();
    private final ContextWords context;
    private int size;

    SensitiveRecognizer() {
        this(ContextWords.get());
    }

    SensitiveRecognizer(ContextWords context) {
        this.context = context;
        for (DataFile.Row r : DataFile.read(SensitiveRecognizer.class, "sensitive-terms.tsv")) {
            String where = r.file() + ":" + r.line();
            PiiType type;
            try {
                type = PiiType.valueOf(r.field(0));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + ": not a type: " + r.field(0), e);
            }
            if (!TYPES.contains(type)) {
                throw new IllegalStateException(where + ": not a SENSITIVE_* type: " + type);
            }
            String w = r.field(1);
            boolean neg = w.startsWith("!");
            String word = neg ? w.substring(1) : w;
            boolean kana = word.length() <= SHORT_KANA && word.chars().allMatch(c -> Morphology.isHiragana(c) || Morphology.isKatakana(c));
            boolean ascii = word.chars().allMatch(c -> c < 128);
            double strength;
            try {
                strength = Double.parseDouble(r.fieldOr(4, "0.6"));
            } catch (NumberFormatException e) {
                throw new IllegalStateException(where + ": not a strength: " + r.fieldOr(4, ""), e);
            }
            String k = r.fieldOr(5, "fact");
            boolean run = k.endsWith("<");
            boolean story = k.equals("story"); // care that stands alone: only a person's story tells it
            Kind kind = story ? Kind.CARE : Kind.of(run ? k.substring(0, k.length() - 1) : k, where);
            markStart(word);
            terms.put(word, new Term(type, r.field(2), strength, neg, kana, ascii, kind, run, word.equals(CRIME_SUFFIX), story));
            size++;
            String wide = fullWidth(word); // ＰＴＳＤ, ＨＩＶ, ＤＶ被害: the Latin letters judgments and official records print
            if (!wide.equals(word) && terms.get(wide, 0, wide.length()) == null) {
                markStart(wide);
                terms.put(wide, new Term(type, r.field(2), strength, neg, kana, false, kind, run, false, story));
            }
        }
        for (DataFile.Row r : DataFile.read(SensitiveRecognizer.class, "sensitive-cues.tsv")) {
            Cue c;
            try {
                c = Cue.valueOf(r.field(0).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(r.file() + ":" + r.line() + ": unknown cue kind: " + r.field(0), e);
            }
            cues.put(r.field(1), c);
        }
    }

    /** Bits of {@link #pairHash} of the first two characters of the terms: most characters that start a term do not start one here. */
    private final long[] pairs = new long[1 << (PAIR_BITS - 6)];
    /** Characters that are a whole term (胃, 罪). */
    private final boolean[] single = new boolean[65536];
    private static final int PAIR_BITS = 20;

    private static int pairHash(char a, char b) {
        return (a * 31 + b) & ((1 << PAIR_BITS) - 1);
    }

    private void markStart(String word) {
        if (word.length() == 1) {
            single[word.charAt(0)] = true;
        } else {
            int h = pairHash(word.charAt(0), word.charAt(1));
            pairs[h >>> 6] |= 1L << (h & 63);
        }
    }

    /** A cheap filter before the trie walk: some term may start at {@code i}. */
    private boolean mayStart(String text, int i, char c) {
        if (!terms.startsSomeWord(c)) {
            return false;
        }
        if (single[c]) {
            return true;
        }
        if (i + 1 >= text.length()) {
            return false;
        }
        int h = pairHash(c, text.charAt(i + 1));
        return (pairs[h >>> 6] & (1L << (h & 63))) != 0;
    }

    /** How many terms (positive and negative) the lexicon holds. */
    int lexiconSize() {
        return size;
    }

    @Override
    public Set<PiiType> types() {
        return TYPES;
    }

    @Override
    public void find(String text, ScanContext ctx, List<Finding> out) {
        if (text == null || text.isEmpty() || ctx == null) {
            return;
        }
        int wanted = 0; // bits of PiiType ordinals
        for (PiiType t : TYPE_ARRAY) {
            if (ctx.wants(t)) {
                wanted |= 1 << t.ordinal();
            }
        }
        if (wanted == 0) {
            return;
        }
        // no catch-all here: a failure is a bug, and it reaches the caller to be counted (issue 12 item 8)
        int first = out.size();
        scan(text, wanted, ctx, out);
        int m = triggers(text);
        if ((wanted & 1 << PiiType.SENSITIVE_HEALTH.ordinal()) != 0) {
            healthPhrases(text, m, out, first);
            addPhrasesOnLines(text, PARALYSIS, PARALYSIS_WORDS, PiiType.SENSITIVE_HEALTH, out, first);
        }
        mergeNear(text, out, first);
        withEndings(text, out, first);
        wholeCompounds(text, out, first);
        if ((wanted & 1 << PiiType.SENSITIVE_CRIME.ordinal()) != 0) {
            operativePart(text, out);
        }
        // each group of words only where one of its characters is (the bits T_QUOTE to T_OTHER_WORDS); most texts have none
        if ((wanted & 1 << PiiType.SENSITIVE_CREED.ordinal()) != 0) {
            if ((m & T_FAITH) != 0 && hasAny(text, EN_FAITH_WORDS)) {
                addPhrases(text, ENGLISH_CREED, PiiType.SENSITIVE_CREED, out, first);
            }
            if ((m & T_QUOTE) != 0 && (text.indexOf("宗教") >= 0 || text.indexOf("教団") >= 0)) {
                addPhrases(text, NAMED_BODY, PiiType.SENSITIVE_CREED, out, first);
            }
            if ((m & T_BELIEVER) != 0 && (text.indexOf("教徒") >= 0 || text.indexOf("の門徒") >= 0 || text.indexOf("の檀家") >= 0
                    || text.indexOf("の信徒") >= 0)) {
                addPhrases(text, BELIEVER, PiiType.SENSITIVE_CREED, out, first);
            }
            if ((m & T_FAITH_ACT) != 0 && (text.indexOf("の教えに") >= 0 || text.indexOf("入会") >= 0 || text.indexOf("転会") >= 0
                    || text.indexOf("故人の信仰") >= 0 || text.indexOf("輸血") >= 0)) {
                addPhrases(text, FAITH_ACT, PiiType.SENSITIVE_CREED, out, first);
            }
        }
        if ((wanted & 1 << PiiType.SENSITIVE_HEALTH.ordinal()) != 0) {
            if ((m & T_DOSE) != 0 && (text.indexOf("mg") >= 0 || text.indexOf("μg") >= 0 || text.indexOf("µg") >= 0
                    || text.indexOf("ｍｇ") >= 0 || text.indexOf("mcg") >= 0)) {
                addPhrases(text, MEDICATION, PiiType.SENSITIVE_HEALTH, out, first);
            }
            if ((m & T_OTHER_WORDS) != 0 && text.indexOf("妊娠") >= 0) {
                addPhrases(text, PREGNANCY, PiiType.SENSITIVE_HEALTH, out, first);
            }
            if ((m & T_OTHER_WORDS) != 0 && text.indexOf('熱') >= 0) {
                addPhrases(text, FEVER, PiiType.SENSITIVE_HEALTH, out, first);
            }
        }
        if ((m & T_OTHER_WORDS) != 0 && (wanted & 1 << PiiType.SENSITIVE_OTHER.ordinal()) != 0 && text.indexOf("障害") >= 0
                && text.indexOf("年金") >= 0) {
            addPhrases(text, DISABILITY_PENSION, PiiType.SENSITIVE_OTHER, out, first);
        }
        if (ctx.columnHints().isEmpty()) {
            if ((m & T_LABEL) != 0) {
                SensitiveFields.inText(text, wanted, out, first); // 傷病名：…, 【既往歴】…
            }
            out.subList(first, out.size()).removeIf(f -> labelLine(text, f));
        } else {
            PiiType column = SensitiveFields.typeOf(ctx.columnHints(), wanted);
            if (column != null) {
                SensitiveFields.inCell(text, column, out, first); // a cell of a 病名 column
            }
        }
    }

    /** Longest gap between two health findings that {@link #mergeNear} joins. */
    private static final int MERGE_GAP = 8;

    /**
     * Health findings a few characters apart in one clause, with no comma, bracket or sentence end between them, are
     * one account of a person's condition (骨肉腫で|左脚を切断, 人間ドックで|要精密検査): one span, so that a masked copy does not
     * leave the words between them (issue 12's masking coverage). Not across 、: the clauses a comma separates are
     * facts of their own (右足を骨折し、|全治2週間のけが), and so are the items of a list; nor across a person (骨折で入院し
     * 佐藤さんは|うつ病で通院, 肺炎で入院し母は|がん), whose facts are their own. Only findings at or above the detector's
     * threshold: a weak word is not raised by its neighbour.
     */
    private void mergeNear(String text, List<Finding> out, int first) {
        if (out.size() - first < 2) {
            return;
        }
        List<Finding> mine = new ArrayList<>(out.subList(first, out.size()));
        mine.sort(java.util.Comparator.comparingInt(Finding::start));
        List<Finding> merged = new ArrayList<>(mine.size());
        Finding cur = null;
        for (Finding f : mine) {
            if (cur != null && cur.type() == PiiType.SENSITIVE_HEALTH && f.type() == PiiType.SENSITIVE_HEALTH
                    && f.start() >= cur.end() && f.start() - cur.end() <= MERGE_GAP
                    && cur.confidence() >= Detector.DEFAULT_MIN_CONFIDENCE && f.confidence() >= Detector.DEFAULT_MIN_CONFIDENCE
                    && oneClauseChain(text, cur.end(), f.start()) && !boxBetween(text, cur.end(), f.start())
                    && (cuesIn(text, cur.end(), f.start()) & (bit(Cue.PERSON) | bit(Cue.SOMEONE))) == 0) { // 入院し|母は|がん: two people's
                cur = new Finding(cur.type(), cur.start(), f.end(), Math.max(cur.confidence(), f.confidence()), false,
                        text.substring(cur.start(), f.end()));
                continue;
            }
            if (cur != null) {
                merged.add(cur);
            }
            cur = f;
        }
        merged.add(cur);
        if (merged.size() < mine.size()) {
            out.subList(first, out.size()).clear();
            out.addAll(merged);
        }
    }

    /**
     * Each health finding from {@code first} on takes the ending of its verb ({@link #HEALTH_ENDING}), after every test that
     * reads what follows the fact (入院|していた男性患者) and after {@link #mergeNear}, so that no ending brings two facts close
     * enough to join (がんで入院していた|祖父の弟が|手術を受けた). Not where the verb goes on into a negation, a wish, a
     * condition or a doubt ({@link #UNSTATED}), and never into the next finding.
     */
    private static void withEndings(String text, List<Finding> out, int first) {
        int[] starts = null;
        for (int i = first; i < out.size(); i++) {
            Finding f = out.get(i);
            if (f.type() != PiiType.SENSITIVE_HEALTH) {
                continue;
            }
            int e = tailEnd(HEALTH_ENDING, text, f.end(), 8);
            if (e == f.end() || unstated(text, f.end(), e)) {
                continue;
            }
            if (starts == null) {
                starts = out.subList(first, out.size()).stream().mapToInt(Finding::start).sorted().toArray();
            }
            int next = java.util.Arrays.binarySearch(starts, f.end()); // the first finding that starts at or after the end
            next = next >= 0 ? next : -next - 1;
            while (next > 0 && starts[next - 1] == f.end()) {
                next--;
            }
            if (next < starts.length && starts[next] < e) {
                e = starts[next];
            }
            if (e > f.end()) {
                out.set(i, new Finding(f.type(), f.start(), e, f.confidence(), false, text.substring(f.start(), e)));
            }
        }
    }

    /** Words in the run of kana after a verb's ending that leave the fact unstated (されていない, 入院したくない, 入院しても). */
    private static final java.util.regex.Pattern UNSTATED = java.util.regex.Pattern.compile(
            "ない|なかっ|ず|ませ|たい|たく|たら|ても|れば|かどうか|ことがな|か[？?]|かも");

    private static boolean unstated(String text, int from, int e) {
        int k = e;
        while (k < text.length() && k - e < 10 && (Morphology.isHiragana(text.charAt(k)) || text.charAt(k) == '？' || text.charAt(k) == '?')) {
            k++;
        }
        return UNSTATED.matcher(text).region(from, k).find() || text.startsWith("否定", k);
    }

    private static boolean oneClauseChain(String text, int s, int e) {
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (ENDS[c] || "、，「」『』（）()【】：:|｜\t".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** The heading of a judgment's operative part, alone on its line (主文, 主　　文). */
    private static final java.util.regex.Pattern OPERATIVE_HEADING = java.util.regex.Pattern.compile("(?m)^[ 　]*主[ 　]*文[ 　]*$");
    /** What ends the operative part: the reasons, or the facts found. */
    private static final java.util.regex.Pattern OPERATIVE_PART_END = java.util.regex.Pattern.compile(
            "(?m)^[ 　]*(?:理[ 　]*由|（?事実及び理由|（?罪となるべき事実|第[1１一][ 　]|【)");
    /** How a sentence of a 主文 ends: it orders (処する, 棄却する, 負担とする), or it acquits (無罪). */
    private static final String[] OPERATIVE_ENDS = {"する", "しない", "無罪"};

    /**
     * Each sentence of a criminal judgment's 主文 is a fact about the accused (本件控訴を棄却する, 原判決を破棄する,
     * 訴訟費用は被告人の負担とする), whatever its words: the sentences between the heading 主文 and the reasons, in a
     * judgment that names 被告人 or 少年 or a penalty (a civil judgment's 主文, 被告は…支払え, is about no crime). A sentence that a phrase
     * of the lexicon already covers for more than half its length keeps that phrase; the person sentenced (被告人を, 少年を)
     * stays outside the span.
     */
    private static void operativePart(String text, List<Finding> out) {
        if (text.indexOf('主') < 0 || text.indexOf('文') < 0 || !criminal(text)) {
            return;
        }
        java.util.regex.Matcher h = OPERATIVE_HEADING.matcher(text);
        if (!h.find()) {
            return;
        }
        java.util.regex.Matcher z = OPERATIVE_PART_END.matcher(text);
        int stop = z.find(h.end()) ? z.start() : Math.min(text.length(), h.end() + 600);
        int i = h.end();
        while (i < stop) {
            int e = i;
            while (e < stop && text.charAt(e) != '。' && text.charAt(e) != '\n') {
                e++;
            }
            int s = i;
            while (s < e && (Character.isWhitespace(text.charAt(s)) || Character.isDigit(text.charAt(s)))) {
                s++; // the blank and the number of a 主文 item (1　被告人を…)
            }
            s = afterSentenced(text, s, e, toPenalty(text, e));
            int s0 = s;
            int e0 = e;
            boolean orders = false;
            for (String o : OPERATIVE_ENDS) {
                orders |= e - s > o.length() && text.startsWith(o, e - o.length());
            }
            // phrases of the lexicon inside the sentence (控訴, a weak word alone) give way to it; one reaching past it stays
            if (orders && e - s >= 4 && e - s <= 120 && out.stream().noneMatch(f -> f.start() < e0 && s0 < f.end() && (f.start() < s0 || f.end() > e0
                    || f.type() != PiiType.SENSITIVE_CRIME || 2 * (f.end() - f.start()) > e0 - s0))) {
                out.removeIf(f -> f.type() == PiiType.SENSITIVE_CRIME && f.start() >= s0 && f.end() <= e0);
                out.add(new Finding(PiiType.SENSITIVE_CRIME, s, e, 0.7, false, text.substring(s, e)));
            }
            i = e + 1;
        }
    }

    /**
     * A member of a religious body named in brackets: 宗教団体「光明の環」の信者, 宗教法人「…」の元信者 (法2条3項 信条). The lexicon
     * cannot know the body's name; the brackets and the word before them say what it is. Not 信者数 (a count).
     */
    private static final java.util.regex.Pattern NAMED_BODY = java.util.regex.Pattern.compile(
            "(?:宗教団体|宗教法人|教団|新宗教)「[^「」\n]{1,24}」(?:の(?:元)?(?:信者|信徒|会員|幹部|教祖)(?!数)|に入信|に入会)");
    /**
     * Joining a faith as an application or a church's bulletin writes it (みのり光明会の教えに共鳴し、会員として入会, …教会より転入会),
     * a funeral in the faith of the dead (故人の信仰に従いカトリック式), a refusal of blood for one's faith (エホバの証人のため輸血拒否).
     */
    private static final java.util.regex.Pattern FAITH_ACT = java.util.regex.Pattern.compile(
            "(?:(?<=^|[、。「『\\s（(])[\\p{IsHiragana}\\p{IsHan}\\p{IsKatakana}ー]{2,14}|(?<![\\p{IsHan}\\p{IsKatakana}ー])[\\p{IsHan}\\p{IsKatakana}ー]{2,12})"
                    + "(?<!協|法人|学|委員|連合|商工|町内|自治|同窓|研究|協議|経営者|後援)(?:会|教|教会|教団)の教えに(?:共鳴|賛同|帰依|感銘を受け)し(?:、(?:会員|信者|信徒)として入会)?"
                    + "|[\\p{IsHan}\\p{IsKatakana}ー]{2,24}教会(?:より|から)(?:転入会|転会)"
                    + "|故人の信仰に従い[\\p{IsHan}\\p{IsKatakana}ー]{1,10}式"
                    + "|(?:エホバの証人|信仰上の理由|宗教上の理由|[\\p{IsHan}\\p{IsKatakana}ー]{1,10}(?:教|会)の信仰)のため輸血(?:を)?拒否(?:（[^（）\\n]{1,10}）)?");
    /**
     * A disability benefit the person draws, with its grade (障害基礎年金2級を受給中（平成27年から）; 施行令2条1号).
     */
    private static final java.util.regex.Pattern DISABILITY_PENSION = java.util.regex.Pattern.compile(
            "障害(?:基礎|厚生|共済)?年金[0-9０-９１-９一二三]級を受給(?:中|している|しています|しており)?(?!者数|者の数|額)(?:（[^（）\\n]{1,12}）)?");
    /**
     * A temple's or a church's own member (三代続く当寺の門徒); not its members addressed or counted (当寺の檀家の皆様, 同教会の
     * 信徒数). A faith named with 教徒 (クエーカー教徒) is the lexicon's, which a person must lift.
     */
    private static final java.util.regex.Pattern BELIEVER = java.util.regex.Pattern.compile(
            "(?:当|同)(?:寺|教会|院)の(?:門徒|檀家|信徒|会員)(?!数|の皆|各位|一同|の方)");
    /**
     * A medicine with its dose, and how the person takes it (アムロジピン5mgを飲んでいます, チラーヂン50μgを毎朝服用): what a
     * person takes says what they are treated for (法2条3項 病歴).
     */
    private static final java.util.regex.Pattern MEDICATION = java.util.regex.Pattern.compile(
            "[ァ-ヴー]{3,12}(錠|カプセル|テープ|OD錠)?[ 　]?[0-9０-９][0-9０-９.．]{0,4}(?:mg|ｍｇ|μg|µg|mcg)(?![/／])"
                    + "([ 　]?(?:1日|１日)[0-9０-９]回(?:朝食後|夕食後|朝夕食後|毎食後|就寝前)?|[ 　]?[0-9０-９]錠を内服)?"
                    + "(を(?:毎朝|毎晩|毎日|朝晩|朝夕|1日[0-9０-９]回)?(?:服用(?:中|している|しています)?|飲んで(?:います|いる)?))?");
    /** Words of time alone before a medicine (現在, 4月から毎朝): not a condition joined to it. */
    private static final java.util.regex.Pattern TIME_ONLY = java.util.regex.Pattern.compile(
            "(?:現在|今は?|毎朝|毎晩|毎日|朝晩|朝夕|[0-9０-９]{1,4}(?:年|月|日)(?:から|より)?|から|より|、|[ 　])+");
    /** A fever with its temperature (39度の熱, 38℃台の発熱): what someone has, not a threshold (37.5度以上の発熱). */
    private static final java.util.regex.Pattern FEVER = java.util.regex.Pattern.compile(
            "(?<![0-9０-９.．])(?:3[7-9]|4[0-2]|３[７-９]|４[０-２])(?:[.．][0-9０-９])?(?:度|℃)台?の(?:発熱|熱)(?![湯帯風波中])"
                    + "(?!を出したら|が出たら|がある場合|がある時|があるとき|の場合|が続く場合)");
    /**
     * Paralysis of a part of the body (左手に軽いまひ, 右半身麻痺, 四肢まひ): what someone has. The part is needed, with its side
     * or before に/の: 交通がまひ, 通勤の足がまひ, 感覚がまひする are about no one's health; numbness (しびれ) is left out, as
     * menus and product pages use it (舌がしびれる辛さ, 手がしびれる方に).
     */
    private static final java.util.regex.Pattern PARALYSIS = java.util.regex.Pattern.compile(
            "(?<![\\p{IsHan}\\p{IsKatakana}の])(?:[右左両](?:上半身|下半身|半身|手足|手|足|腕|脚|指|顔面|顔)|(?:上半身|下半身|半身|四肢|片側)"
                    + "|(?:手足|手|腕|脚|指|顔面|顔)(?=に|の))"
                    + "(?:に|が|の)?(?:軽い|軽度の|重い|重度の|強い)?(?:まひ|麻痺|マヒ)(?:が残(?:った|り|る))?");
    private static final String[] PARALYSIS_WORDS = {"まひ", "麻痺", "マヒ"};

    /**
     * A health check's result with its value (施行令2条2号, 健康診断その他の検査の結果): 空腹時血糖136mg/dL, HbA1c 7.1%, 血圧
     * 158/96mmHg, γ-GTP 212, several joined by 、, with a bracketed note and a verdict after them (（糖尿病の疑い）, 、要治療). Not
     * a threshold (HbA1cが6.5%以上の場合, LDLコレステロールは140mg/dL未満が目安).
     */
    private static final String CHECKUP_VALUE = "[ 　]?(?:[:：][ 　]?|は|が)?"
            + "(?<![0-9０-９])[0-9０-９]{1,3}+(?:[.．][0-9０-９]{1,2})?+(?:[/／][0-9０-９]{2,3})?+[ 　]?+";
    private static final String CHECKUP_ITEM = "(?:(?:HbA1c|ＨｂＡ１ｃ)" + CHECKUP_VALUE + "(?:%|％)?+"
            // a percentage after any other test is a rate of those examined (うち血圧 18.9%、血糖 9.0%), not one person's value
            + "|(?:(?:空腹時|随時)?血糖値?|γ[-－‐]?GTP?|γ[-－‐]?ＧＴＰ?"
            + "|(?:LDL|HDL|ＬＤＬ|ＨＤＬ)[-－]?(?:コレステロール|C|Ｃ)?|総コレステロール|中性脂肪|尿酸値?|クレアチニン|eGFR|(?:収縮期|拡張期)?血圧)"
            + CHECKUP_VALUE + "(?:mg/dL|mg／dL|ｍｇ/ｄＬ|ｍｇ／ｄＬ|mmHg|ｍｍＨｇ|U/L|IU/L)?+(?![%％])"
            // the liver's enzymes only with their unit (not GPT4, GOT7)
            + "|(?:AST|ALT|GOT|GPT)[ 　]?(?:[:：][ 　]?)?[0-9０-９]{1,4}+[ 　]?(?:U/L|IU/L))"
            // not a threshold, a range or a target (HbA1c 6.5%以上, 4.6〜6.2%, ALT 10-42, 130/80くらい)
            + "(?![0-9０-９.．〜~～\\-－]|[ 　]?(?:以上|以下|未満|を超え|超|程度|前後|を目安|まで|が目安|の場合|なら|くらい|ぐらい|を目標|が目標))";
    private static final java.util.regex.Pattern CHECKUP = java.util.regex.Pattern.compile(
            "(?<![\\p{IsHan}A-Za-z])(?<!目標は)" + CHECKUP_ITEM + "(?:[、，,][ 　]?" + CHECKUP_ITEM + "){0,8}"
                    + "(?:（[^（）\n]{1,14}）|\\([^()\n]{1,14}\\))?"
                    + "(?:[、，][ 　]?(?:要治療|要精密検査|要再検査|要経過観察|要医療|要受診))?");
    /** The end of a table's cell: a separator, a tab or the line's end. */
    private static final java.util.regex.Pattern CELL_REST = java.util.regex.Pattern.compile("[、，][^、，。|｜\t\n,]{1,12}(?=[|｜\t\n,]|$)");
    /**
     * A symptom a person tells of, in their own words (みぞおちが痛い, 朝方に動悸がします, 寝つけず, 意識がもうろうと), several joined by 、;
     * not what to do if it comes (頭が痛いときは), nor 頭が痛い問題 (a trouble), nor 眠れないほど (eagerness).
     */
    private static final String SYMPTOM = "(?:(?<![\\p{IsHan}])(?:頭|お腹|おなか|腹|胃|胸|腰|膝|ひざ|肩|首|背中|喉|のど|歯|耳|目|足|脚|腕|手首|みぞおち|関節|下腹)"
            + "(?:が(?:痛[いくみ]|しびれ|かゆ[いく]|腫れ)|の(?:痛み|しびれ|かゆみ|腫れ)(?!にお悩み|を和らげ|に効|の方|対策|を改善|を軽減|をケア))"
            + "|動悸(?:が(?:する|します|して|した))?|寝つけ(?:ず|ない|なく)|寝付け(?:ず|ない|なく)|(?<!楽しみで|楽しみすぎて|わくわくして|ワクワクして)眠れ(?:ず|ない|なくて|なく)(?!ほど|夜を|[！!])"
            + "|意識(?:が)?(?:もうろう|朦朧)(?:と(?:した|して|する))?|意識を失(?:い|って|った)"
            + "|(?:黒っぽい|黒い|赤い|血の混じった)(?:便|尿|痰)が出(?:た|ます|る|て)?|咳が(?:出(?:る|ます|て)|止まら(?:ない|なく)|続(?:く|いて))"
            + "|息苦し[いく](?!社会|世の中|時代|雰囲気|職場)|息切れ(?:がする|がします)?(?!気味)|吐き気が(?:する|します|して))";
    /** Words one of which each phrase of {@link #SYMPTOMS} holds. */
    private static final String[] SYMPTOM_WORDS = {"痛", "しびれ", "かゆ", "腫れ", "動悸", "寝つけ", "寝付け", "眠れ", "意識", "便が出", "尿が出",
        "痰が出", "咳が", "息苦し", "息切れ", "吐き気が"};
    private static final java.util.regex.Pattern SYMPTOMS = java.util.regex.Pattern.compile(
            SYMPTOM + "(?:[、，][^、，。\n]{0,6}?" + SYMPTOM + "){0,5}"
                    + "(?!(?:とき|時|場合|なら|ようなら|たら|方は|問題|話|ところ|ほど|課題|指摘|ニュース|思い))");
    /** A medicine a doctor prescribed the person (吸入薬を処方されました; 施行令2条3号, 調剤). */
    private static final java.util.regex.Pattern PRESCRIBED = java.util.regex.Pattern.compile(
            "(?<![\\p{IsHan}\\p{IsKatakana}ー])[\\p{IsHan}\\p{IsKatakana}ー]{1,10}(?:薬|剤)を処方(?:され(?:ました|た|て(?:いる|います)?)|して(?:もらいました|もらった|もらって))"
                    + "(?!(?:場合|とき|時|方は))");
    /**
     * A drug and the rash it gave the person, the way a 問診票's allergy field is filled in (■あり（ペニシリンで発疹）,
     * ペニシリン系抗菌薬で全身に発疹): a drug allergy (法2条3項 病歴). Not a leaflet's warning or a topic (…で発疹が出ることが
     * あります, 発疹が出る人も, マスクで湿疹になる原因, 湿疹対策).
     */
    private static final java.util.regex.Pattern DRUG_RASH = java.util.regex.Pattern.compile(
            "(?<![\\p{IsKatakana}ー])[\\p{IsKatakana}ー]{3,12}(?:系)?(?:抗菌薬|抗生物質|抗生剤|製剤)?で(?:全身に)?(?:発疹|蕁麻疹|湿疹)"
                    + "(?!(?:が|の)?(?:出る|でる|現れる)?(?:ことが|場合|恐れ|おそれ|人|方|対策|原因|予防|ケア)|になる)");
    /**
     * A blow a person took (頭などを強く打ち), or a bone broken, named by its body part (鼻の骨が折れた, 右足の骨を折って): an injury
     * (法2条3項 病歴, as the sets label injuries of a named person). The body part is needed: 骨が折れる alone is also said of hard
     * work; not an animal's (鶏の足の骨を折って出汁を), nor what may happen (骨が折れることもあります).
     */
    private static final java.util.regex.Pattern BLOW = java.util.regex.Pattern.compile(
            "(?<![\\p{IsHan}])(?:(?:頭|頭部|胸|胸部|腹|腹部|全身|首|腰|顔)(?:など)?を強く打(?:ち|って|った)"
                    + "|(?<!鶏の|魚の|豚の|牛の|カニの|かにの)[右左両]?(?:鼻|あご|顎|肋|あばら|腕|足|脚|手|指|首|腰|背中|肩|肘|ひじ|膝|ひざ|足首|手首|太もも|すね|かかと|骨盤)"
                    + "の骨(?:を折(?:って|った|り|る)|が折れ(?:て|た|る)?+))(?!ことも|ことが|人が|場合)");
    /**
     * The same facts in the English of a mail or a chat among Japanese text: a condition someone has (has a severe peanut
     * allergy, I have asthma), a pregnancy (she is pregnant), a faith someone states (I'm Muslim). With the verb that says
     * it is theirs: a topic (allergy list, Muslim-friendly) is no one's.
     */
    private static final String EN_CONDITION = "(?:(?:[Ss]evere|mild|serious|bad|food|peanut|nut|egg|milk|wheat|shellfish|seafood|"
            + "penicillin|latex|pollen|dust|cat|dog|chronic|type [12])[ -]){0,4}"
            + "(?:allergy|allergies|diabetes|asthma|epilepsy|cancer|depression|dementia|heart disease|hypertension|HIV|"
            + "autism|ADHD|dyslexia|Crohn's disease|celiac disease|coeliac disease)"
            // the condition itself, not a thing about conditions (cancer research, allergy-free menu)
            + "(?![ -](?:research|programs?|cent(?:er|re)s?|screening|awareness|insurance|foundation|society|association|institute|"
            + "clinics?|wards?|units?|campaigns?|polic(?:y|ies)|lists?|menus?|free|friendly|tests?|drugs?|patients|care|experts?|"
            + "specialists?|studies|study|trials?|prevention|rates?|risks?|statistics))";
    private static final java.util.regex.Pattern ENGLISH_HEALTH = java.util.regex.Pattern.compile(
            "(?:(?<=(?<![A-Za-z])(?:I|[Hh]e|[Ss]he|[Ww]e|[Tt]hey|[A-Z][a-z]{1,15}|daughter|son|child|wife|husband|mother|father|mom|dad|"
                    + "student|brother|sister|grandmother|grandfather) (?:has|have|had|suffers from|was diagnosed with|"
                    + "is diagnosed with|has been diagnosed with) )(?:an? )?" + EN_CONDITION
                    + "(?: and (?:carries|uses|takes) an? [A-Za-z -]{3,30}?(?=[.,;)\\n]|$))?"
                    + "|(?<=(?:(?<![A-Za-z])(?:[Hh]e|[Ss]he|I) (?:is|am|was)|I['’]m) )(?:\\d{1,2} (?:weeks|months) )?pregnant)(?![A-Za-z])");
    /** The words one of which {@link #ENGLISH_HEALTH} needs: the cheap test before it (most texts hold none). */
    private static final String[] EN_CONDITION_WORDS = {"allerg", "diabet", "asthma", "epilep", "cancer", "depress", "dementia",
        "heart", "hypertens", "HIV", "autis", "ADHD", "dyslex", "Crohn", "celiac", "coeliac", "pregnan"};
    private static final String[] EN_FAITH_WORDS = {"Muslim", "Christian", "Catholic", "Protestant", "Buddhist", "Hindu", "Jewish",
        "Sikh", "Mormon", "Jehovah"};
    private static final java.util.regex.Pattern ENGLISH_CREED = java.util.regex.Pattern.compile(
            "(?<![A-Za-z])(?:I'm|I am|I’m|[Hh]e is|[Ss]he is|[Ww]e are|[Tt]hey are)(?: an?| a devout| a practising| a practicing)? "
                    + "(?:Muslim|Christian|Catholic|Protestant|Buddhist|Hindu|Jewish|Sikh|Mormon|Jehovah's Witness)s?(?![A-Za-z])"
                    // a faith as what an institution or a job is (a Christian school, a Catholic school teacher)
                    + "(?! (?:school|church|university|college|hospital|teacher|community|country|family|charity|group|organi[sz]ation))");
    /** A pregnancy with how far it is (妊娠5か月, 妊娠12週): a fact about the person's body. */
    private static final java.util.regex.Pattern PREGNANCY = java.util.regex.Pattern.compile(
            "妊娠[0-9０-９]{1,2}(?:か月|カ月|ヶ月|ケ月|週目?)(?!以降|以上|未満|まで|を過ぎ|の方|の妊婦)");

    /**
     * Adds each match of {@code p} as one phrase of {@code type}, unless a phrase already found overlaps it from
     * outside; the weaker terms inside it (信者 alone) give way to it.
     */
    private static void addPhrases(String text, java.util.regex.Pattern p, PiiType type, List<Finding> out, int first) {
        addPhrases(text, p, type, out, first, p.matcher(text));
    }

    /**
     * {@link #addPhrases} for a pattern whose phrases never cross a line and always hold one of {@code words}: looked for
     * only on the lines that hold one (a window of a text file is many lines, and a pattern with look-behinds tried at
     * every character of it costs more than the search for its words). The same phrases, in the same order.
     */
    private static void addPhrasesOnLines(String text, java.util.regex.Pattern p, String[] words, PiiType type, List<Finding> out,
            int first) {
        java.util.BitSet starts = null; // the lines holding a word, by where they start
        for (String w : words) {
            for (int i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) {
                starts = starts == null ? new java.util.BitSet() : starts;
                starts.set(text.lastIndexOf('\n', i - 1) + 1);
            }
        }
        if (starts == null) {
            return;
        }
        java.util.regex.Matcher m = p.matcher(text).useTransparentBounds(true);
        for (int ls = starts.nextSetBit(0); ls >= 0; ls = starts.nextSetBit(ls + 1)) {
            int le = text.indexOf('\n', ls);
            addPhrases(text, p, type, out, first, m.region(ls, le < 0 ? text.length() : le));
        }
    }

    private static void addPhrases(String text, java.util.regex.Pattern p, PiiType type, List<Finding> out, int first,
            java.util.regex.Matcher m) {
        while (m.find()) {
            if (p == MEDICATION && m.group(1) == null && m.group(2) == null && m.group(3) == null) {
                continue; // a dose alone is a nutrition label's too (カルシウム200mg): a form (錠) or the taking is needed
            }
            int s = m.start();
            int e = m.end();
            if (p == CHECKUP && s > 0 && (text.charAt(s - 1) == '（' || text.charAt(s - 1) == '(') && e < text.length()
                    && (text.charAt(e) == '）' || text.charAt(e) == ')')) {
                int r = s - 1;
                while (r > 0 && s - r < 12 && (Character.UnicodeScript.of(text.charAt(r - 1)) == Character.UnicodeScript.HAN
                        || Morphology.isKatakana(text.charAt(r - 1)))) {
                    r--;
                }
                if (r < s - 2) {
                    s = r; // the finding a result in brackets backs (肝機能異常（γ-GTP 142）)
                    e++;
                }
            } else if (p == CHECKUP && (s == 0 || "|｜\t,\n".indexOf(text.charAt(s - 1)) >= 0)) {
                java.util.regex.Matcher rest = CELL_REST.matcher(text).region(e, text.length());
                if (rest.lookingAt()) {
                    e = rest.end(); // a cell that starts with a result is the person's result to its end (γ-GTP 212、脂肪肝)
                }
            }
            if (p == BLOW) {
                e = withPredicate(text, e, type); // 頭を強く打ち、搬送先の病院で死亡
            }
            if (p == DRUG_RASH) {
                e = withCourse(text, e); // ペニシリンで発疹の既往
            }
            boolean medicine = p == MEDICATION;
            if (medicine) {
                for (Finding f : out.subList(first, out.size())) {
                    if (f.type() == type && f.start() < s && f.end() > s && !TIME_ONLY.matcher(text).region(f.start(), s).matches()) {
                        s = f.start(); // the condition the lexicon joined to the medicine's name (糖尿病でメトホルミン) stays with its dose
                    }
                }
            }
            // among this recognizer's findings (the list holds others'), 信者 alone, a weak word inside, gives way to the phrase;
            // a medicine's name the lexicon found with the time it was written after (現在アムロジピン), to its dose's
            Finding phrase = new Finding(type, s, e, 0.7, false, text.substring(s, e));
            Finding.addOver(out, first, phrase, f -> f.start() >= phrase.start() && f.end() <= phrase.end()
                    || medicine && f.type() == type && f.end() > phrase.start() && f.end() <= phrase.end());
        }
    }

    /**
     * A health check's results, symptoms told, a prescription and a blow: phrases the lexicon's terms do not make. Before
     * {@link #mergeNear}, so that one joins the finding it explains (動悸のため心療内科に通院).
     */
    private static void healthPhrases(String text, int m, List<Finding> out, int first) {
        if ((m & T_DIGIT) != 0 && (m & T_CHECKUP) != 0 && hasAny(text, "血", "GTP", "ＧＴＰ", "HbA1c", "ＨｂＡ１ｃ", "AST", "ALT", "GOT",
                "GPT", "コレステロール", "中性脂肪", "尿酸", "クレアチニン", "eGFR")) {
            addPhrases(text, CHECKUP, PiiType.SENSITIVE_HEALTH, out, first);
        }
        if ((m & T_SYMPTOM) != 0) {
            addPhrasesOnLines(text, SYMPTOMS, SYMPTOM_WORDS, PiiType.SENSITIVE_HEALTH, out, first);
        }
        if ((m & T_PRESCRIBED) != 0 && text.indexOf("を処方") >= 0) {
            addPhrases(text, PRESCRIBED, PiiType.SENSITIVE_HEALTH, out, first);
        }
        if ((m & T_BLOW) != 0 && (text.indexOf("を強く打") >= 0 || text.indexOf("の骨") >= 0)) {
            addPhrases(text, BLOW, PiiType.SENSITIVE_HEALTH, out, first);
        }
        if ((m & T_RASH) != 0) {
            addPhrases(text, DRUG_RASH, PiiType.SENSITIVE_HEALTH, out, first);
        }
        if ((m & T_LOWER) != 0) {
            addPhrasesOnLines(text, ENGLISH_HEALTH, EN_CONDITION_WORDS, PiiType.SENSITIVE_HEALTH, out, first);
        }
    }

    /** Bits of {@link #TRIGGERS}: characters one of which each health phrase needs, read in one pass over the text. */
    private static final int T_DIGIT = 1;
    private static final int T_CHECKUP = 2;
    private static final int T_SYMPTOM = 4;
    private static final int T_PRESCRIBED = 8;
    private static final int T_BLOW = 16;
    private static final int T_LOWER = 32;
    private static final int T_FAITH = 64;
    /** What ends a field's label (： : 】 ] ］): {@link SensitiveFields#inText} has nothing to read without one. */
    private static final int T_LABEL = 128;
    /**
     * A character of a word {@link #find} looks for before its phrases: 「 (a named body), 徒 or 檀 (a believer), 教, 会, 仰 or
     * 輸 (a faith's act), m, μ or ｍ (a dose), 妊, 熱 or 障 (妊娠, a fever, 障害 with 年金).
     */
    private static final int T_QUOTE = 256;
    private static final int T_BELIEVER = 512;
    private static final int T_FAITH_ACT = 1024;
    private static final int T_DOSE = 2048;
    private static final int T_OTHER_WORDS = 4096;
    /** 疹 (発疹, 蕁麻疹, 湿疹): a drug's rash. */
    private static final int T_RASH = 8192;
    private static final char[] TRIGGERS = new char[65536];

    static {
        for (char c = '0'; c <= '9'; c++) {
            TRIGGERS[c] |= T_DIGIT;
            TRIGGERS[c - '0' + '０'] |= T_DIGIT;
        }
        for (char c : "血GＧHＨALコ中尿クe".toCharArray()) {
            TRIGGERS[c] |= T_CHECKUP;
        }
        for (char c : "痛びゆ腫悸寝眠識出咳息吐".toCharArray()) { // 痛, しびれ, かゆ, 腫れ, 動悸, 寝つけ, 眠れ, 意識, が出, 咳, 息, 吐き気
            TRIGGERS[c] |= T_SYMPTOM;
        }
        TRIGGERS['処'] |= T_PRESCRIBED;
        TRIGGERS['打'] |= T_BLOW;
        TRIGGERS['折'] |= T_BLOW;
        TRIGGERS['疹'] |= T_RASH;
        for (char c = 'a'; c <= 'z'; c++) {
            TRIGGERS[c] |= T_LOWER;
        }
        for (char c : "HAC".toCharArray()) { // HIV, ADHD, Crohn
            TRIGGERS[c] |= T_LOWER;
        }
        for (String w : EN_FAITH_WORDS) {
            TRIGGERS[w.charAt(0)] |= T_FAITH;
        }
        String[] words = {"「", "徒檀", "教会仰輸", "mμµｍ", "妊熱障"};
        int[] bits = {T_QUOTE, T_BELIEVER, T_FAITH_ACT, T_DOSE, T_OTHER_WORDS};
        for (int k = 0; k < words.length; k++) {
            for (char c : words[k].toCharArray()) {
                TRIGGERS[c] |= bits[k];
            }
        }
        for (char c : "：:】]］".toCharArray()) {
            TRIGGERS[c] |= T_LABEL;
        }
    }

    private static int triggers(String text) {
        int m = 0;
        for (int i = 0; i < text.length(); i++) {
            m |= TRIGGERS[text.charAt(i)];
        }
        return m;
    }

    private static boolean hasAny(String text, String... words) {
        for (String w : words) {
            if (text.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Words only a criminal judgment has: its parties, and its penalties (an appeal's 主文 may name no party). */
    private static final String[] CRIMINAL = {"被告人", "少年", "未決勾留", "懲役", "禁錮", "拘禁刑", "執行猶予"};

    private static boolean criminal(String text) {
        for (String w : CRIMINAL) {
            if (text.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private void scan(String text, int wanted, ScanContext ctx, List<Finding> out) {
        List<Piece> pieces = null;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '種') {
                int e = gradeAt(text, i);
                if (e > 0) {
                    int s = gradeStart(text, i);
                    pieces = add(pieces, new Piece(s, e, GRADE, Kind.FACT, GRADE.strength()));
                    i = e;
                    continue;
                }
            }
            int len = mayStart(text, i, c) ? terms.longest(text, i) : 0;
            if (len == 0) {
                i++;
                continue;
            }
            Term t = terms.get(text, i, len);
            int end = i + len;
            if (t.negative()) {
                i = end;
                continue;
            }
            if ((t.ascii() && !asciiBoundaries(text, i, end)) || (t.kana() && (insideKanaWord(text, i, end) || !isNoun(text, i, end)))) {
                i++;
                continue;
            }
            Piece p = new Piece(i, end, t, t.kind(), t.strength());
            if (t.takesRun()) {
                int floor = pieces == null || pieces.isEmpty() ? 0 : pieces.get(pieces.size() - 1).end;
                // a tail takes the offence across の (殺人未遂の疑い); a fact only what is attached (卵アレルギー, not 保育園のアレルギー)
                // and a member the group it belongs to across の (日本共産党の党員)
                boolean member = t.type() == PiiType.SENSITIVE_CREED && i >= 2 && "党会教団".indexOf(text.charAt(i - 2)) >= 0;
                int at = (t.kind() == Kind.TAIL || member) && i > floor && text.charAt(i - 1) == 'の' ? i - 1 : i;
                int s = runStart(text, at, floor);
                s = s < at ? s : i;
                if (s < i) {
                    p = new Piece(s, end, t, t.kind(), Math.min(0.9, t.strength() + 0.2));
                }
            }
            if (unticked(text, p.start)) {
                i = end; // □糖尿病 □心臓病 ■喘息: a form's choice left unticked is no fact about the person
                continue;
            }
            if (t.crimeSuffix()) {
                crimeSuffix(text, p);
            }
            if (t.kind() == Kind.ORIGIN && !origin(text, p)) {
                i = end;
                continue;
            }
            if (t.kind() == Kind.LEAD) {
                int d = durationEnd(text, p.end, false);
                p.kind = d > 0 ? Kind.FACT : Kind.HEAD;
                p.leads = d > 0;
                p.end = Math.max(p.end, d);
            }
            extendRight(text, p);
            victimClause(text, p, pieces);
            if (p.term.type() == PiiType.SENSITIVE_HEALTH && (p.kind == Kind.CARE || beginsWithCare(text, p))) {
                pieces = unknownCondition(text, pieces, p, false); // also before a longer wording (肺線維症のため療養中のところ)
            } else if (p.term.type() == PiiType.SENSITIVE_HEALTH && p.kind == Kind.TAIL && deathAt(text, p.start)) {
                pieces = unknownCondition(text, pieces, p, true); // 多発外傷のため死去: what someone died of
            }
            pieces = add(pieces, p);
            i = p.end;
        }
        if (pieces != null) {
            phrases(text, pieces, wanted, ctx, out);
        }
    }

    /**
     * The words of a death after which a cause of any shape is the condition (Xのため死去, 逝去, 永眠: an obituary's); not
     * 死亡, which statistics and insurance terms use of no one (交通事故による死亡者数, 災害による死亡の場合).
     */
    private static final String[] DEATHS = {"死去", "逝去", "永眠", "急逝"};

    private static boolean deathAt(String text, int i) {
        for (String d : DEATHS) {
            if (text.startsWith(d, i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A condition the lexicon lacks, named by its suffix (…炎, …症, …病) just before a care word through a connector
     * (アトピー性皮膚炎で通院, 胆管炎のため入院): added as a condition so the care word joins it. With {@code anySuffix}, before
     * a death and のため (多発外傷のため死去), any run of two kanji or katakana or more, whatever its last character.
     */
    private static List<Piece> unknownCondition(String text, List<Piece> pieces, Piece care, boolean anySuffix) {
        int floor = pieces == null || pieces.isEmpty() ? 0 : pieces.get(pieces.size() - 1).end;
        int e = care.start;
        while (e > floor && care.start - e < 3 && CONNECTS[text.charAt(e - 1)] && !isRunChar(text.charAt(e - 1))) {
            e--; // で, の, のため
        }
        if (e == care.start || e <= floor || CONDITION_SUFFIX.indexOf(text.charAt(e - 1)) < 0
                && !(anySuffix && text.startsWith("のため", e) && e + 3 == care.start)) { // not 病院で死去, 火災による死亡
            return pieces;
        }
        int s = runStart(text, e, floor);
        if (e - s < 2) {
            return pieces;
        }
        return add(pieces, new Piece(s, e, UNKNOWN_CONDITION, Kind.FACT, UNKNOWN_CONDITION.strength()));
    }

    /** True when a care word of the lexicon (療養, 入院 …) begins the piece's wording (療養中のところ). */
    private boolean beginsWithCare(String text, Piece p) {
        for (int n = 2; n <= 3 && p.start + n <= p.end; n++) {
            Term c = terms.get(text, p.start, n);
            if (c != null && c.kind() == Kind.CARE) {
                return true;
            }
        }
        return false;
    }

    /** Longest form label, read alone on its line, that {@link #labelLine} looks up. */
    private static final int MAX_LABEL = 12;
    /** Most characters a label's line holds on either side of its label (blanks, bullets, brackets). */
    private static final int LABEL_LINE = 48;

    /**
     * A finding that is a form's label on a line of its own, its value on the next line (宗教・宗派⏎浄土真宗, 前歴⏎なし,
     * 障害支援区分⏎区分5): the line is one of {@link #FIELD_LABELS}, so what it names is below it.
     */
    private static boolean labelLine(String text, Finding f) {
        if (f.end() - f.start() > MAX_LABEL) {
            return false;
        }
        // a label's line is short: its ends are looked for near the finding only, not over a long line for each finding
        int ls = f.start();
        while (ls > 0 && text.charAt(ls - 1) != '\n') {
            if (f.start() - --ls > LABEL_LINE) {
                return false;
            }
        }
        int le = f.end();
        while (le < text.length() && text.charAt(le) != '\n') {
            if (++le - f.end() > LABEL_LINE) {
                return false;
            }
        }
        if (le + 1 >= text.length() || text.charAt(le + 1) == '\n' || text.charAt(le + 1) == '\r') {
            return false; // the last line, or a blank line after it: no value below
        }
        int s = ls;
        int e = le > ls && text.charAt(le - 1) == '\r' ? le - 1 : le;
        while (s < e && (text.charAt(s) == ' ' || text.charAt(s) == '\u3000' || "■□●・【［".indexOf(text.charAt(s)) >= 0)) {
            s++;
        }
        while (e > s && (text.charAt(e - 1) == ' ' || text.charAt(e - 1) == '\u3000' || "：:】］".indexOf(text.charAt(e - 1)) >= 0)) {
            e--;
        }
        if (e - s > MAX_LABEL || f.start() < s || f.end() > e) {
            return false;
        }
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\u3000' || c == '\t' || c == '：' || c == ':' || Morphology.isHiragana(c) && c != 'の') {
                return false; // a label and its value on one line (既往歴　糖尿病), or a sentence
            }
        }
        return FIELD_LABELS.contains(text.substring(s, e));
    }

    /**
     * The headings of a form's sensitive fields that the lexicon also holds as terms (宗派, 前歴, 障害支援区分), whole: a line
     * holding one alone labels the line below it. Not what a value may hold (心疾患, 精神疾患, 花粉アレルギー).
     */
    private static final Set<String> FIELD_LABELS = Set.of("宗教・宗派", "宗教／宗派", "宗派", "宗教", "信仰", "前歴", "前科", "犯罪歴", "逮捕歴",
            "前科・前歴", "障害支援区分", "障害程度区分", "要介護度", "要介護認定", "障害者手帳", "手帳の種類", "手帳の種類・等級", "病歴", "既往歴");

    /** A form's boxes left unticked, and all its boxes, ticked or not. */
    private static final String UNTICKED = "□☐▢◻";
    private static final String BOXES = UNTICKED + "■☑☒✓✔";

    /** A box left unticked just before {@code i} (□糖尿病, ☐ 喘息, [ ] がん, ［　］心臓病). */
    private static boolean unticked(String text, int i) {
        int j = i;
        while (j > 0 && i - j < 2 && (text.charAt(j - 1) == ' ' || text.charAt(j - 1) == '\u3000')) {
            j--;
        }
        if (j == 0) {
            return false;
        }
        char c = text.charAt(j - 1);
        boolean box = UNTICKED.indexOf(c) >= 0 || j >= 3 && (c == ']' || c == '］')
                && (text.charAt(j - 2) == ' ' || text.charAt(j - 2) == '\u3000') && (text.charAt(j - 3) == '[' || text.charAt(j - 3) == '［');
        if (!box) {
            return false;
        }
        int ls = text.lastIndexOf('\n', j - 1) + 1; // a choice among others on its line, not a bullet (□高血圧の治療中であり、…)
        int le = Chars.lineEnd(text, j);
        int boxes = 0;
        for (int k = ls; k < le && boxes < 2; k++) {
            boxes += BOXES.indexOf(text.charAt(k)) >= 0 || text.startsWith("[ ]", k) || text.startsWith("［　］", k) ? 1 : 0;
        }
        return boxes >= 2;
    }

    /** How far after a fact its form's はい may stand. */
    private static final int YES_REACH = 40;

    /** Later on the line of {@code end}, an unticked box before はい (□はい　□いいえ, □はい　■いいえ): a question not answered yes. */
    private static boolean yesUnticked(String text, int end) {
        int le = Chars.lineEndWithin(text, end, YES_REACH);
        le = le < 0 ? end + YES_REACH + 1 : le;
        for (int y = end + 1; y + 1 < le; y++) { // within the line and a reach: not a search through the rest of a long text
            if (text.charAt(y) == 'は' && text.charAt(y + 1) == 'い') {
                return unticked(text, y);
            }
        }
        return false;
    }

    private static boolean boxBetween(String text, int s, int e) {
        for (int i = s; i < e; i++) {
            if (BOXES.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Last characters of condition names: 皮膚炎, 不全症, 心臓病, 脳腫瘍, 肝硬変. */
    private static final String CONDITION_SUFFIX = "炎症病癌腫瘍患変";
    private static final Term UNKNOWN_CONDITION = new Term(PiiType.SENSITIVE_HEALTH, "法2条3項(病歴)", 0.5, false, false, false, Kind.FACT,
            false, false, false);

    private static List<Piece> add(List<Piece> pieces, Piece p) {
        List<Piece> l = pieces == null ? new ArrayList<>() : pieces;
        l.add(p);
        return l;
    }

    /** The pseudo-term of a disability grade (1種2級) found by pattern, not by the lexicon. */
    private static final Term GRADE = new Term(PiiType.SENSITIVE_OTHER, "施行令2条1号(心身の機能の障害)", 0.55, false, false, false, Kind.FACT,
            false, false, false);

    /** The end of a grade pattern {@code N種N級} around the 種 at {@code i}, or 0. */
    private static int gradeAt(String text, int i) {
        if (text.charAt(i) != '種' || i == 0 || !isDigit(text.charAt(i - 1))) {
            return 0;
        }
        int j = i + 1;
        int d = j;
        while (j < text.length() && isDigit(text.charAt(j))) {
            j++;
        }
        return j > d && j < text.length() && text.charAt(j) == '級' ? j + 1 : 0;
    }

    private static int gradeStart(String text, int i) {
        int s = i;
        while (s > 0 && isDigit(text.charAt(s - 1)) && i - s < 2) {
            s--;
        }
        return s;
    }

    private static boolean isDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= '０' && c <= '９') || "一二三四五六七".indexOf(c) >= 0;
    }

    private static boolean isRunChar(char c) {
        return Morphology.isKanji(c) || Morphology.isKatakana(c) || c == '・';
    }

    /** Longest run of kanji after a condition and 性 that {@link #wholeCompounds} takes in (糖尿病性|網膜症). */
    private static final int MAX_DIAGNOSIS_RUN = 4;
    /** How the name of a condition or an injury ends (骨折, 喘息, 糖尿病, 腎症, 胃炎, 脳梗塞, 肺癌, 腫瘍): the ones compounds grow. */
    private static final String CONDITION_ENDS = "症炎病折息傷害癌腫塞瘍";

    /**
     * A health finding inside a longer compound takes the whole of it, as diagnoses are written (左大腿骨転子部|骨折, アスピリン|喘息,
     * 糖尿病|性腎症3期): the compound before it ({@link #withCompound}, or a katakana run), and after 性 a condition of the
     * condition with a stage's digits and 期. Only a condition's name ({@link #CONDITION_ENDS}); not across another finding.
     */
    private static void wholeCompounds(String text, List<Finding> out, int first) {
        for (int k = first; k < out.size(); k++) {
            Finding f = out.get(k);
            if (f.type() != PiiType.SENSITIVE_HEALTH || CONDITION_ENDS.indexOf(text.charAt(f.end() - 1)) < 0) {
                continue; // a condition's name (骨折, 喘息, 糖尿病), not care (今日|退院, 上記|治療)
            }
            int s = withCompound(text, f.start());
            if (s == f.start()) { // アスピリン|喘息: a drug or a kind in katakana glued before it
                while (s > 0 && f.start() - s < MAX_COMPOUND && (Morphology.isKatakana(text.charAt(s - 1)) || text.charAt(s - 1) == 'ー')) {
                    s--;
                }
                if (s > 0 && (Morphology.isKatakana(text.charAt(s - 1)) || Morphology.isKanji(text.charAt(s - 1))) || f.start() - s < 2) {
                    s = f.start();
                }
            }
            int e = f.end();
            if (e < text.length() && text.charAt(e) == '性') { // 糖尿病|性腎症3期: a condition of the condition
                int r = e + 1;
                while (r < text.length() && r - e <= MAX_DIAGNOSIS_RUN && Morphology.isKanji(text.charAt(r))) {
                    r++;
                }
                if (r > e + 1 && CONDITION_ENDS.indexOf(text.charAt(r - 1)) >= 0 && !(r < text.length() && Morphology.isKanji(text.charAt(r)))) {
                    e = r;
                    int d = e;
                    while (d < text.length() && d - e < 2 && Chars.isDigit(text.charAt(d))) {
                        d++;
                    }
                    e = d > e && d < text.length() && text.charAt(d) == '期' ? d + 1 : e;
                }
            }
            if (s == f.start() && e == f.end()) {
                continue;
            }
            boolean clash = false;
            for (int j = first; j < out.size() && !clash; j++) {
                Finding g = out.get(j);
                clash = j != k && g.start() < e && s < g.end();
            }
            if (!clash) {
                out.set(k, new Finding(f.type(), s, e, f.confidence(), f.validated(), text.substring(s, e)));
            }
        }
    }

    /** Start of the run of kanji/katakana just before {@code i}, not before {@code floor}. */
    private static int runStart(String text, int i, int floor) {
        int s = i;
        while (s > floor && i - s < MAX_RUN && isRunChar(text.charAt(s - 1))) {
            s--;
        }
        return s;
    }

    /** 殺人罪で / 殺人罪に問われ: the offence named by its crime is a fact; 刑法の窃盗罪では is not. */
    private static void crimeSuffix(String text, Piece p) {
        int e = p.end;
        if (e < text.length() && text.charAt(e) == 'で' && (e + 1 >= text.length() || "はも".indexOf(text.charAt(e + 1)) < 0)) {
            p.kind = Kind.FACT;
        }
    }

    /** 在日/日系 + group + 人 (在日ブラジル人) or + N世 (日系2世): extends the piece, or false when neither follows. */
    private static boolean origin(String text, Piece p) {
        int j = p.end;
        int g = generation(text, j);
        if (g > 0) {
            p.end = g;
            p.kind = Kind.FACT;
            return true;
        }
        int k = j;
        while (k < text.length() && k - j < MAX_RUN && isRunChar(text.charAt(k)) && text.charAt(k) != '人') {
            k++;
        }
        if (k > j && k < text.length() && text.charAt(k) == '人') {
            p.end = k + 1;
            p.kind = Kind.FACT;
            return true;
        }
        return false;
    }

    /**
     * The end of a duration starting at {@code j} (2週間, 6か月, 3年, 2年6月, 10日間), or 0. Digits may be
     * ASCII, full-width or kanji numerals.
     */
    private static int durationEnd(String text, int j, boolean money) {
        int end = 0;
        int k = j;
        for (int part = 0; part < 2; part++) {
            int d = k;
            while (k < text.length() && k - d < 4 && isDigit(text.charAt(k))) {
                k++;
            }
            if (k == d) {
                break;
            }
            int u = unitEnd(text, k, money);
            if (u == 0) {
                break;
            }
            end = k = u;
        }
        return end;
    }

    private static final String[] UNITS = {"週間", "か月", "カ月", "ヶ月", "ケ月", "箇月", "年間", "日間", "年", "月", "日", "週"};

    private static final String[] MONEY = {"万円", "円"};

    private static int unitEnd(String text, int k, boolean money) {
        for (String u : money ? MONEY : UNITS) {
            if (text.startsWith(u, k)) {
                return k + u.length();
            }
        }
        if (!money) {
            return 0;
        }
        for (String u : UNITS) {
            if (text.startsWith(u, k)) {
                return k + u.length();
            }
        }
        return 0;
    }

    /**
     * The end of the grade after a 療育手帳 (A, A1, B2, in brackets or not: the grades the prefectures give), or 0.
     */
    private static int rehabilitationGrade(String text, Piece p) {
        if (!text.startsWith("手帳", p.end - 2)) {
            return 0;
        }
        int k = p.end;
        boolean bracket = Chars.isOpenParen(Chars.at(text, k));
        if (bracket) {
            k++;
        }
        char c = Chars.at(text, k);
        if (c != 'A' && c != 'B' && c != 'Ａ' && c != 'Ｂ') {
            return 0;
        }
        k++;
        if ("12１２".indexOf(Chars.at(text, k)) >= 0) {
            k++;
        }
        if (text.startsWith("判定", k)) {
            k += 2; // 療育手帳（B判定）
        }
        if (Chars.isAlnum(Chars.at(text, k))) {
            return 0; // ABC, B12: not a grade
        }
        if (bracket) {
            return Chars.isCloseParen(Chars.at(text, k)) ? k + 1 : 0;
        }
        return k;
    }

    /** The end of a generation {@code N世} starting at {@code j}, or 0 (世代 is not one). */
    private static int generation(String text, int j) {
        int k = j;
        while (k < text.length() && k - j < 2 && isDigit(text.charAt(k))) {
            k++;
        }
        if (k > j && k < text.length() && text.charAt(k) == '世' && (k + 1 >= text.length() || text.charAt(k + 1) != '代')) {
            return k + 1;
        }
        return 0;
    }

    private static final String VICTIM = "被害";
    /** How far back the clause that describes what was done to a victim may start. */
    private static final int CLAUSE_REACH = 24;

    /**
     * A victimisation described by the clause before it (老後の蓄えをだまし取られる被害, 預金を引き出される被害に遭った,
     * つきまといを受けるストーカー被害): when an attributive verb (…れる, …受ける) comes right before 被害 or before
     * the word that ends in it, the piece becomes a fact starting where the clause starts (after 、, は, が, から
     * or the piece before).
     */
    private static void victimClause(String text, Piece p, List<Piece> pieces) {
        if (p.term.type() != PiiType.SENSITIVE_OTHER || (p.kind != Kind.TAIL && p.kind != Kind.FACT)) {
            return;
        }
        int v = text.indexOf(VICTIM, p.start);
        if (v < 0 || v >= p.end) {
            return;
        }
        int w = p.start; // 被害, or the word ending in 被害 (ストーカー被害)
        if (w < 2 || text.charAt(w - 1) != 'る' || !(text.charAt(w - 2) == 'れ' || text.startsWith("受け", w - 3))) {
            return;
        }
        int floor = pieces == null || pieces.isEmpty() ? 0 : pieces.get(pieces.size() - 1).end;
        int s = w - 1;
        while (s > floor && w - s < CLAUSE_REACH) {
            char c = text.charAt(s - 1);
            if (ENDS[c] || c == '、' || c == '，' || c == 'は' || c == 'が' || c == '「' || c == '」'
                    || (c == 'ら' && s >= 2 && text.charAt(s - 2) == 'か')) {
                break;
            }
            s--;
        }
        if (w - s >= CLAUSE_REACH) {
            return; // no clause boundary near: not a clause of its own
        }
        p.kind = Kind.FACT;
        p.strength = Math.max(p.strength, STRONG);
        p.start = s;
    }

    /** Suffixes a fact takes: a generation after an ethnic origin, a grade after a disability, 2型 before a disease. */
    private static void extendRight(String text, Piece p) {
        if (p.kind != Kind.FACT) {
            return;
        }
        PiiType type = p.term.type();
        if (type == PiiType.SENSITIVE_CRIME) {
            int d = durationEnd(text, p.end, true); // 懲役8年, 懲役2年6月, 執行猶予5年, 罰金30万円
            p.end = Math.max(p.end, d);
            return;
        }
        if (type == PiiType.SENSITIVE_OTHER) {
            int b = p.end;
            if (b + 1 < text.length() && (text.charAt(b) == '（' || text.charAt(b) == '(')) {
                int k = b + 1;
                while (k < text.length() && k - b < 3 && isDigit(text.charAt(k))) {
                    k++;
                }
                int e = k < text.length() && text.charAt(k) == '種' ? gradeAt(text, k) : k < text.length() && k > b + 1 && text.charAt(k) == '級' ? k + 1 : 0;
                if (e > 0 && e < text.length() && (text.charAt(e) == '）' || text.charAt(e) == ')')) {
                    p.end = e + 1; // 身体障害者手帳（1種1級）
                    return;
                }
            }
            int r = rehabilitationGrade(text, p);
            if (r > 0) {
                p.end = r; // 療育手帳（B2）, 療育手帳A
                return;
            }
            int g = generation(text, p.end);
            if (g > 0) {
                p.end = g;
                return;
            }
            int j = p.end < text.length() && (text.charAt(p.end) == ' ' || text.charAt(p.end) == '　') ? p.end + 1 : p.end; // 障害者手帳 2級
            int k = j;
            while (k < text.length() && k - j < 2 && isDigit(text.charAt(k))) {
                k++;
            }
            if (k > j && k < text.length()) {
                if (text.charAt(k) == '級') {
                    p.end = k + 1;
                } else if (text.charAt(k) == '種') {
                    int e = gradeAt(text, k);
                    if (e > 0) {
                        p.end = e;
                    }
                }
            }
        }
    }

    /** The start of a disease with its type prefix (2型糖尿病, Ⅱ型): {@code s} when there is none. */
    private static int withTypePrefix(String text, int s) {
        if (s >= 2 && text.charAt(s - 1) == '型') {
            char d = text.charAt(s - 2);
            if (isDigit(d) || d == 'Ⅰ' || d == 'Ⅱ' || (d >= 'A' && d <= 'Z')) {
                return s - 2;
            }
        }
        return s;
    }

    // ---- phrases -------------------------------------------------------------------------------

    /** Joins the pieces into phrases and reports those that state a fact. */
    private void phrases(String text, List<Piece> pieces, int wanted, ScanContext ctx, List<Finding> out) {
        int from = -1;
        for (int k = 0; k < pieces.size(); k++) {
            Piece p = pieces.get(k);
            if (p.kind == Kind.ROLE) {
                continue;
            }
            if (from >= 0 && joins(text, pieces, from, k)) {
                continue;
            }
            if (from >= 0) {
                report(text, pieces, from, k, wanted, ctx, out);
            }
            from = k;
        }
        if (from >= 0) {
            report(text, pieces, from, pieces.size(), wanted, ctx, out);
        }
    }

    /** The last non-role piece before {@code k}, from {@code from}. */
    private static Piece lastBefore(List<Piece> pieces, int from, int k) {
        for (int j = k - 1; j >= from; j--) {
            if (pieces.get(j).kind != Kind.ROLE) {
                return pieces.get(j);
            }
        }
        return null;
    }

    /** The type of a phrase: that of its last piece that is not a head. */
    private static PiiType typeOf(List<Piece> pieces, int from, int to) {
        PiiType type = null;
        for (int j = from; j < to; j++) {
            Piece p = pieces.get(j);
            if (p.kind == Kind.ROLE) {
                continue;
            }
            if (p.kind != Kind.HEAD || type == null) {
                type = p.term.type();
            }
        }
        return type;
    }

    private static boolean joins(String text, List<Piece> pieces, int from, int k) {
        Piece a = lastBefore(pieces, from, k);
        Piece b = pieces.get(k);
        if (boxBetween(text, a.end, b.start)) {
            return false; // ■高血圧　■糖尿病: two choices of a form, two facts
        }
        // criminal procedure crosses brackets and a few more characters: 道路交通法違反（酒気帯び運転）の疑い,
        // 懲役3年、執行猶予5年（求刑懲役4年）の判決, 逮捕され、同月22日から勾留
        boolean crime = a.term.type() == PiiType.SENSITIVE_CRIME && b.term.type() == PiiType.SENSITIVE_CRIME;
        if (a.term.type() == PiiType.SENSITIVE_HEALTH && b.term.type() == PiiType.SENSITIVE_HEALTH && injuries(text, a, b)) {
            return true;
        }
        if (subPart(text, a, b) || careAfterDiagnosis(text, a, b)) {
            return true;
        }
        if (crime && a.kind == Kind.HEAD && b.start > a.end && Chars.isOpenParen(text.charAt(a.end)) && runStart(text, b.start, a.end + 1) == a.end + 1) {
            return true; // 自動車運転処罰法違反（過失傷害）の疑い: the law, then the offence under it in brackets
        }
        if (crime && a.kind == Kind.TAIL && b.kind == Kind.FACT && policeBetween(text, a.end, b.start)) {
            return true; // 傷害の疑いで神奈川県警厚木署に逮捕: the police who made the arrest
        }
        if (!gapConnects(text, a.end, b.start, crime) && !(conjoined(text, a.end, b.start) && a.kind == Kind.FACT && b.kind == Kind.FACT)
                && !careInClause(text, a, b)) {
            return alias(text, a, b);
        }
        if (a.kind == Kind.HEAD || (a.leads && b.kind == Kind.FACT && b.term.type() == a.term.type() && b.strength >= GENERIC)) {
            return b.kind != Kind.CARE; // 胃の手術 is a care word of its own (needs a subject); 胃の切除手術 joins through 切除
        }
        PiiType type = typeOf(pieces, from, k);
        PiiType bt = b.term.type();
        if (b.kind == Kind.CARE || b.kind == Kind.TAIL) {
            return bt == type;
        }
        if (b.kind == Kind.HEAD) {
            return false;
        }
        if (bt != type) {
            return false;
        }
        // two facts: criminal procedure chains (懲役3年、執行猶予5年の判決); others only as one compound word (HIV感染症)
        // or joined by 及び/並びに, the way a judgment names two conditions as one state (アルコール依存症及び抑うつ状態)
        return type == PiiType.SENSITIVE_CRIME || b.start == a.end || conjoined(text, a.end, b.start);
    }

    /** Longest part of a body part named between it and its injury (左膝|前十字靱帯の|断裂). */
    private static final int MAX_SUB_PART = 8;

    /**
     * A body part, the part of it that was hurt, then the injury: 左足|甲の|打撲, 左膝|前十字靱帯の|断裂, 右膝|半月板を|損傷,
     * 右膝|関節の|可動域制限. Between them only a run of kanji or katakana (at most {@link #MAX_SUB_PART}) and one of の, を, に.
     */
    private static boolean subPart(String text, Piece a, Piece b) {
        if (a.kind != Kind.HEAD || b.kind != Kind.FACT || a.term.type() != PiiType.SENSITIVE_HEALTH
                || b.term.type() != PiiType.SENSITIVE_HEALTH) {
            return false;
        }
        int gap = b.start - a.end;
        return gap >= 2 && gap <= MAX_SUB_PART + 1 && "のをに".indexOf(text.charAt(b.start - 1)) >= 0
                && runStart(text, b.start - 1, a.end) == a.end;
    }

    /** How a diagnosis ends its clause before the care that followed it (と診断され、通院を開始). */
    private static final String[] DIAGNOSED = {"され、", "を受け、", "されて、"};

    /**
     * A condition diagnosed, then in the next clause the care it led to: 窃盗症と診断|され、専門医療機関に|通院, うつ病の診断|を
     * 受け、|休職. One fact, as a judgment states it; the second clause follows the rules of {@link #clauseGap}.
     */
    private static boolean careAfterDiagnosis(String text, Piece a, Piece b) {
        if (a.kind != Kind.CARE || b.kind != Kind.CARE && b.kind != Kind.TAIL || a.term.type() != PiiType.SENSITIVE_HEALTH
                || b.term.type() != PiiType.SENSITIVE_HEALTH || !text.startsWith("診断", a.end - 2)) {
            return false;
        }
        for (String d : DIAGNOSED) {
            if (text.startsWith(d, a.end)) {
                return clauseGap(text, a.end + d.length(), b.start) || period(text, a.end + d.length(), b.start);
            }
        }
        return false;
    }

    /** A stretch of time, no more: 12月8日から来年2月末まで (診断を受け、|12月8日から来年2月末まで|休職). */
    private static boolean period(String text, int s, int e) {
        if (e - s < 2 || e - s > 20) {
            return false;
        }
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (!Chars.isDigit(c) && "年月日からまで来今翌同末頃ごろ中旬上下初週間当面しばらく".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** What joins the injuries of one list (頭部挫創及び右前腕骨折の傷害). */
    private static final List<String> INJURY_LIST_SEPARATORS = List.of("、", "，", "及び", "並びに");

    /** What ends a list of injuries as one fact (右脛骨高原骨折、頸椎捻挫の傷害). */
    private static final String[] INJURY_LIST_ENDS = {"の傷害", "などの傷害", "の重傷", "の軽傷", "のけが", "の怪我"};

    /**
     * Injuries listed with 、 or 及び and closed as one (右脛骨高原骨折、頸椎捻挫の傷害): after the first, a separator, then a run of
     * kanji or katakana (the next injury) that one of {@link #INJURY_LIST_ENDS} closes; one fact, as judgments state it.
     */
    private static boolean injuries(String text, Piece a, Piece b) {
        if (a.kind != Kind.FACT || b.start <= a.end) {
            return false;
        }
        int p = -1; // where the next injury starts: after the separator (右前|腕: the piece may start inside the run)
        for (String sep : INJURY_LIST_SEPARATORS) {
            if (text.startsWith(sep, a.end)) {
                p = a.end + sep.length();
            }
        }
        if (p < 0 || b.start < p || b.start - p > 4 || runStart(text, b.start, p) != p) {
            return false;
        }
        int r = p;
        while (r < text.length() && r - p < 12 && isRunChar(text.charAt(r))) {
            r++;
        }
        for (String e : INJURY_LIST_ENDS) {
            if (r > p + 1 && text.startsWith(e, r)) {
                return true;
            }
        }
        return false;
    }

    /** A condition (or its course) and the care or end it takes in the same clause (糖尿病の薬を毎日服用). */
    private static boolean careInClause(String text, Piece a, Piece b) {
        return (a.kind == Kind.FACT || a.kind == Kind.TAIL) && (b.kind == Kind.CARE || b.kind == Kind.TAIL)
                && a.term.type() == PiiType.SENSITIVE_HEALTH && b.term.type() == PiiType.SENSITIVE_HEALTH && clauseGap(text, a.end, b.start);
    }

    /** Longest stretch of one clause between a condition and the care or end it takes (糖尿病の薬を毎日服用). */
    private static final int MAX_CLAUSE_GAP = 12;

    /**
     * The words between a condition and a care word after it stay within one clause: no punctuation, bracket or line
     * break, no negation and no clause ending in が (糖尿病|の薬を毎日|服用, 肝細胞がんのため|大阪市内の病院で|死去; not
     * 糖尿病|ではないが|入院), at most {@link #MAX_CLAUSE_GAP} characters.
     */
    private static boolean clauseGap(String text, int s, int e) {
        if (e < s || e - s > MAX_CLAUSE_GAP) {
            return false;
        }
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (ENDS[c] || "、，,「」『』（）()：:・".indexOf(c) >= 0 || c == 'ず'
                    || c == 'が' && i > s && "いただ".indexOf(text.charAt(i - 1)) >= 0) {
                return false; // …ずに, …ないが, …たが: a negation or another clause
            }
        }
        String gap = text.substring(s, e);
        return !gap.contains("ない") && !gap.contains("なく") && !gap.contains("なし") && !gap.contains("けど")
                && !gap.contains("けれ") && !gap.contains("ものの"); // 糖尿病ではないが入院
    }

    /** The police named between an offence's 疑いで and the arrest: で神奈川県警厚木署に, で警視庁に, で県警が. */
    private static final java.util.regex.Pattern POLICE = java.util.regex.Pattern.compile(
            "で\\p{IsHan}{0,10}(?:署|県警|府警|道警|警視庁|警察本部)(?:に|が|は)");

    private static boolean policeBetween(String text, int s, int e) {
        return e > s && e - s <= 16 && POLICE.matcher(text).region(s, e).matches();
    }

    private static boolean conjoined(String text, int s, int e) {
        String gap = text.substring(s, e);
        return gap.equals("及び") || gap.equals("並びに");
    }

    private static boolean gapConnects(String text, int s, int e, boolean crime) {
        if (e < s || e - s > (crime ? MAX_CRIME_GAP : MAX_GAP)) {
            return false;
        }
        boolean[] ok = crime ? CRIME_CONNECTS : CONNECTS;
        for (int i = s; i < e; i++) {
            if (!ok[text.charAt(i)]) {
                return false;
            }
        }
        return true;
    }

    /**
     * A fact and its other name in brackets right after it (心的外傷後ストレス障害（PTSD）) are one: true, and
     * the bracketed piece then ends after its closing bracket.
     */
    private static boolean alias(String text, Piece a, Piece b) {
        if (a.kind != Kind.FACT || b.kind != Kind.FACT || a.term.type() != b.term.type() || b.start != a.end + 1 || b.end >= text.length()) {
            return false;
        }
        char open = text.charAt(a.end);
        char close = text.charAt(b.end);
        if ((open == '（' && close == '）') || (open == '(' && close == ')')) {
            b.end++;
            return true;
        }
        return false;
    }

    /**
     * What a creed takes after it: 徒 after its 教 (ヒンドゥー教徒), or how the person holds it (浄土宗の僧侶, イスラム教を信仰,
     * 浄土真宗の門徒, 天理教の信者, 創価学会の会員).
     */
    private static final String[] CREED_TAILS = {"の僧侶", "の住職", "の門徒", "の檀家", "の信徒", "の信者", "の会員", "の牧師", "の神父", "を信仰",
        "に入信", "に改宗"};
    private static final String DEVOUT = "敬虔な";

    /** Who a victim suffered from, before the harm: 元交際相手からのストーカー被害, 夫からのDV. */
    private static final java.util.regex.Pattern OFFENDER_LEAD = java.util.regex.Pattern.compile("(?<![\\p{IsHan}])\\p{IsHan}{1,6}からの$");

    private static int withOffender(String text, int start) {
        return leadStart(OFFENDER_LEAD, text, start, 9);
    }

    /** Where a baptism took place, before it: プロテスタント教会で洗礼, 当教会で受洗. */
    private static final java.util.regex.Pattern CHURCH_LEAD = java.util.regex.Pattern.compile(
            "(?<![\\p{IsHan}\\p{IsKatakana}ー・])[\\p{IsHan}\\p{IsKatakana}ー・]{0,14}(?:教会|聖堂)で$");

    private static int withChurch(String text, int start) {
        if (!text.startsWith("洗礼", start) && !text.startsWith("受洗", start)) {
            return start;
        }
        return leadStart(CHURCH_LEAD, text, start, 18);
    }

    private static int withCreedTail(String text, int end) {
        if (text.startsWith("教徒", end) && Morphology.isKatakana(text.charAt(end - 1))) {
            return end + 2; // クエーカー教徒
        }
        if (text.startsWith("洗礼", end - 2) && (text.startsWith("を受け", end) || text.startsWith("受け", end))) {
            return end + (text.charAt(end) == 'を' ? 3 : 2); // 洗礼を受け(た), 洗礼受けて
        }
        if (text.startsWith("徒", end) && text.charAt(end - 1) == '教') {
            return end + 1;
        }
        for (String t : CREED_TAILS) {
            if (text.startsWith(t, end)) {
                return end + t.length();
            }
        }
        return end;
    }

    /** The end of the span moved so that its brackets balance: to the closing bracket when it is near, else before the opening one. */
    private static int balanced(String text, int start, int end) {
        int depth = 0;
        int open = -1;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '（' || c == '(') {
                if (depth++ == 0) {
                    open = i;
                }
            } else if ((c == '）' || c == ')') && depth > 0) {
                depth--;
            }
        }
        if (depth == 0) {
            return end;
        }
        for (int i = end; i < text.length() && i - end < MAX_GAP && !ENDS[text.charAt(i)]; i++) {
            char c = text.charAt(i);
            if (c == '）' || c == ')') {
                if (--depth == 0) {
                    return i + 1;
                }
            } else if (c == '（' || c == '(') {
                break;
            }
        }
        int e = open;
        while (e > start && CONNECTS[text.charAt(e - 1)]) {
            e--;
        }
        return e;
    }

    /** Farther than any phrase's words are widened back (leads, a law's name, a clause of a 主文): see {@link #report}. */
    private static final int WIDEN_REACH = 256;

    private void report(String text, List<Piece> pieces, int from, int to, int wanted, ScanContext ctx, List<Finding> out) {
        boolean fact = false;
        boolean head = false;
        boolean completed = false;
        boolean care = false;
        boolean story = false;
        int count = 0;
        int tails = 0;
        double strength = 0;
        for (int j = from; j < to; j++) {
            Piece p = pieces.get(j);
            switch (p.kind) {
                case ROLE -> {
                    continue;
                }
                case FACT -> fact = true;
                case HEAD -> head = true;
                case TAIL -> completed |= count > tails++; // after something but tails (薬局で薬: two tails complete nothing)
                case CARE -> {
                    care = true;
                    story |= p.term.alone();
                    completed |= head;
                }
                default -> {
                }
            }
            count++;
            if (p.kind != Kind.HEAD) {
                strength = Math.max(strength, p.strength);
            }
        }
        if (!fact && !completed && (!care || head)) {
            return; // heads alone (窃盗, 右足), tails alone (の疑い), role nouns
        }
        PiiType type = typeOf(pieces, from, to);
        if (type == null || (wanted & (1 << type.ordinal())) == 0) {
            return;
        }
        int start = pieces.get(from).start;
        int end = lastBefore(pieces, from, to).end;
        if (type == PiiType.SENSITIVE_HEALTH) {
            start = withTypePrefix(text, start);
        }
        end = balanced(text, start, end);
        if (end <= start) {
            return;
        }
        if (type == PiiType.SENSITIVE_CRIME) {
            start = withProbation(text, start);
            if (text.startsWith("処し", end - 2)) {
                end = tailEnd(SUSPENSION_TAIL, text, end, 32);
            }
        }
        if (type == PiiType.SENSITIVE_CREED) {
            end = withCreedTail(text, end);
            start = withChurch(text, start);
            start = text.startsWith(DEVOUT, start - DEVOUT.length()) ? start - DEVOUT.length() : start; // 敬虔なカトリック教徒
        }
        if (type == PiiType.SENSITIVE_OTHER) {
            end = text.startsWith("の出身", end) ? end + 3 : end; // アイヌ民族の出身, 被差別部落の出身
            start = text.startsWith("障害等級", start) && text.startsWith("後遺", start - 2) ? start - 2 : start; // 後遺障害等級14級
            end = withGradeItem(text, end);
            start = withOffender(text, start);
            start = withGangLead(text, start);
            if (end - start == 2 && text.startsWith("障害", start)) {
                start = runStart(text, start, Math.max(0, start - MAX_RUN)); // 四肢体幹機能障害, 妄想性障害: the whole name
            }
        }
        if (type == PiiType.SENSITIVE_HEALTH && text.startsWith(CAUSE, end)) {
            end += CAUSE.length(); // the condition as a cause (心不全のため死去した, 胃腸炎のため欠勤)
        }
        if (type == PiiType.SENSITIVE_HEALTH && (fact || completed)) {
            start = withCompound(text, start);
            start = withTreatmentLength(text, start);
            end = withInjuryTail(text, end);
            end = withCourse(text, end);
            start = withFrequency(text, start);
        }
        if (type == PiiType.SENSITIVE_HEALTH || type == PiiType.SENSITIVE_OTHER) {
            end = withNote(text, end); // 高血圧（要治療）, 抗うつ薬（セルトラリン）, 身体障害者手帳（２級）
        }
        end = withVerbEnding(text, end, type);
        end = withPredicate(text, end, type);
        if (type == PiiType.SENSITIVE_HEALTH || type == PiiType.SENSITIVE_OTHER) {
            start = withDegree(text, start); // 軽度知的障害, 重度の難聴
        }
        if (type == PiiType.SENSITIVE_HEALTH && (fact || completed)) {
            start = leadStart(HEALTH_LEAD, text, start, 14); // after the degree: 両手に|軽い|やけど
        }
        if (type == PiiType.SENSITIVE_HEALTH) {
            start = leadStart(COMPLAINT_LEAD, text, start, 8); // 不眠や|動悸のため通院
        }
        if (type == PiiType.SENSITIVE_HEALTH && care) {
            start = leadStart(CARE_LEAD, text, start, 12);
            start = withBodyPart(text, pieces, from, start);
        }
        if (type == PiiType.SENSITIVE_CRIME) {
            start = withLead(PRIOR_LEADS, text, start);
            end = text.startsWith("原判決", end) && text.startsWith("に処した", end - 4) ? end + 3 : end; // 懲役2年4月に処した原判決
            start = withLawName(text, start);
            start = withCrimeRun(text, start);
            start = withOperativeClause(text, start, end);
            start = withCourt(text, start);
        }
        start = withTimeLead(text, start);
        int ss = sentenceStart(text, start);
        int se = sentenceEnd(text, end);
        if (!fact && !completed) {
            // in a column whose header names the type (既往歴, 病名), the row's person is the subject
            if (strength < STRONG || !(story || ctx.hinted(type) || personSubject(text, ss, start, true, true) || personAfter(text, end)
                    || chatMessage(text, start, end))) {
                return; // a care word alone without a person as subject (入院の手続き)
            }
        }
        if (denied(text, end, se)) {
            return;
        }
        Cue group = groupAfter(text, end, se);
        if (group == Cue.GROUP || group == Cue.MEMBERS && !personSubject(text, ss, start, true, false)) {
            return; // がん患者の家族会, 日本糖尿病協会, 障害者スポーツ大会: a group's name; but 兄はがんの患者会に入っている is his
        }
        if (yesUnticked(text, end)) {
            return; // 妊娠中・授乳中　□はい　□いいえ: a form's question, not answered yes
        }
        if ((type == PiiType.SENSITIVE_HEALTH || type == PiiType.SENSITIVE_OTHER)
                && (COUNT_AFTER.matcher(text).region(end, Math.min(text.length(), end + 10)).lookingAt()
                        || statisticAfter(text, ss, end) && !personSubject(text, ss, start, true, false))) {
            return; // 軽症は12人, 糖尿病が3人, 視覚障害者は約31万人: a count of people, a statistic
        }
        int cuesIn = cuesIn(text, ss, se);
        if ((cuesIn & bit(Cue.LEGAL)) != 0) {
            return;
        }
        if ((cuesIn & bit(Cue.GENERAL)) != 0) {
            if (!personSubject(text, ss, start, true, false)) { // not through a note: 山田さん（日本糖尿病協会理事）は、…の予防には
                return;
            }
        }
        double conf = strength;
        if ((strength >= STRONG || head) && count > 1) { // 控訴審の判決: two weak words are not a stronger fact
            conf += 0.1;
        }
        conf += 0.3 * context.score(type, text, start, end, ctx);
        // a named person (honorific, family word, pronoun, a name) or a role noun in the sentence lifts it; 男性/女性 are
        // not enough (乗客2人が軽傷). A name needs Kuromoji: looked for only when the lift decides whether the finding is kept.
        if (strength >= GENERIC) {
            boolean lift = (cuesIn & bit(Cue.PERSON)) != 0 || hasRole(pieces, from, ss, se) || struckBefore(text, start);
            if (!lift && conf < Detector.DEFAULT_MIN_CONFIDENCE && conf + LIFT >= Detector.DEFAULT_MIN_CONFIDENCE) {
                lift = personSubject(text, ss, start, false, true);
            }
            conf += lift ? LIFT : 0;
        }
        conf = Math.max(0.05, Math.min(0.99, conf));
        Finding last = out.isEmpty() ? null : out.get(out.size() - 1);
        if (last != null && last.type() == type && last.start() <= start && start < last.end()) {
            start = last.start(); // a phrase that starts inside the one before (…頸椎捻挫の傷害 | 傷害を負った): one span
            end = Math.max(end, last.end());
            conf = Math.max(conf, last.confidence());
            out.remove(out.size() - 1);
        }
        // a span widened to the words before it (加療約3週間を要する…) takes in a phrase reported just before, and its confidence.
        // The phrases come in the order of their words, so only the last few can lie inside: the look back stops at one that
        // ends well before this span starts (a line of a hundred thousand findings is not read a hundred thousand times).
        for (java.util.ListIterator<Finding> it = out.listIterator(out.size()); it.hasPrevious(); ) {
            Finding f = it.previous();
            if (f.end() < start - WIDEN_REACH) {
                break;
            }
            if (f.type() == type && f.start() >= start && f.end() <= end) {
                conf = Math.max(conf, f.confidence());
                it.remove();
            }
        }
        out.add(new Finding(type, start, end, conf, false, text.substring(start, end)));
    }

    /** How far a chat's message is read around its care word (back to the line's start, on to a question mark). */
    private static final int CHAT_MESSAGE_REACH = 160;
    /**
     * A chat's message line: a time, then the speaker, then the message ({@code 07:59 ママ 午後から手術}, {@code 23:08⇥ひろみ⇥手術
     * 終わった}, {@code [2025/01/20 10:02 受信] 石田です。…}), as LINE, Slack and SMS exports write them.
     */
    private static final java.util.regex.Pattern CHAT_HEADER = java.util.regex.Pattern.compile(
            "[ 　]*(?:\\[[^\\]\n]{0,30}\\][ 　]*|(?:[0-9]{4}[/-][0-9]{1,2}[/-][0-9]{1,2}[ 　]+)?[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?[ 　\t]+"
            + "(?<who>[^ 　\t\n:：]{1,12}(?:[ 　][^ 　\t\n:：]{1,6})?)(?:[ 　]*(?<colon>[:：])|[ 　\t]))");
    /** How far from a message its speaker's other messages are looked for. */
    private static final int CHAT_SPEAKER_REACH = 4000;

    /**
     * A care word in a chat's message: its speaker, or the one the conversation is about, is the subject a message leaves
     * unsaid (ママ: 午後から手術), as a person is in the sentences {@link #personSubject} reads: a speaker before a colon, or one
     * who speaks again ({@link #speaksAgain}). Not in a question, nor where the verb goes on into a negation, a wish or a
     * doubt ({@link #UNSTATED}), nor where the word names a thing ({@link #endsTheWord}: 手術の日, 入院先, 入院保険), nor
     * about a pet, a machine or a story ({@link #CHAT_NOT_A_PERSON}).
     */
    private static boolean chatMessage(String text, int start, int end) {
        int ls = Chars.lineStartWithin(text, start, CHAT_MESSAGE_REACH);
        if (ls < 0 || !endsTheWord(text, end) || question(text, start) || unstated(text, end, end)) {
            return false;
        }
        java.util.regex.Matcher m = CHAT_HEADER.matcher(text).region(ls, start);
        if (!m.lookingAt() || CHAT_NOT_A_PERSON.matcher(text).region(m.end(), start).find()) {
            return false;
        }
        return m.group("who") == null || m.group("colon") != null || speaksAgain(text, m.group("who"), m.start("who"));
    }

    /**
     * The care word ends its word in a chat's message: a kana ending, punctuation, the line's end or 中 follow it (手術終わった
     * is kana after 終, but 入院保険, 手術給付金, 入院証明書, 手術着, 入院2名 and 救急搬送 件数 name things and counts).
     */
    private static boolean endsTheWord(String text, int end) {
        int k = end;
        while (k < text.length() && (text.charAt(k) == ' ' || text.charAt(k) == '　')) {
            k++;
        }
        char c = Chars.at(text, k);
        if (k == text.length() || c == '\n' || c == '\r' || c == '中' || c == '終' && k == end) {
            return true;
        }
        return k == end && Morphology.isHiragana(c) && c != 'の' || "。、！!？?…〜～）)」』笑w".indexOf(c) >= 0;
    }

    /**
     * What before a care word in a chat's message makes it no one's: a pet, a machine, a story's character, a metaphor
     * or a wish (うちの猫が手術, 車が入院, 主人公が救急搬送, まるで入院生活, もし入院したら).
     */
    private static final java.util.regex.Pattern CHAT_NOT_A_PERSON = java.util.regex.Pattern.compile(
            "(?:猫|ねこ|ネコ|犬|いぬ|イヌ|ペット|愛犬|愛猫|ハムスター|うさぎ|インコ|車|スマホ|パソコン|PC|ギター|キャラ|主人公|ヒロイン|ドラマ|映画"
            + "|アニメ|まるで|もし|給付金|約款|保障|対象となる)");

    /**
     * The speaker of a message written without a colon (07:59 ママ …) heads another message nearby, after its time: a chat,
     * not a timetable or a programme, whose lines name a different item after each time (10:00 開会, 13:00 手術支援ロボットの講演).
     */
    private static boolean speaksAgain(String text, String who, int at) {
        int from = Math.max(0, at - CHAT_SPEAKER_REACH);
        int to = Math.min(text.length(), at + CHAT_SPEAKER_REACH);
        for (int p = text.indexOf(who, from); p >= 0 && p < to; p = text.indexOf(who, p + 1)) {
            int e = p + who.length();
            if (p != at && p >= 2 && " 　\t".indexOf(text.charAt(p - 1)) >= 0 && Chars.isDigit(text.charAt(p - 2))
                    && e < text.length() && " 　\t:：".indexOf(text.charAt(e)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** A question the sentence holding {@code start} asks (手術するの？, 手術はいつ？): a chat's question states no fact. */
    private static boolean question(String text, int start) {
        for (int i = start; i < text.length() && i - start < CHAT_MESSAGE_REACH; i++) {
            char c = text.charAt(i);
            if (c == '？' || c == '?') {
                return true;
            }
            if (c == '。' || c == '\n' || c == '！' || c == '!') {
                return false;
            }
        }
        return false;
    }

    /** The injuries a news headline states of one person (児童はねられ軽傷, 元交際相手を刺し重傷). */
    private static final String[] HEADLINE_INJURIES = {"重傷", "軽傷", "重体", "意識不明"};
    /**
     * An injury right after what struck a person (はねられ軽傷, 刺し重傷, 滑落し重傷, 倒れ意識不明): the headline of one
     * person's accident, which states the injury of that person (not 乗客2人が軽傷).
     */
    private static boolean struckBefore(String text, int start) {
        boolean injury = false;
        for (String w : HEADLINE_INJURIES) {
            injury |= text.startsWith(w, start);
        }
        if (!injury || start < 2) {
            return false;
        }
        char p = text.charAt(start - 1); // はねられ, 刺され, 倒れ, 刺し, 滑落し
        return (p == 'れ' || p == 'し') && (Morphology.isHiragana(text.charAt(start - 2)) || Morphology.isKanji(text.charAt(start - 2)));
    }

    /**
     * Words of degree written before a condition (軽度知的障害, 重度の難聴, 軽い認知症), and 持病の, which says the condition
     * is long-standing (持病の糖尿病): both part of the fact as the sets label it.
     */
    private static final String[] DEGREES = {"中等度の", "軽度の", "重度の", "中等度", "軽度", "重度", "重篤な", "軽い", "重い", "持病の"};

    private static int withDegree(String text, int start) {
        return withLead(DEGREES, text, start);
    }

    /** Where the first of {@code leads} that ends at {@code start} begins; else {@code start}. */
    private static int withLead(String[] leads, String text, int start) {
        for (String d : leads) {
            if (start >= d.length() && text.startsWith(d, start - d.length())) {
                return start - d.length();
            }
        }
        return start;
    }

    /** Words before a criminal record that say it was for the same kind of offence, or an earlier case (同種の前科2犯, 前件の保護観察処分). */
    private static final String[] PRIOR_LEADS = {"同種の", "前件の", "同種事犯で", "同種事案で"};

    /** The item of a grade's table after the grade (後遺障害等級12級13号): past its 号 when the span ends with 級. */
    private static int withGradeItem(String text, int end) {
        if (end < 1 || text.charAt(end - 1) != '級') {
            return end;
        }
        int k = end;
        while (k < text.length() && k - end < 2 && isDigit(text.charAt(k))) {
            k++;
        }
        return k > end && text.startsWith("号", k) ? k + 1 : end;
    }

    /** The operative words that end a sentence of a judgment's 主文, or a court's decision reported in its words. */
    private static final String[] OPERATIVE = {"に処する", "に処した", "に算入する", "に留置する", "に付する", "を没収する", "を負担させる"};
    /** The person a 主文 sentence is about, left outside its span as a role noun is (被告人を懲役3年に処する, 被告人から金30万円を追徴する). */
    private static final String[] SENTENCED = {"被告人を", "被告を", "少年を", "被告人から"};
    /** Longest clause taken before an operative sentence's words. */
    private static final int OPERATIVE_REACH = 32;

    /**
     * A sentence of a judgment's 主文 is one fact, from its clause's start: 原審における未決勾留日数中80日をその刑に算入する,
     * (…ときは、)金5000円を1日に換算した期間被告人を労役場に留置する, (少年を)保護観察所の保護観察に付する. The clause starts
     * after a 、, a sentence end, a bracket or the topic (裁判所は), and after the person sentenced ({@link #SENTENCED}); with
     * none within {@link #OPERATIVE_REACH}, the span stays as it was. The suspension (その刑の執行を猶予する) keeps its own
     * rule ({@link #withProbation}).
     */
    private static int withOperativeClause(String text, int start, int end) {
        boolean operative = false;
        for (String o : OPERATIVE) {
            operative |= end >= o.length() && text.startsWith(o, end - o.length());
        }
        if (!operative) {
            return start;
        }
        int s = start;
        while (s > 0 && start - s <= OPERATIVE_REACH) {
            char c = text.charAt(s - 1);
            if (ENDS[c] || "、，,「」『』（）()：:は".indexOf(c) >= 0) {
                break;
            }
            s--;
        }
        if (start - s > OPERATIVE_REACH) {
            return start;
        }
        while (s < start && Character.isWhitespace(text.charAt(s))) { // and the ideographic space
            s++;
        }
        s = afterSentenced(text, s, start, toPenalty(text, end));
        return text.startsWith("に留置する", end - 5) ? leadStart(WORKHOUSE_LEAD, text, s, 20) : s;
    }

    /** The condition of a workhouse detention, which the sentence of 主文 starts with (その罰金を完納することができないときは、). */
    private static final java.util.regex.Pattern WORKHOUSE_LEAD = java.util.regex.Pattern.compile(
            "(?:この|その)罰金を完納することができないときは[、，]$");

    /**
     * After the person sentenced ({@link #SENTENCED}) written at {@code s} and ending by {@code limit}, and in a sentence
     * ({@code sentence}: …に処する), their name too when it starts with a surname of the dictionary (被告人今野 浩樹を懲役2年6月に
     * 処する: the name is the person's, the sentence from 懲役); not 被告人の控訴を棄却する; else {@code s}.
     */
    private static int afterSentenced(String text, int s, int limit, boolean sentence) {
        for (String p : SENTENCED) {
            if (text.startsWith(p, s) && s + p.length() <= limit) {
                return s + p.length();
            }
        }
        for (String p : SENTENCED_ROLES) {
            if (sentence && text.startsWith(p, s) && s + p.length() <= limit) {
                java.util.regex.Matcher m = SENTENCED_NAME.matcher(text).region(s + p.length(), limit);
                if (m.lookingAt() && Morphology.hasEntry(text, m.start(1), m.end(1), "名詞-固有名詞-人名-姓")) {
                    return m.end();
                }
            }
        }
        return s;
    }

    /** The sentence ending at {@code end} sentences someone to a penalty (…に処する, …に処した). */
    private static boolean toPenalty(String text, int end) {
        return text.startsWith("に処する", end - 4) || text.startsWith("に処した", end - 4);
    }

    /** The role words before a sentenced person's name (被告人今野 浩樹を). */
    private static final String[] SENTENCED_ROLES = {"被告人", "少年"};
    /** A sentenced person's name, a surname of kanji then the given name, before を (今野 浩樹を, 坂巻恒平を). */
    private static final java.util.regex.Pattern SENTENCED_NAME = java.util.regex.Pattern.compile(
            "(\\p{IsHan}{1,3}?)[ 　]?[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]{1,4}を");

    /** How far back a time phrase before a fact is looked for (平成29年に, 10年以上前から). */
    private static final int TIME_REACH = 22;
    private static final String NUM = "[0-9０-９〇一二三四五六七八九十元数]";
    /**
     * A time phrase that dates the fact right after it, as judgments, news, mail and chat write it: a year, a season or a
     * month with its era (平成29年に, 令和5年秋ころから, 昨年12月に, 9月に), a relative day or year (昨年夏から, 一昨年から, 昨夜から,
     * きのうの夜から, 去年の秋から), a time ago (5年前に, 10年以上前から, 3日前から), a time since (平成30年以降の, 事件後は, 現役
     * 時代から), with には, にも, からは (2019年にも) and a verb of finding or suffering (昨年12月に見つかった, 昨年から患っていた), a
     * duration (三年余り), かねてより, and a form's year before a blank (平成30年 胃がん手術). A date to the day is not taken (令和4年
     * 8月20日に逮捕: the label is the procedure).
     */
    private static final java.util.regex.Pattern TIME_LEAD = java.util.regex.Pattern.compile(
            "(?:(?:(?:令和|平成|昭和|大正)?" + NUM + "{1,4}年(?:" + NUM + "{1,2}月|[春夏秋冬])?|" + NUM + "{1,2}月"
            + "|(?:一昨年|昨年|去年|今年)(?:の?[春夏秋冬]|" + NUM + "{1,2}月)?"
            + "|先月|先週|先日|昨夜|昨日|きのうの(?:夜|朝)|きのう|今朝|昨[春夏秋冬]|今[春夏秋冬]"
            + "|(?:約|およそ)?" + NUM + "{1,3}(?:か月|カ月|ヶ月|年|週間|日)(?:以上)?前)(?:ごろ|頃|ころ)?"
            + "(?:(?:には|にも|に|からは|から|以降の|以来)(?:見つかった|患っていた|患っている)?|見つかった)"
            + "|(?:事件|事故|引退|退院|出産)後(?:は|から)?|(?:現役|学生)時代から|" + NUM + "{1,3}年余り|かねてより|かねて"
            + "|(?:事件|事故|本件|犯行)当時、|[0-9０-９]{1,2}[/／][0-9０-９]{1,2}(?:に|から)"
            + "|(?:(?:令和|平成|昭和)" + NUM + "{1,2}|[0-9０-９]{4})年(?:" + NUM + "{1,2}月)?[ 　])$");

    /** The characters {@link #TIME_LEAD} can end with (に, から, 以来, 見つかった, 事故後, 年余り, かねて, 当時、, 年 and a blank …). */
    private static final String TIME_LEAD_ENDS = "にもらはの来たる後りて、 　\n\r\u0085\u2028\u2029"; // $ also matches before a line end

    /** Where the fact starts with the time phrase that dates it ({@link #TIME_LEAD}) just before {@code start}; else {@code start}. */
    static int withTimeLead(String text, int start) {
        if (start == 0 || TIME_LEAD_ENDS.indexOf(text.charAt(start - 1)) < 0) {
            return start; // most facts: no time phrase can end here, and the pattern is not tried at 22 places
        }
        int s = leadStart(TIME_LEAD, text, start, TIME_REACH);
        // not the tail of a longer number or word (2019年 is the year; 年末年始に is no time phrase here)
        return s < start && s > 0 && (isDigit(text.charAt(s - 1)) || Character.isDigit(text.charAt(s - 1))) ? start : s;
    }

    /** How far back a law's name before a procedure is looked for (組織犯罪処罰法違反（犯罪収益等隠匿）の疑い). */
    private static final int LAW_REACH = 40;
    private static final String RUN = "[\\p{IsHan}\\p{IsKatakana}ー・]";
    /**
     * The violation of a law named before a criminal procedure, as news and judgments write it: the law's name (its
     * words joined by 等の, に関する, 及び), 法/法律違反, the offence in brackets, の (ストーカー行為等の規制等に関する法律
     * 違反の罪で, 組織犯罪処罰法違反（犯罪収益等隠匿）の疑いで).
     */
    private static final java.util.regex.Pattern LAW_LEAD = java.util.regex.Pattern.compile(
            "(?:" + RUN + "{1,12}(?:等の|等に関する|に関する|及び|並びに|の))*" + RUN + "{0,12}法律?違反(?:[（(][^（）()]{1,16}[）)])?の?$");
    /** The first law of a list joined by 及び before the law the phrase starts with (出入国管理及び難民認定法違反). */
    private static final java.util.regex.Pattern LAW_AND = java.util.regex.Pattern.compile(RUN + "{1,12}(?:及び|並びに)$");

    /**
     * The court and the day that sentenced a previous conviction, before it: 平成30年5月22日大阪地方裁判所で, 同月26日東京簡易
     * 裁判所で (a judgment's 前科 paragraph). The day is taken only with a court.
     */
    private static final java.util.regex.Pattern COURT_LEAD = java.util.regex.Pattern.compile(
            "(?:(?:令和|平成|昭和)?" + NUM + "{1,4}年" + NUM + "{1,2}月" + NUM + "{1,2}日、?)?\\p{IsHan}{1,8}(?:地方|簡易|家庭|高等)裁判所"
                    + "(?:\\p{IsHan}{1,6}支部)?で$");

    private static int withCourt(String text, int start) {
        return leadStart(COURT_LEAD, text, start, 36);
    }

    /**
     * The gang a member belongs to, before 組員 or 構成員: 暴力団の, 指定暴力団山城会の, 暴力団系組織の元, or a family or a
     * group named as such (三和一家の, 山城組の).
     */
    private static final java.util.regex.Pattern GANG_LEAD = java.util.regex.Pattern.compile(
            "(?:(?:指定)?暴力団" + RUN + "{0,8}|" + RUN + "{1,8}(?:一家|組))の元?$");

    private static int withGangLead(String text, int start) {
        int word = text.startsWith("元", start) ? start + 1 : start; // 元組員: the pattern takes 元 itself
        if (!text.startsWith("組員", word) && !text.startsWith("構成員", word)) {
            return start;
        }
        java.util.regex.Matcher m = GANG_LEAD.matcher(text).region(Math.max(0, word - 18), word);
        if (!m.find() || !text.startsWith("組員", word) && !m.group().contains("暴力団")) {
            return start; // a family (田中一家の構成員) is a gang only for 組員
        }
        return m.start();
    }

    static int withLawName(String text, int start) {
        return leadStart(LAW_AND, text, leadStart(LAW_LEAD, text, start, LAW_REACH), 16);
    }

    /**
     * Where a phrase of {@code lead} (a pattern ending with $) that ends at {@code start} begins, looked for in the
     * {@code reach} characters before it; else {@code start}. Its look-behinds see past that window.
     */
    private static int leadStart(java.util.regex.Pattern lead, String text, int start, int reach) {
        java.util.regex.Matcher m = lead.matcher(text).region(Math.max(0, start - reach), start).useTransparentBounds(true);
        return m.find() ? m.start() : start;
    }

    /** Where a phrase of {@code tail} that starts at {@code end} ends, within {@code reach} characters; else {@code end}. */
    private static int tailEnd(java.util.regex.Pattern tail, String text, int end, int reach) {
        java.util.regex.Matcher m = tail.matcher(text).region(end, Math.min(text.length(), end + reach)).useTransparentBounds(true);
        return m.lookingAt() ? m.end() : end;
    }

    /** How long a run of kanji and digits a criminal procedure takes before it (京都家裁に送致, 第1種少年院, 本件恐喝). */
    private static final int CRIME_RUN = 12;

    /**
     * A procedure's phrase starting with the institution or the case it names takes the rest of that word before it
     * (東京地方検察庁検察官に送致, 第1種少年院に送致, 本件恐喝により): the run of kanji and digits just before, unless it
     * ends with a person (容疑者, 被告人, 少年), who is not part of the fact.
     */
    private static int withCrimeRun(String text, int start) {
        if (text.startsWith("送致", start) && start >= 2 && text.charAt(start - 1) == 'に') {
            int s = start - 1; // 東京地方検察庁検察官に送致: the institution a case is sent to
            while (s > 0 && start - s <= CRIME_RUN && (Morphology.isKanji(text.charAt(s - 1)) || Character.isDigit(text.charAt(s - 1)))) {
                s--;
            }
            return s < start - 1 && start - s <= CRIME_RUN ? s : start;
        }
        if (text.startsWith("その", start - 2) && text.startsWith("刑", start)) {
            return start - 2; // その刑の執行を猶予し
        }
        int s = start;
        while (s > 0 && start - s < CRIME_RUN && (Morphology.isKanji(text.charAt(s - 1)) || Character.isDigit(text.charAt(s - 1)))) {
            s--;
        }
        if (s == start || start - s >= CRIME_RUN || "者人年告員長女男".indexOf(text.charAt(start - 1)) >= 0) {
            return start;
        }
        return s;
    }

    /** A condition or injury written as one compound with the body part or kind before it (左眼窩底骨折, 間質性肺炎, 鉄欠乏性貧血). */
    private static final int MAX_COMPOUND = 8;

    private static int withCompound(String text, int start) {
        int s = start;
        while (s > 0 && start - s < MAX_COMPOUND && Morphology.isKanji(text.charAt(s - 1)) && !isDigit(text.charAt(s - 1))) {
            s--;
        }
        if (s == start || start - s >= MAX_COMPOUND && s > 0 && Morphology.isKanji(text.charAt(s - 1))) {
            return start; // nothing before, or a longer run: not one compound
        }
        if (text.charAt(s) == '性') { // アルコール性肝硬変, ウイルス性胃腸炎: the kind in katakana before 性
            int k = s;
            while (k > 0 && s - k < 8 && (Morphology.isKatakana(text.charAt(k - 1)) || text.charAt(k - 1) == 'ー')) {
                k--;
            }
            if (s - k >= 2 && (k == 0 || !Morphology.isKatakana(text.charAt(k - 1)))) {
                return k;
            }
        }
        return s;
    }

    /** 加療約3週間を要する, 全治約3か月間を要する (before an injury in a judgment). */
    private static final java.util.regex.Pattern TREATMENT = java.util.regex.Pattern.compile(
            "(?:加療|全治)(?:約)?" + NUM + "{1,3}(?:週間|(?:か|カ|ヶ|箇)月間?|日間|日)(?:以上)?を要する$");

    private static int withTreatmentLength(String text, int start) {
        return leadStart(TREATMENT, text, start, 18);
    }

    private static final String[] INJURY_TAILS = {"等の傷害", "の傷害"};

    /** What a condition is to the person, written after it: 心臓病の持病, 喘息の既往, 頸部痛の症状, 透析10年目. */
    private static final java.util.regex.Pattern COURSE = java.util.regex.Pattern.compile(
            "の(?:持病|既往歴|既往|症状|発作|後遺症|(?:吸入|飲み|塗り|貼り)?薬(?!\\p{IsHan}))|[0-9０-９]{1,2}年目");

    private static int withCourse(String text, int end) {
        return tailEnd(COURSE, text, end, 6);
    }

    private static final String BODY = "[右左両]?(?:手|足|腕|脚|顔|頭|首|肩|膝|ひざ|腰|背中|胸|腹|全身|指|目|ふくらはぎ|太もも|足首|手首)";
    /** A complaint joined to the condition after it by や, と or 及び (不眠や動悸, 不眠と抑うつ状態): one account. */
    private static final String SYMPTOM_WORD = "(?:不眠|頭痛|腹痛|腰痛|胸痛|めまい|吐き気|動悸|息切れ|幻聴|幻覚|倦怠感|しびれ|発熱|咳|食欲不振|食欲低下"
            + "|不安感|抑うつ|物忘れ|被害妄想)";
    private static final java.util.regex.Pattern COMPLAINT_LEAD = java.util.regex.Pattern.compile(
            "(?<![\\p{IsHan}\\p{IsKatakana}])" + SYMPTOM_WORD + "(?:や|と|及び)$(?!" + SYMPTOM_WORD + ")"); // 動悸と吐き気: the symptoms' own
    /** What a food allergy is to, before it (卵と乳のアレルギー, えび・かにの食物アレルギー). */
    private static final String ALLERGEN = "(?:卵|乳|小麦|そば|えび|かに|エビ|カニ|落花生|ピーナッツ|大豆|乳製品|牛乳|ナッツ|くるみ|ごま)";
    /**
     * What a person's condition is written after, as part of the fact: the complaint that took them to care (不眠を訴えて心療内科に
     * 通院), the care it is under (現在服用中の睡眠導入剤, かねて闘病中の), what caused it (煙を吸って意識不明, 水を飲んで一時意識が
     * もうろう), the time an injury takes to heal (全治約3週間の), the body part hurt (両手に, 顔や腕に, 膝の), the foods of an
     * allergy (卵と乳のアレルギー).
     */
    private static final java.util.regex.Pattern HEALTH_LEAD = java.util.regex.Pattern.compile(
            "(?:(?:不眠|頭痛|腹痛|腰痛|胸痛|痛み|めまい|吐き気|動悸|幻聴|幻覚|倦怠感|しびれ|発熱|体調不良|不調)を訴えて|(?:現在)?(?:服用|闘病)中の"
            + "|煙を吸って|水を飲んで(?:一時)?"
            + "|" + ALLERGEN + "(?:[と・や、]" + ALLERGEN + "){0,4}の?(?=(?:食物)?アレルギー)"
            + "|全治約?" + NUM + "{1,3}(?:週間|か月|カ月|ヶ月|日)の"
            + "|(?<![\\p{IsHan}\\p{IsKatakana}ー0-9０-９])" + BODY + "(?:や" + BODY + ")?(?:に|の))$");

    /**
     * How long the care lasted, or the fall that brought it, written before a care word: 二年余りの闘病, 87日間入院し, 3か月の入院,
     * 転倒して入院. A bare year or day is a date's (5年入院 is not a length).
     */
    private static final java.util.regex.Pattern CARE_LEAD = java.util.regex.Pattern.compile(
            "(?:約?" + NUM + "{1,4}(?:年|か月|カ月|ヶ月|ケ月|週間|日)間?(?:余り|以上|近く|ほど|半)?(?:の|にわたる|に及ぶ)?(?<![年日])"
                    + "|(?:転倒|転落)して|転んで|長く|長年(?:にわたり)?)$");

    /**
     * The body part a care word alone is about, right before it with の (腰椎の手術, 胃の手術): a head does not join a care word
     * (胃の手術 needs a person as subject, {@link #joins}), but once the care word is kept it is part of the fact.
     */
    private static int withBodyPart(String text, List<Piece> pieces, int from, int start) {
        if (from == 0 || start == 0 || text.charAt(start - 1) != 'の') {
            return start;
        }
        Piece p = pieces.get(from - 1);
        return p.kind == Kind.HEAD && p.term.type() == PiiType.SENSITIVE_HEALTH && p.end == start - 1 ? p.start : start;
    }

    /** How often the care is given, written before it: 週3回の透析, 月1回の通院. */
    private static final java.util.regex.Pattern FREQUENCY = java.util.regex.Pattern.compile(
            "(?:週|月|1日|１日|一日)[0-9０-９一二三四五六七]{1,2}回の?$");

    private static int withFrequency(String text, int start) {
        return leadStart(FREQUENCY, text, start, 6);
    }

    /** Longest bracketed note a condition takes after it. */
    private static final int MAX_NOTE = 24;

    /**
     * A bracketed note right after a condition, which says more about it (高血圧（要治療）, 抗うつ薬（セルトラリン）, 肝機能異常
     * （γ-GTP 142））: part of the fact, so a masked output hides it too. Not across a line.
     */
    private static int withNote(String text, int end) {
        if (end >= text.length() || text.charAt(end) != '（' && text.charAt(end) != '(') {
            return end;
        }
        char close = text.charAt(end) == '（' ? '）' : ')';
        for (int i = end + 1; i < text.length() && i - end <= MAX_NOTE; i++) {
            char c = text.charAt(i);
            if (c == close) {
                String note = text.substring(end + 1, i);
                return note.contains("番号") || note.contains("No") ? end : i + 1; // not 健診結果（社員番号10234）
            }
            if (c == '\n' || c == '\r' || c == '（' || c == '(') {
                break;
            }
        }
        return end;
    }

    /** An injury in a judgment ends with its noun: 鼻骨骨折等の傷害. */
    private static int withInjuryTail(String text, int end) {
        for (String t : INJURY_TAILS) {
            if (text.startsWith(t, end)) {
                return end + t.length();
            }
        }
        return end;
    }

    /**
     * The statutory wording of a lack of capacity after the condition that causes it (民法7条, 11条, 15条: 精神上の障害に
     * より事理を弁識する能力を欠く常況にある / 著しく不十分である / 不十分である).
     */
    private static final java.util.regex.Pattern CAPACITY = java.util.regex.Pattern.compile(
            "(?:により|のため|によって)事理を弁識する能力(?:を欠く常況|が著しく不十分|が不十分)");
    /** A count of people right after a condition (軽症は12人, 糖尿病が3人, 視覚障害者は約31万人); not 1人で (alone), 1人目, 1人暮らし. */
    private static final java.util.regex.Pattern COUNT_AFTER = java.util.regex.Pattern.compile(
            "(?:者|患者)?[はがも]?(?:約|およそ)?(?![1１一]人)" + NUM + "{1,4}(?:万|千|百)?人(?![目暮部])");
    /**
     * A count further on in the term's clause, after its topic or subject, in a clause that names a period, an area or a
     * tally (詐欺被害の相談が前年の1.6倍の42件に上り, 暴力団構成員は昨年末時点で約1,900人, 犯罪被害に遭った県内の18歳未満は昨年
     * 78人): a statistic of a group. The caller also asks that no person be the sentence's subject before the term (父は
     * 糖尿病で血糖値が前年の1.5倍, 兄はてんかんの発作が昨年は12件: one person's figures). Not 長女は発達障害で兄弟が3人いる.
     */
    private static final java.util.regex.Pattern STATISTIC_AFTER = java.util.regex.Pattern.compile(
            "[^、。，,\\n]{0,24}?[はが][^、。\\n]{0,14}?(?:約|およそ)?" + NUM + "[0-9０-９.,，．]*(?:万|千|百)?(?:人|件|倍|割|％|%)(?![目暮部])");
    private static final String[] STATISTIC_WORDS = {"昨年", "今年", "前年", "年間", "時点", "全国", "県内", "市内", "区内", "国内", "累計",
            "相談", "件数", "認知", "集計", "調査"};
    /** How far after the term a statistic's count is looked for. */
    private static final int STATISTIC_REACH = 60;

    private static boolean statisticAfter(String text, int sentence, int end) {
        int to = Math.min(text.length(), end + STATISTIC_REACH);
        if (!Chars.hasDigit(text, end, to)) {
            return false; // most terms have no number after them: the expression is not tried (a line of 糖尿病は… stays fast)
        }
        java.util.regex.Matcher m = STATISTIC_AFTER.matcher(text).region(end, to);
        if (!m.lookingAt()) {
            return false;
        }
        for (String w : STATISTIC_WORDS) {
            if (Chars.has(text, w, Math.max(sentence, end - STATISTIC_REACH), m.end())) {
                return true; // the tally named before the term too (区の集計では…要介護3以上が約4割)
            }
        }
        return false;
    }

    /** The number of convictions after 前科 (前科3犯). */
    private static final java.util.regex.Pattern COUNT_OF_CONVICTIONS = java.util.regex.Pattern.compile("が?" + NUM + "{1,2}犯");

    /** The operative words that credit detention to the sentence, after 未決勾留. */
    private static final java.util.regex.Pattern DETENTION_CREDIT = java.util.regex.Pattern.compile(
            "日数中" + NUM + "{1,4}日を(?:その|原判決の)刑に算入する");

    /** What follows a care word to make the verb of its phrase: 手術を受け(た), リハビリを続け(た), 入退院を繰り返(す), 通院を開始. */
    private static final String[] CARE_VERBS = {"を受け", "を続け", "を繰り返", "を要する", "を開始"};

    private static final String[] RECEIVED_ENDINGS = {"ていた", "ている", "ながら", "た", "る"};

    /**
     * The ending of the verb a fact ends on: 治療を受け + ていた/た/る (受けていた, 受けた), and in a judgment's
     * operative part 送致 + する before the full stop (少年院に送致する).
     */
    private static int withVerbEnding(String text, int end, PiiType type) {
        if (type == PiiType.SENSITIVE_HEALTH) {
            for (String care : CARE_VERBS) {
                if (text.startsWith(care, end)) {
                    end += care.length(); // 摘出手術 + を受け, リハビリ + を続け, 入退院 + を繰り返
                    break;
                }
            }
        }
        if (end >= 1 && text.startsWith("繰り返", end - 3) && end < text.length() && "すしさ".indexOf(text.charAt(end)) >= 0) {
            return end + (text.charAt(end) == 'す' ? 1 : text.startsWith("していた", end) ? 4 : text.startsWith("した", end) ? 2 : 0);
        }
        int tail = end;
        if (type == PiiType.SENSITIVE_CRIME && text.startsWith("勾留", end - 2)) {
            tail = tailEnd(DETENTION_CREDIT, text, end, 24); // 未決勾留日数中40日をその刑に算入する
        } else if (type == PiiType.SENSITIVE_HEALTH) {
            tail = tailEnd(CAPACITY, text, end, 30); // 認知症により事理を弁識する能力を欠く常況 (民法7条)
        } else if (type == PiiType.SENSITIVE_CRIME && text.startsWith("前科", end - 2)) {
            tail = tailEnd(COUNT_OF_CONVICTIONS, text, end, 5); // 同種前科3犯, 前科が2犯
        }
        if (tail > end) {
            return tail;
        }
        if (type == PiiType.SENSITIVE_CRIME && end >= 1 && text.charAt(end - 1) == 'れ' && text.startsWith("た", end)) {
            return end + 1; // 傷害致死罪に問われた, 処せられた
        }
        if (end >= 2 && (text.startsWith("受け", end - 2) || text.startsWith("続け", end - 2) || text.startsWith("患い", end - 2)
                || text.startsWith("倒れ", end - 2))) {
            for (String e : RECEIVED_ENDINGS) {
                if (text.startsWith(e, end)) {
                    return end + e.length();
                }
            }
        }
        if (type == PiiType.SENSITIVE_CRIME && text.startsWith("する", end)
                && (end + 2 == text.length() || "。\n\r".indexOf(text.charAt(end + 2)) >= 0)) {
            return end + 2;
        }
        return end;
    }

    /**
     * The words of a place of care between a condition and its care (都内の精神科クリニック, 大阪市内の病院, 搬送先の病院): no verb,
     * no clause, and no address (群馬県大泉町の病院: the address is a finding of its own).
     */
    private static final String GAP = "(?:(?!県|[市区町村郡](?!内))[\\p{IsHan}\\p{IsKatakana}ー々の0-9０-９])";
    /** Where care is given, which ends the place between a condition and its care (not 長岡市千秋二丁目の自宅: an address). */
    private static final String FACILITY = "(?:病院|医院|クリニック|診療所|施設|ホーム|センター|科|外来|病棟)";
    /** A care noun ends a word: not 治療法, 手術室, 入院費 (療養中 keeps its 中). */
    private static final String CARE_END = "(?:中(?![\\p{IsHan}\\p{IsKatakana}])|(?![\\p{IsHan}\\p{IsKatakana}]))";
    /** Care nouns a condition is the object or cause of (で入院, のため死去, に通院), ending the fact's phrase. */
    private static final String CARE_NOUN = "(?:診断|通院|入院|受診|手術|治療|療養|服用|使用|発症|損傷|骨折|搬送|救急搬送|入所|休職|休場|欠場|悪化|進行"
            + "|死亡|死去|逝去|闘病|中断|経過観察)";
    /**
     * The predicate of a health fact, after the condition (as the later sets label it, and as a masked output must hide
     * it): its diagnosis and who gave it (と診断, って言われた, を指摘), its care or its end with the place in between
     * (で心療内科に通院, のため入院先の病院で死去, で欠場中), what it left or how it goes (が残った, が進んでる), an injury that
     * took the person to hospital (やけどを負って病院に運ばれた), a stay it caused (手術を受けるため、3月28日から1週間入院), and a
     * death that followed (、搬送先の病院で約2時間後に死亡). The verb's ending comes after every test of the fact
     * ({@link #HEALTH_ENDING}); 中 stays (療養中). Not across a sentence's end, nor across a comma but before a death.
     */
    private static final java.util.regex.Pattern HEALTH_PREDICATE = java.util.regex.Pattern.compile(
            "(?:(?:と|って)診断(?![\\p{IsHan}])|(?:と|って)言われ(?:ている|ていた|た|て)?|を指摘"
            + "|(?<=" + CARE_NOUN + ")中(?![\\p{IsHan}\\p{IsKatakana}])"
            + "|(?:(?:で|により|による|のため|のために)|(?<=のため))(?:" + GAP + "{0,10}?" + FACILITY + "(?:で|に))?" + CARE_NOUN + CARE_END
            + "|(?<=入院|搬送)先の" + GAP + "{0,10}?" + FACILITY + "(?:で|に)" + CARE_NOUN + CARE_END
            + "|(?:が|も)(?:少し|さらに|徐々に)?(?:残った|残り|残る|進んでる|進んでいる|進行|悪化|続いている|続いて|改善)"
            + "|を負(?:い|って|った)(?:病院|救急車)(?:に|で)運ばれ(?:た|て)"
            + "|(?:(?:を受ける)?ため|(?<=のため))[、，][^、。，,！？!?\\s|｜はが]{0,14}?(?:入院|休職|休養)" + CARE_END + ")?"
            + "(?:が?[、，](?:[^、。，,！？!?\\s|｜はがも]{0,8}?(?:病院|医院|施設|自宅)で)?(?:約?" + NUM + "{1,3}(?:時間|日|分)後に)?"
            + "(?:死亡|死去)(?![\\p{IsHan}\\p{IsKatakana}]))?");

    /**
     * The predicate of a health fact after its end ({@link #HEALTH_PREDICATE}); of a criminal record, the prison term that
     * followed (実刑判決を受けて服役) or that it was served (に処せられ、令和3年8月20日その刑の執行を受け終わった).
     */
    private static int withPredicate(String text, int end, PiiType type) {
        java.util.regex.Pattern p = switch (type) {
            case SENSITIVE_HEALTH -> HEALTH_PREDICATE;
            case SENSITIVE_CRIME -> CRIME_PREDICATE;
            default -> null;
        };
        return p == null ? end : tailEnd(p, text, end, 40);
    }

    /** The verbs of care whose ending a health fact takes ({@link #HEALTH_ENDING}). */
    private static final String CARE_VERB = "(?:診断|指摘|搬送|入院|通院|受診|手術|骨折|発症|悪化|進行|服用|服薬|入所|闘病|療養|休職|再発|流産|転院"
            + "|処方|投与|治療|死亡|損傷|断裂|切断|摘出|切除)";
    /**
     * The ending of the verb a health fact ends on, which half the sets label inside the fact and a masked output hides with
     * it (と診断され, 心療内科に通院している, 悪化し、, 死亡させ); 中 after a course of care (服薬中, 酸素療法中); the suspicion of
     * a condition (結核の疑い); a state it was in (心神喪失の状態にあった); a long illness's end (闘病の末); a 要介護 grade's
     * 認定; a device or medicine in use (インスリン注射, ペースメーカー使用, エピペンを携帯). Applied by {@link #withEndings}.
     */
    private static final java.util.regex.Pattern HEALTH_ENDING = java.util.regex.Pattern.compile(
            "(?:(?<=" + CARE_VERB + ")(?:さ(?:れ(?:ている|ていた|ています|ており(?:ます|ました)?|ました|て|た)?|せた|せ)"
            + "|し(?:ている|ていた|ています|ており(?:ます|ました)?|てる|てた|てて|ました|ます|て|た)|し(?=[、，。\\s]))"
            + "|(?<=服薬|療法|リハビリ|透析|加療)中(?![\\p{IsHan}\\p{IsKatakana}])"
            + "|の疑い(?![\\p{IsHan}])|(?<=状態)にあ(?:った|る)|(?<=闘病)の末|(?<=要介護[1-5１-５]|要支援[12１２])の認定"
            + "|(?<=インスリン|ペースメーカー|エピペン|胃ろう|呼吸器|ストーマ)を?(?:注射|使用|装着|携行|携帯|所持|造設)(?:中)?"
            + "(?![\\p{IsHan}\\p{IsKatakana}]))");

    private static final java.util.regex.Pattern CRIME_PREDICATE = java.util.regex.Pattern.compile(
            "(?<=実刑判決|実刑|懲役[^、。，]{0,8}|禁錮[^、。，]{0,8})を受けて服役"
            + "|(?<=処せられ)、(?:(?:令和|平成|昭和)" + NUM + "{1,2}年" + NUM + "{1,2}月" + NUM + "{1,2}日)?その刑の執行を受け終わった");

    /**
     * Where a suspended sentence starts when the judgment words its length before it: 3年間その刑の執行を猶予する, with
     * the digits (Arabic, full-width or kanji) and 年間その before {@code start}; else {@code start}.
     */
    private static int withProbation(String text, int start) {
        int i = start - PROBATION_LINK.length();
        if (i <= 0 || !text.startsWith(PROBATION_LINK, i)) {
            return start;
        }
        int d = i;
        while (d > 0 && isDigit(text.charAt(d - 1))) {
            d--;
        }
        if (d < i && text.startsWith(FINALITY, d - FINALITY.length())) {
            return d - FINALITY.length(); // この裁判確定の日から3年間その刑の執行を猶予する
        }
        return d < i ? d : start;
    }

    /** True when a role noun lies in the sentence {@code [ss, se)}; looks only at the pieces near the phrase starting at piece {@code from}. */
    private static boolean hasRole(List<Piece> pieces, int from, int ss, int se) {
        for (int j = from - 1; j >= 0 && pieces.get(j).end > ss; j--) {
            if (pieces.get(j).kind == Kind.ROLE) {
                return true;
            }
        }
        for (int j = from; j < pieces.size() && pieces.get(j).start < se; j++) {
            if (pieces.get(j).kind == Kind.ROLE && pieces.get(j).end <= se) {
                return true;
            }
        }
        return false;
    }

    private static int sentenceStart(String text, int i) {
        int s = i;
        while (s > 0 && i - s < SENTENCE_REACH && !ENDS[text.charAt(s - 1)]) {
            s--;
        }
        return s;
    }

    private static int sentenceEnd(String text, int i) {
        int e = i;
        while (e < text.length() && e - i < SENTENCE_REACH && !ENDS[text.charAt(e)]) {
            e++;
        }
        return e;
    }

    /**
     * True when a negation cue starts right after the phrase (spaces and ： skipped), or the phrase is a label whose value
     * ends denying (前科・前歴：新聞記事検索の範囲では確認されず, …該当する記事はなかった).
     */
    private boolean denied(String text, int end, int se) {
        int i = end;
        boolean label = false;
        if (text.startsWith("の有無", i)) { // 犯罪歴の有無：有 is the fact, 犯罪歴の有無　無 none: the answer says
            i += 3;
            label = true;
        }
        while (i < se && " 　：:".indexOf(text.charAt(i)) >= 0) {
            label |= text.charAt(i) == '：' || text.charAt(i) == ':';
            i++;
        }
        if (label) {
            int v = i; // the value: to the next field's blank or the sentence's end (前科：窃盗　補導歴：該当なし)
            while (v < se && " 　\t".indexOf(text.charAt(v)) < 0) {
                v++;
            }
            while (v > i && "。．.\r\n".indexOf(text.charAt(v - 1)) >= 0) {
                v--;
            }
            if (v - i <= 3 && v > i && "無な".indexOf(text.charAt(i)) >= 0) {
                return true; // 無, なし, 無し
            }
            if (SensitiveFields.foundNone(text.substring(i, v))) {
                return true;
            }
        }
        if (i >= se || !cues.startsSomeWord(text.charAt(i))) {
            return false;
        }
        int len = cues.longest(text, i, se);
        return len > 0 && cues.get(text, i, len) == Cue.NEGATION;
    }

    private static int bit(Cue c) {
        return 1 << c.ordinal();
    }

    /** The kinds of cue found in {@code text[from, to)}, as bits. */
    private int cuesIn(String text, int from, int to) {
        int found = 0;
        int noteEnd = -1; // the end of a person's note in brackets (さん（長岡市国際交流協会元理事）): its words are no general statement
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Chars.isOpenParen(c) && (found & bit(Cue.PERSON)) != 0 && i > from && personWordEndsAt(text, from, i, false)) {
                noteEnd = Chars.indexIn(text, c == '（' ? "）" : ")", i + 1, Math.min(to, i + MAX_PERSON_NOTE + 1)); // -1: none near
            }
            if (cues.startsSomeWord(c)) {
                int len = cues.longest(text, i, to);
                if (len > 0) {
                    Cue cue = cues.get(text, i, len);
                    if (!(cue == Cue.GENERAL && i < noteEnd)) {
                        found |= bit(cue);
                    }
                    i += cue == Cue.NOBODY ? len - 1 : 0; // みなさん: not its さん
                }
            }
        }
        return found;
    }

    /** How far after a term the word of a group whose name holds it is looked for (がん患者の家族会, 日本糖尿病協会). */
    private static final int GROUP_REACH = 8;

    /**
     * The kind of the group's word ({@link Cue#GROUP}: 協会, 大会, 家族会; {@link Cue#MEMBERS}: 患者会, 友の会) after the term in
     * one noun phrase, only kanji, katakana and の between (糖尿病協会, がん患者の家族会, 障害者スポーツ大会): the term names the
     * group. Not across a particle (糖尿病の父が家族会に…), nor a group in another clause (…人工透析を受けながら、協会の巡業にも
     * 同行した). Null when there is none.
     */
    private Cue groupAfter(String text, int end, int se) {
        for (int i = end; i < Math.min(se, end + GROUP_REACH); i++) {
            char c = text.charAt(i);
            if (cues.startsSomeWord(c)) {
                int len = cues.longest(text, i, se);
                Cue cue = len > 0 ? cues.get(text, i, len) : null;
                if (cue == Cue.GROUP || cue == Cue.MEMBERS) {
                    return cue;
                }
            }
            if (!Morphology.isKanji(c) && !Morphology.isKatakana(c) && c != 'の') {
                return null;
            }
        }
        return null;
    }

    /** Longest note in brackets after a person that {@link #cuesIn} reads as the person's (an affiliation, an age). */
    private static final int MAX_PERSON_NOTE = 30;


    /**
     * True when a person is the subject (or owner) of what starts at {@code at}: a person word, an age
     * in brackets or a name (Kuromoji 人名) followed by が/は/も/の/、, in the same sentence before it.
     * With {@code someone}, a person not named (男性, 女) counts too; with {@code throughNote}, also one before a note in brackets
     * (順子（旧姓　宮下）が), which a general statement does not take (山田さん（日本糖尿病協会理事）は、…の予防には).
     */
    private boolean personSubject(String text, int ss, int at, boolean someone, boolean throughNote) {
        int from = Math.max(ss, at - SUBJECT_REACH);
        boolean nameMayEnd = false;
        for (int p = at - 1; p > from; p--) {
            if (isSubjectMarker(text, p) || openUntil(text, p, at) && ")）".indexOf(text.charAt(p - 1)) < 0) { // not 争点(1)（
                if (personWordEndsAt(text, from, p, someone)) {
                    return true;
                }
                int e = throughNote ? noteBefore(text, from, p) : p; // 妻　順子（旧姓　宮下）が
                if (e < p && personWordEndsAt(text, from, e, someone)) {
                    return true;
                }
                char b = text.charAt(e - 1);
                nameMayEnd |= Morphology.isKanji(b) || Morphology.isKatakana(b);
            }
        }
        if (!nameMayEnd) {
            return false;
        }
        // one Kuromoji pass: a person's name (人名) right before a marker, or before a bracketed note and a marker
        for (Morphology.Token tok : Morphology.tokens(text, from, at)) {
            if (tok.is("名詞-固有名詞-人名") && tok.end() < at && (isSubjectMarker(text, tok.end()) || openUntil(text, tok.end(), at)
                    || throughNote && noteThenMarker(text, tok.end(), at))) {
                return true;
            }
        }
        return false;
    }

    /**
     * An opening bracket at {@code p} still open at {@code at}, closing on 中: what it holds is the state of the person before it
     * (山田 花子さん（自宅療養中）, 欠席：山田（入院中）, 岩崎 信子姉（市立病院に入院中）), not the job (山田さん（入院担当）, （リハビリ科）).
     */
    private static boolean openUntil(String text, int p, int at) {
        char c = text.charAt(p);
        if (c != '（' && c != '(' || at - p > MAX_SUBJECT_NOTE) {
            return false;
        }
        if (Chars.indexIn(text, c == '（' ? "）" : ")", p + 1, at) >= 0 || Chars.indexIn(text, "\n", p + 1, at) >= 0) {
            return false;
        }
        int close = Chars.indexIn(text, c == '（' ? "）" : ")", at, at + MAX_SUBJECT_NOTE);
        return close > 0 && text.charAt(close - 1) == '中'; // (自宅療養中), (入院中); not (入院担当), (リハビリ科), (退院調整)
    }

    /** Longest bracketed note between a subject and its marker (順子（旧姓　宮下）が). */
    private static final int MAX_SUBJECT_NOTE = 12;

    /**
     * Where the word before a marker at {@code p} ends when a bracketed note stands between them (順子（旧姓　宮下）が,
     * 山田さん（72）は): the note's opening bracket; else {@code p}.
     */
    private static int noteBefore(String text, int from, int p) {
        char close = text.charAt(p - 1);
        if (close != '）' && close != ')') {
            return p;
        }
        char open = close == '）' ? '（' : '(';
        for (int q = p - 2; q > from && p - q <= MAX_SUBJECT_NOTE; q--) {
            char c = text.charAt(q);
            if (c == open) {
                return q;
            }
            if (c == '\n' || c == close) {
                break;
            }
        }
        return p;
    }

    /** A bracketed note, then a subject marker, from {@code at} (before {@code limit}). */
    private static boolean noteThenMarker(String text, int at, int limit) {
        if (at >= limit || text.charAt(at) != '（' && text.charAt(at) != '(') {
            return false;
        }
        int c = Chars.indexIn(text, text.charAt(at) == '（' ? "）" : ")", at + 1, at + MAX_SUBJECT_NOTE + 1);
        return c >= 0 && c + 1 < limit && Chars.indexIn(text, "\n", at, c) < 0 && isSubjectMarker(text, c + 1);
    }

    /** An age before the person a care word describes (入院中の83歳男性). */
    private static final java.util.regex.Pattern AGE_BEFORE_PERSON = java.util.regex.Pattern.compile("[0-9０-９]{1,3}歳の?");
    /** What joins a care word to the person after it: の, or a verb's ending (入院していた男性). */
    private static final java.util.regex.Pattern CARE_LINK = java.util.regex.Pattern.compile("(?:していた|している|した|中)?の?");
    /** A pupil a care word describes (入院中の6年生). */
    private static final java.util.regex.Pattern PUPIL = java.util.regex.Pattern.compile("[0-9０-９一二三四五六]年生");

    /**
     * The person a care word describes stands right after it (入院中の83歳男性, 入院中の6年生も, 入院していた男性患者, 入院中の母):
     * the care word, then の or a verb's ending, an age, and a person word or a pupil; not 患者 alone (入院中の患者への面会は:
     * anyone in hospital).
     */
    private boolean personAfter(String text, int end) {
        java.util.regex.Matcher link = CARE_LINK.matcher(text).region(end, Math.min(text.length(), end + 5));
        int p = link.lookingAt() ? link.end() : end;
        java.util.regex.Matcher age = AGE_BEFORE_PERSON.matcher(text).region(p, Math.min(text.length(), p + 6));
        if (age.lookingAt()) {
            p = age.end();
        }
        if (p >= text.length()) {
            return false;
        }
        if (PUPIL.matcher(text).region(p, Math.min(text.length(), p + 3)).lookingAt()) {
            return true;
        }
        int len = cues.startsSomeWord(text.charAt(p)) ? cues.longest(text, p, Math.min(text.length(), p + 8)) : 0;
        Cue cue = len > 0 ? cues.get(text, p, len) : null;
        // not a count of them (入院した患者の数, 患者数): a statistic
        return p > end && (cue == Cue.PERSON || cue == Cue.SOMEONE && !text.startsWith("患者", p))
                && !COUNT_OF.matcher(text).region(p + len, Math.min(text.length(), p + len + 4)).lookingAt();
    }

    /** A count or a share of the people before it (患者の数, 患者数, 男性の割合). */
    private static final java.util.regex.Pattern COUNT_OF = java.util.regex.Pattern.compile("の?(?:数|割合|率|人数)");

    /** が, は, も, の or 、 at {@code p}, or the spoken topic marker って (小泉さんってエイズなんだって). */
    private static boolean isSubjectMarker(String text, int p) {
        char c = text.charAt(p);
        return c == 'が' || c == 'は' || c == 'も' || c == 'の' || c == '、' || c == 'っ' && p + 1 < text.length() && text.charAt(p + 1) == 'て';
    }

    /** A person word (父, さん), or with {@code someone} a person not named (男性), or an age in brackets, ends at {@code p}. */
    private boolean personWordEndsAt(String text, int from, int p, boolean someone) {
        char b = text.charAt(p - 1);
        if ((b == '）' || b == ')') && p >= 2 && isDigit(text.charAt(p - 2))) {
            return true; // 山田太郎容疑者（45）は
        }
        for (int q = Math.max(from, p - 4); q < p; q++) {
            if (cues.startsSomeWord(text.charAt(q)) && cues.longest(text, q, p) == p - q) {
                Cue cue = cues.get(text, q, p - q); // the longest cue ending at p: みなさん (everyone), not its さん
                return cue == Cue.PERSON || (someone && cue == Cue.SOMEONE);
            }
        }
        return false;
    }

    /** {@code word} with its ASCII letters and digits in their full-width forms (PTSD → ＰＴＳＤ). */
    private static String fullWidth(String word) {
        StringBuilder b = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            b.append(c < 128 && Character.isLetterOrDigit(c) ? (char) (c + 0xFEE0) : c);
        }
        return b.toString();
    }

    private static boolean asciiBoundaries(String text, int s, int e) {
        return (s == 0 || !Character.isLetterOrDigit(text.charAt(s - 1)) || text.charAt(s - 1) >= 128)
                && (e >= text.length() || !Character.isLetterOrDigit(text.charAt(e)) || text.charAt(e) >= 128);
    }

    /**
     * True when a short kana term lies inside a kana word (だけが, がんばる, うつる): the character before
     * or after is hiragana but not a particle. Saves a Kuromoji call on the frequent cases.
     */
    private static boolean insideKanaWord(String text, int i, int e) {
        if (Morphology.isKatakana(text.charAt(i)) && (i > 0 && katakanaOrBar(text.charAt(i - 1)) || e < text.length()
                && katakanaOrBar(text.charAt(e)))) {
            return true; // ガン of ガンダム, エアガン, ガンガン
        }
        if (i > 0 && Morphology.isHiragana(text.charAt(i - 1)) && PARTICLES.indexOf(text.charAt(i - 1)) < 0
                && !(i > 2 && text.startsWith("って", i - 2) && "ん君様".indexOf(text.charAt(i - 3)) >= 0)) { // 小泉さんってエイズ
            return true;
        }
        return e < text.length() && Morphology.isHiragana(text.charAt(e)) && FOLLOWERS.indexOf(text.charAt(e)) < 0;
    }

    private static boolean katakanaOrBar(char c) {
        return Morphology.isKatakana(c) || c == 'ー' || c == '・' || c == '･'; // ・ too: ヴォ・ティ・キム・ガン, a name
    }

    /** True when Kuromoji ends a noun where the term ends: がん in 肺がん or がんが, not in がんばる. */
    private static boolean isNoun(String text, int s, int e) {
        int from = Math.max(0, s - WINDOW);
        int to = Math.min(text.length(), e + WINDOW);
        for (Morphology.Token tok : Morphology.tokens(text, from, to)) {
            if (tok.start() <= s && tok.end() == e) {
                return tok.is("名詞");
            }
            if (tok.start() >= e) {
                break;
            }
        }
        return false;
    }
}
