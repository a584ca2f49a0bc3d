package dev.mamori.assess;

import java.util.List;
import java.util.Optional;

/** A named set of choices that questions share (はい / 一部 / いいえ / 該当なし, the form's three ratings, …). */
public record AnswerSet(String id, List<Choice> choices) {

    public AnswerSet {
        choices = List.copyOf(choices);
    }

    public Optional<Choice> find(String key) {
        return choices.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /** The highest value a choice scores; 0 when none scores. */
    public double maxValue() {
        return choices.stream().filter(c -> c.value() != null).mapToDouble(Choice::value).max().orElse(0);
    }

    List<String> keys() {
        return choices.stream().map(Choice::key).toList();
    }
}
