package dev.mamori.table;

import dev.mamori.report.Message;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.sl.extractor.SlideShowExtractor;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

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
    /** Parts inside parts (multiparts, attached mails and their attachments): deeper than this is not read. */
    private static final int MAX_PARTS_DEPTH = 50;

    private DocumentText() {
    }

    /** Reads {@code file} as {@code format}, one of the formats {@link Format#isDocument()} names. */
    static ReadSummary read(Path file, String name, Format format, Charset forced, DocumentVisitor v) throws IOException, ReadException {
        Lines lines = new Lines(v);
        Problems problems = new Problems(name, v);
        Charset used = null;
        switch (format) {
            case DOCX, PPTX, PDF -> office(file, name, format, lines, problems);
            case EML, HTML -> used = textual(bytes(file, name), name, format, forced, lines, problems, 0);
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

    private static Charset part(byte[] bytes, String name, Format format, Charset forced, Lines lines, Problems problems, int depth)
            throws IOException, ReadException {
        if (format == Format.EML || format == Format.HTML) {
            return textual(bytes, name, format, forced, lines, problems, depth);
        }
        Path tmp = dev.mamori.report.AtomicFiles.scratch(null); // owner-only, removed at exit even if we are stopped
        try {
            Files.write(tmp, bytes);
            office(tmp, name, format, lines, problems);
            return null;
        } finally {
            dev.mamori.report.AtomicFiles.delete(tmp);
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

    private static void office(Path file, String name, Format format, Lines lines, Problems problems) throws IOException, ReadException {
        try {
            switch (format) {
                case DOCX -> docx(file, lines);
                case PPTX -> pptx(file, lines);
                case PDF -> pdf(file, name, lines, problems);
                default -> throw new IllegalArgumentException(format.name());
            }
        } catch (ReadException e) {
            throw e;
        } catch (IOException | RuntimeException e) { // POI and PDFBox throw unchecked exceptions on corrupt files
            if (e instanceof java.nio.file.NoSuchFileException || e instanceof java.nio.file.AccessDeniedException) {
                throw (IOException) e;
            }
            throw corrupt(name, format, e);
        }
    }

    private static void docx(Path file, Lines lines) throws IOException {
        try (InputStream in = Files.newInputStream(file); XWPFDocument doc = new XWPFDocument(in);
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            lines.add(text.getText()); // headers, paragraphs, tables (cells by tabs), footnotes and footers, in order
            textBoxes(doc, lines);
            XWPFComment[] comments = doc.getComments(); // null when the document has none
            for (XWPFComment c : comments == null ? new XWPFComment[0] : comments) {
                lines.add("コメント 作成者：" + nonNull(c.getAuthor()));
                lines.add(c.getText());
            }
            author(doc.getProperties(), lines);
        }
    }

    private static final String W = "declare namespace w='http://schemas.openxmlformats.org/wordprocessingml/2006/main' ";

    /**
     * The text boxes of the body (a form's boxes, a memo's callouts), which POI's extractor passes over: their paragraphs,
     * each box once (Word writes a box twice, for new readers and as VML for old ones).
     */
    private static void textBoxes(XWPFDocument doc, Lines lines) {
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        for (org.apache.xmlbeans.XmlObject box : doc.getDocument().selectPath(W + ".//w:txbxContent")) {
            StringBuilder b = new StringBuilder();
            for (org.apache.xmlbeans.XmlObject p : box.selectPath(W + ".//w:p")) {
                for (org.apache.xmlbeans.XmlObject t : p.selectPath(W + ".//w:t")) {
                    try (org.apache.xmlbeans.XmlCursor c = t.newCursor()) {
                        b.append(c.getTextValue());
                    }
                }
                b.append('\n');
            }
            seen.add(b.toString());
        }
        seen.forEach(lines::add);
    }

    private static void pptx(Path file, Lines lines) throws IOException {
        try (InputStream in = Files.newInputStream(file); XMLSlideShow show = new XMLSlideShow(in)) {
            SlideShowExtractor<?, ?> text = new SlideShowExtractor<>(show);
            text.setSlidesByDefault(true);
            text.setNotesByDefault(true);
            text.setCommentsByDefault(true);
            text.setMasterByDefault(false); // the layouts' placeholder text, the same on every file
            lines.add(text.getText());
            author(show.getProperties(), lines);
        }
    }

    private static void author(POIXMLProperties properties, Lines lines) {
        POIXMLProperties.CoreProperties core = properties.getCoreProperties();
        author(core.getCreator(), lines);
        if (core.getLastModifiedByUser() != null && !core.getLastModifiedByUser().equals(core.getCreator())) {
            author(core.getLastModifiedByUser(), lines);
        }
    }

    /**
     * The names software puts in a file's author when it knows no person's (the library or program that wrote it, an
     * account's default name): not given as an author, so that they are not taken for a person's name.
     */
    private static final Set<String> NO_AUTHOR = Set.of("apache poi", "microsoft office user", "microsoft office ユーザー",
            "windows ユーザー", "windows user", "user", "ユーザー", "administrator", "admin", "owner", "pc", "pc-user", "author",
            "作成者", "unknown", "libreoffice", "openoffice.org", "python-docx", "python-pptx");

    private static void author(String name, Lines lines) {
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
                p++;
                if (page.stream().allMatch(String::isBlank)) {
                    blank.add(p);
                }
                page.forEach(lines::add);
            }
            if (!blank.isEmpty()) {
                String which = blank.size() <= 10 ? join(blank) : join(blank.subList(0, 10)) + ", …";
                problems.unread(-1, 0, new Message(pages + " ページ中 " + blank.size() + " ページ（" + which + "）に文字がありません（スキャンした画像?）。"
                        + "その部分は読めていません。OCR で文字を付けてから検査してください",
                        blank.size() + " of " + pages + " pages (" + which + ") have no text (scanned images?); they are not read. "
                                + "Give them a text layer (OCR), then scan them"));
            }
            formFields(pdf, lines);
            author(pdf.getDocumentInformation().getAuthor(), lines);
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
                    lines.add(nonNull(f.getPartialName()) + "：" + value);
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
            String html = new String(bytes, enc.bomLength(), bytes.length - enc.bomLength(), enc.charset());
            html(html, lines);
            return enc.charset();
        }
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
            message(m, name, lines, problems, depth);
        } catch (MessagingException | RuntimeException e) { // Jakarta Mail throws unchecked exceptions on some broken mail too
            throw corrupt(name, format, e);
        }
        return null;
    }

    private static final String[] ADDRESS_HEADERS = {"From", "Sender", "Reply-To", "To", "Cc", "Bcc"};

    private static void message(MimeMessage m, String name, Lines lines, Problems problems, int depth) throws MessagingException, IOException {
        for (String h : ADDRESS_HEADERS) {
            String[] raw = m.getHeader(h);
            if (raw == null) {
                continue;
            }
            for (String value : raw) {
                lines.add(h + ": " + addresses(wider(eightBit(value))));
            }
        }
        String[] subject = m.getHeader("Subject");
        if (subject != null) {
            lines.add("Subject: " + decoded(wider(eightBit(jakarta.mail.internet.MimeUtility.unfold(subject[0])))));
        }
        lines.add("");
        body(m, name, lines, problems, depth, new int[1]);
    }

    /**
     * A header written in raw 8-bit Japanese instead of encoded words (as many mailers and most spam do): Jakarta Mail
     * reads its bytes as Latin-1; they are decoded again in their encoding (UTF-8, CP932 or EUC-JP, detected).
     */
    private static String eightBit(String value) {
        boolean high = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return value; // already decoded
            }
            high |= c >= 0x80;
        }
        if (!high) {
            return value;
        }
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        try {
            Head head = Head.read(new ByteArrayInputStream(bytes));
            return new String(bytes, CharsetSniffer.detect(head).charset());
        } catch (IOException e) {
            return value; // not from a byte array
        }
    }

    /** The addresses of a header, their display names decoded; the header as it is when it does not parse. */
    private static String addresses(String value) {
        try {
            StringBuilder b = new StringBuilder();
            for (Address a : InternetAddress.parseHeader(value, false)) {
                b.append(b.length() == 0 ? "" : ", ");
                if (a instanceof InternetAddress ia && ia.getPersonal() != null) {
                    b.append(ia.getPersonal()).append(" <").append(ia.getAddress()).append('>'); // the name as written, unquoted
                } else {
                    b.append(a instanceof InternetAddress ia ? ia.getAddress() : a.toString());
                }
            }
            return b.toString();
        } catch (MessagingException e) {
            return decoded(value);
        }
    }

    private static String decoded(String value) {
        try {
            return jakarta.mail.internet.MimeUtility.decodeText(value);
        } catch (IOException e) {
            return value;
        }
    }

    private static void body(Part p, String name, Lines lines, Problems problems, int depth, int[] attachments)
            throws MessagingException, IOException {
        if (depth > MAX_PARTS_DEPTH) {
            problems.unread(-1, 0, new Message("入れ子が深すぎるパートがあり、読んでいません", "a part nested too deep; not read"));
            return;
        }
        String file = p.getFileName() == null ? null : decoded(p.getFileName());
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition()) || file != null;
        if (p.isMimeType("multipart/alternative") && p.getContent() instanceof Multipart alt) {
            Part best = alt.getCount() == 0 ? null : alt.getBodyPart(0);
            for (int i = 0; i < alt.getCount(); i++) {
                if (alt.getBodyPart(i).isMimeType("text/plain")) {
                    best = alt.getBodyPart(i);
                }
            }
            if (best != null) {
                body(best, name, lines, problems, depth + 1, attachments);
            }
        } else if (p.isMimeType("multipart/*") && p.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                body(child, name, lines, problems, depth + 1, attachments);
            }
        } else if (p.isMimeType("message/rfc822") && p.getContent() instanceof MimeMessage inner) {
            lines.add("添付ファイル " + ++attachments[0]);
            message(inner, name, lines, problems, depth + 1);
        } else if (!attached && (p.isMimeType("text/plain") || p.isMimeType("text/html"))) {
            String text = text(p, problems);
            if (p.isMimeType("text/html")) {
                html(text, lines);
            } else {
                lines.add(text);
            }
        } else {
            attachment(p, file, name, lines, problems, depth, ++attachments[0]);
        }
    }

    /**
     * The Japanese charsets as mailers really use them: mail labelled ISO-2022-JP or Shift_JIS is mostly written by
     * Windows' encoders, with NEC's and IBM's extensions (①, ㈱, 髙, 﨑) and Microsoft's mapping of ～ and －, which Java's
     * decoders of those names turn into U+FFFD or other characters. Their supersets decode both.
     */
    private static final java.util.Map<String, String> WIDER = java.util.Map.of("iso-2022-jp", "x-windows-iso2022jp",
            "shift_jis", "windows-31j", "shift-jis", "windows-31j", "sjis", "windows-31j", "x-sjis", "windows-31j");
    private static final java.util.regex.Pattern ENCODED_WORD_CHARSET = java.util.regex.Pattern.compile("=\\?([A-Za-z0-9._+-]+)((?:\\*[A-Za-z0-9-]*)?\\?[BbQq]\\?)");

    /** A header's encoded words with their charsets widened ({@link #WIDER}). */
    private static String wider(String header) {
        java.util.regex.Matcher m = ENCODED_WORD_CHARSET.matcher(header);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String w = WIDER.get(m.group(1).toLowerCase(Locale.ROOT));
            m.appendReplacement(b, java.util.regex.Matcher.quoteReplacement(w == null ? m.group() : "=?" + w + m.group(2)));
        }
        return m.appendTail(b).toString();
    }

    /** A text part decoded by its charset (widened); by detection when the charset is unknown to Java (reported). */
    private static String text(Part p, Problems problems) throws MessagingException, IOException {
        String charset = charset(p);
        String wide = charset == null ? null : WIDER.get(charset.toLowerCase(Locale.ROOT));
        if (wide != null) {
            try (InputStream in = p.getInputStream()) {
                return new String(in.readAllBytes(), Charset.forName(wide));
            }
        }
        if (charset == null || charset.equalsIgnoreCase("us-ascii")) {
            return detected(p); // no charset said (or ASCII said of 8-bit text): as a text file's is found
        }
        try {
            Object content = p.getContent();
            if (content instanceof String s) {
                return s;
            }
        } catch (java.io.UnsupportedEncodingException e) {
            problems.report(-1, 0, new Message("本文の文字コード（" + e.getMessage() + "）を Java が知らないため、推測して読みました",
                    "a text part's charset (" + e.getMessage() + ") is unknown to Java; read with a guessed one"));
        }
        return detected(p);
    }

    private static String detected(Part p) throws MessagingException, IOException {
        try (InputStream in = p.getInputStream()) {
            Head head = Head.read(in);
            Head.Encoding enc = CharsetSniffer.detect(head);
            return new String(head.stream(enc.bomLength()).readAllBytes(), enc.charset());
        }
    }

    private static String charset(Part p) {
        try {
            return p.getContentType() == null ? null : new jakarta.mail.internet.ContentType(p.getContentType()).getParameter("charset");
        } catch (MessagingException e) {
            return null;
        }
    }

    private static final Set<String> TEXT_EXTENSIONS = Set.of("txt", "csv", "tsv", "log", "md");

    private static void attachment(Part p, String file, String name, Lines lines, Problems problems, int depth, int n)
            throws MessagingException, IOException {
        String type = p.getContentType() == null ? "application/octet-stream" : p.getContentType().split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        Format format = file == null ? null : Sniffer.byExtension(file);
        if (format == null && p.isMimeType("text/html")) {
            format = Format.HTML;
        }
        boolean text = p.isMimeType("text/*") || format == Format.TEXT || format == Format.CSV
                || file != null && TEXT_EXTENSIONS.contains(extension(file));
        String where = "添付ファイル " + n + "（" + type + "）";
        String whereEn = "attachment " + n + " (" + type + ")";
        if (format != null && format.isDocument()) {
            byte[] bytes;
            try (InputStream in = p.getInputStream()) {
                bytes = in.readNBytes(MAX_IN_MEMORY + 1);
            }
            if (bytes.length > MAX_IN_MEMORY) {
                problems.unread(-1, 0, new Message(where + "は大きすぎるため読んでいません", whereEn + " is too large; not read"));
                return;
            }
            lines.add("添付ファイル " + n);
            String inner = "attachment " + n;
            try {
                part(bytes, inner, format, null, lines, problems, depth + 1);
            } catch (ReadException e) {
                String prefix = inner + ": "; // the reason alone, after this message's own place
                problems.unread(-1, 0, new Message(where + "を読めません: " + e.text().ja().replace(prefix, ""),
                        whereEn + " cannot be read: " + e.text().en().replace(prefix, "")));
            }
        } else if (text) {
            lines.add("添付ファイル " + n);
            lines.add(text(p, problems));
        } else {
            problems.unread(-1, 0, new Message(where + "はこの形式を読めないため検査していません", whereEn + " is of a kind not read; not scanned"));
        }
    }

    private static String extension(String file) {
        int dot = file.lastIndexOf('.');
        return dot < 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /**
     * HTML's text: a line for each block and line break (no blank lines between blocks), a row's cells separated by tabs;
     * then what the page holds and does not show: its comments and the data of its JSON scripts (a page's embedded
     * records). Not scripts' code, nor styles.
     */
    static void html(String html, Lines lines) {
        StringBuilder out = new StringBuilder(html.length() / 2);
        List<String> unseen = new ArrayList<>();
        Element root = Jsoup.parse(html);
        root.traverse(new NodeVisitor() {
            private int pre;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof org.jsoup.nodes.Comment c) {
                    unseen.add(c.getData());
                } else if (node instanceof org.jsoup.nodes.DataNode d && d.parent() != null && d.parent().normalName().equals("script")
                        && d.parent().attr("type").toLowerCase(Locale.ROOT).contains("json")) {
                    unseen.add(d.getWholeData());
                } else if (node instanceof TextNode t) {
                    if (hidden(t.parent())) {
                        return;
                    }
                    if (pre > 0) {
                        out.append(t.getWholeText());
                        return;
                    }
                    String text = t.text(); // blanks collapsed, as a browser shows them
                    Element p = t.parent();
                    if (p != null && p.normalName().equals("p") && p.text().replace('\u00A0', ' ').isBlank()) {
                        return; // an empty paragraph's &nbsp;: the blank line it makes is added at its end
                    }
                    boolean lineStart = out.length() == 0 || out.charAt(out.length() - 1) == '\n';
                    out.append(lineStart ? text.replaceFirst("^[ \t\n\r\f]+", "") : text); // the source's breaks between blocks are no text (an indent of 　 is)
                } else if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.equals("pre") || tag.equals("textarea")) {
                        pre++;
                    }
                    if (tag.equals("br")) {
                        endLine(out);
                    } else if (BLOCKS.contains(tag)) {
                        newLine(out);
                    } else if ((tag.equals("td") || tag.equals("th")) && e.elementSiblingIndex() > 0) {
                        out.append('\t');
                    } else if (tag.equals("img") && !e.attr("alt").isBlank()) {
                        out.append(' ').append(e.attr("alt")).append(' ');
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.equals("pre") || tag.equals("textarea")) {
                        pre--;
                    }
                    if (BLOCKS.contains(tag)) {
                        newLine(out);
                    }
                    if (tag.equals("p") && e.text().replace('\u00A0', ' ').isBlank()) {
                        out.append('\n'); // an empty paragraph (<p></p>, Word's <p>&nbsp;</p>) is a blank line
                    }
                }
            }
        });
        lines.add(out.toString());
        unseen.stream().filter(u -> !u.isBlank()).forEach(lines::add);
    }

    /** A block starts or ends a line, once: <p>a</p><div>b</div> are two lines, not two lines and a blank one. */
    private static void newLine(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            endLine(out);
        }
    }

    /** Ends the line, without the blank the source's layout left at its end. */
    private static void endLine(StringBuilder out) {
        int n = out.length();
        while (n > 0 && out.charAt(n - 1) == ' ') {
            n--;
        }
        out.setLength(n);
        out.append('\n');
    }

    private static boolean hidden(Node parent) {
        for (Node n = parent; n != null; n = n.parent()) {
            if (n instanceof Element e && HIDDEN.contains(e.normalName())) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> HIDDEN = Set.of("script", "style", "noscript", "template");
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "h1", "h2", "h3",
            "h4", "h5", "h6", "title", "section", "article", "header", "footer", "nav", "aside", "main", "blockquote", "pre",
            "address", "figure", "figcaption", "form", "fieldset", "legend", "caption", "hr", "option", "label", "summary", "details");

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
