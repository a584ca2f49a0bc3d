package dev.mamori.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.mamori.detect.Finding;
import dev.mamori.detect.LocatedFinding;
import dev.mamori.detect.Location;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * A finding as one line of JSON, the same for {@code mamori scan --format jsonl|json} and {@code mamori spark scan}:
 * file, type, category, span, confidence (rounded to three decimals), validated, the masked value and, when asked, the
 * value; then where it is (line; row when known, column, column index and sheet for a table; document id). Strings are
 * escaped by {@link TerminalSafeEscapes}. Schema: docs/scan-output.md.
 */
public final class FindingJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private FindingJson() {
    }

    /** Writes the finding as one JSON object; the generator should use {@link TerminalSafeEscapes}. */
    public static void write(JsonGenerator g, LocatedFinding lf, boolean showValues) throws IOException {
        Finding f = lf.finding();
        Location w = lf.where();
        g.writeStartObject();
        g.writeStringField("file", w.file());
        g.writeStringField("type", f.type().name());
        g.writeStringField("category", f.category().name());
        g.writeNumberField("start", f.start());
        g.writeNumberField("end", f.end());
        g.writeNumberField("confidence", Math.round(f.confidence() * 1000) / 1000.0);
        g.writeBooleanField("validated", f.validated());
        g.writeStringField("masked", f.masked());
        if (showValues) {
            g.writeStringField("value", f.value());
        }
        if (w.line() > 0) {
            g.writeNumberField("line", w.line());
        }
        if (w.inTable()) {
            if (w.row() > 0) { // a table read on a cluster, in partitions, does not know its rows' numbers
                g.writeNumberField("row", w.row());
            }
            g.writeStringField("column", w.column());
            g.writeNumberField("column_index", w.columnIndex());
            if (w.sheet() != null) {
                g.writeStringField("sheet", w.sheet());
            }
        }
        if (w.docId() != null) {
            g.writeStringField("doc_id", w.docId());
        }
        g.writeEndObject();
    }

    /** The finding's line, without its line break. */
    public static String line(LocatedFinding lf, boolean showValues) {
        StringWriter out = new StringWriter(192);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setCharacterEscapes(TerminalSafeEscapes.INSTANCE);
            write(g, lf, showValues);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }
}
