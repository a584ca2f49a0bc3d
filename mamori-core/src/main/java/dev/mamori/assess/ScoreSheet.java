package dev.mamori.assess;

import java.util.List;
import java.util.Map;

/**
 * Everything the reports show, computed once: per-area and total scores (now and with the plan),
 * the answer counts, the computed items' results, the deficiencies with their typical action, and
 * the questionnaire's consistency checks that the answers fail ({@code findings}).
 */
public record ScoreSheet(Answers answers, List<AreaScore> areas, AreaScore total, Map<String, Choice> computed,
        Map<String, Choice> plannedComputed, List<Deficiency> deficiencies, List<Check> findings) {

    /** A question answered with a deficiency (or unanswered), and the plan item that addresses it, if any. */
    public record Deficiency(Question question, Answer answer, PlanItem plan) {
    }

    public ScoreSheet {
        areas = List.copyOf(areas);
        computed = Map.copyOf(computed);
        plannedComputed = Map.copyOf(plannedComputed);
        deficiencies = List.copyOf(deficiencies);
        findings = List.copyOf(findings);
    }

    public Questionnaire questionnaire() {
        return answers.questionnaire();
    }

    public boolean hasPlan() {
        return !answers.plan().isEmpty();
    }
}
