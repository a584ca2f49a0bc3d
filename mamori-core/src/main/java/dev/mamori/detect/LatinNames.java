package dev.mamori.detect;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names written in Latin letters that no word around them marks (Lucas Ferreira, KOBAYASHI HARUNA, Nguyen Thi Lan, Ogawa,
 * Shota): two or three capitalised words, one a given name and another a surname of {@code latin-names.tsv} (IPADIC's
 * Japanese names romanised, and the name lists of many languages; the file says where from). In either order: the
 * given name first, or the surname first as Japanese, Chinese, Korean and Vietnamese names are often written. Words
 * common in English that are also names were left out of the file, so Long Beach or Grace Period is not a name. The
 * same lists find a surname and a given name written in kana ({@link #findKana}).
 */
final class LatinNames {

    private static final byte GIVEN = 1;
    private static final byte SURNAME = 2;

    /** Loaded on first use: about 69,000 names. */
    private static final class Lexicon {
        static final Map<String, Byte> NAMES = load();

        private static Map<String, Byte> load() {
            String file = "latin-names.tsv";
            Map<String, Byte> m = new HashMap<>(140_000);
            NameLists.read(file, (text, s, e, line) -> {
                int tab = text.indexOf('\t', s);
                byte k = 0;
                for (int i = tab + 1; tab > s && i < e; i++) {
                    k |= text.charAt(i) == 'G' ? GIVEN : text.charAt(i) == 'S' ? SURNAME : 0;
                }
                if (tab <= s || tab > e || k == 0) {
                    throw new IllegalStateException(file + ":" + line + ": expected NAME, a tab and G, S or GS");
                }
                m.put(text.substring(s, tab), k);
            });
            return m;
        }
    }

    /** A word after the name that makes the words a firm, a place or a building (Mori Building, Daniel Okafor Foundation). */
    private static final Set<String> NOT_PERSON_AFTER = Set.of("inc", "co", "ltd", "llc", "llp", "corp", "corporation",
            "company", "group", "holdings", "bank", "hotel", "university", "college", "school", "academy", "institute",
            "foundation", "hospital", "clinic", "station", "hall", "building", "tower", "center", "centre", "street", "st",
            "avenue", "ave", "road", "rd", "park", "motor", "motors", "industries", "industry", "systems", "labs", "studio",
            "studios", "records", "music", "entertainment", "partners", "associates", "church", "museum", "library",
            "gallery", "prize", "award", "cup", "trophy", "stadium", "arena", "airport", "bridge", "river", "lake",
            "mountain", "island", "city", "county", "province", "state", "memorial", "estate", "banking", "trust",
            "securities", "insurance", "financial", "shoji", "sangyo", "kogyo", "denki", "kensetsu", "shoten", "seisakusho",
            "gakuen", "jinja", "parkway", "expressway", "highway", "boulevard", "elementary", "tour", "house", "festival");

    private LatinNames() {
    }

    /** {@code word} (any case) makes the words around it a firm, a place or a building (Inc, Street, Tower …). */
    static boolean notPerson(String word) {
        return NOT_PERSON_AFTER.contains(ascii(word));
    }

    /** True when {@code word} is a given name or a surname of the lists. */
    static boolean isName(String word) {
        return kind(word, 0, word.length()) != 0;
    }

    /** The spans {start, end} of the names in {@code text}, in text order. */
    static List<int[]> find(String text) {
        return find(text, null);
    }

    /**
     * A given name of the lists, a middle initial or none, and a capitalised word the lists do not hold (Priya Raman,
     * John W. Harrington): the surnames of many countries are missing from them. Only two such words amid Japanese text,
     * the second of three letters or more, written as names are (Raman, RAMAN) and no organisation's or place's word
     * ({@link #NOT_PERSON_AFTER}); and a person's mark: a middle initial, an honorific after them, a chat's time or a
     * colon after them (a speaker), or a label's colon before them. Without one, a given name and another word are as
     * often a product or a place (Earl Grey, Mario Kart, Hikari Tsushin).
     */
    static List<int[]> findGivenAndUnknown(String text) {
        List<int[]> out = new ArrayList<>(0);
        find(text, out);
        return out;
    }

    /** {@link #find(String)}, adding to {@code unknownSurname} (when not null) the names of {@link #findGivenAndUnknown}. */
    static List<int[]> find(String text, List<int[]> unknownSurname) {
        List<int[]> out = new ArrayList<>(0);
        List<int[]> words = new ArrayList<>(3);
        int n = text.length();
        for (int i = 0; i < n; ) {
            int e = isUpper(text.charAt(i)) && !(i > 0 && attached(text.charAt(i - 1))) ? wordEnd(text, i) : -1;
            if (e < 0) {
                i = skipWord(text, i);
                continue;
            }
            int e2 = e + 2 < n && text.charAt(e) == ',' && text.charAt(e + 1) == ' ' ? wordEnd(text, e + 2) : -1;
            if (e2 >= 0 && !(e2 < n && (attachedAfter(text, e2) || e2 + 1 < n && text.charAt(e2) == ' ' && isUpper(text.charAt(e2 + 1))))
                    && (kind(text, i, e) & SURNAME) != 0 && (kind(text, e + 2, e2) & GIVEN) != 0) {
                out.add(new int[] {i, e2}); // Ogawa, Shota: the surname, a comma, the given name (not Kato, Lucas Ferreira)
                i = e2;
                continue;
            }
            words.clear();
            words.add(new int[] {i, e, i}); // start, end, and where the name itself starts after its particles
            while (e + 1 < n && text.charAt(e) == ' ') {
                int s = e + 1;
                if (words.size() == 1 && s + 3 < n && isUpper(text.charAt(s)) && text.charAt(s + 1) == '.' && text.charAt(s + 2) == ' ') {
                    s += 3; // John F. Kennedy: a middle initial between the given name and the surname
                }
                int word = s;
                int p = particleEnd(text, s);
                if (p > s && words.size() >= 2) {
                    s = p; // Maria Aparecida Fujimoto da Silva: the particle goes with the surname after it
                }
                int w = wordEnd(text, s);
                if (w < 0 || words.size() >= 2 && w < n && attachedAfter(text, w)) {
                    break; // OKADA NATSUMI TZ0952264: a code after the name ends it, not the name
                }
                e = w;
                words.add(new int[] {word, e, s});
            }
            if (!(e < n && attachedAfter(text, e))) {
                match(text, words, out);
                if (unknownSurname != null) {
                    givenAndUnknown(text, words, unknownSurname);
                }
            }
            i = e;
        }
        return out;
    }

    /**
     * A surname after one or two initials (T. Yamaguchi, J. R. Smith, K.Ishida), as author lists and signatures write
     * it: the word must be a surname of the lists; the span runs from the first initial.
     */
    static List<int[]> findInitialled(String text) {
        List<int[]> out = new ArrayList<>(0);
        int n = text.length();
        for (int i = 0; i + 3 < n; i++) {
            if (!isUpper(text.charAt(i)) || text.charAt(i + 1) != '.' || i > 0 && attached(text.charAt(i - 1))) {
                continue;
            }
            int j = i + 2;
            for (int k = 0; k < 2; k++) {
                int q = j < n && text.charAt(j) == ' ' ? j + 1 : j;
                if (q + 1 < n && isUpper(text.charAt(q)) && text.charAt(q + 1) == '.') {
                    j = q + 2; // J. R. Smith: a second initial
                }
            }
            if (j < n && text.charAt(j) == ' ') {
                j++;
            }
            int e = wordEnd(text, j);
            if (e > j + 1 && (kind(text, j, e) & SURNAME) != 0 && !(e < n && attachedAfter(text, e))) {
                out.add(new int[] {i, e});
                i = e;
            }
        }
        return out;
    }

    /**
     * A passenger's name as airlines write it: SURNAME/GIVEN and a title (NAKAGAWA/HARUTO MR, SMITH/JOHN PAUL MR); the
     * surname must be a surname of the lists, or the given name a given name.
     */
    private static final java.util.regex.Pattern PASSENGER = java.util.regex.Pattern.compile(
            "(?<![A-Za-z/])([A-Z]{2,20} ?/ ?[A-Z]{2,20}(?: [A-Z]{2,20})?) (?:MR|MS|MRS|MISS|MSTR|DR)(?![A-Za-z])");

    /**
     * A name written surname first with a comma, the way passports, rosters and results print it: SILVA PEREIRA, Ana
     * Carolina; Tsegaye, Abebe; Alvarez Ramos, Luis. And a given name before a surname in capitals (Daniel KIPROTICH).
     */
    private static final java.util.regex.Pattern COMMA_NAME = java.util.regex.Pattern.compile(
            "(?<![\\p{L}])(\\p{Lu}{2,}(?: \\p{Lu}{2,}){0,2}|\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+)?), (\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+){0,2})(?![\\p{L}-])"); // not Momodani, Ikuno-ku
    private static final java.util.regex.Pattern GIVEN_THEN_CAPITALS = java.util.regex.Pattern.compile(
            "(?<![\\p{L}])(\\p{Lu}\\p{Ll}+) (\\p{Lu}{3,})(?![\\p{L}])");

    /**
     * {@link #COMMA_NAME}: a given name of the lists in the second part, and a surname of the lists in the first or the
     * first in capitals; and {@link #GIVEN_THEN_CAPITALS}: a given name of the lists first. Each as {start, end, sure}:
     * sure is 0 when a given word after the first is not in the lists (SILVA PEREIRA, Ana Carolina, but also TOYOTA, Hikari
     * Model), a span only to widen a surname a label found, not a name alone.
     */
    static List<int[]> findSurnameFirst(String text) {
        List<int[]> out = new ArrayList<>(0);
        if (text.indexOf(", ") >= 0) {
            java.util.regex.Matcher m = COMMA_NAME.matcher(text);
            while (m.find()) {
                boolean capitals = m.group(1).equals(m.group(1).toUpperCase(Locale.ROOT));
                boolean surname = anyOf(m.group(1), SURNAME);
                // every given word a name of the lists (not TOYOTA, Hikari Model), and not an item of a list (NOZOMI, Hikari, Kodama)
                boolean listed = text.startsWith(", ", m.end()) || m.start() >= 2 && text.startsWith(", ", m.start() - 2);
                if (anyOf(m.group(2), GIVEN) && !listed && (surname || capitals) && !m.group(1).equalsIgnoreCase(m.group(2))) { // not NEW YORK, New York
                    out.add(new int[] {m.start(), m.end(), allOf(m.group(2), (byte) (GIVEN | SURNAME)) ? 1 : 0});
                }
            }
        }
        java.util.regex.Matcher m = capitalsRun(text) ? GIVEN_THEN_CAPITALS.matcher(text) : null;
        while (m != null && m.find()) {
            // the capitals a surname of the lists (KIM), or a roster's entry with its team in brackets after it (Daniel
            // KIPROTICH（湘南電工）); not an acronym or a brand (Towa JHS, Victor JVC, Don QUIJOTE)
            boolean surname = (kind(text, m.start(2), m.end(2)) & SURNAME) != 0
                    || m.end() < text.length() && (text.charAt(m.end()) == '（' || text.charAt(m.end()) == '(');
            if ((kind(text, m.start(1), m.end(1)) & GIVEN) != 0 && surname && !NOT_PERSON_AFTER.contains(ascii(m.group(2)))) {
                out.add(new int[] {m.start(), m.end(), 1});
            }
        }
        return out;
    }

    /** Three capital letters in a row somewhere in {@code text}: the cheap test before {@link #GIVEN_THEN_CAPITALS}. */
    private static boolean capitalsRun(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            run = c >= 'A' && c <= 'Z' ? run + 1 : 0;
            if (run == 3) {
                return true;
            }
        }
        return false;
    }

    /** Whether every blank-separated word of {@code words} is a name of these kinds in the lists. */
    private static boolean allOf(String words, byte kind) {
        for (String w : words.split(" ")) {
            Byte k = Lexicon.NAMES.get(ascii(w));
            if (k == null || (k & kind) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether one of the blank-separated words of {@code words} is a name of this kind in the lists. */
    private static boolean anyOf(String words, byte kind) {
        for (String w : words.split(" ")) {
            Byte k = Lexicon.NAMES.get(ascii(w));
            if (k != null && (k & kind) != 0 && !NOT_PERSON_AFTER.contains(ascii(w))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The line that signs an English mail after its closing (Best regards,⏎Arjun Mehta / Global Travel Desk): two or
     * three capitalised words that end the line or stop at a separator before a team, a title or a firm.
     */
    private static final java.util.regex.Pattern SIGNED = java.util.regex.Pattern.compile(
            "(?m)^(?:(?:Best regards|Kind regards|Warm regards|Regards|Best wishes|Sincerely(?: yours)?|Yours sincerely)[,.]?"
                    + "|(?:Many thanks|Thanks|Thank you|Cheers|Best),)[ \\t]*\\r?\\n[ \\t]*"
                    + "(\\p{Lu}[\\p{L}'’-]+(?: \\p{Lu}[\\p{L}'’-]+){1,2})[ \\t]*(?=\\r?\\n|$| / | \\| |, | \\(|（)");

    /** The names of {@link #SIGNED} in {@code text}, in text order; not a team or a firm (Customer Support, Acme Inc). */
    static List<int[]> findSigned(String text) {
        List<int[]> out = new ArrayList<>(0);
        if (text.indexOf("egards") < 0 && text.indexOf("incerely") < 0 && text.indexOf("hank") < 0 && text.indexOf("Cheers") < 0
                && text.indexOf("Best") < 0) {
            return out;
        }
        java.util.regex.Matcher m = SIGNED.matcher(text);
        while (m.find()) {
            boolean person = anyOf(m.group(1), (byte) (GIVEN | SURNAME)); // a name of the lists among the words: not Human Resources
            for (String w : m.group(1).split(" ")) {
                person &= !NOT_PERSON_AFTER.contains(ascii(w)) && !NOT_SIGNATURE.contains(ascii(w));
            }
            if (person) {
                out.add(new int[] {m.start(1), m.end(1)});
            }
        }
        return out;
    }

    /** Words of a signature that is a desk, a team or a role rather than a person. */
    private static final Set<String> NOT_SIGNATURE = Set.of("team", "desk", "support", "customer", "service", "services", "sales",
            "department", "dept", "office", "the", "staff", "admin", "administrator", "manager", "director", "editor",
            "editorial", "newsletter", "help", "helpdesk", "travel", "global", "japan", "tokyo", "osaka", "account", "accounts",
            "billing", "hr", "it", "info", "notification", "notifications", "system", "operations", "reservations", "front");

    /** The names of {@link #PASSENGER} in {@code text}, in text order (the span without the title). */
    static List<int[]> findPassengers(String text) {
        List<int[]> out = new ArrayList<>(0);
        if (text.indexOf('/') < 0 || text.indexOf(" M") < 0 && text.indexOf(" D") < 0) {
            return out; // no SURNAME/GIVEN MR in the text
        }
        java.util.regex.Matcher m = PASSENGER.matcher(text);
        while (m.find()) {
            int slash = text.indexOf('/', m.start(1));
            int surnameEnd = text.charAt(slash - 1) == ' ' ? slash - 1 : slash; // SMITH / JOHN MR, as some itineraries print it
            int given = text.charAt(slash + 1) == ' ' ? slash + 2 : slash + 1;
            int givenEnd = Math.min(text.indexOf(' ', given), m.end(1)); // the first given name (SMITH/JOHN PAUL MR)
            if ((kind(text, m.start(1), surnameEnd) & SURNAME) != 0 || (kind(text, given, givenEnd) & GIVEN) != 0) { // not TCP/IP MS
                out.add(new int[] {m.start(1), m.end(1)});
            }
        }
        return out;
    }

    /**
     * A surname and a given name written in kana, with a blank or ・ between them, neither part of a longer kana word and
     * no third kana word joined after them (ひろせ ゆうき, かねもと・まさよし, サトウ タロウ): both words romanised ({@link Romaji}) and looked up in the same lists, the
     * surname first as Japanese names are written. Japanese puts no blank between words, so two kana words apart are
     * rare outside names and children's text, where they are rarely a surname then a given name.
     */
    static List<int[]> findKana(String text) {
        List<int[]> out = new ArrayList<>(0);
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (!Morphology.isHiragana(c) && !Morphology.isKatakana(c) || i > 0 && kana(text.charAt(i - 1))) {
                continue;
            }
            boolean hira = Morphology.isHiragana(c);
            int e1 = kanaEnd(text, i, hira);
            int s2 = e1 + 1;
            if (e1 - i < 2 || e1 - i > 6 || s2 >= n || " 　・".indexOf(text.charAt(e1)) < 0
                    || hira != Morphology.isHiragana(text.charAt(s2)) || !kana(text.charAt(s2))) {
                i = e1 - 1;
                continue;
            }
            int e2 = kanaEnd(text, s2, hira);
            boolean honorific = false;
            for (int h = s2 + 2; hira && h < e2 && !honorific; h++) { // おおつき ひなたさん(が): the honorific ends the given name
                for (String w : KANA_HONORIFICS) {
                    if (text.startsWith(w, h)) {
                        e2 = h;
                        honorific = true;
                        break;
                    }
                }
            }
            boolean ends = honorific || e2 >= n || !kana(text.charAt(e2))
                    && !(" 　・".indexOf(text.charAt(e2)) >= 0 && e2 + 1 < n && kana(text.charAt(e2 + 1)) && !honorificAt(text, e2 + 1)
                    && !selfNamedAt(text, e2 + 1));
            boolean said = !honorific && e2 < n && " 　・".indexOf(text.charAt(e2)) >= 0 && selfNamedAt(text, e2 + 1)
                    && text.startsWith("で", e2 + 1); // です, でございます: not と申します, which only a name precedes
            if (e2 - s2 >= 2 && e2 - s2 <= 6 && ends && has(text.substring(i, e1), SURNAME) && has(text.substring(s2, e2), GIVEN)
                    && !(said && !(oneToken(text, i, e1, "名詞-固有名詞-人名-姓", "名詞-固有名詞-組織")
                            && oneToken(text, s2, e2, "名詞-固有名詞-人名-名", null)))) { // not みどり ほけん でございます, なつ やすみ です
                out.add(new int[] {i, e2});
                i = e2 - 1;
            } else {
                i = e1; // the second word may start a pair of its own (ともだち ひろせ ゆうき)
            }
        }
        return out;
    }

    private static final String[] KANA_HONORIFICS = {"さん", "ちゃん", "くん", "さま"};

    /** How a caller ends their name, a blank after it in a transcript (たかはし みゆき です, さとう まさこ と申します). */
    private static final String[] SELF_NAMED = {"です", "でございます", "と申します", "ともうします", "といいます", "と言います"};

    /**
     * Kana the dictionary reads as one word of part of speech {@code pos} or {@code or} (たかはし: a surname; みゆき: a given
     * name): what a caller's name before です must be, where a phrase's words may stand (みどり ほけん, ちば けん, なつ やすみ).
     */
    private static boolean oneToken(String text, int s, int e, String pos, String or) {
        List<Morphology.Token> ts = Morphology.tokens(text, s, e);
        return ts.size() == 1 && (ts.get(0).is(pos) || or != null && ts.get(0).is(or));
    }

    /**
     * A caller naming themselves at {@code i}: と申します and the like, or です on a line whose speaker is labelled (顧客: はい
     * たかはし みゆき です); not a picture book's ちば けん です.
     */
    private static boolean selfNamedAt(String text, int i) {
        for (String w : SELF_NAMED) {
            if (text.startsWith(w, i)) {
                if (!w.equals("です")) {
                    return true;
                }
                int ls = Math.max(text.lastIndexOf('\n', i) + 1, i - 40);
                return Chars.has(text, ":", ls, i) || Chars.has(text, "：", ls, i) || Chars.has(text, "名前", ls, i);
            }
        }
        return false;
    }

    /** A kana honorific alone at {@code i}, after a blank (たなか　ゆいな　ちゃん, as a class list writes it). */
    private static boolean honorificAt(String text, int i) {
        for (String w : KANA_HONORIFICS) {
            if (text.startsWith(w, i) && (i + w.length() >= text.length() || !kana(text.charAt(i + w.length())))) {
                return true;
            }
        }
        return false;
    }

    private static boolean kana(char c) {
        return Morphology.isHiragana(c) || Morphology.isKatakana(c); // katakana includes ー
    }

    /** The end of the run of hiragana (or of katakana and ー, not ・) at {@code i}. */
    static int kanaEnd(String text, int i, boolean hira) {
        int j = i;
        while (j < text.length() && (hira ? Morphology.isHiragana(text.charAt(j)) : Morphology.isKatakana(text.charAt(j)))) {
            j++;
        }
        return j;
    }

    /** Whether a kana word, romanised, is a given name of the lists (トミ, まりあ). */
    static boolean kanaGiven(String kana) {
        return has(kana, GIVEN);
    }

    /** Whether a kana word, romanised, is a surname of the lists (アサクラ, ふじもと). */
    static boolean kanaSurname(String kana) {
        return has(kana, SURNAME);
    }

    /** Whether a kana word, romanised in any of its spellings, is a name of this kind in the lists. */
    private static boolean has(String kana, byte kind) {
        for (String r : Romaji.hepburn(Romaji.katakana(kana))) {
            Byte k = Lexicon.NAMES.get(r);
            if (k != null && (k & kind) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Particles of surnames written in small letters (da Silva, dos Santos, van der Berg, bin Ahmad), with their blank. */
    private static final List<String> PARTICLES = List.of("da ", "de ", "do ", "dos ", "das ", "del ", "della ", "di ", "van ",
            "von ", "der ", "den ", "la ", "le ", "bin ", "binti ");

    /** The end of the particles at {@code s} (van der ), or {@code s}. */
    private static int particleEnd(String text, int s) {
        int p = s;
        for (int k = 0; k < 2; k++) {
            for (String w : PARTICLES) {
                if (text.startsWith(w, p)) {
                    p += w.length();
                    break;
                }
            }
        }
        return p;
    }

    /** A word of the lists, or a particle written with a capital (Dela Cruz, Van Houten), not a place's or a firm's word. */
    private static boolean nameOrParticle(String text, int[] word) {
        String w = ascii(text.substring(word[2], word[1]));
        return !NOT_PERSON_AFTER.contains(w) && (kind(text, word[2], word[1]) != 0 || w.equals("dela") || PARTICLES.contains(w + " "));
    }

    /** A word of three letters or more the lists lack, written as a name is (Aparecida, Joy), not a place's or a firm's word. */
    private static boolean unknownName(String text, int[] word) {
        String w = text.substring(word[2], word[1]);
        return w.length() >= 3 && kind(text, word[2], word[1]) == 0 && nameCase(w) && !NOT_PERSON_AFTER.contains(ascii(w));
    }

    /** The middle names of Vietnamese women and men after the surname (Nguyen Thi Thu Trang, Tran Van Minh Duc). */
    private static final Set<String> VIETNAMESE_MIDDLE = Set.of("thi", "van");

    /**
     * Four capitalised words: a Vietnamese name (a surname of the lists, Thi or Van, two names: Nguyen Thi Thu Trang), or a
     * given name first and a surname with its particle last (Mary Joy Dela Cruz, Maria Aparecida Fujimoto da Silva); two
     * names of two words each are two people (Ben Stiller Owen Wilson).
     */
    private static void fourWords(String text, List<int[]> words, byte a, byte b, List<int[]> out) {
        byte c = kind(text, words.get(2)[2], words.get(2)[1]);
        byte d = kind(text, words.get(3)[2], words.get(3)[1]);
        int s = words.get(0)[0];
        int e = words.get(3)[1];
        if ((a & SURNAME) != 0 && VIETNAMESE_MIDDLE.contains(ascii(text.substring(words.get(1)[0], words.get(1)[1])))
                && (c != 0 || unknownName(text, words.get(2))) && (d != 0 || unknownName(text, words.get(3)))) {
            out.add(new int[] {s, e});
            return;
        }
        if ((a & GIVEN) == 0 || (d & SURNAME) == 0) {
            return;
        }
        boolean particle = words.get(3)[2] > words.get(3)[0] || "dela".equals(ascii(text.substring(words.get(2)[0], words.get(2)[1])));
        if (!particle && pair(a, b) && pair(c, d)) {
            out.add(new int[] {s, words.get(1)[1]});
            out.add(new int[] {words.get(2)[0], e});
        } else if (particle && (nameOrParticle(text, words.get(1)) || unknownName(text, words.get(1)))
                && (nameOrParticle(text, words.get(2)) || unknownName(text, words.get(2)))) {
            out.add(new int[] {s, e}); // without a particle, four words are as often a title (Taylor Swift Eras Tour)
        }
    }

    /**
     * Korean and Chinese given names romanised with a hyphen between their syllables (Min-jun, Seo-yeon, Yu-Ting, SO-HEE):
     * each part one syllable of Revised Romanization or pinyin, an initial, vowels and a final (not Drop-off, Pick-up).
     */
    private static final java.util.regex.Pattern HYPHENED_GIVEN = java.util.regex.Pattern.compile(
            "(?i)(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh|kk|tt|pp|ss|jj)?[aeiouyw]{1,3}(?:ng|n|m|l|k|p|t)?-"
                    + "(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh|kk|tt|pp|ss|jj)?[aeiouyw]{1,3}(?:ng|n|m|l|k|p|t)?");
    /** Hyphened English words the syllables above also read (Hi-Fi). */
    private static final Set<String> HYPHENED_WORDS = Set.of("hi-fi", "wi-fi", "sci-fi", "lo-fi", "ha-ha", "bye-bye", "yo-yo");

    private static void match(String text, List<int[]> words, List<int[]> out) {
        int w = words.size();
        if (w < 2 || w > 4 || NOT_PERSON_AFTER.contains(ascii(text.substring(last(words)[2], last(words)[1])))) {
            return; // one word is not enough; five or more capitalised words are a title or a heading
        }
        byte a = kind(text, words.get(0)[0], words.get(0)[1]);
        byte b = kind(text, words.get(1)[0], words.get(1)[1]);
        if (w == 4) {
            fourWords(text, words, a, b, out);
            return;
        }
        if (w == 2 && (a & SURNAME) != 0 && HYPHENED_GIVEN.matcher(text).region(words.get(1)[0], words.get(1)[1]).matches()
                && !HYPHENED_WORDS.contains(ascii(text.substring(words.get(1)[0], words.get(1)[1])))) {
            out.add(new int[] {words.get(0)[0], words.get(1)[1]}); // PARK Seo-yeon, Chen Yu-Ting
            return;
        }
        if (w == 3) {
            byte c = kind(text, words.get(2)[2], words.get(2)[1]);
            // Elizabeth Mitsuko Howard, Aki Kadowaki Moreau; Nguyen Thi Lan, Nguyen Van Tuan
            if (b != 0 && pair(a, c)) {
                out.add(new int[] {words.get(0)[0], words.get(2)[1]});
            } else if (pair(a, b)) {
                out.add(new int[] {words.get(0)[0], words.get(1)[1]});
            } else if (pair(b, c)) {
                out.add(new int[] {words.get(1)[0], words.get(2)[1]});
            }
        } else if (pair(a, b)) {
            out.add(new int[] {words.get(0)[0], words.get(1)[1]});
        }
    }

    private static void givenAndUnknown(String text, List<int[]> words, List<int[]> out) {
        if (words.size() != 2) {
            return;
        }
        int[] g = words.get(0);
        int[] u = words.get(1);
        String second = text.substring(u[0], u[1]);
        String given = text.substring(g[0], g[1]);
        boolean capitals = given.equals(given.toUpperCase(Locale.ROOT));
        if (capitals && (given.length() < 4 || !second.equals(second.toUpperCase(Locale.ROOT)))) {
            return; // ANA Mileage, JAL Card: an acronym, not a given name
        }
        boolean initial = u[0] - g[1] > 1; // John W. Harrington
        if ((kind(text, g[0], g[1]) & GIVEN) == 0 || !unknownName(text, u) || !amidJapanese(text, g[0], u[1])
                || !initial && !personMark(text, g[0], u[1])) {
            return;
        }
        out.add(new int[] {g[0], u[1]});
    }

    /** What marks a person after a name: an honorific, a chat's time, a speaker's colon. */
    private static final java.util.regex.Pattern MARK_AFTER = java.util.regex.Pattern.compile(
            "[ \t]*(?:さん|様|さま|氏|先生|くん|君|ちゃん|-san|[0-9]{1,2}:[0-9]{2}|[:：])");

    /** A person's mark after the words {@code [s, e)} ({@link #MARK_AFTER}), or before them: a label's colon, 故. */
    private static boolean personMark(String text, int s, int e) {
        if (MARK_AFTER.matcher(text).region(e, Math.min(text.length(), e + 12)).lookingAt()) {
            return true;
        }
        int b = s;
        while (b > 0 && (text.charAt(b - 1) == ' ' || text.charAt(b - 1) == '\t' || text.charAt(b - 1) == '\u3000')) {
            b--;
        }
        return b > 0 && (text.charAt(b - 1) == ':' || text.charAt(b - 1) == '：' || text.charAt(b - 1) == '故');
    }

    /** How far from a name {@link #amidJapanese} looks for Japanese. */
    private static final int JAPANESE_REACH = 24;

    /**
     * Whether the words {@code [s, e)} stand in Japanese text: no Latin word right before or after them (blanks aside; a
     * chat's time after a name is no word), and kana or kanji within {@link #JAPANESE_REACH} on one side. In English (Per Section 301, Take Control of,
     * Disney World, Busch Gardens) capitalised words are titles and places as often as names.
     */
    private static boolean amidJapanese(String text, int s, int e) {
        int b = s;
        while (b > 0 && (text.charAt(b - 1) == ' ' || text.charAt(b - 1) == '\t')) {
            b--;
        }
        int a = e;
        while (a < text.length() && (text.charAt(a) == ' ' || text.charAt(a) == '\t')) {
            a++;
        }
        if (b > 0 && asciiWordChar(text.charAt(b - 1)) || a < text.length() && (asciiWordChar(text.charAt(a)) || text.charAt(a) == ',')) {
            return false;
        }
        for (int i = Math.max(0, s - JAPANESE_REACH); i < Math.min(text.length(), e + JAPANESE_REACH); i++) {
            char c = text.charAt(i);
            if (Morphology.isKanji(c) || Morphology.isHiragana(c) || Morphology.isKatakana(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean asciiWordChar(char c) {
        return c < 0x80 && Character.isLetter(c);
    }

    /** Written as a name is: a capital and small letters (Raman, O'Neill, McKay), or capitals only (RAMAN). */
    private static boolean nameCase(String w) {
        boolean upper = true;
        boolean lower = true;
        for (int i = 1; i < w.length(); i++) {
            char c = w.charAt(i);
            upper &= !Character.isLowerCase(c);
            lower &= !Character.isUpperCase(c) || i >= 2 && (w.charAt(i - 1) == '\'' || w.startsWith("Mc", i - 2));
        }
        return upper || lower;
    }

    private static int[] last(List<int[]> words) {
        return words.get(words.size() - 1);
    }

    private static boolean pair(byte a, byte b) {
        return (a & GIVEN) != 0 && (b & SURNAME) != 0 || (a & SURNAME) != 0 && (b & GIVEN) != 0;
    }

    /** The kinds of the word, or of the word without its possessive 's (Ferreira's). */
    private static byte kind(String text, int start, int end) {
        String w = ascii(text.substring(start, end));
        Byte k = Lexicon.NAMES.get(w);
        if (k == null && w.endsWith("'s")) {
            k = Lexicon.NAMES.get(w.substring(0, w.length() - 2));
        }
        return k == null ? 0 : k;
    }

    /**
     * A word as the lists hold it: lower case ASCII, accents removed and the letters without a decomposition spelt out
     * (Tomás: tomas, Đặng: dang, Łukasz: lukasz, Søren: soren, Strauß: strauss); the file's generator folds its names so.
     */
    static String ascii(String word) {
        String s = word.replace('’', '\'');
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace("ß", "ss").replace("ø", "o")
                        .replace("Ø", "O").replace("đ", "d").replace("Đ", "D").replace("ł", "l").replace("Ł", "L")
                        .replace("æ", "ae").replace("Æ", "Ae").replace("œ", "oe").replace("Œ", "Oe").replace("ı", "i");
                break;
            }
        }
        return s.toLowerCase(Locale.ROOT);
    }

    /**
     * The end of a capitalised word at {@code i} (Ferreira, KOBAYASHI, O'Brien, Ji-woo, Tomás, McDonald), or -1: a
     * capital, then letters of any case, with ' or - inside; two letters or more.
     */
    private static int wordEnd(String text, int i) {
        int n = text.length();
        if (i >= n || !isUpper(text.charAt(i))) {
            return -1;
        }
        int j = i + 1;
        while (j < n) {
            char c = text.charAt(j);
            if (isLetter(c)) {
                j++;
            } else if ((c == '\'' || c == '’' || c == '-') && j + 1 < n && isLetter(text.charAt(j + 1))) {
                j += 2;
            } else {
                break;
            }
        }
        return j - i >= 2 ? j : -1;
    }

    /** Past the letters of the word at {@code i}, or past {@code i} when it is not a letter. */
    private static int skipWord(String text, int i) {
        int j = i + 1;
        while (isLetter(text.charAt(i)) && j < text.length() && isLetter(text.charAt(j))) {
            j++;
        }
        return j;
    }

    /** A character that makes a word part of something longer: a letter, a digit, or an address's or a path's mark. */
    private static boolean attached(char c) {
        return isLetter(c) || c >= '0' && c <= '9' || c == '@' || c == '.' || c == '/' || c == '_' || c == '-' || c == '#'
                || c == '\'' || c == '&' || c == '=' || c == '\\';
    }

    /** After the words: more of a word, an address (Daniel.Okafor@…), a path or a handle. */
    private static boolean attachedAfter(String text, int at) {
        char c = text.charAt(at);
        if (c == '.' || c == '-' || c == '\'') {
            return at + 1 < text.length() && (isLetter(text.charAt(at + 1)) || Character.isDigit(text.charAt(at + 1)));
        }
        return isLetter(c) || c >= '0' && c <= '9' || c == '@' || c == '_' || c == '/' || c == '\\' || c == '&';
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'À' && c < 0x250 && Character.isUpperCase(c);
    }

    /** A letter of the Latin script (ASCII, the Latin-1 and Extended-A/B letters, and Vietnamese's Ḁ–ỿ). */
    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                || (c >= 'À' && c < 0x250 || c >= 0x1E00 && c <= 0x1EFF) && Character.isLetter(c);
    }
}
