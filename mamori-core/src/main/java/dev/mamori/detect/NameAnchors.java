package dev.mamori.detect;

import dev.mamori.data.DataFile;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words around a person's name ({@code name-anchors.tsv}), the kanji frequent in given names
 * ({@code given-name-kanji.tsv}) and the place names that make 横浜市長 an office rather than a surname
 * (the prefectures and municipalities of {@code municipalities.tsv}). Loaded once; read-only.
 */
final class NameAnchors {

    enum Kind { HONORIFIC, OFFICE, TITLE, LABEL, MAIL, ROLE, SAID, KIN, THING, BAPTISMAL, VN_FAMILY, VN_MIDDLE }

    private static final NameAnchors DEFAULT = new NameAnchors();

    private final Map<Kind, Trie<Boolean>> tries = new EnumMap<>(Kind.class);
    private final Map<Kind, String[]> words = new EnumMap<>(Kind.class);
    private final boolean[] given = new boolean[65536];
    /** Per kind, the last characters of its words: a cheap filter before {@link #endingAt}. */
    private final Map<Kind, boolean[]> lastChars = new EnumMap<>(Kind.class);
    /** Prefectures and municipalities as written (千葉県, 横浜市, 当別町), without 郡 or ward. */
    private final Set<String> places = new HashSet<>();
    /** The same without 都府県/市区町村 (千葉, 横浜). */
    private final Set<String> stems = new HashSet<>();
    /** The prefectures without 都府県 (岩手, 宮城, 福島), many of them surnames too. */
    private final Set<String> prefectures = new HashSet<>();
    /** The cities with wards (札幌, 名古屋) and Tokyo's wards (千代田, 品川), without 市 or 区: where firms have branches. */
    private final Set<String> bigCities = new HashSet<>();

