package dev.mamori.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NumericTransformsTest {

    @Test
    void topAndBottomCodingWithJapaneseLabels() {
        TopBottomCode age = TopBottomCode.age(20, 90);
        assertThat(age.apply("95")).isEqualTo("90歳以上");
        assertThat(age.apply("90")).as("the top is included").isEqualTo("90歳以上");
        assertThat(age.apply("19")).isEqualTo("20歳未満");
        assertThat(age.apply("20")).isEqualTo("20");
        assertThat(age.apply("４５")).as("kept as written").isEqualTo("４５");
        assertThat(age.apply(" 110 ")).isEqualTo("90歳以上");
        assertThat(age.apply(null)).isNull();
        assertThat(age.apply("")).isEmpty();
        TopBottomCode income = new TopBottomCode(null, new BigDecimal("10000000"));
        assertThat(income.apply("12,500,000")).isEqualTo("10000000以上");
        assertThat(income.apply("-5")).isEqualTo("-5");
        assertThat(new TopBottomCode(new BigDecimal("1.5"), null, "under {}", "{}+").apply("1.49")).isEqualTo("under 1.5");
    }

    @Test
    void topBottomCodeRefusesBadSettingsAndValues() {
        assertThatThrownBy(() -> TopBottomCode.of(null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bottom, a top or both");
        assertThatThrownBy(() -> TopBottomCode.age(90, 20)).hasMessageContaining("must be below top");
        assertThatThrownBy(() -> new TopBottomCode(null, BigDecimal.TEN, "{}未満", "以上"))
                .hasMessageContaining("'{}' once");
        assertThatThrownBy(() -> TopBottomCode.age(20, 90).apply("山田")).hasMessageContaining("needs a number")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("山田"));
    }

    @Test
    void numericBands() {
        NumericBand ten = new NumericBand(10);
        assertThat(ten.apply("34")).isEqualTo("30–39");
        assertThat(ten.apply("30")).isEqualTo("30–39");
        assertThat(ten.apply("39.9")).isEqualTo("30–39");
        assertThat(ten.apply("0")).isEqualTo("0–9");
        assertThat(ten.apply("-1")).isEqualTo("-10–-1");
        assertThat(ten.apply("１２３")).isEqualTo("120–129");
        assertThat(new NumericBand(5, 3).apply("7")).isEqualTo("3–7");
        assertThat(new NumericBand(5, 3).apply("8")).isEqualTo("8–12");
        assertThat(ten.apply(null)).isNull();
        assertThat(ten.apply("")).isEmpty();
        assertThatThrownBy(() -> new NumericBand(1)).hasMessageContaining("2 or more");
        assertThatThrownBy(() -> ten.apply("abc")).hasMessageContaining("needs a number");
    }
}
