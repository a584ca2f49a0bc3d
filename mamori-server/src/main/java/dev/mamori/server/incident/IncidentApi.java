package dev.mamori.server.incident;

import dev.mamori.server.register.Display;
import java.io.IOException;
import org.springframework.context.MessageSource;
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
        return IncidentReport.of(service.get(register, id), service.settings(), show).xlsxFile(show, messages);
    }

    /** The report to the PPC: reportability, deadlines and the nine items of 規則8条1項. */
    @GetMapping("/{id}/report")
    IncidentReport report(@PathVariable long id) {
        return IncidentReport.of(service.get(register, id), service.settings(), show);
    }
}
