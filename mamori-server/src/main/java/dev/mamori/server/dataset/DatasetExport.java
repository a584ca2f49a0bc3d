package dev.mamori.server.dataset;

import dev.mamori.report.CsvCells;
import dev.mamori.server.web.Downloads;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ResponseEntity;

/** The ledger as CSV (UTF-8 with BOM and CRLF, for Excel; formula-like cells neutralised) and as XLSX. */
final class DatasetExport {


    static final List<String> HEADER = List.of("ID", "名称", "利用目的", "データ項目", "特定個人情報ファイル", "対象人数", "取扱者数",
            "システム", "保管場所", "クラウド事業者", "クラウドの国", "保存期間・消去", "PIA 公表日", "PIA", "PIA 再実施期限", "委託先（最後の監督）", "版", "更新日時", "更新者");

    private DatasetExport() {
    }

    /** The ledger as a download: {@code csv} or {@code xlsx}. */
    static ResponseEntity<byte[]> file(List<Dataset> all, String format) throws IOException {
        return format.equals("csv") ? Downloads.attachment(csv(all), "datasets.csv", Downloads.CSV)
                : Downloads.attachment(xlsx(all), "datasets.xlsx", Downloads.XLSX);
    }

    static byte[] csv(List<Dataset> all) {
        StringBuilder b = new StringBuilder("\uFEFF").append(CsvCells.line(HEADER));
        for (Dataset d : all) {
            b.append(CsvCells.line(cells(d)));
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(List<Dataset> all) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("個人データ台帳");
            Row h = s.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                h.createCell(i).setCellValue(HEADER.get(i));
            }
            int r = 1;
            for (Dataset d : all) {
                Row row = s.createRow(r++);
                List<String> c = cells(d);
                for (int i = 0; i < c.size(); i++) {
                    row.createCell(i).setCellValue(c.get(i));
                }
            }
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        }
    }

    private static List<String> cells(Dataset d) {
        String items = d.items().stream().map(i -> i.name() + (i.category() == null ? "" : "（" + i.category() + "）"))
                .collect(Collectors.joining("、"));
        return java.util.Arrays.asList(String.valueOf(d.id()), d.name(), d.purpose(), items, d.specificPersonalInformationFile() ? "○" : "",
                d.persons() == null ? "" : d.persons().toString(), d.handlers() == null ? "" : d.handlers().toString(),
                nz(d.systemName()), nz(d.location()), nz(d.cloudProvider()), nz(d.cloudCountry()), nz(d.retention()),
                d.piaPublishedOn() == null ? "" : d.piaPublishedOn().toString(), nz(d.piaReference()),
                d.piaRedoBy() == null ? "" : d.piaRedoBy().toString(),
                d.contractors().stream().map(c -> c.name() + (c.checkedOn() == null ? "" : "（" + c.checkedOn() + "）"))
                        .collect(Collectors.joining("、")),
                String.valueOf(d.version()), d.updatedAt().toString(), d.updatedBy());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
