package dev.mamori.report;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Cells of CSV reports made safe to open in a spreadsheet (the OWASP rule against CSV injection): a
 * value starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return, which
 * Excel and LibreOffice would run as a formula, gets a leading apostrophe. Numbers ({@code -12},
 * {@code +81.5}) are left alone so that figures stay figures.
 *
 * <p>For reports only (statistics, exports for people): de-identified data and re-linked data keep
 * their values byte for byte, because the key holder must get back exactly what went in.
 */
public final class CsvCells {

    private CsvCells() {
    }

    /**
     * One row of a CSV report: every cell (header row included) {@linkplain #neutralize neutralised}, quoted by FastCSV
     * where needed, CRLF-terminated; a null cell is empty.
     */
    public static String line(List<String> cells) {
        StringWriter out = new StringWriter(128);
        try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out)) {
            csv.writeRecord(cells.stream().map(c -> neutralize(c == null ? "" : c)).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** The value as a spreadsheet will show it rather than run it; null stays null. */
    public static String neutralize(String v) {
        if (v == null || v.isEmpty()) {
            return v;
        }
        char c = v.charAt(0);
        boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
                || c == '＝' || c == '＋' || c == '－' || c == '＠';
        if (!risky || isNumber(v)) {
            return v;
        }
        return "'" + v;
    }

    private static boolean isNumber(String v) {
        int i = v.charAt(0) == '+' || v.charAt(0) == '-' ? 1 : 0;
        if (i == v.length()) {
            return false;
        }
        boolean digit = false;
        boolean dot = false;
        for (; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return false;
            }
        }
        return digit;
    }
}
