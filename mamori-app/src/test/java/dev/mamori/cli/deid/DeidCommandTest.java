package dev.mamori.cli.deid;

import dev.mamori.cli.CliTest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeidCommandTest {

    private static final Charset CP932 = Charset.forName("windows-31j");

    @TempDir
    Path dir;
    Path data;

    @BeforeEach
    void table() throws IOException {
        StringBuilder b = new StringBuilder("氏名,性別,年齢,病名\r\n");
        String[] sexes = {"男", "女"};
        String[] surnames = {"山田", "佐藤", "鈴木", "田中", "伊藤"};
        String[] given = {"太郎", "花子", "健一", "美咲"};
        for (int i = 0; i < 40; i++) {
            b.append(surnames[i % 5]).append(' ').append(given[i % 4]).append(',').append(sexes[i % 2]).append(',').append(20 + i).append(',')
                    .append(i % 3 == 0 ? "糖尿病" : "なし").append("\r\n");
        }
        b.append("髙橋 﨑子,女,99,なし\r\n"); // an outlier: suppressed rather than generalising everyone
        data = dir.resolve("patients.csv");
        Files.write(data, b.toString().getBytes(CP932));
        StringBuilder age = new StringBuilder();
        for (int a = 0; a < 100; a++) {
            age.append(a).append(';').append(a / 10 * 10).append("代;*\n");
        }
        Files.writeString(dir.resolve("age.csv"), age);
        Files.writeString(dir.resolve("sex.csv"), "男;*\n女;*\n");
    }

    private CliTest.Run deid(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("--lang", "en", "deid", data.toString(), "--mode", "anonymous", "--k", "3",
                "--suppression-limit", "0.05", "--qi", "性別=" + dir.resolve("sex.csv"), "--qi", "年齢=" + dir.resolve("age.csv"),
                "--output", dir.resolve("out.csv").toString(), "--report-json", dir.resolve("report.json").toString()));
        args.addAll(List.of(extra));
        return CliTest.run(args.toArray(new String[0]));
    }

    @Test
    void anonymousOutputMeetsKDropsIdentifiersAndKeepsTheInputEncoding() throws Exception {
        byte[] input = Files.readAllBytes(data);
        CliTest.Run r = deid("--drop", "氏名", "--keep", "病名", "--operator", "サンプル病院");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("out.csv.notice.md"))).contains("サンプル病院").contains("第43条第3項")
                .contains("- 年齢（一般化）").doesNotContain("氏名");
        JsonNode record = new ObjectMapper().readTree(dir.resolve("out.csv.record.json").toFile());
        assertThat(record.toString()).contains("\"suppressed\":1").contains("削除");
        // hashed on another thread while the command starts: still the input's own SHA-256
        assertThat(record.get("input_sha256").asText()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(input)));
        List<String> out = Files.readAllLines(dir.resolve("out.csv"), CP932);
        assertThat(out.get(0)).isEqualTo("性別,年齢,病名");
        assertThat(out).hasSize(41).noneMatch(l -> l.contains("山田") || l.contains("佐藤") || l.contains("髙橋") || l.contains("99"));
        assertThat(out).contains("男,20代,糖尿病");
        JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertThat(report.get("suppressed").asInt()).isEqualTo(1);
        assertThat(report.get("risk_after").get("min_class_size").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(report.get("levels").get("年齢").asInt()).isEqualTo(1);
        assertThat(Files.readAllBytes(data)).isEqualTo(input); // never modifies its input
    }

    @Test
    void aColumnWithoutARoleOrAKeptIdentifierIsRefusedAndNothingIsWritten() {
        CliTest.Run unnamed = deid("--keep", "病名");
        assertThat(unnamed.code()).isEqualTo(2);
        assertThat(unnamed.err()).contains("the policy does not name [氏名]");
        CliTest.Run kept = deid("--keep", "病名,氏名");
        assertThat(kept.code()).isEqualTo(2);
        assertThat(kept.err()).contains("column '氏名' holds PERSON").contains("施行規則34条");
        assertThat(dir.resolve("out.csv")).doesNotExist();
    }

    @Test
    void anUnreachableKSaysWhatToRelax() {
        CliTest.Run r = CliTest.run("--lang", "en", "deid", data.toString(), "--mode", "anonymous", "--k", "50", "--qi", "性別=" + dir.resolve("sex.csv"),
                "--drop", "氏名,年齢", "--keep", "病名", "--output", dir.resolve("out.csv").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).containsIgnoringCase("k");
        assertThat(dir.resolve("out.csv")).doesNotExist();
    }

    @Test
    void pseudonymousOutputReplacesNamesWithStablePseudonymsAndKeepsTheKeyApart() throws IOException {
        Path store = dir.resolve("keys").resolve("keys.json");
        assertThat(CliTest.run("keys", "--store", store.toString(), "new", "patients").code()).isZero();
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, "mode: pseudonymous\npurpose: 治療成績の分析\ncolumns:\n"
                + "  氏名: {role: identifier, transform: pseudonym}\n  性別: {role: quasi_identifier, transform: keep, hierarchy: builtin:sex}\n"
                + "  年齢: {role: quasi_identifier, transform: keep, hierarchy: builtin:age}\n  病名: {role: sensitive, transform: keep}\n");
        String[] args = {"deid", "--policy", policy.toString(), data.toString(), "--key", "patients", "--store", store.toString(),
            "--operator", "サンプル病院", "--output", dir.resolve("p1.csv").toString()};
        CliTest.Run r = CliTest.run(args);
        assertThat(r.code()).as(r.err()).isZero();
        List<String> out = Files.readAllLines(dir.resolve("p1.csv"), CP932);
        assertThat(out.get(1)).startsWith("P-").doesNotContain("山田");
        args[args.length - 1] = dir.resolve("p2.csv").toString();
        CliTest.run(args);
        assertThat(Files.readAllLines(dir.resolve("p2.csv"), CP932)).isEqualTo(out); // same key, same 仮ID
        assertThat(Files.readString(dir.resolve("p1.csv.notice.md"))).contains("治療成績の分析").contains("第41条第4項");
        String record = Files.readString(dir.resolve("p1.csv.record.json"));
        assertThat(record).contains("patients").contains("fingerprint");
        String keyFile = Files.readString(store);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([A-Za-z0-9+/=_-]{40,})\"").matcher(keyFile);
        while (m.find()) {
            assertThat(record).doesNotContain(m.group(1));
        }
    }

    @Test
    void pseudonymousPoliciesThatKeepIdentifiersAreRefused() throws IOException {
        Path policy = dir.resolve("keep.yaml");
        Files.writeString(policy, "mode: pseudonymous\npurpose: 分析\ncolumns:\n  氏名: {role: identifier, transform: keep}\n"
                + "  性別: {role: insensitive, transform: keep}\n  年齢: {role: insensitive, transform: keep}\n  病名: {role: sensitive, transform: keep}\n");
        CliTest.Run r = CliTest.run("--lang", "en", "deid", "--policy", policy.toString(), data.toString(), "--output", dir.resolve("k.csv").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("column '氏名' holds PERSON").contains("施行規則31条1号");
        assertThat(dir.resolve("k.csv")).doesNotExist();
    }

    @Test
    void twoPassesWriteExactlyWhatTheInMemoryPathWrites() throws IOException {
        assertThat(deid("--drop", "氏名", "--keep", "病名", "--in-memory").code()).isZero();
        byte[] inMemory = Files.readAllBytes(dir.resolve("out.csv"));
        String memoryReport = Files.readString(dir.resolve("report.json"));
        CliTest.Run r = CliTest.run("--lang", "en", "deid", data.toString(), "--mode", "anonymous", "--k", "3", "--suppression-limit", "0.05",
                "--qi", "性別=" + dir.resolve("sex.csv"), "--qi", "年齢=" + dir.resolve("age.csv"), "--drop", "氏名", "--keep", "病名",
                "--two-pass", "--output", dir.resolve("two.csv").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("two.csv"))).isEqualTo(inMemory);
        assertThat(Files.readString(dir.resolve("two.csv.record.json"))).contains("\"suppressed\" : 1").contains("\"after\" : {");
        assertThat(r.out()).contains("smallest class 1 → 5"); // the risk before and after, from the counts
        assertThat(deid("--drop", "氏名", "--keep", "病名").code()).isZero(); // the default path: the counted one
        assertThat(Files.readAllBytes(dir.resolve("out.csv"))).isEqualTo(inMemory);
        com.fasterxml.jackson.databind.JsonNode counted = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                Files.readString(dir.resolve("report.json")));
        com.fasterxml.jackson.databind.JsonNode memory = new com.fasterxml.jackson.databind.ObjectMapper().readTree(memoryReport);
        assertThat(counted.get("risk_before")).isEqualTo(memory.get("risk_before"));
        assertThat(counted.get("risk_after")).isEqualTo(memory.get("risk_after"));
        assertThat(counted.get("levels")).isEqualTo(memory.get("levels"));
    }

    @Test
    void formatPreservingEncryptionKeepsTheShapeOfNumbersInPseudonymousData() throws IOException {
        Path csv = dir.resolve("members.csv");
        Files.writeString(csv, "会員番号,性別\n12345678,男\n87654321,女\n", java.nio.charset.StandardCharsets.UTF_8);
        Path store = dir.resolve("ks.json");
        CliTest.run("keys", "--store", store.toString(), "new", "m");
        Path policy = dir.resolve("fpe.yaml");
        Files.writeString(policy, "mode: pseudonymous\npurpose: 分析\ncolumns:\n  会員番号: {role: linking_id, transform: fpe}\n"
                + "  性別: {role: insensitive, transform: mask}\n");
        CliTest.Run r = CliTest.run("--lang", "en", "deid", "--policy", policy.toString(), csv.toString(), "--key", "m", "--store", store.toString(),
                "--output", dir.resolve("fpe.csv").toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> out = Files.readAllLines(dir.resolve("fpe.csv"));
        assertThat(out.get(1)).matches("\\d{8},\\*").doesNotStartWith("12345678");
    }

    @Test
    void theKeyHolderRelinksTokensAndAWrongKeyIsRefused() throws IOException {
        Path csv = dir.resolve("members.csv");
        Files.writeString(csv, "会員番号,顧客ID\n12345678,C-001\n87654321,C-002\n", java.nio.charset.StandardCharsets.UTF_8);
        Path store = dir.resolve("ks.json");
        CliTest.run("keys", "--store", store.toString(), "new", "m");
        CliTest.run("keys", "--store", store.toString(), "new", "other");
        Path policy = dir.resolve("tok.yaml");
        Files.writeString(policy, "mode: pseudonymous\npurpose: 分析\ncolumns:\n  会員番号: {role: linking_id, transform: fpe}\n"
                + "  顧客ID: {role: linking_id, transform: token}\n");
        assertThat(CliTest.run("--lang", "en", "deid", "--policy", policy.toString(), csv.toString(), "--key", "m", "--store", store.toString(),
                "--output", dir.resolve("tok.csv").toString()).code()).isZero();
        assertThat(Files.readString(dir.resolve("tok.csv"))).doesNotContain("C-001").doesNotContain("12345678");
        CliTest.Run back = CliTest.run("--lang", "en", "deid", "relink", dir.resolve("tok.csv").toString(), "--token", "顧客ID", "--fpe", "会員番号",
                "--key", "m", "--store", store.toString(), "--output", dir.resolve("back.csv").toString());
        assertThat(back.code()).as(back.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("back.csv"))).containsExactly("会員番号,顧客ID", "12345678,C-001", "87654321,C-002");
        CliTest.Run wrong = CliTest.run("--lang", "en", "deid", "relink", dir.resolve("tok.csv").toString(), "--token", "顧客ID",
                "--key", "other", "--store", store.toString(), "--output", dir.resolve("wrong.csv").toString());
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("顧客ID").contains("nothing was written");
        assertThat(dir.resolve("wrong.csv")).doesNotExist();
    }
}
