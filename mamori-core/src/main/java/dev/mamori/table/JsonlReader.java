package dev.mamori.table;

import dev.mamori.report.Message;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON value per line with Jackson's streaming parser. Generic mode flattens each object
 * into a row (see {@link JsonFlattener}); labeled mode delivers {@code doc_id} and {@code text}. A
 * malformed line, or one over a limit (length, nesting, number or key length, columns), is reported
 * as unread, by position only, and skipped; blank lines are skipped.
 */
final class JsonlReader implements LineScanner.Sink {

    /** Longest line, in chars, that is parsed; longer lines are reported and skipped. */
    static final int MAX_LINE_CHARS = 4 * 1024 * 1024;
    /** Deepest nesting of objects and arrays in a line. */
    static final int MAX_DEPTH = 256;
    /** Longest number, in chars. */
    static final int MAX_NUMBER_CHARS = 1000;
    /** Longest key, in chars. */
    static final int MAX_KEY_CHARS = 1000;
    /** Most columns (distinct flattened keys) in a file, as for CSV. */
    static final int MAX_COLUMNS = CsvTableReader.MAX_FIELDS;

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(MAX_NUMBER_CHARS)
                    .maxNameLength(MAX_KEY_CHARS)
                    .maxStringLength(MAX_LINE_CHARS)
                    .build())
            .build();

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
                problems.unread(-1, n, new Message(n + " 行目が " + MAX_LINE_CHARS + " 文字を超えています。読み飛ばしました",
                        "line " + n + " is longer than " + MAX_LINE_CHARS + " chars; skipped"));
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
            try {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    problems.unread(-1, n, new Message(n + " 行目が JSON のオブジェクトではありません。読み飛ばしました",
                            "line " + n + " is not a JSON object; skipped"));
                    return;
                }
                if (labeled) {
                    labeled(n, p);
                } else {
                    generic(n, JsonFlattener.flatten(p, MAX_COLUMNS, MAX_LINE_CHARS));
                }
                if (p.nextToken() != null) {
                    int col = p.currentLocation().getColumnNr();
                    problems.unread(-1, n, new Message(n + " 行目: JSON のオブジェクトの後、" + col + " 桁目に文字があります。無視しました",
                            "line " + n + ": text after the JSON object, column " + col + "; ignored"));
                }
            } catch (JsonProcessingException e) {
                // StreamConstraintsException has no location of its own: the parser's is where it stopped
                JsonLocation at = e.getLocation() != null ? e.getLocation() : p.currentLocation();
                problems.unread(-1, n, reason(e).after(n + " 行目 " + at.getColumnNr() + " 桁目: ", "line " + n + ", column " + at.getColumnNr() + ": ")
                        .plus("。読み飛ばしました", "; skipped"));
            } catch (JsonFlattener.TooWide e) {
                problems.unread(-1, n, new Message(n + " 行目の値が " + MAX_COLUMNS + " 個を超えるか、キーが合わせて " + MAX_LINE_CHARS
                        + " 文字を超えています。読み飛ばしました", "line " + n + " has more than " + MAX_COLUMNS
                        + " values, or keys of more than " + MAX_LINE_CHARS + " chars in all; skipped"));
            }
        }
    }

    /**
     * What is wrong with a line, in words of our own: Jackson's messages quote the offending token
     * ("Unrecognized token '123456789018x'"), which may be personal information.
     */
    static Message reason(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            String m = String.valueOf(e.getOriginalMessage());
            if (m.contains("nesting depth")) {
                return new Message("入れ子が " + MAX_DEPTH + " 段を超えています", "nested deeper than " + MAX_DEPTH + " levels");
            }
            if (m.startsWith("Number value length")) {
                return new Message(MAX_NUMBER_CHARS + " 文字を超える数値があります", "a number longer than " + MAX_NUMBER_CHARS + " chars");
            }
            if (m.startsWith("Name length")) {
                return new Message(MAX_KEY_CHARS + " 文字を超えるキーがあります", "a key longer than " + MAX_KEY_CHARS + " chars");
            }
            return new Message("パーサーの上限を超えています", "over a parser limit");
        }
        if (e instanceof JsonEOFException) {
            return new Message("JSON が壊れています（値の途中で行が終わっています）", "malformed JSON (the line ends inside a value)");
        }
        String m = String.valueOf(e.getOriginalMessage());
        Message what = m.startsWith("Unrecognized token") ? new Message("引用符のない文字列のような、JSON の値ではない語",
                "a word that is not a JSON value (text without quotes?)")
                : m.startsWith("Unexpected character") ? new Message("予期しない文字", "an unexpected character")
                : m.startsWith("Unexpected close marker") ? new Message("対応する開き括弧のない閉じ括弧", "a bracket that closes nothing")
                : m.startsWith("Illegal unquoted character") ? new Message("文字列の中の制御文字", "a control character inside a string")
                : m.startsWith("Invalid numeric value") || m.startsWith("Non-standard token") ? new Message("正しくない数値", "an invalid number")
                : new Message("JSON として正しくありません", "not valid JSON");
        return what.after("JSON が壊れています（", "malformed JSON (").plus("）", ")");
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
            String key = docId == null ? "\"doc_id\"" : "\"text\"";
            problems.unread(-1, n, new Message(n + " 行目に文字列の " + key + " がありません。読み飛ばしました",
                    "line " + n + " lacks a string " + key + "; skipped"));
            return;
        }
        rows++;
        visitor.labeled(n, docId, text);
    }

    private void generic(long n, Map<String, String> values) {
        int fresh = 0;
        for (String key : values.keySet()) {
            fresh += columns.containsKey(key) ? 0 : 1;
        }
        if (columns.size() + fresh > MAX_COLUMNS) {
            problems.unread(-1, n, new Message(n + " 行目でファイルの列が " + MAX_COLUMNS + " を超えます。読み飛ばしました",
                    "line " + n + " brings the file to more than " + MAX_COLUMNS + " columns; skipped"));
            return;
        }
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
