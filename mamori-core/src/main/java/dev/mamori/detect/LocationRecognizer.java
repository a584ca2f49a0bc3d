package dev.mamori.detect;

import dev.mamori.data.DataFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds positions (LOCATION): a latitude/longitude pair in decimal degrees ({@code 35.681236, 139.767125},
 * {@code 北緯35.681236度 東経139.767125度}, {@code 35.6812N 139.7671E}) or in degrees, minutes and seconds
 * ({@code 北緯35度40分52秒 東経139度46分01秒}, {@code N35°40'52" E139°46'01"}), one span from the first to
 * the last character of the pair; and a 地域メッシュコード of JIS X 0410 (1次 4 digits, 2次 6, 3次 8, 1/2 9,
 * 1/4 10, 1/8 11; hyphens allowed: {@code 5339-45-97}) when a word such as メッシュ is near it.
 *
 * <p>Both coordinates are range-checked (latitude up to 90, longitude up to 180, minutes and seconds
 * below 60) and hemisphere markers must agree (北緯/N on one side, 東経/E on the other). A bare pair of
 * decimals needs four decimals on both sides and both above 1 — or a word from {@code location-words.tsv}
 * near it (緯度, 座標, GPS, 現在地, …). A mesh code's digits are checked against the standard: the 1次 code
 * covers Japan (latitude part 30–68, longitude part 22–54), 2次 digits are 0–7, 3次 0–9, the divisions 1–4.
 *
 * <p>In a column whose header suggests a position (緯度, 経度, lat, lon, メッシュ: {@link ColumnHints}), a cell
 * holding one coordinate (a decimal with a fractional part, or 度分秒) or a valid mesh code is accepted whole.
 */
final class LocationRecognizer implements Recognizer {

    private static final String D = "[0-9０-９]";
    private static final String SP = "[ 　]";
    private static final String HEMI = "(?:北緯|南緯|東経|西経|[NSEWＮＳＥＷ])";
    /** The degree mark, or exiftool's {@code deg} (GPS Latitude : 35 deg 39' 22.80" N). */
    private static final String DEG = "(?:°|度|º|˚| deg)";
    private static final String MIN = "(?:′|'|’|分)";
    private static final String SEC = "(?:″|\"|”|''|’’|秒)";
    /** A longitude's label (not the English word long: 35.52 long 12.75 wide). */
    private static final String LON_LABELS = "経度|longitude|Longitude|lon|lng|Lon|Lng|LON|LNG";

    /**
     * Between the two sides: a comma or blanks, or the longitude's own label ({@code 、経度：}, {@code , "lng": },
     * {@code &lon=}, a GPX point's {@code " lon="}), which may also follow a line break ({@code 緯度：35.68⏎経度：139.76}).
     */
    private static final String SEP = "(?:" + SP + "*(?:[,，、/／]|%2C)" + SP + "*|" + SP + "+|[\"']?[ 　,，、/／;；&\\t\\r\\n]{0,4}[\"']?"
            + "(?:" + LON_LABELS + ")[\"']?" + SP + "*[:：=]?" + SP + "*[\"']?)";

    private static String decimalSide(int n) {
        return "(?:(?<h" + n + ">" + HEMI + ")" + SP + "?[:：]?" + SP + "?)?"
                + "(?<v" + n + ">[-+−]?" + D + "{1,3}[.．]" + D + "{1,10})"
                + "(?:" + SP + "?" + DEG + ")?"
                + "(?:" + SP + "?(?<t" + n + ">[NSEWＮＳＥＷ])(?![A-Za-zＡ-Ｚａ-ｚ0-9０-９]))?";
    }

    private static String dmsSide(int n) {
        return "(?:(?<h" + n + ">" + HEMI + ")" + SP + "?)?"
                + "(?<d" + n + ">" + D + "{1,3})" + DEG
                + "(?:" + SP + "?(?<m" + n + ">" + D + "{1,2}(?:[.．]" + D + "+)?)" + MIN
                + "(?:" + SP + "?(?<s" + n + ">" + D + "{1,2}(?:[.．]" + D + "+)?)" + SEC + ")?)?"
                + "(?:" + SP + "?(?<t" + n + ">[NSEWＮＳＥＷ])(?![A-Za-zＡ-Ｚａ-ｚ0-9０-９]))?";
    }

    private static final Pattern DECIMAL = Pattern.compile("(?<![0-9０-９.．A-Za-zＡ-Ｚａ-ｚ])" + decimalSide(1) + SEP + decimalSide(2)
            + "(?![0-9０-９]|[.．][0-9０-９])");
    private static final Pattern DMS = Pattern.compile("(?<![0-9０-９.．A-Za-zＡ-Ｚａ-ｚ])" + dmsSide(1) + "(?:" + SEP + ")?" + dmsSide(2)
            + "(?![0-9０-９])");
    private static final Pattern MESH = Pattern.compile("(?<![0-9０-９\\-－.．])(" + D + "{4})(?:[-－]?(" + D + "{2})(?:[-－]?(" + D
            + "{2})(?:[-－]?(" + D + ")(?:[-－]?(" + D + ")(?:[-－]?(" + D + "))?)?)?)?)?(?![0-9０-９])");
    /**
     * A GPS receiver's NMEA sentence (GGA, RMC): latitude as ddmm.mmmm then N or S, longitude as dddmm.mmmm then E or W,
     * comma-separated ({@code 3540.8742,N,13946.0245,E}), as GPS loggers and dashboard cameras write them.
     */
    private static final Pattern NMEA = Pattern.compile("(?<![0-9.])([0-9]{2})([0-9]{2}\\.[0-9]{2,})" + SP + "*," + SP
            + "*([NS])" + SP + "*," + SP + "*([0-9]{3})([0-9]{2}\\.[0-9]{2,})" + SP + "*," + SP + "*([EW])(?![A-Za-z0-9])");
    private static final Pattern ONE_DECIMAL = Pattern.compile(decimalSide(1));
    private static final Pattern ONE_DMS = Pattern.compile(dmsSide(1));

    /** How far before a pair or code a context word counts, and after it. */
    private static final int BEFORE = 30;
    private static final int AFTER = 12;

    private final List<String> coordWords = new ArrayList<>();
    private final List<String> meshWords = new ArrayList<>();
    private final List<String> eventWords = new ArrayList<>();

    LocationRecognizer() {
        for (DataFile.Row r : DataFile.read(LocationRecognizer.class, "location-words.tsv")) {
            (switch (r.field(0)) {
                case "MESH" -> meshWords;
                case "EVENT" -> eventWords;
                default -> coordWords;
            }).add(r.field(1));
        }
    }

    @Override
    public Set<PiiType> types() {
        return Set.of(PiiType.LOCATION);
    }

    @Override
    public void find(String text, ScanContext ctx, List<Finding> out) {
        if (text == null || text.length() < 4 || ctx == null || !ctx.wants(PiiType.LOCATION)) {
            return;
        }
        if (ctx.hinted(PiiType.LOCATION) && acceptCell(text, out)) {
            return;
        }
        int decimals = 0; // digit . digit: a pair needs two
        int degrees = 0; // digit then ° or 度: a 度分秒 pair needs two
        boolean digits = false;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (AddressGrammar.isDigit(text.charAt(i - 1))) {
                digits = true;
                if ((c == '.' || c == '．') && i + 1 < text.length() && AddressGrammar.isDigit(text.charAt(i + 1))) {
                    decimals++;
                } else if (c == '°' || c == '度' || c == 'º' || c == '˚' || c == ' ' && text.startsWith(" deg", i)) {
                    degrees++;
                }
            }
        }
        int before = out.size();
        if (decimals >= 2) {
            scanPairs(text, DECIMAL, true, out);
            scanNmea(text, out, before);
        }
        if (degrees >= 2) {
            scanPairs(text, DMS, false, out);
        }
        if (decimals + degrees >= 2) {
            scanLabelled(text, out, before);
        }
        if (digits) {
            scanMesh(text, ctx, out, before);
            if (text.indexOf("E7") >= 0 || text.indexOf("e7") >= 0) {
                scanE7(text, out, before);
            }
        }
    }

    /** The label of a single latitude or longitude: exiftool's GPS Latitude, a report's GPSLatitudeは「…」, a form's 緯度. */
    private static final Pattern ONE_LABEL = Pattern.compile("(?i)(latitude|longitude|緯度|経度)");

    /**
     * A latitude and a longitude each under its own label, lines apart (exiftool's GPS Latitude : 43 deg 3' 41.28" with
     * GPS Longitude Ref between): each value a finding of its own, when the text labels both. Up to 24 characters of no
     * digit may stand between the label and the value on its line (: , は「, a bracketed unit).
     */
    private static void scanLabelled(String text, List<Finding> out, int from) {
        Matcher l = ONE_LABEL.matcher(text);
        boolean lat = false;
        boolean lon = false;
        while (l.find()) {
            boolean isLat = latitude(l.group(1));
            lat |= isLat;
            lon |= !isLat;
        }
        if (!lat || !lon) {
            return;
        }
        l.reset();
        Matcher dms = ONE_DMS.matcher(text);
        Matcher dec = ONE_DECIMAL.matcher(text);
        List<Finding> found = new ArrayList<>(2);
        boolean latFound = false;
        boolean lonFound = false;
        while (l.find()) {
            boolean isLat = latitude(l.group(1));
            int v = l.end();
            while (v < text.length() && v - l.end() < 24 && text.charAt(v) != '\n' && text.charAt(v) != '。' && !Chars.isDigit(text.charAt(v))) {
                v++;
            }
            if (v >= text.length() || !Chars.isDigit(text.charAt(v))) {
                continue;
            }
            Side side = null;
            int e = -1;
            if (dms.region(v, text.length()).lookingAt() && (side = dmsSide(dms, 1)) != null && side.minutes) {
                e = unitsEnd(text, dms.end(), text.length(), false);
            } else if (dec.region(v, text.length()).lookingAt() && (side = decimalSide(dec, 1)) != null && side.decimals >= 4) {
                e = dec.end();
            }
            if (e > v && Math.abs(side.value) <= (isLat ? 90 : 180) && side.value != 0 && !Finding.overlapsAny(out, from, v, e)
                    && (e >= text.length() || !Chars.isDigit(text.charAt(e)))) {
                found.add(new Finding(PiiType.LOCATION, v, e, 0.9, false, text.substring(v, e)));
                latFound |= isLat;
                lonFound |= !isLat;
            }
        }
        if (latFound && lonFound) { // a latitude with no longitude's value (※経度は記録されていません) is no position
            out.addAll(found);
        }
    }

    /**
     * {@code end} past up to two unit marks after a value's last digits, before {@code limit}: ″ and " of 度分秒, the degree
     * sign of a decimal (whose " is a quote: lat="35.6812").
     */
    private static int unitsEnd(String text, int end, int limit, boolean decimal) {
        String units = decimal ? "°度º˚" : UNITS;
        for (int k = 0; k < 2 && end < limit && units.indexOf(text.charAt(end)) >= 0; k++) {
            end++;
        }
        return end;
    }

    /** Whether a label of {@link #ONE_LABEL} names a latitude (latitude, 緯度), not a longitude. */
    private static boolean latitude(String label) {
        return label.length() == 8 || label.equals("緯度");
    }

    /** A location history's degrees times 10^7 under their field names ("latitudeE7": 335907712, lat_e7=…). */
    private static final Pattern E7 = Pattern.compile("(?i)(lat(?:itude)?|lng|lon(?:gitude)?)_?e7[\"']?" + SP + "*[:=]" + SP
            + "*[\"']?(-?[0-9]{7,10})(?![0-9])");

    private static void scanE7(String text, List<Finding> out, int from) {
        Matcher m = E7.matcher(text);
        while (m.find()) {
            double v = Long.parseLong(m.group(2)) / 1e7;
            boolean lat = Character.toLowerCase(m.group(1).charAt(1)) == 'a';
            if (Math.abs(v) <= (lat ? 90 : 180) && !Finding.overlapsAny(out, from, m.start(2), m.end(2))) {
                out.add(new Finding(PiiType.LOCATION, m.start(2), m.end(2), 0.9, false, m.group(2)));
            }
        }
    }

    private void scanPairs(String text, Pattern p, boolean decimal, List<Finding> out) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            Side a = decimal ? decimalSide(m, 1) : dmsSide(m, 1);
            Side b = decimal ? decimalSide(m, 2) : dmsSide(m, 2);
            if (a == null || b == null) {
                continue;
            }
            double conf = pairConfidence(text, m.start(), m.end(), a, b, decimal);
            if (conf <= 0) {
                continue;
            }
            if (ofEvent(text, m.start())) {
                conf = EVENT_CONFIDENCE;
            }
            int end1 = edge(text, m, 1, decimal, false);
            int start2 = edge(text, m, 2, decimal, true);
            if (LABELLED.matcher(text).region(end1, start2).find() || inHeader(text, m.start(), LON_WORDS)) {
                // 緯度 35.86171⏎経度 139.64552, or a row under 緯度　経度 columns: two values
                out.add(new Finding(PiiType.LOCATION, m.start(), end1, conf, false, text.substring(m.start(), end1)));
                out.add(new Finding(PiiType.LOCATION, start2, m.end(), conf, false, text.substring(start2, m.end())));
            } else {
                out.add(new Finding(PiiType.LOCATION, m.start(), m.end(), conf, false, m.group()));
            }
        }
    }

    /** A natural event's position: kept, under the default --min-confidence (0.4), for a user who asks for it. */
    private static final double EVENT_CONFIDENCE = 0.3;
    /** How far back in its sentence an event word counts (台風8号は9日午前9時現在、北緯24度50分…: 18 characters). */
    private static final int EVENT_BEFORE = 60;

    /**
     * A word of an earthquake's or a storm's position earlier in the sentence of the pair at {@code at} (震源は北緯35.3度、…,
     * 震源地 千葉県北西部（北緯35.6度、…）), within {@link #EVENT_BEFORE} characters.
     */
    private boolean ofEvent(String text, int at) {
        int from = at;
        while (from > 0 && at - from < EVENT_BEFORE && "。\n！？!?".indexOf(text.charAt(from - 1)) < 0) {
            from--;
        }
        for (String w : PERSON_ON_THE_WAY) {
            if (Chars.has(text, w, from, at)) {
                return false; // 台風で避難した山田さんの現在地は35.68…: a person's position in the event's sentence
            }
        }
        return anyIn(text, from, at, eventWords);
    }

    private static final List<String> PERSON_ON_THE_WAY = List.of("さん", "様", "氏", "現在地", "自宅", "位置", "避難");

    private static final List<String> LON_WORDS = List.of("経度", "longitude", "Longitude", "lon", "lng", "LON", "LNG", "Lon", "Lng");

    /** One of {@code words} in the header line of the table whose row holds {@code at} ({@link RowHeadings#headerAbove}). */
    private static boolean inHeader(String text, int at, List<String> words) {
        int ls = at;
        while (ls > 0 && text.charAt(ls - 1) != '\n' && at - ls < 400) {
            ls--;
        }
        int[] h = ls > 0 && text.charAt(ls - 1) == '\n' ? RowHeadings.headerAbove(text, ls, at) : null;
        if (h == null) {
            return false;
        }
        return anyIn(text, h[0], h[1], words);
    }

    /** A longitude's own label between the two sides: then each value is a field of its own, a finding of its own. */
    private static final Pattern LABELLED = Pattern.compile(LON_LABELS);

    private static final String UNITS = "°度º˚′'’分″\"”秒";

    /** Where side {@code n} of the pair starts ({@code start}) or ends: the first or last of its groups that matched. */
    private static int edge(String text, Matcher m, int n, boolean decimal, boolean start) {
        String[] groups = decimal ? new String[] {"h", "v", "t"} : new String[] {"h", "d", "m", "s", "t"};
        int at = start ? Integer.MAX_VALUE : -1;
        for (String g : groups) {
            int i = start ? m.start(g + n) : m.end(g + n);
            if (i >= 0) {
                at = start ? Math.min(at, i) : Math.max(at, i);
            }
        }
        // the unit after the last digits belongs to the value: 35°40′52″ and 北緯 35.6812°, not 35°40′52
        return start ? at : unitsEnd(text, at, m.end(), decimal);
    }

    /** 0 when {@code a, b} is not a coordinate pair; else how sure. */
    private double pairConfidence(String text, int s, int e, Side a, Side b, boolean decimal) {
        boolean marked = a.hemi != 0 || b.hemi != 0;
        Side lat = a;
        Side lon = b;
        if (a.hemi == 'E' || b.hemi == 'N' || !marked && Math.abs(a.value) > 90 && Math.abs(b.value) <= 90) {
            lat = b; // written longitude first: 139.76E 35.68N, GeoJSON's [139.76, 35.68], WKT's POINT(139.76 35.68)
            lon = a;
        }
        if (lat.hemi == 'E' || lon.hemi == 'N' || Math.abs(lat.value) > 90 || Math.abs(lon.value) > 180
                || lat.value == 0 && lon.value == 0) {
            return 0; // 0.000000, 0.000000: a receiver's "no fix"
        }
        if (marked) {
            return 0.95;
        }
        boolean context = near(text, s, e, coordWords);
        if (!decimal) { // degrees with minutes on both sides, no hemisphere: 35°40'52" 139°46'01"
            return a.minutes && b.minutes ? (context ? 0.9 : 0.6) : context ? 0.7 : 0;
        }
        if (context) {
            return 0.9;
        }
        // no word says so: four decimals on a position in and around Japan, or six (a GPS fix) anywhere; not 3.1415, 2.7182
        boolean japan = lat.value >= 20 && lat.value <= 46 && lon.value >= 122 && lon.value <= 154;
        int decimals = Math.min(a.decimals, b.decimals);
        return decimals >= 6 && lat.value >= 1 && lon.value >= 1 || japan && decimals >= 4 ? 0.6 : 0;
    }

    private static void scanNmea(String text, List<Finding> out, int from) {
        if (text.indexOf(",N,") < 0 && text.indexOf(",S,") < 0 && text.indexOf(", N,") < 0 && text.indexOf(", S,") < 0) {
            return;
        }
        Matcher m = NMEA.matcher(text);
        while (m.find()) {
            double lat = Integer.parseInt(m.group(1)) + Double.parseDouble(m.group(2)) / 60;
            double lon = Integer.parseInt(m.group(4)) + Double.parseDouble(m.group(5)) / 60;
            if (Double.parseDouble(m.group(2)) >= 60 || Double.parseDouble(m.group(5)) >= 60 || lat > 90 || lon > 180
                    || Finding.overlapsAny(out, from, m.start(), m.end())) {
                continue;
            }
            // the sentence's fields: the latitude and the longitude each, as a table's cells (the N and E are fields of their own)
            out.add(new Finding(PiiType.LOCATION, m.start(1), m.end(2), 0.9, false, text.substring(m.start(1), m.end(2))));
            out.add(new Finding(PiiType.LOCATION, m.start(4), m.end(5), 0.9, false, text.substring(m.start(4), m.end(5))));
        }
    }

    private void scanMesh(String text, ScanContext ctx, List<Finding> out, int from) {
        if (!containsAny(text, meshWords)) {
            return;
        }
        Matcher m = MESH.matcher(text);
        while (m.find()) {
            if (Finding.overlapsAny(out, from, m.start(), m.end()) || !validMesh(m) || "人件円世帯戸台".indexOf(Chars.at(text, m.end())) >= 0
                    || !near(text, m.start(), m.end(), meshWords) && !inHeader(text, m.start(), meshWords)) {
                continue;
            }
            out.add(new Finding(PiiType.LOCATION, m.start(), m.end(), 0.9, false, m.group()));
        }
    }

    private boolean acceptCell(String text, List<Finding> out) {
        int s = 0;
        int e = text.length();
        while (s < e && (Character.isWhitespace(text.charAt(s)) || text.charAt(s) == '\u3000')) {
            s++;
        }
        while (e > s && (Character.isWhitespace(text.charAt(e - 1)) || text.charAt(e - 1) == '\u3000')) {
            e--;
        }
        if (e - s >= 2 && text.charAt(s) == '"' && text.charAt(e - 1) == '"') {
            s++;
            e--;
        }
        if (e - s < 3 || e - s > 40) {
            return false;
        }
        String cell = text.substring(s, e);
        Matcher m = ONE_DECIMAL.matcher(cell);
        Side side = null;
        if (m.matches()) {
            side = decimalSide(m, 1);
        } else if ((m = ONE_DMS.matcher(cell)).matches()) {
            side = dmsSide(m, 1);
        } else if ((m = MESH.matcher(cell)).matches() && validMesh(m)) {
            out.add(new Finding(PiiType.LOCATION, s, e, 0.9, false, cell));
            return true;
        }
        if (side == null || Math.abs(side.value) > 180) {
            return false;
        }
        out.add(new Finding(PiiType.LOCATION, s, e, 0.9, false, cell));
        return true;
    }

    /** One coordinate: its value in degrees, its hemisphere (N, E or 0 when not written), its decimals. */
    private record Side(double value, char hemi, int decimals, boolean minutes) {
    }

    private static Side decimalSide(Matcher m, int n) {
        char h = hemisphere(m.group("h" + n), m.group("t" + n));
        if (h == '?') {
            return null;
        }
        String v = digits(m.group("v" + n));
        int dot = v.indexOf('.');
        return new Side(Math.abs(Double.parseDouble(v)), h, v.length() - dot - 1, false);
    }

    private static Side dmsSide(Matcher m, int n) {
        char h = hemisphere(m.group("h" + n), m.group("t" + n));
        if (h == '?') {
            return null;
        }
        double d = Double.parseDouble(digits(m.group("d" + n)));
        String min = m.group("m" + n);
        String sec = m.group("s" + n);
        double mm = min == null ? 0 : Double.parseDouble(digits(min));
        double ss = sec == null ? 0 : Double.parseDouble(digits(sec));
        if (mm >= 60 || ss >= 60) {
            return null;
        }
        return new Side(d + mm / 60 + ss / 3600, h, 0, min != null);
    }

    /** N (north or south: a latitude), E (east or west: a longitude), 0 when none is written, ? when both are. */
    private static char hemisphere(String head, String tail) {
        if (head != null && tail != null) {
            return '?';
        }
        String h = head != null ? head : tail;
        if (h == null) {
            return 0;
        }
        return switch (h) {
            case "北緯", "南緯", "N", "S", "Ｎ", "Ｓ" -> 'N';
            default -> 'E';
        };
    }

    /** The digits of a JIS X 0410 mesh code are those the standard's divisions can give. */
    private static boolean validMesh(Matcher m) {
        String first = digits(m.group(1));
        int lat = Integer.parseInt(first.substring(0, 2));
        int lon = Integer.parseInt(first.substring(2));
        if (lat < 30 || lat > 68 || lon < 22 || lon > 54) {
            return false;
        }
        String second = m.group(2);
        if (second != null && (digit(second, 0) > 7 || digit(second, 1) > 7)) {
            return false;
        }
        for (int g = 4; g <= 6; g++) {
            String q = m.group(g);
            if (q != null && (digit(q, 0) < 1 || digit(q, 0) > 4)) {
                return false;
            }
        }
        return true;
    }

    private static int digit(String s, int i) {
        return Character.digit(s.charAt(i), 10);
    }

    /** ASCII digits, '.', '-' for a number written with full-width characters or a minus sign. */
    private static String digits(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '０' && c <= '９') {
                b.append((char) (c - '０' + '0'));
            } else if (c == '．') {
                b.append('.');
            } else if (c == '−') {
                b.append('-');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean near(String text, int s, int e, List<String> words) {
        return anyIn(text, s - BEFORE, e + AFTER, words);
    }

    /** One of {@code words} within [from, to): looked for there only, not through the rest of a long text. */
    private static boolean anyIn(String text, int from, int to, List<String> words) {
        for (String w : words) {
            if (Chars.has(text, w, from, to)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsAny(String text, List<String> words) {
        for (String w : words) {
            if (text.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
