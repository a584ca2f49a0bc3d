package dev.mamori.server.assess;

import dev.mamori.assess.Answers;
import dev.mamori.assess.Area;
import dev.mamori.assess.AssessException;
import dev.mamori.assess.Assessment;
import dev.mamori.assess.Question;
import dev.mamori.assess.ScoreSheet;
import dev.mamori.report.Message;
import dev.mamori.server.web.Languages;
import dev.mamori.server.web.NotFoundException;
import java.io.IOException;
import java.security.Principal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Assessments in the browser: start one, answer it one area a page (each answer saved as it changes), attach
 * evidence, plan improvements, submit a round (a privacy officer), and see its scores, the comparison of two rounds
 * and, for a PIA, the 変更箇所 between them, with the CLI's HTML, PDF, XLSX and JSON reports to download.
 */
@Controller
@RequestMapping("/assessments")
class AssessmentPages {

    private final AssessmentService service;
    private final AssessmentReports reports;

    AssessmentPages(AssessmentService service, AssessmentReports reports) {
        this.service = service;
        this.reports = reports;
    }

    @GetMapping
    String list(@RequestParam(required = false) Long dataset, @RequestParam(required = false) String source, Locale locale, Model model) {
        model.addAttribute("assessments", service.list());
        model.addAttribute("sources", service.sources(Languages.of(locale)));
        model.addAttribute("form", Map.of("dataset", dataset == null ? "" : dataset.toString(), "source", source == null ? "" : source));
        model.addAttribute("problems", Map.of());
        return "assess/list";
    }

    @PostMapping
    String create(@RequestParam(required = false) String source, @RequestParam(required = false) String title,
                  @RequestParam(required = false) String organisation, @RequestParam(required = false) String system,
                  @RequestParam(required = false) String dataset, Principal who, Locale locale, Model model) {
        Map<String, Message> problems = new LinkedHashMap<>();
        Long datasetId = null;
        if (dataset != null && !dataset.isBlank()) {
            if (dataset.strip().matches("\\d{1,18}")) {
                datasetId = Long.parseLong(dataset.strip());
            } else {
                problems.put("dataset", new Message("台帳の番号（数字）を入力してください", "give the dataset's number"));
            }
        }
        long id = problems.isEmpty() ? service.create(source, title, organisation, system, datasetId, who.getName(), problems) : 0;
        if (!problems.isEmpty()) {
            model.addAttribute("assessments", service.list());
            model.addAttribute("sources", service.sources(Languages.of(locale)));
            Map<String, String> form = new HashMap<>();
            form.put("source", source);
            form.put("title", title);
            form.put("organisation", organisation);
            form.put("system", system);
            form.put("dataset", dataset);
            model.addAttribute("form", form);
            model.addAttribute("problems", Languages.shown(problems, locale));
            return "assess/list";
        }
        return "redirect:/assessments/" + id;
    }

    @GetMapping("/{id}")
    String overview(@PathVariable long id, Locale locale, Model model) {
        AssessmentService.Working w = service.working(id);
        model.addAttribute("w", w);
        model.addAttribute("view", new AssessmentView(w, Languages.of(locale)));
        model.addAttribute("revisions", service.revisions(id));
        return "assess/overview";
    }

    @GetMapping("/{id}/areas/{n}")
    String area(@PathVariable long id, @PathVariable int n, Locale locale, Model model) {
        AssessmentService.Working w = service.working(id);
        List<Area> areas = w.questionnaire().areas();
        if (n < 1 || n > areas.size()) {
            throw new NotFoundException("area", n);
        }
        model.addAttribute("w", w);
        model.addAttribute("view", new AssessmentView(w, Languages.of(locale)));
        model.addAttribute("area", areas.get(n - 1));
        model.addAttribute("n", n);
        model.addAttribute("count", areas.size());
        return "assess/area";
    }

