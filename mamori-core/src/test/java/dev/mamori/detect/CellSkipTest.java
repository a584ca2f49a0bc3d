package dev.mamori.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.table.CellSkip;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A scan for identifiers only leaves undecoded the UTF-8 cells in which the detector could find nothing
 * ({@link Detector#cellSkip}): every cell it skips, decoded and scanned, gives no finding — in free text and under the
 * headers that raise each type — and the cells that hold an identifier are never skipped.
 */
class CellSkipTest {

    private static final Set<PiiType> IDS = EnumSet.of(PiiType.POSTAL_CODE, PiiType.PHONE, PiiType.EMAIL, PiiType.MY_NUMBER,
            PiiType.CORPORATE_NUMBER, PiiType.CREDIT_CARD);

    private static boolean skips(CellSkip skip, String cell) {
        byte[] b = cell.getBytes(StandardCharsets.UTF_8);
        return skip.skip(b, 0, b.length);
    }

    @Test
    void everySkippedCellHoldsNothingTheDetectorFinds() {
        for (Set<PiiType> types : List.of(IDS, EnumSet.of(PiiType.PHONE), EnumSet.of(PiiType.EMAIL, PiiType.POSTAL_CODE))) {
            Detector d = Detector.of(types, 0.0); // every candidate, whatever its confidence
            CellSkip skip = d.cellSkip();
            assertThat(skip).isNotNull();
            List<ScanContext> contexts = d.contextsFor(List.of("備考", "電話番号", "郵便番号", "メールアドレス", "個人番号", "法人番号", "カード番号"));
            // the first 30 pieces open no e-mail: half the cells are made of them alone, so that many cells are skipped
            String[] pieces = {"0", "1", "2", "5", "9", "０", "３", "９", "-", "－", "ー", "at", "dot", ".", "〒", "T", "+81", " ",
                "\u3000", "a", "Z", "example", "jp", "山田", "電話", "番号", "、", "元", "年", "丁目", "(", ")", "（", "）", "[", "]", "［",
                "］", "@", "＠", "★", "☆", "﹫", "月", "日", "号", "ｶﾅ", "\u2460"};
            Random rnd = new Random(23);
            int skipped = 0;
            int kept = 0;
            for (int round = 0; round < 30_000; round++) {
                StringBuilder cell = new StringBuilder();
                int n = 1 + rnd.nextInt(16);
                for (int k = 0; k < n; k++) {
                    cell.append(pieces[rnd.nextInt(round % 2 == 0 ? 30 : pieces.length)]);
                }
                String c = cell.toString();
                if (!skips(skip, c)) {
                    kept++;
                    continue;
                }
                skipped++;
                assertThat(d.detect(c, d.freeText())).as(c).isEmpty();
                for (ScanContext ctx : contexts) {
                    assertThat(d.detect(c, ctx)).as(c).isEmpty();
                }
            }
            assertThat(skipped).isGreaterThan(800);
            assertThat(kept).isGreaterThan(800);
        }
    }

    @Test
    void cellsWithIdentifiersAreReadAndOtherTypesReadEveryCell() {
        CellSkip skip = Detector.of(IDS, 0.4).cellSkip();
        for (String cell : List.of("123-4567", "〒１２３－４５６７", "090-1234-5678", "taro@example.jp", "taro＠example.jp",
                "taro[at]example.jp", "taro（at）example.jp", "info★example.jp", "4111 1111 1111 1111", "T1234567890123")) {
            assertThat(skips(skip, cell)).as(cell).isFalse();
        }
        for (String cell : List.of("山田 太郎", "ヤマダ タロウ", "東京都千代田区一丁目2番3号", "2月24日に来店", "C100001")) {
            assertThat(skips(skip, cell)).as(cell).isTrue();
        }
        assertThat(skips(Detector.of(EnumSet.of(PiiType.POSTAL_CODE), 0.4).cellSkip(), "taro@example.jp")).isTrue(); // no e-mail asked
        assertThat(Detector.of(EnumSet.of(PiiType.PERSON), 0.4).cellSkip()).isNull();
        assertThat(Detector.of(EnumSet.of(PiiType.PHONE, PiiType.DATE_OF_BIRTH), 0.4).cellSkip()).isNull();
        assertThat(Detector.of(EnumSet.of(PiiType.PHONE, PiiType.ADDRESS), 0.4).cellSkip()).isNull();
    }
}
