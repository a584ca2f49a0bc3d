package dev.mamori.table;

import static dev.mamori.table.Recorder.lines;
import static dev.mamori.table.Recorder.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.detect.LocatedFinding;
import dev.mamori.detect.PiiType;
import dev.mamori.detect.Scanner;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Word, PowerPoint, PDF, e-mail and HTML documents: their text comes as lines, tables as rows of tab-separated cells,
 * with the parts that hold names (comments, the author, mail headers, attachments); what is not read is reported;
 * broken and locked files are refused with the file's name. Each test writes its document with the format's own
 * library (POI, PDFBox, Jakarta Mail) or as bytes, as a user's tool would.
 */
class DocumentTextTest {

    @TempDir
    Path dir;

    private static List<String> found(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (Scanner s = new Scanner(Scanner.Options.defaults())) {
            s.scan(file, file.getFileName().toString(), (LocatedFinding f) -> out.add(f.finding().type() + " " + f.finding().value()));
        }
        return out;
    }

    private Path docx() throws IOException {
        Path file = dir.resolve("報告書.docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            doc.createHeader(org.apache.poi.wp.usermodel.HeaderFooterType.DEFAULT).createParagraph().createRun().setText("社外秘");
            doc.createParagraph().createRun().setText("会員名簿（抜粋）");
            XWPFTable t = doc.createTable(3, 3);
            String[][] cells = {{"氏名", "電話", "郵便番号"}, {"佐藤 花子", "090-1234-5678", "1000001"}, {"鈴木 一郎", "03-3333-4444", "5300001"}};
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    t.getRow(r).getCell(c).setText(cells[r][c]);
                }
            }
            doc.createParagraph().createRun().setText("担当：高橋 健");
            XWPFComment comment = doc.createComments().createComment(BigInteger.ONE);
            comment.setAuthor("中村 美穂");
            comment.createParagraph().createRun().setText("電話番号を確認してください");
            doc.getProperties().getCoreProperties().setCreator("山口 誠");
            doc.write(out);
        }
        return file;
    }

    @Test
    void aWordDocumentGivesItsParagraphsItsTableAsRowsItsCommentsAndItsAuthor() throws IOException {
        Recorder r = read(docx());
        assertThat(lines(r)).contains("会員名簿（抜粋）", "氏名\t電話\t郵便番号", "佐藤 花子\t090-1234-5678\t1000001", "担当：高橋 健",
                "コメント 作成者：中村 美穂", "電話番号を確認してください", "作成者：山口 誠");
        assertThat(r.problems).isEmpty();
    }

    @Test
    void aWordTableIsATableInsideTextSoItsBarePostalCodesAreFound() throws IOException {
        List<String> found = found(docx());
        assertThat(found).contains("PERSON 佐藤 花子", "PHONE 090-1234-5678", "POSTAL_CODE 1000001", "POSTAL_CODE 5300001",
                "PERSON 高橋 健", "PERSON 中村 美穂", "PERSON 山口 誠");
    }

    @Test
    void aPresentationGivesItsSlidesNotesAndAuthor() throws IOException {
        Path file = dir.resolve("説明会.pptx");
        try (XMLSlideShow show = new XMLSlideShow(); OutputStream out = Files.newOutputStream(file)) {
            XSLFTextBox box = show.createSlide().createTextBox();
            box.setText("お問い合わせ：田中 一郎（03-1234-5678）");
            show.getNotesSlide(show.getSlides().get(0)); // a notes page, empty
            show.getProperties().getCoreProperties().setCreator("小林 直子");
            show.write(out);
        }
        Recorder r = read(file);
        assertThat(lines(r)).contains("お問い合わせ：田中 一郎（03-1234-5678）", "作成者：小林 直子");
        assertThat(found(file)).contains("PERSON 田中 一郎", "PHONE 03-1234-5678", "PERSON 小林 直子");
    }

    /** A sheet pasted into a Word document as an object (会議資料), and an organisation chart drawn as SmartArt in slides. */
    @Test
    void sheetsPastedIntoAWordDocumentAndSmartArtInSlidesAreRead() throws Exception {
        ByteArrayOutputStream sheet = new ByteArrayOutputStream();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            var row = book.createSheet("名簿").createRow(0);
            row.createCell(0).setCellValue("渡辺 恵子");
            row.createCell(1).setCellValue("03-3412-5678");
            book.write(sheet);
        }
        Path docx = dir.resolve("会議資料.docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(docx)) {
            doc.createParagraph().createRun().setText("出席者一覧は下の表のとおり");
            var part = doc.getPackage().createPart(org.apache.poi.openxml4j.opc.PackagingURIHelper.createPartName(
                    "/word/embeddings/Microsoft_Excel_Worksheet.xlsx"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            try (OutputStream o = part.getOutputStream()) {
                o.write(sheet.toByteArray());
            }
            doc.write(out);
        }
        assertThat(lines(read(docx))).containsSubsequence("出席者一覧は下の表のとおり", "埋め込みオブジェクト 1", "シート：名簿", "渡辺 恵子\t03-3412-5678");
        Path pptx = dir.resolve("体制図.pptx");
        try (XMLSlideShow show = new XMLSlideShow(); OutputStream out = Files.newOutputStream(pptx)) {
            show.createSlide().createTextBox().setText("推進体制");
            var part = show.getPackage().createPart(org.apache.poi.openxml4j.opc.PackagingURIHelper.createPartName("/ppt/diagrams/data1.xml"),
                    "application/vnd.openxmlformats-officedocument.drawingml.diagramData+xml");
            try (OutputStream o = part.getOutputStream()) {
                o.write(("<dgm:dataModel xmlns:dgm=\"http://schemas.openxmlformats.org/drawingml/2006/diagram\""
                        + " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><dgm:ptLst><dgm:pt><dgm:t><a:p><a:r><a:t>部長 髙橋 美咲</a:t></a:r>"
                        + "</a:p></dgm:t></dgm:pt><dgm:pt><dgm:t><a:p><a:r><a:t>課長 </a:t></a:r><a:r><a:t>渡辺 恵子</a:t></a:r></a:p></dgm:t></dgm:pt>"
                        + "</dgm:ptLst></dgm:dataModel>").getBytes(StandardCharsets.UTF_8));
            }
            show.write(out);
        }
        assertThat(lines(read(pptx))).containsSubsequence("推進体制", "部長 髙橋 美咲", "課長 渡辺 恵子");
    }

    private static Path font() {
        return dev.mamori.report.TestFonts.japanese();
    }

    /** A PDF with one page of Japanese text, a page without text (as a scanned image has none) and an author. */
    private Path pdf(StandardProtectionPolicy lock) throws IOException {
        return pdfOf("申込書.pdf", new Object[][] {{0, "申込者：渡辺 恵子"}, {0, "電話：090-8765-4321"}}, doc -> {
            doc.addPage(new PDPage());
            doc.getDocumentInformation().setAuthor("加藤 裕子");
            if (lock != null) {
                try {
                    doc.protect(lock);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
    }

    @Test
    void aPdfGivesTheTextOfItsPagesAndSaysWhichPagesHaveNone() throws IOException {
        Path file = pdf(null);
        Recorder r = read(file);
        assertThat(lines(r)).contains("申込者：渡辺 恵子", "電話：090-8765-4321", "作成者：加藤 裕子");
        assertThat(r.problems).singleElement().satisfies(p -> {
            assertThat(p.unread()).isTrue();
            assertThat(p.text().en()).startsWith(file + ": 1 of 2 pages (2) have no text or are mostly a picture (scanned images?)");
            assertThat(p.text().ja()).contains("2 ページ中 1 ページ（2）は文字がないか、ほとんど画像です");
        });
        assertThat(found(file)).contains("PERSON 渡辺 恵子", "PHONE 090-8765-4321", "PERSON 加藤 裕子");
    }

    /**
     * A page as a word processor lays it out: a paragraph wrapped at the margin (a name cut by it), a blank line's
     * height, a numbered list whose first item fills the line, and a table whose cells stand apart.
     */
    @Test
    void aPdfParagraphCutByTheMarginIsJoinedAgainButListsAndTableRowsAreNot() throws IOException {
        Path file = pdfOf("案内.pdf", new Object[][] {
            {0, "本日の説明会には多くの方にご参加いただきました。当日の受付と"}, // 30 characters of 12 points: the margin
            {0, "申込書と本人確認書類の確認を担当したのは、市民課の職員の渡辺"}, {0, "恵子さんで、問い合わせには同課の窓口でお答えしますのでお気軽"},
            {0, "にお尋ねください。"}, {0, ""}, {0, "１．持ち物は本人確認書類と申込書の控えと印鑑と筆記用具です"},
            {0, "２．当日は駐車場がありませんので公共交通機関をご利用ください"}, {0, ""}, {0, "氏名", 120, "電話"},
            {0, "小松 亜希子", 120, "090-3456-7890"}}, d -> { });
        List<String> lines = lines(read(file));
        assertThat(lines).containsExactly(
                "本日の説明会には多くの方にご参加いただきました。当日の受付と申込書と本人確認書類の確認を担当したのは、市民課の職員の渡辺恵子さんで、"
                        + "問い合わせには同課の窓口でお答えしますのでお気軽にお尋ねください。",
                "１．持ち物は本人確認書類と申込書の控えと印鑑と筆記用具です", "２．当日は駐車場がありませんので公共交通機関をご利用ください",
                "氏名\t電話", "小松 亜希子\t090-3456-7890");
        assertThat(read(file).chunks).extracting(c -> c[0]).as("a blank line's height is a blank line").containsExactly("1", "3", "4", "6", "7");
        assertThat(found(file)).contains("PERSON 渡辺恵子", "PERSON 小松 亜希子", "PHONE 090-3456-7890");
    }

    /** A .docx whose document.xml has this body, as Word writes the parts POI cannot (text boxes, ruby, tracked changes). */
    private Path rawDocx(String name, String body) throws IOException {
        String document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document"
                + " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
                + " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\""
                + " xmlns:v=\"urn:schemas-microsoft-com:vml\" mc:Ignorable=\"wps\"><w:body>" + body + "</w:body></w:document>";
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
            String[][] parts = {{"[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"},
                {"_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                    + "</Relationships>"},
                {"word/document.xml", document}};
            for (String[] p : parts) {
                z.putNextEntry(new java.util.zip.ZipEntry(p[0]));
                z.write(p[1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return file;
    }

    private static String p(String text) {
        return "<w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
    }

    @Test
    void aWordTextBoxIsReadOnceThoughWordWritesItTwice() throws IOException {
        String box = "<w:txbxContent><w:p><w:r><w:t>担当：佐々木 </w:t></w:r><w:r><w:t>蓮</w:t></w:r></w:p></w:txbxContent>";
        Path file = rawDocx("box.docx", p("本文")
                + "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:wsp><wps:txbx>" + box + "</wps:txbx></wps:wsp></w:drawing>"
                + "</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>" + box + "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>"
                + "</w:r></w:p>");
        assertThat(lines(read(file))).containsExactly("本文", "担当：佐々木 蓮");
    }

    /** A 履歴書's table: an address over two paragraphs of one cell, a cell in a content control, a nested table. */
    @Test
    void aWordTableCellIsOneValueAndANestedTableHasRowsOfItsOwn() throws IOException {
        String cell = "<w:tc>%s</w:tc>";
        Path file = rawDocx("rireki.docx", "<w:tbl>"
                + "<w:tr>" + cell.formatted(p("現住所")) + cell.formatted(p("大阪府大阪市北区梅田") + p("3丁目1番3号 梅田ビル5F")) + "</w:tr>"
                + "<w:tr>" + cell.formatted(p("連絡先氏名")) + "<w:sdt><w:sdtContent>" + cell.formatted(p("渡辺 恵子")) + "</w:sdtContent></w:sdt></w:tr>"
                + "<w:tr>" + cell.formatted(p("緊急連絡先")) + cell.formatted("<w:tbl><w:tr>" + cell.formatted(p("氏名")) + cell.formatted(p("電話"))
                        + "</w:tr><w:tr>" + cell.formatted(p("佐々木 健太")) + cell.formatted(p("080-9876-5432")) + "</w:tr></w:tbl>" + p("")) + "</w:tr>"
                + "</w:tbl>");
        assertThat(lines(read(file))).containsExactly("現住所\t大阪府大阪市北区梅田 3丁目1番3号 梅田ビル5F", "連絡先氏名\t渡辺 恵子", "緊急連絡先\t",
                "氏名\t電話", "佐々木 健太\t080-9876-5432");
    }

    @Test
    void trackedChangesGiveTheTextAsShownAndWhatWasDeletedApartAndFuriganaStaysOutOfTheName() throws IOException {
        Path file = rawDocx("changes.docx", "<w:p><w:r><w:t xml:space=\"preserve\">契約者 </w:t></w:r>"
                + "<w:del w:id=\"1\" w:author=\"x\"><w:r><w:delText>佐藤 一郎</w:delText></w:r></w:del>"
                + "<w:ins w:id=\"2\" w:author=\"x\"><w:r><w:t>髙橋 美咲</w:t></w:r></w:ins></w:p>"
                + "<w:p><w:r><w:t>担当：</w:t></w:r><w:r><w:ruby><w:rt><w:r><w:t>わたなべ</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>渡辺</w:t></w:r></w:rubyBase></w:ruby></w:r>"
                + "<w:r><w:t xml:space=\"preserve\"> 恵子</w:t></w:r></w:p>");
        assertThat(lines(read(file))).containsExactly("契約者 髙橋 美咲", "削除された文字：佐藤 一郎", "担当：渡辺 恵子");
        assertThat(found(file)).contains("PERSON 髙橋 美咲", "PERSON 佐藤 一郎", "PERSON 渡辺 恵子");
    }

    @Test
    void aPdfFormsFilledInFieldsAreReadWithTheirNames() throws IOException {
        Path file = dir.resolve("form.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            var form = new org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            form.setNeedAppearances(true); // a viewer draws the values; the page's text has none of them
            var name = new org.apache.pdfbox.pdmodel.interactive.form.PDTextField(form);
            name.setPartialName("氏名");
            var widget = name.getWidgets().get(0);
            widget.setRectangle(new org.apache.pdfbox.pdmodel.common.PDRectangle(72, 700, 200, 20));
            widget.setPage(page);
            page.getAnnotations().add(widget);
            form.getFields().add(name);
            name.getCOSObject().setString(org.apache.pdfbox.cos.COSName.V, "山本 和夫"); // the value as a viewer saves it, no appearance drawn
            doc.save(file.toFile());
        }
        Recorder r = read(file);
        assertThat(lines(r)).contains("氏名：山本 和夫");
        assertThat(found(file)).contains("PERSON 山本 和夫");
    }

    /**
     * Lines of 12-point text from (72, 720) down, 18 points apart; a line is given as {dx, text} (dx points further right),
     * or as several such pairs for the cells of a table's row.
     */
    private Path pdfOf(String name, Object[][] lines, java.util.function.Consumer<PDDocument> more) throws IOException {
        Path file = dir.resolve(name);
        try (PDDocument doc = new PDDocument()) {
            PDType0Font jp = PDType0Font.load(doc, font().toFile());
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.beginText();
                s.setFont(jp, 12);
                s.newLineAtOffset(72, 720);
                for (Object[] l : lines) {
                    float x = 0;
                    for (int k = 0; k < l.length; k += 2) { // (dx, text) pairs: a table's cells on one line
                        float dx = ((Number) l[k]).floatValue();
                        s.newLineAtOffset(dx - x, 0);
                        s.showText((String) l[k + 1]);
                        x = dx;
                    }
                    s.newLineAtOffset(-x, -18);
                }
                s.endText();
            }
            more.accept(doc);
            doc.save(file.toFile());
        }
        return file;
    }

    /** A page with a line wider than the body (a URL) and a list whose items wrap under their text (ぶら下げインデント). */
    @Test
    void aPdfsMarginIsTheOneItsLinesShareAndAListItemsWrappedLinesHangUnderItsText() throws IOException {
        Path file = pdfOf("list.pdf", new Object[][] {
            {0, "https://example.jp/downloads/forms/application-2024-04-01-final-version.pdf"},
            {0, "本日の説明会には多くの方にご参加いただきました。当日の受付と"},
            {0, "申込書と本人確認書類の確認を担当したのは、市民課の職員の渡辺"},
            {0, "恵子さんで、問い合わせには同課の窓口でお答えしますのでお気軽"},
            {0, "にお尋ねください。"},
            {0, "１．申込書は窓口で受け付けます。問い合わせは市民課担当の渡辺"},
            {24, "恵子（03-3412-5678）までお願いします。"}}, d -> { });
        assertThat(lines(read(file))).containsExactly("https://example.jp/downloads/forms/application-2024-04-01-final-version.pdf",
                "本日の説明会には多くの方にご参加いただきました。当日の受付と申込書と本人確認書類の確認を担当したのは、市民課の職員の渡辺恵子さんで、"
                        + "問い合わせには同課の窓口でお答えしますのでお気軽にお尋ねください。",
                "１．申込書は窓口で受け付けます。問い合わせは市民課担当の渡辺恵子（03-3412-5678）までお願いします。");
    }

    @Test
    void kangxiRadicalsThatAFontMapsKanjiToAreReadAsTheKanji() {
        assertThat(PdfLines.kangxi("氏名 \u2F2D\u2F65 太郎")).isEqualTo("氏名 山田 太郎"); // ⼭⽥, as some fonts' ToUnicode maps write 山田
        assertThat(PdfLines.kangxi("山田")).isEqualTo("山田");
    }

    /** A faxed page: the fax machine's header line over a page-sized picture; a sticky note. */
    @Test
    void aPdfPageThatIsMostlyAPictureIsUnreadAndItsNotesAreRead() throws IOException {
        Path file = pdfOf("fax.pdf", new Object[][] {{0, "2024/04/01 10:23 FAX 06-6345-9999 P.001/001"}, {0, "氏名 山田 太郎"}}, doc -> {
            try {
                var image = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(doc,
                        new java.awt.image.BufferedImage(800, 1000, java.awt.image.BufferedImage.TYPE_BYTE_GRAY));
                PDPage page = doc.getPage(0);
                try (PDPageContentStream s = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true)) {
                    s.drawImage(image, 0, 0, 612, 700);
                }
                var note = new org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText();
                note.setContents("折り返しは 090-1122-3344 へ");
                note.setTitlePopup("加藤 裕子");
                note.setRectangle(new org.apache.pdfbox.pdmodel.common.PDRectangle(500, 700, 20, 20));
                page.getAnnotations().add(note);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Recorder r = read(file);
        assertThat(lines(r)).containsExactly("2024/04/01 10:23 FAX 06-6345-9999 P.001/001", "氏名 山田 太郎", "コメント 作成者：加藤 裕子",
                "折り返しは 090-1122-3344 へ");
        assertThat(r.problems).singleElement().satisfies(p -> {
            assertThat(p.unread()).isTrue();
            assertThat(p.text().en()).contains("1 of 1 pages (1) have no text or are mostly a picture");
        });
    }

    @Test
    void anHtmlFormsValuesLinksAddressesAndRubyAreReadAsABrowserShowsThem() throws IOException {
        Path file = Files.writeString(dir.resolve("form.html"), "<!DOCTYPE html><html><body><form>"
                + "<label>氏名</label><input type=\"text\" name=\"n\" value=\"中川 美穂\"><input type=\"submit\" value=\"送信\">"
                + "<input type=\"password\" value=\"s3cret\"></form><p>担当：<ruby>渡辺<rp>(</rp><rt>わたなべ</rt><rp>)</rp></ruby>恵子 "
                + "<a href=\"mailto:k.watanabe@example.jp?subject=%E5%95%8F\">メールはこちら</a> <a href=\"tel:03-1234-5678\">電話</a></p></body></html>");
        assertThat(lines(read(file))).containsExactly("氏名 中川 美穂", "担当：渡辺恵子 メールはこちら 電話", "k.watanabe@example.jp", "03-1234-5678");
    }

    @Test
    void aMailsFlowedLinesHeadersGluedWordsAndDeliveryHeadersAreRead() throws IOException {
        String mail = "Return-Path: <kenta.sasaki@example.jp>\r\nDelivered-To: misaki@example.co.jp\r\nFrom: a@example.jp\r\n"
                + "Subject: Re:" + word("山﨑翔太様") + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8; format=flowed; delsp=yes\r\n\r\n"
                + "ご連絡先は大阪府大阪市北区梅田3丁目1番 \r\n3号の佐々木 \r\n健太までお願いします。\r\n-- \r\n署名\r\n";
        Path file = Files.write(dir.resolve("flowed.eml"), mail.getBytes(StandardCharsets.UTF_8));
        assertThat(lines(read(file))).contains("Return-Path: kenta.sasaki@example.jp", "Delivered-To: misaki@example.co.jp",
                "Subject: Re: 山﨑翔太様", "ご連絡先は大阪府大阪市北区梅田3丁目1番3号の佐々木健太までお願いします。", "-- ", "署名");
    }

    @Test
    void aPasswordProtectedWordFileSaysSoAndIsNotRead() throws IOException {
        byte[] ole = new byte[8192]; // an OLE2 container with the EncryptionInfo stream, as Office writes an encrypted .docx
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, ole, 0, 8);
        byte[] name = "EncryptionInfo".getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(name, 0, ole, 7936, name.length);
        Path docx = Files.write(dir.resolve("locked.docx"), ole);
        assertThatThrownBy(() -> read(docx)).isInstanceOf(ReadException.class)
                .hasMessage(docx + ": a password-protected Office document (an encrypted .docx, .xlsx or .pptx): not read; remove the password, then scan it");
    }

    @Test
    void anHtmlPagesEmptyParagraphsAreBlankLinesAndItsSourceLayoutIsNot() throws IOException {
        Path file = Files.writeString(dir.resolve("mail.html"), "<html><body>\n  <p>山田 太郎</p>\n  <p>&nbsp;</p>\n  <div>\n    090-1234-5678\n  </div>"
                + "<div>　字下げのある行</div></body></html>");
        Recorder r = read(file);
        assertThat(r.chunks).extracting(c -> c[0] + " " + c[3]).containsExactly("1 山田 太郎", "3 090-1234-5678", "4 　字下げのある行");
    }

    @Test
    void aPdfLockedWithAPasswordIsRefusedAndSaysSo() throws IOException {
        Path file = pdf(new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission()));
        assertThatThrownBy(() -> read(file)).isInstanceOf(ReadException.class)
                .hasMessage(file + ": a PDF encrypted with a password; not read (remove the password, then scan it)")
                .hasMessageNotContaining("secret");
    }

    @Test
    void brokenDocumentsAreRefusedWithTheirNameAndKind() throws IOException {
        Path pdf = Files.write(dir.resolve("broken.pdf"), "%PDF-1.7\n1 0 obj << /Type /Catalog".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> read(pdf)).isInstanceOf(ReadException.class).hasMessageStartingWith(pdf + ": not a readable PDF (corrupt or truncated): ");
        byte[] whole = Files.readAllBytes(docx());
        Path cut = Files.write(dir.resolve("cut.docx"), java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> read(cut)).isInstanceOf(ReadException.class).hasMessageStartingWith(cut + ": not a readable DOCX (corrupt or truncated): ");
        Recorder empty = read(Files.write(dir.resolve("empty.docx"), new byte[0]));
        assertThat(empty.problems).singleElement().satisfies(p -> assertThat(p.text().en()).endsWith(": empty file"));
    }

    private static byte[] mail() throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress("taro@example.jp", "山田 太郎", "ISO-2022-JP"));
        m.setRecipients(MimeMessage.RecipientType.TO, new InternetAddress[] {new InternetAddress("info@example.co.jp", "受付係", "UTF-8")});
        m.setSubject("会員登録の件（松本 和也）", "ISO-2022-JP");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText("お世話になっております。\n登録者：松本 和也\n電話：080-1111-2222\n", "ISO-2022-JP");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>HTML だけの文: 井上 陽介</p>", "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative", plain, html);
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        MimeBodyPart csv = new MimeBodyPart();
        csv.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(
                "氏名,郵便番号\n木村 聡,1500001\n".getBytes(Charset.forName("windows-31j")), "text/csv; charset=Shift_JIS")));
        csv.setFileName("名簿.csv");
        MimeBodyPart png = new MimeBodyPart();
        png.setContent(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "image/png");
        png.setFileName("photo.png");
        m.setContent(new MimeMultipart("mixed", body, csv, png));
        m.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toByteArray();
    }

    @Test
    void aMailGivesItsDecodedHeadersItsPlainTextAndItsTextAttachmentsAndSaysWhatItDidNotRead() throws Exception {
        byte[] bytes = mail();
        assertThat(new String(bytes, StandardCharsets.US_ASCII)).doesNotContain("松本").contains("=?ISO-2022-JP?");
        Path file = Files.write(dir.resolve("1733.M12P34.host,S=2048:2,S"), bytes); // a Maildir file: no extension
        assertThat(DocumentReader.sniff(file).format()).isEqualTo(Format.EML);
        Recorder r = read(file);
        assertThat(lines(r)).contains("From: 山田 太郎 <taro@example.jp>", "To: 受付係 <info@example.co.jp>",
                "Subject: 会員登録の件（松本 和也）", "登録者：松本 和也", "電話：080-1111-2222", "添付ファイル 1", "氏名,郵便番号",
                "木村 聡,1500001").doesNotContain("HTML だけの文: 井上 陽介");
        assertThat(r.problems).singleElement().satisfies(p -> {
            assertThat(p.unread()).isTrue();
            assertThat(p.text().en()).isEqualTo(file + ": attachment 2 (image/png) is of a kind not read; not scanned");
        });
        assertThat(found(file)).contains("PERSON 山田 太郎", "EMAIL taro@example.jp", "PERSON 松本 和也", "PHONE 080-1111-2222",
                "PERSON 木村 聡", "POSTAL_CODE 1500001");
    }

    private static String word(String text) {
        return "=?ISO-2022-JP?B?" + java.util.Base64.getEncoder().encodeToString(text.getBytes(Charset.forName("x-windows-iso2022jp"))) + "?=";
    }

    @Test
    void aMailLabelledIso2022JpAsWindowsWritesItKeepsItsCircledNumbersVariantKanjiAndDashes() throws IOException {
        String subject = word("①お見積書の件"); // ends in base64 padding: the next word must be widened too
        assertThat(subject).endsWith("=?=");
        byte[] mail = ("From: " + word("㈱髙橋商事 髙橋 一郎") + " <taka@example.jp>\r\nTo: info@example.co.jp\r\nSubject: " + subject + "\r\n "
                + word("～髙橋様") + "\r\nDate: Mon, 7 Dec 2026 09:00:00 +0900\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=ISO-2022-JP\r\nContent-Transfer-Encoding: 7bit\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = "髙橋 一郎 様\r\n電話：０３－１２３４－５６７８\r\n".getBytes(Charset.forName("x-windows-iso2022jp"));
        Path file = dir.resolve("windows.eml");
        Files.write(file, mail);
        Files.write(file, body, java.nio.file.StandardOpenOption.APPEND);
        Recorder r = read(file);
        assertThat(lines(r)).contains("From: ㈱髙橋商事 髙橋 一郎 <taka@example.jp>", "Subject: ①お見積書の件～髙橋様", "髙橋 一郎 様",
                "電話：０３－１２３４－５６７８");
        assertThat(String.join("", lines(r))).doesNotContain("\uFFFD");
    }

    /** A mail as scanners, scripts and web systems write it: unquoted file names with blanks, a workbook with no name. */
    @Test
    void aMailThatJakartaMailRefusesInPartIsReadInTheRestAndNamesNothingOfItsHeaders() throws IOException {
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            var sheet = book.createSheet("名簿");
            String[][] rows = {{"氏名", "電話"}, {"大野 智子", "090-2468-1357"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < 2; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(xlsx);
        }
        String b64 = java.util.Base64.getMimeEncoder().encodeToString(xlsx.toByteArray());
        String mail = "From: scanner@example.jp\r\nTo: soumu@example.co.jp\r\nSubject: scan\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "担当：岩崎 涼子\r\n--b1\r\nContent-Type: text/csv; charset=UTF-8\r\n"
                + "Content-Disposition: attachment; filename=名簿 山田花子_045-123-4567.csv; size=12 3\r\n\r\n氏名,郵便番号\r\n北村 修,1500001\r\n"
                + "--b1\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64 + "\r\n"
                + "--b1\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjcKJeLjz9MKMSAwIG9iago8PC9U=x\r\n"
                + "--b1--\r\n";
        Path file = Files.write(dir.resolve("scan.eml"), mail.getBytes(StandardCharsets.UTF_8));
        Recorder r = read(file);
        assertThat(lines(r)).contains("From: scanner@example.jp", "担当：岩崎 涼子", "添付ファイル 1", "北村 修,1500001", "添付ファイル 2",
                "シート：名簿", "氏名\t電話", "大野 智子\t090-2468-1357");
        assertThat(r.problems).extracting(p -> p.text().en()).singleElement().asString()
                .isEqualTo(file + ": attachment 3 (application/octet-stream) cannot be decoded (cut short?); not read");
        assertThat(r.problems).extracting(p -> (p.text().en() + p.text().ja()).replace(file.toString(), "")) // a temp dir's random name may hold 045
                .noneMatch(m -> m.contains("045") || m.contains("山田"));
    }

    /** Thunderbird's Inbox: an mbox file, no extension, its mails after "From " lines, a body's own "From " quoted. */
    @Test
    void anMboxFolderGivesEachOfItsMails() throws IOException {
        String mbox = "From - Mon Apr  1 10:00:00 2024\r\nX-Mozilla-Status: 0001\r\nFrom: " + word("髙橋 美咲") + " <misaki@example.co.jp>\r\n"
                + "Subject: a\r\nDate: Mon, 1 Apr 2024 10:00:00 +0900\r\n\r\n電話は 090-1111-2222 です。\r\n\r\n"
                + "From - Tue Apr  2 11:00:00 2024\r\nFrom: kenta@example.jp\r\nSubject: b\r\n\r\n>From the desk of 佐々木 健太\r\n";
        Path file = Files.write(dir.resolve("Inbox"), mbox.getBytes(StandardCharsets.UTF_8));
        assertThat(DocumentReader.sniff(file).format()).isEqualTo(Format.EML);
        assertThat(lines(read(file))).containsSubsequence("メール 1", "From: 髙橋 美咲 <misaki@example.co.jp>", "電話は 090-1111-2222 です。",
                "メール 2", "From: kenta@example.jp", "From the desk of 佐々木 健太");
    }

    @Test
    void aMailWhoseBoundaryIsWrongIsReadAsRawTextAndSaysSo() throws IOException {
        String mail = "From: =?UTF-8?B?5bGx55SwIOWkqumDjg==?= <taro@example.jp>\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"right\"\r\n\r\n--wrong\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "連絡先 080-1357-2468\r\n--wrong--\r\n";
        Path file = Files.write(dir.resolve("boundary.eml"), mail.getBytes(StandardCharsets.UTF_8));
        Recorder r = read(file);
        assertThat(lines(r)).contains("From: 山田 太郎 <taro@example.jp>", "連絡先 080-1357-2468");
        assertThat(r.problems).singleElement().satisfies(p -> assertThat(p.unread()).isTrue());
    }

    @Test
    void aMailWhoseHeadersAreRawShiftJisIsDecodedAsWell() throws IOException {
        byte[] head = "From: 佐藤 健二 <sato@example.jp>\r\nSubject: 請求書の件\r\nDate: Mon, 7 Dec 2026 09:00:00 +0900\r\n\r\n本文\r\n"
                .getBytes(Charset.forName("windows-31j"));
        Path file = Files.write(dir.resolve("raw.eml"), head);
        assertThat(lines(read(file))).contains("From: 佐藤 健二 <sato@example.jp>", "Subject: 請求書の件", "本文");
    }

    @Test
    void anHtmlPagesCommentsAndJsonDataAreReadButNotItsCode() throws IOException {
        Path file = Files.writeString(dir.resolve("page.html"), "<!DOCTYPE html><html><body><p>お知らせ</p><!-- 旧担当: 吉田 浩二 -->"
                + "<script type=\"application/json\">{\"customer\": \"中島 美加\", \"tel\": \"080-5555-6666\"}</script>"
                + "<script>var owner = '西村 大輔';</script></body></html>");
        List<String> lines = lines(read(file));
        assertThat(lines).containsExactly("お知らせ", " 旧担当: 吉田 浩二 ", "{\"customer\": \"中島 美加\", \"tel\": \"080-5555-6666\"}");
    }

    @Test
    void anAuthorThatSoftwareWroteIsNoPersonsName() throws IOException {
        Path file = dir.resolve("default.docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            doc.createParagraph().createRun().setText("本文");
            assertThat(doc.getProperties().getCoreProperties().getCreator()).isEqualTo("Apache POI");
            doc.write(out);
        }
        assertThat(lines(read(file))).containsExactly("本文");
    }

    @Test
    void aMailOnStandardInputIsReadAsAMail() throws Exception {
        Recorder r = new Recorder();
        ReadSummary s = new DocumentReader(null).read(new ByteArrayInputStream(mail()), "-", r);
        assertThat(s.format()).isEqualTo(Format.EML);
        assertThat(lines(r)).contains("From: 山田 太郎 <taro@example.jp>", "登録者：松本 和也");
    }

    @Test
    void anOfficeDocumentOnStandardInputIsReadThroughAPrivateCopy() throws Exception {
        Recorder r = new Recorder();
        ReadSummary s = new DocumentReader(null).read(new ByteArrayInputStream(Files.readAllBytes(docx())), "-", r);
        assertThat(s.format()).isEqualTo(Format.DOCX);
        assertThat(lines(r)).contains("佐藤 花子\t090-1234-5678\t1000001");
    }

    @Test
    void anHtmlPageInShiftJisGivesItsBlocksAsLinesItsTableAsRowsAndNoScript() throws IOException {
        String page = "<!DOCTYPE html>\n<html><head><meta charset=\"Shift_JIS\"><title>職員紹介</title>"
                + "<script>var owner = \"西村 大輔\";</script><style>p { color: red }</style></head>"
                + "<body><h1>総務課</h1><p>課長 <b>森 由美子</b><br>内線 1234</p>"
                + "<table><tr><th>氏名</th><th>郵便番号</th></tr><tr><td>池田 翔</td><td>1600022</td></tr></table></body></html>";
        Path file = Files.write(dir.resolve("staff"), page.getBytes(Charset.forName("windows-31j")));
        assertThat(DocumentReader.sniff(file).format()).isEqualTo(Format.HTML);
        Recorder r = read(file);
        assertThat(lines(r)).contains("職員紹介", "総務課", "課長 森 由美子", "内線 1234", "氏名\t郵便番号", "池田 翔\t1600022");
        assertThat(String.join("\n", lines(r))).doesNotContain("西村").doesNotContain("color");
        assertThat(found(file)).contains("PERSON 森 由美子", "PERSON 池田 翔", "POSTAL_CODE 1600022");
    }

    @Test
    void aMemoThatMerelyMentionsFromIsStillText() throws IOException {
        Path memo = Files.write(dir.resolve("memo"), "From: 営業部\n本日の打ち合わせメモ\n".getBytes(StandardCharsets.UTF_8));
        assertThat(DocumentReader.sniff(memo).format()).isEqualTo(Format.TEXT);
    }

    @Test
    void documentsAreNotMistakenForEachOther() {
        assertThat(Sniffer.byExtension("a.DOCX")).isEqualTo(Format.DOCX);
        assertThat(Sniffer.byExtension("a.htm")).isEqualTo(Format.HTML);
        assertThat(Sniffer.isHtml("<!-- saved -->\n<HTML lang=ja>")).isTrue();
        assertThat(Sniffer.isHtml("<p>fragment</p>")).isFalse();
        assertThat(Sniffer.isMail("Received: from x\r\n by y\r\nSubject: hi\r\n\r\nbody")).isTrue();
        assertThat(Sniffer.isMail("Subject: hi\nDate: today\n\nbody")).as("no field of its origin").isFalse();
        assertThat(Sniffer.isMail(" From: x\nDate: y\n\n")).as("a continuation first").isFalse();
    }

    @Test
    void pdfBytesOnStandardInputWithoutTextArePdfStill() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.save(out);
        }
        Recorder r = new Recorder();
        assertThat(new DocumentReader(null).read(new ByteArrayInputStream(out.toByteArray()), "-", r).format()).isEqualTo(Format.PDF);
        assertThat(r.problems).singleElement().satisfies(p -> assertThat(p.unread()).isTrue());
    }
}
