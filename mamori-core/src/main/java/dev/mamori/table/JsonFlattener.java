package dev.mamori.table;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Flattens one JSON object into path → value: nested objects give dotted paths ({@code a.b}),
 * arrays give indexes ({@code a[0]}); strings, numbers and booleans are kept as text, nulls dropped.
 */
final class JsonFlattener {

    private JsonFlattener() {
    }

    /** The parser must be on the object's START_OBJECT; it is left on the matching END_OBJECT. */
    static Map<String, String> flatten(JsonParser p) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        object(p, "", out);
        return out;
    }

    private static void object(JsonParser p, String prefix, Map<String, String> out) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = prefix.isEmpty() ? p.currentName() : prefix + "." + p.currentName();
            value(p, p.nextToken(), key, out);
        }
    }

    private static void array(JsonParser p, String prefix, Map<String, String> out) throws IOException {
        int i = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            value(p, t, prefix + "[" + i++ + "]", out);
        }
    }

    private static void value(JsonParser p, JsonToken t, String key, Map<String, String> out) throws IOException {
        switch (t) {
            case START_OBJECT -> object(p, key, out);
            case START_ARRAY -> array(p, key, out);
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> out.put(key, p.getText());
            default -> { } // null
        }
    }
}
