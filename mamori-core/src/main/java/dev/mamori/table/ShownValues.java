package dev.mamori.table;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.NumberToTextConverter;

/**
 * Formats cell values as a Japanese Excel shows them, with changes that keep data intact: numbers in the General format
 * are written in full (a 12-digit My Number stays 12 digits, not 1.23457E+11); the locale-dependent short date formats
 * use the Japanese order (2024/1/15); and dates in Japanese formats, which POI's formatter does not know, are written as
 * a date: 和暦 with its era ({@code ggge"年"m"月"d"日"}, {@code ge.m.d}, the built-in formats 27–29, 36, 50, 51, 54, 57 and 58
 * of a Japanese Excel) as 昭和60年4月11日, others with 年月日 ({@code yyyy"年"m"月"d"日"}, the built-in 30, 31, 34, 35, 52, 53,
 * 55 and 56, which a Japanese Excel writes without their format) as 1985/4/11, or as the parts the format shows
 * (1985年4月, 4月11日). POI would give the serial number (31148), the format's quotes ({@code 1985"年"4"月"}) or
 * {@code reserved-0x1F}, and a date of birth would not be found.
 */
final class ShownValues extends DataFormatter {

    /** Built-in format ids of a Japanese Excel that show 和暦, and those that show a 西暦 date. */
    private static final Set<Integer> ERA_IDS = Set.of(27, 28, 29, 36, 50, 51, 54, 57, 58);
    private static final Set<Integer> DATE_IDS = Set.of(30, 31, 34, 35, 52, 53, 55, 56);

    ShownValues() {
        super(Locale.JAPAN);
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
        Boolean era = japaneseDate(formatIndex, formatString);
        if (era != null && DateUtil.isValidExcelDate(value) && value < 2_958_466) { // up to 9999-12-31
            LocalDate d = DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate();
            String wareki = era ? wareki(d) : null;
            return wareki != null ? wareki : shown(d, formatIndex, formatString);
        }
        if (formatString == null || formatIndex == 0 || "General".equalsIgnoreCase(formatString)) {
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            return NumberToTextConverter.toText(value);
        }
        if (formatIndex == 14) {
            return super.formatRawCellContents(value, formatIndex, "yyyy/m/d", use1904Windowing);
        }
        if (formatIndex == 22) {
            return super.formatRawCellContents(value, formatIndex, "yyyy/m/d h:mm", use1904Windowing);
        }
        return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
    }

    /**
     * True for a format showing 和暦, false for another Japanese date format POI does not render, null for any other
     * format (POI's formatter renders it).
     */
    static Boolean japaneseDate(int formatIndex, String formatString) {
        if (formatIndex == 0 || "General".equalsIgnoreCase(formatString)) {
            return null;
        }
        boolean builtIn = formatString == null || formatString.startsWith("reserved-");
        if (builtIn) {
            return ERA_IDS.contains(formatIndex) ? Boolean.TRUE : DATE_IDS.contains(formatIndex) ? Boolean.FALSE : null;
        }
        String codes = codes(formatString);
        if (codes.matches(".*[0#?@].*")) {
            return null; // a number's or a text's format (0.00E+00 has an e too)
        }
        boolean date = codes.matches(".*[ymd].*");
        if (codes.matches(".*[ge].*") && date) {
            return Boolean.TRUE;
        }
        boolean kanji = formatString.contains("年") || formatString.contains("月") || formatString.contains("日");
        return date && kanji ? Boolean.FALSE : null;
    }

    /** Built-in formats of a year and month, and of a month and day (yyyy"年"m"月", m"月"d"日"). */
    private static final Set<Integer> YEAR_MONTH_IDS = Set.of(34, 52, 55);
    private static final Set<Integer> MONTH_DAY_IDS = Set.of(35, 53, 56);

    /**
     * A date as the format shows its parts: 1985/4/11, or 1985年4月 for a year and month, or 4月11日 for a month and day
     * (not taken for a full date: a birthday without its year is not a date of birth).
     */
    private static String shown(LocalDate d, int formatIndex, String formatString) {
        String codes = formatString == null || formatString.startsWith("reserved-") ? null : codes(formatString);
        boolean year = codes == null ? !MONTH_DAY_IDS.contains(formatIndex) : codes.contains("y");
        boolean day = codes == null ? !YEAR_MONTH_IDS.contains(formatIndex) : codes.contains("d");
        if (!year) {
            return d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
        }
        if (!day) {
            return d.getYear() + "年" + d.getMonthValue() + "月";
        }
        return d.getYear() + "/" + d.getMonthValue() + "/" + d.getDayOfMonth();
    }

    /** A format's codes, without its quoted and escaped literals and its [..] sections ([$-411], [DBNum3], colours). */
    private static String codes(String formatString) {
        String codes = formatString.replaceAll("\"[^\"]*\"|\\\\.|\\[[^]]*]", " ").toLowerCase(Locale.ROOT);
        return codes.contains(";") ? codes.substring(0, codes.indexOf(';')) : codes;
    }

    /** 昭和60年4月11日; null before Meiji. */
    private static String wareki(LocalDate d) {
        try {
            JapaneseDate j = JapaneseDate.from(d);
            return j.getEra().getDisplayName(TextStyle.FULL, Locale.JAPAN) + j.get(ChronoField.YEAR_OF_ERA) + "年"
                    + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
        } catch (DateTimeException e) {
            return null;
        }
    }
}
