package dev.mamori.ledger;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One period the law (or a guideline the law points to) sets, as read from {@code periods.tsv}: how long, how its
 * last day is found, and where it comes from.
 *
 * @param id         the rule's name in the data file (e.g. {@code incident.final})
 * @param amount     the number of days or years, or of persons for a threshold
 * @param unit       days, years or persons
 * @param counting   how the last day is found; {@link Counting#NONE} for a threshold
 * @param source     the provision or guideline, as the data file gives it
 * @param confidence H or M (the data file carries no rule of lower confidence)
 * @param note       what the rule means and where the reading could be wrong
 */
public record LegalPeriod(String id, int amount, Unit unit, Counting counting, String source, String confidence, String note) {

    public enum Unit { DAYS, YEARS, PERSONS }

    /** How the last day of a period is found. */
    public enum Counting {
        /**
         * "Within N days of X": X is day 1, so the last day is X + (N − 1). Where the law leaves open whether the
         * first day counts, this is the earlier of the two readings, and a deadline shown early is the safe side.
         */
        WITHIN,
        /**
         * "The day N years have passed, reckoned from X" (起算して…を経過する日, 民法143条 with X counted): the day
         * before X's anniversary N years on, or the last day of that month when it has no such day (X = 2/29).
         */
        RECKONED,
        /** A threshold, not a period. */
        NONE
    }

    public LegalPeriod {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(counting, "counting");
        if (amount <= 0) {
            throw new IllegalArgumentException(id + ": the amount must be positive");
        }
        if ((unit == Unit.PERSONS) != (counting == Counting.NONE)) {
            throw new IllegalArgumentException(id + ": a threshold counts persons and has no counting; a period has one");
        }
        if (counting == Counting.RECKONED && unit != Unit.YEARS || counting == Counting.WITHIN && unit != Unit.DAYS) {
            throw new IllegalArgumentException(id + ": 'within' counts days, 'reckoned' years");
        }
    }

    /** The last day of the period that starts on {@code from} (the deadline, or the last day a record is kept). */
    public LocalDate lastDay(LocalDate from) {
        Objects.requireNonNull(from, "from");
        return switch (counting) {
            case WITHIN -> from.plusDays(amount - 1L);
            case RECKONED -> {
                LocalDate anniversary = from.plusYears(amount);
                // plusYears clamps 2/29 to 2/28 in a common year: then there is no anniversary, and the period
                // ends at the end of that month (民法143条2項ただし書), which is the clamped day itself
                yield anniversary.getDayOfMonth() == from.getDayOfMonth() ? anniversary.minusDays(1) : anniversary;
            }
            case NONE -> throw new IllegalStateException(id + " is a threshold, not a period");
        };
    }
}
