package dev.mamori.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A listener with an {@link ScanListener.Encoder} gets the same findings, in the same order, as one
 * without, each with the bytes its encoder made of that very finding: CSV read in blocks, and text
 * whose long lines come in overlapping chunks (the findings of an overlap are delivered once).
 */
class ScanEncoderTest {

    @TempDir
    Path dir;

    private static String key(LocatedFinding lf) {
        Finding f = lf.finding();
        Location w = lf.where();
        return f.type() + " " + f.start() + "-" + f.end() + " line " + w.line() + " row " + w.row() + " col " + w.columnIndex();
    }

    /** Records each finding and the text of its encoding. */
    private static final class Encoding implements ScanListener {
        final List<String> found = new ArrayList<>();
        final List<String> bytes = new ArrayList<>();
        int encoderCalls;

        @Override
        public void finding(LocatedFinding finding) {
            throw new AssertionError("an encoded finding arrives through encoded()");
        }

        @Override
        public Encoder encoder() {
            return (findings, ends) -> {
                synchronized (this) {
                    encoderCalls++;
                }
                StringBuilder b = new StringBuilder();
                for (int k = 0; k < findings.size(); k++) {
                    b.append('<').append(key(findings.get(k))).append('>');
                    ends[k] = b.length(); // ASCII: chars are bytes
                }
                return (b + "  spare").getBytes(StandardCharsets.US_ASCII);
            };
        }

        @Override
        public void encoded(LocatedFinding finding, byte[] encoded, int from, int to) {
            found.add(key(finding));
            bytes.add(new String(encoded, from, to - from, StandardCharsets.US_ASCII));
        }
    }

    private static List<String> plain(Scanner.Options options, Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (Scanner s = new Scanner(options)) {
            s.scan(file, file.getFileName().toString(), lf -> out.add(key(lf)));
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({"csv, 1", "csv, 2", "txt, 1", "txt, 2"})
    void encodedFindingsAreThePlainOnesWithTheirOwnBytes(String kind, int threads) throws IOException {
        Path file = dir.resolve("in." + kind);
        StringBuilder b = new StringBuilder();
        if (kind.equals("csv")) {
            b.append("id,電話番号,メール,備考\n");
            for (int i = 0; i < 20_000; i++) { // ~1.2 MB: several blocks
                b.append(i).append(",03-").append(1000 + i % 9000).append("-5678,u").append(i).append("@example.jp,")
                        .append(i % 7 == 0 ? "\"改行\n090-1234-5678\"" : "").append('\n');
            }
        } else {
            for (int i = 0; i < 3_000; i++) {
                b.append("電話 03-").append(1000 + i).append("-5678 ");
                if (i % 1000 == 999) {
                    b.append("x".repeat(400_000)); // a line over 1 Mi chars: read in overlapping chunks
                }
            }
            b.append('\n');
            for (int i = 0; i < 50_000; i++) { // more blocks after the long line
                b.append("メール user").append(i).append("@example.jp\n");
            }
        }
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
        EnumSet<PiiType> types = EnumSet.of(PiiType.PHONE, PiiType.EMAIL);
        Scanner.Options options = Scanner.Options.defaults().withTypes(types).withThreads(threads);

        List<String> expected = plain(options, file);
        Encoding enc = new Encoding();
        try (Scanner s = new Scanner(options)) {
            s.scan(file, file.getFileName().toString(), enc);
        }
        assertThat(expected).hasSizeGreaterThan(5_000);
        assertThat(enc.found).isEqualTo(expected);
        assertThat(enc.bytes).containsExactlyElementsOf(expected.stream().map(k -> "<" + k + ">").toList());
        assertThat(enc.encoderCalls).isGreaterThan(1);
    }
}
