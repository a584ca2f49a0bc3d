package dev.mamori.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.risk.AdultData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counted (two-pass, dictionary-encoded) path writes what the in-memory path writes, byte for byte, and reports
 * the same risk before and after, on the adult table (30,162 records) with and without l-diversity.
 */
class CountedPathTest {

    @TempDir
    Path dir;

    private static Policy adultPolicy(int k, double suppression, Map<String, Integer> l) {
        Path a = AdultData.dir();
        Map<String, Policy.Column> cols = new LinkedHashMap<>();
        for (String c : List.of("sex", "age", "race", "marital-status", "education", "native-country")) {
            cols.put(c, new Policy.Column(Policy.Role.QUASI_IDENTIFIER, Policy.Method.GENERALIZE,
                    a.resolve("adult_hierarchy_" + c + ".csv").toString(), null));
        }
        cols.put("workclass", new Policy.Column(Policy.Role.INSENSITIVE, Policy.Method.KEEP, null, null));
        cols.put("occupation", new Policy.Column(l.containsKey("occupation") ? Policy.Role.SENSITIVE : Policy.Role.INSENSITIVE,
                Policy.Method.KEEP, null, null));
        cols.put("salary-class", new Policy.Column(Policy.Role.INSENSITIVE, Policy.Method.DELETE, null, null));
        return new Policy(Mode.ANONYMOUS, null, k, suppression, l, cols);
    }

    @Test
    void countedAndInMemoryPathsAgreeOnOutputAndRisk() throws IOException {
        Path input = AdultData.dir().resolve("adult.csv");
        for (Policy policy : List.of(adultPolicy(5, 0.05, Map.of()), adultPolicy(10, 0.02, Map.of()),
                adultPolicy(3, 0.05, Map.of("occupation", 2)))) {
            Path inMemory = dir.resolve("mem.csv");
            Path counted = dir.resolve("counted.csv");
            Deidentifier.Written w = Deidentifier.anonymize(input, policy, null, Output.to(inMemory));
            TwoPassAnonymizer.Summary s = TwoPassAnonymizer.run(input, policy, null, Output.to(counted));
            assertThat(Files.readAllBytes(counted)).isEqualTo(Files.readAllBytes(inMemory));
            assertThat(s.search().levels()).isEqualTo(w.result().search().levels());
            assertThat(s.before()).isEqualTo(w.result().before());
            assertThat(s.after()).isEqualTo(w.result().after());
            assertThat(s.records() - s.written()).isEqualTo(w.result().suppressed());
            assertThat(s.before().minClassSize()).isEqualTo(1);
            assertThat(s.after().minClassSize()).isGreaterThanOrEqualTo(policy.k());
        }
    }

    /**
     * Kept cells that need quoting (the delimiter, quotes, line ends, a leading #), multi-byte text, empty and missing
     * cells, a masked column, and blocks with an escaped quote (read by FastCSV, not by bytes): the counted path
     * writes what the in-memory path writes, in UTF-8 (records formatted as bytes) and in CP932 (by FastCSV).
     */
    @Test
    void awkwardCellsAreWrittenAsTheInMemoryPathWritesThem() throws IOException {
        String[] notes = {"なし", "\"引用\"あり", "a,b", "改行\nあり", "#先頭", "", "ｶﾅ 半角", "😀", "x\r\ny"};
        StringBuilder b = new StringBuilder("#id,年齢,メモ,氏名\n");
        for (int i = 0; i < 60_000; i++) {
            String note = notes[i % notes.length];
            boolean quote = note.contains("\"") || note.contains(",") || note.contains("\n") || i % 7 == 0;
            String cell = quote ? "\"" + note.replace("\"", "\"\"") + "\"" : note;
            if (i % 9_000 >= 9 && note.contains("\"")) {
                cell = "引用なし"; // an escaped quote in a few blocks only
            }
            b.append(i % 13 == 0 ? "#" + i : i).append(',').append(20 + i % 10).append(',').append(cell);
            b.append(i % 11 == 0 ? "\n" : ",山田" + i % 3 + "\n"); // some rows shorter than the header
        }
        Files.writeString(dir.resolve("age.csv"), "20;20代;*\n21;20代;*\n22;20代;*\n23;20代;*\n24;20代;*\n25;20代;*\n26;20代;*\n"
                + "27;20代;*\n28;20代;*\n29;20代;*\n");
        Map<String, Policy.Column> cols = new LinkedHashMap<>();
        cols.put("#id", new Policy.Column(Policy.Role.INSENSITIVE, Policy.Method.KEEP, null, null));
        cols.put("年齢", new Policy.Column(Policy.Role.QUASI_IDENTIFIER, Policy.Method.GENERALIZE, "age.csv", null));
        cols.put("メモ", new Policy.Column(Policy.Role.INSENSITIVE, Policy.Method.KEEP, null, null));
        cols.put("氏名", new Policy.Column(Policy.Role.INSENSITIVE, Policy.Method.MASK, null, null));
        Policy policy = new Policy(Mode.ANONYMOUS, null, 5, 0.0, Map.of(), cols);
        for (java.nio.charset.Charset cs : List.of(java.nio.charset.StandardCharsets.UTF_8, java.nio.charset.Charset.forName("windows-31j"))) {
            String text = cs.newEncoder().canEncode("😀") ? b.toString() : b.toString().replace("😀", "絵");
            Path input = dir.resolve("awkward-" + cs.name() + ".csv");
            Files.write(input, text.getBytes(cs));
            assertThat(Files.size(input)).isGreaterThan(4L << 18); // several blocks
            Path inMemory = dir.resolve("mem.csv");
            Path counted = dir.resolve("counted.csv");
            Deidentifier.anonymize(input, policy, dir, Output.to(inMemory));
            TwoPassAnonymizer.run(input, policy, dir, Output.to(counted));
            assertThat(Files.readAllBytes(counted)).as(cs.name()).isEqualTo(Files.readAllBytes(inMemory));
            assertThat(new String(Files.readAllBytes(counted), cs))
                    .contains(",#先頭,", "\"\"\"引用\"\"あり\"", "\"a,b\"", "\"改行\nあり\"", "\r\n\"#13\",23,");
        }
    }

