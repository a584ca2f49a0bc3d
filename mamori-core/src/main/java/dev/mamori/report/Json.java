package dev.mamori.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * The one JSON mapper of Mamori's reports: field names in snake_case (the glossary's names, e.g.
 * {@code min_class_size}, {@code unique_share}), indented, dates as ISO text. Records serialise by their
 * components, so a report that embeds a {@code RiskReport} names its fields the same way as one written
 * by hand. Map keys (column names, types) stay as they are.
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .findAndRegisterModules();

    private Json() {
    }

    /**
     * Builds the mapper and the serializers a report needs (a record's components, numbers, text): about 500 classes,
     * a fifth of a second. A short command calls this on an idle core early, so that writing its report at the end
     * does not wait for them.
     */
    public static void prepare() {
        write(tree(new Sample(1, 0.5, "x", java.util.List.of(1L))));
    }

    private record Sample(int count, double share, String text, java.util.List<Long> values) {
    }

    /** The shared mapper (configured once; thread-safe for reading and writing). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A new empty object node. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** {@code value} as a tree, with snake_case names. */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** {@code value} as indented JSON text, ending with a newline. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
