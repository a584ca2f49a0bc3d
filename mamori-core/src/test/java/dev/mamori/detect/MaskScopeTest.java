package dev.mamori.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MaskScopeTest {

    private static String masked(MaskScope scope, PiiType type, String text, String fact) {
        int s = text.indexOf(fact);
        return text.substring(scope.start(text, type, s), scope.end(text, type, s + fact.length()));
    }

    @Test
    void aSensitiveFactWidensToItsClauseOrSentence() {
        String t = "昨年から、平成30年にうつ病と診断され、週2回通所している。仕事は休職中。";
        assertThat(masked(MaskScope.SPAN, PiiType.SENSITIVE_HEALTH, t, "うつ病")).isEqualTo("うつ病");
        assertThat(masked(MaskScope.CLAUSE, PiiType.SENSITIVE_HEALTH, t, "うつ病")).isEqualTo("平成30年にうつ病と診断され");
        assertThat(masked(MaskScope.SENTENCE, PiiType.SENSITIVE_HEALTH, t, "うつ病")).isEqualTo("昨年から、平成30年にうつ病と診断され、週2回通所している");
        // a line's end and the text's ends stop it
        assertThat(masked(MaskScope.SENTENCE, PiiType.SENSITIVE_CRIME, "氏名\n窃盗罪で起訴\n住所", "窃盗罪")).isEqualTo("窃盗罪で起訴");
        assertThat(masked(MaskScope.CLAUSE, PiiType.SENSITIVE_CRIME, "窃盗罪で起訴", "窃盗罪")).isEqualTo("窃盗罪で起訴");
    }

    @Test
    void otherTypesKeepTheirSpan() {
        String t = "担当は山田太郎さん、電話は090-1234-5678です。";
        assertThat(masked(MaskScope.SENTENCE, PiiType.PERSON, t, "山田太郎")).isEqualTo("山田太郎");
        assertThat(masked(MaskScope.CLAUSE, PiiType.PHONE, t, "090-1234-5678")).isEqualTo("090-1234-5678");
        assertThat(MaskScope.CLAUSE.widens(PiiType.SENSITIVE_OTHER)).isTrue();
        assertThat(MaskScope.SPAN.widens(PiiType.SENSITIVE_OTHER)).isFalse();
    }

    @Test
    void bracketsAndQuotationsBelongToTheClauseTheyStandIn() {
        // the brackets after a condition tell of it: their 。 and 、 end nothing
        String form = "主たる疾病名　統合失調症（平成30年発症。週1回通院、デイケア週3回）\n次の欄";
        assertThat(masked(MaskScope.CLAUSE, PiiType.SENSITIVE_HEALTH, form, "統合失調症"))
                .isEqualTo("主たる疾病名　統合失調症（平成30年発症。週1回通院、デイケア週3回）");
        String quoted = "同人に「会うまでやめない」、「家を知っている」などと送信し、つきまとい等をした。";
        assertThat(masked(MaskScope.CLAUSE, PiiType.SENSITIVE_CRIME, quoted, "つきまとい等")).isEqualTo("つきまとい等をした");
        assertThat(masked(MaskScope.SENTENCE, PiiType.SENSITIVE_CRIME, quoted, "つきまとい等")).isEqualTo(quoted.substring(0, quoted.length() - 1));
        // a fact inside brackets is masked within them; a bracket never closed is not skipped
        String inside = "ご希望の配慮（通院のため月1回の午後休、残業免除）について";
        assertThat(masked(MaskScope.CLAUSE, PiiType.SENSITIVE_HEALTH, inside, "通院")).isEqualTo("通院のため月1回の午後休");
        assertThat(masked(MaskScope.SENTENCE, PiiType.SENSITIVE_HEALTH, inside, "通院")).isEqualTo("通院のため月1回の午後休、残業免除");
        String open = "既往歴：喘息（小児期";
        assertThat(masked(MaskScope.CLAUSE, PiiType.SENSITIVE_HEALTH, open, "喘息")).isEqualTo("既往歴：喘息");
    }

    @Test
    void parsesItsName() {
        assertThat(MaskScope.parse("Clause")).isEqualTo(MaskScope.CLAUSE);
        assertThat(MaskScope.SENTENCE.label()).isEqualTo("sentence");
        assertThatThrownBy(() -> MaskScope.parse("page")).isInstanceOf(IllegalArgumentException.class);
    }
}
