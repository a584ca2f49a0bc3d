package dev.mamori.detect;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A Japanese era (元号, 元号法) as listed in {@code eras.tsv}, the one table of eras the project keeps:
 * its name, the Latin letter of abbreviations such as S60.4.1, and its first and last day.
 *
 * @param name   明治, 大正, 昭和, 平成, 令和
 * @param letter M, T, S, H, R
 * @param first  the era's first day (元年)
 * @param last   its last day (9999-12-31 for the present era)
 */
public record JapaneseEra(String name, char letter, LocalDate first, LocalDate last) {

    private static final List<JapaneseEra> ALL = load();

    private static List<JapaneseEra> load() {
        List<JapaneseEra> l = new ArrayList<>();
        for (Eras.Era e : Eras.get().all()) {
            l.add(new JapaneseEra(e.name(), e.letters().length > 0 ? e.letters()[0] : '?', date(e.first()), date(e.last())));
        }
        return List.copyOf(l);
    }

    private static LocalDate date(int yyyymmdd) {
        return LocalDate.of(yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100);
    }

    /** Every era, oldest first. */
    public static List<JapaneseEra> all() {
        return ALL;
    }

    /** The era named {@code token} (its name, or its letter in either case), or null. */
    public static JapaneseEra of(String token) {
        for (JapaneseEra e : ALL) {
            if (e.name.equals(token) || (token.length() == 1 && Character.toUpperCase(token.charAt(0)) == e.letter)) {
                return e;
            }
        }
        return null;
    }

    /** The era of a day, or null before 明治. */
    public static JapaneseEra at(LocalDate day) {
        for (JapaneseEra e : ALL) {
            if (!day.isBefore(e.first) && !day.isAfter(e.last)) {
                return e;
            }
        }
        return null;
    }

    /** {@code 平成元年}, {@code 令和8年}: the era and year of a day as Japanese forms write it, or null before 明治. */
    public static String year(LocalDate day) {
        JapaneseEra e = at(day);
        if (e == null) {
            return null;
        }
        int y = day.getYear() - e.first.getYear() + 1;
        return e.name + (y == 1 ? "元" : Integer.toString(y)) + "年";
    }

    /** {@code 令和元年5月1日}: a day in 和暦, or null before 明治. */
    public static String format(LocalDate day) {
        String y = year(day);
        return y == null ? null : y + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    /** The Gregorian year of this era's year {@code y} (元年 = 1). */
    public int gregorian(int y) {
        return first.getYear() + y - 1;
    }
}
