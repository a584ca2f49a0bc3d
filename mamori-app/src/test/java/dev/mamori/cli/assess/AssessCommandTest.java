package dev.mamori.cli.assess;

import dev.mamori.cli.CliTest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mamori assess} as a user runs it. */
class AssessCommandTest {

    static final Path EXAMPLES = Path.of("..", "examples", "assess");

    @TempDir
    Path dir;

    static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    /** The first line of output that contains {@code text}. */
    static String line(String out, String text) {
        return out.lines().filter(l -> l.contains(text)).findFirst().orElse("(no line with " + text + ")");
    }

    @Test
    void thresholdAnswersInTheFormsWording() throws IOException {
        CliTest.Run r = run("assess", "threshold", "--persons", "350000", "--handlers", "120");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("[30万人以上]").contains("[500人未満]").contains("[発生なし]")
                .contains("基礎項目評価及び全項目評価の実施が義務付けられる");
        CliTest.Run j = run("assess", "threshold", "--persons", "50000", "--handlers", "20", "--serious-incident", "--json");
        JsonNode n = new ObjectMapper().readTree(j.out());
        assertThat(n.path("result").path("key").asText()).isEqualTo("basic_focused");
        assertThat(n.path("result").path("label").asText()).isEqualTo("基礎項目評価及び重点項目評価の実施が義務付けられる");
        assertThat(run("assess", "threshold", "--persons", "-1", "--handlers", "0").code()).isEqualTo(2);
    }

    @Test
    void scoreTheIcsExamplePrintsTheSeedsMaximaAndThePlan() throws IOException {
        Path html = dir.resolve("ics.html");
        Path xlsx = dir.resolve("ics.xlsx");
        CliTest.Run r = run("assess", "score", EXAMPLES.resolve("ics-model-system.yaml").toString(), "--html", html.toString(),
                "--xlsx", xlsx.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(line(r.out(), "周囲防御")).contains("12").contains("26.5");
        assertThat(line(r.out(), "マルウェア保護")).contains("6.5").contains("14.5");
        assertThat(line(r.out(), "サード・パーティ・リスクの管理")).contains(" 4 ").contains("16");
        assertThat(line(r.out(), "合計")).contains("39.5").contains("122");
        assertThat(r.out()).contains("はい 20 → 54");
        assertThat(Files.readString(html)).contains("<svg").contains("周囲防御");
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getNumberOfSheets()).isGreaterThanOrEqualTo(3);
        }
        CliTest.Run json = run("assess", "score", EXAMPLES.resolve("ics-model-system.yaml").toString(), "--json");
        JsonNode n = new ObjectMapper().readTree(json.out());
        assertThat(n.path("questionnaire").path("id").asText()).isEqualTo("ics-security");
        assertThat(n.path("total").path("score").asDouble()).isEqualTo(39.5);
        assertThat(n.path("answer_counts").path("yes").asInt()).isEqualTo(20);
        assertThat(n.path("areas").get(0).has("planned_score")).isTrue();
    }

    @Test
    void changesListTheSeedsLatestEntries() {
        CliTest.Run r = run("assess", "changes", EXAMPLES.resolve("pia-aomori-2021.yaml").toString(),
                EXAMPLES.resolve("pia-aomori-2023.yaml").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().filter(l -> l.contains("\t事前\t"))).hasSize(7);
        assertThat(line(r.out(), "表紙 評価書名")).startsWith("令和5年12月21日\t").contains("事前");
    }

    @Test
    void aBadAnswersFileIsReportedWithItsPlace() throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "questionnaire: pia-threshold\nversion: \"2024.10\"\nanswers:\n  persons: p_300k_plus\n"
                + "  handlrs: lt500\n  incident: maybe\n", StandardCharsets.UTF_8);
        CliTest.Run r = run("--lang", "en", "assess", "score", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(bad + ":5:").contains("question handlrs").contains("did you mean handlers?")
                .contains(bad + ":6:").contains("\"maybe\" is not a choice");
        assertThat(run("--lang", "en", "assess", "score", dir.resolve("none.yaml").toString()).err()).contains("no such file");
        Path answers = dir.resolve("keep.yaml");
        Files.copy(EXAMPLES.resolve("pia-aomori-2023.yaml"), answers);
        CliTest.Run over = run("--lang", "en", "assess", "score", answers.toString(), "--html", answers.toString());
        assertThat(over.code()).isEqualTo(2);
        assertThat(over.err()).contains("is the answers file").contains("never writes over its input");
        assertThat(Files.readString(answers)).startsWith("# Transcription");
        Path cp932 = dir.resolve("cp932.yaml");
        Files.write(cp932, "questionnaire: pia-threshold\nversion: \"2024.10\"\nmeta:\n  organisation: 例示県\n".getBytes("windows-31j"));
        CliTest.Run enc = run("--lang", "en", "assess", "score", cp932.toString());
        assertThat(enc.code()).isEqualTo(2);
        assertThat(enc.err()).contains(cp932 + ":4: not UTF-8 text");
    }

    @Test
    void templateThenRunInteractivelyThenScore() throws IOException {
        Path template = dir.resolve("t.yaml");
        assertThat(run("assess", "template", "pia-threshold", "--output", template.toString()).code()).isZero();
        assertThat(Files.readString(template)).contains("# persons. 評価対象の事務の対象人数は何人か").contains("p_300k_plus=30万人以上");
        assertThat(run("assess", "template", "pia-threshold", "--output", template.toString()).code()).isEqualTo(2);

        Path answers = dir.resolve("run.yaml");
        // meta (organisation, system, date, assessor), then: persons 5) 30万人以上, date, handlers "?" then 2), date skipped, incident 2
        String typed = "例示県\n住民基本台帳事務\n2026-04-01\n評価担当\n5\nnext tuesday\n令和8年1月1日\n?\n2\n\n2 # 記録なし\n";
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)));
            CliTest.Run r = run("assess", "run", "pia-threshold", "--output", answers.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("[1/5] persons.").contains("500人以上").contains("日付は 2026-04-01");
        } finally {
            System.setIn(stdin);
        }
        CliTest.Run score = run("assess", "score", answers.toString());
        assertThat(score.code()).as(score.err()).isZero();
        assertThat(score.out()).contains("しきい値判断結果: 基礎項目評価及び全項目評価の実施が義務付けられる").contains("組織: 例示県");
        assertThat(Files.readString(answers)).contains("comment: \"記録なし\"").contains("\"persons_as_of\": \"令和8年1月1日\"");
    }

    @Test
    void listShowsTheBundledQuestionnaires() {
        CliTest.Run r = run("assess", "list");
        assertThat(r.out()).contains("pia-threshold").contains("pia-basic").contains("ics-security").contains("appi-checklist");
        assertThat(line(r.out(), "ics-security")).contains("99");
    }
}
