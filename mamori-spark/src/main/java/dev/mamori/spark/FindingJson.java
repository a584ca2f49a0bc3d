package dev.mamori.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.detect.Finding;
import dev.mamori.detect.Location;

/**
 * A finding as a line of {@code mamori spark scan}'s JSON Lines: the fields and order of {@code mamori scan --format
 * jsonl} (file, type, category, span, confidence, validated, the masked value and, when asked, the value; then where
 * it is). One instance of {@link ObjectMapper} per task.
 */
final class FindingJson {

    private FindingJson() {
    }

    /** The finding's own fields, for the caller to add where it is. */
    static ObjectNode node(ObjectMapper json, String file, Finding f, boolean showValues) {
        ObjectNode o = json.createObjectNode();
        o.put("file", file);
        o.put("type", f.type().name());
        o.put("category", f.category().name());
        o.put("start", f.start());
        o.put("end", f.end());
        o.put("confidence", f.confidence());
        o.put("validated", f.validated());
        o.put("masked", f.masked());
        if (showValues) {
            o.put("value", f.value());
        }
        return o;
    }

    /** The whole line of a finding in a document: its line, and for a table its row, column and sheet. */
    static String line(ObjectMapper json, Finding f, String file, boolean showValues, Location w) throws JsonProcessingException {
        ObjectNode o = node(json, file, f, showValues);
        if (w.line() > 0) {
            o.put("line", w.line());
        }
        if (w.inTable()) {
            o.put("row", w.row());
            o.put("column", w.column());
            o.put("column_index", w.columnIndex());
            if (w.sheet() != null) {
                o.put("sheet", w.sheet());
            }
        }
        if (w.docId() != null) {
            o.put("doc_id", w.docId());
        }
        return json.writeValueAsString(o);
    }
}
