package dev.mamori.server.register;

import dev.mamori.report.CsvCells;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import dev.mamori.server.web.Downloads;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A register as CSV (UTF-8 with BOM and CRLF, for Excel; cells a spreadsheet would run as a formula neutralised) and
 * as XLSX (dates as date cells, numbers as numbers): every field, then what Mamori computed.
 */
public final class RegisterExport {

    private RegisterExport() {
    }

    /** The register as a download: {@code csv} or {@code xlsx}. */
    static <T extends Record & Entry> ResponseEntity<byte[]> file(Register<T> r, List<Stored<T>> all, String format, Display show,
                                                                 MessageSource messages) throws IOException {
        return format.equals("csv") ? Downloads.attachment(csv(r, all, show, messages), r.name() + ".csv", Downloads.CSV)
                : Downloads.attachment(xlsx(r, all, show, messages), r.name() + ".xlsx", Downloads.XLSX);
    }

    static <T extends Record & Entry> byte[] csv(Register<T> r, List<Stored<T>> all, Display show, MessageSource messages) {
        StringBuilder b = new StringBuilder("\uFEFF").append(CsvCells.line(header(r, show, messages)));
        for (Stored<T> s : all) {
            b.append(CsvCells.line(cells(r, s).stream().map(v -> v == null ? "" : v instanceof String t ? t
                    : v instanceof Number || v instanceof LocalDate ? v.toString() : show.value(v)).toList()));
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static <T extends Record & Entry> byte[] xlsx(Register<T> r, List<Stored<T>> all, Display show, MessageSource messages) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(text(messages, "register." + r.name() + ".title"));
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            List<String> header = header(r, show, messages);
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                h.createCell(i).setCellValue(header.get(i));
            }
            int n = 1;
            for (Stored<T> s : all) {
                Row row = sheet.createRow(n++);
                List<Object> cells = cells(r, s);
                for (int i = 0; i < cells.size(); i++) {
                    Object v = cells.get(i);
                    if (v == null) {
                        continue;
                    }
                    Cell c = row.createCell(i);
                    if (v instanceof LocalDate d) {
                        c.setCellValue(d);
                        c.setCellStyle(date);
                    } else if (v instanceof Number num) {
                        c.setCellValue(num.doubleValue());
                    } else {
                        c.setCellValue(v instanceof String t ? t : show.value(v));
                    }
                }
            }
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        }
    }

    private static List<String> header(Register<?> r, Display show, MessageSource messages) {
        List<String> h = new ArrayList<>(List.of("ID", text(messages, "register.title")));
        r.fields().forEach(f -> h.add(show.label(r, f)));
        for (String k : List.of("register.due", "register.keep_until", "register.open", "register.version", "register.updated", "register.updated_by")) {
            h.add(text(messages, k));
        }
        return h;
    }

    /** One row: the id and title, every field's value, then the computed ones (dates and numbers stay typed). */
    private static <T extends Record & Entry> List<Object> cells(Register<T> r, Stored<T> s) {
        List<Object> c = new ArrayList<>();
        c.add(s.id());
        c.add(s.data().title());
        r.fields().forEach(f -> c.add(r.value(s.data(), f)));
        c.add(s.derived().dueOn());
        c.add(s.derived().keepUntil());
        c.add(s.derived().open());
        c.add(s.version());
        c.add(s.updatedAt().atZone(java.time.ZoneId.of("Asia/Tokyo")).toLocalDateTime().toString().replace('T', ' '));
        c.add(s.updatedBy());
        return c;
    }

    private static String text(MessageSource messages, String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
