package dev.mamori.table;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses a {@link Block} of CSV on its bytes: cell boundaries are found on the bytes and each cell is
 * decoded on its own, straight into a {@code String}, with no decoder loop over the whole block and no
 * char-level parser. Written by hand because FastCSV (which reads everything else) parses chars: in a
 * JFR profile of a scan of a dense UTF-8 CSV, the decoder and FastCSV took a third of the time.
 *
 * <p>It reads only what it reads exactly as the FastCSV path does — the common case: LF or CRLF line
 * ends, quotes that open a field and close it before a delimiter or line end, "" inside, every byte
 * valid in the charset. On anything else (a lone CR, a quote inside an unquoted field or after a
 * closing quote, a quote never closed, undecodable bytes, a U+FFFD in the text, FastCSV's limits) it
 * returns -1 before delivering anything, and the block is read by the FastCSV path, which
 * reports the problem with its place. {@code ByteCsvTest} compares the two paths on random inputs.
 *
 * <p>Valid for charsets in which the bytes of LF, CR, the quote and the delimiter never occur inside a
 * multi-byte character: UTF-8, CP932 (Shift_JIS) and EUC-JP ({@link #reads}). {@link #readBytes} hands a well-formed
 * UTF-8 block's cells over as byte ranges instead, for a reader that decodes only the cells it needs.
 */
final class ByteCsv {

    private ByteCsv() {
    }

    /** True for the charsets this class decodes cell by cell. */
    static boolean reads(Charset cs) {
        String n = cs.name();
        return cs.equals(StandardCharsets.UTF_8) || n.equals("windows-31j") || n.equals("Shift_JIS") || n.equals("EUC-JP");
    }

    /**
     * Parses the whole block and delivers its rows, numbered from {@code firstRow}, to {@code v}; returns how many, or -1
     * (having delivered nothing) when the FastCSV path must read the block. {@code firstLine} is the line the block
     * starts on, {@code width} the header's (rows with fewer fields are padded to it with nulls, as
     * {@link CsvTableReader} pads them).
     */
    static long read(byte[] b, Charset cs, char delimiter, int width, long firstRow, long firstLine, DocumentVisitor v) {
        return read(b, cs, delimiter, width, firstRow, firstLine, v, null);
    }

    /**
     * {@link #read(byte[], Charset, char, int, long, long, DocumentVisitor)}; in UTF-8, a cell {@code skip} names (its
     * bytes valid UTF-8, no U+FFFD or escaped quote in it, and not blank: what decoding it would have accepted) is
     * delivered as {@link CellSkip#SKIPPED}, undecoded.
     */
    static long read(byte[] b, Charset cs, char delimiter, int width, long firstRow, long firstLine, DocumentVisitor v, CellSkip skip) {
        Fields f = Fields.parse(b, delimiter);
        if (f == null) {
            return -1;
        }
        boolean utf8 = cs.equals(StandardCharsets.UTF_8);
        if (!utf8) {
            skip = null;
        }
        List<List<String>> rows = new ArrayList<>(f.records);
        for (int r = 0; r < f.records; r++) {
            int from = f.first[r];
            int nf = f.first[r + 1] - from;
            String[] row = new String[Math.max(nf, width)];
            for (int k = 0; k < nf; k++) {
                int s = f.start[from + k];
                int e = f.end[from + k];
                if (skip != null && !f.escaped(from + k) && skip.skip(b, s, e) && skippable(b, s, e) && Utf8.valid(b, s, e)) {
                    row[k] = CellSkip.SKIPPED;
                    continue;
                }
                String value = decode(b, s, e, cs, utf8);
                if (value == null) {
                    return -1;
                }
                row[k] = f.escaped(from + k) ? value.replace("\"\"", "\"") : value;
            }
            rows.add(Arrays.asList(row));
        }
        for (int r = 0; r < rows.size(); r++) {
            v.row(firstRow + r, firstLine + f.line[r], rows.get(r));
        }
        return rows.size();
    }

    /**
     * True when a cell of valid UTF-8 may be left undecoded: it surely holds a character that is not whitespace
     * ({@link String#isBlank} would say false: a printable ASCII character, or one from U+3041 up), and no U+FFFD (which
     * sends the block to FastCSV, as {@link #decode} does). Cells of blanks, controls or other rare characters are
     * decoded instead.
     */
    private static boolean skippable(byte[] b, int from, int to) {
        boolean nonBlank = false;
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xff;
            if (c == 0xef && i + 2 < to && (b[i + 1] & 0xff) == 0xbf && (b[i + 2] & 0xff) == 0xbd) {
                return false;
            }
            nonBlank |= c > 0x20 && c < 0x7f || c >= 0xe4 && c <= 0xef || c == 0xe3 && i + 1 < to && (b[i + 1] & 0xff) >= 0x81;
        }
        return nonBlank;
    }

    /**
     * Parses the whole block of valid UTF-8 and hands each row to {@code sink} as byte ranges of the block, undecoded;
     * returns how many rows, or -1 (having delivered nothing) when the block is not valid UTF-8, holds a field with an
     * escaped quote, or anything {@link #read} leaves to FastCSV: then read it with {@link #read}.
     */
    static long readBytes(byte[] b, char delimiter, long firstRow, long firstLine, ByteRows sink) {
        Fields f = Fields.parse(b, delimiter);
        if (f == null || f.anyEscaped || !Utf8.valid(b)) {
            return -1;
        }
        for (int r = 0; r < f.records; r++) {
            sink.row(firstRow + r, firstLine + f.line[r], b, f.start, f.end, f.first[r], f.first[r + 1] - f.first[r]);
        }
        return f.records;
    }

    /** The fields of a block: record r has fields first[r] to first[r + 1] - 1, each bytes [start, end) of the block. */
    private static final class Fields {
        int records;
        int fields;
        int[] first = new int[65];
        long[] line = new long[64];
        int[] start = new int[512];
        int[] end = new int[512];
        long[] escapedBits = new long[8];
        boolean anyEscaped;

        boolean escaped(int field) {
            return (escapedBits[field >>> 6] & 1L << field) != 0;
        }

        private void field(int from, int to, boolean escaped) {
            if (fields == start.length) {
                start = Arrays.copyOf(start, fields * 2);
                end = Arrays.copyOf(end, fields * 2);
                escapedBits = Arrays.copyOf(escapedBits, start.length / 64 + 1);
            }
            start[fields] = from;
            end[fields] = to;
            if (escaped) {
                escapedBits[fields >>> 6] |= 1L << fields;
                anyEscaped = true;
            }
            fields++;
        }

        private void record(long at) {
            if (records == line.length) {
                line = Arrays.copyOf(line, records * 2);
                first = Arrays.copyOf(first, records * 2 + 1);
            }
            line[records++] = at;
            first[records] = fields;
        }

        /** The block's fields, or null when it holds something only FastCSV reads. */
        static Fields parse(byte[] b, char delimiter) {
            if (b.length > CsvTableReader.maxFieldChars() || delimiter > 0x7F || delimiter == '"' || delimiter == '\r'
                    || delimiter == '\n') {
                return null;
            }
            Fields f = new Fields();
            Parser p = new Parser(b, (byte) delimiter, f);
            while (p.i < b.length) {
                if (!p.record()) {
                    return null;
                }
            }
            return f;
        }
    }

    /**
     * Walks a block record by record and field by field, in small methods (one large loop took the JIT a second to
     * compile, and ran slowly until then). Each method returns false on what only FastCSV reads.
     */
    private static final class Parser {
        private final byte[] b;
        private final int n;
        private final byte d;
        private final Fields f;
        int i;
        private long line;

        Parser(byte[] b, byte d, Fields f) {
            this.b = b;
            this.n = b.length;
            this.d = d;
            this.f = f;
        }

        /** A record (or an empty line, which FastCSV skips) starting at i. */
        boolean record() {
            long recordLine = line;
            if (emptyLine(b, i, n)) {
                i = next(b, i, n);
                line++;
                return true;
            }
            int nf = 0;
            while (true) {
                if (!(i < n && b[i] == '"' ? quoted() : plain()) || ++nf > CsvTableReader.MAX_FIELDS) {
                    return false;
                }
                if (i < n && b[i] == d) {
                    i++;
                    continue;
                }
                break; // line end or end of block
            }
            if (i < n) {
                i = next(b, i, n);
                line++;
            }
            f.record(recordLine);
            return true;
        }

        /** A quoted field: closed, "" inside, then a delimiter or a line end. */
        private boolean quoted() {
            int j = i + 1;
            boolean escaped = false;
            while (true) {
                if (j >= n) {
                    return false; // never closed
                }
                byte c = b[j];
                if (c == '"') {
                    if (j + 1 < n && b[j + 1] == '"') {
                        escaped = true;
                        j += 2;
                        continue;
                    }
                    break;
                }
                if (c == '\r') {
                    return false;
                }
                if (c == '\n') {
                    line++;
                }
                j++;
            }
            f.field(i + 1, j, escaped);
            i = j + 1;
            return i >= n || b[i] == d || b[i] == '\n' || b[i] == '\r' && (i + 1 == n || b[i + 1] == '\n');
        }

        /** An unquoted field: to a delimiter or a line end; no quote, no lone CR. */
        private boolean plain() {
            int j = i;
            while (j < n) {
                byte c = b[j];
                if (c == d || c == '\n') {
                    break;
                }
                if (c == '"') {
                    return false;
                }
                if (c == '\r') {
                    if (j + 1 == n || b[j + 1] == '\n') {
                        break;
                    }
                    return false; // a lone CR: FastCSV ends a line there
                }
                j++;
            }
            f.field(i, j, false);
            i = j;
            return true;
        }
    }

    /** True when the line starting at i has no character: an LF, a CRLF or a final CR is there. */
    private static boolean emptyLine(byte[] b, int i, int n) {
        return b[i] == '\n' || b[i] == '\r' && (i + 1 == n || b[i + 1] == '\n');
    }

    /** Past the line end at i (LF, CRLF, or a final CR). */
    private static int next(byte[] b, int i, int n) {
        return b[i] == '\r' ? Math.min(n, i + 2) : i + 1;
    }

    /** The cell's text, or null when a byte does not decode (or the text holds U+FFFD: the strict decoder decides). */
    private static String decode(byte[] b, int from, int to, Charset cs, boolean utf8) {
        if (from == to) {
            return "";
        }
        if (utf8) {
            String s = new String(b, from, to - from, StandardCharsets.UTF_8);
            return s.indexOf('\uFFFD') < 0 ? s : null;
        }
        for (int k = from; k < to; k++) {
            if (b[k] < 0) {
                String s = new String(b, from, to - from, cs);
                return s.indexOf('\uFFFD') < 0 ? s : null;
            }
        }
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1); // ASCII: the same chars in these charsets
    }
}
