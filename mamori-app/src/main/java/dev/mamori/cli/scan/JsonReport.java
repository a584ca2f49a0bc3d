package dev.mamori.cli.scan;

import dev.mamori.cli.Version;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import dev.mamori.detect.Classification;
import dev.mamori.detect.ColumnReport;
import dev.mamori.detect.FileReport;
import dev.mamori.detect.LocatedFinding;
import dev.mamori.detect.PiiType;
import dev.mamori.detect.ScanListener;
import dev.mamori.detect.TableReport;
import dev.mamori.report.FindingJson;
import dev.mamori.report.Terminal;
import dev.mamori.report.TerminalSafeEscapes;
import dev.mamori.table.ReadProblem;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --format jsonl}: one finding a line, and one line per problem (a line with {@code problem}
 * instead of {@code type}). {@code --format json}: one document whose {@code findings} array is
 * streamed, followed by per-file reports and the problems. Names are kept exact (JSON escaping);
 * besides the control characters JSON requires escaping, DEL, C1 controls, line and paragraph
 * separators and bidirectional overrides are written as <code>&#92;uXXXX</code>, so a report shown on a
 * terminal cannot carry escape sequences. Schema: docs/scan-output.md.
 *
 * <p>JSON Lines written to a byte stream (a file) take a faster path: the detection threads encode
 * their findings' lines as UTF-8 themselves ({@link #encoder()}), and the thread that delivers them
 * in input order only copies those bytes into a large buffer. The bytes are the same as those of the
 * character path.
 */
final class JsonReport implements ScanReport {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final int BUFFER = 1 << 20;

    private final JsonGenerator g;
    /** JSON Lines to bytes: where lines go (the generator writes into it too, through a UTF-8 writer), else null. */
    private final Lines bytes;
    /** The generator wrote since its last flush. */
    private boolean dirty;
    private final boolean showValues;
    private final boolean lines;
    private final PrintWriter out;
    private final PrintWriter err;
    /** The language of the lines on standard error; the report itself is in English (field values are data). */
    private final dev.mamori.cli.Lang lang;
    private final List<FileReport> files = new ArrayList<>();
    private final List<ReadProblem> problems = new ArrayList<>();
    /** The problems of the file being read, written when it ends: in input order, whatever the threads. */
    private final List<ReadProblem> pending = new ArrayList<>();
    private final List<String[]> skipped = new ArrayList<>();
    private final List<String[]> unreadable = new ArrayList<>();

    JsonReport(PrintWriter out, PrintWriter err, dev.mamori.cli.Lang lang, boolean showValues, boolean lines) {
        this(out, null, err, lang, showValues, lines);
    }

