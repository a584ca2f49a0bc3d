package dev.mamori.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record FastCSV cannot read does not end the file: it is reported as unread, its lines are
 * delivered as plain text (so identifiers in it are still scanned, at their lines), and the table goes
 * on with the next record.
 */
class CsvFallbackTest {

    @TempDir
    Path dir;

    private final DocumentReader reader = new DocumentReader(null);

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** The text chunks of line {@code line}, joined. */
    private static String textOf(Recorder r, long line) {
        StringBuilder b = new StringBuilder();
        r.chunks.stream().filter(c -> c[0].equals(Long.toString(line))).forEach(c -> b.append(c[3], Integer.parseInt(c[2]), c[3].length()));
        return b.toString();
    }

    @Test
    void aStrayQuoteNearTheTopOfALargeFileGivesTheRestAsTextWithLineNumbers() throws IOException {
        StringBuilder csv = new StringBuilder("氏名,電話番号,備考\n山田太郎,03-1234-5678,ok\n佐藤花子,090-1111-2222,\"oops\n");
        // more than a field may hold, so FastCSV gives up (the limit in force: another class may have used FastCSV first)
        int lines = CsvTableReader.maxFieldChars() / 35 + 1000;
        for (int i = 0; i < lines; i++) {
            csv.append("名前").append(i).append(",090-").append(1000 + i % 9000).append("-5678,個人番号 123456789018\n");
        }
        Recorder r = new Recorder();
        ReadSummary s = reader.read(write("stray.csv", csv.toString()), r);

        assertThat(r.events.stream().filter(e -> !e.startsWith("text"))).containsExactly(
                "table null [氏名, 電話番号, 備考]", "row 1 2 [山田太郎, 03-1234-5678, ok]");
        assertThat(r.problems).hasSize(1);
        ReadProblem p = r.problems.get(0);
        assertThat(p.unread()).isTrue();
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.message()).startsWith(dir.resolve("stray.csv") + ":3: record 2 (starting at line 3) cannot be read as a table row")
                .contains("is a quote never closed?").endsWith("its lines are read as plain text");
        assertThat(textOf(r, 3)).isEqualTo("佐藤花子,090-1111-2222,\"oops");
        assertThat(textOf(r, 4)).isEqualTo("名前0,090-1000-5678,個人番号 123456789018");
        long last = 3 + lines;
        assertThat(textOf(r, last)).isEqualTo("名前" + (lines - 1) + ",090-" + (1000 + (lines - 1) % 9000) + "-5678,個人番号 123456789018");
        assertThat(s.records()).isEqualTo(2); // the row, and the record read as text
    }

    @Test
    void aQuoteNeverClosedInASmallFileIsReportedWithTheLinesItTook() throws IOException { // session 58, a review's CSV
        Recorder r = new Recorder();
        reader.read(write("unclosed.csv", "氏名,備考,電話\n小田 舞,\"閉じ忘れ,080-1111-2222\n北野 武史,なし,080-3333-4444\n"), r);
        assertThat(r.problems).extracting(ReadProblem::line, ReadProblem::unread).containsExactly(org.assertj.core.groups.Tuple.tuple(2L, false));
        assertThat(r.problems.get(0).message()).contains("a quote opened on line 2 is never closed; lines 2 to 3 were read as one field");
        // quotes that close, "" inside, a quote inside an unquoted field and a quoted line break: no problem
        Recorder ok = new Recorder();
        reader.read(write("closed.csv", "a,b\n\"x \"\"y\"\"\",2\n3 \"inch\",4\n\"two\nlines\",5\n"), ok);
        assertThat(ok.problems).isEmpty();
    }

    @Test
    void aRecordWithTooManyFieldsIsReadAsTextAndTheRowsAfterItAreRowsAgain() throws IOException {
        String wide = "123456789018" + ",x".repeat(20_000);
        Recorder r = new Recorder();
        ReadSummary s = reader.read(write("wide.csv", "a,b\r\n1,2\r\n\"two\r\nlines\",3\r\n" + wide + "\r\n4,\"5\r\n6\"\r\n7,8\r\n"), r);

        assertThat(r.events.stream().filter(e -> !e.startsWith("text"))).containsExactly(
                "table null [a, b]", "row 1 2 [1, 2]", "row 2 3 [two\r\nlines, 3]", "row 4 6 [4, 5\r\n6]", "row 5 8 [7, 8]");
        assertThat(r.problems).extracting(ReadProblem::line, ReadProblem::unread).containsExactly(org.assertj.core.groups.Tuple.tuple(5L, true));
        assertThat(r.problems.get(0).message()).contains("record 3 (starting at line 5)").contains("more than 16384 fields");
        assertThat(textOf(r, 5)).isEqualTo(wide);
        assertThat(s.records()).isEqualTo(5);
    }

    @Test
    void aHeaderWithTooManyFieldsIsTextAndTheColumnsGetNumbers() throws IOException {
        Recorder r = new Recorder();
        reader.read(write("wideheader.csv", "h" + ",h".repeat(20_000) + "\n1,2\n3,4\n"), r);
        assertThat(r.events.stream().filter(e -> !e.startsWith("text")))
                .containsExactly("table null [列1, 列2]", "row 1 2 [1, 2]", "row 2 3 [3, 4]");
        assertThat(r.problems).singleElement().satisfies(p -> {
            assertThat(p.unread()).isTrue();
            assertThat(p.message()).contains("the header record (starting at line 1)");
        });
    }

    @Test
    void inBlocksTheSameHappens() throws IOException {
        StringBuilder csv = new StringBuilder("id,電話,備考\n");
        for (int i = 0; i < 30_000; i++) {
            csv.append(i).append(",090-1234-").append(1000 + i % 9000).append(",メモ\n");
            if (i == 12_345) {
                csv.append("wide").append(",y".repeat(17_000)).append('\n');
            }
        }
        Path f = write("blocks.csv", csv.toString());
        Recorder one = new Recorder();
        ReadSummary s1 = reader.read(f, one);
        Recorder cut = new Recorder();
        List<Block> blocks = new java.util.ArrayList<>();
        ReadSummary s2 = reader.readInBlocks(f, cut, new Block.Sink() {
            @Override
            public void block(Block block) {
                blocks.add(block);
            }

            @Override
            public void drain() {
            }
        });
        for (Block b : blocks) {
            b.read(cut);
        }
        assertThat(blocks).hasSizeGreaterThan(2);
        assertThat(cut.events).isEqualTo(one.events);
        assertThat(cut.problems).isEqualTo(one.problems);
        assertThat(s2.records()).isEqualTo(s1.records()).isEqualTo(30_001);
        assertThat(one.problems).singleElement().extracting(ReadProblem::line).isEqualTo(12_348L);
    }
}
