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
            Map<PiiType, Long> copy = new EnumMap<>(PiiType.class);
            copy.putAll(findings);
            findings = java.util.Collections.unmodifiableMap(copy);
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
    /** The last lines written: context for the next window's detection. */
    private final List<String> before = new ArrayList<>();
    private final StringBuilder line = new StringBuilder();
    private int windowChars;
    private boolean cr;
    private long lineNo = 1;

    public TextRedactor(Detector detector, Style style, MaskScope scope) {
        this(detector, style, scope, null);
    }

    /**
     * With {@code bytes}, the encoding the copy is written in: in a legacy one (CP932, EUC-JP) blackout writes ■ for a
     * character of two bytes or more and * for one of one byte, so that the copy keeps its byte columns (μ, ° and × are
     * narrow in Unicode and two bytes in CP932); in a Unicode one, or without, by East Asian width.
     */
    public TextRedactor(Detector detector, Style style, MaskScope scope, Charset bytes) {
        this.detector = detector;
        this.style = style;
        this.scope = scope;
        this.encoder = bytes == null || bytes.name().startsWith("UTF") ? null : bytes.newEncoder();
    }

    private final java.nio.charset.CharsetEncoder encoder;
    /** The characters whose width in {@link #encoder} is known, and of them those of two bytes or more. */
    private final java.util.BitSet measured = new java.util.BitSet();
    private final java.util.BitSet twoBytes = new java.util.BitSet();

    /** Failures of the detector's recognizers while this redactor ran: a failed recognizer's findings are missing. */
    public long failures() {
        return detector.failures();
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
        flush(window.size(), out);
        return summary(lines);
    }

    /** What was found and hidden so far, over {@code units} lines (or paragraphs). */
    Summary summary(long units) {
        Map<PiiType, Long> found = new EnumMap<>(PiiType.class);
        for (PiiType t : PiiType.values()) {
            if (counts[t.ordinal()] > 0) {
                found.put(t, counts[t.ordinal()]);
            }
        }
        return new Summary(found, units, hidden);
    }

    /** Whether hidden characters are blacked out one by one (else replaced by a placeholder). */
    boolean blackout() {
        return style == Style.BLACKOUT;
    }

    /**
     * What one text (a document's paragraph) hides: the ranges in order and what replaces each, and the findings they
     * came from, each with its own span (before a scope widened or merged it), in order too.
     */
    record Redaction(List<Hidden> hidden, List<Finding> findings) {
    }

    /** What the detector finds in one text hides ({@link Redaction}). */
    Redaction redaction(String text) {
        List<Finding> found = detector.detect(text, detector.freeText());
        return new Redaction(hidden(text, found, null), found);
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
                    whenFull(out);
                    continue;
                }
                whenFull(out); // the \r ended its line alone
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
            if (!cr) {
                whenFull(out); // after a \r, once the next character says whether a \n belongs to it
            }
        }
        chars.clear();
    }

    /** Redacts and writes the window's first lines when it is full, keeping the rest for the next. */
    private void whenFull(Writer out) throws IOException {
        if (windowChars < WINDOW) {
            return;
        }
        flush(cut(window), out);
        windowChars = 0;
        for (String l : window) {
            windowChars += l.length() + 1;
        }
    }

    /** Lines of context a window's detection reads on each side of the lines it writes: a fact over a cut is found whole. */
    static final int CONTEXT = 3;

    /**
     * How many lines of a full window to write: through its last blank line in its second half, else all but the last
     * {@link #CONTEXT} (which stay, as context after the cut, and are written with the next window).
     */
    private static int cut(List<String> window) {
        for (int i = window.size() - CONTEXT - 1; i > window.size() / 2; i--) {
            if (window.get(i).isBlank()) {
                return i + 1;
            }
        }
        return Math.max(1, window.size() - CONTEXT);
    }

    /**
     * Detects the window's first {@code k} lines with up to {@link #CONTEXT} lines written before them and after them,
     * writes them redacted, and removes them from the window. A finding that runs over a line break is counted once.
     */
    private void flush(int k, Writer out) throws IOException {
        if (k == 0) {
            return;
        }
        List<String> read = new ArrayList<>(before.size() + k + CONTEXT);
        read.addAll(before);
        read.addAll(window.subList(0, Math.min(window.size(), k + CONTEXT)));
        List<List<Finding>> found = detector.detectLines(read);
        for (int i = 0; i < k; i++) {
            int at = before.size() + i;
            out.write(redact(window.get(i), found.get(at), at > 0 ? continued(read.get(at - 1), found.get(at - 1)) : null));
            out.write(ends.get(i));
        }
        lines += k;
        before.addAll(window.subList(0, k));
        before.subList(0, Math.max(0, before.size() - CONTEXT)).clear();
        window.subList(0, k).clear();
        ends.subList(0, k).clear();
    }

    /** The type of the finding that runs to the end of {@code line} (and may go on in the next one), or null. */
    private static PiiType continued(String line, List<Finding> found) {
        for (Finding f : found) {
            if (f.end() == line.length()) {
                return f.type();
            }
        }
        return null;
    }

    /** {@code text} with the ranges of {@code findings} hidden, each widened by the scope. */
    String redact(String text, List<Finding> findings) {
        return redact(text, findings, null);
    }

    /**
     * {@code text} with the ranges of {@code findings} hidden, each widened by the scope; a finding at the line's start of
     * the type {@code going} is the rest of one on the line before, and not counted again.
     */
    private String redact(String text, List<Finding> findings, PiiType going) {
        return applied(text, hidden(text, findings, going));
    }

    /** {@code text} with each range written as its replacement (the ranges in order, apart). */
    static String applied(String text, List<Hidden> hidden) {
        if (hidden.isEmpty()) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        int at = 0; // end of what is written
        for (Hidden h : hidden) {
            b.append(text, at, h.start()).append(h.replacement());
            at = h.end();
        }
        return b.append(text, at, text.length()).toString();
    }

    /** A range of a text to hide, and what is written in its place. */
    record Hidden(int start, int end, String replacement) {
    }

    /**
     * The ranges of {@code text} that {@code findings} hide, each widened by the scope, those that overlap merged, in
     * order; the findings counted (a finding at the text's start of the type {@code going} continues one before it, and
     * is not counted again).
     */
    List<Hidden> hidden(String text, List<Finding> findings, PiiType going) {
        if (findings.isEmpty()) {
            return List.of();
        }
        int n = findings.size();
        int[][] ranges = new int[n][]; // start, end, type
        for (int i = 0; i < n; i++) {
            Finding f = findings.get(i);
            counts[f.type().ordinal()] += f.start() == 0 && f.type() == going ? 0 : 1;
            ranges[i] = new int[] {scope.start(text, f.type(), f.start()), scope.end(text, f.type(), f.end()), f.type().ordinal()};
        }
        java.util.Arrays.sort(ranges, java.util.Comparator.comparingInt(r -> r[0]));
        List<Hidden> out = new java.util.ArrayList<>();
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
                StringBuilder b = new StringBuilder();
                hide(b, text, start, end, type);
                out.add(new Hidden(start, end, b.toString()));
            }
        }
        return out;
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

    private boolean wide(int cp) {
        if (encoder == null || cp > 0xFFFF) {
            return eastAsianWide(cp);
        }
        if (!measured.get(cp)) {
            measured.set(cp);
            try {
                twoBytes.set(cp, encoder.encode(CharBuffer.wrap(Character.toString(cp))).remaining() >= 2);
            } catch (java.nio.charset.CharacterCodingException e) {
                twoBytes.set(cp, eastAsianWide(cp)); // not in the encoding: the copy cannot hold it anyway
            }
        }
        return twoBytes.get(cp);
    }

    /** East Asian wide or full-width (two columns in a terminal). */
    private static boolean eastAsianWide(int cp) {
        return cp >= 0x1100 && !(cp >= 0xFF61 && cp <= 0xFF9F); // half-width katakana stay narrow
    }
}
