package dev.mamori.deid;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 地域メッシュコード of JIS X 0410, computed from the standard's definition. The 第1次地域区画 (1次 mesh) is 40′ of
 * latitude by 1° of longitude: its code is two digits of {@code floor(latitude × 1.5)} then two of
 * {@code floor(longitude − 100)}. Each 1次 mesh is divided 8 × 8 into 第2次地域区画 (2次, digits 0–7, south to north
 * then west to east), each of those 10 × 10 into 基準地域メッシュ (3次, digits 0–9, 30″ × 45″, about 1 km), and each
 * of those in halves again into 2分の1 (about 500 m), 4分の1 (250 m) and 8分の1 (125 m) 地域メッシュ, numbered 1
 * (south-west), 2 (south-east), 3 (north-west), 4 (north-east).
 *
 * <p>The computation is exact: a coordinate is read as a decimal (or 度分秒) in seconds of arc and counted in whole
 * 1/8 cells (3.75″ of latitude, 5.625″ of longitude: 960 per degree of latitude, 640 per degree of longitude), so a point
 * on a boundary belongs to the cell north and east of it, as the standard's floor() does. Only points whose codes have the standard's width
 * are accepted: latitude from 0 to under 66°40′, longitude from 100° to under 200°.
 */
final class RegionalMesh {

    /** The levels, finest first, with the length of their code. */
    enum Level {
        EIGHTH(11), QUARTER(10), HALF(9), THIRD(8), SECOND(6), FIRST(4);

        final int digits;

        Level(int digits) {
            this.digits = digits;
        }
    }

    private static final BigDecimal LAT_CELLS = BigDecimal.valueOf(960);
    private static final BigDecimal LON_CELLS = BigDecimal.valueOf(640);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
    private static final BigDecimal SECONDS = BigDecimal.valueOf(3600);

    private static final String NUM = "([-+]?\\d{1,3}(?:\\.\\d+)?)";
    private static final String DMS = "(\\d{1,3})[°度º˚](?:(\\d{1,2}(?:\\.\\d+)?)['′’分](?:(\\d{1,2}(?:\\.\\d+)?)(?:[\"″”秒]|''|′′))?)?";
    private static final Pattern DECIMAL_PAIR = Pattern.compile("(北緯|南緯|[NS])?" + NUM + "(?:[°度])?([NS])?[\\s,、/;]+(東経|西経|[EW])?"
            + NUM + "(?:[°度])?([EW])?");
    private static final Pattern DMS_PAIR = Pattern.compile("(北緯|南緯|[NS])?" + DMS + "([NS])?[\\s,、/;]*(東経|西経|[EW])?" + DMS + "([EW])?");
    private static final Pattern ONE = Pattern.compile("(北緯|南緯|東経|西経|[NSEW])?(?:" + NUM + "(?:[°度])?|" + DMS + ")([NSEW])?");

    /** Latitude and longitude counted in 1/8 cells from 0° N, 100° E. */
    private final int latCells;
    private final int lonCells;

    private RegionalMesh(int latCells, int lonCells) {
        this.latCells = latCells;
        this.lonCells = lonCells;
    }

    /** The mesh cell of a point given in seconds of arc (north and east positive), or null outside the codes' area. */
    static RegionalMesh ofSeconds(BigDecimal latitude, BigDecimal longitude) {
        int lat = latitudeCells(latitude);
        int lon = longitudeCells(longitude);
        return lat < 0 || lon < 0 ? null : new RegionalMesh(lat, lon);
    }

    /** The mesh cell of a point in decimal degrees, or null outside the codes' area. */
    static RegionalMesh of(BigDecimal latitude, BigDecimal longitude) {
        return ofSeconds(latitude.multiply(SECONDS), longitude.multiply(SECONDS));
    }

    /** A latitude in seconds counted in 1/8 cells (3.75″ = 15/4″), or -1 when outside 0 to under 66°40′. */
    static int latitudeCells(BigDecimal seconds) {
        BigDecimal c = seconds.multiply(BigDecimal.valueOf(4)).divide(BigDecimal.valueOf(15), 0, RoundingMode.FLOOR);
        return c.signum() < 0 || c.compareTo(BigDecimal.valueOf(100 * 640)) >= 0 ? -1 : c.intValueExact();
    }

    /** A longitude in seconds counted in 1/8 cells (5.625″ = 45/8″) east of 100°, or -1 when outside 100° to under 200°. */
    static int longitudeCells(BigDecimal seconds) {
        BigDecimal c = seconds.subtract(BigDecimal.valueOf(360_000)).multiply(BigDecimal.valueOf(8))
                .divide(BigDecimal.valueOf(45), 0, RoundingMode.FLOOR);
        return c.signum() < 0 || c.compareTo(BigDecimal.valueOf(100 * 640)) >= 0 ? -1 : c.intValueExact();
    }

