package dev.mamori.table;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Follows a CSV stream's quotes as FastCSV reads them, to tell whether the input ended inside a quoted field: FastCSV
 * takes the end of input there as the field's end, so a quote never closed makes every following line part of one
 * field of one record, and nothing it returns says so. Written by hand because FastCSV has no such check. The rules
 * are FastCSV's: a quote opens a field only at the field's start, two quotes inside one are a quote, and CR, LF or
 * CRLF end a record outside quotes.
 */
final class QuoteTracker extends FilterReader {

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    /** A quote met inside a quoted field: the next char says whether it closed the field or was the first of "". */
    private static final int QUOTE_IN_QUOTED = 3;

    private final char delimiter;
    private int state = FIELD_START;
    /** The line (1-based, relative to this reader) the current char is on, and the one the open quote is on. */
    private long line = 1;
    private long openedAt;
    private boolean endedWithNewline;

    QuoteTracker(Reader in, char delimiter) {
        super(in);
        this.delimiter = delimiter;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            follow((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        for (int i = 0; i < n; i++) {
            follow(buf[off + i]);
        }
        return n;
    }

    private void follow(char c) {
        endedWithNewline = c == '\n';
        if (c == '\n') {
            line++;
        }
        switch (state) {
            case FIELD_START, UNQUOTED -> {
                if (c == '"' && state == FIELD_START) {
                    state = QUOTED;
                    openedAt = line;
                } else {
                    state = c == delimiter || c == '\n' || c == '\r' ? FIELD_START : UNQUOTED;
                }
            }
            case QUOTED -> state = c == '"' ? QUOTE_IN_QUOTED : QUOTED;
            default -> state = c == '"' ? QUOTED : c == delimiter || c == '\n' || c == '\r' ? FIELD_START : UNQUOTED;
        }
    }

    /** The line (relative to this reader) whose quote the input ended without closing, or -1 when every quote closed. */
    long unclosedQuoteLine() {
        return state == QUOTED ? openedAt : -1;
    }

    /** The last line that holds something (a line break at the very end starts none). */
    long lastLine() {
        return endedWithNewline ? line - 1 : line;
    }
}
