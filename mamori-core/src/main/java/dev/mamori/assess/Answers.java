package dev.mamori.assess;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A checked answers file: whom and what it assesses ({@link Meta}), the answers by question id and
 * the improvement plan. Built by {@link Assessment#open}; ids of compatible earlier versions are
 * already mapped to the questionnaire's.
 */
public record Answers(String file, Questionnaire questionnaire, String answeredVersion, Meta meta, Map<String, Answer> answers,
        List<PlanItem> plan) {

    /**
     * Who, what and when. {@code revisionReason} explains the 事前 changes of this version of a PIA;
     * {@code lang} is the language the file was written in ("ja", "en" or null when it does not say).
     */
    public record Meta(String organisation, String system, String date, String assessor, String revisionReason,
            String afterReason, String lang) {
    }

    public Answers {
        answers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answers));
        plan = List.copyOf(plan);
    }

    /** The responses by question id, as conditions and computed items read them. */
    public Map<String, Response> responses() {
        Map<String, Response> out = new LinkedHashMap<>();
        answers.forEach((id, a) -> out.put(id, a.response()));
        return out;
    }

    /** The responses with every plan item's expected answer applied (the what-if). */
    public Map<String, Response> plannedResponses() {
        Map<String, Response> out = responses();
        plan.forEach(p -> out.put(p.questionId(), new Response.Chosen(p.expected())));
        return out;
    }
}