    /** The code at {@code level}, digits only (5339 46 11 3 2 3 written together). */
    String code(Level level) {
        int p = latCells / 640;
        int u = lonCells / 640;
        int lat1 = latCells % 640;
        int lon1 = lonCells % 640;
        StringBuilder b = new StringBuilder(11);
        b.append(two(p)).append(two(u));
        if (level == Level.FIRST) {
            return b.toString();
        }
        b.append(lat1 / 80).append(lon1 / 80);
        if (level == Level.SECOND) {
            return b.toString();
        }
        int lat2 = lat1 % 80;
        int lon2 = lon1 % 80;
        b.append(lat2 / 8).append(lon2 / 8);
        int lat3 = lat2 % 8;
        int lon3 = lon2 % 8;
        for (int half = 4, l = Level.HALF.digits; l <= level.digits; half /= 2, l++) {
            b.append(1 + (lat3 % (half * 2)) / half * 2 + (lon3 % (half * 2)) / half);
        }
        return b.toString();
    }

    /** The codes from 1/8 up to 1次, finest first. */
    List<String> codes() {
        return List.of(code(Level.EIGHTH), code(Level.QUARTER), code(Level.HALF), code(Level.THIRD), code(Level.SECOND),
                code(Level.FIRST));
    }

    /**
     * The south (for a latitude) or west (for a longitude) edge of the cell of {@code level} holding a coordinate given
     * in 1/8 cells, in decimal degrees: 35.675 for 35.681236 at 3次.
     */
    static String edge(int cells, Level level, boolean latitude) {
        int size = switch (level) {
            case EIGHTH -> 1;
            case QUARTER -> 2;
            case HALF -> 4;
            case THIRD -> 8;
            case SECOND -> 80;
            case FIRST -> 640;
        };
        int floor = cells - cells % size;
        BigDecimal deg = BigDecimal.valueOf(floor).divide(latitude ? LAT_CELLS : LON_CELLS, 7, RoundingMode.HALF_EVEN);
        if (!latitude) {
            deg = deg.add(HUNDRED);
        }
        return deg.stripTrailingZeros().toPlainString();
    }

    /**
     * A point written as one value: a decimal pair ({@code 35.681236,139.767125}, {@code 35.681236 139.767125},
     * {@code N35.681236 E139.767125}) or 度分秒 ({@code 北緯35度40分52秒 東経139度46分01秒}, {@code 35°40'52"N 139°46'01"E}),
     * latitude first; null when it cannot be read or lies outside the codes' area. {@code v} is already NFKC
     * normalised and without spaces at its ends.
     */
    static RegionalMesh parse(String v) {
        Matcher m = DECIMAL_PAIR.matcher(v);
        if (m.matches()) {
            return point(m.group(1), m.group(3), new BigDecimal(m.group(2)).multiply(SECONDS), m.group(4), m.group(6),
                    new BigDecimal(m.group(5)).multiply(SECONDS));
        }
        m = DMS_PAIR.matcher(v);
        if (m.matches()) {
            BigDecimal a = dms(m.group(2), m.group(3), m.group(4));
            BigDecimal b = dms(m.group(7), m.group(8), m.group(9));
            return a == null || b == null ? null : point(m.group(1), m.group(5), a, m.group(6), m.group(10), b);
        }
        return null;
    }

    /** One coordinate (decimal or 度分秒, with an optional hemisphere), in seconds of arc; null when it cannot be read. */
    static BigDecimal coordinate(String v) {
        Matcher m = ONE.matcher(v);
        if (!m.matches() || (m.group(1) != null && m.group(6) != null)) {
            return null;
        }
        BigDecimal d = m.group(2) != null ? new BigDecimal(m.group(2)).multiply(SECONDS) : dms(m.group(3), m.group(4), m.group(5));
        String h = m.group(1) != null ? m.group(1) : m.group(6);
        return d != null && h != null && ("S".equals(h) || "W".equals(h) || "南緯".equals(h) || "西経".equals(h)) ? d.negate() : d;
    }

    private static RegionalMesh point(String h1, String t1, BigDecimal a, String h2, String t2, BigDecimal b) {
        if ((h1 != null && t1 != null) || (h2 != null && t2 != null)) {
            return null;
        }
        String first = h1 != null ? h1 : t1;
        String second = h2 != null ? h2 : t2;
        if ("S".equals(first) || "南緯".equals(first)) {
            a = a.negate();
        }
        if ("W".equals(second) || "西経".equals(second)) {
            b = b.negate();
        }
        if (a.abs().compareTo(BigDecimal.valueOf(90 * 3600)) > 0 || b.abs().compareTo(BigDecimal.valueOf(180 * 3600)) > 0) {
            return null;
        }
        return ofSeconds(a, b);
    }

    private static BigDecimal dms(String d, String m, String s) {
        BigDecimal deg = new BigDecimal(d);
        BigDecimal min = m == null ? BigDecimal.ZERO : new BigDecimal(m);
        BigDecimal sec = s == null ? BigDecimal.ZERO : new BigDecimal(s);
        if (min.compareTo(SIXTY) >= 0 || sec.compareTo(SIXTY) >= 0) {
            return null;
        }
        return deg.multiply(SECONDS).add(min.multiply(SIXTY)).add(sec); // exact: no division

    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
