package dev.mamori.table;

import java.util.Arrays;

/**
 * Delivers plain-text lines to {@link DocumentVisitor#text}, cutting lines longer than {@link #MAX}
 * chars into chunks that overlap by {@link #OVERLAP} chars. Holds at most one chunk in memory.
 */
final class TextChunks implements LineScanner.Sink {

    /** Largest chunk, in chars. */
    static final int MAX = 1 << 20;
    /** Chars shared by successive chunks of one line. */
    static final int OVERLAP = 256;

    private final DocumentVisitor visitor;
    private final int max;
    private final int overlap;
    private char[] buf = new char[1024];
    private int len;
    private int offset;
    private int currentOverlap;
    private long line = 1; // the line being read

    TextChunks(DocumentVisitor visitor) {
        this(visitor, MAX, OVERLAP);
    }

    /** For a block whose first line is number {@code firstLine}. */
    TextChunks(DocumentVisitor visitor, long firstLine) {
        this(visitor, MAX, OVERLAP);
        this.line = firstLine;
    }

    /** For tests: smaller chunks. */
    TextChunks(DocumentVisitor visitor, int max, int overlap) {
        this.visitor = visitor;
        this.max = max;
        this.overlap = overlap;
    }

    @Override
    public void chars(char[] in, int off, int n) {
        while (n > 0) {
            if (len == max) {
                visitor.text(line, offset, currentOverlap, new String(buf, 0, len));
                System.arraycopy(buf, len - overlap, buf, 0, overlap);
                offset += len - overlap;
                len = overlap;
                currentOverlap = overlap;
            }
            int take = Math.min(n, max - len);
            ensure(len + take);
            System.arraycopy(in, off, buf, len, take);
            len += take;
            off += take;
            n -= take;
        }
    }

    private void ensure(int size) {
        if (size > buf.length) {
            buf = Arrays.copyOf(buf, Math.min(max, Math.max(size, buf.length * 2)));
        }
    }

    @Override
    public void endLine(long lineNumber) {
        if (len > currentOverlap) {
            visitor.text(lineNumber, offset, currentOverlap, new String(buf, 0, len));
        }
        line = lineNumber + 1;
        len = 0;
        offset = 0;
        currentOverlap = 0;
    }
}
