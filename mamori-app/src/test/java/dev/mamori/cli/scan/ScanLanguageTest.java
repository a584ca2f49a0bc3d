package dev.mamori.cli.scan;

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
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What scan says, in which language, and where its report goes with which permissions. */
class ScanLanguageTest {

    @TempDir
    Path dir;

    private Path badJsonl() throws IOException {
        return Files.writeString(dir.resolve("a.jsonl"), "{\"name\":\"山田\"}\n{\"x\": @}\n", StandardCharsets.UTF_8);
    }

    @Test
    void readProblemsFollowTheLanguageOnStandardErrorAndInTheSummary() throws IOException {
        Path f = badJsonl();
        Run ja = run("--lang", "ja", "scan", "--no-progress", f.toString());
        assertThat(ja.out()).contains("分類: ").contains("[未読] " + f + ":2: 2 行目 7 桁目: JSON が壊れています（予期しない文字）。読み飛ばしました")
                .doesNotContain("malformed");
        Run en = run("--lang", "en", "scan", "--no-progress", f.toString());
        assertThat(en.out()).contains("Classification: ").contains("[unread] " + f + ":2: line 2, column 7: malformed JSON (an unexpected character); skipped")
                .doesNotContain("壊れて");
        Run jsonl = run("--lang", "ja", "scan", "--no-progress", "--format", "jsonl", f.toString());
        assertThat(jsonl.err()).contains("mamori: " + f + ":2: 2 行目 7 桁目: JSON が壊れています");
        JsonNode problem = new ObjectMapper().readTree(jsonl.out().lines().filter(l -> l.contains("\"problem\"")).findFirst().orElseThrow());
        assertThat(problem.get("problem").asText()).endsWith("malformed JSON (an unexpected character); skipped"); // the report stays English
    }

    @Test
    void anUnreadableInputIsSaidInTheRunsLanguage() throws IOException {
        Path bin = Files.write(dir.resolve("blob.dat"), new byte[] {'a', 'b', 0, 'c'});
        Run ja = run("--lang", "ja", "scan", "--no-progress", bin.toString(), dir.resolve("none.csv").toString());
        assertThat(ja.code()).isEqualTo(2);
        assertThat(ja.err()).contains("mamori: " + bin + ": 読める形式（テキスト・CSV・XLSX・XLS・ODS・JSONL・DOCX・DOC・ODT・RTF・PPTX・PPT・ODP・PDF・メール・Outlook の .msg・HTML）のファイルではありません: バイナリファイル（2 バイト目に NUL）")
                .contains(dir.resolve("none.csv") + ": ファイルもフォルダもありません");
        Run en = run("--lang", "en", "scan", "--no-progress", bin.toString());
        assertThat(en.err()).contains("mamori: " + bin + ": not a file of a format read here (text, CSV, XLSX, XLS, ODS, JSONL, DOCX, DOC, ODT, RTF, PPTX, PPT, ODP, PDF, e-mail, Outlook .msg, HTML): binary file (NUL byte at offset 2)");
        assertThat(run("--lang", "ja", "scan", "--encoding", "klingon", bin.toString()).err())
                .startsWith("mamori: 文字コード 'klingon' を知りません");
    }

    @Test
    void aReportWithValuesInFullIsOwnerOnlyAndOthersAreNot() throws IOException {
        Path data = Files.writeString(dir.resolve("c.txt"), "電話 03-1234-5678 メール taro@example.jp\n", StandardCharsets.UTF_8);
        Path full = dir.resolve("full.jsonl");
        Path masked = dir.resolve("masked.jsonl");
        assertThat(run("scan", "--no-progress", "--format", "jsonl", "--show-values", "--output", full.toString(), data.toString()).code()).isZero();
        assertThat(run("scan", "--no-progress", "--format", "jsonl", "--output", masked.toString(), data.toString()).code()).isZero();
        assertThat(Files.readString(full)).contains("\"value\":\"03-1234-5678\"");
        assertThat(Files.getPosixFilePermissions(full)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        Set<PosixFilePermission> umasks = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
        assertThat(Files.readString(masked)).doesNotContain("03-1234-5678");
        assertThat(Files.getPosixFilePermissions(masked)).isEqualTo(umasks);
        // a report made private stays private when it is written again with masked values
        assertThat(run("scan", "--no-progress", "--output", full.toString(), data.toString()).code()).isZero();
        assertThat(Files.getPosixFilePermissions(full)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void theProgressBarIsDrawnOnStandardErrorWhileTheReportGoesToAFile() throws Exception {
        Path data = Files.writeString(dir.resolve("d.csv"), "名前,電話\n山田,03-1234-5678\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("report.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder pb = ChildJvm.mamori(dir.resolve("tmp"), "scan", "--types", "PHONE", data.toString());
        pb.environment().put("MAMORI_PROGRESS", "1");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(Files.readString(out)).contains("d.csv").doesNotContain("\r");
        assertThat(Files.readString(err)).contains("\r\033[K[").contains("%").contains("d.csv");
    }
}
