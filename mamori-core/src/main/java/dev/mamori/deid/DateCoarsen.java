package dev.mamori.deid;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Makes dates coarser: to the day (only rewritten), the month, the year, or bins of 5 or 10 years.
 * Reads 西暦 ({@code 1985-04-01}, {@code 1985/4/1}, {@code 19850401}, {@code 1985年4月1日}) and 和暦
 * ({@code 昭和60年4月1日}, {@code 平成元年1月8日}, {@code S60.4.1}, {@code R1.5.1}), full-width digits
 * included, and dates given only to the month or year when the level asks no more. A 和暦 date outside
 * its era (平成元年1月7日) is refused.
 *
 * <p>Output by {@link Style}: {@code WESTERN} {@code 1985年4月} / {@code 1985年} / {@code 1980年代前半} /
 * {@code 1980年代}; {@code JAPANESE_ERA} {@code 昭和60年4月} / {@code 昭和60年} /
 * {@code 昭和60年～平成元年} (a bin may cross eras); {@code NUMERIC} {@code 1985-04} / {@code 1985} /
 * {@code 1980–1984}. Coarsening dates of birth is one of the measures for quasi-identifiers in
 * 匿名加工情報 (個人情報保護法施行規則34条1号・5号).
 */
public record DateCoarsen(Level level, Style style) implements Transform {

    /** How coarse the output is. */
    public enum Level { DAY, MONTH, YEAR, FIVE_YEARS, TEN_YEARS }

    /** How the output is written. */
    public enum Style { WESTERN, JAPANESE_ERA, NUMERIC }

    /** Coarsens to {@code level}, written in 西暦 with 年/月/日. */
    public DateCoarsen(Level level) {
        this(level, Style.WESTERN);
    }

    public DateCoarsen {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(style, "style");
    }

    @Override
    public String apply(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        JapaneseDates.PartialDate d = JapaneseDates.parse(value);
        if ((level == Level.DAY && d.day() == 0) || (level == Level.MONTH && d.month() == 0)) {
            throw new IllegalArgumentException("DateCoarsen to " + level + " needs a date with a "
                    + (level == Level.DAY ? "day" : "month") + ", and the value gives less");
        }
        int y = d.year();
        return switch (level) {
            case DAY -> switch (style) {
                case WESTERN -> y + "年" + d.month() + "月" + d.day() + "日";
                case NUMERIC -> d.first().toString();
                case JAPANESE_ERA -> JapaneseDates.eraYear(d.first()) + d.month() + "月" + d.day() + "日";
            };
            case MONTH -> switch (style) {
                case WESTERN -> y + "年" + d.month() + "月";
                case NUMERIC -> String.format("%04d-%02d", y, d.month());
                case JAPANESE_ERA -> JapaneseDates.eraYear(d.first()) + d.month() + "月";
            };
            case YEAR -> switch (style) {
                case WESTERN -> y + "年";
                case NUMERIC -> Integer.toString(y);
                case JAPANESE_ERA -> JapaneseDates.eraYear(d.day() != 0 ? d.first() : d.last());
            };
            case FIVE_YEARS -> bin(y, 5);
            case TEN_YEARS -> bin(y, 10);
        };
    }

    private String bin(int year, int width) {
        int low = Math.floorDiv(year, width) * width;
        int high = low + width - 1;
        return switch (style) {
            case NUMERIC -> low + "–" + high;
            case JAPANESE_ERA -> JapaneseDates.eraYear(LocalDate.of(low, 1, 1)) + "～"
                    + JapaneseDates.eraYear(LocalDate.of(high, 12, 31));
            case WESTERN -> {
                int decade = Math.floorDiv(year, 10) * 10;
                yield width == 10 ? decade + "年代" : decade + (low == decade ? "年代前半" : "年代後半");
            }
        };
    }
}
