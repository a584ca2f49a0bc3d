package dev.mamori.cli.assess;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.cli.CliTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a person meets using mamori assess: a blank template scored, counts as written, long texts changed, help. */
class AssessUsabilityTest {

    static final Path EXAMPLES = AssessCommandTest.EXAMPLES;
    static final Pattern PLACE = Pattern.compile(":(\\d+):3: ");

    @TempDir
    Path dir;

    static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    @Test
    void aBlankTemplateScoredNamesEachQuestionAtItsLineAndAllowMissingOnce() throws IOException {
        Path t = dir.resolve("t.yaml");
        assertThat(run("--lang", "ja", "assess", "template", "ics-security", "--output", t.toString()).code()).isZero();
        List<String> lines = Files.readAllLines(t);
        CliTest.Run r = run("assess", "score", t.toString());
        assertThat(r.code()).isEqualTo(2);
        List<String> errors = r.err().lines().toList();
        List<String> unanswered = errors.stream().filter(l -> l.contains("必須の設問に回答がありません")).toList();
        assertThat(unanswered).hasSize(99);
        assertThat(unanswered.stream().map(l -> place(l)).distinct()).hasSize(99);
        for (String l : unanswered) {
            String id = l.replaceAll(".*設問 ([0-9]+):.*", "$1");
            assertThat(lines.get(place(l) - 1)).as(l).isEqualTo("  \"" + id + "\":"); // an editor jumps to the question
        }
        assertThat(errors.stream().filter(l -> l.contains("--allow-missing"))).singleElement().asString()
                .contains("必須の設問 99 問に回答がありません");
        assertThat(run("assess", "score", t.toString(), "--allow-missing").code()).isZero();
    }

    private static int place(String line) {
        Matcher m = PLACE.matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void errorsFollowLangThenTheTemplatesLanguage() throws IOException {
        Path en = dir.resolve("en.yaml");
        assertThat(run("--lang", "en", "assess", "template", "pia-threshold", "--output", en.toString()).code()).isZero();
        CliTest.Run fromFile = run("assess", "score", en.toString()); // the run's default is Japanese
        assertThat(fromFile.err()).contains("question persons: required, not answered").contains("--allow-missing")
                .doesNotContainPattern("[ぁ-んァ-ヶ]");
        CliTest.Run asked = run("assess", "score", en.toString(), "--lang", "ja");
        assertThat(asked.err()).contains("設問 persons: 必須の設問に回答がありません").doesNotContain("required");
        Path ja = dir.resolve("ja.yaml");
        assertThat(run("--lang", "ja", "assess", "template", "pia-threshold", "--output", ja.toString()).code()).isZero();
        assertThat(run("--lang", "en", "assess", "score", ja.toString()).err()).contains("required, not answered");
        // answered in the template's language, the score speaks it too
        Files.writeString(en, Files.readString(en).replace("  \"persons\":", "  \"persons\": 35万").replace("  \"handlers\":", "  \"handlers\": 120")
                .replace("  \"incident\":", "  \"incident\": none"), StandardCharsets.UTF_8);
        CliTest.Run scored = run("assess", "score", en.toString());
        assertThat(scored.code()).as(scored.err()).isZero();
        assertThat(scored.out()).contains("Organisation: ").contains("A basic and a full assessment are required");
    }

    @Test
    void countsAreReadAsWritten() {
        String plain = run("--lang", "en", "assess", "threshold", "--persons", "350000", "--handlers", "120").out();
        assertThat(plain).contains("[300,000 or more]");
        for (String written : List.of("350,000", "３５０，０００", "35万")) {
            CliTest.Run r = run("--lang", "en", "assess", "threshold", "--persons", written, "--handlers", "120");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).isEqualTo(plain);
        }
        CliTest.Run bad = run("--lang", "en", "assess", "threshold", "--persons", "lots", "--handlers", "1");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--persons").contains("'lots' is not a count").contains("350,000");
        CliTest.Run typo = run("--lang", "en", "assess", "threshold", "--persons", "100", "--handlers", "35,0000");
        assertThat(typo.err()).contains("--handlers").contains("'35,0000' is not a count");
        assertThat(run("--lang", "ja", "assess", "threshold", "--persons", "-1", "--handlers", "0").err()).contains("--persons")
                .contains("「-1」は人数として読めません");
    }

