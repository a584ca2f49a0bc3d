package dev.mamori.table;

import java.util.Locale;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.NumberToTextConverter;

/**
 * Formats cell values as a Japanese Excel shows them, with two changes that keep data intact:
 * numbers in the General format are written in full (a 12-digit My Number stays 12 digits, not
 * 1.23457E+11), and the locale-dependent short date formats use the Japanese order (2024/1/15).
 */
final class ShownValues extends DataFormatter {

    ShownValues() {
        super(Locale.JAPAN);
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
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
}
