package dev.mamori.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.deid.Deidentifier;
import dev.mamori.deid.KeyStore;
import dev.mamori.deid.Output;
import dev.mamori.deid.Policy;
import dev.mamori.deid.PolicyFile;
import dev.mamori.deid.RunRecords;
import dev.mamori.deid.TwoPassAnonymizer;
import dev.mamori.report.Message;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mamori spark deid gives what mamori deid gives, and refuses what it refuses without leaving an output. */
class SparkDeidTest {

    @TempDir
    Path dir;

    private static Policy adultPolicy(Map<String, Integer> l) {
        Map<String, String> qi = new LinkedHashMap<>();
        Spark.QIS.forEach(c -> qi.put(c, Spark.ADULT.resolve("adult_hierarchy_" + c + ".csv").toAbsolutePath().toString()));
        return RunRecords.policyFromOptions("anonymous", qi, 5, l, 0.05, List.of("id"), List.of("workclass", "occupation", "salary-class"));
    }

    private static SparkDeid.Result spark(Path input, Policy policy, SparkDeid.KeyRef key, Path out) throws IOException {
        SparkSession s = Spark.session();
        return SparkDeid.run(s, Tables.probe(s, input.toString(), "auto", null), policy, null, key, out.toString(), (staging, r) -> {
        });
    }

    @Test
    void aMillionRowsComeOutByteForByteAsOnOneMachine() throws IOException {
        Path input = Spark.perturbedAdult(dir.resolve("adult-1m.csv"), 1_000_000);
        Policy policy = adultPolicy(Map.of());
        Path one = dir.resolve("one.csv");
        TwoPassAnonymizer.Summary expected = TwoPassAnonymizer.run(input, policy, null, Output.to(one));
        Path out = dir.resolve("spark-out");
        SparkDeid.Result r = spark(input, policy, null, out);

        assertThat(r.plan().search().levels()).isEqualTo(expected.search().levels());
        assertThat(r.records()).isEqualTo(1_000_000).isEqualTo(expected.records());
        assertThat(r.written()).isEqualTo(expected.written());
        assertThat(r.records() - r.written()).isEqualTo(expected.search().suppressed()).isPositive(); // rows were suppressed
        assertThat(r.distinct()).isEqualTo(expected.distinct());
        assertThat(r.plan().before()).isEqualTo(expected.before());
        assertThat(r.plan().after()).isEqualTo(expected.after());
        try (var parts = Files.list(out)) {
            assertThat(parts.filter(p -> p.getFileName().toString().startsWith("part-")).count()).as("one part per input partition")
                    .isGreaterThan(10);
        }
        byte[] header = "sex;age;race;marital-status;education;native-country;workclass;occupation;salary-class\r\n".getBytes(StandardCharsets.UTF_8);
        assertThat(Spark.joined(out, header.length)).isEqualTo(Files.readAllBytes(one));
        assertThat(dir.resolve("adult-1m.csv")).hasSize(Files.size(input)); // the input is untouched
    }

