package dev.mamori.detect;

import static dev.mamori.detect.NumberChain.HYPHEN;
import static dev.mamori.detect.NumberChain.PAREN;
import static dev.mamori.detect.NumberChain.SPACE;

/**
 * Decides what a run of digit groups is — phone, My Number, corporate number, card, postal code,
 * or a context-only identifier — and with what confidence. One instance per scan (holds buffers).
 */
final class NumberClassifier {

    /** Findings under this confidence are not reported at all (the engine's default cut is 0.4). */
    static final double MIN = 0.3;

    private final PhonePlan plan = PhonePlan.get();
    private final IdentifierRules rules = IdentifierRules.get();
    private final ContextWords gate = ContextWords.get();
    private final IdentifierRules.Words productWords = rules.words("PRODUCT");
    private final IdentifierRules.Words yuchoWords = rules.words("YUCHO");
    private final IdentifierRules.Words transferWords = rules.words("TRANSFER");
    private final IdentifierRules.Words bankWords = rules.words("BANK");
    private final IdentifierRules.Words accountKinds = rules.words("ACCOUNT_KIND");
    private final IdentifierRules.Words addressMarks = rules.words("ADDRESS_MARK");
    private final byte[] nat = new byte[NumberChain.MAX_DIGITS + 1];
    /** How far before a ゆうちょ account its words may stand: characters, and lines above (通帳記号（…）⏎1 4 9 3 0⏎通帳番号…). */
    private static final int YUCHO_BEFORE = 80;
    private static final int YUCHO_LINES = 3;

    private PiiType bestType;
    private double best;
    private boolean bestValidated;
    private int bestStart;

    /**
     * A number in three groups whose middle one is zeros in a block the plan has not assigned (090-0000-2748, 03-0000-8850,
     * 06-000-3151), and the same number with any other first digit there would be assigned; its last group is not zeros.
     */
    private boolean madeUp(NumberChain c, int first, byte[] nat, int m) {
        int at = c.len(first);
        if (!zeros(c, first + 1) || zeros(c, first + 2) || at >= m) {
            return false;
        }
        for (byte v = 1; v <= 9; v++) {
            nat[at] = v;
            boolean assigned = plan.classify(nat, 0, m) != PhonePlan.NONE;
            nat[at] = 0;
            if (assigned) {
                return true;
            }
        }
        return false;
    }

