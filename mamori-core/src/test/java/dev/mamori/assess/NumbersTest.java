package dev.mamori.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void numbersAsWrittenOnJapaneseForms() {
        assertThat(Numbers.count("350000")).isEqualTo(350_000L);
        assertThat(Numbers.count("350,000")).isEqualTo(350_000L);
        assertThat(Numbers.count("３５０，０００")).isEqualTo(350_000L);
        assertThat(Numbers.count("35万")).isEqualTo(350_000L);
        assertThat(Numbers.count("３５万")).isEqualTo(350_000L);
        assertThat(Numbers.count("3.5万")).isEqualTo(35_000L);
        assertThat(Numbers.count("1億2,000万")).isEqualTo(120_000_000L);
        assertThat(Numbers.count("1万2千345")).isEqualTo(12_345L);
        assertThat(Numbers.count(" 1 200 ")).isEqualTo(1_200L);
        assertThat(Numbers.parse("-1,234.5")).isEqualByComparingTo(new BigDecimal("-1234.5"));
    }

    @Test
    void garbageAndLikelyTyposAreNotNumbers() {
        for (String s : new String[] {"", "abc", "35,0000", "1,2", ",000", "万", "35万人", "1..2", "3.5.1", "350,000円", "1e6"}) {
            assertThat(Numbers.parse(s)).as(s).isNull();
        }
        assertThat(Numbers.parse(null)).isNull();
        assertThat(Numbers.count("-5")).isNull();
        assertThat(Numbers.count("1.5")).isNull();
        assertThat(Numbers.count("99999999999999999999")).isNull();
    }
}
