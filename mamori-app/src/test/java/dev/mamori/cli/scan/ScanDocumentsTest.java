package dev.mamori.cli.scan;

import static dev.mamori.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.cli.CliTest.Run;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mamori scan} of a folder of Word, PDF, mail and HTML files, as an office's shared drive holds them. */
class ScanDocumentsTest {

    @TempDir
    Path dir;

    private Path docx(String name, String... paragraphs) throws IOException {
        Path file = dir.resolve(name);
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            for (String p : paragraphs) {
                doc.createParagraph().createRun().setText(p);
            }
            doc.write(out);
        }
        return file;
    }

    @Test
    void aFolderOfDocumentsIsScannedWithMaskedValuesAndTheLinesOfTheirText() throws IOException {
        docx("議事録.docx", "議事録", "出席：長谷川 正和、村上 千代子", "連絡先 090-1234-5678");
        Files.writeString(dir.resolve("staff.html"), "<!DOCTYPE html><html><body><p>担当　岡本 真央</p><p>okamoto@example.co.jp</p></body></html>");
        Files.writeString(dir.resolve("inquiry.eml"), "From: =?UTF-8?B?5bGx55SwIOWkqumDjg==?= <taro@example.jp>\r\nTo: info@example.co.jp\r\n"
                + "Subject: test\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n電話は 03-1234-5678 です。\r\n", StandardCharsets.UTF_8);
        try (PDDocument scanned = new PDDocument()) { // a scanned page: an image, no text
            scanned.addPage(new PDPage());
            scanned.save(dir.resolve("scan.pdf").toFile());
        }
        Run r = run("--lang", "en", "scan", "--no-progress", dir.toString());
        assertThat(r.out()).contains("議事録.docx  DOCX, ").contains("staff.html  HTML, UTF-8, ").contains("inquiry.eml  EML, ")
                .contains("scan.pdf  PDF, ")
                .contains("PERSON                長＊＊ ＊＊").contains("PHONE                 090-1***-****")
                .contains("[unread] " + dir.resolve("scan.pdf") + ": 1 of 1 pages (1) have no text or are mostly a picture (scanned images?)")
                .doesNotContain("長谷川").doesNotContain("okamoto@").doesNotContain("山田");
        assertThat(r.code()).isZero();
        Run gate = run("--lang", "en", "scan", "--no-progress", "--fail-on", "PHONE", dir.toString());
        assertThat(gate.code()).as("a page not read: the gate cannot vouch for it").isEqualTo(2);
        Files.delete(dir.resolve("scan.pdf"));
        assertThat(run("--lang", "en", "scan", "--no-progress", "--fail-on", "PHONE", dir.toString()).code()).isEqualTo(1);
        Run jsonl = run("scan", "--no-progress", "--format", "jsonl", "--show-values", dir.resolve("inquiry.eml").toString());
        assertThat(jsonl.out()).contains("\"type\":\"PERSON\"").contains("\"value\":\"山田 太郎\"").contains("\"value\":\"03-1234-5678\"");
    }

    @Test
    void officeFilesOf97To2003AreScannedToo() throws IOException {
        try (org.apache.poi.hssf.usermodel.HSSFWorkbook wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook();
             OutputStream out = Files.newOutputStream(dir.resolve("名簿.xls"))) {
            org.apache.poi.hssf.usermodel.HSSFSheet s = wb.createSheet("名簿");
            String[][] rows = {{"氏名", "郵便番号", "電話"}, {"長谷川 正和", "1000001", "090-1234-5678"}, {"村上 千代子", "5300001", "03-3333-4444"}};
            for (int r = 0; r < rows.length; r++) {
                org.apache.poi.hssf.usermodel.HSSFRow row = s.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
        }
        Path ppt = dir.resolve("体制.ppt");
        try (org.apache.poi.hslf.usermodel.HSLFSlideShow show = new org.apache.poi.hslf.usermodel.HSLFSlideShow();
             OutputStream out = Files.newOutputStream(ppt)) {
            show.createSlide().createTextBox().setText("営業部長　渡辺 健一　watanabe@example.co.jp");
            show.write(out);
        }
        Run r = run("--lang", "en", "scan", "--no-progress", dir.toString());
        assertThat(r.out()).contains("名簿.xls  XLS").contains("体制.ppt  PPT")
                .contains("POSTAL_CODE").contains("EMAIL").doesNotContain("長谷川").doesNotContain("watanabe@");
        assertThat(r.code()).isZero();
        Run redact = run("--lang", "en", "redact", ppt.toString());
        assertThat(redact.code()).isEqualTo(2);
        assertThat(redact.err()).contains(ppt + ": cannot write a redacted PPT");
    }

    /** An OpenDocument package: its mimetype, stored first, and its content. */
    private Path odf(String name, String type, String body) throws IOException {
        Path file = dir.resolve(name);
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            byte[] mimetype = ("application/vnd.oasis.opendocument." + type).getBytes(StandardCharsets.US_ASCII);
            java.util.zip.ZipEntry m = new java.util.zip.ZipEntry("mimetype");
            m.setMethod(java.util.zip.ZipEntry.STORED);
            m.setSize(mimetype.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(mimetype);
            m.setCrc(crc.getValue());
            zip.putNextEntry(m);
            zip.write(mimetype);
            zip.putNextEntry(new java.util.zip.ZipEntry("content.xml"));
            zip.write(("<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                    + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
                    + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"><office:body>" + body
                    + "</office:body></office:document-content>").getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static String row(String... cells) {
        StringBuilder b = new StringBuilder("<table:table-row>");
        for (String c : cells) {
            b.append("<table:table-cell><text:p>").append(c).append("</text:p></table:table-cell>");
        }
        return b.append("</table:table-row>").toString();
    }

    @Test
    void openDocumentFilesAreScannedToo() throws IOException {
        odf("名簿.ods", "spreadsheet", "<office:spreadsheet><table:table table:name=\"名簿\">" + row("会員名簿") + row("氏名", "郵便番号", "電話", "備考")
                + row("長谷川 正和", "1000001", "090-1234-5678", "") + row("村上 千代子", "5300001", "03-3333-4444", "")
                + "</table:table></office:spreadsheet>");
        Path odt = odf("議事録.odt", "text", "<office:text><text:p>出席：長谷川 正和、村上 千代子</text:p><text:p>連絡先 090-1234-5678</text:p></office:text>");
        Run r = run("--lang", "en", "scan", "--no-progress", dir.toString());
        assertThat(r.out()).contains("名簿.ods  ODS").contains("議事録.odt  ODT")
                .contains("POSTAL_CODE").contains("PHONE").doesNotContain("長谷川").doesNotContain("1234-5678");
        assertThat(r.code()).isZero();
        Run jsonl = run("scan", "--no-progress", "--format", "jsonl", "--show-values", dir.resolve("名簿.ods").toString());
        assertThat(jsonl.out()).contains("\"column\":\"郵便番号\"").contains("\"value\":\"5300001\"").contains("\"sheet\":\"名簿\"");
        Run redact = run("--lang", "en", "redact", odt.toString());
        assertThat(redact.code()).isEqualTo(2);
        assertThat(redact.err()).contains(odt + ": cannot write a redacted ODT");
    }

    @Test
    void theFilesInsideAnArchiveAreScannedAndALockedOneIsSaidUnread() throws IOException {
        Path zip = dir.resolve("送付.zip");
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip),
                java.nio.charset.Charset.forName("windows-31j"))) { // as Windows writes it: names in CP932
            z.putNextEntry(new java.util.zip.ZipEntry("名簿/会員.csv"));
            z.write("氏名,郵便番号,電話\n長谷川 正和,1000001,090-1234-5678\n村上 千代子,5300001,03-3333-4444\n".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new java.util.zip.ZipEntry("logo.png"));
            z.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0});
        }
        Run r = run("--lang", "en", "scan", "--no-progress", dir.toString());
        assertThat(r.out()).contains(zip + "!/名簿/会員.csv  CSV").contains("POSTAL_CODE").contains(zip + "!/logo.png  skipped (unread): PNG image")
                .doesNotContain("長谷川");
        Run jsonl = run("scan", "--no-progress", "--format", "jsonl", zip.toString());
        assertThat(jsonl.out()).contains("\"file\":\"" + zip + "!/名簿/会員.csv\"").contains("\"column\":\"郵便番号\"");
        assertThat(dir.resolve("名簿")).doesNotExist(); // nothing extracted beside the archive
        Run gate = run("--lang", "en", "scan", "--no-progress", "--fail-on", "PHONE", zip.toString());
        assertThat(gate.code()).as("a file inside not read: the gate cannot vouch for it").isEqualTo(2);
    }

    @Test
    void redactWritesAWordDocumentsCopyAndRefusesWhatItCannotWriteBack() throws IOException {
        Path docx = docx("a.docx", "氏名：山田 太郎", "電話 090-1234-5678");
        Run noOutput = run("--lang", "en", "redact", docx.toString());
        assertThat(noOutput.code()).isEqualTo(2);
        assertThat(noOutput.err()).contains(docx + ": the redacted copy of a Word document is written to --output FILE.docx");
        Path out = dir.resolve("a.redacted.docx");
        Run r = run("--lang", "en", "redact", docx.toString(), "--output", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains(docx + ": 2 paragraphs, 2 findings hidden").contains("removed: text deleted with tracked changes");
        Run scan = run("scan", "--no-progress", "--format", "jsonl", "--show-values", out.toString());
        assertThat(scan.out()).doesNotContain("山田").doesNotContain("090-1234");
        Path pptx = dir.resolve("b.pptx");
        try (org.apache.poi.xslf.usermodel.XMLSlideShow show = new org.apache.poi.xslf.usermodel.XMLSlideShow();
             OutputStream o = Files.newOutputStream(pptx)) {
            show.createSlide().createTextBox().setText("山田 太郎");
            show.write(o);
        }
        Run refused = run("--lang", "en", "redact", pptx.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains(pptx + ": cannot write a redacted PPTX; redact takes text documents and Word (.docx) files");
    }

    @Test
    void includeAndExcludeSeeAnArchiveAsAFolder() throws IOException {
        Path export = Files.createDirectories(dir.resolve("export"));
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(export.resolve("名簿.zip")))) {
            for (String[] e : new String[][] {{"会員/一覧.csv", "氏名,電話番号\n山田 太郎,090-1234-5678\n"}, {"memo.txt", "連絡先 03-3456-7890\n"},
                    {"inner.zip", null}}) {
                z.putNextEntry(new java.util.zip.ZipEntry(e[0]));
                if (e[1] != null) {
                    z.write(e[1].getBytes(StandardCharsets.UTF_8));
                } else { // an archive inside, with a CSV of its own
                    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
                    try (java.util.zip.ZipOutputStream in = new java.util.zip.ZipOutputStream(b)) {
                        in.putNextEntry(new java.util.zip.ZipEntry("deep.csv"));
                        in.write("氏名,メール\n佐藤 花子,hanako@example.jp\n".getBytes(StandardCharsets.UTF_8));
                    }
                    z.write(b.toByteArray());
                }
            }
        }
        Files.writeString(export.resolve("top.txt"), "電話 06-1234-5678\n");
        java.util.function.Function<String[], String> files = args -> {
            String out = run(java.util.stream.Stream.concat(java.util.stream.Stream.of("--lang", "en", "scan", "--no-progress",
                    "--format", "jsonl"), java.util.stream.Stream.concat(java.util.stream.Stream.of(args),
                    java.util.stream.Stream.of(dir.toString()))).toArray(String[]::new)).out();
            return java.util.Arrays.stream(out.split("\n")).filter(l -> l.contains("\"type\""))
                    .map(l -> l.replaceAll(".*\"file\":\"[^\"]*/export/([^\"]*)\".*", "$1")).distinct().sorted()
                    .collect(java.util.stream.Collectors.joining(" "));
        };
        assertThat(files.apply(new String[0])).isEqualTo("top.txt 名簿.zip!/inner.zip!/deep.csv 名簿.zip!/memo.txt 名簿.zip!/会員/一覧.csv");
        assertThat(files.apply(new String[] {"--include", "**/*.csv"})).as("the CSV files inside, nested too")
                .isEqualTo("名簿.zip!/inner.zip!/deep.csv 名簿.zip!/会員/一覧.csv");
        assertThat(files.apply(new String[] {"--include", "export/名簿.zip/会員/**"})).isEqualTo("名簿.zip!/会員/一覧.csv");
        assertThat(files.apply(new String[] {"--exclude", "*.txt"})).as("excluded inside as outside")
                .isEqualTo("名簿.zip!/inner.zip!/deep.csv 名簿.zip!/会員/一覧.csv");
        assertThat(files.apply(new String[] {"--include", "*.zip", "--exclude", "**/inner.zip/**"}))
                .as("an archive chosen itself is read whole, but for what is excluded").isEqualTo("名簿.zip!/memo.txt 名簿.zip!/会員/一覧.csv");
        assertThat(files.apply(new String[] {"--exclude", "*.zip"})).isEqualTo("top.txt");
    }
}
