package dev.mamori.server.incident;

import dev.mamori.server.register.Display;
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

    private final Display show;

    IncidentApi(RegisterService service, Display show) {
        super(IncidentRecord.REGISTER, service);
        this.show = show;
    }

    /** The report to the PPC: reportability, deadlines and the nine items of 規則8条1項. */
    @GetMapping("/{id}/report")
    IncidentReport report(@PathVariable long id) {
        return IncidentReport.of(service.get(register, id), service.settings(), show);
    }
}
