package dev.mamori.server.survey;

import dev.mamori.assess.Question;
import dev.mamori.assess.Questionnaire;
import dev.mamori.assess.Response;
import dev.mamori.assess.SurveyTables;
import dev.mamori.report.Message;
import dev.mamori.report.Pdf;
import dev.mamori.risk.PublishedTable;
import dev.mamori.server.assess.AssessmentService;
import dev.mamori.server.web.Languages;
import dev.mamori.server.web.NotFoundException;
import dev.mamori.table.WholeTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Surveys for those who run them: open one on a questionnaire, make answer links, enter paper forms from a CSV, close
 * it, and tabulate its answers by any two choice questions (or by round, across the surveys of one questionnaire) as
 * cross tables with small cells suppressed, downloadable as CSV, XLSX, JSON and PDF.
 */
@Controller
@RequestMapping("/surveys")
class SurveyPages {

    /** The dimension that puts the rounds (the surveys of one questionnaire) side by side. */
    static final String ROUND = "_round";

    private final SurveyService surveys;
    private final AssessmentService assessments;
    private final org.springframework.core.env.Environment env;

    SurveyPages(SurveyService surveys, AssessmentService assessments, org.springframework.core.env.Environment env) {
        this.surveys = surveys;
        this.assessments = assessments;
        this.env = env;
    }

    @GetMapping
    String list(Locale locale, Model model) {
        model.addAttribute("surveys", surveys.list());
        model.addAttribute("sources", assessments.sources(Languages.of(locale)));
        model.addAttribute("form", Map.of("source", "bundled:internet-use-survey", "k", "10"));
        model.addAttribute("problems", Map.of());
        return "survey/list";
    }

    @PostMapping
    String create(@RequestParam(required = false) String source, @RequestParam(required = false) String title,
                  @RequestParam(required = false) String round, @RequestParam(required = false) String k, Principal who, Locale locale, Model model) {
        Map<String, Message> problems = new LinkedHashMap<>();
        int min = k != null && k.strip().matches("\\d{1,4}") ? Integer.parseInt(k.strip()) : -1;
        long id = surveys.create(source, title, round, min, who.getName(), problems);
        if (!problems.isEmpty()) {
            model.addAttribute("surveys", surveys.list());
            model.addAttribute("sources", assessments.sources(Languages.of(locale)));
            Map<String, String> form = new HashMap<>();
            form.put("source", source);
            form.put("title", title);
            form.put("round", round);
            form.put("k", k);
            model.addAttribute("form", form);
            model.addAttribute("problems", Languages.shown(problems, locale));
            return "survey/list";
        }
        return "redirect:/surveys/" + id;
    }

    /** The survey, and a table when rows and columns are chosen. */
    @GetMapping("/{id}")
    String detail(@PathVariable long id, @RequestParam(required = false) String rows, @RequestParam(required = false) String columns,
                  @RequestParam(required = false) List<Long> include, Locale locale, Model model) {
        SurveyService.Survey s = surveys.get(id);
        Questionnaire q = surveys.questionnaire(s);
        String lang = Languages.of(locale);
        model.addAttribute("s", s);
        model.addAttribute("q", q);
        model.addAttribute("title", q.title().in(lang));
        model.addAttribute("dimensions", dimensions(q, lang));
        model.addAttribute("siblings", surveys.siblings(s));
        model.addAttribute("include", include == null ? List.of(id) : include);
        model.addAttribute("rows", rows);
        model.addAttribute("columns", columns);
        model.addAttribute("k", s.k());
        if (rows != null && columns != null) {
            if (pooled(include, rows, columns)) {
                model.addAttribute("tableProblem", new Message("複数の回を合わせた表は、回を行か列にしたときだけ作れます"
                        + "（回ごとの表との差から小さなセルが求められるため）", "tables of several rounds together need the round as rows or columns"
                        + " (their difference from each round's table would give small cells back)").in(lang));
                return "survey/detail";
            }
            try {
                model.addAttribute("table", table(s, q, rows, columns, include, lang));
            } catch (IllegalArgumentException e) {
                model.addAttribute("tableProblem", new Message("この表は作れません（行と列は別の設問で、それぞれ 2 つ以上の区分が必要です。"
                        + "また小さなセルを他の表と同じように秘匿できない場合も作れません）", "this table cannot be made: rows and columns must be"
                        + " different questions with two categories each, and its small cells must be hidden as the other tables hide them").in(lang));
            }
        }
        return "survey/detail";
    }

