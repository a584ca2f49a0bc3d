package dev.mamori.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** 和暦 beside dates: era changes, 元年, and the day in Japan (not UTC). */
class DatesTest {

    private final Dates dates = new Dates();

    @ParameterizedTest
    @CsvSource({
            "2019-04-30, 平成31年4月30日",
            "2019-05-01, 令和元年5月1日",
            "2020-02-29, 令和2年2月29日",
            "1989-01-08, 平成元年1月8日",
            "1989-01-07, 昭和64年1月7日",
            "2026-12-03, 令和8年12月3日",
    })
    void wareki(LocalDate d, String expected) {
        assertThat(dates.wareki(d)).isEqualTo(expected);
    }

    @Test
    void theDayIsJapansDay() {
        Instant lateUtc = Instant.parse("2019-04-30T15:30:00Z"); // 00:30 on 1 May in Japan
        assertThat(dates.time(lateUtc)).isEqualTo("2019-05-01 00:30");
        assertThat(dates.wareki(lateUtc)).isEqualTo("令和元年5月1日");
        assertThat(dates.wareki(LocalDate.of(1800, 1, 1))).isEmpty();
    }
}
