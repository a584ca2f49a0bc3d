package dev.mamori.deid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes {@link Policy} files (YAML). Writing keeps each column's reason as a comment, so
 * the person who approves the policy sees why a column got its role; reading checks every field
 * and names the column and field of any mistake.
 */
public final class PolicyFile {

    static final Set<String> TRANSFORMS = Set.of("delete", "pseudonym", "token", "fpe", "mask", "random_id", "redact", "keep", "generalize");

    private PolicyFile() {
    }

    /** The policy as YAML, with a comment per column. */
    public static String write(Policy p) {
        StringBuilder b = new StringBuilder();
        b.append("# Mamori processing policy (処理方針), format version 1. Review every column, then run:\n");
        b.append("#   mamori deid --policy THIS_FILE DATA --output OUT\n");
        b.append("# mode: ").append(p.mode() == Mode.ANONYMOUS
                ? "anonymous = 匿名加工情報 (個人情報保護法2条6項, 施行規則34条)" : "pseudonymous = 仮名加工情報 (法2条5項, 施行規則31条)").append('\n');
        b.append("mode: ").append(p.mode().name().toLowerCase(Locale.ROOT)).append('\n');
        b.append("# 利用目的 (purpose of use; required for 仮名加工情報, 法41条4項)\n");
        b.append("purpose: ").append(quote(p.purpose() == null ? "" : p.purpose())).append('\n');
        b.append("privacy:\n");
        b.append("  k: ").append(p.k()).append("                     # each combination of quasi-identifiers shared by at least k records\n");
        b.append("  suppression_limit: ").append(p.suppressionLimit()).append("   # share of records that may be removed\n");
        if (!p.l().isEmpty()) {
            b.append("  l:\n");
            p.l().forEach((c, n) -> b.append("    ").append(quote(c)).append(": ").append(n).append('\n'));
        }
        b.append("columns:\n");
        p.columns().forEach((name, c) -> {
            if (c.why() != null && !c.why().isBlank()) {
                b.append("  # ").append(c.why().replace('\n', ' ')).append('\n');
            }
            b.append("  ").append(quote(name)).append(": {role: ").append(c.role().name().toLowerCase(Locale.ROOT))
                    .append(", transform: ").append(c.transform());
            if (c.hierarchy() != null) {
                b.append(", hierarchy: ").append(quote(c.hierarchy()));
            }
            b.append("}\n");
        });
        return b.toString();
    }

    /** Reads and checks a policy file. */
    public static Policy read(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not a YAML policy: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""));
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": empty policy");
        }
        Mode mode = enumOf(Mode.class, text(root, "mode", file), file + ": mode");
        String purpose = root.path("purpose").asText("");
        if (mode == Mode.PSEUDONYMOUS && purpose.isBlank()) {
            throw new IllegalArgumentException(file + ": purpose: 仮名加工情報 needs its 利用目的 (法41条4項)");
        }
        JsonNode privacy = root.path("privacy");
        int k = privacy.path("k").asInt(1);
        double limit = privacy.path("suppression_limit").asDouble(0);
        if (k < 1 || limit < 0 || limit > 1) {
            throw new IllegalArgumentException(file + ": privacy: k must be at least 1 and suppression_limit in 0..1");
        }
        Map<String, Integer> l = new LinkedHashMap<>();
        privacy.path("l").fields().forEachRemaining(e -> l.put(e.getKey(), e.getValue().asInt()));
        Map<String, Policy.Column> columns = new LinkedHashMap<>();
        JsonNode cols = root.path("columns");
        if (!cols.isObject() || cols.isEmpty()) {
            throw new IllegalArgumentException(file + ": columns: name every column of the input with its role");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = cols.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String where = file + ": column '" + e.getKey() + "'";
            Policy.Role role = enumOf(Policy.Role.class, text(e.getValue(), "role", where), where + ": role");
            String transform = text(e.getValue(), "transform", where);
            if (!TRANSFORMS.contains(transform)) {
                throw new IllegalArgumentException(where + ": transform '" + transform + "' is not one of " + TRANSFORMS);
            }
            String hierarchy = e.getValue().path("hierarchy").asText(null);
            if (role == Policy.Role.QUASI_IDENTIFIER && hierarchy == null) {
                throw new IllegalArgumentException(where + ": a quasi-identifier needs a hierarchy (builtin:… or a CSV file)");
            }
            columns.put(e.getKey(), new Policy.Column(role, transform, hierarchy, null));
        }
        for (String c : l.keySet()) {
            if (!columns.containsKey(c)) {
                throw new IllegalArgumentException(file + ": privacy.l names column '" + c + "', which is not under columns");
            }
        }
        return new Policy(mode, purpose.isBlank() ? null : purpose, k, limit, l, columns);
    }

    private static String text(JsonNode n, String field, Object where) {
        JsonNode v = n.get(field);
        if (v == null || v.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": '" + field + "' is missing");
        }
        return v.asText().trim();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String where) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": '" + value + "' is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
