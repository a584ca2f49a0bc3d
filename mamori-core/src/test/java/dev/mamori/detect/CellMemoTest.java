package dev.mamori.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A table's repeated short cells looked up, not detected again, with the same findings ({@link CellMemo}). */
class CellMemoTest {

    /** Reports a phone number in every text holding "TEL", throws on "boom", and counts its calls. */
    private static final class Counting implements Recognizer {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Set<PiiType> types() {
            return EnumSet.of(PiiType.PHONE);
        }

        @Override
        public void find(String text, ScanContext context, List<Finding> out) {
            calls.incrementAndGet();
            if (text.contains("boom")) {
                throw new IllegalStateException("a recognizer's bug");
            }
            int at = text.indexOf("TEL");
            if (at >= 0) {
                out.add(new Finding(PiiType.PHONE, at, at + 3, 0.9, false, "TEL"));
            }
        }
    }

    private static Detector detector(Counting r) {
        return Detector.of(EnumSet.of(PiiType.PHONE), 0.5, List.of(r), false);
    }

    @Test
    void aRepeatedCellOfTheSameColumnIsDetectedOnceWithTheSameFindings() {
        Counting r = new Counting();
        Detector d = detector(r);
        CellMemo memo = new CellMemo(d);
        ScanContext phones = d.contextFor("電話番号");
        List<Finding> first = memo.detect("TEL 03", phones);
        List<Finding> again = memo.detect(new String("TEL 03"), phones);
        assertThat(again).isEqualTo(first).isEqualTo(d.detect("TEL 03", phones)).hasSize(1);
        assertThat(r.calls.get()).isEqualTo(2); // the memo's detection and the direct one above
        assertThatThrownBy(() -> again.add(first.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anotherColumnOrALongCellIsDetectedAgain() {
        Counting r = new Counting();
        Detector d = detector(r);
        CellMemo memo = new CellMemo(d);
        ScanContext a = d.contextFor("備考");
        ScanContext b = d.contextFor("メモ");
        memo.detect("TEL", a);
        memo.detect("TEL", b);
        String longCell = "TEL " + "x".repeat(CellMemo.LONGEST);
        memo.detect(longCell, a);
        memo.detect(longCell, a);
        assertThat(r.calls.get()).isEqualTo(4);
    }

    @Test
    void aFailureIsCountedEachTimeItHappens() {
        Counting r = new Counting();
        Detector d = detector(r);
        CellMemo memo = new CellMemo(d);
        ScanContext c = d.contextFor("備考");
        assertThat(memo.detect("boom", c)).isEmpty();
        assertThat(memo.detect("boom", c)).isEmpty();
        assertThat(d.failures()).isEqualTo(2);
    }

    @Test
    void manyDistinctCellsKeepEachItsOwnFindings() {
        Counting r = new Counting();
        Detector d = detector(r);
        CellMemo memo = new CellMemo(d);
        ScanContext c = d.contextFor("備考");
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            cells.add(i % 3 == 0 ? i + "TEL" : "no" + i);
        }
        for (int round = 0; round < 2; round++) {
            for (String cell : cells) {
                List<Finding> fs = memo.detect(cell, c);
                assertThat(fs).as(cell).isEqualTo(d.detect(cell, c));
            }
        }
    }
}
