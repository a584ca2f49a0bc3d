package dev.mamori.assess;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scores answers against their questionnaire: per area, in total, now and with the plan applied. */
final class Scores {

    static final String UNANSWERED = "unanswered";

    private Scores() {
    }

    static ScoreSheet score(Answers answers) {
        Questionnaire q = answers.questionnaire();
        Map<String, Response> now = answers.responses();
        Map<String, Response> planned = answers.plannedResponses();
        List<AreaScore> areas = new ArrayList<>();
        for (Area a : q.areas()) {
            walk(q, a, 0, now, planned, areas);
        }
        List<Question> all = new ArrayList<>(q.questions().values());
        AreaScore total = of(q, "total", new Label("合計", "Total"), 0, all, now, planned);
        Map<String, Choice> computed = new LinkedHashMap<>();
        Map<String, Choice> plannedComputed = new LinkedHashMap<>();
        for (Computed c : q.computed()) {
            c.evaluate(now).ifPresent(r -> computed.put(c.id(), r));
            c.evaluate(planned).ifPresent(r -> plannedComputed.put(c.id(), r));
        }
        Map<String, PlanItem> plans = new HashMap<>();
        answers.plan().forEach(p -> plans.put(p.questionId(), p));
        List<ScoreSheet.Deficiency> deficiencies = new ArrayList<>();
        for (Question question : all) {
            if (!question.scored() || !applies(question, now)) {
                continue;
            }
            Answer a = answers.answers().get(question.id());
            Choice c = a == null ? null : question.answerSet().find(a.choiceKey()).orElse(null);
            if (c == null || c.deficiency()) {
                deficiencies.add(new ScoreSheet.Deficiency(question, a, plans.get(question.id())));
            }
        }
        Map<String, Response> withComputed = new LinkedHashMap<>(now);
        computed.forEach((id, c) -> withComputed.put(id, new Response.Chosen(c.key())));
        List<Check> findings = q.checks().stream().filter(c -> c.when().test(withComputed)).toList();
        return new ScoreSheet(answers, areas, total, computed, plannedComputed, deficiencies, findings);
    }

    private static void walk(Questionnaire q, Area a, int depth, Map<String, Response> now, Map<String, Response> planned,
            List<AreaScore> out) {
        out.add(of(q, a.id(), a.name(), depth, a.allQuestions(), now, planned));
        for (Area s : a.areas()) {
            walk(q, s, depth + 1, now, planned, out);
        }
    }

    private static AreaScore of(Questionnaire q, String id, Label name, int depth, List<Question> questions,
            Map<String, Response> now, Map<String, Response> planned) {
        Tally t = tally(questions, now);
        Tally p = tally(questions, planned);
        Double percent = t.max > 0 ? 100 * t.score / t.max : null;
        Double plannedPercent = p.max > 0 ? 100 * p.score / p.max : null;
        return new AreaScore(id, name, depth, t.score, t.max, t.nominalMax, percent, percent == null ? null : q.rate(percent),
                t.counts, p.score, plannedPercent, plannedPercent == null ? null : q.rate(plannedPercent), p.counts);
    }

    private record Tally(double score, double max, double nominalMax, Map<String, Integer> counts) {
    }

    private static Tally tally(List<Question> questions, Map<String, Response> responses) {
        double score = 0;
        double max = 0;
        double nominal = 0;
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Question q : questions) {
            if (!q.scored()) {
                continue;
            }
            nominal += q.maxScore();
            if (!applies(q, responses)) {
                continue;
            }
            Response r = responses.get(q.id());
            Choice c = r instanceof Response.Chosen ch ? q.answerSet().find(ch.key()).orElse(null) : null;
            counts.merge(c == null ? UNANSWERED : c.key(), 1, Integer::sum);
            if (c != null && c.na()) {
                continue;
            }
            max += q.maxScore();
            if (c != null && c.value() != null) {
                score += q.weight() * c.value();
            }
        }
        return new Tally(score, max, nominal, counts);
    }

    static boolean applies(Question q, Map<String, Response> responses) {
        return q.appliesWhen() == null || q.appliesWhen().test(responses);
    }
}
