package dev.mamori.deid;

import dev.mamori.detect.Detector;
import dev.mamori.detect.Finding;
import dev.mamori.detect.MaskScope;
import dev.mamori.detect.PiiType;
import dev.mamori.report.Message;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a copy of a text document with the personal information the {@link Detector} finds hidden (黒塗り): each
 * finding's span — for 要配慮 facts, its clause or sentence when the {@link MaskScope} says so — becomes a placeholder
 * naming its type ({@code 〈氏名〉}, {@link Style#LABEL}) or blacked out character by character ({@code ■■■■},
 * {@link Style#BLACKOUT}: the layout of a fixed-width text stays). Everything else, line breaks included, is copied as
 * it is.
 *
 * <p>A document is read as a file is scanned: lines in windows of about 64 Ki characters, cut preferably at a blank
 * line, each window detected as one text so that one line gives context to the next (a label above its value, a full
 * name before the bare surname). Only one window is held in memory. Not thread-safe.
 */
public final class TextRedactor {

    /** How a hidden range is written. */
    public enum Style {
        /** A placeholder naming the type: {@code 〈氏名〉様の電話は〈電話番号〉です}. */
        LABEL,
        /** Each character replaced, wide ones by ■ and narrow ones by *, white space kept: the text keeps its layout. */
        BLACKOUT
    }

    /** What was hidden: findings per type, and the characters hidden. */
    public record Summary(Map<PiiType, Long> findings, long lines, long hiddenChars) {
        public Summary {
            findings = java.util.Collections.unmodifiableMap(new EnumMap<>(findings.isEmpty()
                    ? new EnumMap<PiiType, Long>(PiiType.class) : findings));
        }

        /** Findings of every type. */
        public long total() {
            return findings.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    static final int WINDOW = 1 << 16;
    /** A line longer than this is refused: it would be held whole and detected alone. */
    static final int MAX_LINE = 1 << 24;

    private final Detector detector;
    private final Style style;
    private final MaskScope scope;
    private final long[] counts = new long[PiiType.values().length];
    private long hidden;
    private long lines;
    // the reading: lines waiting to be redacted, their ends, the line being read
    private final List<String> window = new ArrayList<>();
    private final List<String> ends = new ArrayList<>();
    private final StringBuilder line = new StringBuilder();
    private int windowChars;
    private boolean cr;
    private long lineNo = 1;

    public TextRedactor(Detector detector, Style style, MaskScope scope) {
        this.detector = detector;
        this.style = style;
        this.scope = scope;
    }

    /**
     * Copies {@code in}, in {@code charset}, to {@code out}, redacted. Line ends ({@code \n}, {@code \r\n}, {@code \r})
     * are kept as they are. Call once.
     *
     * @throws Message.Problem when the input cannot be decoded (naming the line) or has a line over 16 Mi characters
     */
    public Summary redact(InputStream in, Charset charset, Writer out) throws IOException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(8192);
        CharBuffer chars = CharBuffer.allocate(8192);
        boolean eof = false;
        while (true) {
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            eof = n < 0;
            bytes.position(bytes.position() + Math.max(n, 0));
            bytes.flip();
            CoderResult r;
            do {
                r = decoder.decode(bytes, chars, eof);
                take(chars, out);
                if (r.isError()) { // what came before the bad bytes is taken: the line they are on is named
                    throw new Message.Problem(lineNo + " 行目が " + charset + " として読めません（--encoding で文字コードを指定できます）",
                            "line " + lineNo + " is not valid " + charset + " (--encoding names the encoding)");
                }
            } while (r.isOverflow());
            bytes.compact();
            if (eof) {
                do {
                    r = decoder.flush(chars);
                    take(chars, out);
                } while (r.isOverflow());
                break;
            }
        }
        if (line.length() > 0) { // the last line, without a line end
            window.add(line.toString());
            ends.add("");
        }
        flush(window, ends, out);
        Map<PiiType, Long> found = new EnumMap<>(PiiType.class);
        for (PiiType t : PiiType.values()) {
            if (counts[t.ordinal()] > 0) {
                found.put(t, counts[t.ordinal()]);
            }
        }
        return new Summary(found, lines, hidden);
    }

    /** Splits decoded characters into lines, and redacts a window when it is full. Empties {@code chars}. */
    private void take(CharBuffer chars, Writer out) throws IOException {
        chars.flip();
        while (chars.hasRemaining()) {
            char c = chars.get();
            if (cr) {
                cr = false;
                if (c == '\n') {
                    ends.set(ends.size() - 1, "\r\n");
                    continue;
                }
            }
            if (c != '\n' && c != '\r') {
                if (line.length() >= MAX_LINE) {
                    throw new Message.Problem(lineNo + " 行目が " + MAX_LINE + " 文字を超えています（テキストの文書として扱えません）",
                            "line " + lineNo + " is over " + MAX_LINE + " characters long (not a text document)");
                }
                line.append(c);
                continue;
            }
            cr = c == '\r';
            window.add(line.toString());
            ends.add(cr ? "\r" : "\n");
            windowChars += line.length() + 1;
            line.setLength(0);
            lineNo++;
            if (windowChars >= WINDOW && !cr) {
                int cut = cut(window);
                flush(window.subList(0, cut), ends.subList(0, cut), out);
                windowChars = 0;
                for (String l : window) {
                    windowChars += l.length() + 1;
                }
            }
        }
        chars.clear();
    }

    /** Where to end a full window: after its last blank line in its second half, else after all its lines. */
    private static int cut(List<String> window) {
        for (int i = window.size() - 1; i > window.size() / 2; i--) {
            if (window.get(i).isBlank()) {
                return i + 1;
            }
        }
        return window.size();
    }

    /** Detects, redacts and writes the lines (and removes them from their lists). */
    private void flush(List<String> window, List<String> ends, Writer out) throws IOException {
        if (window.isEmpty()) {
            return;
        }
        List<List<Finding>> found = detector.detectLines(window);
        for (int i = 0; i < window.size(); i++) {
            out.write(redact(window.get(i), found.get(i)));
            out.write(ends.get(i));
        }
        lines += window.size();
        window.clear();
        ends.clear();
    }

    /** {@code text} with the ranges of {@code findings} hidden, each widened by the scope. */
    String redact(String text, List<Finding> findings) {
        if (findings.isEmpty()) {
            return text;
        }
        int n = findings.size();
        int[][] ranges = new int[n][]; // start, end, type
        for (int i = 0; i < n; i++) {
            Finding f = findings.get(i);
            counts[f.type().ordinal()]++;
            ranges[i] = new int[] {scope.start(text, f.type(), f.start()), scope.end(text, f.type(), f.end()), f.type().ordinal()};
        }
        java.util.Arrays.sort(ranges, java.util.Comparator.comparingInt(r -> r[0]));
        StringBuilder b = new StringBuilder(text.length());
        int at = 0; // end of what is written
        for (int i = 0; i < n; ) {
            int start = ranges[i][0];
            int end = ranges[i][1];
            PiiType type = PiiType.values()[ranges[i][2]];
            // ranges that overlap are hidden as one: a name within the clause of a condition is hidden with it, under
            // the condition's placeholder
            for (i++; i < n && ranges[i][0] < end; i++) {
                end = Math.max(end, ranges[i][1]);
                PiiType t = PiiType.values()[ranges[i][2]];
                type = scope.widens(t) && !scope.widens(type) ? t : type;
            }
            if (end > start) {
                b.append(text, at, start);
                hide(b, text, start, end, type);
                at = end;
            }
        }
        return b.append(text, at, text.length()).toString();
    }

    private void hide(StringBuilder b, String text, int start, int end, PiiType type) {
        hidden += end - start;
        if (style == Style.LABEL) {
            b.append(RedactText.placeholder(type));
            return;
        }
        for (int k = start; k < end; ) {
            int cp = text.codePointAt(k);
            k += Character.charCount(cp);
            b.append(Character.isWhitespace(cp) || cp == '\u3000' ? Character.toString(cp) : wide(cp) ? "■" : "*");
        }
    }

    /** East Asian wide or full-width (two columns in a terminal, two bytes in CP932). */
    private static boolean wide(int cp) {
        return cp >= 0x1100 && !(cp >= 0xFF61 && cp <= 0xFF9F); // half-width katakana stay narrow
    }
}
