package dev.mamori.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.table.ReadProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a scan says about what it could not read, and what it never says (the values). */
class ScanSafetyTest {

    @TempDir
    Path dir;

    private record Result(List<LocatedFinding> findings, List<ReadProblem> problems, FileReport report) {
    }

    private static Result scan(int threads, Path file) throws IOException {
        return scan(Scanner.Options.defaults().withThreads(threads), file);
    }

    private static Result scan(Scanner.Options options, Path file) throws IOException {
        EnumSet<PiiType> t = EnumSet.allOf(PiiType.class);
        t.removeIf(PiiType::needsMorphology);
        List<LocatedFinding> found = new ArrayList<>();
        List<ReadProblem> problems = new ArrayList<>();
        try (Scanner s = new Scanner(options.withTypes(t))) {
            FileReport r = s.scan(file, file.getFileName().toString(), new ScanListener() {
                @Override
                public void finding(LocatedFinding f) {
                    found.add(f);
                }

                @Override
                public void problem(ReadProblem p) {
                    problems.add(p);
                }
            });
            return new Result(found, problems, r);
        }
    }

    @Test
    void recordsReadAsTextAreScannedTheSameWayWithAnyNumberOfThreads() throws IOException {
        StringBuilder b = new StringBuilder("id,電話,メモ\n");
        for (int i = 0; i < 20_000; i++) {
            b.append(i).append(",090-1234-").append(1000 + i % 9000).append(",メモ\n");
            if (i == 7_000) {
                b.append("個人番号 123456789018").append(",x".repeat(17_000)).append('\n'); // too many fields
            }
        }
        b.append("最後,03-1234-5678,\"閉じない引用符 123456789018\n末尾 4111111111111111\n"); // a quote never closed
        Path f = Files.writeString(dir.resolve("mixed.csv"), b.toString(), StandardCharsets.UTF_8);

        Result one = scan(1, f);
        Result two = scan(2, f);
        assertThat(two.findings).isEqualTo(one.findings);
        assertThat(two.problems).isEqualTo(one.problems);
        assertThat(two.report.read()).isEqualTo(one.report.read());
        assertThat(one.report.unread()).isEqualTo(1); // the quote at the end runs to the end of the file: FastCSV just ends the field
        assertThat(one.findings).filteredOn(x -> !x.where().inTable())
                .extracting(x -> x.finding().type() + "@" + x.where().line())
                .containsExactly("MY_NUMBER@7003");
    }

    @Test
    void aFileReportCountsTheProblemsThatLeftSomethingUnread() throws IOException {
        Path f = Files.writeString(dir.resolve("x.jsonl"), "{\"a\": \"090-1234-5678\"}\n{oops}\n{\"a\": \"\\u00ff\"}\n");
        Result r = scan(1, f);
        assertThat(r.report.problems()).isEqualTo(1);
        assertThat(r.report.unread()).isEqualTo(1);
        assertThat(r.problems).singleElement().extracting(ReadProblem::unread).isEqualTo(true);
        Path bad = Files.write(dir.resolve("bad.txt"), new byte[] {'a', (byte) 0xFF, 'b', '\n'});
        Result damaged = scan(Scanner.Options.defaults().withRead(
                new dev.mamori.table.DocumentReader.Options(null, StandardCharsets.UTF_8, false, true)), bad);
        assertThat(damaged.report.problems()).isEqualTo(1);
        assertThat(damaged.report.unread()).isZero(); // replaced by U+FFFD: read, just damaged
    }

    @Test
    void aFindingNeverShowsItsValue() {
        Finding f = new Finding(PiiType.MY_NUMBER, 3, 15, 0.99, true, "123456789018");
        assertThat(f.toString()).doesNotContain("123456789018").contains("MY_NUMBER").contains("3..15")
                .contains("1234********");
        assertThat(new LocatedFinding(new Location("a.csv", 2, 1, null, "個人番号", 0, null), f).toString())
                .doesNotContain("123456789018");
        Evaluation.Miss m = new Evaluation.Miss("d1", PiiType.PHONE, 0, 13, "090-1234-5678", false);
        assertThat(m.toString()).doesNotContain("090-1234-5678").contains("d1");
    }

    @Test
    void minConfidenceMustBeANumberFromZeroToOne() {
        for (double bad : new double[] {Double.NaN, -1, 2, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new Scanner.Options(EnumSet.of(PiiType.PHONE), bad, 1, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from 0 to 1");
            assertThatThrownBy(() -> Detector.of(EnumSet.of(PiiType.PHONE), bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from 0 to 1");
        }
        assertThat(Detector.of(EnumSet.of(PiiType.PHONE), 0).detect("090-1234-5678", Detector.of(EnumSet.of(PiiType.PHONE), 0).freeText()))
                .isNotEmpty();
    }

    @Test
    void labelsOutsideTheTextAreRefusedAndNothingIsCounted() {
        Evaluation e = new Evaluation(Detector.of(EnumSet.of(PiiType.PHONE), 0.4));
        String text = "電話 03-1234-5678";
        assertThatThrownBy(() -> e.add("d1", text, List.of(new Evaluation.Label(3, 99, PiiType.PHONE))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("label PHONE 3..99 is outside the text (the text has 15 chars; offsets are UTF-16 indices, end exclusive)");
        assertThatThrownBy(() -> e.add("d1", text, List.of(new Evaluation.Label(-1, 2, PiiType.PHONE))))
                .hasMessageContaining("outside the text");
        assertThatThrownBy(() -> e.add("d1", text, List.of(new Evaluation.Label(5, 5, PiiType.PHONE))))
                .hasMessageContaining("is empty");
        assertThat(e.documents()).isZero();
        e.add("d1", text, List.of(new Evaluation.Label(3, 15, PiiType.PHONE)));
        assertThat(e.overall().labelsFound()).isEqualTo(1);
    }
}
