package dev.mamori.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Days written in 和暦 as Japanese forms write them: 元年 for the first year, the era changing on its first day. */
class JapaneseEraFormatTest {

    @ParameterizedTest
    @CsvSource({
            "2019-04-30, 平成31年4月30日",
            "2019-05-01, 令和元年5月1日",
            "1989-01-07, 昭和64年1月7日",
            "1989-01-08, 平成元年1月8日",
            "2024-02-29, 令和6年2月29日",
    })
    void format(LocalDate day, String expected) {
        assertThat(JapaneseEra.format(day)).isEqualTo(expected);
        assertThat(JapaneseEra.year(day)).isEqualTo(expected.substring(0, expected.indexOf('年') + 1));
    }

    @ParameterizedTest
    @CsvSource({"1800-01-01", "1867-12-31"})
    void beforeMeijiThereIsNone(LocalDate day) {
        assertThat(JapaneseEra.format(day)).isNull();
        assertThat(JapaneseEra.year(day)).isNull();
    }
}
