package dev.mamori.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.detect.Detector;
import dev.mamori.detect.LocatedFinding;
import dev.mamori.detect.MaskScope;
import dev.mamori.detect.Scanner;
import dev.mamori.report.Message;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redacted copies of Word documents: every value the scanner finds in the original is gone from every part of the copy
 * (its XML read raw, not through a reader that might skip a part), the copy opens, what is not personal stays, and what
 * would show hidden text or who wrote it is removed. The .docx fixtures (src/test/resources/…/deid/docx) are LibreOffice's
 * conversions of the .fodt files in …/table/legacy: headers and footers, footnotes, a tracked deletion, ruby, links,
 * a nested table, a text box and a comment.
 */
class DocxRedactorTest {

    @TempDir
    Path dir;

    private Path fixture(String name) throws IOException {
        try (InputStream in = DocxRedactorTest.class.getResourceAsStream("docx/" + name)) {
            return Files.write(dir.resolve(name), in.readAllBytes());
        }
    }

    private static List<String> values(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (Scanner s = new Scanner(Scanner.Options.defaults())) {
            s.scan(file, file.getFileName().toString(), (LocatedFinding f) -> out.add(f.finding().value()));
        }
        return out;
    }

    /** Every part of the package as text, as an attacker unzipping it would read it. */
    private static String raw(Path docx) throws IOException {
        StringBuilder b = new StringBuilder();
        try (ZipFile z = new ZipFile(docx.toFile())) {
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
                try (InputStream in = z.getInputStream(e.nextElement())) {
                    b.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
                }
            }
        }
        return b.toString();
    }

    private DocxRedactor.Summary redact(Path in, Path out, TextRedactor.Style style) throws IOException {
        try (OutputStream o = Files.newOutputStream(out)) {
            return new DocxRedactor(new TextRedactor(Detector.all(), style, MaskScope.SPAN)).redact(in, o);
        }
    }

    @Test
    void nothingTheScannerFindsIsLeftInAnyPart() throws IOException {
        for (String name : new String[] {"rireki.docx", "cmt.docx"}) {
            Path in = fixture(name);
            List<String> found = values(in);
            assertThat(found).hasSizeGreaterThan(4);
            for (TextRedactor.Style style : TextRedactor.Style.values()) {
                Path out = dir.resolve(style + "-" + name);
                DocxRedactor.Summary s = redact(in, out, style);
                String raw = raw(out);
                assertThat(found).as(name + " " + style).noneMatch(raw::contains);
                assertThat(s.hidden().total()).isPositive();
                try (InputStream i = Files.newInputStream(out); XWPFDocument d = new XWPFDocument(i)) { // it opens
                    assertThat(d.getParagraphs()).isNotEmpty();
                }
                assertThat(values(out)).as("what the scanner finds in the copy").isEmpty();
            }
        }
    }

    @Test
    void whatIsNotPersonalStaysAndWhatShowsHiddenTextOrItsWriterGoes() throws IOException {
        Path in = fixture("rireki.docx");
        Path out = dir.resolve("out.docx");
        redact(in, out, TextRedactor.Style.LABEL);
        String raw = raw(out);
        assertThat(raw(in)).contains("w:delText", "やまだ", "w:author=\"", "森田");
        assertThat(raw).contains("履 歴 書", "〈氏名〉", "〈電話番号〉", "生年月日")
                .doesNotContain("w:delText", "旧電話", "やまだ", "森田") // the deletion, ruby's reading, the file's author
                .doesNotContainPattern("w:author=\"[^\"]+\"");
        Path comments = fixture("cmt.docx");
        Path out2 = dir.resolve("out2.docx");
        redact(comments, out2, TextRedactor.Style.BLACKOUT);
        assertThat(raw(out2)).contains("面談記録", "■").doesNotContainPattern("w:author=\"[^\"]+\"");
    }

    @Test
    void aNameSplitOverRunsALinksTargetAndAThumbnailAreHidden() throws IOException {
        Path made = dir.resolve("made.docx");
        try (XWPFDocument d = new XWPFDocument(); OutputStream o = Files.newOutputStream(made)) {
            XWPFParagraph p = d.createParagraph();
            p.createRun().setText("担当：山");
            p.createRun().setText("田太");
            p.createRun().setText("郎（090-1234-");
            p.createRun().setText("5678）");
            d.createParagraph().createHyperlinkRun("mailto:yamada@example.jp").setText("メールはこちら");
            d.getProperties().getCoreProperties().setCreator("鈴木一郎");
            d.write(o);
        }
        Path with = dir.resolve("with-thumbnail.docx"); // Word's page thumbnail: a picture of the text
        try (ZipFile z = new ZipFile(made.toFile()); ZipOutputStream o = new ZipOutputStream(Files.newOutputStream(with))) {
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                byte[] b = z.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("_rels/.rels")) {
                    b = new String(b, StandardCharsets.UTF_8).replace("</Relationships>", "<Relationship Id=\"rIdT\" Type=\"http://"
                            + "schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail\" Target=\"docProps/thumbnail.jpeg\"/>"
                            + "</Relationships>").getBytes(StandardCharsets.UTF_8);
                }
                o.putNextEntry(new ZipEntry(entry.getName()));
                o.write(b);
            }
            o.putNextEntry(new ZipEntry("docProps/thumbnail.jpeg"));
            o.write(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0});
        }
        Path out = dir.resolve("made-out.docx");
        DocxRedactor.Summary s = redact(with, out, TextRedactor.Style.LABEL);
        String raw = raw(out);
        assertThat(raw).contains("メールはこちら").doesNotContain("山", "太", "5678", "yamada@", "鈴木", "thumbnail");
        try (InputStream i = Files.newInputStream(out); XWPFDocument d = new XWPFDocument(i)) {
            assertThat(d.getParagraphs().get(0).getText()).isEqualTo("担当：〈氏名〉（〈電話番号〉）"); // written in the runs it began in
        }
        assertThat(s.removed()).containsExactly("docProps/thumbnail.jpeg");
        try (ZipFile z = new ZipFile(out.toFile())) {
            assertThat(z.getEntry("docProps/thumbnail.jpeg")).isNull();
        }
    }

    private static final String WNS = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
            + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
            + " xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/math\"";

    /** A package of these parts, written by hand, as Word lays them out. */
    private Path pack(String name, java.util.Map<String, String> parts) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            for (var p : parts.entrySet()) {
                z.putNextEntry(new ZipEntry(p.getKey()));
                z.write(p.getValue().getBytes(p.getKey().endsWith(".png") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
            }
        }
        return file;
    }

    private static java.util.Map<String, String> base(String body, String documentRels) {
        java.util.Map<String, String> parts = new java.util.LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"png\" ContentType=\"image/png\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
        parts.put("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\""
                + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
        parts.put("word/document.xml", "<w:document " + WNS + "><w:body>" + body + "</w:body></w:document>");
        parts.put("word/_rels/document.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + documentRels + "</Relationships>");
        return parts;
    }

    @Test
    void whatStandsInAttributesFieldCodesBoundDataAndNamesIsHiddenToo() throws IOException {
        String body = "<w:p><w:r><w:t>担当：佐藤花子さん（090-1234-5678）</w:t></w:r></w:p>"
                // a content control titled after the person, a list of names, a date control's value
                + "<w:sdt><w:sdtPr><w:alias w:val=\"佐藤花子\"/><w:tag w:val=\"佐藤花子\"/><w:dropDownList>"
                + "<w:listItem w:displayText=\"佐藤花子\" w:value=\"佐藤花子\"/></w:dropDownList></w:sdtPr>"
                + "<w:sdtContent><w:p><w:r><w:t>選択</w:t></w:r></w:p></w:sdtContent></w:sdt>"
                + "<w:sdt><w:sdtPr><w:date w:fullDate=\"1971-03-09T00:00:00Z\"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>日付</w:t></w:r></w:p>"
                + "</w:sdtContent></w:sdt>"
                // a bookmark named after her, a link to it with a tooltip, a field code cut over two runs
                + "<w:p><w:bookmarkStart w:id=\"0\" w:name=\"佐藤花子\"/><w:r><w:t>本文</w:t></w:r><w:bookmarkEnd w:id=\"0\"/>"
                + "<w:hyperlink w:anchor=\"佐藤花子\" w:tooltip=\"佐藤花子\"><w:r><w:t>こちら</w:t></w:r></w:hyperlink>"
                + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>HYPERLINK \"mailto:hana</w:instrText></w:r>"
                + "<w:r><w:instrText>ko.sato@example.jp\"</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
                + "<w:r><w:t>メール</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
                // deleted text inside an insertion, a math zone, an XML comment
                + "<w:p><w:ins w:id=\"1\" w:author=\"鈴木一郎\"><w:r><w:delText>旧担当 高橋次郎</w:delText></w:r></w:ins>"
                + "<m:oMath><m:r><m:t>山本恵子</m:t></m:r></m:oMath><!-- 作成: 高橋次郎 --></w:p>";
        java.util.Map<String, String> parts = base(body, "<Relationship Id=\"rIdImg\" Type=\"http://schemas.openxmlformats.org/"
                + "officeDocument/2006/relationships/image\" Target=\"media/image1.png\"/>");
        parts.put("word/settings.xml", "<w:settings " + WNS + "><w:docVars><w:docVar w:name=\"担当\" w:val=\"高橋次郎 090-2222-3333\"/>"
                + "</w:docVars></w:settings>");
        parts.put("customXml/item1.xml", "<person full=\"高橋次郎\" tel=\"090-9876-5432\">高橋次郎</person>");
        parts.put("docProps/custom.xml", "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\""
                + " xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"><property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\""
                + " pid=\"2\" name=\"患者_藤井恭子\"><vt:i4>55512345</vt:i4></property></Properties>");
        // a picture whose text chunk names its author
        parts.put("word/media/image1.png", "\u0089PNG\r\n\u001a\n" + "\u0000\u0000\u0000\u0012tEXtAuthor\u0000Hanako Sato\u0000\u0000\u0000\u0000"
                + "\u0000\u0000\u0000\u0000IEND\u00aeB`\u0082");
        Path in = pack("attrs.docx", parts);
        Path out = dir.resolve("attrs-out.docx");
        redact(in, out, TextRedactor.Style.LABEL);
        String raw = raw(out);
        assertThat(raw).doesNotContain("佐藤", "花子", "1234-5678", "1971-03-09", "hanako", "example.jp", "高橋", "鈴木", "山本",
                "2222-3333", "9876", "藤井", "55512345", "Hanako Sato").contains("IEND");
        try (ZipFile z = new ZipFile(out.toFile())) {
            String doc = new String(z.getInputStream(z.getEntry("word/document.xml")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(doc).contains("w:name=\"_Mamori1\"", "w:anchor=\"_Mamori1\"");
        }
    }

    @Test
    void shortNumbersFontsAndIdsAreLeftAlone() throws IOException {
        // 記号 12 and 番号 34 are found in the text: hidden there, but not inside rId12, a size of 120 or 2012年12月
        String body = "<w:p><w:r><w:rPr><w:rFonts w:eastAsia=\"游明朝\"/></w:rPr><w:t>被保険者証 記号：12 番号：34</w:t></w:r></w:p>"
                + "<w:p><w:pPr><w:spacing w:after=\"120\"/></w:pPr><w:hyperlink r:id=\"rId12\"><w:r><w:t>2012年12月 1,234円</w:t></w:r>"
                + "</w:hyperlink></w:p>";
        Path in = pack("numbers.docx", base(body, "<Relationship Id=\"rId12\" Type=\"http://schemas.openxmlformats.org/"
                + "officeDocument/2006/relationships/hyperlink\" Target=\"https://example.jp/\" TargetMode=\"External\"/>"));
        Path out = dir.resolve("numbers-out.docx");
        redact(in, out, TextRedactor.Style.LABEL);
        String raw = raw(out);
        assertThat(raw).contains("r:id=\"rId12\"", "w:after=\"120\"", "2012年12月 1,234円", "w:eastAsia=\"游明朝\"");
    }

    @Test
    void whatCannotBeVouchedForIsRefused() throws IOException {
        java.util.Map<String, String> alt = base("<w:p><w:r><w:t>x</w:t></w:r></w:p><w:altChunk r:id=\"rIdA\"/>",
                "<Relationship Id=\"rIdA\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk\""
                        + " Target=\"chunk.htm\"/>");
        alt.put("word/chunk.htm", "<html>山田太郎</html>"); // an HTML chunk that Word would show
        java.util.Map<String, String> strict = base("<w:p/>", "");
        strict.put("word/document.xml", "<w:document xmlns:w=\"http://purl.oclc.org/ooxml/wordprocessingml/main\"><w:body><w:p/></w:body></w:document>");
        java.util.Map<String, String> svg = base("<w:p/>", "");
        svg.put("word/media/image1.svg", "<svg><text>山田太郎</text></svg>");
        java.util.Map<String, String> named = base("<w:p/>", "");
        named.put("word/media/佐藤花子.png", "PNG"); // a part named as Word never names one
        java.util.Map<String, String> elsewhere = base("<w:p/>", "");
        elsewhere.put("_rels/.rels", elsewhere.get("_rels/.rels").replace("word/document.xml", "content/main.xml"));
        elsewhere.put("content/main.xml", "<w:document " + WNS + "><w:body><w:p><w:r><w:t>山田太郎</w:t></w:r></w:p></w:body></w:document>");
        for (var c : java.util.Map.of("alt.docx", alt, "strict.docx", strict, "svg.docx", svg, "elsewhere.docx", elsewhere,
                "named.docx", named).entrySet()) {
            Path in = pack(c.getKey(), c.getValue());
            assertThatThrownBy(() -> redact(in, dir.resolve("no-" + c.getKey()), TextRedactor.Style.LABEL)).as(c.getKey())
                    .isInstanceOf(Message.Problem.class);
        }
    }

    @Test
    void aDocumentWithObjectsPastedInIsRefusedAndNothingWritten() throws IOException {
        Path in = fixture("cmt.docx");
        Path with = dir.resolve("object.docx");
        try (ZipFile z = new ZipFile(in.toFile()); ZipOutputStream o = new ZipOutputStream(Files.newOutputStream(with))) {
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                o.putNextEntry(new ZipEntry(entry.getName()));
                o.write(z.getInputStream(entry).readAllBytes());
            }
            o.putNextEntry(new ZipEntry("word/embeddings/Microsoft_Excel_Worksheet.xlsx"));
            o.write(new byte[] {'P', 'K', 3, 4});
        }
        assertThatThrownBy(() -> redact(with, dir.resolve("no.docx"), TextRedactor.Style.LABEL)).isInstanceOf(Message.Problem.class)
                .satisfies(e -> assertThat(((Message.Problem) e).message("en")).contains("word/embeddings/Microsoft_Excel_Worksheet.xlsx",
                        "cannot be redacted"));
    }
}
