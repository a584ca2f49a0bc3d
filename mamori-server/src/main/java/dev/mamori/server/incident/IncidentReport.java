package dev.mamori.server.incident;

import dev.mamori.ledger.Incident;
import dev.mamori.server.register.Display;
import dev.mamori.server.register.Field;
import dev.mamori.server.register.Settings;
import dev.mamori.server.register.Stored;
import dev.mamori.server.web.Downloads;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;

/**
 * The report of an incident to the PPC as the law lists it (規則8条1項): whether and why it is reportable, the
 * deadlines, and the nine items in order — the content to carry into the PPC's online form, as JSON or XLSX.
 *
 * @param items the nine items: number, field, label (in the request's language), value
 */
public record IncidentReport(long incidentId, int version, String name, LocalDate learnedOn, Incident.Holder holder, boolean reportable,
                             List<Event> events, LocalDate preliminaryFrom, LocalDate preliminaryBy, LocalDate finalBy,
                             LocalDate preliminaryReportedOn, LocalDate finalReportedOn, boolean reportedByPrincipal, List<Item> items) {

    public record Event(String event, String source) {
    }

    public record Item(int number, String field, String label, Object value) {
    }

    static IncidentReport of(Stored<IncidentRecord> s, Settings settings, Display show) {
        IncidentRecord r = s.data();
        Incident.Duty duty = r.incident(settings).duty();
        List<Item> items = new ArrayList<>();
        int n = 1;
        for (String f : IncidentRecord.REPORT_ITEMS) {
            Field field = IncidentRecord.REGISTER.field(f).orElseThrow();
            items.add(new Item(n++, field.json(), show.label(IncidentRecord.REGISTER, field), IncidentRecord.REGISTER.value(r, field)));
        }
        return new IncidentReport(s.id(), s.version(), r.name(), r.learnedOn(), settings.holder(), duty.reportable(),
                duty.events().stream().map(e -> new Event(e.name(), e.source())).toList(), duty.preliminaryFrom(), duty.preliminaryBy(),
                duty.finalBy(), r.preliminaryReportedOn(), r.finalReportedOn(), r.reportsThroughPrincipal(), items);
    }

    /** The report as an XLSX download, labelled in the request's language. */
    ResponseEntity<byte[]> xlsxFile(Display show, MessageSource messages) throws IOException {
        return Downloads.attachment(xlsx(show, k -> messages.getMessage(k, null, k, LocaleContextHolder.getLocale())),
                "incident-" + incidentId + "-report.xlsx", Downloads.XLSX);
    }

    /** One sheet: the facts and deadlines, then the nine items, one row each. */
    byte[] xlsx(Display show, java.util.function.Function<String, String> text) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(text.apply("incident.report.sheet"));
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            int[] n = {0};
            java.util.function.BiConsumer<String, Object> put = (label, v) -> {
                Row row = sheet.createRow(n[0]++);
                row.createCell(0).setCellValue(label);
                if (v instanceof LocalDate d) {
                    row.createCell(1).setCellValue(d);
                    row.getCell(1).setCellStyle(date);
                } else if (v instanceof Number x) {
                    row.createCell(1).setCellValue(x.doubleValue());
                } else if (v != null) {
                    row.createCell(1).setCellValue(v instanceof String t ? t : show.value(v));
                    row.getCell(1).setCellStyle(wrap);
                }
            };
            put.accept(text.apply("incident.report.name"), name);
            put.accept(text.apply("field.incidents.learned_on"), learnedOn);
            put.accept(text.apply("fact.reportable"), reportable);
            put.accept(text.apply("fact.events"), String.join("\n", events.stream().map(e -> e.event() + "（" + e.source() + "）").toList()));
            put.accept(text.apply("deadline.preliminary"), preliminaryBy);
            put.accept(text.apply("deadline.final"), finalBy);
            put.accept(text.apply("field.incidents.preliminary_reported_on"), preliminaryReportedOn);
            put.accept(text.apply("field.incidents.final_reported_on"), finalReportedOn);
            n[0]++;
            for (Item i : items) {
                put.accept(i.number() + ". " + i.label(), i.value());
            }
            sheet.setColumnWidth(0, 40 * 256);
            sheet.setColumnWidth(1, 100 * 256);
            wb.write(out);
            return out.toByteArray();
        }
    }
}
