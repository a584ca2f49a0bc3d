package dev.mamori.detect;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.ja.dict.TokenInfoDictionary;
import org.apache.lucene.store.InputStreamDataInput;
import org.apache.lucene.util.IntsRef;
import org.apache.lucene.util.fst.FST;
import org.apache.lucene.util.fst.IntsRefFSTEnum;
import org.apache.lucene.util.fst.PositiveIntOutputs;
import org.yaml.snakeyaml.Yaml;

/**
 * Makes the lines of latin-names.tsv from its two sources (the file says which), so that the data file can be
 * regenerated and {@link LatinNamesDataTest} can prove it was: IPADIC's person names as Lucene Kuromoji bundles them,
 * their katakana readings romanised ({@link Romaji}), and the Latin-script name lists of Datafaker's locale files.
 */
final class LatinNamesSource {

    private LatinNamesSource() {
    }

    /**
     * Words common in English (and romaji) text that the lists also hold as names: never part of a name found by the
     * lists alone (Long Beach, Will Power, Grace Period, Page Down).
     */
    static final Set<String> COMMON_WORDS = Set.of("will", "may", "june", "april", "august", "long", "young", "king",
            "page", "rose", "hope", "grace", "mark", "bill", "sun", "max", "art", "guy", "dean", "rich", "sky", "summer",
            "winter", "autumn", "river", "brook", "dawn", "faith", "joy", "ray", "rock", "stone", "hill", "wood", "field",
            "lake", "bay", "beach", "case", "lane", "street", "west", "east", "north", "south", "green", "white", "black",
            "gray", "grey", "gold", "silver", "star", "love", "honey", "candy", "angel", "baby", "happy", "lucky", "sunny",
            "bright", "royal", "major", "chance", "price", "cash", "money", "bank", "banks", "hall", "house", "church",
            "power", "best", "good", "new", "old", "big", "little", "small", "great", "free", "easy", "early", "late",
            "day", "days", "week", "night", "morning", "home", "land", "world", "japan", "china", "india", "paris",
            "london", "florida", "georgia", "virginia", "carolina", "dakota", "austin", "dallas", "phoenix", "jordan",
            "israel", "chad", "cuba", "kenya", "and", "the", "for", "with", "from", "one", "all", "not", "can", "net",
            "web", "app", "data", "mail", "post", "news", "shop", "store", "service", "support", "team", "group", "club",
            "center", "office", "line", "link", "note", "view", "plan", "time", "list", "name", "user", "admin", "guest",
            "test", "demo", "hello", "thanks", "thank", "dear", "regards", "sincerely", "total", "sales", "order",
            "card", "visa", "master", "express", "union", "general", "public", "private", "human", "social", "global",
            "local", "central", "national", "international", "city", "town", "station", "garden", "tower", "bridge",
            "port", "island", "mountain", "forest", "ocean", "sea", "bell", "cook",
            "carpenter", "mason", "porter", "hunter", "fisher", "ward", "rice",
            "sake", "kaki", "ume", "nori", "sushi", "ramen", "anime", "manga", "kawaii", "kanji", "kana", "romaji", "you", "sir",
            "mr", "mrs", "ms", "dr", "san", "sama", "kun", "chan", "sensei", "on", "in", "at", "by", "of", "is", "it", "as",
            "am", "pm", "re", "fw", "fwd", "cc", "bcc", "so", "up", "we", "us", "me", "my", "or", "if", "be", "mon", "tue",
            "wed", "thu", "fri", "sat", "jan", "feb", "mar", "apr", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
            "go", "to", "do", "los", "las", "el", "la", "le", "de", "del", "da", "di", "du", "santa", "saint", "fort", "mount",
            "hills", "springs", "heights", "valley", "falls", "beverly", "vegas", "angeles",
            // Japanese places that IPADIC also holds as rare surnames (逢坂, 神戸), written in romaji far more often as
            // places (Shin Osaka 12:30); the prefectures that are common surnames (Ishikawa, Chiba, Miyazaki) stay
            "tokyo", "osaka", "kyoto", "kobe", "yokohama", "nagoya", "sapporo", "sendai", "hakata", "hokkaido", "okinawa",
            "kanagawa", "saitama", "shinjuku", "shibuya", "ikebukuro", "shinagawa", "akihabara", "ginza", "roppongi",
            "umeda", "namba", "tenjin", "kansai", "kanto", "tohoku", "kyushu", "shikoku", "honshu", "narita", "haneda",
            // the parts of romanised place names that IPADIC also has as rare given names (Minami Aoyama, Naka Meguro)
            // (not Minami or Shin, common given names)
            "higashi", "nishi", "kita", "naka", "kami", "shimo", "oku", "moto",
            // firms and places written as two names (Sumitomo Mitsui, Hong Kong, Monte Carlo, Sierra Leone, Chiang Mai)
            "mitsui", "mitsubishi", "sumitomo", "kong", "monte", "sierra", "chiang",
            // greetings and abbreviations that some lists hold as names (Hi Lucas, UI Dev, OK Google)
            "hi", "hey", "ok", "dev", "ui", "ux", "pr", "hr", "qa", "ceo", "cto", "cfo",
            // English words and loanwords that UniDic's readings add as names (Ten Won per unit, Ran, Main)
            "ten", "won", "ran", "main", "miso", "tofu", "tsunami", "semi", "mire", "aha", "tempura", "dash", "mama",
            "papa", "hero", "nine", "two", "six");

