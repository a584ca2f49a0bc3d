package dev.mamori.deid;

import dev.mamori.risk.Hierarchy;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Built-in generalisation hierarchies for Japanese columns that come without a hierarchy file, built
 * from the column's distinct values, for {@link dev.mamori.risk.LatticeSearch}. Generalising
 * quasi-identifiers this way is how 匿名加工情報 meets 個人情報保護法施行規則34条1号 (記述等の削除・置換,
 * here by 一般化) and 4号 (特異な記述: very old ages are top-coded as {@code 90歳以上}).
 *
 * <p>Every factory gives one row per distinct value (duplicates in {@code values} count once),
 * rows sorted by the original value so that the output is deterministic. A value a factory cannot
 * read (empty, misspelt, out of range) is not refused: its row generalises to {@code *} from level 1
 * up, so it is merged with the other unreadable values as soon as its column is generalised at all.
 * Values are read after NFKC normalisation (full-width digits and letters are accepted); the row
 * keeps the value exactly as given. {@code null} values are refused: use {@code ""} for an empty cell.
 */
public final class JapaneseHierarchies {

    /** The top of every hierarchy, and the generalisation of values that cannot be read. */
    public static final String ANY = "*";
    /** The top-code for ages of 90 and over (施行規則34条4号, 特異な記述). */
    public static final String AGE_TOP = "90歳以上";

    private static final Pattern POSTAL = Pattern.compile("〒?(\\d{3})-?(\\d{4})");
    private static final Pattern AGE = Pattern.compile("(\\d{1,3})(?:歳|才)?");
    private static final Pattern DASHES = Pattern.compile("[‐‑‒–—―−ーｰ－]");

    private JapaneseHierarchies() {
    }

    /**
     * Addresses: 番地 → 丁目 → 町字 → 市区町村 → 都道府県 → 地方 (八地方区分, {@code regions.tsv}) → *.
     * Each level is written in full from the prefecture ({@code 東京都千代田区霞が関1丁目}), so equal
     * labels mean the same place. Addresses are read after NFKC: the prefecture (one of the 47
     * names), the longest 市区町村 of detect's {@code municipalities.tsv} after it (政令市の区 and 郡
     * towns included; without a prefecture, one the lexicon has in a single prefecture gives it), the
     * 町字 up to the 丁目 or the first number, and numbers {@code 1-2-3} read as 丁目-番-号 (two or
     * fewer as 番-号); 号 and buildings are dropped (details in the package-private AddressParts). An address
     * whose prefecture is known but whose 市区町村 is not in detect's {@code municipalities.tsv}
     * generalises to its prefecture from level 1 up; one with neither a prefecture nor a 市区町村
     * found in one prefecture only (府中市 alone) is unreadable and goes to {@code *}.
     */
    public static Hierarchy address(String column, Collection<String> values) {
        return build(column, values, 7, v -> {
            AddressParts a = AddressParts.parse(v);
            return a == null ? null : a.levels();
        });
    }

    /**
     * Postal codes ({@code 1000013}, {@code 100-0013}, {@code 〒100-0013}, full-width): levels
     * {@code 100-0013} → {@code 100} (郵便区) → {@code 1} (first digit, the region) → *.
     */
    public static Hierarchy postalCode(String column, Collection<String> values) {
        return build(column, values, 4, v -> {
            Matcher m = POSTAL.matcher(DASHES.matcher(nfkc(v)).replaceAll("-"));
            if (!m.matches()) {
                return null;
            }
            String three = m.group(1);
            return List.of(three + "-" + m.group(2), three, three.substring(0, 1), ANY);
        });
    }

    /**
     * Dates of birth, 西暦 or 和暦 (the forms {@code JapaneseDates} reads: {@code 1985-04-01},
     * {@code 昭和60年4月1日}, {@code S60.4.1}, …): levels 年月 ({@code 1985年4月}) → 年 ({@code 1985年}) →
     * five years ({@code 1985–1989年}) → ten years ({@code 1980年代}) → *. A date given to the year
     * only has its year at level 1. A person who may be 90 or older on {@code asOf} (the earliest day
     * the value allows) is top-coded as {@code 90歳以上} at levels 1–4 (施行規則34条4号); a date after
     * {@code asOf} cannot be a birth date and is treated as unreadable.
     */
    public static Hierarchy dateOfBirth(String column, Collection<String> values, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        return build(column, values, 5, v -> {
            JapaneseDates.PartialDate d;
            try {
                d = JapaneseDates.parse(v);
            } catch (IllegalArgumentException | DateTimeException e) {
                return null;
            }
            if (d.first().isAfter(asOf)) {
                return null;
            }
            if (Period.between(d.first(), asOf).getYears() >= 90) {
                return List.of(AGE_TOP, AGE_TOP, AGE_TOP, AGE_TOP, ANY);
            }
            int y = d.year();
            int five = y - Math.floorMod(y, 5);
            String year = y + "年";
            return List.of(d.month() == 0 ? year : year + d.month() + "月", year,
                    five + "–" + (five + 4) + "年", (y - Math.floorMod(y, 10)) + "年代", ANY);
        });
    }

