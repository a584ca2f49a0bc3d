package dev.mamori.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlReadingTest {

    @TempDir
    Path dir;

    @Test
    void nestedObjectsAreFlattenedAndNewKeysGrowTheHeader() throws IOException {
        String jsonl = """
                {"name": "山田", "contact": {"tel": "090-1234-5678", "mail": null}, "tags": ["a", 1, true]}
                {"name": "佐藤", oops}

                {"contact": {"tel": "03"}, "age": 41, "name": "鈴木"}
                """;
        Recorder r = new Recorder();
        ReadSummary s = new DocumentReader(null).read(Files.writeString(dir.resolve("p.jsonl"), jsonl), r);

        assertThat(s.format()).isEqualTo(Format.JSONL);
        assertThat(s.records()).isEqualTo(2);
        assertThat(r.events).containsExactly(
                "table null [name, contact.tel, tags[0], tags[1], tags[2]]",
                "row 1 1 [山田, 090-1234-5678, a, 1, true]",
                "table null [name, contact.tel, tags[0], tags[1], tags[2], age]",
                "row 2 4 [鈴木, 03, null, null, null, 41]");
        assertThat(r.problems).hasSize(1);
        assertThat(r.problems.get(0).line()).isEqualTo(2);
        assertThat(r.problems.get(0).message())
                .startsWith(dir.resolve("p.jsonl") + ":2: line 2, column 16: malformed JSON (")
                .endsWith("); skipped");
    }

    @Test
    void labeledLinesGiveDocIdAndText() throws IOException {
        String jsonl = """
                {"doc_id": "d1", "text": "山田太郎の電話は090-1234-5678", "label": ["PHONE"]}
                {"doc_id": "d2"}
                {"text": "x", "doc_id": "d3"}
                """;
        Recorder r = new Recorder();
        DocumentReader labeled = new DocumentReader(new DocumentReader.Options(null, null, true, true));
        ReadSummary s = labeled.read(Files.writeString(dir.resolve("gold.jsonl"), jsonl), r);

        assertThat(s.records()).isEqualTo(2);
        assertThat(r.events).containsExactly("labeled 1 d1 山田太郎の電話は090-1234-5678", "labeled 3 d3 x");
        assertThat(r.problems).extracting(ReadProblem::message)
                .containsExactly(dir.resolve("gold.jsonl") + ":2: line 2 lacks a string \"text\"; skipped");
    }

    @Test
    void overlongLineIsReportedAndSkipped() throws IOException {
        String big = "{\"k\": \"" + "x".repeat(JsonlReader.MAX_LINE_CHARS) + "\"}";
        Recorder r = new Recorder();
        ReadSummary s = new DocumentReader(null).read(
                Files.writeString(dir.resolve("big.jsonl"), "{\"k\": 1}\n" + big + "\n{\"k\": 3}\n"), r);
        assertThat(s.records()).isEqualTo(2);
        assertThat(r.events).containsExactly("table null [k]", "row 1 1 [1]", "row 2 3 [3]");
        assertThat(r.problems).extracting(ReadProblem::message)
                .containsExactly(dir.resolve("big.jsonl") + ":2: line 2 is longer than 4194304 chars; skipped");
    }
}
