package dev.mamori.table;

import dev.mamori.report.Message;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.sl.extractor.SlideShowExtractor;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * The text of a document that is not plain text — Word (.docx), PowerPoint (.pptx), PDF (its text layer), e-mail
 * (RFC 5322 with MIME, .eml) and HTML — delivered line by line to {@link DocumentVisitor#text}, as plain text is, so
 * that every recognizer reads it, tables inside text included: a table's row comes as one line with its cells
 * separated by tabs. Each format's own library pulls the text out (Apache POI, Apache PDFBox, Jakarta Mail, jsoup);
 * what is written here is only which parts are read, in which order, and how HTML's blocks and cells become lines
 * (jsoup gives an element's text on one line).
 *
 * <p>A Word document's text boxes and a PDF form's filled-in fields are read too, after the body. Lines are numbered in
 * the text so extracted (a PDF's lines that a paragraph wraps at the margin joined again,
 * {@link PdfLines}). After a document's body come the parts that hold names too: a Word
 * document's comments (each after a line {@code コメント 作成者：<author>}), a presentation's notes and comments, and
 * the author the file's properties name ({@code 作成者：<name>}). A mail gives its address headers and subject first
 * (decoded), then its text parts (text/plain rather than its text/html alternative), then forwarded messages and
 * attachments of these formats or of text, each after a line {@code 添付ファイル N}. What is not read is reported as
 * unread: a PDF's pages without a text layer (scanned images), attachments of other types.
 */
final class DocumentText {

    /** The largest document held in memory to be read (a mail or an HTML page; Office files and PDFs are read from disk). */
    static final int MAX_IN_MEMORY = 256 << 20;

    private DocumentText() {
    }

    /** Reads {@code file} as {@code format}, one of the formats {@link Format#isDocument()} names. */
    static ReadSummary read(Path file, String name, Format format, Charset forced, DocumentVisitor v) throws IOException, ReadException {
        Lines lines = new Lines(v);
        Problems problems = new Problems(name, v);
        Charset used = null;
        switch (format) {
            case DOCX, PPTX, PDF, DOC, PPT, MSG, ODT, ODP -> office(file, name, format, lines, problems, 0);
            case EML, HTML -> used = textual(bytes(file, name), name, format, forced, lines, problems, 0);
            case RTF -> RtfText.read(bytes(file, name), lines);
            default -> throw new IllegalArgumentException(format + " is not a document");
        }
        return new ReadSummary(format, used, '\0', Files.size(file), lines.count());
    }

    /** Reads a document given as its bytes (standard input, an attachment). */
    static ReadSummary read(byte[] bytes, String name, Format format, Charset forced, DocumentVisitor v) throws IOException, ReadException {
        Lines lines = new Lines(v);
        Problems problems = new Problems(name, v);
        Charset used = part(bytes, name, format, forced, lines, problems, 0);
        return new ReadSummary(format, used, '\0', bytes.length, lines.count());
    }

    static Charset part(byte[] bytes, String name, Format format, Charset forced, Lines lines, Problems problems, int depth)
            throws IOException, ReadException {
        if (format == Format.EML || format == Format.HTML) {
            return textual(bytes, name, format, forced, lines, problems, depth);
        }
        if (format == Format.RTF) {
            RtfText.read(bytes, lines);
            return null;
        }
        Path tmp = dev.mamori.report.AtomicFiles.scratch(null); // owner-only, removed at exit even if we are stopped
        try {
            Files.write(tmp, bytes);
            if (format == Format.XLSX) { // a workbook attached to a mail: its rows as lines, their cells by tabs
                XlsxReader.read(tmp, name, SheetRows.Header.AFTER_TITLES, new TableLines(lines, problems), problems);
            } else if (format == Format.XLS) {
                XlsReader.read(tmp, name, SheetRows.Header.AFTER_TITLES, new TableLines(lines, problems), problems);
            } else if (format == Format.ODS) {
                OpenDocument.sheets(tmp, name, SheetRows.Header.AFTER_TITLES, new TableLines(lines, problems), problems);
            } else {
                office(tmp, name, format, lines, problems, depth);
            }
            return null;
        } finally {
            dev.mamori.report.AtomicFiles.delete(tmp);
        }
    }

    /** A sheet's rows as lines of tab-separated cells (the header too, unless it was made up: 列1, 列2, …). */
    static final class TableLines implements DocumentVisitor {
        private final Lines lines;
        private final Problems problems;
        private String sheet;

        TableLines(Lines lines, Problems problems) {
            this.lines = lines;
            this.problems = problems;
        }

        @Override
        public void text(long line, int offset, int overlap, String chunk) {
            lines.add(chunk);
        }

        @Override
        public void table(String sheet, List<String> header) {
            lines.add("");
            if (sheet != null && !sheet.equals(this.sheet)) { // a sheet's title lines and its table: one sheet
                lines.add("シート：" + sheet);
            }
            this.sheet = sheet;
            if (!header.stream().allMatch(h -> h != null && h.matches("列[0-9]+"))) {
                row(0, 0, header);
            }
        }

        @Override
        public void row(long row, long line, List<String> cells) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                b.append(i == 0 ? "" : "\t").append(cells.get(i) == null ? "" : cells.get(i).replace('\n', ' ').replace('\t', ' '));
            }
            lines.add(b.toString());
        }

        @Override
        public void labeled(long line, String docId, String text) {
            lines.add(text);
        }

        @Override
        public void problem(ReadProblem problem) {
            problems.forward(problem);
        }
    }

    private static byte[] bytes(Path file, String name) throws IOException, ReadException {
        if (Files.size(file) > MAX_IN_MEMORY) {
            throw tooLarge(name);
        }
        return Files.readAllBytes(file);
    }

    static ReadException tooLarge(String name) {
        return new ReadException(new Message(name + ": 大きすぎます（" + (MAX_IN_MEMORY >> 20) + " MiB 超）。この形式はファイル全体を読んで解析するため、読みません",
                name + ": too large (over " + (MAX_IN_MEMORY >> 20) + " MiB) for a format parsed whole; not read"));
    }

    // ---- DOCX, PPTX, PDF

    private static void office(Path file, String name, Format format, Lines lines, Problems problems, int depth)
            throws IOException, ReadException {
        if (format != Format.PDF) {
            Head head;
            try (InputStream in = Files.newInputStream(file)) {
                head = Head.read(in);
            }
            if (Sniffer.isOle2(head)) { // a legacy file, whatever its name said; or a password-protected .docx or .pptx
                Format legacy = Sniffer.ole2(file);
                Message reason = legacy == null ? Sniffer.binaryReason(head, null) : null;
                if (reason != null && !(reason == Sniffer.OTHER_OLE2 && Sniffer.isLegacy(format))) {
                    throw new ReadException(reason.after(name + ": ", name + ": "));
                }
                format = legacy != null ? legacy : format; // one named .doc, .ppt or .msg that does not open: its reader says why
            } else if (Sniffer.isLegacy(format)) {
                throw corrupt(name, format, new IOException("not an OLE2 file"));
            }
        }
        try {
            switch (format) {
                case DOCX -> docx(file, name, lines, problems);
                case PPTX -> pptx(file, name, lines, problems);
                case PDF -> pdf(file, name, lines, problems);
                case ODT, ODP -> OpenDocument.text(file, name, format, lines, problems, depth);
                case XLS, DOC, PPT, MSG -> {
                    try (var fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem(file.toFile(), true)) {
                        Ole2Text.read(fs.getRoot(), name, format, lines, problems, depth);
                    }
                }
                default -> throw new IllegalArgumentException(format.name());
            }
        } catch (ReadException e) {
            throw e;
        } catch (IOException | RuntimeException e) { // POI and PDFBox throw unchecked exceptions on corrupt files
            if (cannotOpen(e)) {
                throw (IOException) e;
            }
            if (e instanceof org.apache.poi.EncryptedDocumentException) { // a .doc or .ppt saved with a password
                throw new ReadException(new Message(name + ": パスワードで保護された文書です。読めません（パスワードを外してから検査してください）",
                        name + ": a document protected by a password; not read (remove the password, then scan it)"));
            }
            throw corrupt(name, format, e);
        }
    }

    private static void docx(Path file, String name, Lines lines, Problems problems) throws IOException {
        try (InputStream in = Files.newInputStream(file); XWPFDocument doc = new XWPFDocument(in)) {
            WordText.read(doc, lines);
            embedded(doc.getPackage(), name, lines, problems);
            author(doc.getProperties(), lines);
        }
    }

    private static void pptx(Path file, String name, Lines lines, Problems problems) throws IOException {
        try (InputStream in = Files.newInputStream(file); XMLSlideShow show = new XMLSlideShow(in)) {
            slides(show, lines);
            embedded(show.getPackage(), name, lines, problems);
            author(show.getProperties(), lines);
        }
    }

    /**
     * A presentation's slides with their tables and notes (POI's extractor), then each slide's comments after a line
     * {@code コメント 作成者：<author>} (the extractor ends a comment without a line break, gluing it to the notes).
     */
    static void slides(org.apache.poi.sl.usermodel.SlideShow<?, ?> show, Lines lines) {
        SlideShowExtractor<?, ?> text = new SlideShowExtractor<>(show);
        text.setSlidesByDefault(true);
        text.setNotesByDefault(true);
        text.setCommentsByDefault(false);
        text.setMasterByDefault(false); // the layouts' placeholder text, the same on every file
        lines.add(text.getText());
        for (org.apache.poi.sl.usermodel.Slide<?, ?> slide : show.getSlides()) {
            for (org.apache.poi.sl.usermodel.Comment c : slide.getComments()) {
                if (c.getText() != null && !c.getText().isBlank()) {
                    lines.add("コメント 作成者：" + nonNull(c.getAuthor()));
                    lines.add(c.getText());
                }
            }
        }
    }

    private static final String DRAWING_NS = "declare namespace a='http://schemas.openxmlformats.org/drawingml/2006/main' ";

    /**
     * What a Word document or a presentation holds besides its own text: sheets, documents and presentations pasted
     * into it as objects (word/embeddings, ppt/embeddings), each after a line {@code 埋め込みオブジェクト N}, and the text of
     * its SmartArt (an organisation chart's names; POI's extractor passes diagrams over). An embedded object of another
     * kind (a legacy OLE object, a picture's data) is reported unread.
     */
    private static void embedded(org.apache.poi.openxml4j.opc.OPCPackage pkg, String name, Lines lines, Problems problems)
            throws IOException {
        int n = 0;
        List<org.apache.poi.openxml4j.opc.PackagePart> parts;
        try {
            parts = pkg.getParts();
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException("the package's parts cannot be listed", e);
        }
        for (org.apache.poi.openxml4j.opc.PackagePart part : parts) {
            String partName = part.getPartName().getName();
            if (partName.matches("/(ppt|word)/diagrams/data[0-9]*\\.xml")) {
                smartArt(part, lines);
                continue;
            }
            if (!partName.matches("/(ppt|word|xl)/embeddings/.*")) {
                continue;
            }
            n++;
            byte[] bytes;
            try (InputStream in = part.getInputStream()) {
                bytes = in.readNBytes(MAX_IN_MEMORY);
            }
            Ole2Text.embedded(bytes, part.getContentType(), n, lines, problems, 0);
        }
    }

    /** A SmartArt diagram's text, a line for each of its paragraphs. */
    private static void smartArt(org.apache.poi.openxml4j.opc.PackagePart part, Lines lines) throws IOException {
        try (InputStream in = part.getInputStream()) {
            org.apache.xmlbeans.XmlObject xml = org.apache.xmlbeans.XmlObject.Factory.parse(in,
                    new org.apache.xmlbeans.XmlOptions().setDisallowDocTypeDeclaration(true));
            for (org.apache.xmlbeans.XmlObject p : xml.selectPath(DRAWING_NS + ".//a:p")) {
                StringBuilder b = new StringBuilder();
                for (org.apache.xmlbeans.XmlObject t : p.selectPath(DRAWING_NS + ".//a:t")) {
                    try (org.apache.xmlbeans.XmlCursor c = t.newCursor()) {
                        b.append(c.getTextValue());
                    }
                }
                if (!b.isEmpty()) {
                    lines.add(b.toString());
                }
            }
        } catch (org.apache.xmlbeans.XmlException e) {
            throw new IOException("a SmartArt part is not XML", e);
        }
    }

    private static void author(POIXMLProperties properties, Lines lines) {
        POIXMLProperties.CoreProperties core = properties.getCoreProperties();
        authors(core.getCreator(), core.getLastModifiedByUser(), lines);
    }

    /** A file's author, then its last editor when another. */
    static void authors(String author, String last, Lines lines) {
        author(author, lines);
        if (last != null && !last.equals(author)) {
            author(last, lines);
        }
    }

    /**
     * The names software puts in a file's author when it knows no person's (the library or program that wrote it, an
     * account's default name): not given as an author, so that they are not taken for a person's name.
     */
    private static final Set<String> NO_AUTHOR = Set.of("apache poi", "microsoft office user", "microsoft office ユーザー",
            "windows ユーザー", "windows user", "user", "ユーザー", "administrator", "admin", "owner", "pc", "pc-user", "author",
            "作成者", "unknown", "libreoffice", "openoffice.org", "python-docx", "python-pptx");

    static void author(String name, Lines lines) {
        if (name != null && !name.isBlank() && !NO_AUTHOR.contains(name.strip().toLowerCase(Locale.ROOT))) {
            lines.add("作成者：" + name.strip());
        }
    }

    private static void pdf(Path file, String name, Lines lines, Problems problems) throws IOException, ReadException {
        PDDocument pdf;
        try {
            pdf = Loader.loadPDF(file.toFile());
        } catch (InvalidPasswordException e) {
            throw new ReadException(new Message(name + ": パスワードで暗号化された PDF です。読めません（パスワードを外してから検査してください）",
                    name + ": a PDF encrypted with a password; not read (remove the password, then scan it)"));
        }
        try (pdf) {
            int pages = pdf.getNumberOfPages();
            List<Integer> blank = new ArrayList<>();
            int p = 0;
            for (List<String> page : PdfLines.of(pdf)) {
                org.apache.pdfbox.pdmodel.PDPage pdPage = pdf.getPage(p++);
                int chars = page.stream().mapToInt(l -> l.strip().length()).sum();
                if (chars == 0 || chars < 200 && scanned(pdPage)) {
                    blank.add(p); // no text, or a FAX's or a copier's header line over a page-sized picture
                }
                page.forEach(lines::add);
                annotations(pdPage, lines);
            }
            if (!blank.isEmpty()) {
                String which = blank.size() <= 10 ? join(blank) : join(blank.subList(0, 10)) + ", …";
                problems.unread(-1, 0, new Message(pages + " ページ中 " + blank.size() + " ページ（" + which + "）は文字がないか、ほとんど画像です（スキャンした画像?）。"
                        + "画像の部分は読めていません。OCR で文字を付けてから検査してください",
                        blank.size() + " of " + pages + " pages (" + which + ") have no text or are mostly a picture (scanned images?); "
                                + "the pictures are not read. Give them a text layer (OCR), then scan them"));
            }
            formFields(pdf, lines);
            author(pdf.getDocumentInformation().getAuthor(), lines);
        }
    }

    /** Does the page carry a picture of a scanned page's size (at least 0.25 megapixels: a fax is 1.7, a 200-dpi A4 scan 3.9)? */
    private static boolean scanned(org.apache.pdfbox.pdmodel.PDPage page) {
        org.apache.pdfbox.pdmodel.PDResources resources = page.getResources();
        if (resources == null) {
            return false;
        }
        try {
            for (org.apache.pdfbox.cos.COSName n : resources.getXObjectNames()) {
                if (resources.getXObject(n) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image
                        && (long) image.getWidth() * image.getHeight() >= 250_000) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false; // a picture that does not load: the page's text decides
        }
        return false;
    }

    /**
     * What reviewers wrote on the page (sticky notes, typed-on text boxes) and who: each note after a line
     * {@code コメント 作成者：<author>}. Not links or form fields' widgets.
     */
    private static void annotations(org.apache.pdfbox.pdmodel.PDPage page, Lines lines) throws IOException {
        for (org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation a : page.getAnnotations()) {
            if (a instanceof org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationMarkup m
                    && m.getContents() != null && !m.getContents().isBlank()) {
                lines.add("コメント 作成者：" + nonNull(m.getTitlePopup()));
                lines.add(m.getContents());
            }
        }
    }

    /**
     * The values typed into a PDF form's fields (申込書 filled in on screen), which are not in the pages' text until the
     * form is flattened: a line {@code <field's name>：<value>} each, the name giving the value its context.
     */
    private static void formFields(PDDocument pdf, Lines lines) {
        org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm form = pdf.getDocumentCatalog().getAcroForm();
        if (form == null) {
            return;
        }
        for (org.apache.pdfbox.pdmodel.interactive.form.PDField f : form.getFieldTree()) {
            if (f instanceof org.apache.pdfbox.pdmodel.interactive.form.PDTerminalField
                    && !(f instanceof org.apache.pdfbox.pdmodel.interactive.form.PDButton)) {
                String value = f.getValueAsString();
                if (value != null && !value.isBlank()) {
                    String label = f.getAlternateFieldName() != null && !f.getAlternateFieldName().isBlank()
                            ? f.getAlternateFieldName() : nonNull(f.getPartialName()); // the tooltip (氏名) rather than Text3
                    lines.add(label + "：" + value);
                }
            }
        }
    }

    private static String join(List<Integer> pages) {
        StringBuilder b = new StringBuilder();
        for (int p : pages) {
            b.append(b.length() == 0 ? "" : ", ").append(p);
        }
        return b.toString();
    }

    /** The file could not be opened (missing, not allowed): said as such, not as a corrupt file. */
    static boolean cannotOpen(Exception e) {
        return e instanceof java.nio.file.NoSuchFileException || e instanceof java.nio.file.AccessDeniedException;
    }

    static ReadException corrupt(String name, Format format, Exception e) {
        String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage()));
        return new ReadException(new Message(name + ": 読める " + format + " ではありません（壊れているか途中で切れています）: " + why,
                name + ": not a readable " + format + " (corrupt or truncated): " + why), e);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    // ---- EML, HTML

    private static Charset textual(byte[] bytes, String name, Format format, Charset forced, Lines lines, Problems problems, int depth)
            throws IOException, ReadException {
        if (format == Format.HTML) {
            Head head = Head.read(new ByteArrayInputStream(bytes));
            Head.Encoding enc = forced != null ? CharsetSniffer.forced(head, forced) : CharsetSniffer.detect(head);
            HtmlText.read(new String(bytes, enc.bomLength(), bytes.length - enc.bomLength(), enc.charset()), lines);
            return enc.charset(); // the summary names it
        }
        MailText.read(bytes, name, lines, problems, depth);
        return null;
    }

    static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** Lines to the visitor through {@link TextChunks}; blank runs kept so that line numbers follow the text. */
    static final class Lines {
        private final TextChunks chunks;
        private long line = 1;

        Lines(DocumentVisitor v) {
            chunks = new TextChunks(v);
        }

        /**
         * Text of one or more lines (\n, \r\n or \r between them, a line break at its end adding no empty line); the next
         * text starts on a new line. An empty text is an empty line.
         */
        void add(String text) {
            int start = 0;
            int n = text.length();
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r' || c == '\u000B' || c == '\f') {
                    line(text, start, i);
                    if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    start = i + 1;
                }
            }
            if (start < n || n == 0) {
                line(text, start, n);
            }
        }

        private void line(String text, int from, int to) {
            char[] cs = new char[to - from];
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                cs[i - from] = c < 0x20 && c != '\t' ? ' ' : c; // other controls: no line ends
            }
            chunks.chars(cs, 0, cs.length);
            chunks.endLine(line++);
        }

        long count() {
            return line - 1;
        }
    }
}
