package dev.mamori.table;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A piece of a CSV or plain-text input that ends at a record boundary, so it can be decoded and
 * parsed on its own, on any thread. {@link DocumentReader#readInBlocks} cuts an input into blocks of
 * about a megabyte; the rows and lines a block delivers carry their numbers in the whole input.
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

    /**
     * Decodes and parses the block, calling {@link DocumentVisitor#row} (CSV) or
     * {@link DocumentVisitor#text} (plain text) and {@link DocumentVisitor#problem} with line, row
     * and byte numbers of the whole input; never {@link DocumentVisitor#table}. Returns the rows (CSV)
     * or lines (text) read. Read each block once.
     */
    public long read(DocumentVisitor v) {
        Problems problems = new Problems(name, v, decodeErrors);
        try (DecodingReader in = new DecodingReader(new ByteArrayInputStream(bytes), charset, byteOffset, firstLine, problems)) {
            return format == Format.CSV
                    ? CsvTableReader.read(in, delimiter, width, firstRow, firstLine, v, problems)
                    : LineScanner.scan(in, new TextChunks(v, firstLine), firstLine);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a byte array: cannot happen
        }
    }
}
