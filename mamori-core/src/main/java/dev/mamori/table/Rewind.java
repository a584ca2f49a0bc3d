package dev.mamori.table;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * A reader that keeps the chars it has handed out since the start of a line that may still be
 * needed, so that after the CSV parser gives up on a record the input can be read again from the
 * record's first line. The parser says which lines it is done with ({@link #release}); the chars
 * before them are dropped when the buffer fills, so what is kept stays about the size of what the
 * parser itself holds (one record and its read-ahead). Lines end at LF, CR or CRLF, as FastCSV counts
 * them. Closing it does not close the underlying reader.
 */
final class Rewind extends Reader {

    private final Reader in;
    private char[] kept = new char[1 << 16];
    private int len;
    /** The line (1-based, relative to the start of this reader) that kept[0] starts. */
    private long keptLine = 1;
    /** Lines before this one are no longer needed. */
    private long releaseTo = 1;

    Rewind(Reader in) {
        this.in = in;
    }

    @Override
    public int read(char[] cbuf, int off, int n) throws IOException {
        int r = in.read(cbuf, off, n);
        if (r > 0) {
            keep(cbuf, off, r);
        }
        return r;
    }

    /** Lines before {@code line} will not be asked for again. */
    void release(long line) {
        releaseTo = Math.max(releaseTo, line);
    }

    /** The input again from the start of line {@code line} (not released): the kept chars, then the rest. */
    Reader from(long line) {
        int start = offsetOf(line);
        if (lineAt != line) {
            throw new IllegalStateException("line " + line + " is no longer kept (kept from line " + lineAt + ")");
        }
        char[] rest = Arrays.copyOfRange(kept, start, len);
        kept = new char[0];
        len = 0;
        return new Reader() {
            private int pos;

            @Override
            public int read(char[] cbuf, int off, int n) throws IOException {
                if (n == 0) {
                    return 0;
                }
                if (pos < rest.length) {
                    int k = Math.min(n, rest.length - pos);
                    System.arraycopy(rest, pos, cbuf, off, k);
                    pos += k;
                    return k;
                }
                return in.read(cbuf, off, n);
            }

            @Override
            public void close() {
                // the owner closes the underlying reader
            }
        };
    }

    private void keep(char[] cbuf, int off, int n) {
        if (len + n > kept.length) {
            drop();
            if (len + n > kept.length) {
                kept = Arrays.copyOf(kept, Math.max(len + n, 2 * kept.length));
            }
        }
        System.arraycopy(cbuf, off, kept, len, n);
        len += n;
    }

    /** Drops the kept lines before {@link #releaseTo}. */
    private void drop() {
        int start = offsetOf(releaseTo);
        keptLine = lineAt;
        if (start > 0) {
            System.arraycopy(kept, start, kept, 0, len - start);
            len -= start;
        }
    }

    /** Set by {@link #offsetOf}: the line that starts at the offset it returned. */
    private long lineAt;

    /**
     * Where line {@code line} starts in kept or, when the kept chars end before it (or just after a CR
     * that a LF may follow), where the last line known to start does.
     */
    private int offsetOf(long line) {
        long l = keptLine;
        int lineStart = 0;
        int i = 0;
        char[] k = kept;
        while (l < line) {
            while (i < len && (k[i] > '\r' || k[i] != '\n' && k[i] != '\r')) {
                i++; // the common case: one comparison per char
            }
            if (i == len) {
                break;
            }
            if (k[i++] == '\r') {
                if (i == len) {
                    break; // a LF may follow: this line end is not known yet
                }
                if (k[i] == '\n') {
                    i++;
                }
            }
            l++;
            lineStart = i;
        }
        lineAt = l;
        return lineStart;
    }

    @Override
    public void close() {
        // the owner closes the underlying reader
    }
}
