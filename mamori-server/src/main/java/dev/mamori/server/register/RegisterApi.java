package dev.mamori.server.register;

import dev.mamori.server.web.ApiErrors;
import dev.mamori.server.web.BadInputException;
import java.io.IOException;
import java.net.URI;
import org.springframework.context.MessageSource;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A register over REST: JSON with the glossary's snake_case names; each entry's values under {@code data}, what
 * Mamori computes under {@code derived}. A change names the version it was made on ({@code If-Match: "3"}, the ETag
 * of the GET): 409 when someone saved another version first.
 */
@ApiErrors.Api
public abstract class RegisterApi<T extends Record & Entry> {

    protected final Register<T> register;
    protected final RegisterService service;
    protected final Display show;
    protected final MessageSource messages;

    protected RegisterApi(Register<T> register, RegisterService service, Display show, MessageSource messages) {
        this.register = register;
        this.service = service;
        this.show = show;
        this.messages = messages;
    }

    public record PageBody<T extends Entry>(List<Stored<T>> items, long total, int page, int size) {
    }

    @GetMapping
    public PageBody<T> list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "all") String state,
                            @RequestParam(defaultValue = "updated") String sort, @RequestParam(defaultValue = "true") boolean desc,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Filter filter;
        try {
            filter = Filter.valueOf(state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("state: all, open or overdue");
        }
        if (!RegisterRepository.SORTS.containsKey(sort)) {
            throw new BadInputException("sort: one of " + RegisterRepository.SORTS.keySet());
        }
        RegisterService.Page<T> p = service.list(register, q, filter, sort, desc, page, size);
        return new PageBody<>(p.rows(), p.total(), p.page(), p.size());
    }

    /** The register as CSV (UTF-8 with BOM) or XLSX, as the list page offers it, in the request's language. */
    @GetMapping("/export.{format:csv|xlsx}")
    public ResponseEntity<byte[]> export(@PathVariable String format) throws IOException {
        return RegisterExport.file(register, service.export(register, format), format, show, messages);
    }

    @GetMapping("/{id}")
    public ResponseEntity<Stored<T>> get(@PathVariable long id) {
        Stored<T> s = service.get(register, id);
        return ResponseEntity.ok().eTag(Integer.toString(s.version())).body(s);
    }

    @GetMapping("/{id}/history")
    public List<RegisterService.Version<T>> history(@PathVariable long id) {
        return service.history(register, id);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Stored<T>> create(@RequestBody T entry) {
        Stored<T> s = service.create(register, entry);
        return ResponseEntity.created(URI.create("/api/" + register.name() + "/" + s.id())).eTag(Integer.toString(s.version())).body(s);
    }

    /** Saves over the version named by {@code If-Match} (or {@code ?version=}). */
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Stored<T>> update(@PathVariable long id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                            @RequestParam(required = false) Integer version, @RequestBody T entry) {
        Integer v = version;
        if (v == null && ifMatch != null) {
            String t = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
            v = t.matches("\\d{1,9}") ? Integer.valueOf(t) : null;
        }
        if (v == null) {
            throw new BadInputException("If-Match: give the version you read (the ETag of GET /api/" + register.name() + "/" + id + ")");
        }
        Stored<T> s = service.update(register, id, v, entry);
        return ResponseEntity.ok().eTag(Integer.toString(s.version())).body(s);
    }
}
