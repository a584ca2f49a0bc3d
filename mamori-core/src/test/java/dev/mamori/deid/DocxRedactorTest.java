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