    /** One question's answer and comment: from the page's autosave (htmx, answered with its status) or a plain form post. */
    @PostMapping("/{id}/answers/{question}")
    String answer(@PathVariable long id, @PathVariable String question, @RequestParam(name = "value", required = false) List<String> values,
                  @RequestParam(required = false) String comment, @RequestParam(required = false) String seen,
                  @RequestHeader(name = "HX-Request", required = false) String htmx,
                  Principal who, Locale locale, Model model, RedirectAttributes flash) {
        AssessmentService.Saved saved = service.saveAnswer(id, question, values, comment, seen, who.getName());
        AssessmentService.Working before = saved.before();
        String problem = saved.problem() == null ? null : saved.problem().in(Languages.of(locale));
        if (htmx == null) {
            if (problem != null) {
                flash.addFlashAttribute("answerProblems", Map.of(question, problem));
            }
            return "redirect:/assessments/" + id + "/areas/" + areaOf(before, question) + "#q-" + question;
        }
        AssessmentService.Working after = saved.working();
        // the questions whose applies_when turned with this answer are sent again, shown or hidden
        List<Question> turned = after.questionnaire().questions().values().stream()
                .filter(q -> before.applies(q) != after.applies(q) && areaOf(after, q.id()) == areaOf(after, question))
                .toList();
        model.addAttribute("w", after);
        model.addAttribute("view", new AssessmentView(after, Languages.of(locale)));
        model.addAttribute("question", question);
        model.addAttribute("problem", problem);
        model.addAttribute("turned", turned);
        return "assess/question :: saved";
    }

    @PostMapping("/{id}/plan/{question}")
    String plan(@PathVariable long id, @PathVariable String question, @RequestParam(required = false) String action,
                @RequestParam(required = false) String owner, @RequestParam(required = false) String due,
                @RequestParam(required = false) String difficulty, @RequestParam(required = false) String expected,
                Principal who, Locale locale, RedirectAttributes flash) {
        Map<String, Message> problems = new LinkedHashMap<>();
        service.savePlan(id, question, action, owner, due, difficulty, expected, who.getName(), problems);
        if (!problems.isEmpty()) {
            flash.addFlashAttribute("planProblems", Map.of(question, Languages.shown(problems, locale)));
        }
        return "redirect:/assessments/" + id + "/areas/" + areaOf(service.working(id), question) + "#q-" + question;
    }

    @PostMapping("/{id}/evidence/{question}")
    String evidence(@PathVariable long id, @PathVariable String question, @RequestParam(required = false) MultipartFile file, Principal who)
            throws IOException {
        if (file != null && !file.isEmpty()) {
            service.addEvidence(id, question, file.getOriginalFilename(), file.getContentType(), file.getBytes(), who.getName());
        }
        return "redirect:/assessments/" + id + "/areas/" + areaOf(service.working(id), question) + "#q-" + question;
    }

    /** An evidence file, always as a download (never shown inline, whatever its type). */
    @GetMapping("/{id}/evidence/{evidence}/file")
    ResponseEntity<byte[]> evidenceFile(@PathVariable long id, @PathVariable long evidence) {
        String name = service.working(id).evidence().stream().filter(e -> e.id() == evidence).findFirst()
                .orElseThrow(() -> new NotFoundException("evidence", evidence)).fileName();
        byte[] data = service.evidence(id, evidence).orElseThrow(() -> new NotFoundException("evidence", evidence));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(data);
    }

    @PostMapping("/{id}/submit")
    String submit(@PathVariable long id, @RequestParam(required = false) String reason, Principal who, Locale locale, RedirectAttributes flash) {
        try {
            int r = service.submit(id, reason, Languages.of(locale), who.getName());
            return "redirect:/assessments/" + id + "/revisions/" + r;
        } catch (AssessException e) {
            AssessmentService.Working w = service.working(id);
            AssessmentView view = new AssessmentView(w, Languages.of(locale));
            flash.addFlashAttribute("submitProblems", e.problems().stream().map(p -> view.issue(p)).toList());
            return "redirect:/assessments/" + id;
        }
    }

    @GetMapping("/{id}/draft")
    String draft(@PathVariable long id, Locale locale, Model model) {
        AssessmentService.Working w = service.working(id);
        return result(w, Assessment.score(w.answers(Languages.of(locale))), 0, locale, model);
    }

    @GetMapping("/{id}/revisions/{r}")
    String revision(@PathVariable long id, @PathVariable int r, Locale locale, Model model) {
        AssessmentService.Working w = service.working(id);
        return result(w, Assessment.score(service.revision(id, r)), r, locale, model);
    }

