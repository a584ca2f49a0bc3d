package dev.mamori.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodingTest {

    @TempDir
    Path dir;

    @Test
    void undecodableBytesAreReplacedAndReportedAtTheirAbsoluteOffset() throws IOException {
        // 100,000 bytes of valid UTF-8 text (so the head is UTF-8), then bad bytes past the 64 KiB buffers.
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        String line = "abcdefghi\n"; // 10 bytes
        for (int i = 0; i < 10_000; i++) {
            b.write(line.getBytes(StandardCharsets.UTF_8));
        }
        b.write("x".getBytes(StandardCharsets.UTF_8));
        b.write(0xFF); // offset 100,001 on line 10,001
        b.write("y\n".getBytes(StandardCharsets.UTF_8));
        b.write("日本".getBytes(StandardCharsets.UTF_8));
        b.write(new byte[] {(byte) 0xE3, (byte) 0x81}); // truncated 3-byte sequence at 100,010
        b.write("z\n".getBytes(StandardCharsets.UTF_8));
        Recorder r = new Recorder();
        ReadSummary s = new DocumentReader(DocumentReader.Options.defaults()).read(Files.write(dir.resolve("bad.txt"), b.toByteArray()), r);

        assertThat(s.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(s.records()).isEqualTo(10_002);
        assertThat(r.events.subList(r.events.size() - 2, r.events.size()))
                .containsExactly("text 10001 0 0 x\uFFFDy", "text 10002 0 0 日本\uFFFDz");
        assertThat(r.problems).extracting(ReadProblem::byteOffset, ReadProblem::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(100_001L, 10_001L),
                        org.assertj.core.groups.Tuple.tuple(100_010L, 10_002L));
        assertThat(r.problems.get(0).message())
                .isEqualTo(dir.resolve("bad.txt") + ":10001 (byte 100001): 1 byte is not valid UTF-8; replaced with U+FFFD");
        assertThat(r.problems.get(1).message()).contains("2 bytes are not valid UTF-8");
    }

    @Test
    void atMostOneHundredReportsThenASummary() throws IOException {
        byte[] bytes = new byte[250 * 2];
        for (int i = 0; i < 250; i++) {
            bytes[2 * i] = 'a';
            bytes[2 * i + 1] = (byte) 0xFF;
        }
        DocumentReader utf8 = new DocumentReader(new DocumentReader.Options(Format.TEXT, StandardCharsets.UTF_8, false, true));
        Recorder r = new Recorder();
        utf8.read(new ByteArrayInputStream(bytes), "-", r);

        assertThat(r.problems).hasSize(101);
        assertThat(r.problems.get(99).byteOffset()).isEqualTo(199);
        assertThat(r.problems.get(100).message()).isEqualTo("-: … 150 more undecodable sequences (250 in all; only the first 100 are reported)");
        assertThat(r.chunks.get(0)[3]).isEqualTo("a\uFFFD".repeat(250));
    }

    @Test
    void cp932InvalidSequenceOffsetInForcedCharset() throws IOException {
        Charset cp932 = Charset.forName("windows-31j");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write("①髙\n".getBytes(cp932)); // 5 bytes
        b.write(new byte[] {(byte) 0x82, (byte) 0x0A}); // lead byte followed by LF: malformed at 5
        b.write("～".getBytes(cp932));
        DocumentReader r932 = new DocumentReader(new DocumentReader.Options(Format.TEXT, cp932, false, true));
        Recorder r = new Recorder();
        r932.read(new ByteArrayInputStream(b.toByteArray()), "in.txt", r);

        assertThat(r.events).containsExactly("text 1 0 0 ①髙", "text 2 0 0 \uFFFD", "text 3 0 0 ～");
        assertThat(r.problems).extracting(ReadProblem::byteOffset).containsExactly(5L);
        assertThat(r.problems.get(0).line()).isEqualTo(2);
    }

    @Test
    void utf16WithBom() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        b.write("名前\tメール\n佐藤\ta@example.jp\n".getBytes(StandardCharsets.UTF_16LE));
        Recorder r = new Recorder();
        ReadSummary s = new DocumentReader(null).read(Files.write(dir.resolve("u16.tsv"), b.toByteArray()), r);
        assertThat(s.charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(r.events).containsExactly("table null [名前, メール]", "row 1 2 [佐藤, a@example.jp]");
    }

    @Test
    void lineFeedCountingMatchesAPlainLoop() {
        java.util.Random random = new java.util.Random(42);
        byte[] a = new byte[1000];
        for (int i = 0; i < a.length; i++) {
            int k = random.nextInt(4);
            a[i] = (byte) (k == 0 ? '\n' : k == 1 ? 0x8A : k == 2 ? 0x0B : random.nextInt(256));
        }
        for (int from = 0; from < 20; from++) {
            for (int to = 980; to <= 1000; to++) {
                long plain = 0;
                for (int i = from; i < to; i++) {
                    plain += a[i] == '\n' ? 1 : 0;
                }
                assertThat(DecodingReader.countLf(a, from, to)).isEqualTo(plain);
            }
        }
    }
}
