package dev.mamori.cli.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.cli.CliTest;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mamori tabulate}: a cross table a survey office could publish. */
class TabulateCommandTest {

    @TempDir
    Path dir;

    private Path survey() throws IOException {
        StringBuilder b = new StringBuilder("id,利用場所,性別年代\r\n");
        String[][] rows = {{"自宅", "男性20代", "40"}, {"自宅", "女性20代", "35"}, {"自宅", "女性70代", "2"}, {"職場", "男性20代", "22"},
            {"職場", "女性20代", "18"}, {"ネットカフェ", "男性20代", "9"}, {"ネットカフェ", "女性70代", "1"}, {"ネットカフェ", "女性20代", "7"}};
        int id = 1;
        for (String[] r : rows) {
            for (int i = 0; i < Integer.parseInt(r[2]); i++) {
                b.append(id++).append(',').append(r[0]).append(',').append(r[1]).append("\r\n");
            }
        }
        return Files.write(dir.resolve("survey.csv"), b.toString().getBytes(Charset.forName("windows-31j")));
    }

    @Test
    void noHiddenCellIsAloneInItsRowOrColumnAndTheCsvKeepsTheInputsEncoding() throws IOException {
        Path in = survey();
        CliTest.Run j = CliTest.run("tabulate", in.toString(), "--rows", "利用場所", "--columns", "性別年代", "--k", "5", "--format", "json");
        assertThat(j.code()).as(j.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(j.out());
        // the single respondent in her 70s at a net café is hidden, and so is enough else that no total gives her back
        int nr = n.get("rows").size();
        int nc = n.get("columns").size();
        int cafe = 0;
        int seventies = 0;
        for (int r = 0; r < nr; r++) {
            if (n.get("rows").get(r).asText().equals("ネットカフェ")) {
                cafe = r;
            }
        }
        for (int c = 0; c < nc; c++) {
            if (n.get("columns").get(c).asText().equals("女性70代")) {
                seventies = c;
            }
        }
        assertThat(n.get("cells").get(cafe).get(seventies).isNull()).isTrue();
        for (int r = 0; r < nr; r++) {
            int hidden = n.get("row_totals").get(r).isNull() ? 1 : 0;
            for (int c = 0; c < nc; c++) {
                hidden += n.get("cells").get(r).get(c).isNull() ? 1 : 0;
            }
            assertThat(hidden).as("hidden in row %d", r).isNotEqualTo(1);
        }
        for (int c = 0; c < nc; c++) {
            int hidden = n.get("column_totals").get(c).isNull() ? 1 : 0;
            for (int r = 0; r < nr; r++) {
                hidden += n.get("cells").get(r).get(c).isNull() ? 1 : 0;
            }
            assertThat(hidden).as("hidden in column %d", c).isNotEqualTo(1);
        }
        assertThat(n.get("total").asInt()).isEqualTo(134);

        Path csv = dir.resolve("table.csv");
        assertThat(CliTest.run("--lang", "ja", "tabulate", in.toString(), "--rows", "利用場所", "--columns", "性別年代", "--format", "csv",
                "--output", csv.toString()).code()).isZero();
        String text = new String(Files.readAllBytes(csv), Charset.forName("windows-31j"));
        assertThat(text).startsWith("利用場所 \\ 性別年代,").contains("ネットカフェ,").contains("合計").contains(",x");

        Path xlsx = dir.resolve("table.xlsx");
        assertThat(CliTest.run("--lang", "ja", "tabulate", in.toString(), "--rows", "利用場所", "--columns", "性別年代", "--format", "xlsx",
                "--output", xlsx.toString()).code()).isZero();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(xlsx))) {
            var sh = wb.getSheet("集計表");
            int hidden = 0;
            for (var row : sh) {
                for (var cell : row) {
                    hidden += cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING && cell.getStringCellValue().equals("x") ? 1 : 0;
                }
            }
            assertThat(hidden).isGreaterThanOrEqualTo(4); // the café's one and what protects it
            assertThat(sh.getRow(sh.getLastRowNum() - 2).getCell(sh.getRow(0).getLastCellNum() - 1).getNumericCellValue()).isEqualTo(134);
        }
    }

    @Test
    void aMissingColumnIsNamed() throws IOException {
        CliTest.Run r = CliTest.run("--lang", "ja", "tabulate", survey().toString(), "--rows", "場所", "--columns", "性別年代");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("列 '場所' がありません").contains("利用場所");
    }
}
