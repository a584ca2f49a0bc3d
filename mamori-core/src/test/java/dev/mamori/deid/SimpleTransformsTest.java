package dev.mamori.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SimpleTransformsTest {

    @Test
    void deleteEmpties() {
        assertThat(new Delete().apply("山田太郎")).isEmpty();
        assertThat(new Delete().apply("")).isEmpty();
        assertThat(new Delete().apply(null)).isNull();
    }

    @Test
    void maskKeepsEndsAndSeparators() {
        assertThat(new Mask(0, 4, '*').apply("090-1234-5678")).isEqualTo("***-****-5678");
        assertThat(new Mask(3, 0, '●').apply("090 1234 5678")).isEqualTo("090 ●●●● ●●●●");
        assertThat(new Mask(1, 0, '*').apply("山田　太郎")).isEqualTo("山*　**");
        assertThat(new Mask().apply("1234-5678")).isEqualTo("****-****");
        assertThat(new Mask(1, 1, '*').apply("𠮷野家")).as("code points").isEqualTo("𠮷*家");
    }

    @Test
    void maskHidesShortValuesWhole() {
        assertThat(new Mask(2, 2, '*').apply("1234")).isEqualTo("****");
        assertThat(new Mask(2, 2, '*').apply("12-3")).isEqualTo("**-*");
        assertThat(new Mask(0, 4, '*').apply("---")).isEqualTo("---");
        assertThat(new Mask(0, 4, '*').apply(null)).isNull();
        assertThat(new Mask(0, 4, '*').apply("")).isEmpty();
    }

    @Test
    void maskRefusesBadSettings() {
        assertThatThrownBy(() -> new Mask(-1, 0, '*')).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keepFirst=-1");
        assertThatThrownBy(() -> new Mask(0, 0, '-')).hasMessageContaining("separator");
        assertThatThrownBy(() -> new Mask(0, 0, ' ')).hasMessageContaining("separator");
    }
}
