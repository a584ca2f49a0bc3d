package dev.mamori.assess;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** A long text that changed only near its end: every report shows where, not two identical beginnings. */
class ChangedTextReportsTest {

    static final String END = "保護に取り組んでいることを宣言する。";

    static List<ChangeEntry> declarationChanged(String replacement) throws IOException {
        String text = ReportsTest.text("pia-aomori-2023.yaml");
        Answers older = Assessment.read("2023.yaml", text, null, true);
        Answers newer = Assessment.read("2023b.yaml", text.replace(END + "\"", replacement + "\""), null, true);
        List<ChangeEntry> changes = Assessment.changes(older, newer, "ja");
        assertThat(changes).hasSize(1);
        return changes;
    }

    @Test
    void jsonGivesTheChangedPartWithContext() throws IOException {
        JsonNode c = new ObjectMapper().readTree(ReportJson.changes(declarationChanged("保護に取り組み、毎年見直すことを宣言する。"))).path("changes").get(0);
        assertThat(c.path("before").asText()).startsWith("青森県は、").endsWith(END);
        assertThat(c.path("changed_before").asText()).startsWith("…").contains("取り組んでいる").endsWith("宣言する。");
        assertThat(c.path("changed_after").asText()).startsWith("…").contains("毎年見直す");
        assertThat(c.path("changed_before").asText()).isNotEqualTo(c.path("changed_after").asText());
        assertThat(c.path("timing_label").asText()).isIn("事前", "事後");
    }

    @Test
    void htmlMarksTheChangedPart() throws IOException {
        String html = ReportHtml.changes(declarationChanged("保護に努めることを宣言する。"), null, "ja");
        assertThat(html).contains("<del style=\"background:#f8d4d4\">").contains("<ins style=\"background:#d4f4d4\">");
        assertThat(html.split("<del")[1]).startsWith(" style=\"background:#f8d4d4\">取り組んでい</del>ることを");
        assertThat(html.split("<ins")[1]).startsWith(" style=\"background:#d4f4d4\">努め</ins>ることを");
    }

    @Test
    void xlsxMarksTheChangedPartInBoldRed() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportXlsx.changes(declarationChanged("保護に努めることを宣言する。"), "ja", out);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFRichTextString after = wb.getSheetAt(0).getRow(1).getCell(3).getRichStringCellValue();
            String s = after.getString();
            assertThat(after.numFormattingRuns()).isGreaterThanOrEqualTo(2);
            int run = -1;
            for (int i = 0; i < after.numFormattingRuns(); i++) {
                if (after.getFontOfFormattingRun(i) != null && after.getFontOfFormattingRun(i).getBold()) {
                    run = i;
                }
            }
            assertThat(run).isNotNegative();
            int from = after.getIndexOfFormattingRun(run);
            assertThat(s.substring(from, from + after.getLengthOfFormattingRun(run))).isEqualTo("努め");
        }
    }

    @Test
    void shortAnswersAreNotMarked() throws IOException {
        Comparison c = Assessment.compare(ReportsTest.open("pia-aomori-2021.yaml"), ReportsTest.open("pia-aomori-2023.yaml"));
        assertThat(ReportHtml.compare(c, "ja")).contains("→ 令和5年1月1日");
    }
}
