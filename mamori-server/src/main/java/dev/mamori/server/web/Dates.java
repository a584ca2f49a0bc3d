package dev.mamori.server.web;

import dev.mamori.detect.JapaneseEra;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Dates as the pages show them: in Japan's time, with the 和暦 beside the Western date as the forms write it. */
public final class Dates {

    static final ZoneId JST = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter WESTERN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** {@code 2026-12-03 14:11}, in Japan's time. */
    public String time(Instant t) {
        return t == null ? "" : WESTERN.format(t.atZone(JST));
    }

    /** {@code 令和8年12月3日}, in Japan's time. */
    public String wareki(Instant t) {
        return t == null ? "" : wareki(t.atZone(JST).toLocalDate());
    }

    /** {@code 令和元年5月1日} (the project's era table, {@link JapaneseEra}); empty before 明治. */
    public String wareki(LocalDate d) {
        String w = d == null ? null : JapaneseEra.format(d);
        return w == null ? "" : w;
    }
}
