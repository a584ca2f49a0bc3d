package dev.mamori.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextReadingTest {

    @TempDir
    Path dir;

    private final DocumentReader reader = new DocumentReader(DocumentReader.Options.defaults());

    @Test
    void allLineEndingsCountAndEmptyLinesAreNotDelivered() throws IOException {
        Recorder r = new Recorder();
        ReadSummary s = reader.read(Files.writeString(dir.resolve("a.txt"), "one\ntwo\r\nthree\rfour\r\n\r\nsix"), r);
        assertThat(s.format()).isEqualTo(Format.TEXT);
        assertThat(s.records()).isEqualTo(6);
        assertThat(r.events).containsExactly("text 1 0 0 one", "text 2 0 0 two", "text 3 0 0 three",
                "text 4 0 0 four", "text 6 0 0 six");
    }

    @Test
    void crlfSplitAcrossReadsIsOneLineEnd() throws IOException {
        Recorder r = new Recorder();
        StringReader in = new StringReader("a\r\nb");
        java.io.Reader oneByOne = new java.io.Reader() {
            @Override
            public int read(char[] cbuf, int off, int len) throws IOException {
                return in.read(cbuf, off, Math.min(1, len));
            }

            @Override
            public void close() {
            }
        };
        assertThat(LineScanner.scan(oneByOne, new TextChunks(r))).isEqualTo(2);
        assertThat(r.events).containsExactly("text 1 0 0 a", "text 2 0 0 b");
    }

    @Test
    void smallChunksOverlap() throws IOException {
        Recorder r = new Recorder();
        LineScanner.scan(new StringReader("0123456789abcdefghij\nxy"), new TextChunks(r, 8, 3));
        assertThat(r.events).containsExactly(
                "text 1 0 0 01234567", "text 1 5 3 56789abc", "text 1 10 3 abcdefgh",
                "text 1 15 3 fghij", "text 2 0 0 xy");
    }

    @Test
    void longLineComesInMegabyteChunksThatOverlapBy256() throws IOException {
        StringBuilder line = new StringBuilder(2_500_000);
        for (int i = 0; line.length() < 2_500_000; i++) {
            line.append((char) ('あ' + i % 80));
        }
        line.setLength(2_500_000);
        Recorder r = new Recorder();
        ReadSummary s = reader.read(new ByteArrayInputStream(("short\n" + line + "\nend\n").getBytes(StandardCharsets.UTF_8)), "-", r);

        assertThat(s.records()).isEqualTo(3);
        assertThat(r.chunks).extracting(c -> c[0] + " " + c[1] + " " + c[2] + " " + c[3].length()).containsExactly(
                "1 0 0 5", "2 0 0 1048576", "2 1048320 256 1048576", "2 2096640 256 403360", "3 0 0 3");
        StringBuilder rebuilt = new StringBuilder(r.chunks.get(1)[3]);
        rebuilt.append(r.chunks.get(2)[3].substring(256)).append(r.chunks.get(3)[3].substring(256));
        assertThat(rebuilt.toString()).isEqualTo(line.toString());
        assertThat(r.chunks.get(2)[3]).startsWith(line.substring(1048320, 1048320 + 300));
    }

    @Test
    void emptyFileGivesOneProblemAndNoRecords() throws IOException {
        Recorder r = new Recorder();
        ReadSummary s = reader.read(Files.write(dir.resolve("empty.csv"), new byte[0]), r);
        assertThat(s.records()).isZero();
        assertThat(s.bytes()).isZero();
        assertThat(s.format()).isEqualTo(Format.CSV);
        assertThat(r.events).isEmpty();
        assertThat(r.problems).extracting(ReadProblem::message).containsExactly(dir.resolve("empty.csv") + ": empty file");
    }

    @Test
    void missingFileIsAReadException() {
        Path missing = dir.resolve("nope.txt");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.read(missing, new Recorder()))
                .isInstanceOf(ReadException.class)
                .hasMessage(missing + ": cannot read (no such file)");
    }
}