    /** Group {@code g} of the chain is all zeros. */
    private static boolean zeros(NumberChain c, int g) {
        for (int i = c.gd[g]; i < c.gd[g] + c.len(g); i++) {
            if (c.digits[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Confidence from a base (no context) rising to {@code top} at context 1, falling with negative context. */
    static double conf(double base, double top, double ctx) {
        double c = ctx >= 0 ? base + (top - base) * ctx : base * (1 + 0.75 * ctx);
        return Math.max(0, Math.min(1, c));
    }

    private void offer(PiiType t, double c, boolean validated, int start) {
        if (c > best) {
            best = c;
            bestType = t;
            bestValidated = validated;
            bestStart = start;
        }
    }

    private double ctx(PiiType t, String s, int start, int end, ScanContext sc) {
        return gate.score(t, s, start, end, sc);
    }

    /**
     * Classifies groups [a, b) of the chain; appends one finding, or two for a pair of numbers given together (ゆうちょ
     * 記号・番号, a 保険証's 記号 and 番号). Returns true if it did.
     */
    boolean classify(String s, NumberChain c, int a, int b, ScanContext sc, java.util.List<Finding> out) {
        best = 0;
        bestType = null;
        int start = c.gs[a];
        int end = c.ge[b - 1];
        int n = c.digitCount(a, b);
        int from = c.gd[a];
        byte[] d = c.digits;
        // a form's boxes, one digit each (保険者番号　0 1 2 3 5 9 8 5): one number
        boolean boxed = boxes(c, a, b, 6);
        boolean single = b - a == 1 || boxed;
        boolean paren = c.anySep(a, b, PAREN);
        boolean plainSeps = !paren && (c.allSeps(a, b, HYPHEN) || c.allSeps(a, b, SPACE));
        char before = Chars.at(s, start - 1);
        boolean plus = before == '+' || before == '＋';

        // JAN/EAN, UPC, ISBN: with a product word on the line a number whose own check digit holds is nothing else
        boolean gs1 = (n == 8 || n == 12 || n == 13) && plainSeps && CheckDigits.gtin(d, from, n);
        if ((gs1 || (n == 10 && plainSeps && CheckDigits.isbn10(d, from))) && productWords.onLine(s, start, end, 24, 12)) {
            return false;
        }
        boolean japaneseGtin = n == 13 && gs1 && ((d[from] == 4 && (d[from + 1] == 5 || d[from + 1] == 9))
                || (d[from] == 9 && d[from + 1] == 7 && (d[from + 2] == 8 || d[from + 2] == 9)));
        if (sc.wants(PiiType.BANK_ACCOUNT) && bank(s, c, a, b, sc, out)) {
            return true;
        }
        if (b - a == 3 && c.sep[a + 1] == HYPHEN && c.sep[a + 2] == NumberChain.MIDDOT && c.len(a + 2) >= 2 && c.len(a + 2) <= 8
                && d[from] != 0 // not a phone written with a ・ (03-3456・7890)
                && sc.wants(PiiType.HEALTH_INSURANCE) && (ctx(PiiType.HEALTH_INSURANCE, s, start, end, sc) >= 0.5 || joinedLabelBefore(s, start))) {
            // 組合員証（記号・番号：72-031・0045177）: a 共済's 記号 with its hyphen, then the 番号 after the ・ that joins them
            out.add(new Finding(PiiType.HEALTH_INSURANCE, c.gs[a], c.ge[a + 1], 0.85, false, s.substring(c.gs[a], c.ge[a + 1])));
            out.add(new Finding(PiiType.HEALTH_INSURANCE, c.gs[a + 2], c.ge[a + 2], 0.85, false, s.substring(c.gs[a + 2], c.ge[a + 2])));
            return true;
        }
        boolean pairSpaced = c.allSeps(a, b, SPACE);
        if (b - a == 2 && (pairSpaced || c.allSeps(a, b, HYPHEN)) && c.len(a) >= 2 && c.len(a) <= 8 && c.len(a + 1) >= 2
                && c.len(a + 1) <= 8 && sc.wants(PiiType.HEALTH_INSURANCE)) {
            // 記号 and 番号 of a 保険証 given together (④3127 4402 answering 「④保険証の記号・番号」, 記号・番号 ｱｻ12-3307): two
            // findings, as the labelled sets write them (eval/README.md: the 記号 value and the 番号 value are labelled separately)
            double x = ctx(PiiType.HEALTH_INSURANCE, s, c.gs[a], c.ge[b - 1], sc);
            // 記号番号：8031-22 under 保険者番号 (insuranceLabel reads another book above it: not 年金手帳⏎記号番号：1234-567890)
            boolean labelled = x < 0.5 && joinedLabelBefore(s, start) && insuranceLabel(s, start)
                    && !(c.len(a) == 4 && c.len(a + 1) == 6) && !(c.len(a) == 5 && c.len(a + 1) >= 6); // a pension's, ゆうちょ's shape
            if ((x >= 0.5 || labelled) && ctx(PiiType.PHONE, s, c.gs[a], c.ge[b - 1], sc) <= 0
                    && (pairSpaced || symbolAndNumber(s, start))
                    && !notACardsPair(s, c, a, start, end, sc) // 〒001-0018 below a 記号番号 asked for, 第12-34号
                    && !(pairSpaced && labelStart(s, start, "記号") >= 0 && numberLabelAfter(s, end))) { // 記号 1947 0623 番号 386: one 記号
                double conf = labelled ? 0.85 : conf(0.4, 0.85, x);
                int symbol = CardColumns.kanaSymbolStart(s, c.gs[a]);
                out.add(new Finding(PiiType.HEALTH_INSURANCE, symbol, c.ge[a], conf, false, s.substring(symbol, c.ge[a])));
                out.add(new Finding(PiiType.HEALTH_INSURANCE, c.gs[a + 1], c.ge[a + 1], conf, false,
                        s.substring(c.gs[a + 1], c.ge[a + 1])));
                return true;
            }
        }
        boolean dotted = c.anySep(a, b, NumberChain.DOT); // 090.1234.5678: a phone only where a word says so (not ver 070.1111.2222)
        if (sc.wants(PiiType.PHONE) && n >= 10 && n <= 13 && (!dotted || ctx(PiiType.PHONE, s, start, end, sc) > 0)) {
            phone(s, c, a, b, sc, plus);
        } else if (sc.wants(PiiType.PHONE) && b - a == 2 && c.allSeps(a, b, HYPHEN) && c.len(a) <= 4 && c.len(a + 1) == 4 && d[from] != 0
                && phoneMarkBefore(s, start) && Chars.at(s, end) != '年' && !(c.len(a) == 4 && isYear(d, from) && isYear(d, c.gd[a + 1]))) {
            offer(PiiType.PHONE, 0.8, false, start); // ☎22-3058: a number within the area, as a town's notices print it
        }
        if (plus || paren) {
            return emit(s, end, out);
        }
        // a My Number under its own label, grouped otherwise (個人番号 382716 450929, マイナンバー：3827-164509-29)
        boolean labelledMyNumber = n == 12 && !single && b - a <= 3 && plainSeps && !c.shape(a, b, 4, 4, 4)
                && sc.wants(PiiType.MY_NUMBER) && CheckDigits.myNumber(d, from) && ctx(PiiType.MY_NUMBER, s, start, end, sc) >= 0.5;
        if (n == 12 && (single || c.shape(a, b, 4, 4, 4) || labelledMyNumber) && plainSeps) {
            // 番号　第 301159686680 号: how a licence prints its number, a My Number never (the wording first: most have none)
            boolean printedAsLicence = licenceWording(s, start, end) && validLicence(d, from) && !datedSerial(d, from)
                    && Chars.has(s, "免許", Math.max(0, start - LICENCE_WORD_BACK), start); // not 証明書 第202402010982号
            if (sc.wants(PiiType.MY_NUMBER) && CheckDigits.myNumber(d, from)) {
                double x = ctx(PiiType.MY_NUMBER, s, start, end, sc);
                if (ownKind(x, s, start, end) && !(x == 0 && single && datedSerial(d, from)) && !((boxed || c.wide) && x <= 0)
                        && !(x == 0 && printedAsLicence)) {
                    offer(PiiType.MY_NUMBER, conf(0.86, 0.99, x), true, start); // boxes of digits only under their label
                }
            }
            double x;
            if (sc.wants(PiiType.DRIVERS_LICENSE) && ((x = ctx(PiiType.DRIVERS_LICENSE, s, start, end, sc)) > 0
                    || x == 0 && printedAsLicence)) {
                offer(PiiType.DRIVERS_LICENSE, printedAsLicence || validLicence(d, from) ? conf(0.75, 0.96, x > 0 ? x : 0.5)
                        : conf(0.35, 0.7, x), false, start);
            }
        }
        if (n == 13 && (single || c.shape(a, b, 1, 4, 4, 4)) && plainSeps && sc.wants(PiiType.CORPORATE_NUMBER)
                && CheckDigits.corporateNumber(d, from)) {
            double x = ctx(PiiType.CORPORATE_NUMBER, s, start, end, sc);
            if ((!japaneseGtin || x >= 0.8) && ownKind(x, s, start, end) && !(boxed && x <= 0)) { // a JAN/ISBN that passes the 法人番号 check needs 法人番号 context
                offer(PiiType.CORPORATE_NUMBER, conf(0.86, 0.99, x), true, start);
            }
        }
        if (n >= 13 && n <= 19 && plainSeps && (single || cardShape(c, a, b)) && sc.wants(PiiType.CREDIT_CARD)
                && !japaneseGtin && CheckDigits.luhn(d, from, n) && rules.cardIssuer(d, from, n)) {
            double x = ctx(PiiType.CREDIT_CARD, s, start, end, sc);
            if (ownKind(x, s, start, end) && !((boxed || c.wide) && x <= 0)) {
                offer(PiiType.CREDIT_CARD, conf(0.86, 0.99, x), true, start);
            }
        }
        if (n == 11 && (single || plainSeps && b - a <= 3 && d[from] != 0)) { // 住民票コード 2914 1777 635, not 090 1234 5678
            contextOnly(PiiType.RESIDENT_RECORD_CODE, s, start, end, sc);
        }
        if (n == 10 && (single || (c.shape(a, b, 4, 6) && (c.allSeps(a, b, HYPHEN) || c.allSeps(a, b, SPACE))))) { // 4012-583094, 4012 583094
            contextOnly(PiiType.PENSION_NUMBER, s, start, end, sc);
        }
        if (n == 7 && sc.wants(PiiType.POSTAL_CODE) && (single || c.shape(a, b, 3, 4)) && !numbered(s, start, end)) {
            // a postal code needs 〒, a label or an address on its line: a bare 123-4567 is a code of some other kind
            double x = ctx(PiiType.POSTAL_CODE, s, start, end, sc);
            if (x < 0.4 && (addressMarks.onLine(s, start, end, ContextWords.BEFORE, ContextWords.AFTER) || addressBelow(s, end))) {
                x += 0.4; // 100-0001 東京都千代田区…, or the address on the next line when the code stands alone on its own
            }
            if (x > 0) {
                offer(PiiType.POSTAL_CODE, c.shape(a, b, 3, 4) && c.allSeps(a, b, HYPHEN) ? conf(0.7, 0.98, x) : conf(0.6, 0.97, x),
                        false, start);
            }
        }
        if ((n == 8 || n == 9) && single && sc.wants(PiiType.PASSPORT) && passportLabelBefore(s, start)) {
            offer(PiiType.PASSPORT, 0.85, false, start); // U.S. Passport No.）510001290: a passport of digits only, after its label
        }
        if (n == 7 && single && !otherThanAccount(s, start)) {
            contextOnly(PiiType.BANK_ACCOUNT, s, start, end, sc);
        }
        boolean wrongInsurer = (n == 6 || n == 8) && single && !CheckDigits.luhn(d, from, n) && calledWrong(s, start, end);
        if (!wrongInsurer && n <= 10 && (single || boxes(c, a, b, 2) && insuranceOnLine(s, start)
                || (b - a == 2 && (c.allSeps(a, b, HYPHEN) || c.allSeps(a, b, NumberChain.MIDDOT)
                        || c.allSeps(a, b, NumberChain.SPACE) && labelStart(s, start, "記号") >= 0))) // 記号 1947 0623: in two groups
                && sc.wants(PiiType.HEALTH_INSURANCE)
                && !(n == 8 && single && isDate(d, from)) && (n >= 2 || kanjiBefore(s, start) < start) // 記号　豊能２, not 問1. 番号 2
                && (insuranceLabel(s, start) || symbolAndNumberLabels(s, start, end)) && !otherLabel(s, start)) { // 被保険者証 記号：42-51 番号：779
            offer(PiiType.HEALTH_INSURANCE, 0.85, false, symbolStart(s, start, sc));
        } else if (!wrongInsurer && n <= 10 && (single && n >= 2 || boxes(c, a, b, 2)) && sc.wants(PiiType.HEALTH_INSURANCE)
                && !(n == 8 && isDate(d, from))) {
            String column = CardColumns.labelAbove(s, start);
            if (column != null) {
                offer(PiiType.HEALTH_INSURANCE, 0.85, false, column.equals("記号") ? CardColumns.kanaSymbolStart(s, start) : start);
            }
        }
        boolean symbolCell = b - a == 2 && (c.allSeps(a, b, HYPHEN) || c.allSeps(a, b, NumberChain.MIDDOT))
                && sc.hinted(PiiType.HEALTH_INSURANCE); // a 記号 column's 12-88, a 記号・番号 column's 「12・345」
        if (!wrongInsurer && (single || symbolCell) && n <= 10 && sc.wants(PiiType.HEALTH_INSURANCE) && !(n == 8 && isDate(d, from))
                && !otherLabel(s, start) && !dateOrAge(s, start, end, n)) {
            // 保険者番号 only with its own words (記号/番号 alone are not enough); a valid yyyymmdd is a date
            double x = ctx(PiiType.HEALTH_INSURANCE, s, start, end, sc);
            if ((n == 8 || n == 6) && x >= 0.5 && CheckDigits.luhn(d, from, n)) {
                offer(PiiType.HEALTH_INSURANCE, conf(0.85, 0.97, x), true, start);
            } else if (x >= 0.5 && n >= 2) { // 被保険者記号・番号: no format, context only; a lone digit is a list's (1.被保険者)
                offer(PiiType.HEALTH_INSURANCE, conf(0.4, 0.85, x), false, symbolStart(s, start, sc));
            }
        }
        return emit(s, end, out);
    }

    /** Words by which a text says a number written in it is wrong (誤記, 誤り, 間違い, 不正です, 訂正, a receipt's 返戻). */
    private static final String[] WRONG = {"誤記", "誤り", "誤って", "間違", "不正で", "不正な", "不正（", "不正(", "訂正", "返戻", "エラー", "error",
        "invalid"};
    /** After a word of {@link #WRONG}: it says the number is right, or the value is the corrected one (誤りなし, 訂正後). */
    private static final String[] NOT_WRONG_AFTER = {"なし", "無し", "はありません", "はない", "後", "済"};
    /** How far before a number its 保険者番号 label may stand (保険者番号を「…」, 保険者番号の検証番号が不正です（…）). */
    private static final int INSURER_LABEL_REACH = 16;
    /** How far after a number the word that calls it wrong may stand (「06130867」としたのは誤りでした). */
    private static final int WRONG_REACH = 16;

    /**
     * A 保険者番号 the text itself calls wrong: its label 保険者番号 (not 被保険者番号, a number with no check digit) shortly
     * before the number on its line, or after it in a row's cells or after a code and a colon, and a word of {@link #WRONG}
     * between the label and a few characters after the number (保険者番号「06138386」は誤記のため, 保険者番号の検証番号が不正です
     * （06138378）, a receipt's row ending 保険者番号誤り); not 誤りなし or 訂正後. Only for a number whose 検証番号 fails: the
     * check digit alone cannot decide, since forms and our labelled sets hold invented numbers (legal-spec.md rates the rule
     * M), but a number that fails it and that its own text calls wrong is no insurer's. The card's 記号 and 番号 have no
     * check digit, and a mistaken one stays a finding (さっきの番号は間違いで、22じゃなくて23).
     */
    static boolean calledWrong(String s, int start, int end) {
        int ls = s.lastIndexOf('\n', start - 1) + 1;
        int le = Chars.lineEnd(s, end);
        boolean row = Chars.has(s, ",", end, le) || Chars.has(s, "\t", end, le);
        boolean colon = end < le && (s.charAt(end) == '：' || s.charAt(end) == ':');
        int from = -1;
        int to = Math.min(le, end + WRONG_REACH);
        int before = Chars.indexIn(s, "保険者番号", Math.max(ls, start - INSURER_LABEL_REACH), start);
        if (before >= 0 && (before == 0 || s.charAt(before - 1) != '被')) {
            from = before;
        } else {
            // after it: a row's note after its cells, or a message right after a code (001455：保険者番号の検証番号が不正です)
            int after = Chars.indexIn(s, "保険者番号", end, row ? le : colon ? Math.min(le, end + 2 + "保険者番号".length()) : end);
            if (after >= 0 && s.charAt(after - 1) != '被') {
                from = end;
                to = row ? le : Math.min(le, after + "保険者番号".length() + WRONG_REACH);
            }
        }
        if (from < 0) {
            return false;
        }
        for (String w : WRONG) {
            for (int i = Chars.indexIn(s, w, from, to); i >= 0; i = Chars.indexIn(s, w, i + 1, to)) {
                boolean denied = false;
                for (String n : NOT_WRONG_AFTER) {
                    denied |= s.startsWith(n, i + w.length());
                }
                if (!denied) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * True when the number follows a 記号, 番号 or 枝番 label (施行規則3条: the 記号・番号 of a 被保険者証, and the 枝番 added
     * in 2021), a kanji part of the 記号 between (記号　府中２３), and a 被保険者証 / 保険証 / 保険者 heading stands earlier on
     * the same line or on one of the two lines before it (保険者番号：06140339⏎記号：5108　番号：2217).
     */
    private static boolean insuranceLabel(String s, int start) {
        int k = kanjiBefore(s, start);
        int i = quotedBack(s, skipBack(s, k), k == start);
        if (i < 2 || !(s.startsWith("記号", i - 2) || s.startsWith("番号", i - 2) || s.startsWith("枝番", i - 2))) {
            return false;
        }
        if (i >= 4 && s.startsWith("整理番号", i - 4)) {
            return false; // 被保険者整理番号 118: another number of the insured person, not the card's
        }
        int label = joinedLabelStart(s, i - 2);
        if (label < i - 2 && otherBookBefore(s, label)) {
            return false; // 年金手帳⏎記号番号：1234-567890, ゆうちょ⏎記号番号：10180-1234567
        }
        boolean bare = label == 0 || !Morphology.isKanji(s.charAt(label - 1)) && !Morphology.isKatakana(s.charAt(label - 1));
        return cardHeadingBefore(s, label, bare);
    }

    /**
     * Another book's or number's word before the label, on its line or the two above, where its heading stands (年金手帳の
     * 記号番号, 年金手帳⏎記号番号, 通帳, 口座, ゆうちょ, 振込, 受験番号, 証明書番号).
     */
    private static boolean otherBookBefore(String s, int start) {
        int from = Chars.linesAbove(s, s.lastIndexOf('\n', start - 1) + 1, 2);
        for (String w : OTHER_BOOKS) {
            if (Chars.has(s, w, from, start)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] OTHER_BOOKS = {"年金", "通帳", "口座", "ゆうちょ", "振込", "受験", "証明書"};

    /** True when the label right before {@code start} names the pair: 記号番号：8031-22, 記号・番号「12-345」. */
    private static boolean joinedLabelBefore(String s, int start) {
        int i = quotedBack(s, skipBack(s, start), true);
        return i >= 2 && joinedLabelStart(s, i - 2) < i - 2;
    }

    /** Where the label ending in the 番号 at {@code at} starts when it names the pair (記号番号, 記号・番号, 記号／番号), else {@code at}. */
    private static int joinedLabelStart(String s, int at) {
        if (!s.startsWith("番号", at)) {
            return at;
        }
        if (at >= 2 && s.startsWith("記号", at - 2)) {
            return at - 2;
        }
        return at >= 3 && s.startsWith("記号", at - 3) && "・／/".indexOf(s.charAt(at - 1)) >= 0 ? at - 3 : at;
    }

    /**
     * A 被保険者証 / 保険証 / 保険者 / 健保 / 資格確認書 / 被扶養者証 / 組合員証 heading before the label at {@code label}, on its line
     * or, for a {@code bare} label (記号：, not 部屋番号：), on one of the two lines above it.
     */
    private static boolean cardHeadingBefore(String s, int label, boolean bare) {
        int from = Math.max(0, label - 78);
        int lines = 0;
        for (int j = label; j >= from; j--) {
            char ch = s.charAt(j);
            if (ch == '\n' && (++lines > 2 || !bare)) {
                return false; // a heading lines above serves a bare 記号：/番号：, not 部屋番号：305 or 車両番号：1234
            }
            // the insurance's own names (国保, 健康保険) serve only a bare label on their line: 国保の高額療養費 通知番号 is no card's
            boolean plainLabel = bare && lines == 0;
            if (ch == '保' && (s.startsWith("保険証", j) && "券書".indexOf(Chars.at(s, j + 3)) < 0
                    && !Morphology.isKatakana(Chars.at(s, j + 3)) || s.startsWith("保険者", j)) && !Chars.has(s, "年金", Math.max(0, j - 6), j)
                    || ch == '健' && (s.startsWith("健保", j) || plainLabel && s.startsWith("健康保険", j) && "料課法".indexOf(Chars.at(s, j + 4)) < 0)
                    || ch == '国' && plainLabel && s.startsWith("国保", j) && !Morphology.isKanji(Chars.at(s, j - 1))
                            && "世年課連税料組総デ".indexOf(Chars.at(s, j + 2)) < 0
                    || ch == '資' && s.startsWith("資格確認書", j)
                    || ch == '扶' && s.startsWith("扶養者証", j) || ch == '組' && s.startsWith("組合員証", j)) {
                // 被保険者証, 保険者番号, 健保, 健康保険, 国保, 資格確認書, 被扶養者証, 共済の組合員証; not 健康保険料, 国民健康保険課,
                // 国保世帯番号, 国保年金課, 国保データベース, 全国保育… (国保 inside a word), 保険証券, 保険証ケース,
                // 厚生年金保険被保険者証 (a pension's)
                return true;
            }
        }
        return false;
    }

    /**
     * A 記号 and a 番号 given together on one line, each a number under its own bare label (記号 31020418 番号 72, 記号は07-12、
     * 番号は0048321): the pair a 被保険者証 carries (施行規則3条), even with no word for the card, as a chat writes it. Not
     * a ゆうちょ account's pair (its words on the line or just above: {@link #bank} has read it) nor an old 年金手帳's.
     */
    private boolean symbolAndNumberLabels(String s, int start, int end) {
        int ls = Math.max(Chars.lineStartWithin(s, start, PAIR_REACH), start - PAIR_REACH);
        int le = Chars.lineEndWithin(s, end, PAIR_REACH);
        le = le < 0 ? end + PAIR_REACH : le;
        if (!labelledPair(s, start, end, ls, le)) {
            return false; // first the labels, near the number: the words around are looked for only then
        }
        int above = Chars.linesAbove(s, ls, 2); // the line and two above it, where a heading names the document (【年金手帳】, 定額小為替)
        int from = Math.max(above, start - NOT_A_CARD_REACH);
        int to = Math.min(le, end + NOT_A_CARD_REACH);
        if (yuchoWords.onLineOrAbove(s, start, end, YUCHO_BEFORE, 12, YUCHO_LINES) || transferWords.onLine(s, start, end, 40, 20)
                || bankWords.onLine(s, start, end, 40, 20) || YUCHO_PAIR.matcher(s).region(Math.max(ls, from), to).find()) {
            return false;
        }
        for (String w : NOT_A_CARD) {
            if (Chars.has(s, w, from, to)) {
                return false;
            }
        }
        return true;
    }

    /** 記号 X then 番号 Y on the line [ls, le), the number at {@code s[start, end)} being either. */
    private static boolean labelledPair(String s, int start, int end, int ls, int le) {
        int i = labelStart(s, start, "記号");
        if (i >= 0) { // 記号 X, then 番号 Y
            int j = end;
            while (j < le && j - end < 3 && (Chars.isSpace(s.charAt(j)) || "、，,/／".indexOf(s.charAt(j)) >= 0)) {
                j++;
            }
            int k = j + 2;
            while (k < le && k - j < 5 && (Chars.isSpace(s.charAt(k)) || "：:は".indexOf(s.charAt(k)) >= 0)) {
                k++;
            }
            return s.startsWith("番号", j) && k < le && Chars.isDigit(s.charAt(k));
        }
        i = labelStart(s, start, "番号");
        if (i < 0) {
            return false;
        }
        int j = i; // 番号 Y, after 記号 X
        while (j > ls && i - j < 3 && (Chars.isSpace(s.charAt(j - 1)) || "、，,/／".indexOf(s.charAt(j - 1)) >= 0)) {
            j--;
        }
        int k = j;
        while (k > ls && j - k < 12 && (Chars.isDigit(s.charAt(k - 1)) || "-－ ".indexOf(s.charAt(k - 1)) >= 0)) {
            k--;
        }
        return k < j && Chars.isDigit(s.charAt(j - 1)) && labelStart(s, k, "記号") >= 0;
    }

    /** The labels of a passport's number, lower case. */
    private static final String[] PASSPORT_LABELS = {"旅券番号", "パスポート番号", "passport no.", "passport no", "passport number"};

    /** A passport's label right before {@code start}: blanks, a colon or a closing bracket between (（U.S. Passport No.）). */
    private static boolean passportLabelBefore(String s, int start) {
        int i = skipBack(s, start);
        if (i > 0 && Chars.isCloseParen(s.charAt(i - 1))) {
            i = skipBack(s, i - 1);
        }
        return Chars.labelEndsAt(s, 0, i, PASSPORT_LABELS);
    }

    /** 番号 after {@code end}, blanks or a comma between. */
    private static boolean numberLabelAfter(String s, int end) {
        int j = end;
        while (j < s.length() && j - end < 3 && (Chars.isSpace(s.charAt(j)) || "、，,".indexOf(s.charAt(j)) >= 0)) {
            j++;
        }
        return s.startsWith("番号", j);
    }

    /** How far from the number its pair's other label and number may stand. */
    private static final int PAIR_REACH = 40;

    /** How far around the pair the words of another document or a ゆうちょ account's shape are looked for. */
    private static final int NOT_A_CARD_REACH = 120;

    /** Documents and payments that carry a 記号 and a 番号 of their own: not a 被保険者証's. */
    private static final String[] NOT_A_CARD = {"年金", "振込", "送金", "通帳", "為替", "恩給", "貯金"};

    /**
     * A ゆうちょ account's pair whatever the words around it: a 記号 of five digits starting with 1 and ending with 0,
     * given with a 番号 of eight (14010 and 23456781).
     */
    private static final java.util.regex.Pattern YUCHO_PAIR = java.util.regex.Pattern.compile(
            "(?<![0-9０-９])[1１][0-9０-９]{3}[0０](?![0-9０-９])\\D{1,12}?(?<![0-9０-９])[0-9０-９]{8}(?![0-9０-９])");

    /**
     * Where {@code label} starts when it ends right before {@code start} as a label of its own (blanks, a colon or the
     * topic's は between; not the end of another noun: 受付番号, 会員記号), else −1.
     */
    private static int labelStart(String s, int start, String label) {
        int i = skipBack(s, start);
        if (i > 0 && s.charAt(i - 1) == 'は') {
            i = skipBack(s, i - 1);
        }
        int l = i - label.length();
        if (l < 0 || !s.startsWith(label, l)) {
            return -1;
        }
        char c = Chars.at(s, l - 1);
        return Morphology.isKanji(c) || Morphology.isKatakana(c) ? -1 : l;
    }

    /**
     * A 記号 that is not digits after kanji, which the number path finds (記号　府中２３): letters only or letters that are
     * not kanji before its digits, as 国保 and 共済 write the municipality, the office or a code (記号 さいたま南, 記号 東京あ,
     * 記号 横浜第３, 記号【ＫＴ３】, 記号 ＫＴ 番号 20913; 施行規則3条). After a bare 記号 label (or 保険証記号) under a card's
     * heading ({@link #cardHeadingBefore}), its value of two to eight characters, then the card's pair: the 番号 label and
     * its digits right after ({@link #cardNumberAfter}). Without the pair, what follows 記号 is as often words about it
     * (保険証の記号が読めない, 記号 Fe は鉄, a test's 記号 ウ).
     */
    static void letterSymbols(String s, java.util.List<Finding> out) {
        for (int at = s.indexOf("記号"); at >= 0; at = s.indexOf("記号", at + 2)) {
            int k = at;
            while (k > 0 && at - k < 8 && (Morphology.isKanji(s.charAt(k - 1)) || Morphology.isKatakana(s.charAt(k - 1)))) {
                k--;
            }
            String compound = s.substring(k, at);
            if (!compound.isEmpty() && !compound.contains("保険") && !compound.equals("健保")) {
                continue; // 整理記号, 事業所記号: another field's
            }
            int v = skipForward(s, at + 2);
            if (v < s.length() && "「【［[『（(".indexOf(s.charAt(v)) >= 0) {
                v = skipForward(s, v + 1);
            } else if (v == at + 2 && v < s.length() && Morphology.isHiragana(s.charAt(v))) {
                continue; // 記号が, 記号とは: a particle, not a value
            }
            int e = v;
            while (e < s.length() && e - v <= 8 && symbolChar(s.charAt(e))) {
                e++;
            }
            if (e - v < 2 || e - v > 8 || e < s.length() && !symbolEnd(s, e)) {
                continue;
            }
            boolean letters = false;
            boolean hiraganaOnly = true;
            boolean kanjiThenDigits = true;
            for (int i = v; i < e; i++) {
                char c = s.charAt(i);
                letters |= !Chars.isDigit(c);
                hiraganaOnly &= Morphology.isHiragana(c);
                kanjiThenDigits &= Morphology.isKanji(c) && "号番第".indexOf(c) < 0 || Chars.isDigit(c) && i > v;
            }
            boolean digitsAfterKanji = kanjiThenDigits && Chars.isDigit(s.charAt(e - 1));
            if (!letters || hiraganaOnly || digitsAfterKanji || !cardNumberAfter(s, e)
                    || !cardHeadingBefore(s, k, compound.isEmpty() || compound.contains("保険"))) {
                continue; // digits (the number path's), no 番号 after it, or no card's heading
            }
            out.add(new Finding(PiiType.HEALTH_INSURANCE, v, e, 0.8, false, s.substring(v, e)));
        }
    }

    /** The 番号 label and a digit within a few characters after {@code e}, past blanks, brackets and separators. */
    private static boolean cardNumberAfter(String s, int e) {
        int j = e;
        while (j < s.length() && j - e < 6 && (Chars.isSpace(s.charAt(j)) || "」】］]』）)、，,/／・「【『\t\r\n".indexOf(s.charAt(j)) >= 0)) {
            j++;
        }
        if (!s.startsWith("番号", j)) {
            return false;
        }
        for (int k = j + 2; k < s.length() && k - j < 8; k++) {
            if (Chars.isDigit(s.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    /** A character of a 記号: kanji, kana, Latin letters (half- or full-width) and digits; not 番 (記号番号). */
    private static boolean symbolChar(char c) {
        return (Morphology.isKanji(c) && c != '番') || Morphology.isKatakana(c) && c != 'ー' || Morphology.isHiragana(c)
                || Chars.isDigit(c) || c < 0x80 && Character.isLetter(c) || c >= 'Ａ' && c <= 'Ｚ' || c >= 'ａ' && c <= 'ｚ';
    }

    /** What may follow a 記号's value: a blank, a closing quote or bracket, a comma, the 番号 label, the line's end. */
    private static boolean symbolEnd(String s, int e) {
        char c = s.charAt(e);
        return Chars.isSpace(c) || c == '\n' || "」】］]』）)、，,。".indexOf(c) >= 0 || s.startsWith("番号", e);
    }

    /** After blanks, a tab, a colon and は from {@code i} (記号：, 記号は). */
    private static int skipForward(String s, int i) {
        int k = i;
        while (k < s.length() && k - i < 4 && (Chars.isSpace(s.charAt(k)) || s.charAt(k) == '\t' || s.charAt(k) == '：'
                || s.charAt(k) == ':' || s.charAt(k) == 'は')) {
            k++;
        }
        return k;
    }

    /**
     * Before a value quoted after its label, or after the label's particle (記号「府中１２」, 記号は「8013」, 番号の22): where
     * the label ends, else {@code i}; の only right before a quote or before digits with no kanji of a 記号 between.
     */
    private static int quotedBack(String s, int i, boolean digitsFirst) {
        int k = i;
        boolean quoted = k > 0 && "「『“\"【［".indexOf(s.charAt(k - 1)) >= 0;
        if (quoted) {
            k = skipBack(s, k - 1);
        }
        if (k > 0 && (s.charAt(k - 1) == 'は' || s.charAt(k - 1) == 'の' && (quoted || digitsFirst && k == i))) {
            k = skipBack(s, k - 1); // 番号の22, not 番号の下4桁: の only right before the value
        }
        return k >= 2 && (s.startsWith("記号", k - 2) || s.startsWith("番号", k - 2) || s.startsWith("枝番", k - 2)) ? k : i;
    }

    /** Where up to four kanji right before {@code start} begin (府中 of 府中２３), else {@code start}. */
    private static int kanjiBefore(String s, int start) {
        return symbolLettersBefore(s, start, false);
    }

    /** The same, half-width katakana among them when {@code halfKana} (ｱｻ of ｱｻ12). */
    private static int symbolLettersBefore(String s, int start, boolean halfKana) {
        int i = start;
        while (i > 0 && start - i < 4 && (Morphology.isKanji(s.charAt(i - 1)) && "号番第".indexOf(s.charAt(i - 1)) < 0
                || halfKana && s.charAt(i - 1) >= 'ｦ' && s.charAt(i - 1) <= 'ﾝ')) {
            i--;
        }
        return i;
    }

    /**
     * Where a 記号 starts: at the kanji or half-width katakana written before its digits (国保 and 共済 write the
     * municipality or the office: 記号　府中２３, a 記号 column's 都職員１２, {@code <Symbol>ｱｻ12</Symbol>}) when a 記号
     * label, the cell's start or a cell's edge (a tag, a slash, a bar, a tab: 138214／西東京12／004781) is right before
     * them, else at its digits.
     */
    private static int symbolStart(String s, int start, ScanContext sc) {
        int k = symbolLettersBefore(s, start, true);
        if (k == start) {
            return start;
        }
        if (k == 0) {
            return sc.hinted(PiiType.HEALTH_INSURANCE) ? 0 : start;
        }
        if (CELL_EDGES.indexOf(s.charAt(k - 1)) >= 0) {
            return k;
        }
        int i = skipBack(s, k);
        return i >= 2 && s.startsWith("記号", i - 2) ? k : start;
    }

    /** What ends the cell before a 記号's letters: an XML tag, a slash, a bar, a tab, a comma, a quote. */
    private static final String CELL_EDGES = ">／/|｜\t,，「";

    /**
     * The rest of the line after {@code end} is blank and the next line opens with an address's mark and holds a number
     * (160-0022⏎東京都新宿区新宿六丁目27番地10).
     */
    private boolean addressBelow(String s, int end) {
        int ls0 = s.lastIndexOf('\n', end - 1);
        if (ls0 > 0) {
            int above = s.lastIndexOf('\n', ls0 - 1) + 1;
            String prev = s.substring(above, ls0).strip();
            if (prev.endsWith("番号") || prev.endsWith("No") || prev.endsWith("No.") || prev.endsWith("コード") || prev.endsWith("ID")) {
                return false; // お問い合わせ番号⏎123-4567: the line above names another kind of number
            }
        }
        int i = end;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\u3000' || s.charAt(i) == '\r')) {
            i++;
        }
        if (i >= s.length() || s.charAt(i) != '\n') {
            return false;
        }
        int ls = i + 1;
        int le = Math.min(s.length(), ls + 8);
        int nl = s.indexOf('\n', ls);
        // with its block numbers (東京都で販売 is no address)
        return ls < s.length() && addressMarks.onLine(s, ls, ls, 0, le - ls) && Chars.hasDigit(s, ls, nl < 0 ? s.length() : nl);
    }

    /**
     * A label naming a number of another kind right before {@code start} (診察券番号 0031287, 診察券（番号0041887）, 受付番号,
     * 事業所整理記号, a 受給者証's 受給者番号, 雇用保険被保険者番号, 管理コード): not the card's.
     */
    private static boolean otherLabel(String s, int start) {
        int kb = kanjiBefore(s, start);
        int i = quotedBack(s, skipBack(s, kb), kb == start); // 整理記号：東京12: the label before the 記号's kanji; 診察券番号は「0031287」
        int k = i;
        while (k > 0 && i - k < 12 && Morphology.isKanji(s.charAt(k - 1))) {
            k--;
        }
        if (k >= 2 && "（(".indexOf(s.charAt(k - 1)) >= 0 && Morphology.isKanji(s.charAt(k - 2))) {
            k--; // the card named before a bracket that holds its number: 診察券（番号0041887）
            while (k > 0 && i - k < 12 && Morphology.isKanji(s.charAt(k - 1))) {
                k--;
            }
        }
        if (i >= 3 && s.startsWith("コード", i - 3)) {
            return true; // 管理コード, 顧客コード: a 保険証 has no code
        }
        if (i < 3 || !(s.startsWith("番号", i - 2) || s.startsWith("記号", i - 2))) {
            return false;
        }
        String label = s.substring(k, i);
        for (String other : new String[] {"診察券", "患者", "受付", "会員", "整理", "管理", "受診", "予約", "注文", "伝票", "事業所",
                "受給者", "公費", "医療機関", "証券", "雇用保険", "労働保険", "労災"}) {
            if (label.contains(other)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a number whose check digit holds may be of the checked kind, given its context score {@code x}: about one
     * number in ten passes a check digit by chance, so not when the words around it add up against the kind (電話, 口座),
     * nor, with no words either way, right after a label naming another number (請求書番号, 会員No.) or before a counter or
     * currency that makes it a quantity (824628194826 円, 199351819090件).
     */
    private static boolean ownKind(double x, String s, int start, int end) {
        return x > 0 || x == 0 && !otherNumberLabel(s, start) && !quantityAfter(s, end) && !inPath(s, start);
    }

    /** A number that a path or a query glues to what comes before it (…/item/824628194826, ?id=824628194826, IMG_…): an id. */
    private static boolean inPath(String s, int start) {
        return "/=?&_#".indexOf(Chars.at(s, start - 1)) >= 0 && start >= 2 && !Chars.isSpace(s.charAt(start - 2));
    }

    /**
     * A part of a date or an age, or a count of digits, not an identifier: a number of up to four digits before 年, 月, 日,
     * 歳 or 桁 that does not start a word of its own (令和 07 年 08 月, 下4桁; not 06140339 本人, 1234 年1回), or of one to
     * three digits alone in brackets (島田 一郎さん（31））, or of one or two digits beside a slash and digits (10/20).
     */
    private static boolean dateOrAge(String s, int start, int end, int n) {
        int i = Chars.isSpace(Chars.at(s, end)) ? end + 1 : end;
        char u = Chars.at(s, i);
        char next = Chars.at(s, i + 1);
        return n <= 4 && "年月日歳才桁".indexOf(u) >= 0 && !Chars.isDigit(next) && "本末度間齢金収".indexOf(next) < 0
                || n <= 3 && "（(".indexOf(Chars.at(s, start - 1)) >= 0 && "）)".indexOf(Chars.at(s, end)) >= 0
                // a month and a day with a slash (確認済み、10/20）。保険者番号…): the date's parts, not a 記号 or 番号
                || n <= 2 && monthSlashDay(s, start, end);
    }

    /**
     * The number is the month or the day of a month/day written with a slash (10/20): a month of 1 to 12, a day of 1 to 31,
     * one or two digits each, and no 記号 or 番号 label right before the pair (保険証 記号・番号 5/67 is a 記号 and a 番号).
     */
    private static boolean monthSlashDay(String s, int start, int end) {
        int ms;
        int me;
        int ds;
        int de;
        if (Chars.at(s, end) == '/') {
            ms = start;
            me = end;
            ds = end + 1;
            de = ds;
            while (de < s.length() && de - ds < 3 && Chars.isDigit(s.charAt(de))) {
                de++;
            }
        } else if (Chars.at(s, start - 1) == '/') {
            ds = start;
            de = end;
            me = start - 1;
            ms = me;
            while (ms > 0 && me - ms < 3 && Chars.isDigit(s.charAt(ms - 1))) {
                ms--;
            }
        } else {
            return false;
        }
        if (me - ms < 1 || me - ms > 2 || de - ds < 1 || de - ds > 2 || Chars.isDigit(Chars.at(s, de)) || Chars.isDigit(Chars.at(s, ms - 1))) {
            return false;
        }
        int m = Integer.parseInt(s, ms, me, 10);
        int d = Integer.parseInt(s, ds, de, 10);
        int b = skipBack(s, ms);
        return m >= 1 && m <= 12 && d >= 1 && d <= 31 && !(b >= 2 && (s.startsWith("記号", b - 2) || s.startsWith("番号", b - 2)));
    }

    /** Counters and currencies after a quantity (a blank may come between): 円, 件, 個, …, 万, ポイント, pt. */
    private static final String QUANTITY_UNITS = "円件個枚点人名本台回株口冊万億兆";
    private static final String[] QUANTITY_WORDS = {"ポイント", "pt", "PT", "ドル", "ユーロ"};

    private static boolean quantityAfter(String s, int end) {
        int i = Chars.isSpace(Chars.at(s, end)) ? end + 1 : end;
        if (QUANTITY_UNITS.indexOf(Chars.at(s, i)) >= 0) {
            return true;
        }
        for (String w : QUANTITY_WORDS) {
            if (s.startsWith(w, i)) {
                return true;
            }
        }
        return false;
    }

    /** Label endings that name a kind of number (請求書番号, 会員No., お客様ID, 商品コード). */
    private static final String[] NUMBER_LABEL_ENDS = {"番号", "No.", "No", "NO.", "NO", "ID", "コード", "＃", "#"};

    /**
     * Right after a label naming another number than an account's (顧客番号 8174402, お客様番号, 証書番号 under a bank's name):
     * a word of one to eight kanji or kana and 番号 or No., none of them 口座.
     */
    private static boolean otherThanAccount(String s, int start) {
        int i = skipBack(s, start);
        int end = s.startsWith("番号", i - 2) ? i - 2 : i >= 3 && s.startsWith("No.", i - 3) ? i - 3 : -1;
        if (end < 0) {
            return false;
        }
        int k = wordStart(s, end, 8, true);
        if (k >= end) {
            return false;
        }
        String label = s.substring(k, end);
        for (String w : ACCOUNT_LABEL_WORDS) {
            if (label.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /** Where the word of at most {@code reach} kanji (and kana, with {@code kana}) that ends at {@code end} starts. */
    private static int wordStart(String s, int end, int reach, boolean kana) {
        int k = end;
        while (k > 0 && end - k < reach && (Morphology.isKanji(s.charAt(k - 1))
                || kana && (Morphology.isHiragana(s.charAt(k - 1)) || Morphology.isKatakana(s.charAt(k - 1))))) {
            k--;
        }
        return k;
    }

    /** Words of an account's own label (口座番号, 預金番号, 通帳番号, 普通預金番号). */
    private static final String[] ACCOUNT_LABEL_WORDS = {"口座", "預金", "通帳", "貯金", "普通", "当座"};

    /** Labels of a lot, a serial or a drawing right before a number: a made-up phone's shape there is a code. */
    private static final String[] CODE_LABELS = {"ロット", "lot", "s/n", "シリアル", "図番", "規格", "製番"};

    /** Another number's label right before {@code start} (製造番号, 受付番号, ロット, S/N), not a phone's. */
    private static boolean codeLabelBefore(String s, int start) {
        if (otherNumberLabel(s, start)) {
            return true;
        }
        int i = skipBack(s, start);
        if (Chars.labelEndsAt(s, 0, i, CODE_LABELS)) {
            return true;
        }
        if (!s.startsWith("番号", i - 2)) {
            return false;
        }
        String label = s.substring(wordStart(s, i - 2, 6, false), i - 2);
        return !label.isEmpty() && !label.contains("電話") && !label.contains("携帯") && !label.contains("連絡");
    }

    /**
     * A label naming a number stands right before {@code start} (blanks, ：, :, は or ＝ between), after a word (請求書番号)
     * or alone (ID:, No.): the number is of the kind the label names. Asked only when no word of the type's own context is
     * near.
     */
    private static boolean otherNumberLabel(String s, int start) {
        int i = skipBack(s, start);
        if (i > 0 && (s.charAt(i - 1) == 'は' || s.charAt(i - 1) == '＝' || s.charAt(i - 1) == '=')) {
            i = skipBack(s, i - 1); // 番号は 123…, 番号＝123…
        }
        for (String e : NUMBER_LABEL_ENDS) {
            if (i >= e.length() && s.startsWith(e, i - e.length()) && (i == e.length() || !Character.isDigit(s.charAt(i - e.length() - 1)))) {
                return true; // 会員No., お客様ID, and a label of its own (ID: 824628194826, No.824628194826)
            }
        }
        return false;
    }

    private boolean validLicence(byte[] d, int from) {
        return CheckDigits.driversLicense(d, from) && rules.licenceCommission(d, from);
    }

    /**
     * 記号 and 番号 named together in the 300 characters before {@code start} (記号-番号, 記号・番号, 記号／番号), or written as
     * one word right before it (記号番号 8031-22, 記号番号欄に「703－1528」; not across other words: 記号番号は確認済。血圧 132-84).
     */
    private static boolean symbolAndNumber(String s, int start) {
        int from = Math.max(0, start - 300);
        for (int k = s.indexOf("記号", from); k >= 0 && k + 3 < start; k = s.indexOf("記号", k + 2)) {
            if (s.startsWith("番号", k + 3) && "-－‐・／/".indexOf(s.charAt(k + 2)) >= 0
                    || s.startsWith("番号", k + 2) && JOINED_LABEL_GAP.matcher(s).region(k + 4, start).matches()) { // 記号番号欄に「703－1528」
                return true;
            }
        }
        return false;
    }

    /** What may stand between the word 記号番号 and the pair it labels: blanks, 欄に, は, a colon, an opening bracket. */
    private static final java.util.regex.Pattern JOINED_LABEL_GAP = java.util.regex.Pattern.compile("[ 　]*(?:欄に|欄|は|[：:])?[ 　]*[「『]?");

    /**
     * A pair that is a postal code (〒 before it, blanks or a colon between, or a postal code's words around a 3-4 shape:
     * 郵便番号：100-0001, 住所 100-0001 東京都…), an ordinal (第12-34号) or a ゆうちょ account's shape (通帳の記号番号
     * 14170-12345671): not a card's 記号 and 番号.
     */
    private boolean notACardsPair(String s, NumberChain c, int a, int start, int end, ScanContext sc) {
        if (YUCHO_PAIR.matcher(s).region(start, end).matches()) {
            return true;
        }
        int i = start;
        while (i > 0 && start - i < 3 && (Chars.isSpace(s.charAt(i - 1)) || s.charAt(i - 1) == ':' || s.charAt(i - 1) == '：')) {
            i--;
        }
        char before = Chars.at(s, i - 1);
        return before == '〒' || before == '第' || Chars.at(s, end) == '号'
                || c.len(a) == 3 && c.len(a + 1) == 4 && ctx(PiiType.POSTAL_CODE, s, start, end, sc) > 0;
    }

    /** How far before a number printed 第 … 号 the word 免許 is looked for (運転免許証 表面 at the top of an OCR'd card). */
    private static final int LICENCE_WORD_BACK = 400;

    /**
     * 第 and 号 around the number, blanks allowed, after 番号 or nothing (番号　第 301159686680 号), as a driving licence
     * prints it.
     */
    private static boolean licenceWording(String s, int start, int end) {
        int b = start - 1;
        while (b >= 0 && b >= start - 3 && Chars.isSpace(s.charAt(b))) {
            b--;
        }
        int a = end;
        while (a < s.length() && a <= end + 2 && Chars.isSpace(s.charAt(a))) {
            a++;
        }
        if (Chars.at(s, b) != '第' || Chars.at(s, a) != '号') {
            return false;
        }
        b--;
        while (b >= 0 && Chars.isSpace(s.charAt(b)) && s.charAt(b) != '\n') {
            b--;
        }
        char label = Chars.at(s, b); // 番号 (番 号) or nothing before it: not 登録 第 … 号, 証明書 第 … 号
        return b < 0 || label == '\n' || label == '号' || label == ':' || label == '：';
    }

    /** 第123-4567号, 123-4567号: a numbered item, never a postal code. */
    private static boolean numbered(String s, int start, int end) {
        char before = Chars.at(s, start - 1);
        return before == '第' || Chars.at(s, end) == '号' || (Chars.isSpace(before) && Chars.at(s, start - 2) == '第');
    }

    /**
     * Twelve digits that start with a date of this era, yyyymmdd from 1990 to 2100 (202405010001, 202405011230): an order,
     * receipt or log number made of the day and a serial or a time. About four My Numbers in ten thousand start so, and
     * only a number with no words either way is left out for it.
     */
    private static boolean datedSerial(byte[] d, int from) {
        return isDate(d, from) && d[from] * 1000 + d[from + 1] * 100 + d[from + 2] * 10 + d[from + 3] >= 1990;
    }

    /** The 8 digits at {@code d[from]} are a valid date yyyymmdd between 1868 and 2100. */
    private static boolean isDate(byte[] d, int from) {
        int y = d[from] * 1000 + d[from + 1] * 100 + d[from + 2] * 10 + d[from + 3];
        int m = d[from + 4] * 10 + d[from + 5];
        int day = d[from + 6] * 10 + d[from + 7];
        return DateParser.realDate(y, m, day);
    }

    /**
     * Bank accounts decided by their wording: ゆうちょ 記号 (5 digits) and 番号 (up to 8 digits) — written
     * together they are two findings, added here directly — the 振替口座 00120-3-45678, and a 6–7 digit
     * account right after 普通/当座 with a bank on the line. Other accounts are scored in {@link #classify}.
     * Returns true when it added findings itself (the caller then adds nothing).
     */
    private boolean bank(String s, NumberChain c, int a, int b, ScanContext sc, java.util.List<Finding> out) {
        int start = c.gs[a];
        int end = c.ge[b - 1];
        int n = c.digitCount(a, b);
        boolean single = b - a == 1 || boxes(c, a, b, 3); // ゆうちょ　記号 1 2 1 8 0　番号 4 6 0 3 7 9 1 1: a form's boxes
        if (c.shape(a, b, 5, 8) && (c.allSeps(a, b, HYPHEN) || c.allSeps(a, b, SPACE) || c.allSeps(a, b, NumberChain.MIDDOT))
                && (yuchoWords.onLine(s, start, end, 40, 12) || sc.hinted(PiiType.BANK_ACCOUNT))) { // or in an account column
            double x = conf(0.9, 0.99, Math.max(0, ctx(PiiType.BANK_ACCOUNT, s, start, end, sc)));
            out.add(new Finding(PiiType.BANK_ACCOUNT, start, c.ge[a], x, false, s.substring(start, c.ge[a])));
            out.add(new Finding(PiiType.BANK_ACCOUNT, c.gs[a + 1], end, x, false, s.substring(c.gs[a + 1], end)));
            return true;
        }
        if (single && (n == 5 && labelled(s, start, "記号") || n >= 6 && n <= 8 && labelled(s, start, "番号"))
                && (yuchoWords.onLineOrAbove(s, start, end, YUCHO_BEFORE, 12, YUCHO_LINES) || sc.hinted(PiiType.BANK_ACCOUNT))) { // or in an account column
            offer(PiiType.BANK_ACCOUNT, conf(0.9, 0.99, Math.max(0, ctx(PiiType.BANK_ACCOUNT, s, start, end, sc))), false, start);
        } else if (b - a == 3 && c.len(a) == 5 && c.digits[c.gd[a]] == 0 && c.len(a + 1) == 1 && c.len(a + 2) <= 7
                && c.allSeps(a, b, HYPHEN) && transferWords.onLine(s, start, end, 24, 12)) {
            offer(PiiType.BANK_ACCOUNT, 0.95, false, start);
        } else if (single && (n == 6 || n == 7) && accountKindBefore(s, start)
                && (bankWords.onLine(s, start, end, 40, 20) || abbreviatedKindBefore(s, start))) {
            offer(PiiType.BANK_ACCOUNT, 0.95, false, start); // 普通 1234567 with a bank on the line; （普）1234567 alone
        } else if (b - a == 2 && c.len(a) == 3 && c.len(a + 1) == 7 && c.allSeps(a, b, HYPHEN) && accountLabelBefore(s, start)) {
            offer(PiiType.BANK_ACCOUNT, 0.95, false, start); // 店番-口座番号 123-4567890: the branch and the account, one finding
        } else if (single && (n == 7 || n == 8 && !isDate(c.digits, c.gd[a])) && accountLabelBefore(s, start)) {
            offer(PiiType.BANK_ACCOUNT, 0.9, false, start); // 口座番号：12345678 (an account of eight digits, as ゆうちょ's 番号)
        }
        return false;
    }

    /**
     * One of the kinds of account abbreviated in brackets (（普）, (当): the words of WORDS ACCOUNT_KIND that end in a
     * bracket) right before {@code start}: they name a bank account by themselves.
     */
    private boolean abbreviatedKindBefore(String s, int start) {
        int i = skipBack(s, start);
        return i >= 3 && Chars.isCloseParen(s.charAt(i - 1)) && accountKinds.lengthAt(s, i - 3) == 3;
    }

    /** 口座番号 or 口座 right before {@code start} (店番-口座番号, 口座番号：) or ending the line above ({@link #labelEnd}). */
    private static boolean accountLabelBefore(String s, int start) {
        int i = labelEnd(s, start);
        boolean above = i < start && Chars.has(s, "\n", i, start);
        return !above && i >= 2 && s.startsWith("口座", i - 2) || i >= 4 && s.startsWith("口座番号", i - 4); // 口座⏎3000000 is an amount
    }

    /**
     * True when {@code label} (記号, 番号) ends right before {@code start}, a colon or spaces between, and is
     * a label of its own (記号・番号, 記号番号, 口座 番号, 通帳記号) rather than the end of another noun (受付番号).
     */
    private static boolean labelled(String s, int start, String label) {
        int i = labelEnd(s, start);
        int l = i - label.length();
        if (l < 0 || !s.startsWith(label, l)) {
            return false;
        }
        char c = Chars.at(s, l - 1);
        return !(c >= 0x4E00 && c <= 0x9FFF || Morphology.isHiragana(c) && "のはもが".indexOf(c) < 0 || Morphology.isKatakana(c))
                || s.startsWith("記号", l - 2)
                || s.startsWith("口座", l - 2) || s.startsWith("通帳", l - 2); // ゆうちょ's own words: 通帳記号, 通帳番号; not お問い合わせ番号
    }

    /**
     * Where a label of the number at {@code start} would end: right before it, a colon or blanks between, or at the end
     * of the line above, a note in brackets after it, when the number opens its line (a form's label over its boxes:
     * 通帳記号（6桁目がある場合は記入不要）⏎　　1 4 9 3 0, 口座番号⏎[ 1 0 8 3 6 6 0 ]).
     */
    private static int labelEnd(String s, int start) {
        int ls = start;
        while (ls > 0 && (Chars.isSpace(s.charAt(ls - 1)) || s.charAt(ls - 1) == '[' || s.charAt(ls - 1) == '［')) {
            ls--;
        }
        ls--; // the line feed before the blanks and the box's bracket, if that is what is there
        if (ls <= 0 || s.charAt(ls) != '\n') {
            return skipBack(s, start);
        }
        int above = s.lastIndexOf('\n', ls - 1) + 1;
        int i = ls;
        while (i > above && (Chars.isSpace(s.charAt(i - 1)) || s.charAt(i - 1) == '\r')) {
            i--;
        }
        if (i > above && Chars.isCloseParen(s.charAt(i - 1))) {
            int open = i - 1;
            while (open > above && s.charAt(open) != '（' && s.charAt(open) != '(') {
                open--;
            }
            if ((s.charAt(open) == '（' || s.charAt(open) == '(') && !UNITS.contains(s.substring(open + 1, i - 1))) {
                i = open; // a note (6桁目がある場合は記入不要, 右詰め), not a unit (口座（円）)
            }
        }
        return i;
    }

    /** What brackets after a heading hold when they give the column's unit, not a note on how to fill it in. */
    private static final java.util.Set<String> UNITS = java.util.Set.of("円", "千円", "万円", "件", "人", "%", "％", "回", "日", "個");

    private static int skipBack(String s, int i) {
        int from = i;
        while (i > 0 && from - i < 3 && (Chars.isSpace(s.charAt(i - 1)) || s.charAt(i - 1) == '：' || s.charAt(i - 1) == ':')) {
            i--;
        }
        return i;
    }

    private static final String[] ACCOUNT_NOUNS = {"預金口座", "口座番号", "預金", "口座", "番号"};

    /** 普通 123456, 当座預金：123456, 普通 口座番号 123456, (普)123456. */
    private boolean accountKindBefore(String s, int start) {
        int i = skipBack(s, start);
        for (String w : ACCOUNT_NOUNS) {
            if (i >= w.length() && s.startsWith(w, i - w.length())) {
                i = skipBack(s, i - w.length());
                break;
            }
        }
        for (int k = Math.max(0, i - 4); k < i; k++) {
            if (k + accountKinds.lengthAt(s, k) == i) {
                return true;
            }
        }
        return false;
    }

    private void contextOnly(PiiType t, String s, int start, int end, ScanContext sc) {
        if (!sc.wants(t)) {
            return;
        }
        double x = ctx(t, s, start, end, sc);
        if (x > 0) {
            offer(t, conf(0.6, 0.95, x), false, start);
        } else if (x == 0 && !otherNumberLabel(s, start) && ContextWords.namedAbove(t, s, start, end)) {
            offer(t, 0.7, false, start); // 住民票コードも書けって… (lines later) 847 9966 6374 読めるか？
        }
    }

    private boolean emit(String s, int end, java.util.List<Finding> out) {
        if (bestType == null || best < MIN) {
            return false;
        }
        out.add(new Finding(bestType, bestStart, end, best, bestValidated, s.substring(bestStart, end)));
        return true;
    }

    /**
     * 保険証, 保険者 or 被保険者 before {@code start} on its line or a heading two lines above at most, with no sentence
     * between: boxes of a card's fields (健康保険被保険者証⏎記号　１ ２ ３ ４⏎番号　５ ６ ７), not a receipt's under a sentence
     * about a card (保険証を確認しました。⏎番号 1 2 3 4 5).
     */
    private static boolean insuranceOnLine(String s, int start) {
        int from = Chars.linesAbove(s, s.lastIndexOf('\n', start - 1) + 1, 2); // this line, then up to two above it
        return Chars.has(s, "保険", from, start) && !Chars.has(s, "。", from, start);
    }

    /**
     * At least {@code min} digits, each in a box of its own, a blank between (保険者番号　0 1 2 3 5 9 8 5, 番号 1 6 5): one number.
     * Six or more make one anywhere; fewer only where a label says which (a ゆうちょ 記号, a 保険証's 番号 5 6).
     */
    private static boolean boxes(NumberChain c, int a, int b, int min) {
        return b - a >= min && c.allSeps(a, b, SPACE) && c.digitCount(a, b) == b - a;
    }

    private static boolean cardShape(NumberChain c, int a, int b) {
        if (c.shape(a, b, 4, 6, 5) || c.shape(a, b, 4, 6, 4)) {
            return true;
        }
        for (int g = a; g < b - 1; g++) {
            if (c.len(g) != 4) {
                return false;
            }
        }
        return c.len(b - 1) >= 1 && c.len(b - 1) <= 4;
    }

    private void phone(String s, NumberChain c, int a, int b, ScanContext sc, boolean plus) {
        int from = c.gd[a];
        int n = c.digitCount(a, b);
        byte[] d = c.digits;
        int start = c.gs[a];
        int end = c.ge[b - 1];
        int m = 0;
        int firstGroup = a;
        if (plus && !(n >= 2 && d[from] == 8 && d[from + 1] == 1)) {
            foreignPhone(s, c, a, b, sc, n, start, end);
            return;
        }
        if (plus) {
            if (n < 11) {
                return;
            }
            nat[m++] = 0;
            int k = from + 2;
            if (c.len(a) == 2) {
                firstGroup = a + 1;
            }
            if (k < from + n && d[k] == 0) { // +81 (0)3 …
                k++;
                if (firstGroup < b && c.len(firstGroup) == 1) {
                    firstGroup++;
                }
            }
            while (k < from + n) {
                nat[m++] = d[k++];
            }
            start--;
        } else {
            if (d[from] != 0) {
                return;
            }
            System.arraycopy(d, from, nat, 0, n);
            m = n;
        }
        if (m < 10 || m > 11 || b - firstGroup > 4 || firstGroup >= b) {
            return;
        }
        boolean single = b - firstGroup == 1;
        if (!single && (c.len(firstGroup) > 5 && !(plus && firstGroup == a) || c.len(b - 1) < 3)) {
            return;
        }
        if (c.anySep(a, b, PAREN) && !(plus ? firstGroup > a + 1 : parenShape(s, c, a, b))) {
            return;
        }
        if (!plus && Chars.isOpenParen(Chars.at(s, start - 1)) && b - a >= 2 && c.sep[a + 1] == PAREN
                && Chars.isCloseParen(Chars.at(s, c.ge[a]))) { // not the bracket around （03(1234)5678）
            start--; // (03)1234-5678: the area code's parentheses are part of the number as written
        }
        int kind = plan.classify(nat, 0, m);
        double x = ctx(PiiType.PHONE, s, start, end, sc);
        boolean grouped = !single || plus;
        double base = switch (kind) {
            case PhonePlan.MOBILE, PhonePlan.OTHER -> grouped ? 0.75 : 0.6;
            case PhonePlan.FIXED -> grouped ? 0.7 : 0.5;
            // 00…: a carrier or international prefix, or a dummy 000-0000-0000; a made-up number in three groups (090-0000-2748,
            // 03-0000-8850) is written as a phone, so it stands for one, unless its last group is zeros (03-0000-0000)
            default -> x > 0.3 && nat[1] != 0 || !plus && b - firstGroup == 3 && madeUp(c, firstGroup, nat, m) && x >= 0
                    && !codeLabelBefore(s, start) ? 0.45 : 0;
        };
        if (base > 0) {
            offer(PiiType.PHONE, conf(base, 0.98, x), false, start);
        }
    }

    /**
     * Another country's number written the international way (E.164): +33 6 12 48 57 90, +44 20 7946 0958, +1 212-555-0147 —
     * a country code of one to three digits, then two groups or more, 8 to 15 digits in all; not a figure grouped by
     * thousands (+12 345 678).
     */
    private void foreignPhone(String s, NumberChain c, int a, int b, ScanContext sc, int n, int start, int end) {
        char before = Chars.at(s, start - 2);
        if (n < 8 || n > 15 || b - a < 3 || c.len(a) > 3 || c.anySep(a, b, NumberChain.SLASH) || c.anySep(a, b, NumberChain.MIDDOT)
                || Chars.isAlnum(before) || before == '+' || !countryCode(c.digits, c.gd[a], c.len(a))) {
            return; // not C++11/14/17, a golf card's +3 72 71, a change of +12 345 678
        }
        boolean thousands = true;
        int ones = 0;
        for (int g = a + 1; g < b; g++) {
            thousands &= c.len(g) == 3;
            ones += c.len(g) == 1 ? 1 : 0;
            if (c.len(g) == 4 && isYear(c.digits, c.gd[g])) {
                return; // a date after a sign (+9 2024 03 04)
            }
        }
        boolean nanp = c.len(a) == 1 && c.digits[c.gd[a]] == 1;
        double x = ctx(PiiType.PHONE, s, start - 1, end, sc);
        thousands &= !(n >= 10 && x > 0); // +84 912 345 678 after 番号 or 電話: a mobile grouped by threes
        if (thousands || ones > 1 || nanp && !(n == 11 && (b - a == 2 || b - a == 4 && c.len(a + 1) == 3 && c.len(a + 2) == 3))) {
            return; // +1 is followed by ten digits, 3-3-4 (+1 212-555-0147), not +1 10 20 30 40 50
        }
        offer(PiiType.PHONE, conf(0.7, 0.98, x), false, start - 1);
    }

    /**
     * Country codes of ITU-T E.164 as assigned (the ITU's list of country codes, 2024): 1 and 7; the two-digit codes; and the
     * three-digit codes by their first two digits. A group after + that is none of them is no country's (+3, +12, +98).
     */
    private static final String TWO_DIGIT_CC = "20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 60 61 62 63 64"
            + " 65 66 81 82 84 86 90 91 92 93 94 95 98";
    private static final String THREE_DIGIT_CC = "21 22 23 24 25 26 29 35 37 38 42 50 59 67 68 69 80 85 87 88 96 97 99";

    private static final boolean[] TWO_DIGIT = codes(TWO_DIGIT_CC);
    private static final boolean[] THREE_DIGIT = codes(THREE_DIGIT_CC);

    private static boolean[] codes(String list) {
        boolean[] t = new boolean[100];
        for (String c : list.split(" ")) {
            t[Integer.parseInt(c)] = true;
        }
        return t;
    }

    private static boolean countryCode(byte[] d, int from, int len) {
        if (len == 1) {
            return d[from] == 1 || d[from] == 7;
        }
        int two = d[from] * 10 + d[from + 1];
        return len == 2 ? TWO_DIGIT[two] : THREE_DIGIT[two];
    }

    /** ☎, ℡, TEL or 電話 right before {@code start} (a colon, a blank or an opening bracket between). */
    private static boolean phoneMarkBefore(String s, int start) {
        int i = start;
        while (i > 0 && start - i < 2 && (Chars.isSpace(s.charAt(i - 1)) || "：:（(".indexOf(s.charAt(i - 1)) >= 0)) {
            i--;
        }
        char c = Chars.at(s, i - 1);
        return c == '☎' || c == '℡' || i >= 2 && s.startsWith("電話", i - 2)
                || i >= 3 && (s.regionMatches(true, i - 3, "TEL", 0, 3) || s.startsWith("ＴＥＬ", i - 3)) && !Chars.isLetter(Chars.at(s, i - 4));
    }

    /** Four digits from {@code from} that read as a year from 1900 to 2099 (2015-2019 is a span of years, not a number). */
    private static boolean isYear(byte[] d, int from) {
        return d[from] == 1 && d[from + 1] == 9 || d[from] == 2 && d[from + 1] == 0;
    }

    /** 03(1234)5678 or (03)1234-5678: an open parenthesis right before a close one's group. */
    private static boolean parenShape(String s, NumberChain c, int a, int b) {
        if (b - a < 2 || b - a > 3) {
            return false;
        }
        boolean lead = Chars.isOpenParen(Chars.at(s, c.gs[a] - 1)) && Chars.isCloseParen(Chars.at(s, c.ge[a]));
        boolean mid = b - a == 3 && Chars.isOpenParen(Chars.at(s, c.ge[a])) && Chars.isCloseParen(Chars.at(s, c.ge[a + 1]));
        return lead || mid;
    }
}
