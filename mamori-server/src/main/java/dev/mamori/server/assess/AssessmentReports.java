package dev.mamori.server.assess;

import dev.mamori.assess.ChangeEntry;
import dev.mamori.assess.Comparison;
import dev.mamori.assess.Questionnaire;
import dev.mamori.assess.ReportHtml;
import dev.mamori.assess.ReportJson;
import dev.mamori.assess.ReportXlsx;
import dev.mamori.assess.ScoreSheet;
import dev.mamori.report.Pdf;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The command line's reports of an assessment as downloads: the same HTML, PDF, XLSX and JSON that {@code mamori assess
 * score|compare|changes} write. The HTML report is a page of its own, with the inline styles it prints with and no script.
 */
@Component
class AssessmentReports {

    /** The HTML report's own policy: its inline styles, nothing else (the pages' policy forbids inline styles). */
    static final String REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none';"
            + " frame-ancestors 'none'";

    private final Path font;

    AssessmentReports(org.springframework.core.env.Environment env) {
        String f = env.getProperty("mamori.pdf-font");
        this.font = f == null || f.isBlank() ? null : Path.of(f);
    }

    ResponseEntity<byte[]> score(ScoreSheet s, String format, String name, String lang) throws IOException {
        return send(format, name, () -> ReportHtml.score(s, lang), o -> ReportXlsx.score(s, lang, o), () -> ReportJson.score(s));
    }

    ResponseEntity<byte[]> compare(Comparison c, String format, String name, String lang) throws IOException {
        return send(format, name, () -> ReportHtml.compare(c, lang), o -> ReportXlsx.compare(c, lang, o), () -> ReportJson.compare(c));
    }

    ResponseEntity<byte[]> changes(List<ChangeEntry> entries, Questionnaire q, String format, String name, String lang) throws IOException {
        return send(format, name, () -> ReportHtml.changes(entries, q, lang), o -> ReportXlsx.changes(entries, lang, o),
                () -> ReportJson.changes(entries));
    }

    /** One report in {@code format} (html, pdf from the html, xlsx or json); only the one asked for is made. */
    private ResponseEntity<byte[]> send(String format, String name, Supplier<String> html, Writer xlsx, Supplier<String> json) throws IOException {
        return switch (format) {
            case "html" -> html(html.get());
            case "pdf" -> pdf(html.get(), name);
            case "xlsx" -> xlsx(xlsx, name);
            default -> download(json.get().getBytes(StandardCharsets.UTF_8), name + ".json", "application/json");
        };
    }

    private static ResponseEntity<byte[]> html(String page) {
        return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .header("Content-Security-Policy", REPORT_CSP)
                .body(page.getBytes(StandardCharsets.UTF_8));
    }

    private ResponseEntity<byte[]> pdf(String html, String name) throws IOException {
        Path f = Pdf.font(font);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Pdf.write(html, f, out);
        return download(out.toByteArray(), name + ".pdf", "application/pdf");
    }

    private interface Writer {
        void write(java.io.OutputStream out) throws IOException;
    }

    private static ResponseEntity<byte[]> xlsx(Writer w, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        w.write(out);
        return download(out.toByteArray(), name + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    static ResponseEntity<byte[]> download(byte[] body, String name, String type) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