    private String result(AssessmentService.Working w, ScoreSheet s, int revision, Locale locale, Model model) {
        model.addAttribute("w", w);
        model.addAttribute("view", new AssessmentView(w, Languages.of(locale)));
        model.addAttribute("s", s);
        model.addAttribute("revision", revision);
        model.addAttribute("revisions", service.revisions(w.header().id()));
        return "assess/result";
    }

    @GetMapping("/{id}/compare")
    String compare(@PathVariable long id, @RequestParam int from, @RequestParam int to, Locale locale, Model model) {
        AssessmentService.Working w = service.working(id);
        Answers a = service.revision(id, from);
        Answers b = service.revision(id, to);
        model.addAttribute("w", w);
        model.addAttribute("view", new AssessmentView(w, Languages.of(locale)));
        model.addAttribute("c", Assessment.compare(a, b));
        model.addAttribute("changes", "form".equals(w.questionnaire().kind()) ? Assessment.changes(a, b, Languages.of(locale)) : null);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "assess/compare";
    }

    /** The command line's reports of a round (0: the working copy): html, pdf, xlsx, json, and the answers file itself. */
    @GetMapping("/{id}/revisions/{r}/{file:report\\.html|report\\.pdf|report\\.xlsx|report\\.json|answers\\.yaml}")
    ResponseEntity<byte[]> report(@PathVariable long id, @PathVariable int r, @PathVariable String file, Locale locale) throws IOException {
        if ("answers.yaml".equals(file)) {
            return AssessmentReports.download(service.revisionYaml(id, r).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    AssessmentService.fileName(id, r), "application/yaml;charset=UTF-8");
        }
        Answers a = r == 0 ? service.working(id).answers(Languages.of(locale)) : service.revision(id, r);
        return reports.score(Assessment.score(a), file.substring(file.indexOf('.') + 1), "assessment-" + id + (r == 0 ? "-draft" : "-r" + r),
                Languages.of(locale));
    }

    @GetMapping("/{id}/{kind:compare|changes}.{format:html|pdf|xlsx|json}")
    ResponseEntity<byte[]> comparison(@PathVariable long id, @PathVariable String kind, @PathVariable String format, @RequestParam int from,
                                      @RequestParam int to, Locale locale) throws IOException {
        Answers a = service.revision(id, from);
        Answers b = service.revision(id, to);
        String name = "assessment-" + id + "-" + kind + "-r" + from + "-r" + to;
        return "compare".equals(kind) ? reports.compare(Assessment.compare(a, b), format, name, Languages.of(locale))
                : reports.changes(Assessment.changes(a, b, Languages.of(locale)), b.questionnaire(), format, name, Languages.of(locale));
    }

    @GetMapping("/questionnaires")
    String questionnaires(Model model) {
        model.addAttribute("uploaded", service.uploaded());
        return "assess/questionnaires";
    }

    @PostMapping("/questionnaires")
    String upload(@RequestParam(required = false) MultipartFile file, Principal who, Locale locale, Model model, RedirectAttributes flash)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("uploaded", service.uploaded());
            model.addAttribute("uploadProblems", List.of(new Message("ファイルを選んでください", "choose a file").in(Languages.of(locale))));
            return "assess/questionnaires";
        }
        try {
            service.upload(file.getOriginalFilename() == null ? "questionnaire.yaml" : file.getOriginalFilename(), file.getBytes(), who.getName());
            flash.addFlashAttribute("uploadedOk", true);
            return "redirect:/assessments/questionnaires";
        } catch (AssessException e) {
            model.addAttribute("uploaded", service.uploaded());
            model.addAttribute("uploadProblems", e.problems().stream().map(p -> p.in(Languages.of(locale))).toList());
            return "assess/questionnaires";
        }
    }

    /** The number (from 1) of the top-level area holding a question. */
    static int areaOf(AssessmentService.Working w, String questionId) {
        List<Area> areas = w.questionnaire().areas();
        for (int i = 0; i < areas.size(); i++) {
            if (areas.get(i).allQuestions().stream().anyMatch(q -> q.id().equals(questionId))) {
                return i + 1;
            }
        }
        throw new NotFoundException("question", questionId);
    }

}
