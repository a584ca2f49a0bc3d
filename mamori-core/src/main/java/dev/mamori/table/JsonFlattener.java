package dev.mamori.table;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Flattens one JSON object into path → value: nested objects give dotted paths ({@code a.b}),
 * arrays give indexes ({@code a[0]}); strings, numbers and booleans are kept as text, nulls dropped.
 * Bounded: at most {@code maxValues} values and {@code maxPathChars} chars of paths in all (a deep
 * path repeated for every element of a long array would otherwise multiply the line's size).
 */
final class JsonFlattener {

    /** More values, or longer paths, than allowed. */
    static final class TooWide extends Exception {
        private static final long serialVersionUID = 1L;

        TooWide() {
            super(null, null, false, false);
        }
    }

    private final JsonParser p;
    private final int maxValues;
    private final long maxPathChars;
    private final Map<String, String> out = new LinkedHashMap<>();
    private long pathChars;

    private JsonFlattener(JsonParser p, int maxValues, long maxPathChars) {
        this.p = p;
        this.maxValues = maxValues;
        this.maxPathChars = maxPathChars;
    }

    /**
     * The parser must be on the object's START_OBJECT; it is left on the matching END_OBJECT.
     *
     * @throws TooWide when the object holds more than {@code maxValues} values or its paths more than
     *                 {@code maxPathChars} chars
     */
    static Map<String, String> flatten(JsonParser p, int maxValues, long maxPathChars) throws IOException, TooWide {
        JsonFlattener f = new JsonFlattener(p, maxValues, maxPathChars);
        f.object("");
        return f.out;
    }

    private void object(String prefix) throws IOException, TooWide {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = prefix.isEmpty() ? p.currentName() : prefix + "." + p.currentName();
            value(p.nextToken(), key);
        }
    }

    private void array(String prefix) throws IOException, TooWide {
        int i = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            value(t, prefix + "[" + i++ + "]");
        }
    }

    private void value(JsonToken t, String key) throws IOException, TooWide {
        switch (t) {
            case START_OBJECT -> object(key);
            case START_ARRAY -> array(key);
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> {
                pathChars += key.length();
                if (out.size() >= maxValues || pathChars > maxPathChars) {
                    throw new TooWide();
                }
                out.put(key, p.getText());
            }
            default -> { } // null
        }
    }
}
