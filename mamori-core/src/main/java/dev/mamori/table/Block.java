package dev.mamori.table;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A piece of a CSV or plain-text input that ends at a record boundary, so it can be decoded and
 * parsed on its own, on any thread. {@link DocumentReader#readInBlocks} cuts an input into blocks of
 * 64 KiB; the rows and lines a block delivers carry their numbers in the whole input.
 */
public final class Block {

    /** Receives an input's blocks in input order, on the reading thread. */
    public interface Sink {
        /** The next block. */
        void block(Block block);

        /**
         * The rest of the input cannot be cut (a record longer than the largest block) and will be
         * read sequentially into the whole-input visitor: finish every block handed over so far first.
         */
        void drain();
    }

    private final String name;
    private final Format format;
    private final Charset charset;
    private final char delimiter;
    private final int width;
    private final byte[] bytes;
    private final long byteOffset;
    private final long firstLine;
    private final long firstRow;
    private final AtomicLong decodeErrors;

    Block(String name, Format format, Charset charset, char delimiter, int width, byte[] bytes, long byteOffset,
          long firstLine, long firstRow, AtomicLong decodeErrors) {
        this.name = name;
        this.format = format;
        this.charset = charset;
        this.delimiter = delimiter;
        this.width = width;
        this.bytes = bytes;
        this.byteOffset = byteOffset;
        this.firstLine = firstLine;
        this.firstRow = firstRow;
        this.decodeErrors = decodeErrors;
    }

    /** Where the block starts in the input, in bytes: the same on every read of the same input. */
    public long byteOffset() {
        return byteOffset;
    }

    /** CRC-32C of the block's bytes: a second read of the input can tell whether this block is still the same. */
    public int checksum() {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes, 0, bytes.length);
        return (int) crc.getValue();
    }

    /**
     * Decodes and parses the block, calling {@link DocumentVisitor#row} (CSV) or
     * {@link DocumentVisitor#text} (plain text) and {@link DocumentVisitor#problem} with line, row
     * and byte numbers of the whole input; never {@link DocumentVisitor#table}. Returns the rows (CSV)
     * or lines (text) read. Read each block once. CSV in UTF-8, CP932 or EUC-JP is parsed on its bytes
     * ({@link ByteCsv}) when it holds nothing that parser leaves to FastCSV.
     */
    public long read(DocumentVisitor v) {
        return read(v, null);
    }

    /**
     * {@link #read(DocumentVisitor)}, leaving the cells {@code skip} names undecoded ({@link CellSkip#SKIPPED}) when the
     * block is UTF-8 CSV read on its bytes; null to decode every cell.
     */
    public long read(DocumentVisitor v, CellSkip skip) {
        if (format == Format.CSV && ByteCsv.reads(charset)) {
            long rows = ByteCsv.read(bytes, charset, delimiter, width, firstRow, firstLine, v, skip);
            if (rows >= 0) {
                return rows;
            }
        }
        return readDecoded(v);
    }

    /**
     * Hands a CSV block's rows to {@code sink} as byte ranges, undecoded, and returns how many; or returns -1, having
     * delivered nothing, when it cannot (not CSV, not UTF-8, bytes that do not decode, an escaped quote in a field, or
     * anything {@link ByteCsv} leaves to FastCSV): then {@link #read} the block. Rows are numbered as {@link #read}
     * numbers them; a row with fewer fields than the header has fewer ranges (no padding).
     */
    public long readBytes(ByteRows sink) {
        if (format != Format.CSV || !charset.equals(StandardCharsets.UTF_8)) {
            return -1;
        }
        return ByteCsv.readBytes(bytes, delimiter, firstRow, firstLine, sink);
    }

    /** Whether the block is plain text (whose edges {@link #edge} reads), not CSV. */
    public boolean text() {
        return format == Format.TEXT;
    }

    /**
     * A text block's first or last lines that are not blank, at most {@code k} of them within {@code maxBytes} of the
     * block's edge, nearest the edge last (last) or first: context only, read by the detection of the block before or
     * after so that a fact over the cut is found whole. Decoded leniently (a byte that does not decode becomes U+FFFD; the
     * block's own read reports it). None for CSV.
     */
    public java.util.List<Line> edge(boolean last, int k, int maxBytes) {
        if (format != Format.TEXT || k <= 0 || bytes.length == 0) {
            return java.util.List.of();
        }
        java.util.ArrayDeque<Line> out = new java.util.ArrayDeque<>(k);
        int end = last ? bytes.length : 0; // the current line is [from, to)
        long number = last ? -1 : firstLine; // the current line's; the last line's is counted once, when it is found
        for (int seen = 0; out.size() < k && seen < maxBytes; ) {
            int from;
            int to;
            if (last) {
                to = end > 0 && bytes[end - 1] == '\n' ? end - 1 : end;
                if (to <= 0 && end == 0) {
                    break;
                }
                from = to;
                while (from > 0 && bytes[from - 1] != '\n') {
                    from--;
                }
                number = number < 0 ? firstLine + DecodingReader.countLf(bytes, 0, from) : number - 1;
                end = from;
            } else {
                if (end >= bytes.length) {
                    break;
                }
                from = end;
                to = from;
                while (to < bytes.length && bytes[to] != '\n') {
                    to++;
                }
                end = to + 1;
            }
            seen += to - from + 1;
            if (to - from > maxBytes) {
                break; // a line too long to be context: nor are those beyond it
            }
            String line = new String(bytes, from, to - from, charset);
            line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (!line.isBlank()) {
                if (last) {
                    out.addFirst(new Line(number, line));
                } else {
                    out.addLast(new Line(number, line));
                }
            }
            if (last && from == 0) {
                break;
            }
            if (!last) {
                number++;
            }
        }
        return java.util.List.copyOf(out);
    }

    /** A line of a text block: its number in the input and its text. */
    public record Line(long number, String text) {
    }

    /** {@link #read} without the byte-level CSV parser: the whole block decoded, then FastCSV or the line scanner. */
    long readDecoded(DocumentVisitor v) {
        Problems problems = new Problems(name, v, decodeErrors);
        try (Reader in = decoded(problems)) {
            return format == Format.CSV
                    ? CsvTableReader.read(in, delimiter, width, firstRow, firstLine, v, problems)
                    : LineScanner.scan(in, new TextChunks(v, firstLine), firstLine);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a byte array: cannot happen
        }
    }

    /**
     * The block's text. UTF-8 is decoded at once by the JDK's String constructor (intrinsified, about
     * twice as fast as a decoder loop) when that yields no U+FFFD: then every byte was valid, and the
     * chars are those the strict decoder gives. Otherwise — undecodable bytes to report with their
     * offsets, or a U+FFFD in the input itself — and for other charsets, the strict {@link DecodingReader}.
     */
    private Reader decoded(Problems problems) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.indexOf('\uFFFD') < 0) {
                return new StringReader(text);
            }
        }
        return new DecodingReader(new ByteArrayInputStream(bytes), charset, byteOffset, firstLine, problems);
    }
}