    /**
     * @param stream the byte stream under {@code out} (nothing else is written to it), or null; with
     *               {@code lines}, the report is written to it as bytes, and {@code out} is not used
     */
    JsonReport(PrintWriter out, OutputStream stream, PrintWriter err, dev.mamori.cli.Lang lang, boolean showValues,
               boolean lines) {
        this.lang = lang;
        this.out = out;
        this.err = err;
        this.showValues = showValues;
        this.lines = lines;
        this.bytes = lines && stream != null ? new Lines(stream) : null;
        try {
            this.g = FACTORY.createGenerator(bytes != null ? new OutputStreamWriter(bytes, StandardCharsets.UTF_8) : out);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setCharacterEscapes(TerminalSafeEscapes.INSTANCE);
            if (lines) {
                g.setPrettyPrinter(new MinimalPrettyPrinter("")); // each line ends with its own newline
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * With JSON Lines to bytes: encodes findings as their lines on the detection threads (a
     * {@link FindingLines} per batch), else null.
     */
    @Override
    public ScanListener.Encoder encoder() {
        if (bytes == null) {
            return null;
        }
        boolean values = showValues;
        return (List<LocatedFinding> findings, int[] ends) -> new FindingLines(values).encode(findings, ends);
    }

    /** A finding's line, encoded by {@link #encoder()}: copied. */
    @Override
    public void encoded(LocatedFinding f, byte[] line, int from, int to) {
        try {
            if (dirty) { // whatever the generator wrote before goes first
                g.flush();
                dirty = false;
            }
            bytes.write(line, from, to - from);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void begin(Set<PiiType> types) {
        if (lines) {
            return;
        }
        io(() -> {
            g.writeStartObject();
            g.writeStringField("tool", "mamori " + Version.get());
            g.writeArrayFieldStart("types");
            for (PiiType t : types) {
                g.writeString(t.name());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("findings");
        });
    }

    @Override
    public void finding(LocatedFinding lf) {
        io(() -> {
            FindingJson.write(g, lf, showValues); // FindingLines writes the same bytes faster
            endLine();
        });
    }

    /** Ends a JSON Lines line (nothing in a JSON document). */
    private void endLine() throws IOException {
        if (lines) {
            g.writeRaw('\n');
            dirty = true;
        }
    }

    /** JSON Lines bytes on their way to the stream, in a large buffer (one thread writes: no locking). */
    private static final class Lines extends OutputStream {
        private final OutputStream stream;
        private final byte[] buf = new byte[BUFFER];
        private int len;

        Lines(OutputStream stream) {
            this.stream = stream;
        }

        @Override
        public void write(int b) throws IOException {
            if (len == buf.length) {
                drain();
            }
            buf[len++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int n) throws IOException {
            if (n > buf.length - len) {
                drain();
                if (n > buf.length) {
                    stream.write(b, off, n);
                    return;
                }
            }
            System.arraycopy(b, off, buf, len, n);
            len += n;
        }

        private void drain() throws IOException {
            stream.write(buf, 0, len);
            len = 0;
        }

        /** Keeps the bytes: the writer above flushes after every generator flush. */
        @Override
        public void flush() {
        }

        /** Writes everything out. */
        void finish() throws IOException {
            drain();
            stream.flush();
        }
    }

    @Override
    public void problem(ReadProblem p) {
        if (lines) {
            err.println("mamori: " + Terminal.safe(p.text().in(lang.name())));
        }
        pending.add(p);
    }

    /**
     * The pending problems, by line and byte offset: reading in parallel reports them in another
     * order than reading in one stream, and the output must not depend on it.
     */
    private void flushProblems() {
        pending.sort(ReadProblemOrder.INSTANCE);
        if (lines) {
            for (ReadProblem p : pending) {
                io(() -> writeProblem(p.file(), p.byteOffset(), p.line(), p.message(), p.unread()));
            }
        } else {
            problems.addAll(pending);
        }
        pending.clear();
    }

    /** A problem as a JSON Lines line: it has {@code problem} where a finding has {@code type}. */
    private void writeProblem(String file, long byteOffset, long line, String message, boolean unread) throws IOException {
        g.writeStartObject();
        g.writeStringField("file", file);
        g.writeStringField("problem", message);
        g.writeBooleanField("unread", unread);
        if (line > 0) {
            g.writeNumberField("line", line);
        }
        if (byteOffset >= 0) {
            g.writeNumberField("byte_offset", byteOffset);
        }
        g.writeEndObject();
        endLine();
    }

    @Override
    public void file(FileReport r) {
        flushProblems();
        files.add(r);
    }

    @Override
    public void skipped(String file, dev.mamori.report.Message reason) {
        if (lines) {
            io(() -> writeProblem(file, -1, 0, "skipped: " + reason.en(), true));
        }
        skipped.add(new String[] {file, reason.en()});
    }

    @Override
    public void unreadable(String file, dev.mamori.report.Message message) {
        flushProblems();
        if (lines) {
            io(() -> writeProblem(file, -1, 0, message.en(), true));
        }
        unreadable.add(new String[] {file, message.en()});
    }

    @Override
    public void end(Outcome outcome) {
        flushProblems();
        io(() -> {
            if (!lines) {
                g.writeEndArray();
                g.writeArrayFieldStart("files");
                for (FileReport r : files) {
                    writeFile(r);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("problems");
                for (ReadProblem p : problems) {
                    g.writeStartObject();
                    g.writeStringField("file", p.file());
                    if (p.byteOffset() >= 0) {
                        g.writeNumberField("byte_offset", p.byteOffset());
                    }
                    if (p.line() > 0) {
                        g.writeNumberField("line", p.line());
                    }
                    g.writeStringField("message", p.message());
                    g.writeBooleanField("unread", p.unread());
                    g.writeEndObject();
                }
                g.writeEndArray();
                writePairs("skipped", "reason", skipped);
                writePairs("unreadable", "message", unreadable);
                g.writeNumberField("unread_problems", outcome.unreadProblems());
                g.writeNumberField("recognizer_failures", outcome.recognizerFailures());
                g.writeArrayFieldStart("failed_on");
                for (PiiType t : outcome.failedOn()) {
                    g.writeString(t.name());
                }
                g.writeEndArray();
                g.writeNumberField("exit_code", outcome.exitCode());
                g.writeEndObject();
            }
            g.flush();
            if (bytes != null) {
                bytes.finish();
            }
        });
        if (!lines) {
            out.println();
        }
        out.flush();
    }

    private void writePairs(String name, String second, List<String[]> pairs) throws IOException {
        g.writeArrayFieldStart(name);
        for (String[] p : pairs) {
            g.writeStartObject();
            g.writeStringField("file", p[0]);
            g.writeStringField(second, p[1]);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void writeFile(FileReport r) throws IOException {
        g.writeStartObject();
        g.writeStringField("file", r.file());
        g.writeStringField("format", r.read().format().name());
        g.writeStringField("encoding", r.read().charset() == null ? null : r.read().charset().name());
        if (r.read().delimiter() != 0) {
            g.writeStringField("delimiter", String.valueOf(r.read().delimiter()));
        }
        g.writeNumberField("bytes", r.read().bytes());
        g.writeNumberField("records", r.read().records());
        g.writeNumberField("unread_problems", r.unread());
        g.writeNumberField("elapsed_ms", r.elapsedNanos() / 1_000_000);
        writeClassifications(r.classifications());
        writeCounts("counts", r.counts());
        g.writeArrayFieldStart("tables");
        for (TableReport t : r.tables()) {
            g.writeStartObject();
            if (t.sheet() != null) {
                g.writeStringField("sheet", t.sheet());
            }
            g.writeNumberField("rows", t.rows());
            writeClassifications(t.classifications());
            g.writeArrayFieldStart("columns");
            for (ColumnReport c : t.columns()) {
                g.writeStartObject();
                g.writeNumberField("column_index", c.index());
                g.writeStringField("column", c.header());
                g.writeNumberField("cells", c.cells());
                g.writeArrayFieldStart("types");
                for (PiiType type : c.types()) {
                    g.writeString(type.name());
                }
                g.writeEndArray();
                g.writeStringField("category", c.category() == null ? null : c.category().name());
                g.writeObjectFieldStart("share");
                for (Map.Entry<PiiType, Long> e : new java.util.TreeMap<>(c.hits()).entrySet()) {
                    g.writeNumberField(e.getKey().name(), Math.round(c.share(e.getKey()) * 1000) / 1000.0);
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void writeClassifications(Set<Classification> cs) throws IOException {
        g.writeStringField("classification", Classification.headline(cs).name());
        g.writeArrayFieldStart("classifications");
        for (Classification c : Classification.values()) {
            if (cs.contains(c)) {
                g.writeString(c.name());
            }
        }
        g.writeEndArray();
    }

    private void writeCounts(String name, Map<PiiType, Long> counts) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<PiiType, Long> e : new java.util.TreeMap<>(counts).entrySet()) {
            g.writeNumberField(e.getKey().name(), e.getValue());
        }
        g.writeEndObject();
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void io(IoAction a) {
        try {
            a.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
