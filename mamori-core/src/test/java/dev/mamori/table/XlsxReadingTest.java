package dev.mamori.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxReadingTest {

    @TempDir
    Path dir;

    private final DocumentReader reader = new DocumentReader(DocumentReader.Options.defaults());

    private Path workbook() throws IOException {
        Path file = dir.resolve("people.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet("名簿");
            Row h = s.createRow(1); // header on spreadsheet row 2, row 1 empty
            h.createCell(0).setCellValue("氏名");
            h.createCell(1).setCellValue("マイナンバー");
            h.createCell(2).setCellValue("生年月日");
            h.createCell(3).setCellValue("点数");
            Row r = s.createRow(2);
            r.createCell(0).setCellValue("山田太郎");
            r.createCell(1).setCellValue(123456789012d);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy/mm/dd"));
            r.createCell(2).setCellValue(LocalDate.of(1980, 4, 1));
            r.getCell(2).setCellStyle(date);
            r.createCell(3).setCellValue(12.5);
            Row gap = s.createRow(4); // column B left empty
            gap.createCell(0).setCellValue("佐藤花子");
            gap.createCell(2).setCellValue("不明");
            Sheet t = wb.createSheet("Sheet2");
            t.createRow(0).createCell(0).setCellValue("メール");
            t.createRow(1).createCell(0).setCellValue("a@example.jp");
            t.getRow(1).createCell(2).setCellValue("extra");
            wb.write(out);
        }
        return file;
    }

    @Test
    void sheetsAreTablesWithValuesAsShown() throws IOException {
        Recorder r = new Recorder();
        ReadSummary s = reader.read(workbook(), r);

        assertThat(s.format()).isEqualTo(Format.XLSX);
        assertThat(s.records()).isEqualTo(3);
        assertThat(s.charset()).isNull();
        assertThat(r.events).containsExactly(
                "table 名簿 [氏名, マイナンバー, 生年月日, 点数]",
                "row 1 3 [山田太郎, 123456789012, 1980/04/01, 12.5]",
                "row 2 5 [佐藤花子, null, 不明, null]",
                "table Sheet2 [メール]",
                "row 1 2 [a@example.jp, null, extra]");
        assertThat(r.problems).isEmpty();
    }

    @Test
    void titleAndAuthorLinesAboveATableAreReadApartAndTheRowAfterThemIsItsHeader() throws IOException {
        Path file = dir.resolve("名簿.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            var s = wb.createSheet("名簿");
            s.createRow(0).createCell(0).setCellValue("会員名簿（2024年4月1日現在）");
            s.createRow(1).createCell(2).setCellValue("作成者：総務課 田中一郎");
            String[][] rows = {{"No.", "氏名", "郵便番号", "電話"}, {"1", "長谷川 正和", "1000001", "090-1234-5678"}, {"2", "村上 千代子", "5300001", null}};
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r + 3);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] != null) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            wb.write(out);
        }
        DocumentReader scanning = new DocumentReader(DocumentReader.Options.defaults().withTitleLines(true));
        Recorder r = new Recorder();
        scanning.read(file, r);
        assertThat(r.events).containsExactly(
                "table 名簿 [列1, 列2, 列3]",
                "row 1 1 [会員名簿（2024年4月1日現在）, null, null]",
                "row 2 2 [null, null, 作成者：総務課 田中一郎]",
                "table 名簿 [No., 氏名, 郵便番号, 電話]",
                "row 3 5 [1, 長谷川 正和, 1000001, 090-1234-5678]",
                "row 4 6 [2, 村上 千代子, 5300001, null]");
        // a sheet of one or two columns has no title lines told apart
        Path narrow = dir.resolve("narrow.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(narrow)) {
            var s = wb.createSheet("s");
            s.createRow(0).createCell(0).setCellValue("氏名");
            Row row = s.createRow(1);
            row.createCell(0).setCellValue("山田 太郎");
            row.createCell(1).setCellValue("090-1234-5678");
            wb.write(out);
        }
        Recorder n = new Recorder();
        scanning.read(narrow, n);
        assertThat(n.events).containsExactly("table s [氏名]", "row 1 2 [山田 太郎, 090-1234-5678]");
        // de-identification reads a table as it is: its first row is the header
        Recorder plain = new Recorder();
        reader.read(file, plain);
        assertThat(plain.events.get(0)).isEqualTo("table 名簿 [会員名簿（2024年4月1日現在）]");
    }

    @Test
    void aSecondTableBelowTheFirstHasItsOwnHeaderWhenScanning() throws IOException {
        Path file = dir.resolve("two.xlsx");
        String[][] rows = {{"氏名", "電話", "郵便番号"}, {"山本太郎", "045-123-4567", "2310023"}, null,
            {"佐藤花子", "03-1234-5678", "1000001"}, null, // rows after an empty row that are data: the same table
            {"緊急連絡先", "続柄", "携帯", "郵便番号"}, {"山本良子", "妻", "090-2222-3333", "2310024"}, {"山本一郎", "長男", "080-1111-2222", "2310025"}};
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            var s = wb.createSheet("名簿");
            for (int r = 0; r < rows.length; r++) {
                if (rows[r] != null) {
                    Row row = s.createRow(r);
                    for (int c = 0; c < rows[r].length; c++) {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            wb.write(out);
        }
        Recorder r = new Recorder();
        new DocumentReader(DocumentReader.Options.defaults().withTitleLines(true)).read(file, r);
        assertThat(r.events).containsExactly("table 名簿 [氏名, 電話, 郵便番号]", "row 1 2 [山本太郎, 045-123-4567, 2310023]",
                "row 2 4 [佐藤花子, 03-1234-5678, 1000001]", "table 名簿 [緊急連絡先, 続柄, 携帯, 郵便番号]",
                "row 3 7 [山本良子, 妻, 090-2222-3333, 2310024]", "row 4 8 [山本一郎, 長男, 080-1111-2222, 2310025]");
        // read for de-identification, a sheet is one table
        Recorder plain = new Recorder();
        reader.read(file, plain);
        assertThat(plain.events).hasSize(6).first().isEqualTo("table 名簿 [氏名, 電話, 郵便番号]");
    }

    @Test
    void aCellsCommentAndTheSheetsHeaderAreReadAfterItsRows() throws IOException {
        Path file = dir.resolve("c.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            var s = wb.createSheet("名簿");
            s.createRow(0).createCell(0).setCellValue("氏名");
            s.createRow(1).createCell(0).setCellValue("渡辺 直子");
            var comment = s.createDrawingPatriarch().createCellComment(wb.getCreationHelper().createClientAnchor());
            comment.setString(wb.getCreationHelper().createRichTextString("本人携帯 090-8765-4321"));
            comment.setAuthor("田中一郎");
            s.getRow(1).getCell(0).setCellComment(comment);
            s.getHeader().setCenter("作成者 木村拓也");
            var box = ((org.apache.poi.xssf.usermodel.XSSFDrawing) s.getDrawingPatriarch()).createTextbox(
                    new org.apache.poi.xssf.usermodel.XSSFClientAnchor(0, 0, 0, 0, 3, 3, 6, 6));
            box.setText("担当：山田太郎 yamada.t@example.jp");
            var link = wb.getCreationHelper().createHyperlink(org.apache.poi.common.usermodel.HyperlinkType.EMAIL);
            link.setAddress("mailto:naoko.w@example.co.jp");
            s.getRow(1).createCell(1).setCellValue("メールを送る");
            s.getRow(1).getCell(1).setHyperlink(link);
            wb.write(out);
        }
        Recorder r = new Recorder();
        reader.read(file, r);
        assertThat(r.events).containsExactly("table 名簿 [氏名]", "row 1 2 [渡辺 直子, メールを送る]", "table 名簿 [シートの書き込み]",
                "row 2 2 [コメント A2 作成者：田中一郎\n本人携帯 090-8765-4321]", "row 3 1 [作成者 木村拓也]",
                "row 4 1 [リンク：mailto:naoko.w@example.co.jp]", "row 5 1 [担当：山田太郎 yamada.t@example.jp]");
        assertThat(r.problems).isEmpty();
    }

    @Test
    void aJapaneseExcelsBuiltInDateFormatsWithoutTheirNumFmtAreShownAsDates() throws IOException {
        Path file = dir.resolve("jdates.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            var s = wb.createSheet("s");
            Row h = s.createRow(0);
            Row r = s.createRow(1);
            short[] ids = {57, 31, 35};
            for (int i = 0; i < ids.length; i++) {
                h.createCell(i).setCellValue("日付" + i);
                CellStyle style = wb.createCellStyle();
                style.setDataFormat(ids[i]); // numFmtId 57, 31, 35 with no numFmt, as a Japanese Excel writes them
                r.createCell(i).setCellValue(31148.0);
                r.getCell(i).setCellStyle(style);
            }
            wb.write(out);
        }
        Recorder rec = new Recorder();
        reader.read(file, rec);
        assertThat(rec.rows).singleElement().isEqualTo(List.of("昭和60年4月11日", "1985/4/11", "4月11日"));
    }

    @Test
    void xlsxIsSniffedWithoutExtension() throws IOException {
        Path plain = Files.copy(workbook(), dir.resolve("export.bin"));
        assertThat(DocumentReader.sniff(plain)).isEqualTo(new DocumentReader.Sniff(Format.XLSX, null));
        Recorder r = new Recorder();
        assertThat(reader.read(plain, r).records()).isEqualTo(3);
    }

    @Test
    void xlsxFromAStreamIsReadThroughATemporaryCopy() throws IOException {
        Recorder r = new Recorder();
        try (var in = Files.newInputStream(workbook())) {
            assertThat(reader.read(in, "-", r).format()).isEqualTo(Format.XLSX);
        }
        assertThat(r.events).hasSize(5);
    }

    @Test
    void truncatedXlsxIsAReadException() throws IOException {
        byte[] whole = Files.readAllBytes(workbook());
        Path cut = Files.write(dir.resolve("cut.xlsx"), Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> reader.read(cut, new Recorder()))
                .isInstanceOf(ReadException.class)
                .hasMessageStartingWith(cut + ": not a readable XLSX (truncated or corrupt zip): ");
    }

    @Test
    void shortDateFormatIsJapaneseOrderAndFormattedNumbersKeepTheirFormat() throws IOException {
        Path file = dir.resolve("d.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Row h = wb.createSheet("s").createRow(0);
            h.createCell(0).setCellValue("日付");
            h.createCell(1).setCellValue("金額");
            Row r = wb.getSheet("s").createRow(1);
            CellStyle shortDate = wb.createCellStyle();
            shortDate.setDataFormat((short) 14);
            r.createCell(0).setCellValue(LocalDate.of(2024, 1, 15));
            r.getCell(0).setCellStyle(shortDate);
            CellStyle thousands = wb.createCellStyle();
            thousands.setDataFormat((short) 3); // #,##0
            r.createCell(1).setCellValue(1234567);
            r.getCell(1).setCellStyle(thousands);
            wb.write(out);
        }
        Recorder rec = new Recorder();
        reader.read(file, rec);
        assertThat(rec.events).containsExactly("table s [日付, 金額]", "row 1 2 [2024/1/15, 1,234,567]");
    }

    @Test
    void oleFileNamedXlsxSaysWhatToDo() throws IOException {
        Path ole = Files.write(dir.resolve("locked.xlsx"),
                new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0});
        assertThatThrownBy(() -> reader.read(ole, new Recorder()))
                .isInstanceOf(ReadException.class)
                .hasMessage(ole + ": OLE2 file that is not a .xls, .doc, .ppt or .msg (a Visio or Publisher file, Thumbs.db, …)");
    }

    @Test
    void visitorExceptionsPassThroughUnchanged() throws IOException {
        Path file = workbook();
        Recorder failing = new Recorder() {
            @Override
            public void row(long row, long line, java.util.List<String> cells) {
                throw new IllegalStateException("stop here");
            }
        };
        assertThatThrownBy(() -> reader.read(file, failing))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("stop here");
    }
}
