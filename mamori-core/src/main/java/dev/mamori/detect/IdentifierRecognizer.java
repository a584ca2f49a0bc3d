package dev.mamori.detect;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Finds identifiers and contact details: postal codes, phone numbers, e-mail addresses, dates of
 * birth, 個人番号, 法人番号, licence, passport, pension, residence card, 住民票コード, insurance,
 * card and bank account numbers. Rules live in {@code identifier-rules.tsv},
 * {@code phone-prefixes.tsv}, {@code eras.tsv} and {@code context-words.tsv}.
 *
 * <p>One pass over the characters. Only digits (ASCII and full-width), '@'/'＠' (and the brackets
 * and ★ of an obfuscated address) and '元' start work; prefixes that belong to a candidate — 和暦 era
 * names, letters and square characters (昭和, S, ㍼), passport and residence-card letters, the T of an
 * invoice registration number, '+' of +81, the '(' of (03) — are found by looking back from the digit.
 * Which words decide a rule (birth verbs, ゆうちょ, banks, product codes) is data in
 * {@code identifier-rules.tsv}.
 *
 * <p>Spans are String indices into the original text and cover the identifier as written,
 * including internal separators and full-width characters but not surrounding brackets, spaces or
 * the 〒 mark. A '+' of +81 and the '(' of an area code written (03)1234-5678 are included, as the
 * number is not complete without them. Numbers touching other digits or Latin letters, amounts
 * (1,234), decimals, times (12:30), dotted versions and IP addresses are never findings.
 */
final class IdentifierRecognizer implements Recognizer {

    private static final Set<PiiType> TYPES = Set.copyOf(EnumSet.of(PiiType.POSTAL_CODE, PiiType.PHONE, PiiType.EMAIL,
            PiiType.DATE_OF_BIRTH, PiiType.MY_NUMBER, PiiType.CORPORATE_NUMBER, PiiType.DRIVERS_LICENSE, PiiType.PASSPORT,
            PiiType.PENSION_NUMBER, PiiType.RESIDENCE_CARD, PiiType.RESIDENT_RECORD_CODE, PiiType.HEALTH_INSURANCE,
            PiiType.CREDIT_CARD, PiiType.BANK_ACCOUNT));

    private static final long TYPE_MASK = ScanContext.mask(TYPES);

    @Override
    public Set<PiiType> types() {
        return TYPES;
    }

    @Override
    public void find(String text, ScanContext context, List<Finding> out) {
        if (text == null || text.isEmpty() || context == null) {
            return;
        }
        if (context.wantsAny(TYPE_MASK)) {
            new Scan(text, context, out).run();
        }
    }

