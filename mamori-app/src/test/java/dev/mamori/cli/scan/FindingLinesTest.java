package dev.mamori.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.cli.Lang;
import dev.mamori.detect.Finding;
import dev.mamori.detect.LocatedFinding;
import dev.mamori.detect.Location;
import dev.mamori.detect.PiiType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The byte path of {@code --format jsonl} (lines encoded by {@link FindingLines} on the detection
 * threads, copied by the report) writes exactly the bytes of the character path (Jackson's generator
 * on a writer, encoded as UTF-8), for strings that need every kind of escape.
 */
class FindingLinesTest {

    private static final String[] STRINGS = {
            "", "abc", "03-1234-5678", "山田 太郎", "＊＊＊", "t***@example.jp", "say \"hi\"", "back\\slash", "tab\there",
            "new\nline", "cr\rlf", "\u0001\u001f", "del\u007f", "c1\u0085\u009f", "nbsp\u00a0\u07ff", "\u0800\uffff\ufffd",
            "lrm\u200e\u200f", "ls\u2028ps\u2029", "bidi\u202a\u202e", "iso\u2066\u2069\u206a", "𠮷野家", "lone\ud842",
            "\udfb7lone", "pair\ud842\udfb7end", "ｶﾀｶﾅ", "mix\"山\u202e\ud842",
    };

    private static List<LocatedFinding> findings(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        PiiType[] types = PiiType.values();
        List<LocatedFinding> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String value = STRINGS[r.nextInt(STRINGS.length)];
            PiiType t = types[r.nextInt(types.length)];
            double conf = switch (r.nextInt(4)) {
                case 0 -> 0.0;
                case 1 -> 1.0;
                case 2 -> r.nextInt(1001) / 1000.0;
                default -> r.nextDouble();
            };
            int start = r.nextInt(3) == 0 ? r.nextInt(10) : r.nextInt(Integer.MAX_VALUE / 2);
            Finding f = new Finding(t, start, start + value.length(), conf, r.nextBoolean(), value);
            String file = r.nextInt(5) == 0 ? STRINGS[r.nextInt(STRINGS.length)] : "data/顧客.csv";
            Location where = switch (r.nextInt(4)) {
                case 0 -> new Location(file, r.nextInt(3) == 0 ? 0 : 1 + r.nextLong(1L << 40), 0, null, null, -1, null);
                case 1 -> new Location(file, 1 + r.nextInt(1000), 1 + r.nextInt(1000), null,
                        STRINGS[r.nextInt(STRINGS.length)], r.nextInt(20), null);
                case 2 -> new Location(file, 3, 2, STRINGS[r.nextInt(STRINGS.length)], r.nextBoolean() ? "電話番号" : null, 7, null);
                default -> new Location(file, 1 + r.nextInt(1000), 0, null, null, -1, STRINGS[r.nextInt(STRINGS.length)]);
            };
            out.add(new LocatedFinding(where, f));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void bytesAreThoseOfTheCharacterPath(boolean showValues) throws IOException {
        for (long seed = 1; seed <= 20; seed++) {
            List<LocatedFinding> fs = findings(seed, 200);

            StringWriter chars = new StringWriter();
            JsonReport old = new JsonReport(new PrintWriter(chars), new PrintWriter(new StringWriter()), Lang.en, showValues, true);
            old.begin(Set.of());
            fs.forEach(old::finding);
            old.end(new Outcome(Set.of(), false));
            byte[] expected = chars.toString().getBytes(StandardCharsets.UTF_8); // lone surrogates become '?'

            ByteArrayOutputStream file = new ByteArrayOutputStream();
            JsonReport fast = new JsonReport(new PrintWriter(new StringWriter()), file, new PrintWriter(new StringWriter()),
                    Lang.en, showValues, true);
            fast.begin(Set.of());
            // in two batches, as two detection threads would hand them over
            int half = fs.size() / 2;
            for (List<LocatedFinding> batch : List.of(fs.subList(0, half), fs.subList(half, fs.size()))) {
                int[] ends = new int[batch.size()];
                byte[] b = fast.encoder().encode(batch, ends);
                for (int k = 0; k < batch.size(); k++) {
                    fast.encoded(batch.get(k), b, k == 0 ? 0 : ends[k - 1], ends[k]);
                }
            }
            fast.end(new Outcome(Set.of(), false));

            assertThat(new String(file.toByteArray(), StandardCharsets.UTF_8)).as("seed %d", seed)
                    .isEqualTo(new String(expected, StandardCharsets.UTF_8));
            assertThat(file.toByteArray()).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anEmptyReportIsNothingOnBothPaths(boolean toBytes) { // not a blank line, which is no JSON value (session 39)
        StringWriter chars = new StringWriter();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        JsonReport r = new JsonReport(new PrintWriter(chars), toBytes ? file : null, new PrintWriter(new StringWriter()),
                Lang.en, false, true);
        r.begin(Set.of());
        r.end(new Outcome(Set.of(), false));
        assertThat(toBytes ? file.toString(StandardCharsets.UTF_8) : chars.toString()).isEmpty();
    }
}
