package dev.mamori.deid;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * CSV records written straight to UTF-8 bytes, formatted exactly as {@link CsvOutput#writer} (FastCSV 3) formats them:
 * a field is quoted when it holds the quote, the delimiter, CR or LF, or when it is a record's first field and starts
 * with {@code #} (FastCSV's comment character); a quote inside is doubled; an empty or null field is written as
 * nothing; records end with CRLF. By hand because FastCSV writes chars to a {@code Writer}: a kept cell lying in the
 * input as UTF-8 bytes would be decoded to a {@code String} only to be encoded back. {@code CsvBytesTest} checks the
 * bytes against FastCSV's.
 */
final class CsvBytes {

    private final byte delimiter;
    /** The bytes that make a field quoted: the quote, the delimiter, CR and LF. */
    private final boolean[] special = new boolean[256];
    private byte[] buf = new byte[1 << 16];
    private int length;
    private int field;

    /** @param delimiter an ASCII delimiter (the byte-level reader takes no other) */
    CsvBytes(char delimiter) {
        if (delimiter == '\0' || delimiter > 0x7F) {
            throw new IllegalArgumentException("not an ASCII delimiter: U+" + Integer.toHexString(delimiter));
        }
        this.delimiter = (byte) delimiter;
        for (char c : new char[] {'"', delimiter, '\n', '\r'}) {
            special[c] = true;
        }
    }

    /** The next field of the record: UTF-8 bytes {@code [from, to)} of {@code b}. */
    void field(byte[] b, int from, int to) {
        room(2 * (to - from) + 3);
        if (field++ > 0) {
            buf[length++] = delimiter;
        }
        value(b, from, to, field == 1);
    }

    /** The next field of the record, already formatted by {@link #format} for its place (first or not). */
    void formatted(byte[] f) {
        room(f.length + 1);
        if (field++ > 0) {
            buf[length++] = delimiter;
        }
        System.arraycopy(f, 0, buf, length, f.length);
        length += f.length;
    }

    /**
     * A value as {@link #field} writes it (quoted when it needs to be), for a value written many times: a generalised
     * quasi-identifier.
     */
    static byte[] format(char delimiter, String value, boolean first) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        CsvBytes one = new CsvBytes(delimiter);
        one.room(2 * b.length + 2);
        one.value(b, 0, b.length, first);
        return one.toByteArray();
    }

    private void value(byte[] b, int from, int to, boolean first) {
        if (from == to) {
            return;
        }
        if (!quoted(b, from, to, first)) {
            System.arraycopy(b, from, buf, length, to - from);
            length += to - from;
            return;
        }
        buf[length++] = '"';
        for (int i = from; i < to; i++) {
            if (b[i] == '"') {
                buf[length++] = '"';
            }
            buf[length++] = b[i];
        }
        buf[length++] = '"';
    }

    /** The next field of the record, as text (null is written as an empty field). */
    void field(String s) {
        byte[] b = s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
        field(b, 0, b.length);
    }

    /** Ends the record (CRLF). */
    void end() {
        room(2);
        buf[length++] = '\r';
        buf[length++] = '\n';
        field = 0;
    }

    /** The bytes written so far (a copy). */
    byte[] toByteArray() {
        return Arrays.copyOf(buf, length);
    }

    private boolean quoted(byte[] b, int from, int to, boolean first) {
        if (first && b[from] == '#') {
            return true;
        }
        for (int i = from; i < to; i++) {
            if (special[b[i] & 0xFF]) {
                return true;
            }
        }
        return false;
    }

    private void room(int n) {
        if (length + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + n));
        }
    }
}
