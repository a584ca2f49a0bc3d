package dev.mamori.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 要配慮 values known by their label: a column's header or a form's label (SensitiveFields, issue 12). */
class SensitiveFieldsTest {

    private static final Detector D = Detector.of(EnumSet.of(PiiType.SENSITIVE_HEALTH, PiiType.SENSITIVE_CRIME, PiiType.SENSITIVE_CREED,
            PiiType.SENSITIVE_OTHER), Detector.DEFAULT_MIN_CONFIDENCE);

    private static List<String> inColumn(String header, String cell) {
        return D.detect(cell, D.contextFor(header)).stream().map(f -> f.type() + ":" + f.value()).toList();
    }

    private static List<String> inText(String text) {
        return D.detect(text, D.freeText()).stream().map(f -> f.type() + ":" + f.value()).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // a condition the lexicon does not know, whole; each item of a list
        "病名|右変形性膝関節症|SENSITIVE_HEALTH:右変形性膝関節症",
        "傷病名|慢性心不全、心房細動|SENSITIVE_HEALTH:慢性心不全;SENSITIVE_HEALTH:心房細動",
        "アレルギー|卵・ピーナッツ|SENSITIVE_HEALTH:卵・ピーナッツ",
        "主な既往歴|高血圧症、右大腿骨頸部骨折|SENSITIVE_HEALTH:高血圧症;SENSITIVE_HEALTH:右大腿骨頸部骨折",
        "宗教|仏教（浄土真宗）|SENSITIVE_CREED:仏教（浄土真宗）",
        "前科|窃盗（2019年）|SENSITIVE_CRIME:窃盗（2019年）",
        "障害等級|2級|SENSITIVE_HEALTH:2級",
        "既往歴|めまい、下痢|SENSITIVE_HEALTH:めまい;SENSITIVE_HEALTH:下痢", // weak words alone, made items by the column
    })
    void everyItemOfASensitiveColumnIsAFinding(String header, String cell, String expected) {
        assertThat(inColumn(header, cell)).containsExactly(expected.split(";"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "病名|なし", "既往歴|特記事項なし", "アレルギー|-", "診断日|2024/04/01", "障害内容|サーバ停止", "システム障害|DB接続断",
        "経営診断|良好", "アレルギー表示|乳成分", "健康診断結果|佐藤美咲 様", "備考|右外反母趾様変形の件", "病名|N/A",
        "健康診断実施機関|中央クリニック",
    })
    void notAFinding(String header, String cell) {
        assertThat(inColumn(header, cell)).as(header + " | " + cell).isEmpty();
    }

    @Test
    void aFormsLabelMakesItsValueAFinding() {
        assertThat(inText("傷病名：右変形性膝関節症\n紹介目的：今後の治療方針について")).containsExactly("SENSITIVE_HEALTH:右変形性膝関節症");
        assertThat(inText("【既往歴】高血圧症、2021年に右大腿骨頸部骨折\n【内服薬】アムロジピン錠5mg"))
                .containsExactly("SENSITIVE_HEALTH:高血圧症", "SENSITIVE_HEALTH:2021年に右大腿骨頸部骨折", "SENSITIVE_HEALTH:アムロジピン錠5mg");
        // only the first sentence of the value; a label inside a sentence is no form's label
        assertThat(inText("・主な疾患：骨粗しょう症。転倒に注意。")).containsExactly("SENSITIVE_HEALTH:骨粗しょう症");
        assertThat(inText("先日、病名：不明のまま退院した")).isEmpty();
        assertThat(inText("[既往歴] 虫垂炎\n[INFO] 12:30 開始")).containsExactly("SENSITIVE_HEALTH:虫垂炎");
        assertThat(inText("【アレルギー】ペニシリン系抗菌薬で発疹の既往あり。造影剤アレルギーなし。"))
                .containsExactly("SENSITIVE_HEALTH:ペニシリン系抗菌薬で発疹の既往");
    }

    @Test
    void theLinesOfACellAreItsItems() {
        assertThat(inColumn("既往歴", "右変形性膝関節症\n心房細動")).containsExactly("SENSITIVE_HEALTH:右変形性膝関節症",
                "SENSITIVE_HEALTH:心房細動");
    }

    @Test
    void theLexiconsPhraseStandsForItsItem() {
        assertThat(inText("既往歴：2型糖尿病（2020年診断）")).containsExactly("SENSITIVE_HEALTH:2型糖尿病（2020年診断）"); // the note says more of it
    }
}
