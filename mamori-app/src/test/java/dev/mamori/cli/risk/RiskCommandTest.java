package dev.mamori.cli.risk;

import static dev.mamori.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.cli.ChildJvm;
import dev.mamori.cli.CliTest.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mamori risk: its JSON names, its messages in both languages, its progress bar. */
class RiskCommandTest {

    @TempDir
    Path dir;

    private Path people() throws IOException {
        return Files.writeString(dir.resolve("people.csv"), "sex,age,disease\nM,30,flu\nM,30,cold\nF,40,flu\n", StandardCharsets.UTF_8);
    }

    @Test
    void theJsonReportUsesSnakeCaseNames() throws IOException {
        Run r = run("risk", people().toString(), "--qi", "sex,age", "--sensitive", "disease", "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertThat(n.get("min_class_size").asInt()).isEqualTo(1);
        assertThat(n.get("records_above_threshold").asInt()).isEqualTo(3);
        assertThat(n.get("highest_prosecutor_risk").asDouble()).isEqualTo(1.0);
        assertThat(n.get("distinct_l").get("disease").asInt()).isEqualTo(1);
        assertThat(r.out()).doesNotContain("minClassSize").doesNotContain("uniqueShare");
    }

    @Test
    void problemsAreSaidInTheRunsLanguage() throws IOException {
        Path f = people();
        Run ja = run("--lang", "ja", "risk", f.toString(), "--qi", "sex,height");
        assertThat(ja.code()).isEqualTo(2);
        assertThat(ja.err()).isEqualTo("mamori: " + f + ": 列 'height' はありません。列は [sex, age, disease] です\n");
        Run en = run("--lang", "en", "risk", f.toString(), "--qi", "sex,height");
        assertThat(en.err()).isEqualTo("mamori: " + f + ": no column 'height'; the columns are [sex, age, disease]\n");
        assertThat(run("--lang", "ja", "risk", dir.resolve("none.csv").toString(), "--qi", "sex").err())
                .isEqualTo("mamori: " + dir.resolve("none.csv") + ": 読めません（ファイルがありません）\n");
        assertThat(run("--lang", "ja", "risk", f.toString(), "--qi", "sex", "--threshold", "2").err())
                .startsWith("mamori: --threshold は 0 より大きく 1 以下にしてください");
        assertThat(run("--lang", "ja", "risk", f.toString(), "--qi", "sex", "--format", "xml").err())
                .startsWith("mamori: --format は summary、json、html のどれかです");
        Path text = Files.writeString(dir.resolve("notes.txt"), "これは表ではありません。\n", StandardCharsets.UTF_8);
        assertThat(run("--lang", "ja", "risk", text.toString(), "--qi", "sex").err()).contains("表ではありません（テキストとして読みました）");
    }

    @Test
    void theSummaryFollowsTheLanguage() throws IOException {
        Path f = people();
        assertThat(run("--lang", "ja", "risk", f.toString(), "--qi", "sex,age").out()).contains("最小クラスサイズ (k): 1").doesNotContain("smallest");
        assertThat(run("--lang", "en", "risk", f.toString(), "--qi", "sex,age").out()).contains("smallest class (k): 1").doesNotContain("最小");
    }

    @Test
    void readingTheTableShowsProgressOnStandardError() throws Exception {
        Path f = people();
        for (String setting : new String[] {"1", "0"}) {
            Path out = dir.resolve("out" + setting);
            Path err = dir.resolve("err" + setting);
            ProcessBuilder pb = ChildJvm.mamori(dir.resolve("tmp"), "risk", f.toString(), "--qi", "sex,age", "--format", "json");
            pb.environment().put("MAMORI_PROGRESS", setting);
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            assertThat(new ObjectMapper().readTree(out.toFile()).get("records").asInt()).isEqualTo(3);
            if (setting.equals("1")) {
                assertThat(Files.readString(err)).contains("\r\033[K[").contains("0%").contains("people.");
            } else {
                assertThat(Files.readString(err)).isEmpty();
            }
        }
    }
}
