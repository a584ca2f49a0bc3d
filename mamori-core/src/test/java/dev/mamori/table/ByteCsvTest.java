package dev.mamori.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The byte-level CSV parser gives exactly what the FastCSV path gives, or leaves the block to it. */
class ByteCsvTest {

    private static final Charset CP932 = Charset.forName("windows-31j");
    private static final Charset EUC_JP = Charset.forName("EUC-JP");

    /** Pieces random blocks are made of: CSV syntax, CRs, spaces, Japanese text, bytes that do not decode. */
    private static byte[][] pieces(Charset cs) {
        String[] text = {"a", "12", ",", ",", "\"", "\"\"", "\n", "\n", "\r\n", "\r", " ", "\t", "山田", "ｶﾅ", "〒", "\uFFFD", "null"};
        byte[][] out = new byte[text.length + 2][];
        for (int i = 0; i < text.length; i++) {
            out[i] = text[i].getBytes(cs);
        }
        out[text.length] = new byte[] {(byte) 0xFF};
        out[text.length + 1] = new byte[] {(byte) 0x82}; // a lead byte alone (CP932), a continuation byte alone (UTF-8)
        return out;
    }

    @Test
    void randomBlocksGiveWhatFastCsvGivesOrAreLeftToIt() {
        for (Charset cs : List.of(StandardCharsets.UTF_8, CP932, EUC_JP)) {
            byte[][] pieces = pieces(cs);
            Random rnd = new Random(42);
            int fast = 0;
            int rounds = 20_000;
            for (int round = 0; round < rounds; round++) {
                boolean plain = round % 2 == 0; // half of the blocks without the rare pieces, so the fast path is taken often
                byte[] bytes = randomBlock(rnd, pieces, plain ? 9 : pieces.length);
                int width = rnd.nextInt(4);
                Recorder byBytes = new Recorder();
                long rows = ByteCsv.read(bytes, cs, ',', width, 7, 11, byBytes);
                Recorder byFastCsv = new Recorder();
                long expected = block(bytes, cs, width).readDecoded(byFastCsv);
                if (rows < 0) {
                    assertThat(byBytes.events).as("nothing delivered before leaving the block").isEmpty();
                    continue;
                }
                fast++;
                assertThat(byFastCsv.problems).as("%s %s", cs, show(bytes)).isEmpty();
                assertThat(byBytes.events).as("%s %s", cs, show(bytes)).isEqualTo(byFastCsv.events);
                assertThat(rows).isEqualTo(expected);
            }
            assertThat(fast).as("blocks parsed on their bytes, " + cs).isGreaterThan(rounds / 8);
        }
    }

