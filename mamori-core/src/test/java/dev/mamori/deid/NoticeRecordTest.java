package dev.mamori.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.detect.PiiType;
import dev.mamori.risk.RiskReport;
import dev.mamori.risk.SearchResult;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processing record (加工の記録); named Notice* so it runs with the notice tests. */
class NoticeRecordTest {

    private static final byte[] BYTES = new byte[32];

    static {
        for (int i = 0; i < BYTES.length; i++) {
            BYTES[i] = (byte) (i * 7 + 3);
        }
    }

    private static final Key KEY = new Key("customers", 2, Instant.EPOCH, BYTES);
    private static final String POLICY = "mode: anonymous\ncolumns: ...\n";

    static ProcessingRecord record(Path input) throws Exception {
        Map<String, Integer> levels = new LinkedHashMap<>();
        levels.put("年齢", 2);
        levels.put("性別", 0);
        RiskReport before = new RiskReport(100, 80, 1, new TreeMap<>(Map.of(1, 70, 2, 5, 20, 5)), 0.7, 1.0, 0.8, 0.2, 70,
                Map.of());
        RiskReport after = new RiskReport(95, 10, 5, new TreeMap<>(Map.of(5, 4, 15, 5)), 0.0, 0.2, 10 / 95.0, 0.2, 0,
                Map.of("病名", 2));
        return new ProcessingRecord(Instant.parse("2026-11-01T01:02:03Z"), "customers.csv",
                ProcessingRecord.sha256(input), ProcessingRecord.sha256(POLICY), Mode.ANONYMOUS,
                List.of(ColumnAction.of("氏名", "IDENTIFIER", new Delete()),
                        ColumnAction.of("顧客番号", "LINKING_ID", new KeyedPseudonym(KEY)),
                        ColumnAction.generalised("年齢", "QUASI_IDENTIFIER", 2),
                        ColumnAction.kept("性別", "QUASI_IDENTIFIER"),
                        ColumnAction.of("備考", "INSENSITIVE", new RedactText(EnumSet.of(PiiType.PERSON, PiiType.PHONE)))),
                100, 95, 5, before, after, new SearchResult(levels, 0.25185, 5, 5, 10, 12, 34), null);
    }

    @Test
    void jsonHasEveryFigure(@TempDir Path dir) throws Exception {
        Path input = Files.writeString(dir.resolve("customers.csv"), "abc");
        JsonNode j = new ObjectMapper().readTree(record(input).toJson());
        assertThat(j.get("processed_at").asText()).isEqualTo("2026-11-01T01:02:03Z");
        assertThat(j.get("input_file").asText()).isEqualTo("customers.csv");
        assertThat(j.get("input_sha256").asText())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"); // SHA-256("abc")
        assertThat(j.get("policy_sha256").asText()).isEqualTo(ProcessingRecord.sha256(POLICY)).hasSize(64);
        assertThat(j.get("mode").asText()).isEqualTo("anonymous");
        assertThat(j.get("columns")).hasSize(5);
        assertThat(j.get("columns").get(0).get("action").asText()).isEqualTo("削除");
        JsonNode pseudonym = j.get("columns").get(1);
        assertThat(pseudonym.get("action").asText())
                .isEqualTo("仮ID(HMAC-SHA-256, key 'customers' v2 fingerprint " + KEY.fingerprint() + ")");
        assertThat(pseudonym.get("key").get("name").asText()).isEqualTo("customers");
        assertThat(pseudonym.get("key").get("version").asInt()).isEqualTo(2);
        assertThat(pseudonym.get("key").get("fingerprint").asText()).isEqualTo(KEY.fingerprint());
        assertThat(j.get("columns").get(2).get("action").asText()).isEqualTo("一般化(レベル2)");
        assertThat(j.get("columns").get(3).get("action").asText()).isEqualTo("加工なし");
        assertThat(j.get("columns").get(4).get("action").asText()).isEqualTo("文中の個人情報の置換(氏名・電話番号)");
        assertThat(j.get("rows").toString()).isEqualTo("{\"in\":100,\"out\":95,\"suppressed\":5}");
        assertThat(j.get("risk").get("before").get("min_class_size").asInt()).isEqualTo(1);
        assertThat(j.get("risk").get("before").get("class_sizes").toString()).isEqualTo("{\"1\":70,\"2\":5,\"20\":5}");
        assertThat(j.get("risk").get("after").get("highest_prosecutor_risk").asDouble()).isEqualTo(0.2);
        assertThat(j.get("risk").get("after").get("distinct_l").get("病名").asInt()).isEqualTo(2);
        assertThat(j.get("search").get("levels").toString()).isEqualTo("{\"年齢\":2,\"性別\":0}");
        assertThat(j.get("search").get("loss").asDouble()).isEqualTo(0.25185);
        assertThat(j.get("search").get("elapsed_ms").asLong()).isEqualTo(34);
    }

