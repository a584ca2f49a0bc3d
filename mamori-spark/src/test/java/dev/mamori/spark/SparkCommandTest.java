package dev.mamori.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.deid.ProcessingRecord;
import dev.mamori.report.Json;
import dev.mamori.risk.Dataset;
import dev.mamori.risk.RiskAnalyzer;
import dev.mamori.risk.RiskReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end: the record, the notice and the report beside the output; JSON Lines in. */
class SparkCommandTest {

    @TempDir
    Path dir;

    private int run(StringWriter out, StringWriter err, String... args) {
        return SparkMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void deidWritesTheRecordTheNoticeAndTheReportAsMamoriDeidDoes() throws IOException {
        Path input = Spark.perturbedAdult(dir.resolve("adult.csv"), 30_000);
        List<String> args = new ArrayList<>(List.of("deid", input.toString(), "--mode", "anonymous", "--k", "5", "--suppression-limit", "0.05"));
        for (String q : Spark.QIS) {
            args.addAll(List.of("--qi", q + "=" + Spark.ADULT.resolve("adult_hierarchy_" + q + ".csv").toAbsolutePath()));
        }
        Path out = dir.resolve("out");
        Path report = dir.resolve("r.json");
        args.addAll(List.of("--drop", "id", "--keep", "workclass,occupation,salary-class", "--output", out.toString(),
                "--operator", "株式会社サンプル", "--report-json", report.toString(), "--lang", "ja"));
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        assertThat(run(o, e, args.toArray(String[]::new))).as(e.toString()).isZero();
        assertThat(o.toString()).contains("匿名加工情報: " + out).contains("30,000 件中");
        JsonNode rec = Json.mapper().readTree(out.resolve("_mamori_record.json").toFile());
        assertThat(rec.get("input_sha256").asText()).isEqualTo(ProcessingRecord.sha256(input)); // one file: its own SHA-256
        assertThat(rec.get("rows").get("in").asLong()).isEqualTo(30_000);
        assertThat(Files.readString(out.resolve("_mamori_notice.md"))).contains("株式会社サンプル").contains("age（一般化）");
        JsonNode r = Json.mapper().readTree(report.toFile());
        for (String field : List.of("mode", "levels", "loss", "suppressed", "min_class_size", "classes", "nodes_evaluated", "risk_before",
                "risk_after", "records", "distinct_combinations", "stages_ms")) {
            assertThat(r.has(field)).as(field).isTrue();
        }
        assertThat(r.get("risk_after").get("min_class_size").asInt()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void riskOfJsonLinesIsTheCoresRisk() throws IOException {
        Path input = dir.resolve("people.jsonl");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            b.append("{\"年齢\": ").append(20 + i % 37).append(", \"性別\": \"").append(i % 3 == 0 ? "女" : "男").append("\", \"病名\": \"")
                    .append(i % 5 == 0 ? "糖尿病" : "なし").append("\"}\n");
        }
        Files.writeString(input, b, StandardCharsets.UTF_8);
        RiskReport want = RiskAnalyzer.analyze(Dataset.read(input), List.of("年齢", "性別"), List.of("病名"), 0.2);
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        assertThat(run(o, e, "risk", input.toString(), "--qi", "年齢,性別", "--sensitive", "病名", "--format", "json")).as(e.toString()).isZero();
        assertThat(Json.mapper().readTree(o.toString())).isEqualTo(Json.tree(want));
    }
}
