package dev.mamori.assess;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A computed item (the しきい値判断結果): the first rule whose condition holds gives a choice of
 * {@code answerSet}. Choice values order results, so the change history can see a result rise.
 */
public record Computed(String id, Label name, String ref, AnswerSet answerSet, Question.Timing onIncrease, List<Rule> rules) {

    record Rule(Condition when, String result) {
    }

    public Computed {
        rules = List.copyOf(rules);
    }

    /** The result for these answers; empty when no rule holds (a question it needs is unanswered). */
    public Optional<Choice> evaluate(Map<String, Response> answers) {
        for (Rule r : rules) {
            if (r.when().test(answers)) {
                return answerSet.find(r.result());
            }
        }
        return Optional.empty();
    }
}
