package dev.mamori.server.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.server.web.ApiErrors;
import dev.mamori.server.web.BadInputException;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindException;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The 個人データ台帳 over REST: JSON with the glossary's snake_case names. */
@RestController
@ApiErrors.Api
@RequestMapping("/api/datasets")
class DatasetApi {

    private final DatasetService service;
    private final ObjectMapper json;
    private final SpringValidatorAdapter validator;

    DatasetApi(DatasetService service, ObjectMapper json, SpringValidatorAdapter validator) {
        this.service = service;
        this.json = json;
        this.validator = validator;
    }

    /** A page of the list; each item is a {@link DatasetSummary}, the whole dataset is {@code GET /api/datasets/{id}}. */
    record PageBody(List<DatasetSummary> items, long total, int page, int size) {
    }

    @GetMapping
    PageBody list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "updated") String sort,
                  @RequestParam(defaultValue = "true") boolean desc, @RequestParam(defaultValue = "0") int page,
                  @RequestParam(defaultValue = "50") int size) {
        DatasetRepository.Page p = service.list(q, sort, desc, page, size);
        return new PageBody(p.rows(), p.total(), p.page(), p.size());
    }

    @GetMapping("/{id}")
    Dataset get(@PathVariable long id) {
        return service.get(id);
    }

    @GetMapping("/{id}/history")
    List<DatasetRepository.Version> history(@PathVariable long id) {
        return service.history(id);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Dataset> create(@Valid @RequestBody DatasetInput in) {
        Dataset d = service.create(in, null).dataset();
        return ResponseEntity.created(URI.create("/api/datasets/" + d.id())).body(d);
    }

    /** Creates a dataset from a scan report: {@code name}, {@code purpose} and the report as {@code report}. */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Dataset> importReport(@RequestParam String name, @RequestParam String purpose, @RequestParam MultipartFile report)
            throws IOException, BindException {
        ScanReportImport.Result r = ScanReportImport.read(report.getBytes(), json);
        DatasetInput in = new DatasetInput(name, purpose, null, null, null, null, null, null, null, null, null, r.items(), null, null);
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(in, "dataset");
        validator.validate(in, errors);
        if (errors.hasErrors()) {
            throw new BindException(errors);
        }
        Dataset d = service.create(in, r.evidence()).dataset();
        return ResponseEntity.created(URI.create("/api/datasets/" + d.id())).body(d);
    }

    /** The ledger as CSV (UTF-8 with BOM, for Excel) or XLSX, as the list page offers it. */
    @GetMapping("/export.{format:csv|xlsx}")
    ResponseEntity<byte[]> export(@PathVariable String format) throws IOException {
        return DatasetExport.file(service.export(format), format);
    }

    /** Saves over the version given in the body; 409 when someone saved another version first. */
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Dataset update(@PathVariable long id, @Valid @RequestBody DatasetInput in) {
        if (in.version() == null) {
            throw new BadInputException("version: give the version you read (optimistic locking)");
        }
        return service.update(id, in).dataset();
    }
}