    /** The byte ranges, decoded, are the cells the FastCSV path gives (without padding), or the block is declined. */
    @Test
    void byteRangesAreTheCellsOrTheBlockIsDeclined() {
        byte[][] pieces = pieces(StandardCharsets.UTF_8);
        Random rnd = new Random(5);
        int taken = 0;
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = randomBlock(rnd, pieces, round % 2 == 0 ? 9 : pieces.length);
            Recorder strings = new Recorder(); // the FastCSV path: the reference
            long expected = block(bytes, StandardCharsets.UTF_8, 0).readDecoded(strings);
            java.util.List<String> got = new java.util.ArrayList<>();
            long rows = ByteCsv.readBytes(bytes, ',', 7, 11, (row, line, buf, starts, ends, from, count) -> {
                java.util.List<String> cells = new java.util.ArrayList<>();
                for (int k = 0; k < count; k++) {
                    cells.add(new String(buf, starts[from + k], ends[from + k] - starts[from + k], StandardCharsets.UTF_8));
                }
                got.add("row " + row + " " + line + " " + cells);
            });
            if (rows < 0) {
                assertThat(got).isEmpty();
                continue;
            }
            taken++;
            assertThat(strings.problems).as(show(bytes)).isEmpty();
            assertThat(rows).isEqualTo(expected);
            assertThat(got).as(show(bytes)).isEqualTo(strings.events);
        }
        assertThat(taken).isGreaterThan(20_000 / 8);
    }

    /**
     * With a {@link CellSkip} that skips every cell it is asked about, a UTF-8 block gives the same rows (or is declined
     * the same way, a byte that does not decode included), each cell either as read or as {@link CellSkip#SKIPPED} when the cell read is not blank, holds no
     * U+FFFD and had no escaped quote: a skipped cell is never one the scan counts as blank.
     */
    @Test
    void skippedCellsAreNonBlankCellsLeftUndecoded() {
        String[] text = {"a", "12", ",", ",", "\"", "\"\"", "\n", "\r\n", " ", "\u3000", "\t", "山田", "ｶﾅ", "〒", "\uFFFD", "、"};
        byte[][] pieces = new byte[text.length + 2][];
        for (int i = 0; i < text.length; i++) {
            pieces[i] = text[i].getBytes(StandardCharsets.UTF_8);
        }
        pieces[text.length] = new byte[] {(byte) 0xFF}; // bytes that do not decode: a skipped cell must not hide them
        pieces[text.length + 1] = new byte[] {(byte) 0x82};
        Random rnd = new Random(11);
        int skipped = 0;
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = randomBlock(rnd, pieces, pieces.length);
            List<List<String>> plain = new java.util.ArrayList<>();
            List<List<String>> lazy = new java.util.ArrayList<>();
            long rows = ByteCsv.read(bytes, StandardCharsets.UTF_8, ',', 2, 1, 1, rowsInto(plain));
            long rowsSkipping = ByteCsv.read(bytes, StandardCharsets.UTF_8, ',', 2, 1, 1, rowsInto(lazy), (buf, from, to) -> true);
            assertThat(rowsSkipping).as(show(bytes)).isEqualTo(rows);
            assertThat(lazy).hasSameSizeAs(plain);
            for (int r = 0; r < plain.size(); r++) {
                assertThat(lazy.get(r)).hasSameSizeAs(plain.get(r));
                for (int c = 0; c < plain.get(r).size(); c++) {
                    String want = plain.get(r).get(c);
                    String got = lazy.get(r).get(c);
                    if (got == CellSkip.SKIPPED) {
                        skipped++;
                        assertThat(want).as(show(bytes)).isNotNull().isNotBlank().doesNotContain("\uFFFD").doesNotContain("\"");
                    } else {
                        assertThat(got).as(show(bytes)).isEqualTo(want);
                    }
                }
            }
        }
        assertThat(skipped).isGreaterThan(1_000);
    }

    /** Up to 29 pieces, each one of the first {@code choices}. */
    private static byte[] randomBlock(Random rnd, byte[][] pieces, int choices) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int n = rnd.nextInt(30);
        for (int k = 0; k < n; k++) {
            b.writeBytes(pieces[rnd.nextInt(choices)]);
        }
        return b.toByteArray();
    }

    private static DocumentVisitor rowsInto(List<List<String>> rows) {
        return new DocumentVisitor() {
            @Override
            public void text(long line, int offset, int overlap, String chunk) {
            }

            @Override
            public void table(String sheet, List<String> header) {
            }

            @Override
            public void row(long row, long line, List<String> cells) {
                rows.add(cells);
            }

            @Override
            public void labeled(long line, String docId, String text) {
            }

            @Override
            public void problem(ReadProblem problem) {
            }
        };
    }

    @Test
    void quotedFieldsLineEndsAndPaddingAsFastCsvReadsThem() {
        String csv = "a,\"b,\"\"c\"\"\nd\",e\r\n\r\n\n,\n\"\"\nx\r\nlast,\"q\"";
        for (Charset cs : List.of(StandardCharsets.UTF_8, CP932, EUC_JP)) {
            byte[] bytes = csv.getBytes(cs);
            Recorder byBytes = new Recorder();
            assertThat(ByteCsv.read(bytes, cs, ',', 3, 7, 11, byBytes)).isEqualTo(5);
            Recorder byFastCsv = new Recorder();
            block(bytes, cs, 3).readDecoded(byFastCsv);
            assertThat(byBytes.events).isEqualTo(byFastCsv.events).containsExactly(
                    "row 7 11 [a, b,\"c\"\nd, e]",
                    "row 8 15 [, , null]",
                    "row 9 16 [, null, null]",
                    "row 10 17 [x, null, null]",
                    "row 11 18 [last, q, null]");
        }
    }

    @Test
    void japaneseCellsAreDecodedInTheirCharset() {
        String csv = "山田太郎,〒100-0001,ﾔﾏﾀﾞ\n高橋,\"東京都千代田区\"\n";
        for (Charset cs : List.of(StandardCharsets.UTF_8, CP932, EUC_JP)) {
            Recorder r = new Recorder();
            assertThat(ByteCsv.read(csv.getBytes(cs), cs, ',', 3, 1, 1, r)).as(cs.name()).isEqualTo(2);
            assertThat(r.rows).containsExactly(List.of("山田太郎", "〒100-0001", "ﾔﾏﾀﾞ"), java.util.Arrays.asList("高橋", "東京都千代田区", null));
        }
    }

    @Test
    void whatOnlyFastCsvReadsIsLeftToIt() {
        for (String csv : List.of("a,b\"c\n", "\"ab\"c,d\n", "\"never closed\n", "a\rb\n", "\"a\rb\"\n")) {
            Recorder r = new Recorder();
            assertThat(ByteCsv.read(csv.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, ',', 2, 1, 1, r)).as(csv).isEqualTo(-1);
            assertThat(r.events).isEmpty();
        }
        byte[] bad = {'a', ',', (byte) 0xE3, (byte) 0x81, '\n'}; // a UTF-8 character cut short: the FastCSV path reports it
        assertThat(ByteCsv.read(bad, StandardCharsets.UTF_8, ',', 2, 1, 1, new Recorder())).isEqualTo(-1);
        Recorder r = new Recorder();
        block(bad, StandardCharsets.UTF_8, 2).read(r);
        assertThat(r.problems).hasSize(1);
    }

    private static Block block(byte[] bytes, Charset cs, int width) {
        return new Block("t.csv", Format.CSV, cs, ',', width, bytes, 0, 11, 7, new AtomicLong());
    }

    private static String show(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte x : bytes) {
            s.append(x >= 0x20 && x < 0x7F ? Character.toString(x) : String.format("\\x%02x", x & 0xFF));
        }
        return s.toString();
    }
}
