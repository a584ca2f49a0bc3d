package dev.mamori.table;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON value per line with Jackson's streaming parser. Generic mode flattens each object
 * into a row (see {@link JsonFlattener}); labeled mode delivers {@code doc_id} and {@code text}. A
 * malformed or oversize line is reported and skipped; blank lines are skipped.
 */
final class JsonlReader implements LineScanner.Sink {

    /** Longest line, in chars, that is parsed; longer lines are reported and skipped. */
    static final int MAX_LINE_CHARS = 4 * 1024 * 1024;

    private static final JsonFactory JSON = new JsonFactory();

    private final DocumentVisitor visitor;
    private final Problems problems;
    private final boolean labeled;
    private char[] line = new char[4096];
    private int length;
    private boolean tooLong;
    private final Map<String, Integer> columns = new LinkedHashMap<>();
    private long rows;

    JsonlReader(DocumentVisitor visitor, Problems problems, boolean labeled) {
        this.visitor = visitor;
        this.problems = problems;
        this.labeled = labeled;
    }

    static long read(Reader in, DocumentVisitor v, Problems problems, boolean labeled) throws IOException {
        JsonlReader r = new JsonlReader(v, problems, labeled);
        LineScanner.scan(in, r);
        return r.rows;
    }

    @Override
    public void chars(char[] buf, int off, int len) {
        if (tooLong || length + len > MAX_LINE_CHARS) {
            tooLong = true;
            length = 0;
            return;
        }
        if (length + len > line.length) {
            line = Arrays.copyOf(line, Math.min(MAX_LINE_CHARS, Math.max(length + len, 2 * line.length)));
        }
        System.arraycopy(buf, off, line, length, len);
        length += len;
    }

    @Override
    public void endLine(long n) throws IOException {
        try {
            if (tooLong) {
                problems.report(-1, n, "line " + n + " is longer than " + MAX_LINE_CHARS + " chars; skipped");
            } else if (!blank()) {
                parse(n);
            }
        } finally {
            tooLong = false;
            length = 0;
            if (line.length > (1 << 20)) {
                line = new char[4096]; // do not keep a huge buffer for the rest of the file
            }
        }
    }

    private boolean blank() {
        for (int i = 0; i < length; i++) {
            if (!Character.isWhitespace(line[i])) {
                return false;
            }
        }
        return true;
    }

    private void parse(long n) throws IOException {
        try (JsonParser p = JSON.createParser(line, 0, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                problems.report(-1, n, "line " + n + " is not a JSON object; skipped");
                return;
            }
            if (labeled) {
                labeled(n, p);
            } else {
                generic(n, JsonFlattener.flatten(p));
            }
            if (p.nextToken() != null) {
                problems.report(-1, n, "line " + n + ": text after the JSON object, column "
                        + p.currentLocation().getColumnNr() + "; ignored");
            }
        } catch (JsonProcessingException e) {
            problems.report(-1, n, "line " + n + ", column " + e.getLocation().getColumnNr()
                    + ": malformed JSON (" + e.getOriginalMessage().lines().findFirst().orElse("") + "); skipped");
        }
    }

    private void labeled(long n, JsonParser p) throws IOException {
        String docId = null;
        String text = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_STRING && "doc_id".equals(name)) {
                docId = p.getText();
            } else if (t == JsonToken.VALUE_STRING && "text".equals(name)) {
                text = p.getText();
            } else {
                p.skipChildren();
            }
        }
        if (docId == null || text == null) {
            problems.report(-1, n, "line " + n + " lacks a string "
                    + (docId == null ? "\"doc_id\"" : "\"text\"") + "; skipped");
            return;
        }
        rows++;
        visitor.labeled(n, docId, text);
    }

    private void generic(long n, Map<String, String> values) {
        boolean grew = false;
        for (String key : values.keySet()) {
            if (!columns.containsKey(key)) {
                columns.put(key, columns.size());
                grew = true;
            }
        }
        if (grew || rows == 0) {
            visitor.table(null, List.copyOf(columns.keySet()));
        }
        String[] cells = new String[columns.size()];
        values.forEach((k, val) -> cells[columns.get(k)] = val);
        rows++;
        visitor.row(rows, n, Arrays.asList(cells));
    }

}
