package dev.mamori.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** 和暦 beside dates: era changes, 元年, and the day in Japan (not UTC). */
class DatesTest {

    private final Dates dates = new Dates();

    @Test
    void theDayIsJapansDay() {
        Instant lateUtc = Instant.parse("2019-04-30T15:30:00Z"); // 00:30 on 1 May in Japan
        assertThat(dates.time(lateUtc)).isEqualTo("2019-05-01 00:30");
        assertThat(dates.wareki(lateUtc)).isEqualTo("令和元年5月1日");
        assertThat(dates.wareki(LocalDate.of(1800, 1, 1))).isEmpty();
        // the era table itself is the core's, tested there (JapaneseEraFormatTest)
        assertThat(dates.wareki(LocalDate.of(1989, 1, 7))).isEqualTo("昭和64年1月7日");
    }
}
