package dev.mamori.server.register;

import java.util.List;

/**
 * One entry of a register (a provision record, a transfer abroad, a request, an incident): the values a person or a
 * program gives, as a record whose components are the fields. Bean Validation checks each field; {@link #check}
 * checks what depends on several (what a legal basis requires, dates that cannot lie in the future).
 */
public interface Entry {

    /** The line that names the entry in lists and on the dashboard. */
    String title();

    /** What follows from the values and the organisation's settings: deadlines, how long it is kept, whether open. */
    Derived derive(Settings settings);

    /** The rules across fields: one problem per field that breaks one (empty when all hold). */
    List<Problem> check(Context context);

    /**
     * A field that breaks a rule.
     *
     * @param field the record component (Java name)
     * @param code  the message {@code register.problem.<code>} that says why, in the page's language
     * @param args  the message's arguments
     */
    record Problem(String field, String code, Object... args) {
    }
}
