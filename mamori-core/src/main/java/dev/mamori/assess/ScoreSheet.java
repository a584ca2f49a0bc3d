package dev.mamori.assess;

import java.util.List;
import java.util.Map;

/**
 * Everything the reports show, computed once: per-area and total scores (now and with the plan),
 * the answer counts, the computed items' results, and the deficiencies with their typical action.
 */
public record ScoreSheet(Answers answers, List<AreaScore> areas, AreaScore total, Map<String, Choice> computed,
        Map<String, Choice> plannedComputed, List<Deficiency> deficiencies) {

    /** A question answered with a deficiency (or unanswered), and the plan item that addresses it, if any. */
    public record Deficiency(Question question, Answer answer, PlanItem plan) {
    }

    public ScoreSheet {
        areas = List.copyOf(areas);
        computed = Map.copyOf(computed);
        plannedComputed = Map.copyOf(plannedComputed);
        deficiencies = List.copyOf(deficiencies);
    }

    public Questionnaire questionnaire() {
        return answers.questionnaire();
    }

    public boolean hasPlan() {
        return !answers.plan().isEmpty();
    }
}
