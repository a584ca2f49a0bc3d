package dev.mamori.table;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.util.Limits;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads delimited text with FastCSV. The first record is the header; empty lines are skipped;
 * quoted fields may span lines. A field or record past FastCSV's limits stops the file with one
 * problem naming the line (FastCSV cannot resynchronise after it).
 */
final class CsvTableReader {

    /** Largest field, in chars, unless the user set -Dfastcsv.max.field.size (records: 4 × that). */
    private static final int MAX_FIELD_CHARS = 4 * 1024 * 1024;

    static {
        // FastCSV reads its limits from system properties once, when first used; keep the heap bounded.
        // If FastCSV's reader was used before this class, its own (larger, still bounded) default holds.
        if (System.getProperty("fastcsv.max.field.size") == null) {
            System.setProperty("fastcsv.max.field.size", Integer.toString(MAX_FIELD_CHARS));
        }
    }

    /** The field limit in force. */
    static int maxFieldChars() {
        return Limits.MAX_FIELD_SIZE;
    }

    private static final Pattern LINE = Pattern.compile("line (\\d+)");
    private static final Pattern BUFFER = Pattern.compile("maximum buffer size of (\\d+) is insufficient");

    private CsvTableReader() {
    }

    /** Reads all records; returns the number of data rows delivered. */
    static long read(Reader in, char delimiter, boolean headerRow, DocumentVisitor v, Problems problems)
            throws IOException {
        return read(in, delimiter, headerRow ? HEADER : NO_HEADER, 1, 1, v, problems);
    }

    /** {@code width} when the first record is the header. */
    static final int HEADER = -1;
    /** {@code width} when the table has no header row: an empty header is announced. */
    static final int NO_HEADER = -2;

    /**
     * Reads records as data rows numbered from {@code firstRow}, the first record starting at line
     * {@code firstLine}. {@code width} is {@link #HEADER} when the first record is the header (it is
     * passed to {@link DocumentVisitor#table}), {@link #NO_HEADER} when there is none, else the width of
     * a header already announced (a block cut from the middle of a table): rows are padded to it.
     */
    static long read(Reader in, char delimiter, int width, long firstRow, long firstLine, DocumentVisitor v,
                     Problems problems) throws IOException {
        CsvReader<CsvRecord> csv = CsvReader.builder()
                .fieldSeparator(delimiter)
                .skipEmptyLines(true)
                .ignoreDifferentFieldCount(true)
                .detectBomHeader(false)
                .ofCsvRecord(in);
        long rows = 0;
        long lastLine = firstLine - 1;
        boolean headerPending = width == HEADER;
        int w = Math.max(width, 0);
        if (width == NO_HEADER) {
            v.table(null, List.of());
        }
        try (CloseableIterator<CsvRecord> it = csv.iterator()) {
            while (it.hasNext()) {
                CsvRecord r = it.next();
                lastLine = firstLine - 1 + r.getStartingLineNumber();
                if (headerPending) {
                    headerPending = false;
                    w = r.getFieldCount();
                    v.table(null, List.copyOf(r.getFields()));
                    continue;
                }
                v.row(firstRow + rows++, lastLine, cells(r, w));
            }
        } catch (CsvParseException e) {
            long line = firstLine - 1 + lineOf(e, lastLine - firstLine + 2);
            problems.report(-1, line, "record starting at line " + line + " cannot be read ("
                    + cause(e) + "); stopped reading this file");
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return rows;
    }

    private static List<String> cells(CsvRecord r, int width) {
        int n = r.getFieldCount();
        if (n >= width) {
            return r.getFields();
        }
        String[] padded = Arrays.copyOf(r.getFields().toArray(new String[0]), width);
        return Arrays.asList(padded);
    }

    private static long lineOf(RuntimeException e, long fallback) {
        Matcher m = LINE.matcher(String.valueOf(e.getMessage()));
        return m.find() ? Long.parseLong(m.group(1)) : fallback;
    }

    private static String cause(Throwable e) {
        String m = String.valueOf(rootMessage(e));
        Matcher buffer = BUFFER.matcher(m);
        return buffer.find() ? "a field is longer than " + buffer.group(1) + " chars; is a quote never closed?" : m;
    }

    private static String rootMessage(Throwable e) {
        List<Throwable> seen = new ArrayList<>();
        Throwable t = e;
        while (t.getCause() != null && !seen.contains(t.getCause())) {
            seen.add(t);
            t = t.getCause();
        }
        return t.getMessage();
    }
}