    @Test
    void aLongTextChangedAtItsEndShowsTheChangeNotTwoIdenticalBeginnings() throws IOException {
        Path older = EXAMPLES.resolve("pia-aomori-2023.yaml");
        Path newer = dir.resolve("2024.yaml");
        String text = Files.readString(older);
        Files.writeString(newer, text.replace("保護に取り組んでいることを宣言する。\"", "保護に努めることを宣言する。\""), StandardCharsets.UTF_8);
        CliTest.Run r = run("--lang", "en", "assess", "changes", older.toString(), newer.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String[] row = r.out().lines().filter(l -> l.contains("宣言")).findFirst().orElseThrow().split("\t");
        assertThat(row[2]).isNotEqualTo(row[3]).contains("取り組んでい").startsWith("…");
        assertThat(row[3]).contains("努め").startsWith("…");
        JsonNode json = new ObjectMapper().readTree(run("assess", "changes", older.toString(), newer.toString(), "--json").out());
        assertThat(json.path("changes").get(0).path("changed_after").asText()).contains("努め");
        // a change in the middle: context on both sides
        Files.writeString(newer, text.replace("個人のプライバシー等の権利利益に影響", "個人の権利利益に影響"), StandardCharsets.UTF_8);
        String[] middle = run("assess", "changes", older.toString(), newer.toString()).out().lines()
                .filter(l -> l.contains("宣言") || l.contains("権利利益")).findFirst().orElseThrow().split("\t");
        assertThat(middle[2]).startsWith("…").endsWith("…").contains("プライバシー");
        assertThat(middle[3]).startsWith("…").endsWith("…").doesNotContain("プライバシー");
    }

    @Test
    void reportsAreWrittenWithOrdinaryPermissions() throws IOException {
        Path fresh = Files.createFile(dir.resolve("fresh"));
        Set<PosixFilePermission> ordinary = Files.getPosixFilePermissions(fresh); // what the umask gives a new file
        Path html = dir.resolve("r.html");
        Path xlsx = dir.resolve("r.xlsx");
        Path changes = dir.resolve("c.xlsx");
        Path changesHtml = dir.resolve("c.html");
        Path compare = dir.resolve("d.html");
        Path template = dir.resolve("t.yaml");
        String y2021 = EXAMPLES.resolve("pia-aomori-2021.yaml").toString();
        String y2023 = EXAMPLES.resolve("pia-aomori-2023.yaml").toString();
        assertThat(run("assess", "score", y2023, "--html", html.toString(), "--xlsx", xlsx.toString()).code()).isZero();
        assertThat(run("assess", "changes", y2021, y2023, "--xlsx", changes.toString(), "--html", changesHtml.toString()).code()).isZero();
        assertThat(run("assess", "compare", y2021, y2023, "--html", compare.toString()).code()).isZero();
        assertThat(run("assess", "template", "pia-threshold", "--output", template.toString()).code()).isZero();
        for (Path p : List.of(html, xlsx, changes, changesHtml, compare, template)) {
            assertThat(Files.getPosixFilePermissions(p)).as(p.toString()).isEqualTo(ordinary);
        }
        if (ordinary.contains(PosixFilePermission.OTHERS_READ)) { // under umask 022: 0644
            assertThat(Files.getPosixFilePermissions(html)).contains(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        }
    }

    @Test
    void helpIsInOneLanguage() {
        for (String command : List.of("list", "threshold", "template", "score", "compare", "changes", "run")) {
            String ja = run("--lang", "ja", "assess", command, "--help").out();
            String en = run("--lang", "en", "assess", command, "--help").out();
            assertThat(ja).as(command).startsWith("使い方: ").contains("このヘルプを表示して終了します");
            assertThat(en).as(command).startsWith("Usage: ").contains("Show this help message and exit").doesNotContain("使い方");
            // every described line of the Japanese help is Japanese (examples and option names aside)
            ja.lines().filter(l -> l.matches(".*[a-z]{3,} [a-z]{3,} [a-z]{3,}.*") && !l.contains("mamori ") && !l.contains("--"))
                    .forEach(l -> assertThat(l).as(command + ": " + l).containsPattern("[ぁ-んァ-ヶ一-龯]"));
        }
        assertThat(run("--lang", "ja", "assess", "--help").out()).contains("自己評価をデータとして扱います");
        assertThat(run("--lang", "ja", "assess", "score", "--help").out()).contains("グラフ付きの印刷しやすい HTML レポート");
        assertThat(run("--lang", "en", "assess", "score", "--help").out()).contains("Write a print-friendly HTML report with the charts.")
                .contains("--allow-missing").contains("--xlsx");
        // the shared options only where a command takes them
        assertThat(run("--lang", "en", "assess", "compare", "--help").out()).contains("before/after bar chart").contains("--xlsx").contains("--pdf");
        assertThat(run("--lang", "en", "assess", "changes", "--help").out()).doesNotContain("--allow-missing");
    }

    @Test
    void missingFilesAndProblemsInTheRunsLanguage() {
        CliTest.Run ja = run("--lang", "ja", "assess", "score", dir.resolve("none.yaml").toString());
        assertThat(ja.code()).isEqualTo(2);
        assertThat(ja.err()).contains("そのようなファイルはありません");
        CliTest.Run unknown = run("--lang", "ja", "assess", "template", "ics-secrity");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("同梱の設問票に「ics-secrity」はありません").contains("ics-security のことですか？");
    }

    @Test
    void thresholdJsonIsSnakeCase() throws IOException {
        JsonNode n = new ObjectMapper().readTree(run("assess", "threshold", "--persons", "5万", "--handlers", "20", "--json").out());
        assertThat(n.path("persons").asLong()).isEqualTo(50_000);
        assertThat(n.path("persons_band").path("key").asText()).isEqualTo("p_10k_100k");
        assertThat(n.path("serious_incident").asBoolean()).isFalse();
        assertThat(n.path("result").path("label_en").asText()).isEqualTo("A basic assessment is required");
    }
}
