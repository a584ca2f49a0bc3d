package dev.mamori.deid;

import static dev.mamori.deid.DateCoarsen.Level.DAY;
import static dev.mamori.deid.DateCoarsen.Level.FIVE_YEARS;
import static dev.mamori.deid.DateCoarsen.Level.MONTH;
import static dev.mamori.deid.DateCoarsen.Level.TEN_YEARS;
import static dev.mamori.deid.DateCoarsen.Level.YEAR;
import static dev.mamori.deid.DateCoarsen.Style.JAPANESE_ERA;
import static dev.mamori.deid.DateCoarsen.Style.NUMERIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DateCoarsenTest {

    @ParameterizedTest
    @ValueSource(strings = {"1985-04-01", "1985/4/1", "1985.04.01", "19850401", "1985年4月1日", "１９８５年４月１日",
        "昭和60年4月1日", "昭和６０年４月１日", "S60.4.1", "s60/4/1", "S60年4月1日", "㍼60年4月1日", " 1985 年 4 月 1 日 "})
    void readsWesternAndEraForms(String v) {
        assertThat(new DateCoarsen(DAY, NUMERIC).apply(v)).isEqualTo("1985-04-01");
    }

    @Test
    void coarsensStepByStep() {
        String d = "1985-04-01";
        assertThat(new DateCoarsen(DAY).apply(d)).isEqualTo("1985年4月1日");
        assertThat(new DateCoarsen(MONTH).apply(d)).isEqualTo("1985年4月");
        assertThat(new DateCoarsen(YEAR).apply(d)).isEqualTo("1985年");
        assertThat(new DateCoarsen(FIVE_YEARS).apply(d)).isEqualTo("1980年代後半");
        assertThat(new DateCoarsen(FIVE_YEARS).apply("1983/1/1")).isEqualTo("1980年代前半");
        assertThat(new DateCoarsen(TEN_YEARS).apply(d)).isEqualTo("1980年代");
        assertThat(new DateCoarsen(MONTH, NUMERIC).apply(d)).isEqualTo("1985-04");
        assertThat(new DateCoarsen(YEAR, NUMERIC).apply(d)).isEqualTo("1985");
        assertThat(new DateCoarsen(FIVE_YEARS, NUMERIC).apply("1984-12-31")).isEqualTo("1980–1984");
        assertThat(new DateCoarsen(TEN_YEARS, NUMERIC).apply("2000-01-01")).isEqualTo("2000–2009");
    }

    @Test
    void writesJapaneseEras() {
        assertThat(new DateCoarsen(DAY, JAPANESE_ERA).apply("1989-01-07")).isEqualTo("昭和64年1月7日");
        assertThat(new DateCoarsen(DAY, JAPANESE_ERA).apply("1989-01-08")).isEqualTo("平成元年1月8日");
        assertThat(new DateCoarsen(MONTH, JAPANESE_ERA).apply("R1.5.1")).isEqualTo("令和元年5月");
        assertThat(new DateCoarsen(YEAR, JAPANESE_ERA).apply("平成元年1月8日")).isEqualTo("平成元年");
        assertThat(new DateCoarsen(YEAR, JAPANESE_ERA).apply("2019-04-30")).isEqualTo("平成31年");
        assertThat(new DateCoarsen(FIVE_YEARS, JAPANESE_ERA).apply("1985-04-01")).isEqualTo("昭和60年～平成元年");
        assertThat(new DateCoarsen(TEN_YEARS, JAPANESE_ERA).apply("1975-01-01")).isEqualTo("昭和45年～昭和54年");
        assertThat(new DateCoarsen(YEAR).apply("平成元年1月8日")).isEqualTo("1989年");
    }

    @Test
    void acceptsPartialDatesWhenTheLevelAsksNoMore() {
        assertThat(new DateCoarsen(YEAR).apply("1985年")).isEqualTo("1985年");
        assertThat(new DateCoarsen(TEN_YEARS).apply("昭和60年")).isEqualTo("1980年代");
        assertThat(new DateCoarsen(MONTH).apply("1985/4")).isEqualTo("1985年4月");
        assertThatThrownBy(() -> new DateCoarsen(MONTH).apply("1985年")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a date with a month");
        assertThatThrownBy(() -> new DateCoarsen(DAY).apply("1985年4月")).hasMessageContaining("with a day");
    }

    @Test
    void refusesImpossibleDatesWithoutQuotingThem() {
        DateCoarsen c = new DateCoarsen(YEAR);
        assertThatThrownBy(() -> c.apply("平成元年1月7日")).hasMessageContaining("outside 平成")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("1月7日"));
        assertThatThrownBy(() -> c.apply("昭和64年1月8日")).hasMessageContaining("outside 昭和");
        assertThatThrownBy(() -> c.apply("昭和65年")).hasMessageContaining("outside 昭和");
        assertThatThrownBy(() -> c.apply("H0.1.1")).hasMessageContaining("元年");
        assertThatThrownBy(() -> c.apply("1985-02-30")).hasMessageContaining("not a calendar date");
        assertThatThrownBy(() -> c.apply("1985-13-01")).hasMessageContaining("not a calendar date");
        assertThatThrownBy(() -> c.apply("山田太郎")).hasMessageContaining("not a date Mamori reads")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("山田"));
        assertThatThrownBy(() -> new DateCoarsen(YEAR, JAPANESE_ERA).apply("1850-01-01")).hasMessageContaining("明治");
        assertThat(c.apply(null)).isNull();
        assertThat(c.apply("")).isEmpty();
        assertThatThrownBy(() -> new DateCoarsen(null)).isInstanceOf(NullPointerException.class);
    }
}
