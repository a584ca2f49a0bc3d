package dev.mamori.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mamori.report.Json;
import java.io.UncheckedIOException;

/** One JSON object on one line (JSON Lines), written by the shared mapper ({@link Json}) without indentation. */
public final class JsonLines {

    private static final ObjectWriter LINE = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    private JsonLines() {
    }

    /** {@code node} as one line, without the line end. */
    public static String line(JsonNode node) {
        try {
            return LINE.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
