package dev.mamori.server.register;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.server.web.ConflictException;
import dev.mamori.server.web.InvalidInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A register in the browser: list (search, filter, sort, pages), detail with its deadlines and the history of
 * changes, create, edit (a second save of the same version is refused, not lost), CSV and XLSX export. Each
 * register's controller extends this with its path ({@code @RequestMapping("/provisions")}) and what it adds.
 */
public abstract class RegisterPages<T extends Record & Entry> {

    protected final Register<T> register;
    protected final RegisterService service;
    protected final ObjectMapper json;
    protected final Display show;
    protected final MessageSource messages;

    protected RegisterPages(Register<T> register, RegisterService service, ObjectMapper json, Display show, MessageSource messages) {
        this.register = register;
        this.service = service;
        this.json = json;
        this.show = show;
        this.messages = messages;
    }

    /** A version in the history: who saved it, when, and which fields it changed. */
    public record Change(int version, java.time.Instant at, String by, List<String> fields) {
    }

    /** A link the detail page offers besides edit (an incident's report …). */
    public record Action(String label, String href, String id) {
    }

    @ModelAttribute("reg")
    Register<T> reg() {
        return register;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "all") String state,
                @RequestParam(defaultValue = "updated") String sort, @RequestParam(defaultValue = "true") boolean desc,
                @RequestParam(defaultValue = "0") int page, Model model) {
        Filter filter = filter(state);
        model.addAttribute("page", service.list(register, q, filter, sort, desc, page, 25));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("state", filter.name().toLowerCase(java.util.Locale.ROOT));
        model.addAttribute("sort", RegisterRepository.SORTS.containsKey(sort) ? sort : "updated");
        model.addAttribute("desc", desc);
        model.addAttribute("today", service.today());
        return "register/list";
    }

    @GetMapping("/new")
    String create(Model model) {
        return form(model, defaults(), Map.of());
    }

    /** What the form's values give — deadlines, keeping period, findings — without saving: the form updates it in place (htmx). */
    @PostMapping("/preview")
    String preview(@RequestParam MultiValueMap<String, String> params, Model model) {
        model.addAttribute("derived", derived(FormReader.first(params)));
        model.addAttribute("today", service.today());
        return "register/derived :: derived(derived=${derived}, today=${today})";
    }

    @PostMapping
    String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes flash) {
        Map<String, String> text = FormReader.first(params);
        Read<T> read = read(text);
        if (read.entry() == null) {
            return form(model, text, read.errors());
        }
        try {
            Stored<T> s = service.create(register, read.entry());
            flash.addFlashAttribute("saved", true);
            return "redirect:/" + register.name() + "/" + s.id();
        } catch (InvalidInputException e) {
            return form(model, text, errors(e));
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        Stored<T> s = service.get(register, id);
        model.addAttribute("entry", s);
        model.addAttribute("history", changes(service.history(register, id)));
        model.addAttribute("today", service.today());
        model.addAttribute("actions", actions(s));
        return "register/detail";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Stored<T> s = service.get(register, id);
        model.addAttribute("id", id);
        model.addAttribute("version", s.version());
        return form(model, FormReader.text(register, s.data()), Map.of());
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes flash) {
        Map<String, String> text = FormReader.first(params);
        model.addAttribute("id", id);
        model.addAttribute("version", text.get("version"));
        Read<T> read = read(text);
        if (read.entry() == null) {
            return form(model, text, read.errors());
        }
        try {
            service.update(register, id, Integer.parseInt(Objects.requireNonNullElse(text.get("version"), "0")), read.entry());
            flash.addFlashAttribute("saved", true);
            return "redirect:/" + register.name() + "/" + id;
        } catch (InvalidInputException e) {
            return form(model, text, errors(e));
        } catch (ConflictException | NumberFormatException e) {
            model.addAttribute("conflict", true);
            return form(model, text, Map.of());
        }
    }

    @GetMapping("/export.{format:csv|xlsx}")
    ResponseEntity<byte[]> export(@PathVariable String format) throws IOException {
        return RegisterExport.file(register, service.export(register, format), format, show, messages);
    }

    /** The values a new entry's form starts with. */
    protected Map<String, String> defaults() {
        return Map.of();
    }

    /** Links the detail page offers besides edit. */
    protected List<Action> actions(Stored<T> s) {
        return List.of();
    }

    /** A form's text read into an entry, or (entry null) the reason for each value that could not be read. */
    private record Read<T>(T entry, Map<String, String> errors) {
    }

    /** The form read field by field; its rules are checked when it is saved ({@link RegisterService}). */
    private Read<T> read(Map<String, String> text) {
        Map<String, String> codes = new LinkedHashMap<>();
        T entry = FormReader.read(register, text, json, codes);
        Map<String, String> errors = new LinkedHashMap<>();
        codes.forEach((f, code) -> errors.put(f, messages.getMessage("register.problem." + code, null, code, LocaleContextHolder.getLocale())));
        return new Read<>(entry, errors);
    }

    /** The reasons a save was refused, by field. */
    private static Map<String, String> errors(InvalidInputException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.problems().forEach(p -> errors.merge(p.field(), p.message(), (a, b) -> a + " " + b));
        return errors;
    }

    /** The form page with these values and errors, and what the values give so far. */
    private String form(Model model, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("preview", derived(values));
        model.addAttribute("today", service.today());
        return "register/form";
    }

    /** What the values give, or nothing yet while one cannot be read. */
    private Derived derived(Map<String, String> values) {
        T entry = FormReader.read(register, values, json, new LinkedHashMap<>());
        return entry == null ? new Derived(false, List.of(), null, List.of()) : entry.derive(service.settings());
    }

    private List<Change> changes(List<RegisterService.Version<T>> versions) {
        List<Change> out = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            RegisterService.Version<T> v = versions.get(i);
            List<String> changed = new ArrayList<>();
            if (i + 1 < versions.size()) {
                T before = versions.get(i + 1).values();
                for (Field f : register.fields()) {
                    if (!Objects.equals(register.value(before, f), register.value(v.values(), f))) {
                        changed.add(show.label(register, f));
                    }
                }
            }
            out.add(new Change(v.version(), v.changedAt(), v.changedBy(), changed));
        }
        return out;
    }

    private static Filter filter(String state) {
        return switch (state) {
            case "open" -> Filter.OPEN;
            case "overdue" -> Filter.OVERDUE;
            default -> Filter.ALL;
        };
    }
}