    /** Surnames among the most common in English and Korean that Datafaker's vocabulary also holds (Granny Smith, Park). */
    static final Set<String> KEEP = Set.of("smith", "brown", "park", "grant", "jordan", "miller", "baker", "walker");

    /** The file's lines: its header, then NAME, a tab and G (given name), S (surname) or GS, sorted by name. */
    static List<String> lines() throws IOException {
        Map<String, String> japanese = new TreeMap<>();
        japanese(japanese);
        unidic(japanese);
        MODERN_GIVEN.forEach(n -> add(japanese, n, 'G'));
        OKINAWAN_GIVEN.forEach(n -> add(japanese, n, 'G'));
        Map<String, String> other = new TreeMap<>();
        Set<String> vocabulary = new java.util.HashSet<>();
        datafaker(other, vocabulary);
        vocabulary.removeAll(KEEP);
        other.keySet().removeAll(vocabulary);
        Map<String, String> names = new TreeMap<>(japanese);
        other.forEach((n, kinds) -> kinds.chars().forEach(k -> add(names, n, (char) k)));
        List<String> out = new ArrayList<>(List.of(
                "# Given names and surnames written in Latin letters, for the PERSON recognizer (LatinNames): two or three",
                "# capitalised words are a name when one is a given name and another a surname here (Alexei Volkov,",
                "# KOBAYASHI HARUNA, Nguyen Thi Lan).",
                "# NAME <tab> G (a given name), S (a surname) or GS (both); lower case, diacritics removed (Tomás: tomas).",
                "# Generated: do not edit. LatinNamesDataTest fails when this file differs from what its sources give;",
                "# ./mvnw -pl mamori-core verify -DskipFuzz -Dtest=LatinNamesDataTest -Dlatin-names.write=true rewrites it.",
                "# Sources:",
                "# 1. Japanese names: the person-name entries (名詞-固有名詞-人名-姓 and -名) of IPADIC as bundled in Lucene",
                "#    Kuromoji 9.12.1, their katakana readings romanised by Hepburn (LatinNamesSource), a long vowel written",
                "#    three ways (Sato, Satoh, Satou; Yuki, Yuuki) and ン before b, m, p as n and m (Honma, Homma).",
                "#    The same from UniDic (unidic-mecab 2.1.2 as packaged in com.atilika.kuromoji:kuromoji-unidic 0.9.0, BSD",
                "#    licence): its 人名,姓 and 人名,名 entries, their readings (lForm) romanised alike (Yuto, Tsumugi, Minato as",
                "#    given names, which IPADIC lacks or has as surnames only). And a few given names frequent among children born",
                "#    since 2005 that neither dictionary has as given names (LatinNamesSource.MODERN_GIVEN: Hinata, Himari), and",
                "#    women's given names of Okinawa's older generations, written in katakana (OKINAWAN_GIVEN: Kamado, Ushi).",
                "# 2. Other names: the Latin-script first and last name lists of the locale files of Datafaker 2.7.0",
                "#    (https://github.com/datafaker-net/datafaker, Apache License 2.0).",
                "# Left out: names of one letter; words common in English or romaji text that the lists also hold as names",
                "# (Will, May, Long, You...; LatinNamesSource.COMMON_WORDS); and names of source 2 that are English words of",
                "# Datafaker's vocabulary files (en/adjective, verbs, hipster, food, color...: Olive, Sage), but for a few",
                "# common surnames (Smith, Brown, Park: LatinNamesSource.KEEP)."));
        names.forEach((n, kinds) -> {
            if (!COMMON_WORDS.contains(n) && n.length() >= 2) {
                out.add(n + "\t" + kinds);
            }
        });
        return out;
    }

    private static void add(Map<String, String> names, String name, char kind) {
        names.merge(name, String.valueOf(kind), (a, b) -> a.contains(b) ? a : "GS");
    }

    // ---- IPADIC ----

    private static void japanese(Map<String, String> names) throws IOException {
        TokenInfoDictionary d = TokenInfoDictionary.getInstance();
        FST<Long> fst;
        try (InputStream raw = TokenInfoDictionary.class.getResourceAsStream("TokenInfoDictionary$fst.dat")) {
            InputStreamDataInput in = new InputStreamDataInput(new java.io.BufferedInputStream(raw));
            fst = new FST<>(FST.readMetadata(in, PositiveIntOutputs.getSingleton()), in);
        }
        IntsRefFSTEnum<Long> e = new IntsRefFSTEnum<>(fst);
        IntsRef ids = new IntsRef();
        for (IntsRefFSTEnum.InputOutput<Long> io = e.next(); io != null; io = e.next()) {
            char[] surface = new char[io.input.length];
            for (int i = 0; i < surface.length; i++) {
                surface[i] = (char) io.input.ints[io.input.offset + i];
            }
            d.lookupWordIds(io.output.intValue(), ids);
            for (int i = 0; i < ids.length; i++) {
                int w = ids.ints[ids.offset + i];
                String pos = d.getPartOfSpeech(w);
                char kind = pos.equals("名詞-固有名詞-人名-姓") ? 'S' : pos.equals("名詞-固有名詞-人名-名") ? 'G' : 0;
                String reading = kind == 0 ? null : d.getReading(w, surface, 0, surface.length);
                if (reading != null) {
                    for (String r : Romaji.hepburn(reading)) {
                        add(names, r, kind);
                    }
                }
            }
        }
    }

