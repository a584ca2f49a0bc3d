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

    // a new instance, so new ones of these, for each test
    private final Counting r = new Counting();
    private final Detector d = Detector.of(EnumSet.of(PiiType.PHONE), 0.5, List.of(r), false);
    private final CellMemo memo = new CellMemo(d);

    @Test
    void aRepeatedCellOfTheSameColumnIsDetectedOnceWithTheSameFindings() {
        ScanContext phones = d.contextFor("電話番号");
        List<Finding> first = memo.detect("TEL 03", phones, 0);
        List<Finding> again = memo.detect(new String("TEL 03"), phones, 0);
        assertThat(again).isEqualTo(first).isEqualTo(d.detect("TEL 03", phones)).hasSize(1);
        assertThat(r.calls.get()).isEqualTo(2); // the memo's detection and the direct one above
        assertThatThrownBy(() -> again.add(first.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anotherColumnOrALongCellIsDetectedAgain() {
        ScanContext a = d.contextFor("備考");
        ScanContext b = d.contextFor("メモ");
        memo.detect("TEL", a, 0);
        memo.detect("TEL", b, 1);
        String longCell = "TEL " + "x".repeat(CellMemo.LONGEST);
        memo.detect(longCell, a, 0);
        memo.detect(longCell, a, 0);
        assertThat(r.calls.get()).isEqualTo(4);
    }

    @Test
    void aColumnWhoseValuesDoNotRepeatStopsBeingLookedUpAfterItsTrial() {
        ScanContext ids = d.contextFor("顧客ID");
        ScanContext sex = d.contextFor("性別");
        for (int i = 0; i < CellMemo.TRIAL; i++) {
            memo.detect("C" + i, ids, 0);
            memo.detect(i % 2 == 0 ? "男" : "女", sex, 1);
        }
        int before = r.calls.get();
        memo.detect("C0", ids, 0); // detected again: the IDs' column is out
        memo.detect("男", sex, 1); // looked up: the repeating column is in
        assertThat(r.calls.get() - before).isEqualTo(1);
    }

    @Test
    void aFailureIsCountedEachTimeItHappens() {
        ScanContext c = d.contextFor("備考");
        assertThat(memo.detect("boom", c, 0)).isEmpty();
        assertThat(memo.detect("boom", c, 0)).isEmpty();
        assertThat(d.failures()).isEqualTo(2);
    }

    @Test
    void aFailureIsCountedOnTheThreadItHappenedOnToo() throws InterruptedException {
        ScanContext c = d.contextFor("備考");
        long mine = Detector.threadFailures();
        long[] theirs = new long[2];
        Thread other = new Thread(() -> {
            theirs[0] = Detector.threadFailures();
            d.detect("boom", c);
            d.detect("boom", c);
            theirs[1] = Detector.threadFailures();
        });
        other.start();
        other.join();
        d.detect("boom", c);
        assertThat(theirs[1] - theirs[0]).isEqualTo(2);
        assertThat(Detector.threadFailures() - mine).isEqualTo(1); // the other thread's are not this one's
        assertThat(d.failures()).isEqualTo(3);
    }

    @Test
    void manyDistinctCellsKeepEachItsOwnFindings() {
        ScanContext c = d.contextFor("備考");
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            cells.add(i % 3 == 0 ? i + "TEL" : "no" + i);
        }
        for (int round = 0; round < 2; round++) {
            for (String cell : cells) {
                List<Finding> fs = memo.detect(cell, c, 0);
                assertThat(fs).as(cell).isEqualTo(d.detect(cell, c));
            }
        }
    }
}
