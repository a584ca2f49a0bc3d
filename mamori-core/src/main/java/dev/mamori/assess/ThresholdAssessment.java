package dev.mamori.assess;

import java.util.List;

import java.util.Map;

/**
 * The threshold assessment (しきい値判断) of a 事務: the 対象人数 band, whether 取扱者数 is 500 or
 * more, whether a 重大事故 occurred in the past year, and the result in the form's wording. The
 * bands and the rule table are data (questions persons, handlers, incident and the computed item
 * threshold_result of the pia-threshold questionnaire); this class only maps numbers onto them.
 */
public record ThresholdAssessment(long persons, long handlers, boolean seriousIncident, Choice personsBand, Choice handlersBand,
        Choice incident, Choice result) {

    static ThresholdAssessment of(Questionnaire q, long persons, long handlers, boolean seriousIncident) {
        if (persons < 0 || handlers < 0) {
            throw new dev.mamori.report.Message.Problem("人数は負にできません", "counts cannot be negative");
        }
        Choice p = band(q, "persons", persons);
        Choice h = band(q, "handlers", handlers);
        Choice i = q.question("incident").orElseThrow().answerSet().find(seriousIncident ? "occurred" : "none").orElseThrow();
        Computed rule = q.computed().stream().filter(c -> c.id().equals("threshold_result")).findFirst().orElseThrow();
        Choice result = rule.evaluate(Map.of("persons", new Response.Chosen(p.key()), "handlers", new Response.Chosen(h.key()),
                "incident", new Response.Chosen(i.key()))).orElseThrow();
        return new ThresholdAssessment(persons, handlers, seriousIncident, p, h, i, result);
    }

    /**
     * The bundled questionnaires of the assessments the result requires, in the order they are done (指針 第5 2: 基礎項目評価
     * always, then 重点項目評価 or 全項目評価 as the result says; none when no assessment is required).
     */
    public List<String> forms() {
        return switch (result.key()) {
            case "basic" -> List.of("pia-basic");
            case "basic_focused" -> List.of("pia-basic", "pia-focused");
            case "basic_full" -> List.of("pia-basic", "pia-full");
            default -> List.of();
        };
    }

    private static Choice band(Questionnaire q, String question, long n) {
        return q.question(question).orElseThrow().answerSet().choices().stream().filter(c -> c.covers(n)).findFirst()
                .orElseThrow(() -> new IllegalStateException(question + ": no band covers " + n));
    }
}