    /**
     * On a cell's UTF-8 bytes, before any decoding: whether {@link Scan#run} could find a postal code, a phone, a My
     * Number, a corporate number or a card in it — seven digits or more (ASCII or full-width; the shortest of them, a
     * postal code, has seven) — or, with {@code email}, an address: an '@' or '＠', a bracket that may open [at], or one
     * of the substitutes ★ ☆ ﹫. Exact for those six types: {@link Scan#run} starts only at these characters (and at 元 and
     * kanji digits, for dates of birth, which are not among them).
     */
    static boolean mayFind(byte[] b, int from, int to, boolean email) {
        int digits = 0;
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xff;
            if (c >= '0' && c <= '9') {
                if (++digits >= 7) {
                    return true;
                }
            } else if (c == 0xef && i + 2 < to) {
                int c1 = b[i + 1] & 0xff;
                int c2 = b[i + 2] & 0xff;
                if (c1 == 0xbc && c2 >= 0x90 && c2 <= 0x99) { // ０-９ (U+FF10-FF19)
                    if (++digits >= 7) {
                        return true;
                    }
                } else if (email && (c1 == 0xbc && (c2 == 0xa0 || c2 == 0x88 || c2 == 0xbb) || c1 == 0xb9 && c2 == 0xab)) {
                    return true; // ＠ （ ［ ﹫
                }
            } else if (email && (c == '@' || c == '[' || c == '('
                    || c == 0xe2 && i + 2 < to && (b[i + 1] & 0xff) == 0x98 && ((b[i + 2] & 0xff) == 0x85 || (b[i + 2] & 0xff) == 0x86))) {
                return true; // @ [ ( ★ ☆
            }
        }
        return false;
    }

    private static final IdentifierRules.Words BIRTH_VERBS = IdentifierRules.get().words("BIRTH_VERB");
    private static final IdentifierRules.Words BIRTHDAY = IdentifierRules.get().words("BIRTHDAY");
    private static final IdentifierRules.Words NOT_BIRTH = IdentifierRules.get().words("NOT_BIRTH");
    private static final IdentifierRules.Words EVENT_AFTER = IdentifierRules.get().words("EVENT_AFTER");
    private static final IdentifierRules.Words FAMILY = IdentifierRules.get().words("FAMILY");
    private static final IdentifierRules.Words FAMILY_FIELD = IdentifierRules.get().words("FAMILY_FIELD");

    /** Latin labels that may touch a number: 電話 and FAX headings, "No". */
    private static final java.util.Set<String> LABELS = java.util.Set.of("tel", "fax", "phone", "mobile", "cell", "no", "tell");

    /** The lexers and parsers of one thread, reused by every call on it (each resets what it uses). */
    private static final class Buffers {
        final NumberChain chain = new NumberChain();
        final NumberClassifier numbers = new NumberClassifier();
        final DateParser dateParser = new DateParser();
        final EmailScanner emails = EmailScanner.create();
        final int[] eraStart = new int[1];
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    /** The state of one call; its buffers are the thread's, so nothing is allocated for non-candidates. */
    private static final class Scan {
        private final String s;
        private final int n;
        private final ScanContext sc;
        private final List<Finding> out;
        private final boolean email;
        private final boolean dates;
        private final NumberChain chain;
        private final NumberClassifier numbers;
        private final DateParser dateParser;
        private final EmailScanner emails;
        private final int[] eraStart;

        Scan(String s, ScanContext sc, List<Finding> out) {
            Buffers b = BUFFERS.get();
            this.chain = b.chain;
            this.numbers = b.numbers;
            this.dateParser = b.dateParser;
            this.emails = b.emails;
            this.eraStart = b.eraStart;
            this.s = s;
            this.n = s.length();
            this.sc = sc;
            this.out = out;
            this.email = sc.wants(PiiType.EMAIL);
            this.dates = sc.wants(PiiType.DATE_OF_BIRTH);
        }

        void run() {
            int i = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    if (c >= '0' && c <= '9') {
                        i = onDigit(i);
                    } else if (c == '@') {
                        i = onAt(i);
                    } else if ((c == '[' || c == '(') && email) {
                        i = onAtToken(i);
                    } else if (dates && (i == 0 || !Chars.isLetter(s.charAt(i - 1))) && DateParser.monthAt(s, i)
                            && dateParser.parseEnglish(s, i)) {
                        birthDate(); // Born on March 3, 1940
                        i = dateParser.end;
                    } else {
                        i++;
                    }
                } else if (c >= '０' && c <= '９') {
                    i = onDigit(i);
                } else if (c == '＠') {
                    i = onAt(i);
                } else if ((c == '（' || c == '［') && email) {
                    i = onAtToken(i);
                } else if (email && EmailScanner.atSubstitute(c)) {
                    i = emails.scanSubstitute(s, i) ? email(emails.start, emails.end) : i + 1;
                } else if (dates && (c == '元' || DateParser.kanjiDigit(c) > 0)) {
                    i = onEraYear(i);
                } else {
                    i++;
                }
            }
            if (sc.wants(PiiType.HEALTH_INSURANCE)) {
                NumberClassifier.letterSymbols(s, out); // 記号 東京あ: a 記号 the digits do not start
            }
        }

        private int onAt(int i) {
            if (email && emails.scan(s, i)) {
                int x = emails.end;
                double conf = NumberClassifier.conf(0.9, 0.99, ContextWords.get().score(PiiType.EMAIL, s, emails.start, x, sc));
                if (conf >= NumberClassifier.MIN) {
                    out.add(new Finding(PiiType.EMAIL, emails.start, x, conf, false, s.substring(emails.start, x)));
                }
                return x;
            }
            return i + 1;
        }

        /** name[at]example.jp, name (at) example [dot] jp: an address written to evade harvesting. */
        private int onAtToken(int i) {
            if (emails.scanObfuscated(s, i)) {
                return email(emails.start, emails.end);
            }
            return i + 1;
        }

        private int email(int a, int x) {
            double conf = NumberClassifier.conf(0.9, 0.99, ContextWords.get().score(PiiType.EMAIL, s, a, x, sc));
            if (conf >= NumberClassifier.MIN) {
                out.add(new Finding(PiiType.EMAIL, a, x, conf, false, s.substring(a, x)));
            }
            return x;
        }

        /**
         * A form's choice of era before a year at {@code i}: the era ticked on its line (☑昭和 □平成 □令和 58年3月14日, □1.昭和
         * ■2.平成), the one whose number is given in brackets, from a list on its line or a few lines before (1.昭和 2.平成
         * 3.令和　［1］ 50 年 07 月 12 日), or its first character in brackets (明・大・(昭)　37年 5月 1日). Returns where the
         * chosen era's name ends, or -1.
         */
        private int chosenEraEnd(int i) {
            int from = Math.max(0, i - 40);
            for (int b = i - 1; b >= from; b--) { // the line's start, within the 40 characters looked at
                if (s.charAt(b) == '\n') {
                    from = b + 1;
                    break;
                }
            }
            int k = i;
            while (k > from && Chars.isSpace(s.charAt(k - 1))) {
                k--;
            }
            char chosen = 0;
            boolean bracketed = k - 3 >= from && "］]）)".indexOf(s.charAt(k - 1)) >= 0 && "［[（(".indexOf(s.charAt(k - 3)) >= 0;
            if (bracketed && "明大昭平令".indexOf(s.charAt(k - 2)) >= 0) {
                return k - 1; // 明・大・(昭)　37年 5月 1日: the era's first character, circled in brackets
            }
            if (bracketed && Chars.isDigit(s.charAt(k - 2))) {
                chosen = s.charAt(k - 2);
                k -= 3;
                from = Math.max(0, i - 300); // the list may stand once, at the form's first date (［2］20 年 11 月 03 日)
            }
            for (int j = from; j < k; j++) {
                char c = s.charAt(j);
                boolean ticked = chosen == 0 && "☑■✓✔●◉☒".indexOf(c) >= 0;
                boolean numbered = chosen != 0 && Chars.digit(c) == Chars.digit(chosen) && (j == from || !Chars.isDigit(s.charAt(j - 1)))
                        && "．.：: 　".indexOf(Chars.at(s, j + 1)) >= 0;
                if (!ticked && !numbered) {
                    continue;
                }
                int e = j + (numbered ? 2 : 1);
                if (ticked && e + 1 < k && Chars.isDigit(s.charAt(e)) && "．.".indexOf(s.charAt(e + 1)) >= 0) {
                    e += 2; // ■2.平成: the ticked box before the era's number
                }
                while (e < k && Chars.isSpace(s.charAt(e))) {
                    e++;
                }
                for (String era : ERA_CHOICES) {
                    if (s.startsWith(era, e)) {
                        int after = e + era.length();
                        while (after < i && Chars.isSpace(s.charAt(after))) {
                            after++;
                        }
                        return after == i ? -1 : e + era.length(); // ● 平成 2年4月1日: the era is the date's own
                    }
                }
            }
            return -1;
        }

        private static final String[] ERA_CHOICES = {"明治", "大正", "昭和", "平成", "令和"};

        /** Whether a form's era choice may stand before the year at {@code i}: a ticked box in the text, or ［1］ before it. */
        private boolean eraChoice(int i) {
            if (ticks < 0) {
                ticks = 0;
                for (int k = 0; k < n && ticks == 0; k++) {
                    char c = s.charAt(k);
                    ticks = c >= '■' && c <= '✔' && "☑■✓✔●◉☒".indexOf(c) >= 0 ? 1 : 0;
                }
            }
            if (ticks == 1) {
                return true;
            }
            int k = i;
            while (k > 0 && Chars.isSpace(s.charAt(k - 1))) {
                k--;
            }
            return k > 0 && "］]）)".indexOf(s.charAt(k - 1)) >= 0;
        }

        /** 1 when the text holds a ticked box, 0 when not, -1 before it is looked for. */
        private int ticks = -1;
        /** True while {@link #birthDate} judges a date whose era a form's list chose ({@link #chosenEraEnd}). */
        private boolean eraChosen;

        /** A letter at {@code k}, right after a day's digits, or after one blank or hyphen: 03NOV1987, 3 March 1940. */
        private boolean monthAfter(int k) {
            char c = Chars.at(s, k);
            return Chars.isLetter(c) && c < 0x80 || (c == ' ' || c == '-') && Chars.isLetter(Chars.at(s, k + 1)) && Chars.at(s, k + 1) < 0x80;
        }

        /** An era name before 元 or a kanji digit: 平成元年1月8日, 平成二十一年三月八日. */
        private int onEraYear(int i) {
            Eras.Era era = Eras.get().before(s, i, eraStart);
            if (era != null && dateParser.parseEra(s, eraStart[0], era, i)) {
                birthDate();
                return dateParser.end;
            }
            return i + 1;
        }

        private int onDigit(int i) {
            char prev = Chars.at(s, i - 1);
            int run = DateParser.runLength(s, i);
            if (dates && run <= 2 && s.charAt(i) < 0x80 && monthAfter(i + run) && !Chars.isAlnum(prev) && dateParser.parseEnglish(s, i)) {
                birthDate(); // Date of Birth : 03NOV1987
                return dateParser.end;
            }
            if (dates && run <= 2 && eraChoice(i)) {
                int e = chosenEraEnd(i);
                Eras.Era era = e < 0 ? null : Eras.get().before(s, e, eraStart);
                if (era != null && dateParser.parseEra(s, i, era, i)) {
                    eraChosen = true; // the numbers of the era list are no other date's
                    birthDate(); // ☑昭和 □平成 □令和 58年3月14日, 1.昭和 2.平成 3.令和 ［1］ 50 年 07 月 12 日
                    eraChosen = false;
                    return dateParser.end;
                }
            }
            if (dates && (prev >= 0x3000 || Chars.isLetter(prev) || Chars.isSpace(prev) || prev == '.' && Chars.isLetter(Chars.at(s, i - 2)))) {
                Eras.Era era = Eras.get().before(s, i, eraStart);
                if (era != null && dateParser.parseEra(s, eraStart[0], era, i)) {
                    birthDate();
                    return dateParser.end;
                }
            }
            if ((prev == 'T' || prev == 'Ｔ') && !Chars.isAlnum(Chars.at(s, i - 2))) {
                return invoice(i - 1, i);
            }
            if (Chars.isHyphen(prev) && Chars.isLetter(Chars.at(s, i - 2))) {
                char t = Chars.at(s, i - 2);
                if ((t == 'T' || t == 'Ｔ') && !Chars.isAlnum(Chars.at(s, i - 3))) {
                    return invoice(i - 2, i);
                }
                if (!labelBefore(i - 1)) {
                    return skipToken(i); // TXN-123456789018, REF-…: a code with a letter prefix, not an identifier
                }
            }
            if (Chars.isLetter(prev) && !labelBefore(i)) {
                return lettered(i);
            }
            if (Chars.isSpace(prev) && Chars.isLetter(Chars.at(s, i - 2))) {
                int end = spacedLettered(i);
                if (end > 0) {
                    return end;
                }
            }
            if (prev == '_' || prev == '@' || prev == '＠' || prev == '\\'
                    || ((prev == '.' || prev == ':' || prev == '/') && Chars.isDigit(Chars.at(s, i - 2)))) {
                return skipToken(i);
            }
            if (dates && run == 1 && dateParser.parseEraCode(s, i) && !Chars.isAlnum(Chars.at(s, dateParser.end)) && !otherDateLabel(i)
                    && ContextWords.get().score(PiiType.DATE_OF_BIRTH, s, i, dateParser.end, sc) >= 0.5) {
                birthDate(); // ③生年月日　7-120604 (5.昭和 7.平成 9.令和)
                return dateParser.end;
            }
            if (dates) {
                if ((run == 4 || run == 8) && dateParser.parseWestern(s, i)
                        && !Chars.isAlnum(Chars.at(s, dateParser.end))) {
                    if (!dateParser.compact || sc.hinted(PiiType.DATE_OF_BIRTH)) {
                        birthDate();
                        return dateParser.end;
                    }
                }
            }
            if (dates && run <= 2 && DateParser.isSeparator(Chars.at(s, i + run)) && !Chars.isAlnum(prev)
                    && (sc.hinted(PiiType.DATE_OF_BIRTH) || ContextWords.get().mayHold(PiiType.DATE_OF_BIRTH, s))
                    && !(DateParser.isSeparator(prev) && Chars.isDigit(Chars.at(s, i - 2))) && dateParser.parseYearLast(s, i) && !Chars.isAlnum(Chars.at(s, dateParser.end))
                    && !(DateParser.isSeparator(Chars.at(s, dateParser.end)) && Chars.isDigit(Chars.at(s, dateParser.end + 1)))
                    && ContextWords.get().score(PiiType.DATE_OF_BIRTH, s, i, dateParser.end, sc) >= 0.5) {
                int before = out.size();
                birthDate(); // 生年月日　02/07/1994（日/月/年）, DOB: 14.03.2010: only with words of birth around it, not part of a code
                if (out.size() > before) {
                    return dateParser.end;
                }
            }
            if (dates && run <= 2 && (Chars.at(s, i + run) == '月' || Chars.isSlash(Chars.at(s, i + run))) && prev != '年'
                    && monthDay(i)) {
                return dateParser.end;
            }
            int end = chain.lex(s, i);
            char after = Chars.at(s, end);
            if (email && EmailScanner.atToken(s, end) > 0) {
                return end; // 09012345678(at)docomo.ne.jp: the local part of an address
            }
            boolean dated = (after == '.' || after == ':' || after == '/' || Chars.isDot(after) || Chars.isSlash(after)
                    || after == '：') && Chars.isDigit(Chars.at(s, end + 1));
            int g = chain.groups - 1;
            if (dated && !Chars.isDot(after) && after != '.' && !chain.overlong && g > 0 && chain.sep[g] == NumberChain.SPACE) {
                numbersIn(g); // 4601-9871-5482-2392 12/27: the number, then a date or a time of its own after a blank
                return chain.ge[g - 1];
            }
            if (chain.overlong || Chars.isLetter(after) || after == '@' || after == '＠' || after == '_' || dated
                    || thousands(end)) {
                return after == '@' || after == '＠' ? end : skipToken(i);
            }
            if (chain.groups > 1 || chain.len(0) > 10 || !Chars.isUnit(after) || symbolBeforeItsNumber(chain.gs[0], end)) {
                numbersIn(chain.groups); // a short number followed by a unit (28番, 3階, 5件, 12月) is a quantity
            }
            return end;
        }

        /** A 記号's value with its 番号 label and digits right after it (記号２１番号１０４): not 21番, a quantity. */
        private boolean symbolBeforeItsNumber(int start, int end) {
            int i = start;
            while (i > 0 && start - i < 2 && (Chars.isSpace(s.charAt(i - 1)) || s.charAt(i - 1) == '：' || s.charAt(i - 1) == ':')) {
                i--;
            }
            if (!s.startsWith("番号", end) || i < 2 || !s.startsWith("記号", i - 2)) {
                return false;
            }
            int k = end + 2;
            while (k < s.length() && k - end < 12 && Chars.isDigit(s.charAt(k))) {
                k++;
            }
            return k > end + 2 && "号室番".indexOf(Chars.at(s, k)) < 0; // not 記号21番号104号室, a room's
        }

        /**
         * 1,234 or 12，345,678: a short single group followed by a comma and exactly three digits.
         * A comma followed by anything else (a CSV field separator) ends the number normally.
         */
        private boolean thousands(int end) {
            char c = Chars.at(s, end);
            return (c == ',' || c == '，') && chain.groups == 1 && chain.len(0) <= 3
                    && Chars.isDigit(Chars.at(s, end + 1)) && Chars.isDigit(Chars.at(s, end + 2))
                    && Chars.isDigit(Chars.at(s, end + 3)) && !Chars.isDigit(Chars.at(s, end + 4));
        }

        /**
         * Tries the whole chain; a chain with middle dots, slashes or dots that is not a phone is read as the
         * numbers between them (03・1234・5678, 090/1234/5678 and 090.1234.5678 are phones, 100-0001・100-0002 two postal codes).
         */
        private void numbersIn(int groups) {
            if (!chain.anySep(0, groups, NumberChain.MIDDOT) && !chain.anySep(0, groups, NumberChain.SLASH)
                    && !chain.anySep(0, groups, NumberChain.DOT)) {
                numbersIn(0, groups);
                return;
            }
            if (numbers.classify(s, chain, 0, groups, sc, out)) {
                return;
            }
            int a = 0;
            for (int g = 1; g <= groups; g++) {
                if (g == groups || chain.sep[g] == NumberChain.MIDDOT || chain.sep[g] == NumberChain.SLASH || chain.sep[g] == NumberChain.DOT) {
                    if (a == 0 || !datePiece(a, g)) {
                        numbersIn(a, g);
                    }
                    a = g;
                }
            }
        }

        /**
         * A piece of a chain after a slash or a middle dot that is a date of its own (12345／1979-11-02生): read as a
         * birth date when its words say so. True when it was read as a date.
         */
        private boolean datePiece(int a, int g) {
            int i = chain.gs[a];
            if (!dates || chain.len(a) != 4 || !dateParser.parseWestern(s, i) || dateParser.end != chain.ge[g - 1] || dateParser.compact) {
                return false;
            }
            int before = out.size();
            birthDate();
            return out.size() > before;
        }

        /** Tries groups [a0, b0), then (when they have spaces) the longest runs between spaces. */
        private void numbersIn(int a0, int groups) {
            if (numbers.classify(s, chain, a0, groups, sc, out) || !chain.anySep(a0, groups, NumberChain.SPACE)) {
                return;
            }
            // 4111 1111 1111 1112 is one failed number, not a 12-digit one and a rest; so is a 供給地点特定番号's 03 0012 3456
            // 7890 1234 5678, whose groups are all of four but its first and last
            boolean blocks = true;
            boolean inner = groups - a0 >= 5;
            for (int g = a0; g < groups; g++) {
                blocks &= chain.len(g) == 4;
                inner &= chain.len(g) == 4 || g == a0 || g == groups - 1;
            }
            blocks |= inner;
            if (blocks && chain.allSeps(a0, groups, NumberChain.SPACE)) {
                return;
            }
            int a = a0;
            while (a < groups) {
                int found = -1;
                for (int b = groups; b > a; b--) {
                    if ((a == a0 && b == groups) || (b < groups && chain.sep[b] != NumberChain.SPACE)) {
                        continue;
                    }
                    if (a > a0 && chain.sep[a] != NumberChain.SPACE) {
                        break;
                    }
                    if (numbers.classify(s, chain, a, b, sc, out)) {
                        found = b;
                        break;
                    }
                }
                a = found > 0 ? found : a + 1;
            }
        }

        /**
         * True when the letters right before {@code i} are a label such as TEL, FAX or No
         * ({@code TEL03-1234-5678}), so the digits are read as a number of their own.
         */
        private boolean labelBefore(int i) {
            int j = i;
            while (j > 0 && i - j < 7 && Chars.isLetter(s.charAt(j - 1))) {
                j--;
            }
            if (i - j < 2 || Chars.isAlnum(Chars.at(s, j - 1))) {
                return false; // every label has two letters or more (C1000001 is an ID, not a label)
            }
            StringBuilder b = new StringBuilder(i - j);
            for (int k = j; k < i; k++) {
                char c = s.charAt(k);
                b.append(Character.toLowerCase(c >= 'Ａ' && c <= 'ｚ' ? (char) (c - 0xFEE0) : c));
            }
            return LABELS.contains(b.toString());
        }

        /**
         * Another country's passport number with a passport word before it on its line (旅券番号 C8829034, Passport No.
         * P8204415B, パスポート GH381205): one or two letters, six to eight digits and at most one letter, nine characters
         * at most (ICAO Doc 9303 allows nine); the end, or 0. The shape alone is any product or booking code.
         */
        private int foreignPassport(int j, int i, int run) {
            int end = i + run;
            if (Chars.isLetter(Chars.at(s, end)) && !Chars.isAlnum(Chars.at(s, end + 1))) {
                end++;
            }
            if (run < 6 || run > 8 || end - j > 9 || end - j < 7 || Chars.isAlnum(Chars.at(s, end)) || !sc.wants(PiiType.PASSPORT)
                    || ContextWords.get().score(PiiType.PASSPORT, s, j, end, sc) < 0.8) {
                return 0;
            }
            report(PiiType.PASSPORT, j, end, 0.35, 0.95);
            return end;
        }

        /**
         * T + 法人番号 (適格請求書発行事業者の登録番号), the T at {@code t}: a CORPORATE_NUMBER including the T
         * when the 13 digits pass the 法人番号 check; otherwise nothing (no near-miss is reported).
         */
        private int invoice(int t, int i) {
            chain.lex(s, i);
            int g = 1; // the groups that make the 13 digits, written whole or grouped by hyphens or blanks (T7-0000-1205-0002)
            while (g < chain.groups && chain.digitCount(0, g) < 13) {
                g++;
            }
            int e = chain.ge[g - 1];
            if (chain.digitCount(0, g) != 13 || chain.overlong || g > 1 && !chain.allSeps(0, g, NumberChain.HYPHEN)
                    && !chain.allSeps(0, g, NumberChain.SPACE) || Chars.isAlnum(Chars.at(s, e))
                    || g < chain.groups && chain.sep[g] == NumberChain.HYPHEN || !CheckDigits.corporateNumber(chain.digits, 0)) {
                return skipToken(i);
            }
            if (sc.wants(PiiType.CORPORATE_NUMBER)) {
                double x = ContextWords.get().score(PiiType.CORPORATE_NUMBER, s, t, e, sc);
                if (g > 1 && x <= 0) {
                    return e; // grouped (T4-8072-9022-2791) only under its words: a part or a slip number is grouped so too
                }
                double conf = NumberClassifier.conf(0.93, 0.99, Math.max(0, x));
                out.add(new Finding(PiiType.CORPORATE_NUMBER, t, e, conf, true, s.substring(t, e)));
            }
            return e;
        }

        /**
         * True when a name in capitals, as a passport prints it, stands right before or after {@code s[from, to)} on its
         * line, only blanks, a slash, a bar or a comma between (IKEDA SHOTA / TR4418273, ENDO MAI MZ7730148 誕生日…): a
         * passport's number given with its holder's name, as a chat copies a passport's page.
         */
        private boolean besideCapitalName(int from, int to) {
            int ls = Chars.lineStartWithin(s, from, 400);
            int le = ls < 0 ? -1 : Chars.lineEndWithin(s, to, 400);
            if (le < 0 || le - ls > 400) {
                return false; // a long line: a list of codes, not a page copied
            }
            for (String w : OTHER_NUMBERS) {
                if (Chars.has(s, w, ls, le)) {
                    return false; // 会員カード：SATO KENJI / MB1234567: a number of another kind with its holder's name
                }
            }
            String line = s.substring(ls, le);
            for (int[] name : LatinNames.find(line)) {
                int a = name[0] + ls;
                int b = name[1] + ls;
                if (capitals(a, b) && (b <= from && joint(b, from) || a >= to && joint(to, a))) {
                    return true;
                }
            }
            return false;
        }

        /** Words that name a number given with its holder's name that is no passport's. */
        private static final String[] OTHER_NUMBERS = {"会員", "注文", "予約", "伝票", "受付", "顧客", "社員", "学籍", "カード", "チケット",
            "Member", "Order", "Booking", "Ticket"};

        private boolean capitals(int from, int to) {
            for (int k = from; k < to; k++) {
                if (Character.isLowerCase(s.charAt(k))) {
                    return false;
                }
            }
            return true;
        }

        /** Between a name and a number: up to three of blanks, a slash, a bar or a comma, nothing else. */
        private boolean joint(int from, int to) {
            if (to - from > 3) {
                return false;
            }
            for (int k = from; k < to; k++) {
                if (!Chars.isSpace(s.charAt(k)) && "/／|｜,、".indexOf(s.charAt(k)) < 0) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Digits right after Latin letters: passport (AA1234567, or another country's with its label), residence card
         * (AA12345678AA), or nothing.
         */
        private int lettered(int i) {
            int j = i;
            while (j > 0 && i - j < 3 && Chars.isLetter(s.charAt(j - 1))) {
                j--;
            }
            if (i - j < 1 || i - j > 2 || Chars.isAlnum(Chars.at(s, j - 1))) {
                return skipToken(i);
            }
            int run = DateParser.runLength(s, i);
            if (i - j == 2 && run == 7 && !Chars.isAlnum(Chars.at(s, i + 7))) {
                double x = sc.wants(PiiType.PASSPORT) ? ContextWords.get().score(PiiType.PASSPORT, s, j, i + 7, sc) : 0;
                if (x == 0 && !otherLabelBefore(j) && ContextWords.namedAbove(PiiType.PASSPORT, s, j, i + 7)) {
                    out.add(new Finding(PiiType.PASSPORT, j, i + 7, 0.75, false, s.substring(j, i + 7)));
                } else if (x == 0 && sc.wants(PiiType.PASSPORT) && !otherLabelBefore(j) && besideCapitalName(j, i + 7)) {
                    out.add(new Finding(PiiType.PASSPORT, j, i + 7, 0.7, false, s.substring(j, i + 7)));
                } else {
                    report(PiiType.PASSPORT, j, i + 7, 0.35, 0.95, x);
                }
                return i + 7;
            }
            int end = foreignPassport(j, i, run);
            if (end > 0) {
                return end;
            }
            if (i - j != 2) {
                return skipToken(i);
            }
            if (run == 8 && Chars.isLetter(Chars.at(s, i + 8)) && Chars.isLetter(Chars.at(s, i + 9))
                    && !Chars.isAlnum(Chars.at(s, i + 10))) {
                // only with context (在留カード…) or a hinted column: the shape alone is a product or ticket code
                if (sc.wants(PiiType.RESIDENCE_CARD)) {
                    if (ContextWords.get().score(PiiType.RESIDENCE_CARD, s, j, i + 10, sc) > 0) {
                        report(PiiType.RESIDENCE_CARD, j, i + 10, 0.6, 0.97);
                    } else if (mentionedBefore("在留", j, 300)) { // 在留カードの更新… (lines later) KL24681357MN です
                        out.add(new Finding(PiiType.RESIDENCE_CARD, j, i + 10, 0.75, false, s.substring(j, i + 10)));
                    }
                }
                return i + 10;
            }
            return skipToken(i);
        }

        /**
         * Two letters, a blank, then digits, under a passport or residence card word on the line: a passport TK 1234567, a
         * residence card AB 1234 5678 CD (the card prints its number in one piece; forms and mail copy it with blanks).
         * The end, or 0 when it is neither.
         */
        private int spacedLettered(int i) {
            int j = i - 3;
            if (!Chars.isLetter(Chars.at(s, j)) || Chars.isAlnum(Chars.at(s, j - 1))) {
                return 0;
            }
            if (otherLabelBefore(j) || !sc.hinted(PiiType.PASSPORT) && !sc.hinted(PiiType.RESIDENCE_CARD)
                    && !wordOnLineBefore(j, SPACED_WORDS)) {
                return 0; // 受付番号 RX 1234567, 座席 JL 1234567 under a line that asks for a passport
            }
            int run = DateParser.runLength(s, i);
            if (run == 7 && !Chars.isAlnum(Chars.at(s, i + 7))
                    && sc.wants(PiiType.PASSPORT) && ContextWords.get().score(PiiType.PASSPORT, s, j, i + 7, sc) >= 0.8) {
                report(PiiType.PASSPORT, j, i + 7, 0.35, 0.95);
                return i + 7;
            }
            int k = i;
            int digits = 0;
            while (digits < 8 && (Chars.isDigit(Chars.at(s, k)) || Chars.isSpace(Chars.at(s, k)) && digits > 0
                    && Chars.isDigit(Chars.at(s, k + 1)))) {
                digits += Chars.isDigit(s.charAt(k++)) ? 1 : 0;
            }
            if (digits == 8 && Chars.isSpace(Chars.at(s, k))) {
                k++;
            }
            if (digits == 8 && Chars.isLetter(Chars.at(s, k)) && Chars.isLetter(Chars.at(s, k + 1)) && !Chars.isAlnum(Chars.at(s, k + 2))
                    && sc.wants(PiiType.RESIDENCE_CARD) && ContextWords.get().score(PiiType.RESIDENCE_CARD, s, j, k + 2, sc) >= 0.8) {
                report(PiiType.RESIDENCE_CARD, j, k + 2, 0.6, 0.97);
                return k + 2;
            }
            return 0;
        }

        private static final String[] SPACED_WORDS = {"旅券", "パスポート", "ﾊﾟｽﾎﾟｰﾄ", "Passport", "PASSPORT", "passport", "在留カード",
            "在留ｶｰﾄﾞ", "Residence", "residence", "RESIDENCE"};

        /**
         * One of {@code words} on the line before {@code pos}; or, for a value that starts its line (after a bare No. or
         * 番号), on the line above, or the one above a chat's header line (在留カード番号⏎AB 1234 5678 CD).
         */
        private boolean wordOnLineBefore(int pos, String[] words) {
            int ls = s.lastIndexOf('\n', pos - 1) + 1;
            String prefix = s.substring(ls, pos).strip();
            if (ls > 0 && (prefix.isEmpty() || prefix.equals("No.") || prefix.equals("番号") || prefix.equals("カード番号"))) {
                int above = s.lastIndexOf('\n', ls - 2) + 1;
                if (above > 0 && ContextWords.speakerLine(s, above, ls - 1)) {
                    above = s.lastIndexOf('\n', above - 2) + 1; // Nguyen 10:12: the answer's header, the question above it
                }
                ls = above;
            }
            for (String w : words) {
                if (mentionedBefore(w, pos, pos - ls)) {
                    return true;
                }
            }
            return false;
        }

        /** A label naming a number of another kind right before {@code pos} (受付番号 , 予約番号：), not a passport's or a card's. */
        private boolean otherLabelBefore(int pos) {
            int k = pos;
            while (k > 0 && (Chars.isSpace(s.charAt(k - 1)) || s.charAt(k - 1) == ':' || s.charAt(k - 1) == '：')) {
                k--;
            }
            if (k < 2 || !s.startsWith("番号", k - 2)) {
                return false;
            }
            int w = k - 2;
            while (w > 0 && k - 2 - w < 8 && !Chars.isSpace(s.charAt(w - 1)) && s.charAt(w - 1) != '\n') {
                w--;
            }
            String label = s.substring(w, k);
            return !(label.contains("旅券") || label.contains("パスポート") || label.contains("在留") || label.equals("番号"));
        }

        /** True when {@code word} occurs in the {@code window} characters before {@code pos}. */
        private boolean mentionedBefore(String word, int pos, int window) {
            for (int k = pos - word.length(); k >= 0 && pos - k <= window; k--) {
                if (s.startsWith(word, k)) {
                    return true;
                }
            }
            return false;
        }

        private void report(PiiType t, int start, int end, double base, double top) {
            if (sc.wants(t)) {
                report(t, start, end, base, top, ContextWords.get().score(t, s, start, end, sc));
            }
        }

        /** Like {@link #report(PiiType, int, int, double, double)}, the context score {@code x} already read. */
        private void report(PiiType t, int start, int end, double base, double top, double x) {
            if (!sc.wants(t)) {
                return;
            }
            double conf = NumberClassifier.conf(base, top, x);
            if (conf >= NumberClassifier.MIN) {
                out.add(new Finding(t, start, end, conf, false, s.substring(start, end)));
            }
        }

        private static final int THIS_YEAR = java.time.Year.now().getValue();

        /** How the label of a date ends (開始日, 日付, 製造年月日, 予約日時, 有効期限, 支払期日). */
        private static final String[] DATE_LABEL_ENDS = {"日", "日付", "日時", "期限", "期日"};

        private void birthDate() {
            int a = dateParser.start;
            int b = dateParser.end;
            boolean yearOnly = dateParser.yearOnly;
            int verbEnd = dateParser.verbEnd;
            if (yearOnly && verbEnd < 0) { // 昭和9年、須坂市生まれ。
                verbEnd = birthVerbEndsClause(b + 1, 25);
                if (verbEnd < 0 || dateParser.ymd % 10000 != 0 && !clauseEndsAt(verbEnd)) {
                    return; // a year and month: 昭和16年5月、栃木県鹿沼市生まれ。, not 2023年4月、新工場が生まれ変わった / 横浜生まれの企業
                }
            }
            if (notBirth(a, yearOnly ? verbEnd : b) || (yearOnly && cohort(verbEnd)) || otherDateLabel(a)
                    || dateParser.ymd / 10000 > THIS_YEAR) {
                return; // and no one is born in a later year (expires="2031-05-18" beside a <birth>)
            }
            double x = !eraChosen && birthWordBeforeNumber(a)
                    ? ContextWords.get().scoreAfter(PiiType.DATE_OF_BIRTH, s, a, b, sc) // the words after it only
                    : ContextWords.get().score(PiiType.DATE_OF_BIRTH, s, a, b, sc);
            if (yearOnly || (x < 0.5 && (birthVerbEndsClause(b, 60) >= 0 || bornRightAfter(b) || birthLabelRightBefore(a)))) {
                x = Math.max(x, 0.9); // 令和2年生まれ; 1990年4月1日、札幌市の病院で生まれる。; 平成14年1月27日生 after 大学生
            } else if (x < 0.5 && (ageRightAfter(b) || !yearOnly && (sexRightBefore(a, dateParser.ymd / 10000)
                    || x >= 0 && personRightBefore(a, b, dateParser.ymd / 10000)
                    || x >= 0 && familyMemberBefore(a) && fieldOrEndAfter(b)))) {
                x = Math.max(x, 0.6); // 1980年1月1日（44歳）; KUMAGAI TAKESHI　TK3759321　M　1972-05-18
            }
            if (x > 0) {
                out.add(new Finding(PiiType.DATE_OF_BIRTH, a, b, NumberClassifier.conf(0.7, 0.99, x), false, s.substring(a, b)));
            }
        }

        /** Relations that are grown-ups by their name (a parent, a grandparent, a spouse, an elder sibling). */
        private static final java.util.Set<String> ELDERS = java.util.Set.of("配偶者", "実父", "実母", "義父", "義母", "養父", "養母",
                "祖父", "祖母", "父", "母", "夫", "妻", "兄", "姉");

        /** The honorifics after which a date in brackets is the person's birth (大城 ミツ子 様（S28.2.5）). */
        private static final String[] HONORIFICS = {"様", "さん", "氏", "殿", "君", "くん", "ちゃん"};

        /**
         * A birth date as a reception memo or a household's list writes it right after the person: in brackets after an
         * honorific or after a family member's name (大城 ミツ子 様（S28.2.5）, 妻 由香里（S56.2.2）), or after an honorific
         * and a blank, before the age it gives (桐島 ユキエ様 S12.4.4（87）). After a
         * grown-up's honorific, a date at least fifteen years back; never one of the last two years (a visit's or an order's:
         * 田中様（2026/11/30））, nor after 故 or 亡.
         */
        private boolean personRightBefore(int a, int b, int year) {
            if (year > THIS_YEAR - 2 || a < 2 || lateBefore(a)) {
                return false; // 故 山田太郎 様（2019.5.10）: the day of a death
            }
            char before = s.charAt(a - 1);
            char after = Chars.at(s, b);
            char next = Chars.at(s, b + 1); // after the bracket: the item's end, not an event (山田様（H17.4.1）より入金)
            boolean bracket = Chars.isOpenParen(before) && Chars.isCloseParen(after)
                    && !(Morphology.isKanji(next) && next != '生' || Morphology.isHiragana(next) || Morphology.isKatakana(next));
            // a blank before and the age the date gives in brackets after (not 山田様 2023/05/12 ご契約, 山田様、2005年4月1日、ご契約,
            // 山田様 2005/4/1（3件）)
            boolean aged = Chars.isSpace(before) && Chars.isOpenParen(after) && bracketedAgeFits(b + 1, year);
            if (!bracket && !aged) {
                return false;
            }
            int i = a - 1;
            while (i > 0 && Chars.isSpace(s.charAt(i - 1))) {
                i--;
            }
            for (String h : HONORIFICS) {
                if (i >= h.length() && s.startsWith(h, i - h.length())) {
                    // a grown-up's honorific: a birth at least fifteen years back (not 山田様（2019.5.10）, a visit's day)
                    return year <= THIS_YEAR - ADULT || h.equals("くん") || h.equals("ちゃん") || h.equals("君");
                }
            }
            if (!bracket) {
                return false;
            }
            for (int words = 0; words < 2; words++) { // a name of one or two words, then a blank and the relation
                int w = i;
                while (i > 0 && w - i < 5 && Morphology.sameScript(s.charAt(w - 1), s.charAt(i - 1)) && !Chars.isSpace(s.charAt(i - 1))) {
                    i--;
                }
                if (i == w || w - i > 4 || i == 0 || !Chars.isSpace(s.charAt(i - 1))) {
                    return false;
                }
                while (i > 0 && Chars.isSpace(s.charAt(i - 1))) {
                    i--;
                }
                for (int k = Math.max(0, i - 3); k < i; k++) {
                    if (FAMILY.lengthAt(s, k) == i - k && (k == 0 || !Morphology.isKanji(s.charAt(k - 1)))) {
                        // an elder's birth at least fifteen years back (not 父 一郎（R3.5.1）); a child's any
                        return year <= THIS_YEAR - ADULT || !ELDERS.contains(s.substring(k, i));
                    }
                }
            }
            return false;
        }

        /** An age at {@code i} in brackets, closed right after it (with 歳 or 才 or not), that a birth in {@code year} gives. */
        private boolean bracketedAgeFits(int i, int year) {
            int d = i;
            int age = 0;
            while (d < n && d - i < 3 && Chars.isDigit(s.charAt(d))) {
                age = age * 10 + Chars.digit(s.charAt(d));
                d++;
            }
            if (Chars.at(s, d) == '歳' || Chars.at(s, d) == '才') {
                d++;
            }
            return d > i && Chars.isCloseParen(Chars.at(s, d)) && Math.abs(THIS_YEAR - year - age) <= 3; // a memo some years old
        }

        /** 故 or 亡 earlier on the date's line, within a name's reach: the late, whose dates are of a death. */
        private boolean lateBefore(int a) {
            for (int k = a - 1; k >= 0 && a - k <= 16 && s.charAt(k) != '\n'; k--) {
                if (s.charAt(k) == '故' || s.charAt(k) == '亡') {
                    return true;
                }
            }
            return false;
        }

        /**
         * An age given right after the date in brackets or after a blank, the way forms and rosters write a birth date
         * (1980年1月1日（満44歳）, 1980/1/1 44歳). An age further away says nothing: 2024年3月1日に85歳で永眠 and
         * 2024年3月1日、85歳で逝去 give the day of a death.
         */
        private boolean ageRightAfter(int b) {
            int i = b;
            if (Chars.isOpenParen(Chars.at(s, i)) || Chars.isSpace(Chars.at(s, i))) {
                i++;
            }
            if (Chars.at(s, i) == '満') {
                i++;
            }
            int d = i;
            while (i < n && i - d < 3 && Chars.isDigit(s.charAt(i))) {
                i++;
            }
            return i > d && (Chars.at(s, i) == '歳' || Chars.at(s, i) == '才');
        }

        /**
         * A sex given right before the date, in a column of its own (M　1972-05-18, 女｜1988/03/14, ⇥男性 1990年4月1日): a
         * roster's or a form's 性別 and 生年月日 side by side, as they are printed.
         */
        private boolean sexRightBefore(int a, int year) {
            int i = a;
            while (i > 0 && i > a - 3 && (Chars.isSpace(s.charAt(i - 1)) || "|｜,，\t".indexOf(s.charAt(i - 1)) >= 0)) {
                i--;
            }
            if (i == a) {
                return false;
            }
            for (String w : SEXES) {
                if (w.length() == 1 && w.charAt(0) != '男' && w.charAt(0) != '女' && year > THIS_YEAR - ADULT) {
                    continue; // a size M or F before a recent date (Tシャツ｜M｜2024/05/18): a letter only before an adult's
                }
                int k = i - w.length();
                // a column's edge before it: a line's start, a separator, a full-width blank or two (not 型番 M 2024-05-18)
                if (k >= 0 && s.startsWith(w, k) && (k == 0 || "|｜,，\t\n\u3000".indexOf(s.charAt(k - 1)) >= 0
                        || s.charAt(k - 1) == ' ' && k >= 2 && (Chars.isSpace(s.charAt(k - 2)) || ageFits(k - 1, year)))) {
                    return true; // also a patient's banner: 秋葉重蔵 86歳 男性 S13.7.21
                }
            }
            return false;
        }

        /** An age (86歳, 86才) ends at {@code e} that a birth in {@code year} gives, give or take three years (not a visit's date). */
        private boolean ageFits(int e, int year) {
            char u = Chars.at(s, e - 1);
            int d = e - 1;
            int age = 0;
            for (int m = 1; d > 0 && Chars.isDigit(s.charAt(d - 1)) && m <= 100; d--, m *= 10) {
                age += Character.digit(s.charAt(d - 1), 10) * m;
            }
            int by = THIS_YEAR - year;
            return (u == '歳' || u == '才') && d < e - 1 && Math.abs(age - by) <= 3; // a banner printed some years ago
        }

        /**
         * A line that opens with a family member's relation and name, a blank before the date and between each (配偶者　工藤 舞
         * 昭和61年2月14日, 長男　工藤 陸　平24.7.1): a family's list, whose one date is each member's birth. The name is one or
         * two words of at most five characters, each in one script (kanji, hiragana or katakana).
         */
        private boolean familyMemberBefore(int a) {
            int ls = a;
            while (ls > 0 && a - ls < 32 && s.charAt(ls - 1) != '\n') {
                ls--;
            }
            if (ls > 0 && s.charAt(ls - 1) != '\n') {
                return false; // the line's start is further: no list's line
            }
            while (ls < a && Chars.isSpace(s.charAt(ls))) {
                ls++;
            }
            int k = ls + FAMILY.lengthAt(s, ls);
            if (k == ls || k >= a || !Chars.isSpace(s.charAt(k))) {
                return false;
            }
            while (k < a && Chars.isSpace(s.charAt(k))) {
                k++;
            }
            int words = 0;
            while (k < a && !Chars.isSpace(s.charAt(k))) {
                int w = k;
                while (k < a && k - w < 6 && Morphology.sameScript(s.charAt(w), s.charAt(k))) {
                    k++;
                }
                if (k == w || k - w > 5 || k < a && !Chars.isSpace(s.charAt(k)) || ++words > 2) {
                    return false; // not a name's word: another script inside it, or longer
                }
                int blank = k;
                while (k < a && Chars.isSpace(s.charAt(k))) {
                    k++;
                }
                if (k == a) {
                    return blank > w; // the name, blanks, then the date
                }
                if (k - blank > 1 && words == 1) {
                    return false; // two words a wide gap apart: the name is the first alone, and something else follows
                }
            }
            return false;
        }

        /**
         * After a family member's date: the line's end, a bracket, a digit or a field of the list (個人番号, 続柄, 同居…), not
         * an event (死去, 入籍, 転勤): the list's other columns.
         */
        private boolean fieldOrEndAfter(int b) {
            int i = b;
            while (i < n && Chars.isSpace(s.charAt(i))) {
                i++;
            }
            return i >= n || s.charAt(i) == '\n' || s.charAt(i) == '\r' || "（(［[".indexOf(s.charAt(i)) >= 0
                    || Chars.isDigit(s.charAt(i)) || i > b && FAMILY_FIELD.lengthAt(s, i) > 0;
        }

        private static final String[] SEXES = {"M", "F", "男", "女", "男性", "女性", "Ｍ", "Ｆ"};
        /** Years back from which a date after a bare M or F is taken for a birth date. */
        private static final int ADULT = 15;

        /** 1月15日 or 5/3 after 誕生日 on its line, or followed by 生まれ: a birth date without its year. */
        private boolean monthDay(int i) {
            if (!dateParser.parseMonthDay(s, i)) {
                return false;
            }
            int a = dateParser.start;
            int b = dateParser.end;
            int k = "はのが、 ".indexOf(Chars.at(s, b)) >= 0 ? b + 1 : b; // 1月15日は誕生日
            if (notBirth(a, b) || otherDateLabel(a) || !(sc.hinted(PiiType.DATE_OF_BIRTH) || BIRTH_VERBS.lengthAt(s, b) > 0
                    || BIRTHDAY.lengthAt(s, k) > 0 || birthdayBefore(a, b))) {
                return false;
            }
            double x = Math.max(0.9, ContextWords.get().score(PiiType.DATE_OF_BIRTH, s, a, b, sc));
            out.add(new Finding(PiiType.DATE_OF_BIRTH, a, b, NumberClassifier.conf(0.7, 0.99, x), false, s.substring(a, b)));
            return true;
        }

        /**
         * 誕生日 in the {@link ContextWords#BEFORE} characters before the date [a, b) on its line with no number between —
         * not 誕生日会, 誕生日プレゼント; or a heading of birthdays on the line before the date in brackets.
         */
        private boolean birthdayBefore(int a, int b) {
            int k = a - 1;
            // not past another number: 生年月日は1998/06/21です。帰国は4月20日です
            for (; k >= 0 && a - k <= ContextWords.BEFORE && s.charAt(k) != '\n' && !Chars.isDigit(s.charAt(k)); k--) {
                if (birthdayAt(k)) {
                    return true;
                }
            }
            return Chars.isOpenParen(Chars.at(s, a - 1)) && Chars.isCloseParen(Chars.at(s, b)) && headingBefore(a);
        }

        private boolean birthdayAt(int k) {
            int len = BIRTHDAY.lengthAt(s, k);
            return len > 0 && "会パプ".indexOf(Chars.at(s, k + len)) < 0;
        }

        /**
         * 【今月お誕生日を迎えるお友だち】 on the line before the date's line (up to 40 characters): a list of birthdays,
         * each date in brackets after its name (はるとくん（6月3日）).
         */
        private boolean headingBefore(int a) {
            int lineStart = s.lastIndexOf('\n', a - 1);
            if (lineStart <= 0) {
                return false;
            }
            int prevStart = s.lastIndexOf('\n', lineStart - 1) + 1;
            if (lineStart - prevStart > 40) {
                return false;
            }
            for (int k = prevStart; k < lineStart; k++) {
                if (birthdayAt(k)) {
                    return true;
                }
            }
            return false;
        }

        /** Labels of a birth date, as forms print them right before it. */
        private static final String[] BIRTH_LABELS = {"生年月日", "誕生日", "出生日", "DOB", "Date of Birth", "Birth Date", "Birthday"};

        /**
         * A birth word on the date's line before it belongs to another number: one between them (生誕100年記念式典
         * 2024年11月3日), or one the birth verb follows (1975年生まれの山田さんは2024年6月1日に入社した).
         */
        private boolean birthWordBeforeNumber(int a) {
            boolean digit = false;
            for (int k = a - 1; k >= 0 && a - k <= ContextWords.BEFORE && s.charAt(k) != '\n'; k--) {
                if (Chars.isDigit(s.charAt(k))) {
                    digit = true;
                } else if (BIRTH_VERBS.lengthAt(s, k) > 0 || BIRTHDAY.lengthAt(s, k) > 0 || s.charAt(k) == '生') {
                    char p = Chars.at(s, k - 1);
                    return digit || BIRTH_VERBS.lengthAt(s, k) > 0 && (Chars.isDigit(p) || p == '年' || p == '日' || p == '月');
                }
            }
            return false;
        }

        /**
         * The date stands right after its own label (生年月日 1981年10月5日, DOB: 1994/03/27; blanks, ：, : or は between),
         * whatever other date's label is near (有効期限 2030年3月11日　生年月日 1981年10月5日).
         */
        private boolean birthLabelRightBefore(int a) {
            int i = labelEnd(a);
            return Chars.labelEndsAt(s, 0, i, BIRTH_LABELS) && !(i >= 5 && s.startsWith("発生年月日", i - 5)); // 傷病発生年月日: an injury's date
        }

        /** Where a label right before the date at {@code a} would end: up to three blanks, ：, : or は skipped back. */
        private int labelEnd(int a) {
            int i = a;
            for (int k = 0; k < 3 && i > 0 && (Chars.isSpace(s.charAt(i - 1)) || "：:は".indexOf(s.charAt(i - 1)) >= 0); k++) {
                i--;
            }
            return i;
        }

        /**
         * The date at {@code a} stands right after a label naming another date (開始日, 会員登録日, 製造年月日, 有効期限; blanks,
         * ：, : or は between), not a birth one (生年月日, 誕生日, 出生日): it is the date the label names, whatever birth
         * word is near (会員登録日 2020年10月10日（誕生日特典あり）).
         */
        private boolean otherDateLabel(int a) {
            int i = labelEnd(a);
            for (String e : DATE_LABEL_ENDS) {
                int l = i - e.length();
                if (l >= 1 && s.startsWith(e, l) && Character.isLetter(s.charAt(l - 1)) && !Chars.isDigit(s.charAt(l - 1))) {
                    for (int k = Math.max(0, l - 6); k < i; k++) {
                        if (s.charAt(k) == '生' || s.charAt(k) == '誕') {
                            return false; // 生年月日, 誕生日, 出生日, 生まれた日
                        }
                    }
                    return true;
                }
            }
            return false;
        }

        /**
         * A date that is not a birth date whatever its context: 現在/時点 (a reference date) or a range word
         * (以降, まで, から, 〜 — a cohort, 昭和30年4月1日以降に生まれた方) right after it, or 〜/から before it.
         */
        private boolean notBirth(int a, int b) {
            int k = b;
            for (int skip = 0; skip < 2 && k < n && "、 　にので".indexOf(s.charAt(k)) >= 0; skip++) {
                k++;
            }
            int event = EVENT_AFTER.lengthAt(s, b);
            if (NOT_BIRTH.lengthAt(s, k) > 0 || event > 0 && Chars.at(s, b + event) != '日') {
                return true; // 令和6年5月30日死亡; not 昭和16年2月3日　死亡日 (the next field)
            }
            int p = Chars.isSpace(Chars.at(s, a - 1)) ? a - 1 : a;
            char c = Chars.at(s, p - 1);
            return c == '〜' || c == '～' || (p >= 2 && s.startsWith("から", p - 2));
        }

        /**
         * The end of a birth verb (生まれる, 出生, 誕生) later in the date's clause — within {@code max}
         * characters, before 。, a line end or another number — or -1.
         */
        private int birthVerbEndsClause(int b, int max) {
            int to = Math.min(n, b + max);
            for (int k = b; k < to; k++) {
                char c = s.charAt(k);
                if (c == '。' || c == '\n' || c == '！' || c == '？' || c == '!' || c == '?' || anotherDate(k)) {
                    return -1;
                }
                int v = BIRTH_VERBS.lengthAt(s, k);
                if (v > 0) {
                    return k + v;
                }
            }
            return -1;
        }

        /** 生 right after a full date, as a judgment's heading writes a birth date (平成14年1月27日生): not 生産, 生活, 生き…. */
        private boolean bornRightAfter(int b) {
            char next = Chars.at(s, b + 1);
            return Chars.at(s, b) == '生' && !Morphology.isKanji(next) && next != 'き';
        }

        /** The sentence or the clause ends right after the verb ending at {@code k} (生まれ。, 生まれた、, 誕生した。). */
        private boolean clauseEndsAt(int k) {
            int j = s.startsWith("した", k) ? k + 2 : s.startsWith("た", k) ? k + 1 : k;
            return j >= n || "。、，,\n".indexOf(s.charAt(j)) >= 0;
        }

        /** A number at {@code k} that is another date or an age (2000年, 3月, 45歳), not 2世 or 3人兄弟. */
        private boolean anotherDate(int k) {
            if (!Chars.isDigit(s.charAt(k))) {
                return false;
            }
            int e = k + DateParser.runLength(s, k);
            return "年月日歳/／.-－".indexOf(Chars.at(s, e)) >= 0;
        }

        private static final String[] COHORT = {"方", "人", "者", "世代", "層", "皆", "子", "赤ちゃん", "新生児", "児童", "数"};

        /** 昭和30年生まれの方, 平成元年に生まれた人, 平成元年生まれの社員を対象: people born in a year, not one person's birth date. */
        private boolean cohort(int verbEnd) {
            int k = verbEnd;
            while (k < n && k - verbEnd < 2 && (s.charAt(k) == 'た' || s.charAt(k) == 'の' || s.charAt(k) == 'る')) {
                k++;
            }
            for (String w : COHORT) {
                if (s.startsWith(w, k)) {
                    return true;
                }
            }
            // the people a rule or an offer is for (平成元年生まれの社員を対象とする研修, 対象：令和３年５月生まれの幼児): 対象 later
            // in the clause, or as the label of the line before the year
            for (int i = k; i < n && i - k < 16 && "。、\n".indexOf(s.charAt(i)) < 0; i++) {
                if (s.startsWith("対象", i)) {
                    return true;
                }
            }
            int ls = verbEnd;
            while (ls > 0 && verbEnd - ls < 40 && s.charAt(ls - 1) != '\n') {
                ls--;
            }
            int label = s.indexOf("対象", ls);
            return label >= 0 && label < verbEnd && (Chars.at(s, label + 2) == '：' || Chars.at(s, label + 2) == ':'
                    || Chars.at(s, label + 2) == '者' || Chars.at(s, label + 2) == '　' || Chars.at(s, label + 2) == ' ');
        }

        /** Skips a token of letters, digits and inner . , : / - _ (versions, IPs, amounts, codes). */
        private int skipToken(int i) {
            int j = i + 1;
            while (j < n) {
                char c = s.charAt(j);
                if (Chars.isAlnum(c)) {
                    j++;
                } else if (c == '／' && s.charAt(j - 1) < 0x80) {
                    break; // K93617168／1979-11-02: a full-width slash after a half-width code separates fields
                } else if ((c == '.' || c == ',' || c == ':' || c == '/' || c == '-' || c == '_' || Chars.isDot(c)
                        || Chars.isSlash(c) || c == '，' || c == '：' || Chars.isHyphen(c)) && j + 1 < n && Chars.isAlnum(s.charAt(j + 1))) {
                    j += 2;
                } else {
                    break;
                }
            }
            return j;
        }
    }
}
