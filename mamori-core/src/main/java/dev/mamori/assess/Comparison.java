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
        List<AreaDelta> areas = new ArrayList<>();
        for (int i = 0; i < before.areas().size(); i++) {
            AreaScore b = before.areas().get(i);
            AreaScore a = after.areas().get(i);
            areas.add(new AreaDelta(b.id(), b.name(), b.depth(), b, a));
        }
        Map<String, Response> was = before.answers().responses();
        Map<String, Response> is = after.answers().responses();
        List<ChangedAnswer> changed = new ArrayList<>();
        for (Question q : before.questionnaire().questions().values()) {
            Response b = was.get(q.id());
            Response a = is.get(q.id());
            if (!Objects.equals(b, a)) {
                changed.add(new ChangedAnswer(q, b, a, points(q, a, is) - points(q, b, was)));
            }
        }
        return new Comparison(before, after, areas,
                new AreaDelta("total", before.total().name(), 0, before.total(), after.total()), changed);
    }

    private static double points(Question q, Response r, Map<String, Response> all) {
        if (!q.scored() || !Scores.applies(q, all) || !(r instanceof Response.Chosen c)) {
            return 0;
        }
        Choice choice = q.answerSet().find(c.key()).orElse(null);
        return choice == null || choice.value() == null ? 0 : q.weight() * choice.value();
    }
}
