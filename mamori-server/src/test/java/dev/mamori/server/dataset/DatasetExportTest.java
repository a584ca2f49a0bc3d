package dev.mamori.server.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV export opens in Japanese Excel (BOM, CRLF) and a name cannot run as a formula there. */
class DatasetExportTest {

    @Test
    void csvForExcel() {
        Dataset d = new Dataset(7, 2, "=HYPERLINK(\"x\")", "連絡, 請求", 1200L, null, null, null, null, "JP", null, null, null,
                List.of(new DataItem("個人番号", "IDENTIFICATION_CODE", List.of("MY_NUMBER"))), List.of(), false,
                Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-02T00:00:00Z"), "sato");
        String csv = new String(DatasetExport.csv(List.of(d)), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFID,名称,利用目的");
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith("7,\"'=HYPERLINK(\"\"x\"\")\",\"連絡, 請求\",個人番号（IDENTIFICATION_CODE）,○,1200,,");
    }
}