    @GetMapping("/{id}/table.{format:csv|xlsx|json|pdf}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable String format, @RequestParam String rows, @RequestParam String columns,
                                    @RequestParam(required = false) List<Long> include,
                                    Locale locale) throws IOException {
        SurveyService.Survey s = surveys.get(id);
        Questionnaire q = surveys.questionnaire(s);
        String lang = Languages.of(locale);
        if (pooled(include, rows, columns)) {
            throw new NotFoundException("table", rows + "/" + columns);
        }
        PublishedTable t;
        try {
            t = table(s, q, rows, columns, include, lang);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("table", rows + "/" + columns);
        }
        String name = "survey-" + id + "-" + rows.replace("_", "") + "-" + columns.replace("_", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String type;
        switch (format) {
            case "xlsx" -> {
                t.xlsx(out, lang);
                type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            }
            case "json" -> {
                out.writeBytes(t.json().getBytes(StandardCharsets.UTF_8));
                type = "application/json";
            }
            case "pdf" -> {
                String f = env.getProperty("mamori.pdf-font");
                Pdf.write(t.html(lang, q.title().in(lang), List.of(s.title() + "（k = " + t.k() + "）")), Pdf.font(f == null || f.isBlank() ? null : Path.of(f)), out);
                type = "application/pdf";
            }
            default -> {
                StringWriter w = new StringWriter();
                de.siegmar.fastcsv.writer.CsvWriter csv = dev.mamori.deid.CsvOutput.writer(w, ',');
                csv.writeRecord(t.head(lang));
                t.body(lang).forEach(csv::writeRecord);
                csv.flush();
                out.writeBytes(("\uFEFF" + w).getBytes(StandardCharsets.UTF_8));
                type = "text/csv;charset=UTF-8";
            }
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + "." + format, StandardCharsets.UTF_8).build().toString())
                .body(out.toByteArray());
    }

    /**
     * Several surveys pooled under two questions: refused, since the pooled table minus one survey's own table (both
     * published) is the other's, small cells included. With the round as a dimension each survey keeps its own cells.
     */
    private static boolean pooled(List<Long> include, String rows, String columns) {
        return include != null && include.size() > 1 && !ROUND.equals(rows) && !ROUND.equals(columns);
    }

    private PublishedTable table(SurveyService.Survey s, Questionnaire q, String rows, String columns, List<Long> include, String lang) {
        List<SurveyService.Survey> chosen = surveys.siblings(s).stream()
                .filter(x -> include == null ? x.id() == s.id() : include.contains(x.id())).toList();
        if (chosen.isEmpty()) {
            chosen = List.of(s);
        }
        // never below any included survey's own minimum
        // the surveys' own k, never another: one table suppressed for two k would give hidden cells back
        int min = chosen.stream().mapToInt(SurveyService.Survey::k).max().orElse(s.k());
        return SurveyTables.table(surveys.respondents(chosen), dimension(q, rows, chosen, lang), dimension(q, columns, chosen, lang), min, lang);
    }

    private static SurveyTables.Dimension dimension(Questionnaire q, String id, List<SurveyService.Survey> rounds, String lang) {
        if (ROUND.equals(id)) {
            // by survey: two surveys of one round label stay apart (pooled, either's own table would give the other's cells)
            List<String> labels = rounds.stream().map(r -> rounds.stream().filter(o -> o.round().equals(r.round())).count() > 1
                    ? r.round() + "（#" + r.id() + "）" : r.round()).toList();
            return SurveyTables.groups("en".equals(lang) ? "Round" : "回", rounds.stream().map(r -> Long.toString(r.id())).toList(), labels);
        }
        Question question = q.question(id).filter(x -> x.answerSet() != null)
                .orElseThrow(() -> new IllegalArgumentException("no choice question " + id));
        return SurveyTables.question(question, lang);
    }

