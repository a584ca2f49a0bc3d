package dev.mamori.server.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.server.register.Display;
import dev.mamori.server.register.Register;
import dev.mamori.server.register.RegisterPages;
import dev.mamori.server.register.RegisterService;
import dev.mamori.server.register.Stored;
import dev.mamori.server.web.Downloads;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** 漏えい等事案 in the browser, with the report's nine items as XLSX and JSON. */
@Controller
@RequestMapping("/incidents")
class IncidentPages extends RegisterPages<IncidentRecord> {

    IncidentPages(RegisterService service, ObjectMapper json, Display show, MessageSource messages) {
        super(IncidentRecord.REGISTER, service, json, show, messages);
    }

    @Bean
    static Register<IncidentRecord> incidentRegister() {
        return IncidentRecord.REGISTER;
    }

    @Override
    protected Map<String, String> defaults() {
        return Map.of("learned_on", service.today().toString(), "role", "OWN", "notice", "NOT_YET");
    }

    @Override
    protected List<Action> actions(Stored<IncidentRecord> s) {
        return List.of(new Action("incident.report.xlsx", "/incidents/" + s.id() + "/report.xlsx", "report-xlsx"),
                new Action("incident.report.json", "/incidents/" + s.id() + "/report.json", "report-json"));
    }

    @GetMapping("/{id}/report.xlsx")
    ResponseEntity<byte[]> reportXlsx(@PathVariable long id) throws IOException {
        return IncidentReport.of(service.get(register, id), service.settings(), show).xlsxFile(show, messages);
    }

    @GetMapping("/{id}/report.json")
    ResponseEntity<byte[]> reportJson(@PathVariable long id) throws IOException {
        IncidentReport r = IncidentReport.of(service.get(register, id), service.settings(), show);
        return Downloads.attachment(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(r), "incident-" + id + "-report.json",
                Downloads.JSON);
    }
}
