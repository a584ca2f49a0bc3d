package dev.mamori.mail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The header block of a message, unfolded. Written by hand rather than with a MIME library because
 * the honeypot path needs only the header block, at tens of thousands of messages a second, from
 * bytes as messy as real spam: LF or CRLF or stray CRs, 8-bit bytes (kept one byte = one char,
 * ISO-8859-1, so nothing is lost), an mbox {@code From } line on top, folded lines with tabs or
 * spaces, lines without a colon (skipped). The body is not read.
 */
public final class Headers {

    /** One header field: its name as written and its value with the folds joined (CR/LF removed). */
    public record Field(String name, String value) {
    }

    private final List<Field> fields;
    private final int bodyOffset;

    private Headers(List<Field> fields, int bodyOffset) {
        this.fields = fields;
        this.bodyOffset = bodyOffset;
    }

    /** Parses the header block at the start of {@code raw}; {@link #bodyOffset()} is -1 when it never ends (a cut message). */
    public static Headers parse(byte[] raw) {
        List<Field> out = new ArrayList<>();
        int i = 0;
        int n = raw.length;
        if (n >= 5 && raw[0] == 'F' && raw[1] == 'r' && raw[2] == 'o' && raw[3] == 'm' && raw[4] == ' ') {
            i = nextLine(raw, 0); // an mbox separator left in a single-message file
        }
        StringBuilder value = null;
        String name = null;
        int body = -1;
        while (i < n) {
            int end = lineEnd(raw, i);
            int next = nextLine(raw, i);
            if (end == i) { // empty line: the header block ends
                body = next;
                break;
            }
            byte first = raw[i];
            if ((first == ' ' || first == '\t') && name != null) {
                value.append(' ');
                append(value, raw, skipSpace(raw, i, end), end);
            } else {
                if (name != null) {
                    out.add(new Field(name, value.toString().strip()));
                    name = null;
                }
                int colon = -1;
                for (int k = i; k < end; k++) {
                    byte c = raw[k];
                    if (c == ':') {
                        colon = k;
                        break;
                    }
                    if (c == ' ' || c == '\t' || c < 33 || c > 126) {
                        break; // field names are printable ASCII without spaces
                    }
                }
                if (colon > i) {
                    name = new String(raw, i, colon - i, StandardCharsets.ISO_8859_1);
                    value = new StringBuilder(Math.max(16, end - colon));
                    append(value, raw, skipSpace(raw, colon + 1, end), end);
                }
            }
            i = next;
        }
        if (name != null) {
            out.add(new Field(name, value.toString().strip()));
        }
        return new Headers(List.copyOf(out), body);
    }

    private static void append(StringBuilder b, byte[] raw, int from, int to) {
        for (int k = from; k < to; k++) {
            byte c = raw[k];
            if (c != '\r') {
                b.append((char) (c & 0xff));
            }
        }
    }

    private static int skipSpace(byte[] raw, int i, int end) {
        while (i < end && (raw[i] == ' ' || raw[i] == '\t')) {
            i++;
        }
        return i;
    }

    /** End of the line's content (before CR LF, LF, or a lone CR at the end). */
    private static int lineEnd(byte[] raw, int i) {
        int k = i;
        while (k < raw.length && raw[k] != '\n') {
            k++;
        }
        int end = k;
        while (end > i && raw[end - 1] == '\r') {
            end--;
        }
        return end;
    }

    private static int nextLine(byte[] raw, int i) {
        int k = i;
        while (k < raw.length && raw[k] != '\n') {
            k++;
        }
        return Math.min(raw.length, k + 1);
    }

    public List<Field> fields() {
        return fields;
    }

    /** Every value of the field {@code name} (case-insensitive), top to bottom. */
    public List<String> all(String name) {
        List<String> out = new ArrayList<>();
        for (Field f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                out.add(f.value());
            }
        }
        return out;
    }

    /** The first value of {@code name}, or null. */
    public String first(String name) {
        for (Field f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                return f.value();
            }
        }
        return null;
    }

    /** Where the body starts in the raw bytes, or -1 when the header block never ended. */
    public int bodyOffset() {
        return bodyOffset;
    }
}
