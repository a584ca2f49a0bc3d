package dev.mamori.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.detect.PiiType;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedactTextTest {

    private static final RedactText ALL = new RedactText();

    @Test
    void replacesEachSpanByItsJapaneseTypeName() {
        assertThat(ALL.apply("山田太郎様の電話は090-1234-5678です")).isEqualTo("〈氏名〉様の電話は〈電話番号〉です");
        assertThat(ALL.apply("連絡先: taro.yamada@example.co.jp まで")).isEqualTo("連絡先: 〈メールアドレス〉 まで");
        assertThat(ALL.apply("〒100-0001 東京都千代田区千代田1-1 在住")).isEqualTo("〒〈郵便番号〉 〈住所〉 在住");
        assertThat(ALL.apply("生年月日は1980年4月1日、個人番号は123456789018"))
                .isEqualTo("生年月日は〈生年月日〉、個人番号は〈個人番号〉");
    }

    @Test
    void leavesTextWithoutFindingsAndEmptyOrNullCellsAsTheyAre() {
        String plain = "本日は晴れ。特記事項なし。";
        assertThat(ALL.apply(plain)).isSameAs(plain);
        assertThat(ALL.apply("")).isEmpty();
        assertThat(ALL.apply(null)).isNull();
    }

    @Test
    void redactsOnlyTheChosenTypes() {
        RedactText phones = new RedactText(EnumSet.of(PiiType.PHONE));
        assertThat(phones.apply("山田太郎様の電話は090-1234-5678です")).isEqualTo("山田太郎様の電話は〈電話番号〉です");
        RedactText names = new RedactText(Set.of(PiiType.PERSON));
        assertThat(names.apply("山田太郎様の電話は090-1234-5678です")).isEqualTo("〈氏名〉様の電話は090-1234-5678です");
        assertThat(phones.types()).containsExactly(PiiType.PHONE);
        assertThat(ALL.types()).containsExactlyInAnyOrder(PiiType.values());
        assertThat(RedactText.placeholder(PiiType.CREDIT_CARD)).isEqualTo("〈クレジットカード番号〉");
    }

    @Test
    void isATransformAndAValue() {
        Transform t = new RedactText(EnumSet.of(PiiType.EMAIL), 0.5);
        assertThat(t).isEqualTo(new RedactText(Set.of(PiiType.EMAIL), 0.5));
        assertThat(t.apply("a@example.com")).isEqualTo("〈メールアドレス〉");
    }

    @Test
    void refusesBadSettings() {
        assertThatThrownBy(() -> new RedactText(Set.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one type");
        assertThatThrownBy(() -> new RedactText(null, 0.4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RedactText(Set.of(PiiType.PHONE), 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minConfidence");
        assertThatThrownBy(() -> new RedactText(Set.of(PiiType.PHONE), Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
