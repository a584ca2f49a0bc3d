package dev.mamori.server.register;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What Mamori computes for an entry: its deadlines (each met or not), the last day it must be kept, whether it is
 * still open, and facts to show (what made an incident reportable, the day a lawsuit becomes possible …).
 *
 * @param open      still needs work (an open request or incident, a transfer still running)
 * @param deadlines in the order they come
 * @param keepUntil the last day the entry must be kept (a provision record), or null
 * @param facts     labelled values, each label a message {@code fact.<key>}
 */
public record Derived(boolean open, List<Deadline> deadlines, LocalDate keepUntil, List<Fact> facts) {

    public Derived {
        deadlines = List.copyOf(deadlines);
        facts = List.copyOf(facts);
    }

    /**
     * A day by which something must be done.
     *
     * @param kind   the message {@code deadline.<kind>} that names it
     * @param due    the last day
     * @param done   the day it was done, or null
     * @param source the provision it comes from
     */
    public record Deadline(String kind, LocalDate due, LocalDate done, String source) {
        public Deadline {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(due, "due");
        }

        public boolean met() {
            return done != null;
        }

        /** Not done and {@code today} is after the last day (or done late). */
        public boolean late(LocalDate today) {
            return done == null ? today.isAfter(due) : done.isAfter(due);
        }
    }

    /** A computed value: a date, a number, a yes/no, an enum constant, text, or a list of them. */
    public record Fact(String key, Object value) {
    }

    /** The first deadline not met, while the entry is open; null when there is none. */
    public LocalDate dueOn() {
        return open ? deadlines.stream().filter(d -> !d.met()).map(Deadline::due).min(LocalDate::compareTo).orElse(null) : null;
    }
}