    @Test
    void neverContainsKeyMaterial(@TempDir Path dir) throws Exception {
        ProcessingRecord r = record(Files.writeString(dir.resolve("customers.csv"), "abc"));
        String hkdfInput = new String(BYTES, StandardCharsets.ISO_8859_1);
        for (String text : List.of(r.toJson(), r.toMarkdown(), r.toString())) {
            assertThat(text).contains(KEY.fingerprint())
                    .doesNotContain(Base64.getEncoder().encodeToString(BYTES))
                    .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(BYTES))
                    .doesNotContain(HexFormat.of().formatHex(BYTES))
                    .doesNotContain(HexFormat.of().formatHex(BYTES, 0, 8))
                    .doesNotContain(Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(BYTES, 6)))
                    .doesNotContain(hkdfInput);
        }
        assertThat(KEY.fingerprint()).isNotEqualTo(HexFormat.of().formatHex(BYTES, 0, 4));
    }

    @Test
    void markdownSummaryInJapanese(@TempDir Path dir) throws Exception {
        String md = record(Files.writeString(dir.resolve("customers.csv"), "abc")).toMarkdown();
        assertThat(md).startsWith("# 加工の記録\n\n- 日時: 2026-11-01 10:02:03 (JST)\n- 加工の種類: 匿名加工情報\n")
                .contains("- 件数: 入力 100件, 出力 95件, 削除したレコード 5件\n")
                .contains("| 氏名 | IDENTIFIER | 削除 |\n")
                .contains("| 年齢 | QUASI\\_IDENTIFIER | 一般化(レベル2) |\n")
                .contains("| 最小の同値クラスの大きさ (k) | 1 | 5 |\n")
                .contains("| 一意なレコードの割合 | 70.00% | 0.00% |\n")
                .contains("| 最大の再識別リスク | 1.0000 | 0.2000 |\n")
                .endsWith("## 一般化\n\n- 水準: 年齢=2, 性別=0\n- 情報損失: 0.25185\n");
    }

    @Test
    void describesEveryTransformWithoutSecrets() {
        assertThat(ColumnAction.of("電話", "IDENTIFIER", new Mask(0, 4, '*')).action()).isEqualTo("マスキング(先頭0文字・末尾4文字を残す)");
        assertThat(ColumnAction.of("会員", "LINKING_ID", new Tokenize(KEY)).action())
                .isEqualTo("トークン化(AES-SIV, key 'customers' v2 fingerprint " + KEY.fingerprint() + ")");
        assertThat(ColumnAction.of("年齢", "QUASI_IDENTIFIER", TopBottomCode.of(null, new BigDecimal(90))).action())
                .isEqualTo("トップ・ボトムコーディング(上限90)");
        assertThat(ColumnAction.of("年収", "QUASI_IDENTIFIER", new NumericBand(100)).action()).isEqualTo("数値の階級化(幅100)");
        assertThat(ColumnAction.of("誕生日", "QUASI_IDENTIFIER", new DateCoarsen(DateCoarsen.Level.YEAR)).action())
                .isEqualTo("日付の粗化(YEAR)");
        assertThat(ColumnAction.of("氏名", "IDENTIFIER", new Delete()).key()).isNull();
    }

    @Test
    void writesAtomicallyAndChecksItsFigures(@TempDir Path dir) throws Exception {
        ProcessingRecord r = record(Files.writeString(dir.resolve("customers.csv"), "abc"));
        Path out = dir.resolve("out/record.json");
        r.writeJson(out);
        r.writeJson(out);
        r.writeMarkdown(dir.resolve("out/record.md"));
        assertThat(Files.readString(out)).isEqualTo(r.toJson());
        try (var files = Files.list(out.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("record.json", "record.md");
        }
        assertThatThrownBy(() -> new ProcessingRecord(r.processedAt(), "x", r.inputSha256(), r.policySha256(),
                Mode.ANONYMOUS, List.of(), 10, 9, 2, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row counts");
        assertThatThrownBy(() -> new ProcessingRecord(r.processedAt(), "x", "abc", r.policySha256(),
                Mode.ANONYMOUS, List.of(), 1, 1, 0, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("inputSha256");
        ProcessingRecord bare = new ProcessingRecord(r.processedAt(), "x", r.inputSha256(), r.policySha256(),
                Mode.PSEUDONYMOUS, List.of(), 1, 1, 0, null, null, null, null);
        assertThat(new ObjectMapper().readTree(bare.toJson()).get("search").isNull()).isTrue();
        assertThat(bare.toMarkdown()).contains("仮名加工情報").doesNotContain("再識別リスク").doesNotContain("一般化");
    }
}
