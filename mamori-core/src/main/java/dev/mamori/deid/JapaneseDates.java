package dev.mamori.deid;

import java.text.Normalizer;
import dev.mamori.detect.JapaneseEra;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date forms found in Japanese files, 西暦 and 和暦, to a year with an optional month and
 * day, and writes dates in 和暦. Messages never contain the value read: dates of birth are personal
 * information.
 */
final class JapaneseDates {

    /** A date known to the year, the month or the day (month and day 0 when unknown). */
    record PartialDate(int year, int month, int day) {
        LocalDate first() {
            return LocalDate.of(year, month == 0 ? 1 : month, day == 0 ? 1 : day);
        }

        LocalDate last() {
            if (day != 0) {
                return first();
            }
            return month == 0 ? LocalDate.of(year, 12, 31) : YearMonth.of(year, month).atEndOfMonth();
        }
    }

    /** The era names and letters of detect's eras.tsv, the project's one table of eras. */
    private static final String ERA = "(" + JapaneseEra.all().stream().map(JapaneseEra::name)
            .collect(java.util.stream.Collectors.joining("|")) + "|[" + JapaneseEra.all().stream()
            .map(e -> String.valueOf(e.letter()) + Character.toLowerCase(e.letter())).collect(java.util.stream.Collectors.joining()) + "])";
    private static final String NUM = "(\\d{1,2})";
    private static final Pattern WESTERN = Pattern.compile("(\\d{4})(?:[-/.]" + NUM + "(?:[-/.]" + NUM + ")?)?");
    private static final Pattern WESTERN_KANJI = Pattern.compile("(\\d{4})年(?:" + NUM + "月(?:" + NUM + "日)?)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern ERA_KANJI = Pattern.compile(ERA + "(元|\\d{1,2})年(?:" + NUM + "月(?:" + NUM + "日)?)?");
    private static final Pattern ERA_DOTS = Pattern.compile(ERA + "(元|\\d{1,2})(?:[-/.]" + NUM + "(?:[-/.]" + NUM + ")?)?");

    private JapaneseDates() {
    }

    static PartialDate parse(String value) {
        String v = Normalizer.normalize(value, Normalizer.Form.NFKC).replaceAll("\\s+", "");
        for (Pattern p : new Pattern[] {WESTERN, WESTERN_KANJI, COMPACT}) {
            Matcher m = p.matcher(v);
            if (m.matches()) {
                return check(Integer.parseInt(m.group(1)), num(m.group(2)), num(m.group(3)));
            }
        }
        for (Pattern p : new Pattern[] {ERA_KANJI, ERA_DOTS}) {
            Matcher m = p.matcher(v);
            if (m.matches()) {
                JapaneseEra era = JapaneseEra.of(m.group(1));
                int eraYear = "元".equals(m.group(2)) ? 1 : Integer.parseInt(m.group(2));
                if (eraYear < 1) {
                    throw new IllegalArgumentException("a 和暦 year starts at 元年 (1); the value has year 0");
                }
                PartialDate d = check(era.gregorian(eraYear), num(m.group(3)), num(m.group(4)));
                if (d.last().isBefore(era.first()) || d.first().isAfter(era.last())) {
                    throw new IllegalArgumentException("the date is outside " + era.name() + " (" + era.first()
                            + " to " + (era.last().getYear() == 9999 ? "today" : era.last().toString()) + ")");
                }
                return d;
            }
        }
        throw new IllegalArgumentException("not a date Mamori reads (" + value.length() + " characters); it reads"
                + " 1985-04-01, 1985/4/1, 19850401, 1985年4月1日, 昭和60年4月1日, 平成元年1月8日, S60.4.1, R1.5.1"
                + " and the same without the day or month");
    }

    private static int num(String g) {
        return g == null ? 0 : Integer.parseInt(g);
    }

    private static PartialDate check(int year, int month, int day) {
        try {
            PartialDate d = new PartialDate(year, month, day);
            d.first();
            return d;
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a calendar date (month 1–12, a day the month has)", null);
        }
    }

    /** {@code 昭和60年}, {@code 平成元年}: the era and year of a day. */
    static String eraYear(LocalDate d) {
        String y = JapaneseEra.year(d);
        if (y == null) {
            throw new IllegalArgumentException("和暦 starts with 明治 (1868); the date is earlier");
        }
        return y;
    }
}
