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

    private record Outcome(List<String> calls, ReadSummary summary, int blocks) {
    }

    /** Every call a recorder saw, as lines of text (long chunks by their hash), problems last. */
    private static List<String> calls(Recorder r) {
        List<String> calls = new ArrayList<>(r.events.stream().filter(e -> !e.startsWith("text")).toList());
        for (String[] c : r.chunks) {
            calls.add("text " + c[0] + " " + c[1] + " " + c[2] + " " + c[3].length() + " " + c[3].hashCode());
        }
        r.problems.forEach(p -> calls.add("problem " + p.message()));
        return calls;
    }

    private static Outcome inOneStream(Path f) throws IOException {
        return inOneStream(f, null);
    }

    private static Outcome inOneStream(Path f, DocumentReader.Options options) throws IOException {
        Recorder r = new Recorder();
        ReadSummary s = new DocumentReader(options).read(f, r);
        return new Outcome(calls(r), s, 0);
    }

    private static Outcome inBlocks(Path f) throws IOException {
        return inBlocks(f, null);
    }

    private static Outcome inBlocks(Path f, DocumentReader.Options options) throws IOException {
        Recorder whole = new Recorder();
        List<Block> blocks = new ArrayList<>();
        int[] before = {-1}; // the whole input's events before the first block
        ReadSummary s = new DocumentReader(options).readInBlocks(f, whole, new Block.Sink() {
            @Override
            public void block(Block block) {
                if (blocks.isEmpty()) {
                    before[0] = whole.events.size();
                }
                blocks.add(block);
            }

            @Override
            public void drain() {
            }
        });
        // what the whole input reported before the blocks (title lines, the header), the blocks in order, then the rest
        // (a stream read after the blocks)
        int k = before[0] < 0 ? whole.events.size() : before[0];
        Recorder all = new Recorder();
        all.events.addAll(whole.events.subList(0, k).stream().filter(e -> !e.startsWith("text")).toList());
        for (Block b : blocks) {
            b.read(all);
        }
        all.events.addAll(whole.events.subList(k, whole.events.size()).stream().filter(e -> !e.startsWith("text")).toList());
        all.chunks.addAll(whole.chunks);
        all.problems.addAll(whole.problems);
        return new Outcome(calls(all), s, blocks.size());
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

    /**
     * Random CSV and text made of the bytes that matter to cutting — quotes, delimiters, CR, LF, empty lines — in runs
     * long and short (the splitter skips lines without a quote eight bytes at a time): the same as one stream. (Quotes
     * after a closing quote made the splitter count records FastCSV reads as one, until it followed FastCSV there.)
     */
    @Test
    void randomInputsInBlocksGiveWhatOneStreamGives() throws IOException {
        // quotes anywhere: opening fields, inside unquoted ones (plain characters), after a closing quote (FastCSV opens
        // the quotes again there), escaped, never closed
        String[] pieces = {"\"", "\"\"", "\"q,\"\"x\"\"\ny\",", "a\"b", ",", "\n", "\n", "\r\n", "\n\n", "abc", "0123456789abcdef", "山田",
            " ", "\r\n\r\n"};
        Random rnd = new Random(7);
        for (int round = 0; round < 12; round++) {
            StringBuilder b = new StringBuilder("a,b,c\n");
            boolean quotes = round % 3 != 0; // some inputs without a quote at all: only the eight-byte path
            while (b.length() < 400_000) {
                String p = pieces[rnd.nextInt(pieces.length)];
                if (!quotes && p.contains("\"")) {
                    continue;
                }
                b.append(p);
                if (rnd.nextInt(40) == 0) {
                    b.append("x".repeat(rnd.nextInt(300))).append('\n'); // long plain lines
                }
            }
            for (String ext : List.of(".csv", ".txt")) {
                Path f = dir.resolve("random-" + round + ext);
                Files.writeString(f, b);
                Outcome one = inOneStream(f);
                Outcome cut = inBlocks(f);
                assertThat(cut.blocks).as(f.toString()).isGreaterThan(0);
                assertThat(cut.calls).as(f.toString()).isEqualTo(one.calls);
                assertThat(cut.summary).as(f.toString()).isEqualTo(one.summary);
            }
        }
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

    /**
     * Blocks of valid UTF-8 are decoded at once (Block's fast path), others by the strict decoder:
     * both must deliver what one stream does, with a BOM, ragged rows, quoted cells with line breaks,
     * and a U+FFFD that is in the input itself (valid UTF-8, read by the strict path).
     */
    @Test
    void bomRaggedRowsAndAReplacementCharacterGiveTheSameRows() throws IOException {
        for (Charset cs : List.of(StandardCharsets.UTF_8, Charset.forName("windows-31j"))) {
            for (boolean fffd : List.of(false, true)) {
                Random rnd = new Random(7);
                StringBuilder b = new StringBuilder(cs == StandardCharsets.UTF_8 ? "\uFEFF" : "").append("id,氏名,電話,備考\n");
                for (int i = 0; i < 30_000; i++) {
                    b.append(i);
                    int cells = 1 + rnd.nextInt(5); // 2 to 6 fields: short and long rows
                    for (int c = 0; c < cells; c++) {
                        b.append(',').append(randomCell(rnd, i));
                    }
                    if (fffd && i == 20_000 && cs == StandardCharsets.UTF_8) {
                        b.append(",置換\uFFFD文字");
                    }
                    b.append('\n');
                }
                Path f = dir.resolve("ragged-" + cs.name() + "-" + fffd + ".csv");
                Files.write(f, b.toString().getBytes(cs));
                Outcome one = inOneStream(f);
                Outcome cut = inBlocks(f);
                assertThat(cut.blocks).as(f.toString()).isGreaterThan(4);
                assertThat(cut.calls).as(f.toString()).isEqualTo(one.calls);
                assertThat(cut.summary).isEqualTo(one.summary);
            }
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
        assertThat(cut.calls).isEqualTo(one.calls);
        List<String> problems = cut.calls.stream().filter(c -> c.startsWith("problem")).toList();
        assertThat(problems).hasSize(2).allMatch(c -> c.contains("FF"));
        assertThat(problems.get(0)).contains("notes.txt:20002 (byte ");
    }

    @Test
    void titleLinesAboveACsvTableAreTheirOwnTableInOneStreamAndInBlocks() throws IOException {
        StringBuilder b = new StringBuilder("ご利用明細（2024年4月分）\n\n山田 太郎 様,4980-****-****-1234\n");
        b.append("ご利用日,ご利用店名,ご利用金額,支払区分\n");
        for (int i = 0; i < 5_000; i++) {
            b.append("2024/04/").append(1 + i % 30).append(",店舗").append(i).append(',').append(100 + i).append(",1回\n");
        }
        Path f = dir.resolve("meisai.csv");
        Files.writeString(f, b);
        DocumentReader.Options scanning = DocumentReader.Options.defaults().withTitleLines(true);
        Outcome one = inOneStream(f, scanning);
        assertThat(one.calls).startsWith("table null [列1, 列2]", "row 1 1 [ご利用明細（2024年4月分）, null]",
                "row 2 3 [山田 太郎 様, 4980-****-****-1234]", "table null [ご利用日, ご利用店名, ご利用金額, 支払区分]",
                "row 3 5 [2024/04/1, 店舗0, 100, 1回]");
        assertThat(one.summary.records()).isEqualTo(5_002);
        Outcome cut = inBlocks(f, scanning);
        assertThat(cut.blocks).isGreaterThan(1);
        assertThat(cut.calls).isEqualTo(one.calls);
        assertThat(cut.summary.records()).isEqualTo(5_002);
        // told there is no header, the first line is a row like the others
        Recorder r = new Recorder();
        new DocumentReader(new DocumentReader.Options(null, null, false, false, '\0', true)).read(f, r);
        assertThat(r.events).startsWith("table null [列1]", "row 1 1 [ご利用明細（2024年4月分）]");
        // read for de-identification, the first line is the header, as before
        assertThat(inOneStream(f).calls.get(0)).isEqualTo("table null [ご利用明細（2024年4月分）]");
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
