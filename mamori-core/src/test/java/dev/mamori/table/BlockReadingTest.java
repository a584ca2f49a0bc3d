package dev.mamori.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cutting an input into blocks must deliver exactly what reading it in one stream delivers. */
class BlockReadingTest {

    @TempDir
    Path dir;

    /** Records every call as a line of text, so two reads can be compared whole. */
    private static final class Recorder implements DocumentVisitor {
        final List<String> calls = new ArrayList<>();

        @Override
        public void text(long line, int offset, int overlap, String chunk) {
            calls.add("text " + line + " " + offset + " " + chunk.length() + " " + chunk.hashCode());
        }

        @Override
        public void table(String sheet, List<String> header) {
            calls.add("table " + header);
        }

        @Override
        public void row(long row, long line, List<String> cells) {
            calls.add("row " + row + " " + line + " " + cells);
        }

        @Override
        public void labeled(long line, String docId, String text) {
            calls.add("labeled " + line + " " + docId);
        }

        @Override
        public void problem(ReadProblem problem) {
            calls.add("problem " + problem.message());
        }
    }

    private record Outcome(List<String> calls, ReadSummary summary, int blocks) {
    }

    private static Outcome inOneStream(Path f) throws IOException {
        Recorder r = new Recorder();
        ReadSummary s = new DocumentReader(null).read(f, r);
        return new Outcome(r.calls, s, 0);
    }

    private static Outcome inBlocks(Path f) throws IOException {
        Recorder whole = new Recorder();
        List<Block> blocks = new ArrayList<>();
        List<String> calls = new ArrayList<>();
        ReadSummary s = new DocumentReader(null).readInBlocks(f, whole, new Block.Sink() {
            @Override
            public void block(Block block) {
                blocks.add(block);
            }

            @Override
            public void drain() {
            }
        });
        // the header comes first, then each block's calls in order, then what the whole input reported last
        calls.addAll(whole.calls.stream().filter(c -> c.startsWith("table")).toList());
        for (Block b : blocks) {
            Recorder r = new Recorder();
            b.read(r);
            calls.addAll(r.calls);
        }
        calls.addAll(whole.calls.stream().filter(c -> !c.startsWith("table")).toList());
        return new Outcome(calls, s, blocks.size());
    }

    private static String randomCell(Random rnd, int i) {
        return switch (rnd.nextInt(7)) {
            case 0 -> "\"複数行の\n備考 " + i + "\"";
            case 1 -> "\"引用符 \"\"付き\"\", カンマ\"";
            case 2 -> "髙橋 﨑子 ①㈱";
            case 3 -> "";
            case 4 -> "090-1234-" + (1000 + i % 9000);
            case 5 -> "a\"b"; // a quote inside an unquoted field is a plain character
            default -> "東京都千代田区霞が関一丁目" + i;
        };
    }

    private Path bigCsv(Charset cs, String eol) throws IOException {
        Random rnd = new Random(42);
        StringBuilder b = new StringBuilder("id,氏名,電話,備考" + eol);
        for (int i = 0; i < 40_000; i++) {
            if (i % 997 == 0) {
                b.append(eol); // an empty line: skipped, not a row
            }
            b.append(i).append(',').append(randomCell(rnd, i)).append(',').append(randomCell(rnd, i)).append(',')
                    .append(randomCell(rnd, i)).append(eol);
        }
        Path f = dir.resolve("big-" + cs.name() + (eol.length() == 2 ? "-crlf" : "") + ".csv");
        Files.write(f, b.toString().getBytes(cs));
        return f;
    }

    @Test
    void aLargeCsvInBlocksGivesTheSameRowsLinesAndCounts() throws IOException {
        for (Path f : List.of(bigCsv(StandardCharsets.UTF_8, "\n"), bigCsv(Charset.forName("windows-31j"), "\r\n"))) {
            Outcome one = inOneStream(f);
            Outcome cut = inBlocks(f);
            assertThat(cut.blocks).as(f.toString()).isGreaterThan(4);
            assertThat(cut.calls).as(f.toString()).isEqualTo(one.calls);
            assertThat(cut.summary).isEqualTo(one.summary);
        }
    }

    @Test
    void undecodableBytesAreReportedAtTheSameOffsetAndLine() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 30_000; i++) {
            out.writeBytes(("行" + i + " 電話 03-1234-5678\n").getBytes(StandardCharsets.UTF_8));
            if (i == 20_000 || i == 25_000) {
                out.write(0xFF); // never valid in UTF-8
                out.write('\n');
            }
        }
        Path f = dir.resolve("notes.txt");
        Files.write(f, out.toByteArray());
        Outcome one = inOneStream(f);
        Outcome cut = inBlocks(f);
        assertThat(cut.blocks).isGreaterThan(1);
        // the decoder reads ahead of the lines it delivers, so a problem's place among the lines may
        // differ; the lines themselves, and the problems with their offsets and lines, may not
        assertThat(cut.calls.stream().filter(c -> !c.startsWith("problem")).toList())
                .isEqualTo(one.calls.stream().filter(c -> !c.startsWith("problem")).toList());
        List<String> problems = cut.calls.stream().filter(c -> c.startsWith("problem")).toList();
        assertThat(problems).isEqualTo(one.calls.stream().filter(c -> c.startsWith("problem")).toList());
        assertThat(problems).hasSize(2).allMatch(c -> c.contains("FF"));
        assertThat(problems.get(0)).contains("notes.txt:20002 (byte ");
    }

    @Test
    void aLineLongerThanAnyBlockSwitchesToOneStreamForTheRest() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            b.append("普通の行 ").append(i).append('\n');
        }
        b.append("長".repeat(4_000_000)).append('\n'); // 12 MB in UTF-8, more than the largest block
        for (int i = 0; i < 1_000; i++) {
            b.append("後の行 ").append(i).append('\n');
        }
        Path f = dir.resolve("long.txt");
        Files.writeString(f, b);
        assertThat(inBlocks(f).calls).isEqualTo(inOneStream(f).calls);
    }

    @Test
    void smallFilesAndOtherFormatsAreReadWhole() throws IOException {
        Path small = dir.resolve("s.csv");
        Files.writeString(small, "a,b\n1,2\n");
        Outcome cut = inBlocks(small);
        assertThat(cut.blocks).isZero();
        assertThat(cut.calls).isEqualTo(inOneStream(small).calls);
    }
}
