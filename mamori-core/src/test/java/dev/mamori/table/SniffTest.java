package dev.mamori.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SniffTest {

    @TempDir
    Path dir;

    /** The verdict, with the reason in English only (the Japanese is checked on its own). */
    private DocumentReader.Sniff sniff(String name, byte[] bytes) throws IOException {
        DocumentReader.Sniff s = DocumentReader.sniff(Files.write(dir.resolve(name), bytes));
        return s.skipReason() == null ? s : skip(s.skipReason().en());
    }

    private static DocumentReader.Sniff skip(String reason) {
        return new DocumentReader.Sniff(null, new dev.mamori.report.Message(reason, reason));
    }

    @Test
    void theReasonToSkipIsAlsoInJapanese() throws IOException {
        DocumentReader.Sniff s = DocumentReader.sniff(Files.write(dir.resolve("b.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10}));
        assertThat(s.skipReason().ja()).isEqualTo("PNG 画像");
        assertThat(s.skipReason().en()).isEqualTo("PNG image");
    }

    @Test
    void binaryFilesAreSkippedWithAReason() throws IOException {
        assertThat(sniff("a.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10})).isEqualTo(skip("PNG image"));
        assertThat(sniff("a.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).isEqualTo(skip("JPEG image"));
        assertThat(sniff("a.gif", "GIF89a".getBytes(StandardCharsets.US_ASCII))).isEqualTo(skip("GIF image"));
        assertThat(sniff("a.gz", new byte[] {0x1F, (byte) 0x8B, 8})).isEqualTo(skip("gzip archive"));
        assertThat(sniff("A.class", new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE})).isEqualTo(skip("Java class file"));
        assertThat(sniff("a.dat", new byte[] {'a', 'b', 0, 'c'})).isEqualTo(skip("binary file (NUL byte at offset 2)"));
        byte[] visio; // an OLE2 file of a kind not read
        try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem();
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[600]), "VisioDocument");
            fs.writeFilesystem(out);
            visio = out.toByteArray();
        }
        assertThat(sniff("drawing.vsd", visio)).isEqualTo(skip("OLE2 file that is not a .xls, .doc, .ppt or .msg (a Visio or Publisher file, Thumbs.db, …)"));
        assertThat(sniff("drawing.xls", visio)).isEqualTo(new DocumentReader.Sniff(Format.XLS, null)); // its reader says it is none
        assertThat(sniff("cut.doc", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}))
                .isEqualTo(new DocumentReader.Sniff(Format.DOC, null));
        assertThat(sniff("fake.xlsx", "hello".getBytes(StandardCharsets.US_ASCII))).isEqualTo(skip("not a ZIP, so not an XLSX file"));
    }

    /** A zip holding one small entry of this name. */
    private Path zip(String name, String entry) throws IOException {
        Path zip = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(entry));
            z.write("<w/>".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return zip;
    }

    @Test
    void zipThatIsNotAnOfficeDocumentIsSkipped() throws IOException {
        Path zip = zip("photos.zip", "readme.txt");
        assertThat(DocumentReader.sniff(zip).skipReason().en()).isEqualTo("ZIP archive that is not an Office document (XLSX, DOCX, PPTX, ODS, ODT, ODP)");
        assertThatThrownBy(() -> new DocumentReader(null).read(zip, new Recorder()))
                .isInstanceOf(ReadException.class)
                .hasMessage(zip + ": not a file of a format read here (text, CSV, XLSX, XLS, ODS, JSONL, DOCX, DOC, ODT, RTF, PPTX, PPT, ODP, PDF, e-mail, Outlook .msg, HTML): ZIP archive"
                        + " that is not an Office document (XLSX, DOCX, PPTX, ODS, ODT, ODP)");
    }

    @Test
    void aChatExportWithTabsIsTextAndATableWithAHeaderIsNot() throws IOException { // session 58: scan - of a LINE export
        byte[] chat = "12:31\t山田\t了解です\n12:33\t鈴木\tいまから行きます\n".getBytes(StandardCharsets.UTF_8);
        assertThat(sniff("no-extension", chat).format()).isEqualTo(Format.TEXT);
        byte[] table = "時刻\t氏名\t内容\n12:31\t山田\t了解\n12:33\t鈴木\t承知\n".getBytes(StandardCharsets.UTF_8);
        assertThat(sniff("no-extension", table).format()).isEqualTo(Format.CSV);
    }

    @Test
    void officeDocumentsAndPdfsAreKnownByTheirContent() throws IOException {
        Path zip = zip("no-extension", "word/document.xml");
        assertThat(DocumentReader.sniff(zip)).isEqualTo(new DocumentReader.Sniff(Format.DOCX, null));
        assertThat(sniff("a.csv", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo(new DocumentReader.Sniff(Format.PDF, null));
        assertThat(sniff("fake.docx", "hello".getBytes(StandardCharsets.US_ASCII))).isEqualTo(skip("not a ZIP, so not a DOCX file"));
    }

    @Test
    void textFormatsByExtensionThenContent() throws IOException {
        byte[] prose = "Hello, world.\nThis is prose, with commas, here and there.\nNo table.\n".getBytes(StandardCharsets.UTF_8);
        byte[] table = "氏名|電話\n山田|090\n".getBytes(StandardCharsets.UTF_8);
        assertThat(sniff("notes", prose)).isEqualTo(new DocumentReader.Sniff(Format.TEXT, null));
        assertThat(sniff("data", table)).isEqualTo(new DocumentReader.Sniff(Format.CSV, null));
        assertThat(sniff("data.log", table)).isEqualTo(new DocumentReader.Sniff(Format.TEXT, null));
        assertThat(sniff("x.ndjson", "{}\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(new DocumentReader.Sniff(Format.JSONL, null));
        assertThat(sniff("u16.txt", new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0})).isEqualTo(new DocumentReader.Sniff(Format.TEXT, null));
        assertThat(sniff("empty", new byte[0])).isEqualTo(new DocumentReader.Sniff(Format.TEXT, null));
    }
}
