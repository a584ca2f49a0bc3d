package dev.mamori.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.detect.FileReport;
import dev.mamori.detect.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyTest {

    @TempDir
    Path dir;

    private static FileReport scanExample() throws IOException {
        try (Scanner s = new Scanner(Scanner.Options.defaults())) {
            return s.scan(Path.of("..", "examples", "customers_cp932.csv"), "customers", f -> { });
        }
    }

    @Test
    void theProposalFollowsTheProcessingStandards() throws IOException {
        Policy p = PolicyProposal.propose(scanExample(), Mode.ANONYMOUS, 5);
        Map<String, Policy.Column> c = p.columns();
        assertThat(c.keySet()).containsExactly("顧客番号", "氏名", "フリガナ", "性別", "生年月日", "郵便番号", "住所", "電話番号",
                "携帯電話", "メールアドレス", "個人番号", "備考");
        assertThat(c.get("個人番号").role()).isEqualTo(Policy.Role.IDENTIFIER);
        assertThat(c.get("個人番号").method()).isEqualTo(Policy.Method.DELETE);
        assertThat(c.get("個人番号").why()).contains("個人識別符号").contains("34条2号");
        assertThat(c.get("氏名").method()).isEqualTo(Policy.Method.DELETE);
        assertThat(c.get("住所").hierarchy()).isEqualTo("builtin:address");
        assertThat(c.get("生年月日").role()).isEqualTo(Policy.Role.QUASI_IDENTIFIER);
        assertThat(c.get("性別").hierarchy()).isEqualTo("builtin:sex");
        assertThat(c.get("顧客番号").method()).isEqualTo(Policy.Method.RANDOM_ID);
        Policy pseudo = PolicyProposal.propose(scanExample(), Mode.PSEUDONYMOUS, 5);
        assertThat(pseudo.columns().get("氏名").method()).isEqualTo(Policy.Method.PSEUDONYM);
        assertThat(pseudo.columns().get("個人番号").method()).isEqualTo(Policy.Method.DELETE); // 31条2号: never replaced by a reversible value
    }

    @Test
    void aWrittenPolicyReadsBackTheSame() throws IOException {
        Policy p = PolicyProposal.propose(scanExample(), Mode.ANONYMOUS, 5);
        Path f = dir.resolve("policy.yaml");
        Files.writeString(f, PolicyFile.write(p));
        Policy back = PolicyFile.read(f);
        assertThat(back.mode()).isEqualTo(Mode.ANONYMOUS);
        assertThat(back.k()).isEqualTo(5);
        assertThat(back.suppressionLimit()).isEqualTo(0.05);
        p.columns().forEach((name, col) -> {
            assertThat(back.columns().get(name).role()).as(name).isEqualTo(col.role());
            assertThat(back.columns().get(name).method()).as(name).isEqualTo(col.method());
            assertThat(back.columns().get(name).hierarchy()).as(name).isEqualTo(col.hierarchy());
        });
    }

    private Throwable refusal(String yaml) throws IOException {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, yaml);
        try {
            PolicyFile.read(f);
        } catch (IllegalArgumentException e) {
            return e;
        }
        throw new AssertionError("accepted: " + yaml);
    }

    private static final String COLUMNS = "columns:\n  年齢: {role: quasi_identifier, transform: generalize, hierarchy: builtin:age}\n";

    @Test
    void mistakesNameTheFileLineAndColumn() throws IOException {
        assertThat(refusal("mode: anonymous\nprivacy: {k: 5}\ncolumns:\n  年齢: {role: quasi_identifier, transform: generalize}\n"))
                .hasMessageContaining("bad.yaml:4:").hasMessageContaining("column \"年齢\"").hasMessageContaining("hierarchy");
        assertThat(refusal("mode: anonymous\nprivacy: {k: 5}\ncolumns:\n  氏名: {role: owner, transform: delete}\n"))
                .hasMessageContaining("bad.yaml:4:").hasMessageContaining("role").hasMessageContaining("one of: identifier, quasi_identifier, sensitive, insensitive, linking_id");
        assertThat(refusal("mode: pseudonymous\ncolumns:\n  氏名: {role: identifier, transform: pseudonym}\n")).hasMessageContaining("利用目的");
        assertThat(refusal("mode: [unclosed\n")).hasMessageContaining("bad.yaml:").hasMessageContaining("not valid YAML");
    }

    @Test
    void aTypoNeverFallsBackToADefault() throws IOException {
        // issue 9: privacy: {kk: 5} and k: five made k = 1, and "匿名加工情報" in which every record stayed unique
        assertThat(refusal("mode: anonymous\nprivacy: {kk: 5}\n" + COLUMNS))
                .hasMessageContaining("bad.yaml:2:").hasMessageContaining("unknown field \"kk\" in privacy")
                .hasMessageContaining("allowed: k, l, suppression_limit");
        assertThat(refusal("mode: anonymous\nprivacy: {k: five}\n" + COLUMNS)).hasMessageContaining("bad.yaml:2:")
                .hasMessageContaining("whole number");
        assertThat(refusal("mode: anonymous\n" + COLUMNS)).hasMessageContaining("privacy.k");
        assertThat(refusal("mode: anonymous\nprivacy: {k: 5, suppression_limit: 1.5}\n" + COLUMNS)).hasMessageContaining("0 to 1");
        assertThat(refusal("mode: anonymous\nprivacy: {k: 5, suppression_limit: .nan}\n" + COLUMNS)).hasMessageContaining("number");
        assertThat(refusal("mode: anonymous\nprivacy: {k: 5, l: {年齢: 1}}\n" + COLUMNS)).hasMessageContaining("\"年齢\" must be at least 2");
        assertThat(refusal("mode: anonymous\nprivacy: {k: 5}\npurpos: 分析\n" + COLUMNS)).hasMessageContaining("bad.yaml:3:")
                .hasMessageContaining("did you mean purpose?");
        assertThat(refusal("mode: anonymous\nprivacy: {k: 5}\ncolumns:\n  年齢: {role: quasi_identifier, transform: generalize,"
                + " hierarchy: builtin:age, hierachy: x}\n")).hasMessageContaining("unknown field \"hierachy\"");
        assertThat(refusal("mode: anonymous\nprivacy: {k: 5}\nprivacy: {k: 2}\n" + COLUMNS)).hasMessageContaining("given twice");
        assertThat(refusal("mode: anonimous\n" + COLUMNS)).hasMessageContaining("did you mean anonymous?");
    }

    @Test
    void anonymousModeNeedsKOfTwoAndNoWayBack() throws IOException {
        assertThat(refusal("mode: anonymous\nprivacy: {k: 1}\n" + COLUMNS)).hasMessageContaining("\"k\" must be at least 2");
        assertThat(refusal("mode: anonymous\nprivacy: {k: 5}\n" + COLUMNS + "  会員: {role: linking_id, transform: token}\n"))
                .hasMessageContaining("bad.yaml:5:").hasMessageContaining("random_id");
        assertThat(refusal("mode: anonymous\nprivacy: {k: 5}\ncolumns:\n  氏名: {role: identifier, transform: delete}\n"))
                .hasMessageContaining("at least one quasi_identifier");
        assertThat(refusal("mode: pseudonymous\npurpose: 分析\n" + COLUMNS)).hasMessageContaining("generalize is for 匿名加工情報");
    }

    @Test
    void aPlaceholderPurposeIsRefused() throws IOException {
        String cols = "columns:\n  氏名: {role: identifier, transform: pseudonym}\n";
        for (String p : new String[] {"\"（利用目的を記入してください）\"", "\"\"", "TODO", "\"…\"", "○○の分析", "\"  \""}) {
            assertThat(refusal("mode: pseudonymous\npurpose: " + p + "\n" + cols)).as(p).hasMessageContaining("利用目的");
        }
        Path f = dir.resolve("ok.yaml");
        Files.writeString(f, "mode: pseudonymous\npurpose: 購買履歴の分析による商品開発\n" + cols);
        assertThat(PolicyFile.read(f).purpose()).isEqualTo("購買履歴の分析による商品開発");
    }

    @Test
    void aHeaderWithALineBreakStaysOneColumnInTheWrittenPolicy() throws IOException {
        Map<String, Policy.Column> cols = new java.util.LinkedHashMap<>();
        cols.put("氏名\n(漢字)", new Policy.Column(Policy.Role.IDENTIFIER, Policy.Method.DELETE, null, "理由\r\nもう一行"));
        cols.put("年齢", new Policy.Column(Policy.Role.QUASI_IDENTIFIER, Policy.Method.GENERALIZE, "builtin:age", null));
        Policy p = new Policy(Mode.ANONYMOUS, null, 5, 0.05, Map.of(), cols);
        Policy back = PolicyFile.read("p.yaml", PolicyFile.write(p));
        assertThat(back.columns().keySet()).containsExactly("氏名\n(漢字)", "年齢");
    }

    @Test
    void aliasesCannotBlowUpAFile() {
        StringBuilder y = new StringBuilder("mode: anonymous\npurpose: &p \"" + "x".repeat(100_000) + "\"\nprivacy: {k: 5}\n" + COLUMNS);
        for (int i = 0; i < 50; i++) {
            y.append("# ").append(i).append('\n');
        }
        String bomb = "a: &a \"" + "x".repeat(100_000) + "\"\nb: [" + "*a, ".repeat(200) + "*a]\n";
        assertThatThrownBy(() -> dev.mamori.yaml.YamlNode.parse("bomb.yaml", bomb)).hasMessageContaining("aliases");
        dev.mamori.yaml.YamlNode.parse("fine.yaml", y.toString()); // one anchor, no alias: fine
    }

    @Test
    void theReaderAllowsExactlyWhatTheSchemaAllows() throws IOException {
        com.fasterxml.jackson.databind.JsonNode schema = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Path.of("..", "docs", "policy.schema.json").toFile());
        assertThat(names(schema.get("properties"))).isEqualTo(PolicyFile.ROOT_KEYS);
        assertThat(names(schema.at("/properties/privacy/properties"))).isEqualTo(PolicyFile.PRIVACY_KEYS);
        assertThat(names(schema.at("/properties/columns/additionalProperties/properties"))).isEqualTo(PolicyFile.COLUMN_KEYS);
        assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.at("/properties/privacy/additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.at("/properties/columns/additionalProperties/additionalProperties").asBoolean(true)).isFalse();
        assertThat(names(schema.at("/properties/columns/additionalProperties/properties/transform/enum"), true))
                .isEqualTo(java.util.Arrays.stream(Policy.Method.values()).map(Policy.Method::yamlName).collect(java.util.stream.Collectors.toSet()));
    }

    private static java.util.Set<String> names(com.fasterxml.jackson.databind.JsonNode n) {
        return names(n, false);
    }

    private static java.util.Set<String> names(com.fasterxml.jackson.databind.JsonNode n, boolean values) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        if (values) {
            n.forEach(v -> out.add(v.asText()));
        } else {
            n.fieldNames().forEachRemaining(out::add);
        }
        return out;
    }
}
