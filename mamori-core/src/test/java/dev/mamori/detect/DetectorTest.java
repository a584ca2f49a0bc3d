package dev.mamori.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DetectorTest {

    private static Finding f(PiiType t, int s, int e, double c, boolean v) {
        return new Finding(t, s, e, c, v, "x".repeat(e - s));
    }

    @Test
    void overlapsKeepTheValidatedThenTheMoreConfidentThenTheLonger() {
        List<Finding> raw = new ArrayList<>(List.of(
                f(PiiType.PHONE, 0, 12, 0.9, false),
                f(PiiType.MY_NUMBER, 0, 12, 0.8, true),
                f(PiiType.EMAIL, 20, 30, 0.7, false),
                f(PiiType.PERSON, 25, 27, 0.9, false),
                f(PiiType.POSTAL_CODE, 40, 48, 0.6, false),
                f(PiiType.ADDRESS, 40, 60, 0.6, false)));
        List<Finding> settled = Detector.settle(raw);
        assertThat(settled).extracting(Finding::type)
                .containsExactly(PiiType.MY_NUMBER, PiiType.PERSON, PiiType.ADDRESS);
    }

    @Test
    void disjointFindingsAreAllKeptInOrder() {
        List<Finding> raw = new ArrayList<>(List.of(f(PiiType.EMAIL, 10, 20, 0.9, false), f(PiiType.PHONE, 0, 5, 0.9, false)));
        assertThat(Detector.settle(raw)).extracting(Finding::start).containsExactly(0, 10);
    }

    @Test
    void findsIdentifiersAndDropsTypesNotAsked() {
        Detector phonesOnly = Detector.of(EnumSet.of(PiiType.PHONE), Detector.DEFAULT_MIN_CONFIDENCE);
        String text = "電話 03-1234-5678 メール a@example.jp";
        assertThat(phonesOnly.detect(text, phonesOnly.freeText())).extracting(Finding::type).containsExactly(PiiType.PHONE);
        Detector all = Detector.all();
        assertThat(all.detect(text, all.freeText())).extracting(Finding::type).containsExactly(PiiType.PHONE, PiiType.EMAIL);
    }

    @Test
    void theSymbolAndNumberOfAnInsuranceCardAreFoundAfterTheirLabels() {
        Detector d = Detector.of(EnumSet.of(PiiType.HEALTH_INSURANCE), Detector.DEFAULT_MIN_CONFIDENCE);
        String card = "被保険者証 記号：42-51　番号：779";
        assertThat(d.detect(card, d.freeText())).extracting(f -> f.type() + " " + f.value() + " " + f.start())
                .containsExactly("HEALTH_INSURANCE 42-51 9", "HEALTH_INSURANCE 779 18");
        assertThat(d.detect("会員証 番号：779\n被保険者証は後日", d.freeText())).isEmpty(); // another line, another card
    }

    @Test
    void aVeryLongTextIsScannedInWindowsThatLoseAndRepeatNothing() {
        // one line of records with no line break, four windows long: each phone once, at its place, whatever window it is in
        String record = "担当者の電話は03-1234-5678、";
        int n = 4 * Detector.WINDOW / record.length();
        String text = record.repeat(n);
        Detector d = Detector.of(EnumSet.of(PiiType.PHONE), Detector.DEFAULT_MIN_CONFIDENCE);
        List<Finding> found = d.detect(text, d.freeText());
        assertThat(found).hasSize(n);
        for (int i = 0; i < n; i++) {
            Finding f = found.get(i);
            assertThat(f.start()).isEqualTo(i * record.length() + 7);
            assertThat(text.substring(f.start(), f.end())).isEqualTo("03-1234-5678").isEqualTo(f.value());
        }
        // a finding that lies across the cut between two windows is found whole, once
        String across = "あ".repeat(Detector.WINDOW - 6) + "03-1234-5678" + "い".repeat(2 * Detector.WINDOW);
        assertThat(d.detect(across, d.freeText())).extracting(Finding::start, Finding::end)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Detector.WINDOW - 6, Detector.WINDOW + 6));
    }

    @Test
    void aLineOfTwentyThousandFactsGivesEachOfThem() {
        // each 要配慮 phrase used to be compared with every one before it in its text, and a label's line looked for over the
        // whole line: a line of 20,000 facts is read here, and gives 20,000 findings
        Detector d = Detector.of(EnumSet.of(PiiType.SENSITIVE_HEALTH), Detector.DEFAULT_MIN_CONFIDENCE);
        String text = "糖尿病、".repeat(20_000);
        assertThat(d.detect(text, d.freeText())).hasSize(20_000).allMatch(f -> f.value().equals("糖尿病"));
    }

    @Test
    void noTypesIsAMistake() {
        assertThatThrownBy(() -> Detector.of(Set.of(), 0.4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void classificationFollowsTheLaw() {
        assertThat(Classification.of(Set.of(PiiType.MY_NUMBER))).containsExactlyInAnyOrder(
                Classification.SPECIFIC_PERSONAL_INFORMATION, Classification.IDENTIFICATION_CODE, Classification.PERSONAL_INFORMATION);
        assertThat(Classification.of(Set.of(PiiType.SENSITIVE_HEALTH, PiiType.PHONE))).containsExactlyInAnyOrder(
                Classification.SPECIAL_CARE_REQUIRED, Classification.PERSONAL_INFORMATION);
        assertThat(Classification.of(Set.of(PiiType.CORPORATE_NUMBER))).containsExactly(Classification.NONE);
        assertThat(Classification.headline(Classification.of(Set.of(PiiType.PASSPORT, PiiType.SENSITIVE_CRIME))))
                .isEqualTo(Classification.IDENTIFICATION_CODE);
    }

    @Test
    void masksKeepShapeButNotTheIdentifier() {
        assertThat(Masking.mask(PiiType.MY_NUMBER, "1234 5678 9018")).isEqualTo("1234 **** ****");
        assertThat(Masking.mask(PiiType.PHONE, "090-1234-5678")).isEqualTo("090-1***-****");
        assertThat(Masking.mask(PiiType.EMAIL, "taro.yamada@example.jp")).isEqualTo("t***@example.jp");
        assertThat(Masking.mask(PiiType.PERSON, "山田 太郎")).isEqualTo("山＊ ＊＊");
        assertThat(Masking.mask(PiiType.ADDRESS, "東京都千代田区霞が関1-2-2")).isEqualTo("東京都千代田区＊＊＊＊＊＊＊＊");
        assertThat(Masking.mask(PiiType.POSTAL_CODE, "100-0013")).isEqualTo("100-****");
    }

    @Test
    void columnHeadersSuggestTypesWithExclusions() {
        ColumnHints h = ColumnHints.get();
        assertThat(h.forHeader("氏名")).containsExactly(PiiType.PERSON);
        assertThat(h.forHeader("会社名")).isEmpty();
        assertThat(h.forHeader("メールアドレス")).containsExactly(PiiType.EMAIL);
        assertThat(h.forHeader("ＴＥＬ")).containsExactly(PiiType.PHONE);
        assertThat(h.forHeader("生年月日")).containsExactly(PiiType.DATE_OF_BIRTH);
        assertThat(h.forHeader("数量")).isEmpty();
        // session 58, from a review's spreadsheets: a transfer list's holder (口座名 alone is no person), romanised and
        // short headers, the building of a split address; a phone-shaped code under its own header is no phone
        assertThat(h.forHeader("口座名義")).containsExactly(PiiType.PERSON);
        assertThat(h.forHeader("口座名")).doesNotContain(PiiType.PERSON);
        assertThat(h.forHeader("seinengappi")).containsExactly(PiiType.DATE_OF_BIRTH);
        assertThat(h.forHeader("yubin_no")).containsExactly(PiiType.POSTAL_CODE);
        assertThat(h.forHeader("郵便")).containsExactly(PiiType.POSTAL_CODE);
        assertThat(h.forHeader("郵便局")).isEmpty();
        assertThat(h.forHeader("sei")).containsExactly(PiiType.PERSON);
        assertThat(h.forHeader("建物名")).containsExactly(PiiType.ADDRESS);
        assertThat(h.against("注文番号")).contains(PiiType.PHONE);
        assertThat(h.against("電話番号")).doesNotContain(PiiType.PHONE);
        Detector d = Detector.all();
        assertThat(d.detect("0312345678", d.contextFor("注文番号"))).isEmpty();
        assertThat(d.detect("0312345678", d.contextFor("電話番号"))).extracting(Finding::type).containsExactly(PiiType.PHONE);
    }

    @Test
    void aLongTextOfShortLinesIsReadWholeSoThatItsHeaderReachesItsLastRow() { // session 40's review
        StringBuilder csv = new StringBuilder("会員番号,氏名,生年月日\n");
        int rows = 0;
        while (csv.length() <= 2 * Detector.WINDOW + 1000) {
            csv.append(100000 + rows).append(",佐藤,1980/01/").append(String.format("%02d", rows % 28 + 1)).append('\n');
            rows++;
        }
        Detector d = Detector.of(EnumSet.of(PiiType.DATE_OF_BIRTH), Detector.DEFAULT_MIN_CONFIDENCE);
        assertThat(d.detect(csv.toString(), d.freeText())).hasSize(rows);
    }
}
