package dev.mamori.server.assess;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.assess.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An answer as the database keeps it: {"choice": KEY}, {"checked": [KEY …]} or {"text": TEXT}. */
public final class ResponseJson {

    private ResponseJson() {
    }

    public static String write(ObjectMapper json, Response r) {
        try {
            return json.writeValueAsString(node(r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value of {@link #write} as a map (to keep several answers in one JSON object). */
    public static Map<String, Object> node(Response r) {
        return r instanceof Response.Chosen c ? Map.of("choice", c.key())
                : r instanceof Response.Checked c ? Map.of("checked", c.keys())
                : Map.of("text", ((Response.Written) r).text());
    }

    public static Response read(ObjectMapper json, String text) {
        try {
            return read(json.readTree(text));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a saved answer is not JSON", e);
        }
    }

    public static Response read(JsonNode n) {
        if (n.has("choice")) {
            return new Response.Chosen(n.get("choice").asText());
        }
        if (n.has("checked")) {
            List<String> keys = new ArrayList<>();
            n.get("checked").forEach(k -> keys.add(k.asText()));
            return new Response.Checked(keys);
        }
        return new Response.Written(n.get("text").asText());
    }
}
