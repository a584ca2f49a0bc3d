package dev.mamori.assess;

import java.util.List;

/** What was answered: one choice, a set of checked choices, or written text (also dates and numbers). */
public sealed interface Response {

    record Chosen(String key) implements Response {
    }

    record Checked(List<String> keys) implements Response {
        public Checked {
            keys = List.copyOf(keys);
        }
    }

    record Written(String text) implements Response {
    }
}
