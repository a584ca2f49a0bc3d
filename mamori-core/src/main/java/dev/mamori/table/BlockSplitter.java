package dev.mamori.table;

import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cuts a CSV or plain-text input into {@link Block}s at record boundaries, reading its bytes once.
 * A boundary is a line feed outside quotes: in UTF-8, CP932 and EUC-JP the byte 0x0A only ever
 * stands for LF, and the quote 0x22 only for '"'. Quotes are followed the way FastCSV reads them
 * ({@link Quotes}), and the records counted the way it counts them (lines with no character are
 * skipped), so rows get their numbers here, before any block is parsed. A record longer than {@link #MAX_BLOCK} ends the cutting: the rest of
 * the input is then read sequentially, in bounded memory, into the whole-input visitor.
 */
final class BlockSplitter {

    /**
     * 64 KiB: what a block makes when it is scanned (strings, findings, lines) stays in a core's cache; 256 KiB was 5-15 %
     * slower for the scan. De-identification, whose blocks' counts are merged one by one, asks for larger ones.
     */
    static final int BLOCK = 1 << 16;
    static final int MAX_BLOCK = 8 << 20;

    private static final int FIELD_START = Quotes.FIELD_START;
    private static final int UNQUOTED = Quotes.UNQUOTED;
    private static final int QUOTED = Quotes.QUOTED;

    private final String name;
    private final Format format;
    private final Charset charset;
    private final char delimiter;
    private final byte delim;
    private final AtomicLong decodeErrors = new AtomicLong();

    // scanning state, over the whole input
    private int state = FIELD_START;
    private boolean content; // the current record has a character other than CR
    private long lines;      // line feeds seen
    private long records;    // non-empty records completed
    // snapshot at the last boundary found in the buffer
    private int cut;
    private long linesAtCut;
    private long recordsAtCut;

    private final int block;

    private BlockSplitter(String name, Format format, Charset charset, char delimiter, int block) {
        this.block = block;
        this.name = name;
        this.format = format;
        this.charset = charset;
        this.delimiter = delimiter;
        this.delim = (byte) delimiter;
    }

    /** True when {@link #read} can cut this input: CSV or text, an ASCII-compatible charset, LF line ends. */
    static boolean canCut(Format format, Head head, Head.Encoding enc) {
        if ((format != Format.CSV && format != Format.TEXT) || head.complete) {
            return false;
        }
        String cs = enc.charset().name();
        if (cs.startsWith("UTF-16") || cs.startsWith("UTF-32")) {
            return false;
        }
        for (int i = 0; i + 1 < head.length; i++) {
            if (head.bytes[i] == '\r' && head.bytes[i + 1] != '\n') {
                return false; // old Mac line ends: FastCSV and the line scanner split there, we would not
            }
        }
        return true;
    }

    /**
     * Cuts {@code head} and the rest of its stream into blocks. For CSV, {@code verdict} is what the head says of the
     * first records: title lines above the table (delivered to {@code whole} as rows of a table of their own, their
     * records skipped here), then the header when {@code headerRow}, else the first record, whose width names the columns.
     */
    static ReadSummary read(Head head, Head.Encoding enc, Format format, char delimiter, boolean headerRow,
                            HeaderSniffer.Verdict verdict, String name, DocumentVisitor whole, Block.Sink sink, int block)
            throws IOException {
        return new BlockSplitter(name, format, enc.charset(), delimiter, block).run(head, enc, headerRow, verdict, whole, sink);
    }

    private ReadSummary run(Head head, Head.Encoding enc, boolean headerRow, HeaderSniffer.Verdict verdict, DocumentVisitor whole,
                            Block.Sink sink) throws IOException {
        InputStream in = head.stream(enc.bomLength());
        long offset = enc.bomLength(); // of buf[0] in the input
        byte[] buf = new byte[block];
        int len = in.readNBytes(buf, 0, buf.length);
        boolean eof = len < buf.length;
        int width = 0;
        long firstRow = 1;
        int titles = format == Format.CSV ? verdict.titles().size() : 0;
        int skip = 0; // bytes of the title lines: records of the head, which a block holds
        for (int i = 0; i < titles; i++) {
            int end = headerEnd(buf, skip, len);
            if (end < 0) {
                titles = 0; // cannot be, the head held them whole; read them as the table's first records
                skip = 0;
                break;
            }
            skip = end;
        }
        if (titles > 0) {
            whole.table(null, HeaderSniffer.names(verdict.titleWidth()));
            for (int i = 0; i < titles; i++) {
                whole.row(firstRow++, verdict.titleLines().get(i), CsvTableReader.cells(verdict.titles().get(i), verdict.titleWidth()));
            }
            lines = DecodingReader.countLf(buf, 0, skip);
            records = titles; // rows are numbered on after them
            System.arraycopy(buf, skip, buf, 0, len - skip);
            offset += skip;
            len -= skip;
        }
        if (format == Format.CSV && headerRow) {
            int end;
            while ((end = headerEnd(buf, 0, len)) < 0 && !eof && buf.length < MAX_BLOCK) {
                buf = Arrays.copyOf(buf, buf.length * 2);
                int n = in.readNBytes(buf, len, buf.length - len);
                len += n;
                eof = len < buf.length;
            }
            List<String> header = end < 0 ? null : parseHeader(buf, end);
            if (header == null) { // a header longer than any block, one FastCSV cannot read, or a file that is all header
                return sequential(buf, len, in, offset, 1 + lines, firstRow, CsvTableReader.HEADER, whole);
            }
            whole.table(null, header);
            width = header.size();
            lines += DecodingReader.countLf(buf, 0, end);
            System.arraycopy(buf, end, buf, 0, len - end);
            offset += end;
            len -= end;
        } else if (format == Format.CSV) {
            List<String> first = verdict.first();
            if (first == null) { // the first record is not whole in the head: its width is not known yet
                return sequential(buf, len, in, offset, 1 + lines, firstRow, CsvTableReader.NO_HEADER, whole);
            }
            width = first.size();
            whole.table(null, HeaderSniffer.names(width));
        }
        long firstLine = 1 + lines;
        int scanned = 0;
        while (true) {
            cut = -1;
            scan(buf, scanned, len);
            scanned = len;
            int end = eof ? len : cut;
            if (end < 0) { // no boundary yet: read more, into a larger buffer if need be
                if (len == buf.length) {
                    if (buf.length >= MAX_BLOCK) {
                        sink.drain(); // a record longer than any block: read the rest as one stream
                        return sequential(buf, len, in, offset, firstLine, firstRow, width, whole);
                    }
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                int n = in.readNBytes(buf, len, buf.length - len);
                len += n;
                eof = len < buf.length;
                continue;
            }
            if (end > 0) {
                sink.block(new Block(name, format, charset, delimiter, width, Arrays.copyOf(buf, end), offset, firstLine,
                        firstRow, decodeErrors));
            }
            whole.progress(offset + end);
            if (eof) {
                break;
            }
            firstLine = 1 + linesAtCut;
            firstRow = 1 + recordsAtCut;
            System.arraycopy(buf, end, buf, 0, len - end);
            offset += end;
            len -= end;
            scanned = len; // the bytes after the cut were scanned already
            int n = in.readNBytes(buf, len, buf.length - len);
            len += n;
            eof = len < buf.length;
        }
        sink.drain();
        new Problems(name, whole, decodeErrors).finish();
        long total = format == Format.CSV ? records + (content ? 1 : 0) : lines + (content ? 1 : 0);
        return new ReadSummary(format, charset, format == Format.CSV ? delimiter : '\0', offset + len, total);
    }

    /** Follows buf[from, to), remembering the last boundary. */
    private void scan(byte[] buf, int from, int to) {
        boolean csv = format == Format.CSV;
        for (int i = from; i < to; i++) {
            if (state == FIELD_START && !content) {
                // at a line's start: a line with no quote ends at its LF, found eight bytes at a time
                int lf = plainLineEnd(buf, i, to, csv);
                if (lf >= 0) {
                    content = hasContent(buf, i, lf);
                    step((byte) '\n', lf, csv);
                    i = lf;
                    continue;
                }
            }
            byte b = buf[i];
            // inside an unquoted or a quoted field (where content is already true) most bytes change nothing: skip them
            if (csv && state == UNQUOTED) {
                while (b != '\n' && b != delim && b != '\r') {
                    if (++i == to) {
                        return;
                    }
                    b = buf[i];
                }
            } else if (csv && state == QUOTED) {
                while (b != '"' && b != '\n') {
                    if (++i == to) {
                        return;
                    }
                    b = buf[i];
                }
            }
            step(b, i, csv);
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LFS = 0x0A0A0A0A0A0A0A0AL;
    private static final long QUOTES = 0x2222222222222222L;

    /**
     * The LF ending the line that starts at i, or -1 when a quote comes first (CSV: the line needs the state machine) or
     * the line does not end before {@code to}. Eight bytes at a time: a byte equal to LF or '"' is found as a zero byte
     * of the word XOR the pattern; the lowest flagged byte is exact.
     */
    private static int plainLineEnd(byte[] buf, int i, int to, boolean csv) {
        long quotes = csv ? QUOTES : LFS;
        for (; i + 8 <= to; i += 8) {
            long w = (long) LONGS.get(buf, i);
            long m = zeroBytes(w ^ LFS) | zeroBytes(w ^ quotes);
            if (m != 0) {
                int k = i + (Long.numberOfTrailingZeros(m) >>> 3);
                return buf[k] == '\n' ? k : -1;
            }
        }
        for (; i < to; i++) {
            if (buf[i] == '\n') {
                return i;
            }
            if (csv && buf[i] == '"') {
                return -1;
            }
        }
        return -1;
    }

    private static long zeroBytes(long x) {
        return (x - ONES) & ~x & HIGHS;
    }

    /** True when buf[from, to) has a byte other than CR. */
    private static boolean hasContent(byte[] buf, int from, int to) {
        for (int k = from; k < to; k++) {
            if (buf[k] != '\r') {
                return true;
            }
        }
        return false;
    }

    private void step(byte b, int i, boolean csv) {
        if (b == '\n') {
            lines++;
            if (!csv || state != QUOTED) {
                if (content) {
                    records++;
                }
                content = false;
                state = FIELD_START;
                cut = i + 1;
                linesAtCut = lines;
                recordsAtCut = records;
                return;
            }
        } else if (b != '\r') {
            content = true;
        }
        if (!csv) {
            return;
        }
        state = Quotes.next(state, b, delim);
    }

    /** The end of the first non-empty record from {@code from} (the header, a title line), or -1 when it has not ended in buf[from, len). */
    private int headerEnd(byte[] buf, int from, int len) {
        int start = from;
        int st = FIELD_START;
        for (int i = from; i < len; i++) {
            byte b = buf[i];
            if (b == '\n' && st != QUOTED) {
                boolean empty = true;
                for (int k = start; k < i; k++) {
                    empty &= buf[k] == '\r';
                }
                if (!empty) {
                    return i + 1;
                }
                start = i + 1;
                st = FIELD_START;
                continue;
            }
            st = Quotes.next(st, b, delim);
        }
        return -1;
    }

    /** The header record in buf[0, end), or null when FastCSV cannot read it (the sequential read reports it). */
    private List<String> parseHeader(byte[] buf, int end) {
        String text = new String(buf, 0, end, charset);
        try {
            for (CsvRecord r : CsvTableReader.builder(delimiter).ofCsvRecord(text)) {
                return List.copyOf(r.getFields());
            }
        } catch (RuntimeException e) {
            return null;
        }
        return List.of();
    }

    /** Reads buf[0, len) and the rest of {@code in} as one stream into the whole-input visitor. */
    private ReadSummary sequential(byte[] buf, int len, InputStream in, long offset, long firstLine, long firstRow, int width,
                                   DocumentVisitor whole) throws IOException {
        Problems problems = new Problems(name, whole, decodeErrors);
        InputStream rest = new SequenceInputStream(new ByteArrayInputStream(buf, 0, len), in);
        try (DecodingReader r = new DecodingReader(rest, charset, offset, firstLine, problems)) {
            long n = format == Format.CSV
                    ? CsvTableReader.read(r, delimiter, width, firstRow, firstLine, whole, problems)
                    : LineScanner.scan(r, new TextChunks(whole, firstLine), firstLine);
            problems.finish();
            long before = format == Format.CSV ? firstRow - 1 : firstLine - 1;
            return new ReadSummary(format, charset, format == Format.CSV ? delimiter : '\0', r.bytesRead(), before + n);
        }
    }
}
