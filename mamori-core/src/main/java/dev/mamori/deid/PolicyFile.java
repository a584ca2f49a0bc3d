package dev.mamori.deid;

import dev.mamori.report.Message;
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
            throw root.error(new Message("方針は YAML のマッピングです（mode, purpose, privacy, columns）", "a policy is a YAML mapping (mode, purpose, privacy, columns)"),
                    new Message("案を作るには: mamori deid init DATA", "propose one with: mamori deid init DATA"));
        }
        root.only(ROOT_KEYS, new Message("方針", "a policy"));
        Mode mode = enumOf(Mode.class, root.get("mode"), new Message("mode", "mode"));
        YamlNode purposeNode = root.get("purpose");
        String purpose = purposeNode.text();
        if (purpose != null && purpose.isBlank()) {
            purpose = null;
        }
        if (mode == Mode.PSEUDONYMOUS && purpose == null) {
            throw purposeNode.error(new Message("仮名加工情報には利用目的が必要です（法41条4項）", "仮名加工情報 needs its 利用目的 (purpose of use, 法41条4項)"),
                    new Message("purpose: に書いてください", "write it under purpose:"));
        }
        if (purpose != null && isPlaceholder(purpose)) {
            throw purposeNode.error(new Message("purpose が記入例のままです。利用目的ではありません（法41条4項）", "purpose is a placeholder, not a 利用目的 (法41条4項)"),
                    new Message("実際の利用目的を書いてください", "write the actual purpose of use"));
        }
        YamlNode privacy = root.get("privacy");
        privacy.only(PRIVACY_KEYS, new Message("privacy", "privacy"));
        Integer k = privacy.integer("k", mode == Mode.ANONYMOUS ? 2 : 1, Integer.MAX_VALUE);
        if (mode == Mode.ANONYMOUS && k == null) {
            throw privacy.error(new Message("匿名加工情報には privacy.k（2 以上）が必要です。準識別子のどの組合せも k 件以上のレコードに共通にします",
                    "匿名加工情報 needs privacy.k (at least 2): every combination of quasi-identifiers shared by k records"));
        }
        Double limit = privacy.number("suppression_limit");
        if (limit != null && (limit < 0 || limit > 1)) {
            throw privacy.get("suppression_limit").error(new Message("suppression_limit は 0 から 1 の割合です（" + limit + " は不可）",
                    "suppression_limit is a share from 0 to 1, not " + limit));
        }
        Map<String, Integer> l = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : privacy.get("l").entries()) {
            if (mode != Mode.ANONYMOUS) {
                throw e.getValue().error(new Message("l-多様性は匿名加工情報のものです。仮名加工情報にはプライバシーモデルがありません",
                        "l-diversity is part of 匿名加工情報; 仮名加工情報 has no privacy model"));
            }
            l.put(e.getKey(), privacy.get("l").integer(e.getKey(), 2, Integer.MAX_VALUE));
        }
        YamlNode cols = root.get("columns");
        if (!cols.isMap() || cols.entries().isEmpty()) {
            throw cols.error(new Message("columns: 入力のすべての列を、役割（role）と処理（transform）とともに書いてください",
                    "columns: name every column of the input with its role and transform"));
        }
        Map<String, Policy.Column> columns = new LinkedHashMap<>();
        boolean generalised = false;
        for (Map.Entry<String, YamlNode> e : cols.entries()) {
            Policy.Column c = column(e.getKey(), e.getValue(), mode);
            generalised |= c.method() == Policy.Method.GENERALIZE;
            columns.put(e.getKey(), c);
        }
        if (mode == Mode.ANONYMOUS && !generalised) {
            throw cols.error(new Message("匿名加工情報には transform: generalize の準識別子（quasi_identifier）が少なくとも一つ必要です",
                    "匿名加工情報 needs at least one quasi_identifier with transform: generalize"));
        }
        for (Map.Entry<String, YamlNode> e : privacy.get("l").entries()) {
            if (!columns.containsKey(e.getKey())) {
                throw e.getValue().error(new Message("privacy.l の列 \"" + e.getKey() + "\" が columns にありません",
                        "privacy.l names column \"" + e.getKey() + "\", which is not under columns"));
            }
        }
        return new Policy(mode, purpose, k == null ? 1 : k, limit == null ? 0 : limit, l, columns);
    }

    private static Policy.Column column(String name, YamlNode c, Mode mode) {
        Message where = new Message("列 \"" + name + "\"", "column \"" + name + "\"");
        if (!c.isMap()) {
            throw c.error(where.plus(": {role: …, transform: …} の形で書いてください", ": write {role: …, transform: …}"));
        }
        c.only(COLUMN_KEYS, where);
        Policy.Role role = enumOf(Policy.Role.class, c.get("role"), where.plus(": role", ": role"));
        Policy.Method method = enumOf(Policy.Method.class, c.get("transform"), where.plus(": transform", ": transform"));
        YamlNode h = c.get("hierarchy");
        String hierarchy = h.text();
        if (role == Policy.Role.QUASI_IDENTIFIER && (hierarchy == null || hierarchy.isBlank())) {
            throw c.error(where.plus(": 準識別子には階層（builtin:… か CSV ファイル）が必要です", ": a quasi_identifier needs a hierarchy (builtin:… or a CSV file)"));
        }
        if (role != Policy.Role.QUASI_IDENTIFIER && hierarchy != null) {
            throw h.error(where.plus(": 階層は準識別子（quasi_identifier）の列にだけ付けます", ": a hierarchy is for quasi_identifier columns only"));
        }
        if (method == Policy.Method.GENERALIZE && role != Policy.Role.QUASI_IDENTIFIER) {
            throw c.get("transform").error(where.plus(": generalize は準識別子の列のための処理です", ": generalize is for quasi_identifier columns"));
        }
        if (mode == Mode.ANONYMOUS && (method.reversible() || method == Policy.Method.PSEUDONYM)) {
            throw c.get("transform").error(where.plus(": " + method.yamlName() + " は本人に戻る手段を残します。匿名加工情報は復元できてはなりません（施行規則34条）",
                            ": " + method.yamlName() + " keeps a way back to the person; 匿名加工情報 must not be restorable (施行規則34条)"),
                    role == Policy.Role.LINKING_ID ? new Message("random_id を使ってください（34条3号）", "use random_id (34条3号)")
                            : new Message("delete、random_id、redact、generalize のいずれかを使ってください", "use delete, random_id, redact or generalize"));
        }
        if (mode == Mode.PSEUDONYMOUS && method == Policy.Method.GENERALIZE) {
            throw c.get("transform").error(where.plus(": generalize は匿名加工情報のための処理です", ": generalize is for 匿名加工情報"),
                    new Message("仮名加工情報では keep か delete を使ってください", "in 仮名加工情報 use keep, or delete"));
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

    private static <E extends Enum<E>> E enumOf(Class<E> type, YamlNode node, Message what) {
        String value = node.text();
        List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(x -> x.name().toLowerCase(Locale.ROOT)).toList();
        if (value == null || value.isBlank()) {
            throw node.error(what.plus(" がありません", " is missing"), new Message("次のいずれか: " + String.join(", ", allowed),
                    "one of: " + String.join(", ", allowed)));
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            Message near = Suggest.didYouMean(value.strip(), allowed);
            String v = ": \"" + value.strip() + "\"";
            Message choices = new Message("次のいずれか: " + String.join(", ", allowed), "one of: " + String.join(", ", allowed));
            throw node.error(what.plus(v + " は使えません", v + " is not allowed"), near == null ? choices : near.plus(" ", " ").plus(choices.ja(), choices.en()));
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
