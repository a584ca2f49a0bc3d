package dev.mamori.assess;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.report.Json;
import java.util.List;
import java.util.Map;

/**
 * Self-assessment results as JSON for other programs: snake_case names, numbers as numbers
 * (whole numbers without a fraction, percentages to two decimals, null when nothing is scored),
 * texts in the form's language (Japanese) with the English beside them as {@code *_en} where the
 * questionnaire gives it.
 */
public final class ReportJson {

    /** Characters of a changed text shown around its change. */
    static final int WINDOW = 80;

    private ReportJson() {
    }

    /** The score: questionnaire, meta, areas, total, answer counts, computed results, plan, deficiencies and failed checks (findings). */
    public static String score(ScoreSheet s) {
        Questionnaire q = s.questionnaire();
        Answers a = s.answers();
        boolean plan = s.hasPlan();
        ObjectNode root = Json.object();
        root.set("questionnaire", questionnaire(q));
        root.put("answered_version", a.answeredVersion());
        root.put("file", a.file());
        root.set("meta", meta(a.meta()));
        ArrayNode areas = root.putArray("areas");
        s.areas().forEach(x -> areas.add(area(x, plan)));
        root.set("total", area(s.total(), plan));
        root.set("answer_counts", counts(s.total().counts()));
        if (plan) {
            root.set("planned_answer_counts", counts(s.total().plannedCounts()));
        }
        root.set("computed", computed(s.computed()));
        if (plan) {
            root.set("planned_computed", computed(s.plannedComputed()));
        }
        ArrayNode items = root.putArray("plan");
        for (PlanItem p : a.plan()) {
            Question question = q.question(p.questionId()).orElse(null);
            ObjectNode n = items.addObject().put("question", p.questionId());
            if (question != null) {
                label(n, "text", question.text());
                Answer current = a.answers().get(question.id());
                n.put("current", current == null ? null : current.choiceKey());
                n.put("current_label", current == null ? null : Render.response(question, current.response(), "ja"));
                n.put("expected", p.expected());
                n.put("expected_label", Render.response(question, new Response.Chosen(p.expected()), "ja"));
            } else {
                n.put("expected", p.expected());
            }
            n.put("action", p.action()).put("owner", p.owner()).put("due", p.due())
                    .put("difficulty", p.difficulty() == null ? null : p.difficulty().label("en"));
        }
        ArrayNode def = root.putArray("deficiencies");
        for (ScoreSheet.Deficiency d : s.deficiencies()) {
            ObjectNode n = def.addObject().put("question", d.question().id());
            label(n, "text", d.question().text());
            n.put("answer", d.answer() == null ? null : d.answer().choiceKey());
            n.put("answer_label", d.answer() == null ? null : Render.response(d.question(), d.answer().response(), "ja"));
            n.put("planned", d.plan() != null);
            Question.Hint hint = d.question().hint();
            if (hint != null && hint.action() != null) {
                label(n, "hint", hint.action());
            }
            if (hint != null && hint.difficulty() != null) {
                n.put("hint_difficulty", hint.difficulty().label("en"));
            }
        }
        ArrayNode findings = root.putArray("findings");
        for (Check c : s.findings()) {
            ObjectNode n = findings.addObject().put("id", c.id());
            label(n, "message", c.message());
            n.put("source", c.source());
        }
        return write(root);
    }

    /** The comparison: each area and the total before and after, the computed results, and every changed answer. */
    public static String compare(Comparison c) {
        Questionnaire q = c.after().questionnaire();
        ObjectNode root = Json.object();
        root.set("questionnaire", questionnaire(q));
        root.set("before", side(c.before()));
        root.set("after", side(c.after()));
        ArrayNode areas = root.putArray("areas");
        c.areas().forEach(d -> areas.add(delta(d)));
        root.set("total", delta(c.total()));
        ObjectNode computed = root.putObject("computed");
        for (Computed k : q.computed()) {
            ObjectNode n = computed.putObject(k.id());
            n.set("before", choice(c.before().computed().get(k.id())));
            n.set("after", choice(c.after().computed().get(k.id())));
        }
        ArrayNode changed = root.putArray("changed");
        for (Comparison.ChangedAnswer ch : c.changed()) {
            ObjectNode n = changed.addObject().put("question", ch.question().id());
            if (ch.question().ref() != null) {
                n.put("ref", ch.question().ref());
            }
            label(n, "text", ch.question().text());
            n.set("before", response(ch.question(), ch.before()));
            n.set("after", response(ch.question(), ch.after()));
            n.put("scored", ch.question().scored());
            number(n, "delta", ch.delta());
        }
        return write(root);
    }

