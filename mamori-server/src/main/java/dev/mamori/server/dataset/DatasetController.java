package dev.mamori.server.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.server.web.ConflictException;
import dev.mamori.server.web.Downloads;
import java.io.IOException;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The 個人データ台帳 in the browser: list, detail with history, create, edit, import of a scan report, export. */
@Controller
@RequestMapping("/datasets")
class DatasetController {

    private final DatasetService service;
    private final ObjectMapper json;
    private final SpringValidatorAdapter validator;
    private final dev.mamori.server.assess.AssessmentService assessments;

    DatasetController(DatasetService service, ObjectMapper json, SpringValidatorAdapter validator,
                      dev.mamori.server.assess.AssessmentService assessments) {
        this.service = service;
        this.assessments = assessments;
        this.json = json;
        this.validator = validator;
    }

    /** The APPI categories in the order of the law, for the item rows' choice. */
    @ModelAttribute("categories")
    List<String> categories() {
        return List.of("SPECIAL_CARE_REQUIRED", "IDENTIFICATION_CODE", "PERSONAL_INFORMATION", "CORPORATE");
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "updated") String sort,
                @RequestParam(defaultValue = "true") boolean desc, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("page", service.list(q, sort, desc, page, 25));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("sort", DatasetRepository.SORTS.containsKey(sort) ? sort : "updated");
        model.addAttribute("desc", desc);
        return "dataset/list";
    }

    @GetMapping("/new")
    String create(Model model) {
        model.addAttribute("form", new DatasetForm().withBlankRows());
        return "dataset/form";
    }

    @PostMapping
    String create(@ModelAttribute("form") DatasetForm form, BindingResult errors, RedirectAttributes flash) {
        DatasetInput in = check(form, errors);
        if (in == null) {
            return "dataset/form";
        }
        DatasetService.Saved s = service.create(in, null);
        flash.addFlashAttribute("saved", true);
        return "redirect:/datasets/" + s.dataset().id();
    }

    /** A questionnaire a dataset's assessment can start from: its source value (as the new-assessment form takes it) and its title. */
    record Form(String source, dev.mamori.assess.Label title) {
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        Dataset d = service.get(id);
        model.addAttribute("dataset", d);
        // the forms the threshold assessment requires of a 特定個人情報ファイル; the APPI checklist for any other dataset
        List<String> forms = d.threshold() != null ? d.threshold().forms() : d.specificPersonalInformationFile() ? List.of() : List.of("appi-checklist");
        model.addAttribute("forms", forms.stream().map(f -> new Form("bundled:" + f, dev.mamori.assess.Questionnaire.bundled(f).title())).toList());
        model.addAttribute("history", service.history(id));
        model.addAttribute("assessments", assessments.forDataset(id));
        return "dataset/detail";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Dataset d = service.get(id);
        model.addAttribute("form", DatasetForm.of(DatasetInput.of(d)));
        model.addAttribute("id", id);
        return "dataset/form";
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute("form") DatasetForm form, BindingResult errors, Model model,
                  RedirectAttributes flash) {
        model.addAttribute("id", id);
        DatasetInput in = check(form, errors);
        if (in == null) {
            return "dataset/form";
        }
        try {
            DatasetService.Saved s = service.update(id, in);
            flash.addFlashAttribute("saved", true);
            if (s.movedBand()) {
                flash.addFlashAttribute("bandBefore", s.before());
            }
            return "redirect:/datasets/" + id;
        } catch (ConflictException e) {
            model.addAttribute("conflict", true);
            return "dataset/form";
        }
    }

    @GetMapping("/import")
    String importForm() {
        return "dataset/import";
    }

    @PostMapping("/import")
    String importReport(@RequestParam String name, @RequestParam String purpose, @RequestParam MultipartFile report, Model model)
            throws IOException {
        ScanReportImport.Result r = null;
        try {
            r = ScanReportImport.read(report.getBytes(), json);
        } catch (ScanReportImport.NotAScanReport e) {
            model.addAttribute("reportProblem", e.getMessage());
        }
        DatasetInput in = new DatasetInput(name, purpose, null, null, null, null, null, null, null, null, null, r == null ? List.of() : r.items(), null, null);
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(in, "dataset");
        validator.validate(in, errors);
        if (errors.hasErrors() || r == null) {
            model.addAttribute("missing", errors.getFieldErrors().stream().map(FieldError::getField).toList());
            model.addAttribute("name", name);
            model.addAttribute("purpose", purpose);
            return "dataset/import";
        }
        return "redirect:/datasets/" + service.create(in, r.evidence()).dataset().id();
    }

    @GetMapping("/{id}/evidence.json")
    ResponseEntity<byte[]> evidence(@PathVariable long id) {
        String e = service.evidence(id).orElseThrow(() -> new dev.mamori.server.web.NotFoundException("evidence", id));
        return Downloads.attachment(e.getBytes(java.nio.charset.StandardCharsets.UTF_8), "scan-report-" + id + ".json", Downloads.JSON);
    }

    @GetMapping("/export.{format:csv|xlsx}")
    ResponseEntity<byte[]> export(@PathVariable String format) throws IOException {
        return DatasetExport.file(service.export(format), format);
    }

    /** The form as input, or null when a field is wrong (the errors are in {@code errors}; blank item rows are offered again). */
    private DatasetInput check(DatasetForm form, BindingResult errors) {
        DatasetInput in = null;
        if (!errors.hasErrors()) {
            in = form.toInput();
            validator.validate(in, errors);
        }
        if (errors.hasErrors()) {
            form.withBlankRows();
            return null;
        }
        return in;
    }
}
