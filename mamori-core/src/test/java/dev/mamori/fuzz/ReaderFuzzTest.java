package dev.mamori.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mamori.table.DocumentReader;
import dev.mamori.table.DocumentVisitor;
import dev.mamori.table.ReadException;
import dev.mamori.table.ReadProblem;
import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * The readers must never throw anything but {@link ReadException} (with a message naming the
 * input) and must deliver well-formed rows, whatever the bytes. Runs briefly in the default build
 * and for as long as wanted with {@code ./mvnw -pl mamori-core test -Dfuzz.duration=10m}.
 */
class ReaderFuzzTest {

    private static final String[] NAMES = {"in.csv", "in.tsv", "in.txt", "in.jsonl", "in.xlsx", "in", "in.eml", "in.html", "in.docx",
        "in.pdf", "in.xls", "in.doc", "in.ppt", "in.msg", "in.ods", "in.odt", "in.fodp"};

    @FuzzTest(maxDuration = "15s")
    void readersSurviveAnyBytes(FuzzedDataProvider data) {
        String name = NAMES[data.consumeInt(0, NAMES.length - 1)];
        boolean labeled = data.consumeBoolean();
        byte[] bytes = data.consumeRemainingAsBytes();
        DocumentReader reader = new DocumentReader(new DocumentReader.Options(null, null, labeled, true));
        try {
            reader.read(new ByteArrayInputStream(bytes), name, new Checker());
        } catch (ReadException e) {
            assertThat(e.getMessage()).contains(name);
        }
    }

    private static final class Checker implements DocumentVisitor {
        @Override
        public void text(long line, int offset, int overlap, String chunk) {
            assertThat(line).isPositive();
            assertThat(chunk).isNotNull();
            assertThat(overlap).isBetween(0, Math.max(0, offset));
        }

        @Override
        public void table(String sheet, List<String> header) {
            assertThat(header).isNotNull();
        }

        @Override
        public void row(long row, long line, List<String> cells) {
            assertThat(row).isPositive();
            assertThat(cells).isNotNull();
        }

        @Override
        public void labeled(long line, String docId, String text) {
            assertThat(docId).isNotNull();
            assertThat(text).isNotNull();
        }

        @Override
        public void problem(ReadProblem problem) {
            assertThat(problem.message()).isNotBlank();
        }
    }
}