    /**
     * A form's change history (変更箇所): {@code {"changes": [{date, item, before, after, changed_before, changed_after,
     * timing, timing_label, explanation}]}}; {@code changed_before}/{@code changed_after} are the changed part with a
     * little context ({@link TextChange#window}), the whole text when it is short.
     */
    public static String changes(List<ChangeEntry> entries) {
        ObjectNode root = Json.object();
        ArrayNode list = root.putArray("changes");
        for (ChangeEntry e : entries) {
            TextChange c = e.change();
            list.addObject().put("date", e.date()).put("item", e.item()).put("before", e.before()).put("after", e.after())
                    .put("changed_before", c.window(false, WINDOW)).put("changed_after", c.window(true, WINDOW))
                    .put("timing", e.timingLabel("en")).put("timing_label", e.timingLabel("ja")).put("explanation", e.explanation());
        }
        return write(root);
    }

    // ---- parts ----

    private static ObjectNode questionnaire(Questionnaire q) {
        ObjectNode n = Json.object().put("id", q.id()).put("version", q.version());
        label(n, "title", q.title());
        n.put("kind", q.isForm() ? "form" : "scored");
        return n;
    }

    private static ObjectNode meta(Answers.Meta m) {
        ObjectNode n = Json.object();
        if (m != null) {
            putIf(n, "organisation", m.organisation());
            putIf(n, "system", m.system());
            putIf(n, "date", m.date());
            putIf(n, "assessor", m.assessor());
            putIf(n, "revision_reason", m.revisionReason());
            putIf(n, "after_reason", m.afterReason());
        }
        return n;
    }

    private static ObjectNode area(AreaScore a, boolean plan) {
        ObjectNode n = Json.object().put("id", a.id());
        label(n, "name", a.name());
        n.put("depth", a.depth());
        number(n, "score", a.score());
        number(n, "max", a.max());
        number(n, "nominal_max", a.nominalMax());
        percent(n, "percent", a.percent());
        n.set("rating", rating(a.rating()));
        n.set("answer_counts", counts(a.counts()));
        if (plan) {
            number(n, "planned_score", a.plannedScore());
            percent(n, "planned_percent", a.plannedPercent());
            n.set("planned_rating", rating(a.plannedRating()));
            n.set("planned_answer_counts", counts(a.plannedCounts()));
        }
        return n;
    }

    private static ObjectNode side(ScoreSheet s) {
        ObjectNode n = Json.object().put("file", s.answers().file()).put("answered_version", s.answers().answeredVersion());
        n.set("meta", meta(s.answers().meta()));
        return n;
    }

    private static ObjectNode delta(Comparison.AreaDelta d) {
        ObjectNode n = Json.object().put("id", d.id());
        label(n, "name", d.name());
        n.put("depth", d.depth());
        n.set("before", brief(d.before()));
        n.set("after", brief(d.after()));
        number(n, "delta", d.delta());
        return n;
    }

    private static ObjectNode brief(AreaScore a) {
        ObjectNode n = Json.object();
        number(n, "score", a.score());
        number(n, "max", a.max());
        percent(n, "percent", a.percent());
        n.set("rating", rating(a.rating()));
        return n;
    }

    private static ObjectNode response(Question q, Response r) {
        ObjectNode n = Json.object();
        if (r == null) {
            n.putNull("value");
        } else if (r instanceof Response.Chosen c) {
            n.put("value", c.key());
        } else if (r instanceof Response.Checked c) {
            ArrayNode keys = n.putArray("value");
            c.keys().forEach(keys::add);
        } else {
            n.put("value", ((Response.Written) r).text());
        }
        n.put("label", Render.response(q, r, "ja"));
        return n;
    }

    private static ObjectNode counts(Map<String, Integer> counts) {
        ObjectNode n = Json.object();
        counts.forEach(n::put);
        return n;
    }

    private static ObjectNode computed(Map<String, Choice> results) {
        ObjectNode n = Json.object();
        results.forEach((id, c) -> n.set(id, choice(c)));
        return n;
    }

    private static ObjectNode choice(Choice c) {
        if (c == null) {
            return null;
        }
        ObjectNode n = Json.object().put("key", c.key());
        label(n, "label", c.label());
        return n;
    }

    private static ObjectNode rating(RatingBand r) {
        if (r == null) {
            return null;
        }
        ObjectNode n = Json.object().put("key", r.key());
        label(n, "label", r.label());
        n.put("color", r.color());
        return n;
    }

    /** {@code name}: the Japanese (or only) text; {@code name_en}: the English, when it differs. */
    private static void label(ObjectNode n, String name, Label l) {
        n.put(name, l.in("ja"));
        String en = l.in("en");
        if (!en.isEmpty() && !en.equals(l.in("ja"))) {
            n.put(name + "_en", en);
        }
    }

    private static void putIf(ObjectNode n, String name, String value) {
        if (value != null) {
            n.put(name, value);
        }
    }

    /** Whole numbers as integers (12, not 12.0). */
    private static void number(ObjectNode n, String name, double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-9 && Math.abs(v) < 1e15) {
            n.put(name, Math.round(v));
        } else {
            n.put(name, v);
        }
    }

    private static void percent(ObjectNode n, String name, Double p) {
        if (p == null) {
            n.putNull(name);
        } else {
            number(n, name, Math.round(p * 100) / 100.0);
        }
    }

    private static String write(ObjectNode root) {
        return Json.write(root);
    }
}
