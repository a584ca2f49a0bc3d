package dev.mamori.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mamori.detect.ColumnHints;
import dev.mamori.detect.Detector;
import dev.mamori.detect.Finding;
import dev.mamori.detect.ScanContext;
import java.util.List;

/**
 * The recognizers must never throw and must return well-formed, ordered, non-overlapping spans
 * whose value is the text they cover, whatever the input. Runs briefly in the default build
 * (see the fuzz executions in mamori-core/pom.xml) and for as long as wanted with
 * {@code ./mvnw -pl mamori-core test -Dfuzz.duration=10m}.
 */
class DetectorFuzzTest {

    private static final Detector DETECTOR = Detector.all();
    private static final String[] HEADERS = {"", "氏名", "住所", "電話番号", "生年月日", "個人番号", "備考", "口座番号", "郵便番号"};

    @FuzzTest(maxDuration = "15s")
    void findingsAreWellFormed(FuzzedDataProvider data) {
        String header = HEADERS[data.consumeInt(0, HEADERS.length - 1)];
        String text = data.consumeRemainingAsString();
        ScanContext ctx = new ScanContext(ColumnHints.get().forHeader(header), DETECTOR.types());
        List<Finding> found = DETECTOR.detect(text, ctx);
        int lastEnd = 0;
        for (Finding f : found) {
            assertThat(f.start()).isGreaterThanOrEqualTo(lastEnd);
            assertThat(f.end()).isGreaterThan(f.start()).isLessThanOrEqualTo(text.length());
            assertThat(f.value()).isEqualTo(text.substring(f.start(), f.end()));
            assertThat(f.confidence()).isBetween(0.0, 1.0);
            assertThat(f.masked()).isNotNull();
            lastEnd = f.end();
        }
    }
}