    /** The kept column's two phone numbers are in blocks read by different workers: their counts still add up. */
    @Test
    void keptColumnChecksAddUpAcrossBlocks() throws IOException {
        Path input = dir.resolve("late.csv");
        StringBuilder b = new StringBuilder("年齢,メモ\n");
        for (int i = 0; i < 60_000; i++) {
            b.append(20 + i % 10).append(',').append(i == 100 || i == 59_000 ? "連絡先 090-1234-" + (5000 + i % 1000) : "特記事項なし")
                    .append('\n');
        }
        Files.writeString(input, b);
        assertThat(Files.size(input)).isGreaterThan(4L << 18); // several blocks
        Files.writeString(dir.resolve("age.csv"), "20;20代;*\n21;20代;*\n22;20代;*\n23;20代;*\n24;20代;*\n25;20代;*\n26;20代;*\n"
                + "27;20代;*\n28;20代;*\n29;20代;*\n");
        Map<String, Policy.Column> cols = new LinkedHashMap<>();
        cols.put("年齢", new Policy.Column(Policy.Role.QUASI_IDENTIFIER, Policy.Method.GENERALIZE, "age.csv", null));
        cols.put("メモ", new Policy.Column(Policy.Role.INSENSITIVE, Policy.Method.KEEP, null, null));
        Policy policy = new Policy(Mode.ANONYMOUS, null, 5, 0.0, Map.of(), cols);
        Path output = dir.resolve("out.csv");
        assertThatThrownBy(() -> TwoPassAnonymizer.run(input, policy, dir, Output.to(output)))
                .hasMessageContaining("column 'メモ' holds PHONE");
        assertThat(output).doesNotExist();
    }

    @Test
    void anInputChangedBetweenThePassesWritesNothing() throws IOException {
        Path input = dir.resolve("a.csv");
        StringBuilder b = new StringBuilder("年齢,メモ\n");
        for (int i = 0; i < 200; i++) {
            b.append(20 + i % 10).append(",なし\n");
        }
        Files.writeString(input, b);
        Files.writeString(dir.resolve("age.csv"), "20;20代;*\n21;20代;*\n22;20代;*\n23;20代;*\n24;20代;*\n25;20代;*\n26;20代;*\n"
                + "27;20代;*\n28;20代;*\n29;20代;*\n99;90代;*\n");
        Map<String, Policy.Column> cols = new LinkedHashMap<>();
        cols.put("年齢", new Policy.Column(Policy.Role.QUASI_IDENTIFIER, Policy.Method.GENERALIZE, "age.csv", null));
        cols.put("メモ", new Policy.Column(Policy.Role.INSENSITIVE, Policy.Method.KEEP, null, null));
        Policy policy = new Policy(Mode.ANONYMOUS, null, 5, 0.0, Map.of(), cols);
        Path output = dir.resolve("out.csv");
        Output changing = new Output(output, false, new Output.Progress() {
            @Override
            public void pass(int pass, int passes) {
                if (pass == 2) { // between the passes, a record with a value the first pass never saw
                    try {
                        Files.writeString(input, "99,なし\n", java.nio.file.StandardOpenOption.APPEND);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
        });
        assertThatThrownBy(() -> TwoPassAnonymizer.run(input, policy, dir, changing))
                .hasMessageContaining("the input changed between the two passes");
        assertThat(output).doesNotExist();
        // a value changed in place to another the first pass saw: the counts no longer hold, and the block's bytes differ
        for (int i = 0; i < 60_000; i++) { // several blocks
            b.append(20 + i % 10).append(",なし\n");
        }
        Files.writeString(input, b);
        Output edited = new Output(output, false, new Output.Progress() {
            @Override
            public void pass(int pass, int passes) {
                if (pass == 2) {
                    try {
                        Files.writeString(input, b.toString().replaceFirst("\n21,", "\n22,"));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
        });
        assertThatThrownBy(() -> TwoPassAnonymizer.run(input, policy, dir, edited))
                .hasMessageContaining("the input changed between the two passes");
        assertThat(output).doesNotExist();
    }
}