    /**
     * Ages in whole years ({@code 34}, {@code 34歳}, {@code ３４才}): five-year bands ({@code 30–34歳}) →
     * ten-year bands ({@code 30–39歳}) → twenty-year bands ({@code 20–39歳}) → *, with every age of 90
     * or over top-coded as {@code 90歳以上} at levels 1–3 (施行規則34条4号, 特異な記述); the twenty-year
     * band below it is therefore {@code 80–89歳}. Negative or fractional ages are unreadable.
     */
    public static Hierarchy age(String column, Collection<String> values) {
        return build(column, values, 4, v -> {
            Matcher m = AGE.matcher(nfkc(v));
            if (!m.matches()) {
                return null;
            }
            int a = Integer.parseInt(m.group(1));
            if (a >= 90) {
                return List.of(AGE_TOP, AGE_TOP, AGE_TOP, ANY);
            }
            return List.of(band(a, 5), band(a, 10), a >= 80 ? "80–89歳" : band(a, 20), ANY);
        });
    }

    /**
     * A position in one column ({@code 35.681236,139.767125}, {@code 35.681236 139.767125}, {@code N35.681236 E139.767125},
     * {@code 北緯35度40分52秒 東経139度46分01秒}; latitude first) generalised to the 地域メッシュコード of JIS X 0410 that holds
     * it: 1/8 地域メッシュ ({@code 53394611323}, about 125 m) → 1/4 ({@code 5339461132}) → 1/2 ({@code 533946113}) → 3次
     * (基準地域メッシュ, {@code 53394611}, about 1 km) → 2次 ({@code 533946}, about 10 km) → 1次 ({@code 5339}, about 80 km)
     * → *. Movement data (位置情報) generalised this way can be made into 匿名加工情報 (施行規則34条1号: 一般化); places that
     * show a home or workplace still need the care a home address needs. Positions outside the area the codes cover
     * (latitude 0 to 66°40′ N, longitude 100° to 200° E) are unreadable.
     */
    public static Hierarchy mesh(String column, Collection<String> values) {
        return build(column, values, 6 + 1, v -> {
            RegionalMesh m = RegionalMesh.parse(nfkcTrim(v));
            if (m == null) {
                return null;
            }
            List<String> l = new ArrayList<>(m.codes());
            l.add(ANY);
            return l;
        });
    }

    /**
     * A latitude column (decimal {@code 35.681236} or 度分秒 {@code 35°40'52"N}) generalised with its longitude column
     * ({@link #meshLongitude}) to the same 地域メッシュ: each level is the south edge, in decimal degrees, of the 1/8, 1/4,
     * 1/2, 3次, 2次 or 1次 mesh holding the point ({@code 35.6802083}, {@code 35.6791667}, {@code 35.6791667},
     * {@code 35.675}, {@code 35.6666667}, {@code 35.3333333}), then *. The two columns at the same level give the
     * mesh's south-west corner, that is, the mesh.
     */
    public static Hierarchy meshLatitude(String column, Collection<String> values) {
        return edges(column, values, true);
    }

    /** A longitude column generalised to the west edge of the mesh holding the point, as {@link #meshLatitude}. */
    public static Hierarchy meshLongitude(String column, Collection<String> values) {
        return edges(column, values, false);
    }

    private static Hierarchy edges(String column, Collection<String> values, boolean latitude) {
        return build(column, values, 6 + 1, v -> {
            BigDecimal seconds = RegionalMesh.coordinate(nfkcTrim(v));
            int cells = seconds == null ? -1 : latitude ? RegionalMesh.latitudeCells(seconds) : RegionalMesh.longitudeCells(seconds);
            if (cells < 0) {
                return null;
            }
            List<String> l = new ArrayList<>();
            for (RegionalMesh.Level level : RegionalMesh.Level.values()) {
                l.add(RegionalMesh.edge(cells, level, latitude));
            }
            l.add(ANY);
            return l;
        });
    }

    /**
     * Sex: every value, whether 男/女/男性/女性/M/F/male/female or another (その他, 不明, empty),
     * generalises to {@code *} at level 1. The column has only two levels: kept or removed.
     */
    public static Hierarchy sex(String column, Collection<String> values) {
        return build(column, values, 1, v -> List.of(ANY));
    }

    private static String band(int age, int width) {
        int low = age - age % width;
        return low + "–" + (low + width - 1) + "歳";
    }

    /** NFKC with the spaces inside kept (one space may separate latitude and longitude). */
    private static String nfkcTrim(String v) {
        return Normalizer.normalize(v, Normalizer.Form.NFKC).strip();
    }

    static String nfkc(String v) {
        return Normalizer.normalize(v, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    /**
     * Rows for the distinct values, sorted; {@code levels} gives levels 1..height of a value, or
     * {@code null} when it cannot read it.
     */
    private static Hierarchy build(String column, Collection<String> values, int height,
                                   Function<String, List<String>> levels) {
        Objects.requireNonNull(column, "column");
        TreeSet<String> distinct = new TreeSet<>();
        for (String v : values) {
            if (v == null) {
                throw new IllegalArgumentException("column '" + column + "' has a null value; use \"\" for an empty cell");
            }
            distinct.add(v);
        }
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("column '" + column + "' has no values to build a hierarchy from");
        }
        List<List<String>> rows = new ArrayList<>(distinct.size());
        for (String v : distinct) {
            List<String> l = levels.apply(v);
            List<String> row = new ArrayList<>(height + 1);
            row.add(v);
            row.addAll(l != null ? l : Collections.nCopies(height, ANY));
            if (row.size() != height + 1) {
                throw new IllegalStateException("hierarchy row of " + row.size() + " levels, expected " + (height + 1));
            }
            rows.add(row);
        }
        return Hierarchy.of(column, rows);
    }
}
