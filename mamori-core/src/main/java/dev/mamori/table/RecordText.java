package dev.mamori.table;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;

/**
 * The chars of one CSV record, read from where it starts up to the line break that ends it (outside
 * quotes), which is consumed but not returned; then end of input. Quotes are followed as FastCSV
 * follows them ({@link Quotes}). Used to read a record that FastCSV could not parse as plain text, so that the table
 * can go on after it; a quote that is never closed makes the record run to the end of the input.
 */
final class RecordText extends Reader {

    static final int PUSHBACK = 1 << 13;

    private final PushbackReader in;
    private final char delimiter;
    private int state = Quotes.FIELD_START;
    private boolean ended;

    /** @param in positioned at the start of the record, with a pushback buffer of {@link #PUSHBACK} chars */
    RecordText(PushbackReader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (ended) {
            return -1;
        }
        int n = in.read(cbuf, off, Math.min(len, PUSHBACK));
        if (n <= 0) {
            ended = true;
            return -1;
        }
        for (int i = off; i < off + n; i++) {
            char c = cbuf[i];
            if ((c == '\n' || c == '\r') && state != Quotes.QUOTED) {
                int after = i + 1;
                if (c == '\r') {
                    if (after < off + n) {
                        if (cbuf[after] == '\n') {
                            after++;
                        }
                    } else {
                        int next = in.read();
                        if (next >= 0 && next != '\n') {
                            in.unread(next);
                        }
                    }
                }
                if (after < off + n) {
                    in.unread(cbuf, after, off + n - after);
                }
                ended = true;
                return i - off == 0 ? -1 : i - off;
            }
            state = Quotes.next(state, c, delimiter);
        }
        return n;
    }

    @Override
    public void close() {
        // the owner closes the underlying reader
    }
}
