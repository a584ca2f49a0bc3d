package dev.mamori.server.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.chrono.JapaneseDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as the pages show them: in Japan's time, with the 和暦 beside the Western date as the forms write it. */
public final class Dates {

    static final ZoneId JST = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter WESTERN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter WAREKI = DateTimeFormatter.ofPattern("GGGGy年M月d日", Locale.JAPAN);

    /** {@code 2026-12-03 14:11}, in Japan's time. */
    public String time(Instant t) {
        return t == null ? "" : WESTERN.format(t.atZone(JST));
    }

    /** {@code 令和8年12月3日}; dates before 明治6年 (1873, the Gregorian calendar in Japan) have no 和暦 here. */
    public String wareki(Instant t) {
        return t == null ? "" : wareki(t.atZone(JST).toLocalDate());
    }

    public String wareki(LocalDate d) {
        if (d == null || d.isBefore(LocalDate.of(1873, 1, 1))) {
            return "";
        }
        return WAREKI.format(JapaneseDate.from(d)).replaceFirst("(\\D)1年", "$1元年");
    }
}
