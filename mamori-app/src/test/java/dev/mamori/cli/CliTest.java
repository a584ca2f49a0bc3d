package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** Runs the command line as a user would and checks what they would see. */
public class CliTest {

    public static final Path EXAMPLES = Path.of("..", "examples");

    @TempDir
    Path dir;

    public record Run(int code, String out, String err) {
        public List<JsonNode> jsonLines() throws IOException {
            ObjectMapper m = new ObjectMapper();
            List<JsonNode> l = new ArrayList<>();
            for (String s : out.split("\n")) {
                if (!s.isBlank()) {
                    l.add(m.readTree(s));
                }
            }
            return l;
        }
    }

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void summaryOfTheCp932CustomerCsvClassifiesEachColumn() {
        Run r = run("scan", "--no-progress", EXAMPLES.resolve("customers_cp932.csv").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("CSV, windows-31j").contains("分類: 特定個人情報");
        assertThat(line(r.out(), "氏名")).contains("PERSON").contains("個人情報");
        assertThat(line(r.out(), "個人番号")).contains("MY_NUMBER").contains("個人識別符号");
        assertThat(line(r.out(), "携帯電話")).contains("PHONE");
        assertThat(line(r.out(), "メールアドレス")).contains("EMAIL");
        assertThat(line(r.out(), "郵便番号")).contains("POSTAL_CODE");
        assertThat(line(r.out(), "生年月日")).contains("DATE_OF_BIRTH");
        assertThat(line(r.out(), "住所")).contains("ADDRESS");
        assertThat(r.out()).doesNotContain("123456789018"); // masked
    }

    private static String line(String out, String column) {
        return out.lines().filter(l -> l.matches("\\s+\\d+\\s+" + column + "\\s.*")).findFirst().orElse("(no line for " + column + ")");
    }

    @Test
    void jsonlFindingsCarryTheDocumentedFields() throws IOException {
        Run r = run("scan", "--format", "jsonl", "--types", "MY_NUMBER,PHONE", EXAMPLES.resolve("customers_cp932.csv").toString());
        assertThat(r.code()).isZero();
        List<JsonNode> lines = r.jsonLines();
        assertThat(lines).isNotEmpty();
        JsonNode first = lines.stream().filter(n -> n.get("type").asText().equals("MY_NUMBER")).findFirst().orElseThrow();
        assertThat(first.get("file").asText()).endsWith("customers_cp932.csv");
        assertThat(first.get("category").asText()).isEqualTo("IDENTIFICATION_CODE");
        assertThat(first.get("row").asInt()).isEqualTo(1);
        assertThat(first.get("column").asText()).isEqualTo("個人番号");
        assertThat(first.get("column_index").asInt()).isEqualTo(10);
        assertThat(first.get("start").asInt()).isZero();
        assertThat(first.get("end").asInt()).isEqualTo(12);
        assertThat(first.get("validated").asBoolean()).isTrue();
        assertThat(first.get("masked").asText()).isEqualTo("1234********");
        assertThat(first.has("value")).isFalse();
        assertThat(lines).allMatch(n -> n.get("type").asText().equals("MY_NUMBER") || n.get("type").asText().equals("PHONE"));
    }

    @Test
    void showValuesPrintsTheFullValue() throws IOException {
        Run r = run("scan", "--format", "jsonl", "--show-values", "--types", "MY_NUMBER", EXAMPLES.resolve("customers_cp932.csv").toString());
        assertThat(r.jsonLines().get(0).get("value").asText()).isEqualTo("123456789018");
    }

    @Test
    void failOnGatesAPipeline() {
        assertThat(run("scan", "--types", "MY_NUMBER", "--fail-on", "MY_NUMBER", EXAMPLES.resolve("customers_cp932.csv").toString()).code()).isEqualTo(1);
        assertThat(run("scan", "--types", "PASSPORT", "--fail-on", "PASSPORT", EXAMPLES.resolve("customers_cp932.csv").toString()).code()).isZero();
    }

    @Test
    void aDirectoryScanCoversTheThreeExamples() throws IOException {
        Run r = run("scan", "--format", "json", EXAMPLES.toString());
        assertThat(r.code()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        List<String> formats = new ArrayList<>();
        doc.get("files").forEach(f -> formats.add(f.get("format").asText()));
        assertThat(formats).contains("CSV", "TEXT", "XLSX");
        assertThat(doc.get("findings").size()).isGreaterThan(50);
        assertThat(doc.get("exit_code").asInt()).isZero();
    }

    @Test
    void textFindingsHaveLineAndOffsets() throws IOException {
        Path f = dir.resolve("note.txt");
        Files.writeString(f, "挨拶\n連絡先 03-1234-5678 まで\n", StandardCharsets.UTF_8);
        JsonNode n = run("scan", "--format", "jsonl", "--types", "PHONE", f.toString()).jsonLines().get(0);
        assertThat(n.get("line").asInt()).isEqualTo(2);
        assertThat(n.get("start").asInt()).isEqualTo(4);
        assertThat(n.get("end").asInt()).isEqualTo(16);
        assertThat(n.has("row")).isFalse();
    }

    @Test
    void jsonLinesWithoutFindingsAreAnEmptyFileNotABlankLine() throws IOException { // session 39: a blank line is no JSON value
        Path f = dir.resolve("nothing.txt");
        Files.writeString(f, "今日は晴れです。\n", StandardCharsets.UTF_8);
        Run r = run("scan", "--format", "jsonl", "--no-progress", f.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void tsvForcedReadsTabsEvenWhenCommasAbound() throws IOException {
        Path f = dir.resolve("export.dat");
        Files.writeString(f, "名前,カナ\t電話\n山田,ヤマダ\t03-1234-5678\n佐藤,サトウ\t090-1234-5678\n", StandardCharsets.UTF_8);
        List<JsonNode> lines = run("scan", "--input-format", "tsv", "--format", "jsonl", "--types", "PHONE", f.toString()).jsonLines();
        assertThat(lines).hasSize(2).allMatch(n -> n.get("column").asText().equals("電話") && n.get("column_index").asInt() == 1);
    }

    @Test
    void labeledJsonlInputGivesDocIds() throws IOException {
        Path f = dir.resolve("docs.jsonl");
        Files.writeString(f, "{\"doc_id\": \"d1\", \"text\": \"メール a@example.jp\", \"extra\": 1}\n", StandardCharsets.UTF_8);
        JsonNode n = run("scan", "--input-format", "labeled-jsonl", "--format", "jsonl", "--types", "EMAIL", f.toString()).jsonLines().get(0);
        assertThat(n.get("doc_id").asText()).isEqualTo("d1");
        assertThat(n.get("start").asInt()).isEqualTo(4);
        assertThat(n.get("end").asInt()).isEqualTo(16);
    }

    @Test
    void badUsageAndMissingFilesExitWithTwoAndAClearMessage() {
        Run missing = run("--lang", "en", "scan", dir.resolve("nope.csv").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.csv").contains("no such file");
        Run badType = run("scan", "--types", "SHOE_SIZE", "x");
        assertThat(badType.code()).isEqualTo(2);
        assertThat(badType.err()).contains("SHOE_SIZE");
        assertThat(run("scan").code()).isEqualTo(2);
        assertThat(run("scan", "--min-confidence", "7", EXAMPLES.toString()).code()).isEqualTo(2);
        assertThat(missing.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aTruncatedXlsxGetsOneMessageAndTheOtherFilesAreStillScanned() throws IOException {
        byte[] xlsx = Files.readAllBytes(EXAMPLES.resolve("staff.xlsx"));
        Files.write(dir.resolve("broken.xlsx"), java.util.Arrays.copyOf(xlsx, xlsx.length / 2));
        Files.writeString(dir.resolve("ok.txt"), "電話 03-1234-5678\n");
        Run r = run("scan", "--types", "PHONE", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("broken.xlsx").doesNotContain("\tat ");
        assertThat(r.out()).contains("ok.txt").contains("PHONE 1");
    }

    @Test
    void outputFileIsWrittenWholeAndStdoutStaysEmpty() throws IOException {
        Path out = dir.resolve("report.json");
        Run r = run("scan", "--format", "json", "--types", "EMAIL", "--output", out.toString(), EXAMPLES.resolve("inquiry_utf8.txt").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(new ObjectMapper().readTree(out.toFile()).get("findings").size()).isGreaterThanOrEqualTo(1);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.json");
        }
    }

    @Test
    void evalDetectScoresALabelledFile() throws IOException {
        Path f = dir.resolve("labels.jsonl");
        Files.writeString(f, "{\"doc_id\":\"a\",\"text\":\"電話 03-1234-5678\",\"spans\":[{\"start\":3,\"end\":15,\"type\":\"PHONE\"}]}\n"
                + "{\"doc_id\":\"b\",\"text\":\"メール b@example.jp\",\"spans\":[]}\n", StandardCharsets.UTF_8);
        Run r = run("eval-detect", "--types", "PHONE,EMAIL", f.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).containsPattern("PHONE\\s+1\\.000\\s+1\\.000\\s+1\\.000\\s+1\\s+1\\s+0\\s+0");
        assertThat(r.out()).containsPattern("EMAIL\\s+0\\.000\\s+-\\s+-\\s+0\\s+1\\s+1\\s+0");
    }

    @Test
    void evalDetectShowsWhatAMaskedOutputLeavesVisible() throws IOException {
        Path f = dir.resolve("labels.jsonl");
        // the phone is found whole; the second label runs on past the number, so three of its characters stay visible
        Files.writeString(f, "{\"doc_id\":\"a\",\"text\":\"電話 03-1234-5678 まで\",\"spans\":[{\"start\":3,\"end\":15,\"type\":\"PHONE\"}]}\n"
                + "{\"doc_id\":\"b\",\"text\":\"電話 03-1234-5678 まで\",\"spans\":[{\"start\":3,\"end\":18,\"type\":\"PHONE\"}]}\n",
                StandardCharsets.UTF_8);
        Run r = run("eval-detect", "--types", "PHONE", "--exposed", "5", "--show-values", f.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).containsPattern("PHONE\\s+0\\.889\\s+27\\s+3").contains("b ").contains("████████████ まで");
        Run masked = run("eval-detect", "--types", "PHONE", "--exposed", "5", f.toString());
        assertThat(masked.out()).doesNotContain("まで").doesNotContain("1234");
        JsonNode n = new ObjectMapper().readTree(run("eval-detect", "--types", "PHONE", "--format", "json", f.toString()).out());
        assertThat(n.get("masking_coverage_by_type").get("PHONE").get("visible_chars").asInt()).isEqualTo(3);
    }

    @Test
    void riskCountsClassesAndUniquesByQuasiIdentifiers() throws IOException {
        Path f = dir.resolve("people.csv");
        Files.writeString(f, "sex,age,disease\nM,30,flu\nM,30,cold\nF,40,flu\nF,40,flu\nF,50,cold\n", StandardCharsets.UTF_8);
        Run r = run("risk", f.toString(), "--qi", "sex,age", "--sensitive", "disease", "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertThat(n.get("records").asInt()).isEqualTo(5);
        assertThat(n.get("classes").asInt()).isEqualTo(3);
        assertThat(n.get("min_class_size").asInt()).isEqualTo(1);
        assertThat(n.get("unique_share").asDouble()).isEqualTo(0.2);
        assertThat(n.get("distinct_l").get("disease").asInt()).isEqualTo(1);
        Path html = dir.resolve("risk.html");
        assertThat(run("risk", f.toString(), "--qi", "sex,age", "--format", "html", "--output", html.toString()).code()).isZero();
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("<svg").contains("最小クラスサイズ (k)")
                .contains("<td>1</td>");
        Path pop = dir.resolve("population.csv");
        Files.writeString(pop, "sex,age,count\nM,30,10\nF,40,4\nF,50,1\n", StandardCharsets.UTF_8);
        JsonNode p = new ObjectMapper().readTree(run("risk", f.toString(), "--qi", "sex,age", "--population", pop.toString(),
                "--format", "json").out()).get("population");
        assertThat(p.get("journalist_risk").asDouble()).isEqualTo(1.0); // F,50 is unique in the population too
        assertThat(p.get("marketer_risk").asDouble()).isCloseTo((2 / 10.0 + 2 / 4.0 + 1 / 1.0) / 5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p.get("classes_not_in_population").asInt()).isZero();
        Run missing = run("risk", f.toString(), "--qi", "sex,height");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("height").contains("sex, age, disease");
    }

    @Test
    void versionAndHelpWork() {
        assertThat(run("--version").out()).startsWith("mamori ");
        assertThat(run("-V", "--lang", "en").out()).startsWith("mamori ");
        assertThat(run("--version", "--help").out()).contains("scan").contains("deid"); // help with its commands
        Run help = run("--lang", "en", "scan", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--fail-on").contains("Examples:");
    }
}
