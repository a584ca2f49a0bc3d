package dev.mamori.server.register;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the checks of an entry need besides its values: today (in Japan) and the organisation's settings. Gathers the
 * problems found, with helpers for the rules every register has.
 */
public final class Context {

    private final LocalDate today;
    private final Settings settings;
    private final List<Entry.Problem> problems = new ArrayList<>();

    public Context(LocalDate today, Settings settings) {
        this.today = today;
        this.settings = settings;
    }

    public LocalDate today() {
        return today;
    }

    public Settings settings() {
        return settings;
    }

    /** Records a problem of {@code field}. */
    public Context problem(String field, String code, Object... args) {
        problems.add(new Entry.Problem(field, code, args));
        return this;
    }

    /** A date of something that has happened: not after today. */
    public Context notFuture(String field, java.time.LocalDate date) {
        if (date != null && date.isAfter(today)) {
            problem(field, "future");
        }
        return this;
    }

    /** {@code date} not before {@code earliest} (named by its field, for the message). */
    public Context notBefore(String field, LocalDate date, String earliestField, LocalDate earliest) {
        if (date != null && earliest != null && date.isBefore(earliest)) {
            problem(field, "before", earliestField);
        }
        return this;
    }

    /** A value the case needs: not null, not blank. */
    public Context required(String field, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            problem(field, "required");
        }
        return this;
    }

    /** A value the case forbids (left empty). */
    public Context absent(String field, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank()) && !Boolean.FALSE.equals(value)) {
            problem(field, "not_applicable");
        }
        return this;
    }

    public List<Entry.Problem> problems() {
        return List.copyOf(problems);
    }
}
