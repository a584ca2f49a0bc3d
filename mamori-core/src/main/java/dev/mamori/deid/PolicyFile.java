package dev.mamori.deid;

import dev.mamori.yaml.Suggest;
import dev.mamori.yaml.YamlException;
import dev.mamori.yaml.YamlNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes {@link Policy} files (YAML). Writing keeps each column's reason as a comment, so
 * the person who approves the policy sees why a column got its role; reading is strict (the JSON
 * Schema docs/policy.schema.json, with additionalProperties false, plus the rules of the law that a
 * schema cannot say) and names the file, line and column of any mistake: a typo must never fall back
 * to a default and weaken the processing.
 */
public final class PolicyFile {

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
        if (p.mode() == Mode.ANONYMOUS) {
            b.append("privacy:\n");
            b.append("  k: ").append(p.k()).append("                     # each combination of quasi-identifiers shared by at least k records\n");
            b.append("  suppression_limit: ").append(p.suppressionLimit()).append("   # share of records that may be removed\n");
            if (!p.l().isEmpty()) {
                b.append("  l:\n");
                p.l().forEach((c, n) -> b.append("    ").append(quote(c)).append(": ").append(n).append('\n'));
            }
        }
        b.append("columns:\n");
        p.columns().forEach((name, c) -> {
            if (c.why() != null && !c.why().isBlank()) {
                b.append("  # ").append(c.why().replaceAll("[\\p{Cntrl}\u2028\u2029]", " ")).append('\n');
            }
            b.append("  ").append(quote(name)).append(": {role: ").append(c.role().name().toLowerCase(Locale.ROOT))
                    .append(", transform: ").append(c.method().yamlName());
            if (c.hierarchy() != null) {
                b.append(", hierarchy: ").append(quote(c.hierarchy()));
            }
            b.append("}\n");
        });
        return b.toString();
    }

    /** Reads and checks a policy file. */
    public static Policy read(Path file) throws IOException {
        return read(file.toString(), YamlNode.readUtf8(file));
    }

    /** The keys a policy file may hold at each level (docs/policy.schema.json: additionalProperties false). */
    static final Set<String> ROOT_KEYS = Set.of("mode", "purpose", "privacy", "columns");
    static final Set<String> PRIVACY_KEYS = Set.of("k", "suppression_limit", "l");
    static final Set<String> COLUMN_KEYS = Set.of("role", "transform", "hierarchy");

    /**
     * Reads and checks a policy's text. Every mistake is refused with {@code file:line:column}: an
     * unknown key (with the allowed keys), a value of the wrong type or out of range, a transform the
     * mode does not allow, a missing or placeholder 利用目的, k below 2 for 匿名加工情報.
     *
     * @throws YamlException (an {@link IllegalArgumentException}) naming the place of the first mistake
     */
    public static Policy read(String file, String text) {
        YamlNode root = YamlNode.parse(file, text);
        if (!root.isMap()) {
            throw root.error("a policy is a YAML mapping (mode, purpose, privacy, columns)", "propose one with: mamori deid init DATA");
        }
        root.only(ROOT_KEYS, "a policy");
        Mode mode = enumOf(Mode.class, root.get("mode"), "mode");
        YamlNode purposeNode = root.get("purpose");
        String purpose = purposeNode.text();
        if (purpose != null && purpose.isBlank()) {
            purpose = null;
        }
        if (mode == Mode.PSEUDONYMOUS && purpose == null) {
            throw purposeNode.error("仮名加工情報 needs its 利用目的 (purpose of use, 法41条4項)", "write it under purpose:");
        }
        if (purpose != null && isPlaceholder(purpose)) {
            throw purposeNode.error("purpose is a placeholder, not a 利用目的 (法41条4項)", "write the actual purpose of use");
        }
        YamlNode privacy = root.get("privacy");
        privacy.only(PRIVACY_KEYS, "privacy");
        Integer k = privacy.integer("k", mode == Mode.ANONYMOUS ? 2 : 1, Integer.MAX_VALUE);
        if (mode == Mode.ANONYMOUS && k == null) {
            throw privacy.error("匿名加工情報 needs privacy.k (at least 2): every combination of quasi-identifiers shared by k records");
        }
        Double limit = privacy.number("suppression_limit");
        if (limit != null && (limit < 0 || limit > 1)) {
            throw privacy.get("suppression_limit").error("suppression_limit is a share from 0 to 1, not " + limit);
        }
        Map<String, Integer> l = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : privacy.get("l").entries()) {
            if (mode != Mode.ANONYMOUS) {
                throw e.getValue().error("l-diversity is part of 匿名加工情報; 仮名加工情報 has no privacy model");
            }
            l.put(e.getKey(), privacy.get("l").integer(e.getKey(), 2, Integer.MAX_VALUE));
        }
        YamlNode cols = root.get("columns");
        if (!cols.isMap() || cols.entries().isEmpty()) {
            throw cols.error("columns: name every column of the input with its role and transform");
        }
        Map<String, Policy.Column> columns = new LinkedHashMap<>();
        boolean generalised = false;
        for (Map.Entry<String, YamlNode> e : cols.entries()) {
            Policy.Column c = column(e.getKey(), e.getValue(), mode);
            generalised |= c.method() == Policy.Method.GENERALIZE;
            columns.put(e.getKey(), c);
        }
        if (mode == Mode.ANONYMOUS && !generalised) {
            throw cols.error("匿名加工情報 needs at least one quasi_identifier with transform: generalize");
        }
        for (Map.Entry<String, YamlNode> e : privacy.get("l").entries()) {
            if (!columns.containsKey(e.getKey())) {
                throw e.getValue().error("privacy.l names column \"" + e.getKey() + "\", which is not under columns");
            }
        }
        return new Policy(mode, purpose, k == null ? 1 : k, limit == null ? 0 : limit, l, columns);
    }

    private static Policy.Column column(String name, YamlNode c, Mode mode) {
        String where = "column \"" + name + "\"";
        if (!c.isMap()) {
            throw c.error(where + ": write {role: …, transform: …}");
        }
        c.only(COLUMN_KEYS, where);
        Policy.Role role = enumOf(Policy.Role.class, c.get("role"), where + ": role");
        Policy.Method method = enumOf(Policy.Method.class, c.get("transform"), where + ": transform");
        YamlNode h = c.get("hierarchy");
        String hierarchy = h.text();
        if (role == Policy.Role.QUASI_IDENTIFIER && (hierarchy == null || hierarchy.isBlank())) {
            throw c.error(where + ": a quasi_identifier needs a hierarchy (builtin:… or a CSV file)");
        }
        if (role != Policy.Role.QUASI_IDENTIFIER && hierarchy != null) {
            throw h.error(where + ": a hierarchy is for quasi_identifier columns only");
        }
        if (method == Policy.Method.GENERALIZE && role != Policy.Role.QUASI_IDENTIFIER) {
            throw c.get("transform").error(where + ": generalize is for quasi_identifier columns");
        }
        if (mode == Mode.ANONYMOUS && (method.reversible() || method == Policy.Method.PSEUDONYM)) {
            throw c.get("transform").error(where + ": " + method.yamlName() + " keeps a way back to the person; 匿名加工情報 must not be"
                    + " restorable (施行規則34条)", role == Policy.Role.LINKING_ID ? "use random_id (34条3号)" : "use delete, random_id, redact or generalize");
        }
        if (mode == Mode.PSEUDONYMOUS && method == Policy.Method.GENERALIZE) {
            throw c.get("transform").error(where + ": generalize is for 匿名加工情報", "in 仮名加工情報 use keep, or delete");
        }
        return new Policy.Column(role, method, hierarchy, null);
    }

    /** Written by {@code deid init} or typical of a form left unfilled: refused as a 利用目的. */
    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile(
            "(?i).*(記入して|を記入|未記入|未定|ここに|todo|tbd|fixme|xxx|lorem|〇〇|○○|●●|＊＊|\\?\\?).*");

    static boolean isPlaceholder(String purpose) {
        String p = purpose.strip();
        return PLACEHOLDER.matcher(p).matches() || p.codePoints().noneMatch(Character::isLetterOrDigit);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, YamlNode node, String what) {
        String value = node.text();
        List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(x -> x.name().toLowerCase(Locale.ROOT)).toList();
        if (value == null || value.isBlank()) {
            throw node.error(what + " is missing", "one of: " + String.join(", ", allowed));
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String near = Suggest.didYouMean(value.strip(), allowed);
            throw node.error(what + ": \"" + value.strip() + "\" is not allowed", (near == null ? "" : near + " ") + "one of: "
                    + String.join(", ", allowed));
        }
    }

    /** A YAML double-quoted string; control characters escaped so a header with a line break stays one key. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