    /** What a table can be split by: the round, then every choice question. */
    private static Map<String, String> dimensions(Questionnaire q, String lang) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(ROUND, "en".equals(lang) ? "Round (the surveys included)" : "回（含める調査）");
        q.questions().values().stream().filter(x -> x.answerSet() != null).forEach(x -> out.put(x.id(), x.text().in(lang)));
        return out;
    }

    @PostMapping("/{id}/links")
    ResponseEntity<byte[]> links(@PathVariable long id, @RequestParam(defaultValue = "1") int count) {
        List<String> tokens = surveys.makeLinks(id, count);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/s/").toUriString();
        StringBuilder b = new StringBuilder("\uFEFFurl\r\n");
        tokens.forEach(t -> b.append(base).append(t).append("\r\n"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("survey-" + id + "-links.csv").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/{id}/state")
    String state(@PathVariable long id, @RequestParam boolean open) {
        surveys.setOpen(id, open);
        return "redirect:/surveys/" + id;
    }

    /**
     * Responses from paper forms: a CSV (any encoding Mamori reads) with a header of question ids and one response a
     * line; a multiple choice lists its keys separated by ";". Nothing is kept unless every line is right.
     */
    @PostMapping("/{id}/responses")
    String importResponses(@PathVariable long id, @RequestParam(required = false) MultipartFile file, Principal who, Locale locale,
                           RedirectAttributes flash) throws IOException {
        SurveyService.Survey s = surveys.get(id);
        Questionnaire q = surveys.questionnaire(s);
        String lang = Languages.of(locale);
        List<String> problems = new ArrayList<>();
        List<Map<String, Response>> responses = new ArrayList<>();
        if (file == null || file.isEmpty()) {
            problems.add(new Message("CSV ファイルを選んでください", "choose a CSV file").in(lang));
        } else {
            String given = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().replace('\\', '/').replace("\0", "");
            String name = given.substring(given.lastIndexOf('/') + 1).isBlank() ? "responses.csv" : given.substring(given.lastIndexOf('/') + 1);
            Path tmp = Files.createTempFile("mamori-survey-", ".csv");
            try {
                file.transferTo(tmp);
                WholeTable t = WholeTable.read(tmp);
                for (String h : t.header()) {
                    if (q.question(h).isEmpty()) {
                        problems.add(name + ":1: " + new Message("設問 " + h + " はこの設問票にありません", "no question " + h + " in this questionnaire").in(lang));
                    }
                }
                for (int i = 0; i < t.rows().size() && problems.size() < 50; i++) {
                    String[] row = t.rows().get(i);
                    Map<String, List<String>> form = new HashMap<>();
                    for (int c = 0; c < t.header().size() && c < row.length; c++) {
                        form.put(t.header().get(c), row[c] == null ? List.of() : Arrays.asList(row[c].split(";")));
                    }
                    Map<String, Message> wrong = new LinkedHashMap<>();
                    Map<String, Response> answers = surveys.check(q, form, wrong);
                    int line = i + 2;
                    wrong.forEach((qid, m) -> problems.add(name + ":" + line + ":" + (t.header().indexOf(qid) + 1) + ": " + qid + ": " + m.in(lang)));
                    responses.add(answers);
                }
            } catch (dev.mamori.table.ReadException e) {
                problems.add(name + ": " + e.message(lang));
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        if (problems.isEmpty()) {
            surveys.importResponses(id, responses, who.getName());
            flash.addFlashAttribute("imported", responses.size());
        } else {
            flash.addFlashAttribute("importProblems", problems);
        }
        return "redirect:/surveys/" + id;
    }
}
