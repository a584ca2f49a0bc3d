package dev.mamori.server.incident;

import dev.mamori.server.register.Display;
import dev.mamori.server.register.RegisterExport;
import java.io.IOException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import dev.mamori.server.register.RegisterApi;
import dev.mamori.server.register.RegisterService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 漏えい等事案 over REST, with the report's nine items. */
@RestController
@RequestMapping("/api/incidents")
class IncidentApi extends RegisterApi<IncidentRecord> {

    IncidentApi(RegisterService service, Display show, MessageSource messages) {
        super(IncidentRecord.REGISTER, service, show, messages);
    }

    /** The same report as a spreadsheet, in the request's language. */
    @GetMapping("/{id}/report.xlsx")
    ResponseEntity<byte[]> reportXlsx(@PathVariable long id) throws IOException {
        IncidentReport r = IncidentReport.of(service.get(register, id), service.settings(), show);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(RegisterExport.XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("incident-" + id + "-report.xlsx").build().toString())
                .body(r.xlsx(show, k -> messages.getMessage(k, null, k, LocaleContextHolder.getLocale())));
    }

    /** The report to the PPC: reportability, deadlines and the nine items of 規則8条1項. */
    @GetMapping("/{id}/report")
    IncidentReport report(@PathVariable long id) {
        return IncidentReport.of(service.get(register, id), service.settings(), show);
    }
}
