package dev.mamori.deid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Japanese address read into the parts {@link JapaneseHierarchies#address} generalises:
 * 都道府県, 市区町村, 町字, 丁目 and 番 (号, 枝番 and building are dropped).
 *
 * <ul>
 * <li>A leading postal code ({@code 〒100-0013}) is skipped.
 * <li>都道府県: one of the 47 names of {@code regions.tsv} at the start. Without one, a known
 *     市区町村 at the start gives the prefecture when the lexicon has it in one prefecture only.
 * <li>市区町村: the longest entry of detect's {@code municipalities.tsv} after the prefecture
 *     (政令市の区 such as 大阪市北区, 郡 towns with or without their 郡); it is written as in the
 *     lexicon. The file is read from the class path as {@code /dev/mamori/detect/municipalities.tsv},
 *     since detect offers no public accessor to it.
 * <li>町字: the text up to a {@code 丁目} (one before the first digit), the first digit, or a kanji numeral followed by 番
 *     (not 番町), so that names such as 四谷 or 一番町 stay whole.
 * <li>丁目 and 番: {@code 一丁目}, {@code 1丁目} → 1丁目; numbers after the 町字 joined by
 *     {@code -}, 番, 番地 or の are read as 丁目-番-号 when there are three or more and as 番-号 when
 *     there are fewer (大阪市北区梅田1-1-1 is 梅田1丁目1番; 横浜市中区山下町1-1 is 山下町1番). This is a
 *     heuristic: 大字 areas written 123-4-5 are read as 123丁目4番.
 * </ul>
 */
record AddressParts(String prefecture, String municipality, String town, Integer chome, Integer ban) {

    private static final Map<String, String> REGIONS = readRegions();
    /** Lexicon key (entry, or the town of a 郡 entry without its 郡) → "prefecture\tentry" set. */
    private static final Map<String, Set<String>> MUNICIPALITIES = new HashMap<>();
    private static int longestKey;

    static {
        for (String[] f : read("/dev/mamori/detect/municipalities.tsv", 2)) {
            String entry = f[0] + "\t" + f[1];
            index(f[1], entry);
            int gun = f[1].indexOf('郡');
            if (gun > 0 && (f[1].endsWith("町") || f[1].endsWith("村"))) { // not 大和郡山市, 小郡市
                index(f[1].substring(gun + 1), entry);
            }
        }
    }

    private static final String KANJI = "[〇一二三四五六七八九十百]+";
    private static final Pattern CHOME = Pattern.compile("([^0-9]*?)(\\d+|" + KANJI + ")丁目-?(.*)");
    private static final Pattern KANJI_BAN = Pattern.compile("(.*?)(" + KANJI + ")番(?!町)(.*)");
    private static final Pattern DIGIT = Pattern.compile("([^0-9]*)([0-9].*)");
    private static final Pattern NUMBERS = Pattern.compile("(\\d+)(?:(?:-|番地|番|の)(\\d+))?(?:(?:-|番地|番|の)(\\d+))?.*");

    /** The parts of {@code value}, or {@code null} when no prefecture can be found. */
    static AddressParts parse(String value) {
        String v = JapaneseHierarchies.nfkc(value);
        v = v.replaceAll("(?<=\\d)[‐‑‒–—―−ーｰ－](?=\\d)", "-").replaceFirst("^〒?\\d{3}-?\\d{4}", "");
        String pref = null;
        for (String p : REGIONS.keySet()) {
            if (v.startsWith(p)) {
                pref = p;
                break;
            }
        }
        String rest = pref == null ? v : v.substring(pref.length());
        String[] muni = municipality(pref, rest);
        if (muni == null) {
            return pref == null ? null : new AddressParts(pref, null, null, null, null);
        }
        pref = muni[0];
        rest = rest.substring(muni[2].length());
        String town;
        Integer chome = null;
        String numbers;
        Matcher m;
        if ((m = CHOME.matcher(rest)).matches()) {
            town = m.group(1);
            chome = number(m.group(2));
            numbers = m.group(3);
        } else if ((m = DIGIT.matcher(rest)).matches()) {
            town = m.group(1);
            numbers = m.group(2);
        } else if ((m = KANJI_BAN.matcher(rest)).matches()) {
            town = m.group(1);
            numbers = number(m.group(2)) + "番" + m.group(3);
        } else {
            town = rest;
            numbers = "";
        }
        numbers = kanjiToDigits(numbers);
        Integer ban = null;
        if ((m = NUMBERS.matcher(numbers)).matches()) {
            if (chome == null && m.group(3) != null) {
                chome = Integer.valueOf(m.group(1));
                ban = Integer.valueOf(m.group(2));
            } else {
                ban = Integer.valueOf(m.group(1));
            }
        }
        return new AddressParts(pref, muni[1], town, chome, ban);
    }

    /** Levels 1..7 of {@link JapaneseHierarchies#address}: 番地, 丁目, 町字, 市区町村, 都道府県, 地方, *. */
    List<String> levels() {
        String region = REGIONS.get(prefecture);
        if (municipality == null) {
            return List.of(prefecture, prefecture, prefecture, prefecture, prefecture, region, JapaneseHierarchies.ANY);
        }
        String city = prefecture + municipality;
        String townLabel = city + town;
        String chomeLabel = chome == null ? townLabel : townLabel + chome + "丁目";
        String banLabel = ban == null ? chomeLabel : chomeLabel + ban + "番";
        return List.of(banLabel, chomeLabel, townLabel, city, prefecture, region, JapaneseHierarchies.ANY);
    }

    /** {prefecture, lexicon entry, matched text} of the longest known 市区町村 at the start, or null. */
    private static String[] municipality(String pref, String rest) {
        for (int len = Math.min(longestKey, rest.length()); len > 0; len--) {
            String key = rest.substring(0, len);
            Set<String> entries = MUNICIPALITIES.get(key);
            if (entries == null) {
                continue;
            }
            List<String> fit = new ArrayList<>();
            for (String e : entries) {
                if (pref == null || e.startsWith(pref + "\t")) {
                    fit.add(e);
                }
            }
            if (fit.size() == 1) {
                String[] f = fit.get(0).split("\t");
                return new String[] {f[0], f[1], key};
            }
            if (fit.size() > 1) {
                return null; // ambiguous: 府中市 without a prefecture
            }
        }
        return null;
    }

    private static void index(String key, String entry) {
        MUNICIPALITIES.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(entry);
        longestKey = Math.max(longestKey, key.length());
    }

    private static Integer number(String s) {
        return Integer.valueOf(kanjiToDigits(s));
    }

    /** Replaces each run of kanji numerals (一 … 九百九十九) by its value in digits. */
    static String kanjiToDigits(String s) {
        Matcher m = Pattern.compile(KANJI).matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Integer.toString(kanjiValue(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static int kanjiValue(String s) {
        String digits = "〇一二三四五六七八九";
        int total = 0;
        int current = 0;
        for (char c : s.toCharArray()) {
            int d = digits.indexOf(c);
            if (d >= 0) {
                current = current * 10 + d;
            } else {
                int unit = c == '十' ? 10 : 100;
                total += (current == 0 ? 1 : current) * unit;
                current = 0;
            }
        }
        return total + current;
    }

    private static Map<String, String> readRegions() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String[] f : read("/dev/mamori/deid/regions.tsv", 2)) {
            m.put(f[0], f[1]);
        }
        if (m.size() != 47) {
            throw new IllegalStateException("regions.tsv: expected the 47 prefectures, found " + m.size());
        }
        return m;
    }

    /** Tab-separated rows of a UTF-8 class-path file, '#' lines and blank lines skipped. */
    private static List<String[]> read(String resource, int fields) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = AddressParts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length < fields) {
                    throw new IllegalStateException(resource + ":" + n + ": expected " + fields + " tab-separated fields");
                }
                rows.add(new String[] {f[0].strip(), f[1].strip()});
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return rows;
    }
}
