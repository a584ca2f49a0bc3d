package dev.mamori.server.assess;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.assess.AssessException;
import dev.mamori.assess.Assessment;
import dev.mamori.report.Message;
import dev.mamori.server.web.ApiErrors;
import dev.mamori.server.web.ConflictException;
import dev.mamori.server.web.InvalidInputException;
import dev.mamori.server.web.Languages;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Assessments over REST, for scripts that fill them in: list, start, read the working answers, save one answer, submit
 * a round (the same checks as the pages), and a round's scores as the command line's JSON report.
 */
@RestController
@ApiErrors.Api
@RequestMapping("/api/assessments")
class AssessmentApi {

    /** A new assessment: {@code source} as {@code GET /api/assessments/sources} lists it. */
    record Create(String source, String title, String organisation, String system, Long dataset) {
    }

    /**
     * One answer: a choice's key, a list of keys for a multiple choice, or text; null removes it. {@code seen}: when
     * the answer the caller last read was saved ("" for none), to refuse overwriting someone else's later save.
     */
    record Put(JsonNode answer, String comment, String seen) {
    }

    record Submit(String reason) {
    }

    private final AssessmentService service;

    AssessmentApi(AssessmentService service) {
        this.service = service;
    }

    @GetMapping
    List<Map<String, Object>> list() {
        return service.list().stream().map(AssessmentApi::header).toList();
    }

    @GetMapping("/sources")
    List<AssessmentService.Source> sources(Locale locale) {
        return service.sources(Languages.of(locale));
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@RequestBody Create c, Principal who, Locale locale) {
        Map<String, Message> problems = new LinkedHashMap<>();
        long id = service.create(c.source(), c.title(), c.organisation(), c.system(), c.dataset(), who.getName(), problems);
        fail(problems, locale);
        return ResponseEntity.status(HttpStatus.CREATED).body(get(id));
    }

    /** The assessment with its working answers (as saved: JSON of the answer, comment, who and when), plan and rounds. */
    @GetMapping("/{id}")
    Map<String, Object> get(@PathVariable long id) {
        AssessmentService.Working w = service.working(id);
        Map<String, Object> out = header(w.header());
        out.put("questionnaire_version", w.questionnaire().version());
        Map<String, Object> answers = new LinkedHashMap<>();
        w.saved().forEach((q, s) -> {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("answer", w.responses().containsKey(q) ? value(w.responses().get(q)) : null);
            a.put("applies", w.questionnaire().question(q).map(w::applies).orElse(false));
            a.put("comment", s.comment());
            a.put("updated_by", s.updatedBy());
            a.put("updated_at", s.updatedAt().toString());
            answers.put(q, a);
        });
        out.put("answers", answers);
        out.put("plan", new ArrayList<>(w.plan().values()));
        out.put("revisions", service.revisions(id));
        return out;
    }

    @PutMapping("/{id}/answers/{question}")
    Map<String, Object> answer(@PathVariable long id, @PathVariable String question, @RequestBody Put p, Principal who, Locale locale) {
        List<String> values = new ArrayList<>();
        JsonNode a = p.answer();
        if (a != null && a.isArray()) {
            a.forEach(v -> values.add(v.asText()));
        } else if (a != null && !a.isNull()) {
            values.add(a.asText());
        }
        AssessmentService.Saved s = service.saveAnswer(id, question, values, p.comment(), p.seen(), who.getName());
        if (s.problem() != null) {
            if (s.conflict()) {
                throw new ConflictException("answer", id + "/" + question);
            }
            throw new InvalidInputException(List.of(new InvalidInputException.FieldProblem("answer", s.problem().in(Languages.of(locale)))));
        }
        return get(id);
    }

    /** Submits the working copy as the next round; 400 with each problem by question when it cannot be. */
    @PostMapping("/{id}/submit")
    ResponseEntity<Map<String, Object>> submit(@PathVariable long id, @RequestBody(required = false) Submit body, Principal who, Locale locale) {
        try {
            int r = service.submit(id, body == null ? null : body.reason(), Languages.of(locale), who.getName());
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("revision", r, "score", "/api/assessments/" + id + "/revisions/" + r));
        } catch (AssessException e) {
            throw new InvalidInputException(e.problems().stream()
                    .map(x -> new InvalidInputException.FieldProblem(x.questionId() == null ? "answers" : "answers." + x.questionId(),
                            x.text().in(Languages.of(locale))))
                    .toList());
        }
    }

    /** A round's scores: the command line's JSON report ({@code mamori assess score --json}). */
    @GetMapping(value = "/{id}/revisions/{r}", produces = MediaType.APPLICATION_JSON_VALUE)
    String revision(@PathVariable long id, @PathVariable int r) {
        return dev.mamori.assess.ReportJson.score(Assessment.score(service.revision(id, r)));
    }

    private static Object value(dev.mamori.assess.Response r) {
        return r instanceof dev.mamori.assess.Response.Chosen c ? c.key()
                : r instanceof dev.mamori.assess.Response.Checked c ? c.keys()
                : ((dev.mamori.assess.Response.Written) r).text();
    }

    private static Map<String, Object> header(AssessmentStore.Header h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", h.id());
        m.put("questionnaire", h.questionnaire());
        m.put("title", h.title());
        m.put("organisation", h.organisation());
        m.put("system", h.systemName());
        m.put("dataset", h.datasetId());
        m.put("revisions", h.revisions());
        m.put("updated_at", h.updatedAt().toString());
        m.put("updated_by", h.updatedBy());
        return m;
    }

    private static void fail(Map<String, Message> problems, Locale locale) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.entrySet().stream()
                    .map(e -> new InvalidInputException.FieldProblem(e.getKey(), e.getValue().in(Languages.of(locale)))).toList());
        }
    }
}
