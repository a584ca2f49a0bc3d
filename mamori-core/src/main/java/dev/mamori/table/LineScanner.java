package dev.mamori.table;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits decoded text into lines (ended by LF, CRLF or CR) without ever holding a whole line:
 * a line arrives as one or more runs of chars, then an end-of-line call.
 */
final class LineScanner {

    /** Receives the pieces of each line. */
    interface Sink {
        /** More chars of the current line. */
        void chars(char[] buf, int off, int len) throws IOException;

        /** The current line (1-based {@code line}) ended. */
        void endLine(long line) throws IOException;
    }

    private LineScanner() {
    }

    /** Scans to the end of input; returns the number of lines. */
    static long scan(Reader in, Sink sink) throws IOException {
        return scan(in, sink, 1);
    }

    /** Scans to the end of input whose first line is number {@code firstLine}; returns the number of lines. */
    static long scan(Reader in, Sink sink, long firstLine) throws IOException {
        char[] buf = new char[1 << 16];
        long line = firstLine;
        boolean afterCr = false;
        boolean open = false; // chars seen since the last line end
        int n;
        while ((n = in.read(buf, 0, buf.length)) >= 0) {
            int start = 0;
            for (int i = 0; i < n; i++) {
                char c = buf[i];
                if (c != '\n' && c != '\r') {
                    continue;
                }
                if (c == '\n' && afterCr && i == start) {
                    afterCr = false; // the LF of a CRLF split across reads or lines
                    start = i + 1;
                    continue;
                }
                if (i > start) {
                    sink.chars(buf, start, i - start);
                }
                sink.endLine(line++);
                open = false;
                afterCr = c == '\r';
                if (afterCr && i + 1 < n && buf[i + 1] == '\n') {
                    i++;
                    afterCr = false;
                }
                start = i + 1;
            }
            if (n > start) {
                sink.chars(buf, start, n - start);
                open = true;
                afterCr = false;
            }
        }
        if (open) {
            sink.endLine(line++);
        }
        return line - firstLine;
    }
}