    /**
     * Given names frequent among children born since 2005 that neither IPADIC nor UniDic 2.1.2 (2013) has as given names,
     * written here by hand (issue 12: modern given names were a main cause of names missed in school lists and family
     * chats). Each was absent from both as a given name when the list was written (session 33).
     */
    static final List<String> MODERN_GIVEN = List.of("hinata", "himari", "yuito", "hiyori", "iroha", "aoto", "nagi",
            "kotoha", "fuuka", "fuka", "hayate");

    /**
     * Women's given names of Okinawa's older generations (童名), which care and nursing records of Okinawa write in katakana
     * after the surname (比嘉カマド, 宮城ウシ) and neither dictionary has as given names; written here by hand (session 60,
     * from a review of care records).
     */
    static final List<String> OKINAWAN_GIVEN = List.of("kamado", "kamadu", "ushi", "makato", "nabii", "uto");

    // ---- UniDic ----

    private static void unidic(Map<String, String> names) throws IOException {
        UnidicNamesSource.personNames(f -> {
            if (!f[6].isEmpty() && !"*".equals(f[6])) { // lForm, the reading
                for (String r : Romaji.hepburn(f[6])) {
                    add(names, r, "姓".equals(f[3]) ? 'S' : 'G');
                }
            }
        });
    }

    // ---- Datafaker ----

    private static final Set<String> FIRST = Set.of("first_name", "male_first_name", "female_first_name", "first_name_men",
            "first_name_women", "neutral_first_name");
    private static final Set<String> LAST = Set.of("last_name", "male_last_name", "female_last_name");
    private static final Pattern LATIN = Pattern.compile("\\p{IsLatin}[\\p{IsLatin}\\p{M}'’-]*\\p{IsLatin}\\p{M}*");

    /** Datafaker's English files of ordinary words (no people in them), whose words are not taken as its names. */
    private static final Set<String> VOCABULARY = Set.of("en/adjective.yml", "en/verbs.yml", "en/hipster.yml",
            "en/commerce.yml", "en/color.yml", "en/marketing.yml", "en/food.yml", "en/house.yml", "en/weather.yml",
            "en/construction.yml", "en/dessert.yml", "en/measurement.yml", "en/appliance.yml", "en/emotion.yml");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");

    private static void datafaker(Map<String, String> names, Set<String> vocabulary) throws IOException {
        java.net.URL url = net.datafaker.Faker.class.getResource("/en.yml");
        if (url == null) {
            throw new IllegalStateException("Datafaker's en.yml is not on the class path");
        }
        List<String> entries = new ArrayList<>();
        try (JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile()) {
            for (Enumeration<JarEntry> es = jar.entries(); es.hasMoreElements(); ) {
                String n = es.nextElement().getName();
                if (n.endsWith(".yml") && (n.indexOf('/') < 0 || n.equals("en/name.yml") || VOCABULARY.contains(n))) {
                    entries.add(n);
                }
            }
            entries.sort(null);
            for (String n : entries) {
                try (InputStream in = jar.getInputStream(jar.getEntry(n))) {
                    Object yaml = new Yaml().load(in);
                    if (VOCABULARY.contains(n)) {
                        words(yaml, vocabulary);
                    } else {
                        walk(yaml, null, names);
                    }
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void walk(Object node, String key, Map<String, String> names) {
        if (node instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).forEach((k, v) -> walk(v, String.valueOf(k), names));
        } else if (node instanceof List<?> l && key != null && (FIRST.contains(key) || LAST.contains(key))) {
            char kind = FIRST.contains(key) ? 'G' : 'S';
            for (Object o : l) {
                String s = o instanceof String str ? fold(str) : null;
                if (s != null) {
                    add(names, s, kind);
                }
            }
        }
    }

    private static void words(Object node, Set<String> out) {
        if (node instanceof Map<?, ?> m) {
            m.values().forEach(v -> words(v, out));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> words(v, out));
        } else if (node instanceof String s) {
            java.util.regex.Matcher w = WORD.matcher(s);
            while (w.find()) {
                out.add(w.group().toLowerCase(Locale.ROOT));
            }
        }
    }

    /** A Latin-script name in lower case ASCII (Tomás: tomas, Đặng: dang), or null when it is not one. */
    static String fold(String name) {
        String n = name.strip();
        if (!LATIN.matcher(n).matches() || !Character.isUpperCase(n.charAt(0))) {
            return null;
        }
        String s = LatinNames.ascii(n);
        return s.matches("[a-z]+(?:['-][a-z]+)*") ? s : null;
    }
}
