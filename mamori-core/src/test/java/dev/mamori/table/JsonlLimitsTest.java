package dev.mamori.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JSON line over a limit (nesting, number, key, columns) or malformed is reported as unread by its
 * position only, skipped, and the lines after it are read.
 */
class JsonlLimitsTest {

    @TempDir
    Path dir;

    private Recorder read(String... lines) throws IOException {
        Recorder r = new Recorder();
        new DocumentReader(null).read(Files.writeString(dir.resolve("x.jsonl"), String.join("\n", lines) + "\n"), r);
        return r;
    }

    private String file() {
        return dir.resolve("x.jsonl").toString();
    }

    @Test
    void overLimitLinesAreSkippedAndTheRestIsRead() throws IOException {
        String deep = "{\"a\":" + "[".repeat(1500) + "]".repeat(1500) + "}";
        String longNumber = "{\"a\":" + "1".repeat(1001) + "}";
        String longKey = "{\"" + "k".repeat(1001) + "\":1}";
        StringBuilder wide = new StringBuilder("{");
        for (int i = 0; i < 20_000; i++) {
            wide.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":1");
        }
        wide.append('}');
        Recorder r = read("{\"tel\":\"090-1234-5678\"}", deep, longNumber, longKey, wide.toString(), "{\"tel\":\"03-1234-5678\"}");

        assertThat(r.events).containsExactly("table null [tel]", "row 1 1 [090-1234-5678]", "row 2 6 [03-1234-5678]");
        assertThat(r.problems).allMatch(ReadProblem::unread).extracting(ReadProblem::message).containsExactly(
                file() + ":2: line 2, column " + (5 + 256 + 1) + ": nested deeper than 256 levels; skipped",
                file() + ":3: line 3, column 1007: a number longer than 1000 chars; skipped",
                file() + ":4: line 4, column 1005: a key longer than 1000 chars; skipped",
                file() + ":5: line 5 has more than 16384 values, or keys of more than 4194304 chars in all; skipped");
    }

    @Test
    void messagesNameThePlaceNeverTheContent() throws IOException {
        Recorder r = read("{\"a\": 123456789018x}", "{\"a\": tel09012345678}", "{\"a\": \"090-1234-5678", "{\"a\": 1} 4111111111111111",
                "[\"123456789018\"]", "{\"doc\": 1}");
        assertThat(r.problems).hasSize(5).allMatch(ReadProblem::unread);
        assertThat(r.problems).extracting(ReadProblem::message).containsExactly(
                file() + ":1: line 1, column 19: malformed JSON (an unexpected character); skipped",
                file() + ":2: line 2, column 7: malformed JSON (a word that is not a JSON value (text without quotes?)); skipped",
                file() + ":3: line 3, column 21: malformed JSON (the line ends inside a value); skipped",
                file() + ":4: line 4: text after the JSON object, column 26; ignored",
                file() + ":5: line 5 is not a JSON object; skipped");
        for (ReadProblem p : r.problems) {
            String said = p.message().replace(file().toString(), ""); // the temporary folder's random name may hold 1234
            assertThat(said).doesNotContain("1234").doesNotContain("4111").doesNotContain("tel0");
        }
    }

    @Test
    void aDeepPathRepeatedOverALongArrayIsBounded() throws IOException {
        // 200 levels of 1000-char keys, then 100,000 numbers: flattened, each would carry a 200,000-char path
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            b.append("{\"").append(Character.toString('a' + i % 26).repeat(1000)).append("\":");
        }
        b.append('[').append("1,".repeat(100_000)).append("1]").append("}".repeat(200));
        Recorder r = read(b.toString(), "{\"ok\":1}");
        assertThat(r.events).containsExactly("table null [ok]", "row 1 2 [1]");
        assertThat(r.problems).singleElement().extracting(ReadProblem::unread).isEqualTo(true);
    }
}
