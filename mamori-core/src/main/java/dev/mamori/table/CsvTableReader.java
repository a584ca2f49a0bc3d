package dev.mamori.table;

import dev.mamori.report.Message;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.util.Limits;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads delimited text with FastCSV. The first record is the header unless told otherwise; empty
 * lines are skipped; quoted fields may span lines. A record FastCSV cannot read (a field over
 * {@link #maxFieldChars()} chars, more than {@link #MAX_FIELDS} fields, a quote never closed) is
 * reported as unread, its lines are delivered as plain text (so what they hold is still scanned, with
 * line numbers), and the table goes on with the next record: FastCSV cannot resynchronise, this class
 * can, because it follows the quotes to the record's end ({@link RecordText}) and starts a new parser
 * there. A quote that is never closed makes the rest of the file that one record, read as text.
 */
final class CsvTableReader {

    /** Largest field, in chars, unless the user set -Dfastcsv.max.field.size (records: 4 × that). */
    private static final int MAX_FIELD_CHARS = 4 * 1024 * 1024;

    static {
        // FastCSV reads its limits from system properties once, when first used; keep the heap bounded.
        // Every FastCSV reader in this package is built through builder(), so this runs first.
        if (System.getProperty("fastcsv.max.field.size") == null) {
            System.setProperty("fastcsv.max.field.size", Integer.toString(MAX_FIELD_CHARS));
        }
    }

    /** Most fields in a record (FastCSV's limit, as in Excel: 16,384 columns). */
    static final int MAX_FIELDS = 16_384;

    /** The field limit in force. */
    static int maxFieldChars() {
        return Limits.MAX_FIELD_SIZE;
    }

    /** The one way this package builds a FastCSV reader (so that the limits above are set first). */
    static CsvReader.CsvReaderBuilder builder(char delimiter) {
        return CsvReader.builder()
                .fieldSeparator(delimiter)
                .skipEmptyLines(true)
                .ignoreDifferentFieldCount(true)
                .detectBomHeader(false);
    }

    private static final Pattern LINE = Pattern.compile("line (\\d+)");
    private static final Pattern BUFFER = Pattern.compile("maximum buffer size of (\\d+) is insufficient");
    private static final Pattern FIELDS = Pattern.compile("Maximum number of fields exceeded: (\\d+)");
    private static final Pattern RECORD = Pattern.compile("has surpassed the maximum limit of (\\d+) characters");

    /** {@code width} when the first record is the header. */
    static final int HEADER = -1;
    /** {@code width} when the table has no header row: columns are named {@code 列1}… after the first record. */
    static final int NO_HEADER = -2;

    private final char delimiter;
    private final DocumentVisitor v;
    private final Problems problems;
    private boolean headerPending;
    private boolean namesPending;
    /** Title lines still to come before the header (or the first row), and the width of the table they make. */
    private int titlesPending;
    private final int titleWidth;
    private boolean titlesOpen;
    private int width;
    private long nextRow;
    private long records;

    private CsvTableReader(char delimiter, int width, long firstRow, int titles, int titleWidth, DocumentVisitor v, Problems problems) {
        this.titlesPending = titles;
        this.titleWidth = titleWidth;
        this.delimiter = delimiter;
        this.v = v;
        this.problems = problems;
        this.headerPending = width == HEADER;
        this.namesPending = width == NO_HEADER;
        this.width = Math.max(width, 0);
        this.nextRow = firstRow;
    }

    /** Reads all records, the first being the header if {@code headerRow}; returns the number of data records. */
    static long read(Reader in, char delimiter, boolean headerRow, DocumentVisitor v, Problems problems)
            throws IOException {
        return read(in, delimiter, headerRow, 0, 0, v, problems);
    }

    /**
     * Reads all records: first {@code titles} title lines (a table of their own, {@code titleWidth} columns named 列1…;
     * see {@link HeaderSniffer#preamble}), then the header if {@code headerRow}, then the data; returns the number of
     * records delivered as rows, title lines included.
     */
    static long read(Reader in, char delimiter, boolean headerRow, int titles, int titleWidth, DocumentVisitor v,
                     Problems problems) throws IOException {
        return read(in, delimiter, headerRow ? HEADER : NO_HEADER, 1, 1, titles, titleWidth, v, problems);
    }

    /**
     * Reads records as data rows numbered from {@code firstRow}, the first record starting at line
     * {@code firstLine}. {@code width} is {@link #HEADER} when the first record is the header (it is
     * passed to {@link DocumentVisitor#table}), {@link #NO_HEADER} when there is none, else the width of
     * a header already announced (a block cut from the middle of a table): rows are padded to it.
     * Returns the number of data records, those read as text included (each keeps its row number).
     */
    static long read(Reader in, char delimiter, int width, long firstRow, long firstLine, DocumentVisitor v,
                     Problems problems) throws IOException {
        return read(in, delimiter, width, firstRow, firstLine, 0, 0, v, problems);
    }

    private static long read(Reader in, char delimiter, int width, long firstRow, long firstLine, int titles, int titleWidth,
                             DocumentVisitor v, Problems problems) throws IOException {
        CsvTableReader r = new CsvTableReader(delimiter, width, firstRow, titles, titleWidth, v, problems);
        Reader rest = in;
        long line = firstLine;
        while (rest != null) {
            long next = r.parse(rest, line);
            if (next < 0) {
                break;
            }
            // parse() stopped at a record it could not read; it left the input at the record's start
            rest = r.resume;
            line = next;
        }
        return r.records;
    }

    private Reader resume;

    /**
     * Parses from {@code in}, whose first char starts line {@code firstLine}, to the end (returns -1),
     * or up to a record FastCSV cannot read: reads that record as text and returns the line after it,
     * with {@link #resume} holding the input after the record.
     */
    private long parse(Reader in, long firstLine) throws IOException {
        QuoteTracker quotes = new QuoteTracker(in, delimiter);
        Rewind src = new Rewind(quotes);
        long failedAt;
        Message cause;
        try (CloseableIterator<CsvRecord> it = builder(delimiter).ofCsvRecord(src).iterator()) {
            while (it.hasNext()) {
                CsvRecord r = it.next();
                src.release(r.getStartingLineNumber());
                accept(r.getFields(), firstLine - 1 + r.getStartingLineNumber());
            }
            long open = quotes.unclosedQuoteLine();
            if (open > 0) { // FastCSV ended the field at the end of input: say so, with the lines it took
                long from = firstLine - 1 + open;
                long to = firstLine - 1 + quotes.lastLine();
                problems.report(-1, from, new Message(from + " 行目で開いた引用符が閉じられていません。" + to
                        + " 行目までを一つの項目として読みました（行が失われているかもしれません）", "a quote opened on line " + from
                        + " is never closed; lines " + from + " to " + to + " were read as one field (rows may be missing)"));
            }
            return -1;
        } catch (CsvParseException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Error err) {
                    throw err; // FastCSV wraps anything, out of memory included
                }
            }
            failedAt = lineOf(e);
            cause = cause(e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        long line = firstLine - 1 + failedAt;
        boolean header = headerPending && titlesPending == 0;
        String whatJa = header ? "見出しのレコード" : "レコード " + nextRow;
        String whatEn = header ? "the header record" : "record " + nextRow;
        problems.unread(-1, line, cause.after(whatJa + "（" + line + " 行目から）は表の行として読めません（", whatEn + " (starting at line "
                + line + ") cannot be read as a table row (").plus("）。その行はテキストとして読みます", "); its lines are read as plain text"));
        PushbackReader pb = new PushbackReader(src.from(failedAt), RecordText.PUSHBACK);
        long lines = LineScanner.scan(new RecordText(pb, delimiter), new TextChunks(v, line), line);
        if (titlesPending > 0) {
            titlesPending--;
            nextRow++;
            records++;
        } else if (headerPending) {
            headerPending = false;
            namesPending = true; // no usable header: the columns get names of their own
        } else {
            nextRow++;
            records++;
        }
        resume = pb;
        return line + Math.max(1, lines);
    }

    private void accept(List<String> fields, long line) {
        if (titlesPending > 0) {
            titlesPending--;
            if (!titlesOpen) {
                titlesOpen = true;
                v.table(null, HeaderSniffer.names(titleWidth));
            }
            records++;
            v.row(nextRow++, line, cells(fields, titleWidth));
            return;
        }
        if (headerPending) {
            headerPending = false;
            width = fields.size();
            v.table(null, List.copyOf(fields));
            return;
        }
        if (namesPending) {
            namesPending = false;
            width = fields.size();
            v.table(null, HeaderSniffer.names(width));
        }
        records++;
        v.row(nextRow++, line, cells(fields, width));
    }

    /** The fields, padded with nulls to {@code width}. */
    static List<String> cells(List<String> fields, int width) {
        if (fields.size() >= width) {
            return fields;
        }
        return Arrays.asList(Arrays.copyOf(fields.toArray(new String[0]), width));
    }

    /** The failing record's line, relative to the parser's first line (FastCSV: "first record" is line 1). */
    private static long lineOf(RuntimeException e) {
        Matcher m = LINE.matcher(String.valueOf(e.getMessage()));
        return m.find() ? Long.parseLong(m.group(1)) : 1;
    }

    /** Why FastCSV gave up, for people; FastCSV's messages name limits and lines, never content. */
    private static Message cause(Throwable e) {
        String m = String.valueOf(rootMessage(e));
        Matcher buffer = BUFFER.matcher(m);
        if (buffer.find()) {
            return new Message(buffer.group(1) + " 文字を超える項目があります。引用符が閉じていないのでは?",
                    "a field is longer than " + buffer.group(1) + " chars; is a quote never closed?");
        }
        Matcher fields = FIELDS.matcher(m);
        if (fields.find()) {
            return new Message("項目が " + fields.group(1) + " 個を超えています", "more than " + fields.group(1) + " fields");
        }
        Matcher record = RECORD.matcher(m);
        if (record.find()) {
            return new Message("レコードが " + record.group(1) + " 文字を超えています", "the record is longer than " + record.group(1) + " chars");
        }
        return new Message("CSV として正しくありません", "not valid CSV");
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
