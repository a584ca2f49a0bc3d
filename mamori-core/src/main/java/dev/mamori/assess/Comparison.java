package dev.mamori.assess;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Two answer sets of the same questionnaire side by side: each area's change and every changed answer. */
public record Comparison(ScoreSheet before, ScoreSheet after, List<AreaDelta> areas, AreaDelta total, List<ChangedAnswer> changed) {

    public record AreaDelta(String id, Label name, int depth, AreaScore before, AreaScore after) {
        public double delta() {
            return after.score() - before.score();
        }
    }

    /** A question whose answer differs; {@code delta} is the change in score it makes. */
    public record ChangedAnswer(Question question, Response before, Response after, double delta) {
    }

    public Comparison {
        areas = List.copyOf(areas);
        changed = List.copyOf(changed);
    }

    static Comparison of(ScoreSheet before, ScoreSheet after) {
        // areas are paired by id (two versions of a questionnaire file may add or drop areas): those of the later
        // version in its order, an area it dropped after them; a missing side counts as empty
        java.util.Map<String, AreaScore> was = new java.util.LinkedHashMap<>();
        before.areas().forEach(x -> was.put(x.id(), x));
        List<AreaDelta> areas = new ArrayList<>();
        for (AreaScore a : after.areas()) {
            AreaScore b = was.remove(a.id());
            areas.add(new AreaDelta(a.id(), a.name(), a.depth(), b == null ? empty(a) : b, a));
        }
        was.values().forEach(b -> areas.add(new AreaDelta(b.id(), b.name(), b.depth(), b, empty(b))));
        Map<String, Response> wasAnswered = before.answers().responses();
        Map<String, Response> is = after.answers().responses();
        Map<String, Question> questions = new java.util.LinkedHashMap<>(before.questionnaire().questions());
        questions.putAll(after.questionnaire().questions());
        List<ChangedAnswer> changed = new ArrayList<>();
        for (Question q : questions.values()) {
            Response b = wasAnswered.get(q.id());
            Response a = is.get(q.id());
            if (!Objects.equals(b, a)) {
                changed.add(new ChangedAnswer(q, b, a, points(q, a, is) - points(q, b, wasAnswered)));
            }
        }
        return new Comparison(before, after, areas,
                new AreaDelta("total", before.total().name(), 0, before.total(), after.total()), changed);
    }

    private static AreaScore empty(AreaScore like) {
        return new AreaScore(like.id(), like.name(), like.depth(), 0, 0, 0, null, null, Map.of(), 0, null, null, Map.of());
    }

    private static double points(Question q, Response r, Map<String, Response> all) {
        if (!q.scored() || !Scores.applies(q, all) || !(r instanceof Response.Chosen c)) {
            return 0;
        }
        Choice choice = q.answerSet().find(c.key()).orElse(null);
        return choice == null || choice.value() == null ? 0 : q.weight() * choice.value();
    }
}