    private NameAnchors() {
        Map<Kind, List<String>> lists = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            lists.put(k, new ArrayList<>());
            tries.put(k, new Trie<>());
        }
        for (DataFile.Row r : DataFile.read(NameAnchors.class, "name-anchors.tsv")) {
            Kind k;
            try {
                k = Kind.valueOf(r.field(0));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(r.file() + ":" + r.line() + ": unknown kind " + r.field(0), e);
            }
            lists.get(k).add(r.field(1));
            tries.get(k).put(r.field(1), Boolean.TRUE);
        }
        for (Kind k : Kind.values()) {
            List<String> l = lists.get(k);
            l.sort((a, b) -> b.length() - a.length());
            words.put(k, l.toArray(new String[0]));
            boolean[] last = new boolean[65536];
            for (String w : l) {
                last[w.charAt(w.length() - 1)] = true;
            }
            lastChars.put(k, last);
        }
        for (DataFile.Row r : DataFile.read(NameAnchors.class, "given-name-kanji.tsv")) {
            String s = r.field(1);
            for (int i = 0; i < s.length(); i++) {
                given[s.charAt(i)] = true;
            }
        }
        for (DataFile.Row r : DataFile.read(NameAnchors.class, "municipalities.tsv")) {
            places.add(r.field(0));
            stems.add(stem(r.field(0)));
            prefectures.add(stem(r.field(0)));
            String m = r.field(1);
            int gun = m.indexOf('郡');
            if (gun >= 0 && gun < m.length() - 1) {
                m = m.substring(gun + 1);
            }
            int city = m.endsWith("区") && !r.field(0).equals("東京都") ? m.lastIndexOf('市', m.length() - 2) : -1;
            // the 市 before a ward (札幌市中央区), else the suffix that ends the name: not a 村 or 町 inside it (東村山市, 大町市)
            int cut = city > 0 ? city : m.length() > 1 && "市区町村".indexOf(m.charAt(m.length() - 1)) >= 0 ? m.length() - 1 : -1;
            if (cut > 0 && m.endsWith("区") && (m.charAt(cut) == '市' || r.field(0).equals("東京都"))) {
                bigCities.add(m.substring(0, cut)); // 札幌市中央区 → 札幌, 千代田区 → 千代田
            }
            if (cut > 0) {
                places.add(m.substring(0, cut + 1));
                stems.add(m.substring(0, cut));
                if (m.charAt(cut) == '市' && m.length() > cut + 2 && m.endsWith("区")) {
                    places.add(m.substring(cut + 1)); // 北九州市小倉北区: 小倉北区長 is its office (the stem alone, 西 or 北, is no place)
                }
            }
        }
    }

    static NameAnchors get() {
        return DEFAULT;
    }

    private static String stem(String prefecture) {
        return prefecture.length() > 2 && "都府県".indexOf(prefecture.charAt(prefecture.length() - 1)) >= 0
                ? prefecture.substring(0, prefecture.length() - 1) : prefecture;
    }

    /** The length of the longest word of {@code kind} starting at {@code from}, or 0. */
    int at(Kind kind, CharSequence text, int from) {
        Trie<Boolean> t = tries.get(kind);
        int n = from < text.length() && t.startsSomeWord(text.charAt(from)) ? t.longest(text, from) : 0;
        if (n > 0 && text.charAt(from + n - 1) == '段' && from + n < text.length() && NOT_A_RANK.indexOf(text.charAt(from + n)) >= 0) {
            return 0; // 二段階, 三段目, 九段下, 三段跳び: no dan rank after a name
        }
        return n;
    }

    /** What after 二段, 三段 or 九段 makes a word of its own, not a player's rank. */
    private static final String NOT_A_RANK = "階目下上南北跳構組";

    /** True when {@code text[from, to)} is a word of {@code kind}. */
    boolean is(Kind kind, CharSequence text, int from, int to) {
        return to > from && tries.get(kind).get(text, from, to - from) != null;
    }

    /** The length of the longest word of {@code kind} ending at {@code end}, or 0. */
    int endingAt(Kind kind, String text, int end) {
        if (end <= 0 || end > text.length() || !lastChars.get(kind)[text.charAt(end - 1)]) {
            return 0;
        }
        for (String w : words.get(kind)) {
            if (end >= w.length() && text.startsWith(w, end - w.length())) {
                return w.length();
            }
        }
        return 0;
    }

    /** True for a kanji frequent in given names. */
    boolean givenKanji(char c) {
        return given[c];
    }

    /** True when the word is a prefecture or municipality name, with or without 都府県/市区町村 (千葉, 福岡市). */
    /** True for a prefecture or a municipality with its 都道府県 or 市区町村 (東京都, 港区, 森町, 白川村). */
    boolean isMunicipality(String word) {
        return places.contains(word);
    }

    boolean isPlaceName(String word) {
        return stems.contains(word) || places.contains(word);
    }

    /** True for a prefecture's name without 都府県 (宮城, 福島). */
    /** True for a city with wards or one of Tokyo's wards, without 市 or 区 (名古屋, 横浜, 新宿). */
    boolean isBigCity(String word) {
        return bigCities.contains(word);
    }

    boolean isPrefecture(String word) {
        return prefectures.contains(word);
    }

    /**
     * True when the word {@code text[from, to)} followed by the OFFICE word at {@code to} is an office of a
     * place (横浜市長, 千葉県知事, 長野駅長), not a person with a title (鈴木市長).
     */
    boolean isOffice(String text, int from, int to) {
        int len = at(Kind.OFFICE, text, to);
        if (len == 0 || to - from < 1) {
            return false;
        }
        char c = text.charAt(to);
        if ("市町村区".indexOf(c) >= 0 && from > 0 && "元前現".indexOf(text.charAt(from - 1)) >= 0) {
            return true; // 元前沢町議: a former office of a town no list knows (merged away); a name takes 元 after it (山田元町議)
        }
        if ("市町村区県府都道".indexOf(c) >= 0) {
            return places.contains(text.substring(from, to + 1));
        }
        return stems.contains(text.substring(from, to));
    }
}