    @Test
    void lDiversityAndParquetGiveTheSameRecords() throws IOException {
        Path csv = Spark.perturbedAdult(dir.resolve("adult.csv"), 60_000);
        Policy policy = adultPolicy(Map.of("salary-class", 2));
        Path one = dir.resolve("one.csv");
        TwoPassAnonymizer.Summary expected = TwoPassAnonymizer.run(csv, policy, null, Output.to(one));
        SparkSession s = Spark.session();
        Path parquet = dir.resolve("adult.parquet");
        s.read().option("header", "true").option("sep", ";").csv(csv.toString()).write().parquet(parquet.toString());
        Path out = dir.resolve("out.parquet");
        SparkDeid.Result r = spark(parquet, policy, null, out);
        assertThat(r.plan().search().levels()).isEqualTo(expected.search().levels());
        assertThat(r.plan().after()).isEqualTo(expected.after());
        List<String> got = new ArrayList<>();
        for (Row row : s.read().parquet(out.toString()).collectAsList()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.length(); i++) {
                cells.add(row.getString(i));
            }
            got.add(String.join(";", cells));
        }
        List<String> want = new ArrayList<>(Files.readAllLines(one, StandardCharsets.UTF_8));
        want.remove(0);
        got.sort(null);
        want.sort(null);
        assertThat(got).isEqualTo(want);
    }

    @Test
    void pseudonymsWithAStoredKeyInCp932AreThoseOfOneMachine() throws IOException {
        Charset cp932 = Charset.forName("windows-31j");
        Path input = dir.resolve("顧客.csv");
        StringBuilder b = new StringBuilder("顧客ID,氏名,ポイント,メモ\r\n");
        for (int i = 0; i < 5000; i++) {
            b.append("C").append(10000 + i).append(",山田 太郎").append(i % 7).append(',').append(i % 100).append(",\"備考, ").append(i).append("\"\r\n");
        }
        Files.write(input, b.toString().getBytes(cp932));
        Policy policy = PolicyFile.read("p.yaml", "mode: pseudonymous\npurpose: 利用傾向の分析\ncolumns:\n"
                + "  顧客ID: {role: linking_id, transform: pseudonym}\n  氏名: {role: identifier, transform: delete}\n"
                + "  ポイント: {role: insensitive, transform: keep}\n  メモ: {role: insensitive, transform: keep}\n");
        Path store = dir.resolve("keys.json");
        KeyStore.create(store).newKey("customers");
        Path one = dir.resolve("one.csv");
        Deidentifier.pseudonymize(input, policy, KeyStore.open(store).get("customers"), Output.to(one));
        Path out = dir.resolve("pseudo");
        SparkDeid.Result r = spark(input, policy, new SparkDeid.KeyRef(store.toString(), "customers"), out);
        assertThat(r.written()).isEqualTo(5000);
        byte[] header = "顧客ID,ポイント,メモ\r\n".getBytes(cp932);
        assertThat(Spark.joined(out, header.length)).isEqualTo(Files.readAllBytes(one));
        assertThat(new String(Files.readAllBytes(one), cp932)).contains("P-").doesNotContain("C10000");
    }

    @Test
    void aKeptColumnWithPhoneNumbersInTwoPartitionsIsRefusedAndNothingIsWritten() throws IOException {
        // one phone number in each of two part files: each part alone holds one (allowed), together two (refused)
        Path input = Files.createDirectory(dir.resolve("in"));
        for (int p = 0; p < 2; p++) {
            StringBuilder b = new StringBuilder("年齢,メモ\n");
            for (int i = 0; i < 200; i++) {
                b.append(20 + i % 50).append(',').append(i == 100 ? "連絡先 090-1234-567" + p : "特になし").append('\n');
            }
            Files.writeString(input.resolve("part-" + p + ".csv"), b);
        }
        Policy policy = PolicyFile.read("p.yaml", "mode: anonymous\nprivacy: {k: 2, suppression_limit: 0.5}\ncolumns:\n"
                + "  年齢: {role: quasi_identifier, transform: generalize, hierarchy: 'builtin:age'}\n"
                + "  メモ: {role: insensitive, transform: keep}\n");
        Path out = dir.resolve("out");
        assertThatThrownBy(() -> spark(input, policy, null, out)).isInstanceOf(Message.Problem.class)
                .hasMessageContaining("メモ").hasMessageContaining("PHONE").hasMessageNotContaining("090");
        assertThat(out).doesNotExist();
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("in"); // no staging left
        }
    }

    @Test
    void brokenCsvIsRefusedWithItsCount() throws IOException {
        Path input = dir.resolve("broken.csv");
        Files.writeString(input, "年齢,性別\n30,男\n31,女,余分\n32,男\n\"33,女\n");
        Policy policy = PolicyFile.read("p.yaml", "mode: anonymous\nprivacy: {k: 2, suppression_limit: 0.5}\ncolumns:\n"
                + "  年齢: {role: quasi_identifier, transform: generalize, hierarchy: 'builtin:age'}\n"
                + "  性別: {role: quasi_identifier, transform: generalize, hierarchy: 'builtin:sex'}\n");
        Path out = dir.resolve("out");
        assertThatThrownBy(() -> spark(input, policy, null, out)).isInstanceOf(Message.Problem.class)
                .hasMessageContaining("broken.csv").hasMessageContaining("records could not be read");
        assertThat(out).doesNotExist();
    }

    @Test
    void theOutputIsNeverTheInputNorInsideItNorAnExistingDirectory() throws IOException {
        Path input = Files.createDirectory(dir.resolve("in"));
        Files.writeString(input.resolve("a.csv"), "年齢\n30\n");
        Policy policy = PolicyFile.read("p.yaml", "mode: anonymous\nprivacy: {k: 2}\ncolumns:\n"
                + "  年齢: {role: quasi_identifier, transform: generalize, hierarchy: 'builtin:age'}\n");
        assertThatThrownBy(() -> spark(input, policy, null, input.resolve("out"))).isInstanceOf(Message.Problem.class)
                .hasMessageContaining("inside it");
        assertThatThrownBy(() -> spark(input, policy, null, input)).isInstanceOf(Message.Problem.class);
        Path exists = Files.createDirectory(dir.resolve("exists"));
        assertThatThrownBy(() -> spark(input, policy, null, exists)).isInstanceOf(Message.Problem.class)
                .hasMessageContaining("exists already");
        assertThat(input.resolve("a.csv")).hasContent("年齢\n30\n");
    }
}
