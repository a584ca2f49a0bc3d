package dev.mamori.server.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.detect.PiiType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The data items of a dataset from a {@code mamori scan --format json} report: one item per classified column of a
 * table, one per type found in free text; and the report as evidence, without its findings (which hold masked values
 * and positions of persons' data, and which the ledger does not need).
 */
final class ScanReportImport {

    /** The report could not be used, and why (for the person who uploaded it). */
    static final class NotAScanReport extends dev.mamori.server.web.BadInputException {
        private static final long serialVersionUID = 1L;

        NotAScanReport(String why) {
            super(why);
        }
    }

    record Result(List<DataItem> items, String evidence) {
    }

    private ScanReportImport() {
    }

    static Result read(byte[] report, ObjectMapper json) {
        JsonNode root;
        try {
            root = json.readTree(report);
        } catch (JsonProcessingException e) {
            throw new NotAScanReport("not JSON (line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        } catch (java.io.IOException e) {
            throw new NotAScanReport("unreadable");
        }
        if (root == null || !root.isObject() || !root.path("tool").asText("").startsWith("mamori") || !root.path("files").isArray()) {
            throw new NotAScanReport("not a report of mamori scan --format json (no 'tool' and 'files')");
        }
        Map<String, DataItem> items = new LinkedHashMap<>();
        Set<String> textTypes = new TreeSet<>();
        for (JsonNode f : root.get("files")) {
            boolean table = false;
            for (JsonNode t : f.path("tables")) {
                for (JsonNode c : t.path("columns")) {
                    table = true;
                    List<String> types = new ArrayList<>();
                    c.path("types").forEach(x -> types.add(x.asText()));
                    String category = c.path("category").isTextual() ? c.get("category").asText() : null;
                    if (types.isEmpty() && category == null) {
                        continue;
                    }
                    String name = c.path("column").asText("").strip();
                    if (name.isEmpty()) {
                        continue;
                    }
                    items.merge(name, new DataItem(name, category, types), (a, b) -> merge(a, b));
                }
            }
            if (!table) {
                f.path("counts").fields().forEachRemaining(e -> {
                    if (e.getValue().asLong() > 0) {
                        textTypes.add(e.getKey());
                    }
                });
            }
        }
        for (String t : textTypes) {
            PiiType type = type(t);
            String name = type == null ? t : type.japanese();
            items.putIfAbsent(name, new DataItem(name, type == null ? null : type.category().name(), List.of(t)));
        }
        ObjectNode evidence = ((ObjectNode) root).deepCopy();
        evidence.remove("findings");
        try {
            return new Result(List.copyOf(items.values()), json.writeValueAsString(evidence));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DataItem merge(DataItem a, DataItem b) {
        Set<String> types = new LinkedHashSet<>(a.types());
        types.addAll(b.types());
        return new DataItem(a.name(), a.category() != null ? a.category() : b.category(), List.copyOf(types));
    }

    private static PiiType type(String name) {
        try {
            return PiiType.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
