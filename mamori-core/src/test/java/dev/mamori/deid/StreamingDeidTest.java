package dev.mamori.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9: 仮名加工情報 streams in a heap that does not grow with the input; the checks see every row on both paths. */
class StreamingDeidTest {

    @TempDir
    Path dir;

    @Test
    void pseudonymousDataStreamsThroughAHeapSmallerThanTheInput() throws Exception {
        Path input = dir.resolve("big.csv");
        String note = "備考".repeat(100) + "x".repeat(300); // 500 bytes of a column that is deleted
        long rows = 160_000;
        try (BufferedWriter w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
            w.write("顧客ID,メモ,ポイント\n");
            for (long i = 0; i < rows; i++) {
                w.write("C" + i + "," + note + "," + (i % 1000) + "\n");
            }
        }
        assertThat(Files.size(input)).isGreaterThan(3L * 32 * 1024 * 1024); // over three times the worker's heap
        Path policy = Files.writeString(dir.resolve("p.yaml"), "mode: pseudonymous\npurpose: 利用傾向の分析\ncolumns:\n"
                + "  顧客ID: {role: linking_id, transform: pseudonym}\n  メモ: {role: insensitive, transform: delete}\n"
                + "  ポイント: {role: insensitive, transform: keep}\n");
        Path store = dir.resolve("ks.json");
        KeyStore.create(store).newKey("c");
        Path output = dir.resolve("out.csv");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"), StreamingWorker.class.getName(),
                input.toString(), policy.toString(), output.toString(), store.toString(), "c").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out.strip()).isEqualTo(Long.toString(rows));
        try (var lines = Files.lines(output)) {
            assertThat(lines.count()).isEqualTo(rows + 1);
        }
        assertThat(Files.readAllLines(output).get(1)).startsWith("P-").endsWith(",0");
    }

    @Test
    void theTwoPassPathChecksEveryRowNotASample() throws IOException {
        // the kept column holds phone numbers only after row 10,000 (the old sample size)
        Path input = dir.resolve("late.csv");
        try (BufferedWriter w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
            w.write("年齢,メモ\n");
            for (int i = 0; i < 12_000; i++) {
                w.write((20 + i % 50) + "," + (i == 11_000 || i == 11_500 ? "連絡先 090-1234-" + (5000 + i % 1000) : "特になし") + "\n");
            }
        }
        StringBuilder age = new StringBuilder();
        for (int a = 0; a < 100; a++) {
            age.append(a).append(';').append(a / 10 * 10).append("代;*\n");
        }
        Files.writeString(dir.resolve("age.csv"), age);
        Map<String, Policy.Column> cols = new java.util.LinkedHashMap<>();
        cols.put("年齢", new Policy.Column(Policy.Role.QUASI_IDENTIFIER, Policy.Method.GENERALIZE, "age.csv", null));
        cols.put("メモ", new Policy.Column(Policy.Role.INSENSITIVE, Policy.Method.KEEP, null, null));
        Policy policy = new Policy(Mode.ANONYMOUS, null, 5, 0.0, Map.of(), cols);
        Path output = dir.resolve("out.csv");
        assertThatThrownBy(() -> TwoPassAnonymizer.run(input, policy, dir, Output.to(output)))
                .hasMessageContaining("column 'メモ' holds PHONE").hasMessageContaining("34条");
        assertThat(output).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.contains("mamori-part"));
        }
    }

    @Test
    void aStreamedRefusalWritesNothing() throws IOException {
        Path input = Files.writeString(dir.resolve("cards.csv"), "ID,カード\nA,4111 1111 1111 1111\nB,5555 5555 5555 4444\n");
        Map<String, Policy.Column> cols = new java.util.LinkedHashMap<>();
        cols.put("ID", new Policy.Column(Policy.Role.LINKING_ID, Policy.Method.RANDOM_ID, null, null));
        cols.put("カード", new Policy.Column(Policy.Role.INSENSITIVE, Policy.Method.MASK, null, null));
        Policy policy = new Policy(Mode.PSEUDONYMOUS, "与信分析", 1, 0, Map.of(), cols);
        Path output = dir.resolve("out.csv");
        Files.writeString(output, "previous");
        assertThatThrownBy(() -> Deidentifier.pseudonymize(input, policy, null, Output.to(output)))
                .hasMessageContaining("CREDIT_CARD").hasMessageContaining("31条3号");
        assertThat(Files.readString(output)).isEqualTo("previous");
        assertThat(Deidentifier.pseudonymize(Files.writeString(dir.resolve("ok.csv"), "ID,カード\nA,なし\n"), policy, null, Output.to(output)).rowsOut())
                .isEqualTo(1);
        assertThat(Files.readAllLines(output)).hasSize(2).element(1).asString().startsWith("R-");
        assertThatThrownBy(() -> Deidentifier.pseudonymize(dir.resolve("missing.csv"), policy, null, Output.to(dir.resolve("x.csv"))))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
        assertThat(List.of(dir.resolve("x.csv"))).allSatisfy(p -> assertThat(p).doesNotExist());
    }
}
