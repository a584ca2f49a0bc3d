package dev.mamori.table;

import dev.mamori.report.Message;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.hslf.usermodel.HSLFObjectData;
import org.apache.poi.hslf.usermodel.HSLFSlideShow;
import org.apache.poi.hsmf.MAPIMessage;
import org.apache.poi.hsmf.datatypes.AttachmentChunks;
import org.apache.poi.hsmf.datatypes.Chunk;
import org.apache.poi.hsmf.datatypes.MAPIProperty;
import org.apache.poi.hsmf.datatypes.PropertyValue;
import org.apache.poi.hsmf.datatypes.RecipientChunks;
import org.apache.poi.hsmf.datatypes.StringChunk;
import org.apache.poi.hsmf.datatypes.Types;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.extractor.WordExtractor;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.sl.extractor.SlideShowExtractor;

/**
 * The text of the OLE2 files of Office 97–2003 and Outlook for {@link DocumentText}, read with Apache POI's HWPF, HSLF
 * and HSMF: a Word document (.doc) as {@link WordText} reads a .docx (headers, the body with a table's row on a line and
 * its cells by tabs, footnotes, endnotes, footers, text boxes, comments, the author), a presentation (.ppt) as a .pptx,
 * and an Outlook message (.msg) as {@link MailText} reads a mail (its sender and recipients with their addresses, the
 * subject, the body, then each attachment after a line {@code 添付ファイル N}). Objects pasted into a document
 * (a worksheet in a .doc, a workbook in a .ppt) are read after a line {@code 埋め込みオブジェクト N}. A legacy workbook
 * (.xls) met here — attached, embedded — gives its rows as lines of tab-separated cells.
 *
 * <p>POI's Word extractor joins a cell's paragraphs with line ends and puts its cell marks in the text, so paragraphs
 * are walked here, as {@link WordText} walks a .docx's XML. A message whose strings are in a code page (Outlook before
 * 2003, or a mail saved without Unicode) is decoded in the code page it names, else in the one its bytes show
 * (Shift_JIS, EUC-JP, UTF-8), not in POI's default of Windows-1252.
 */
final class Ole2Text {

    private Ole2Text() {
    }

    /** Reads the file whose root is {@code root}, one of XLS, DOC, PPT, MSG. */
    static void read(DirectoryNode root, String name, Format format, DocumentText.Lines lines, Problems problems, int depth)
            throws IOException, ReadException {
        switch (format) {
            case XLS -> XlsReader.read(root, name, true, new DocumentText.TableLines(lines, problems), problems);
            case DOC -> doc(root, name, lines, problems, depth);
            case PPT -> ppt(root, name, lines, problems, depth);
            case MSG -> msg(root, name, lines, problems, depth);
            default -> throw new IllegalArgumentException(format + " is not an OLE2 format");
        }
    }

    // ---- DOC

    private static void doc(DirectoryNode root, String name, DocumentText.Lines lines, Problems problems, int depth) throws IOException {
        try (HWPFDocument doc = new HWPFDocument(root)) {
            org.apache.poi.hwpf.usermodel.HeaderStories stories = new org.apache.poi.hwpf.usermodel.HeaderStories(doc);
            Set<String> seen = new LinkedHashSet<>(); // a header repeated for first, odd and even pages: once
            for (Range h : new Range[] {stories.getFirstHeaderSubrange(), stories.getOddHeaderSubrange(), stories.getEvenHeaderSubrange()}) {
                story(h, lines, seen);
            }
            paragraphs(doc.getRange(), lines);
            paragraphs(doc.getFootnoteRange(), lines);
            paragraphs(doc.getEndnoteRange(), lines);
            for (Range f : new Range[] {stories.getFirstFooterSubrange(), stories.getOddFooterSubrange(), stories.getEvenFooterSubrange()}) {
                story(f, lines, seen);
            }
            paragraphs(doc.getMainTextboxRange(), lines);
            Range comments = doc.getCommentsRange();
            for (int i = 0; i < comments.numParagraphs(); i++) {
                String t = clean(comments.getParagraph(i).text());
                if (!t.isBlank()) {
                    lines.add("コメント");
                    lines.add(t);
                }
            }
            if (root.hasEntry("ObjectPool") && root.getEntry("ObjectPool") instanceof DirectoryNode pool) {
                int n = 0;
                for (Entry e : pool) {
                    if (e instanceof DirectoryNode object) {
                        embedded(object, null, ++n, lines, problems, depth);
                    }
                }
            }
            author(doc.getSummaryInformation(), lines);
        }
    }

    private static void story(Range story, DocumentText.Lines lines, Set<String> seen) {
        if (story != null && seen.add(clean(story.text()).strip())) {
            paragraphs(story, lines);
        }
    }

    /**
     * The paragraphs of a range, a line each, except in tables: a cell's paragraphs joined by a blank, a row's cells by
     * tabs, a row a line. Fields keep their shown result, not their code.
     */
    private static void paragraphs(Range range, DocumentText.Lines lines) {
        if (range == null) {
            return;
        }
        StringBuilder row = new StringBuilder();
        StringBuilder cell = new StringBuilder();
        boolean cells = false;
        for (int i = 0; i < range.numParagraphs(); i++) {
            Paragraph p = range.getParagraph(i);
            String raw = p.text();
            String t = clean(raw);
            if (!p.isInTable()) {
                if (cells) { // a table ended without its row mark
                    lines.add(row.toString());
                    row.setLength(0);
                    cells = false;
                }
                if (!(raw.equals("\r") && i == range.numParagraphs() - 1)) { // not the range's closing mark
                    lines.add(t);
                }
                continue;
            }
            if (p.isTableRowEnd()) {
                lines.add(row.toString());
                row.setLength(0);
                cells = false;
                continue;
            }
            cell.append(cell.isEmpty() || t.isEmpty() ? "" : " ").append(t.replace('\n', ' '));
            if (raw.endsWith("\u0007")) { // the cell's end
                row.append(cells ? "\t" : "").append(cell.toString().replace('\t', ' '));
                cell.setLength(0);
                cells = true;
            }
        }
        if (cells) {
            lines.add(row.toString());
        }
    }

    /** A paragraph's text without its marks: fields reduced to their result, other controls (pictures, note marks) dropped. */
    private static String clean(String text) {
        String t = WordExtractor.stripFields(text);
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\u000B' || c == '\u000C' || c == '\r' && i < t.length() - 1) {
                b.append('\n'); // a manual line break, a page break
            } else if (c >= 0x20 || c == '\t') {
                b.append(c);
            }
        }
        return b.toString();
    }

    // ---- PPT

    private static void ppt(DirectoryNode root, String name, DocumentText.Lines lines, Problems problems, int depth) throws IOException {
        try (HSLFSlideShow show = new HSLFSlideShow(root)) {
            SlideShowExtractor<?, ?> text = new SlideShowExtractor<>(show);
            text.setSlidesByDefault(true);
            text.setNotesByDefault(true);
            text.setCommentsByDefault(true);
            text.setMasterByDefault(false);
            lines.add(text.getText());
            int n = 0;
            for (HSLFObjectData object : show.getEmbeddedObjects()) {
                n++;
                try (InputStream in = object.getInputStream()) {
                    embedded(in.readNBytes(DocumentText.MAX_IN_MEMORY), object.getOLE2ClassName(), n, lines, problems, depth);
                }
            }
            author(show.getSummaryInformation(), lines);
        }
    }

    private static void author(SummaryInformation info, DocumentText.Lines lines) {
        if (info != null) {
            DocumentText.author(info.getAuthor(), lines);
            if (info.getLastAuthor() != null && !info.getLastAuthor().equals(info.getAuthor())) {
                DocumentText.author(info.getLastAuthor(), lines);
            }
        }
    }

    // ---- embedded objects

    /** An object pasted into a document, given as its OLE2 storage. */
    private static void embedded(DirectoryNode object, String kind, int n, DocumentText.Lines lines, Problems problems, int depth) throws IOException {
        if (object.hasEntry("Package")) { // an Office 2007+ file inside an OLE2 wrapper
            byte[] zip;
            try (DocumentInputStream in = object.createDocumentInputStream("Package")) {
                zip = in.readNBytes(DocumentText.MAX_IN_MEMORY);
            }
            embeddedFile(zip, Sniffer.office(zip), kind, n, lines, problems, depth);
            return;
        }
        Format format = Sniffer.ole2(object);
        if (format == null) {
            notRead(n, kind, problems);
            return;
        }
        lines.add("埋め込みオブジェクト " + n);
        try {
            read(object, "embedded object " + n, format, lines, problems, depth + 1);
        } catch (IOException | RuntimeException e) {
            problems.unread(-1, 0, new Message("埋め込みオブジェクト " + n + "（" + format + "）を読めません",
                    "embedded object " + n + " (" + format + ") cannot be read"));
        }
    }

    /**
     * An object pasted into a document, given as its bytes: an OLE2 file (a legacy workbook, document or presentation, or
     * an Office 2007+ file wrapped in one) or an Office Open XML zip; said unread, with its {@code kind} (a media type)
     * when known, when it is none of these.
     */
    static void embedded(byte[] bytes, String kind, int n, DocumentText.Lines lines, Problems problems, int depth) throws IOException {
        Head head = Head.read(new java.io.ByteArrayInputStream(bytes));
        if (Sniffer.isOle2(head)) {
            DirectoryNode root;
            try {
                root = new org.apache.poi.poifs.filesystem.POIFSFileSystem(new java.io.ByteArrayInputStream(bytes)).getRoot();
            } catch (IOException | RuntimeException e) {
                notRead(n, kind, problems);
                return;
            }
            embedded(root, kind, n, lines, problems, depth);
        } else {
            embeddedFile(bytes, Sniffer.isZip(head) ? Sniffer.office(bytes) : null, kind, n, lines, problems, depth);
        }
    }

    private static void embeddedFile(byte[] bytes, Format format, String kind, int n, DocumentText.Lines lines, Problems problems,
                                     int depth) throws IOException {
        if (format == null) {
            notRead(n, kind, problems);
            return;
        }
        lines.add("埋め込みオブジェクト " + n);
        try {
            DocumentText.part(bytes, "embedded object " + n, format, null, lines, problems, depth + 1);
        } catch (ReadException e) {
            problems.unread(-1, 0, new Message("埋め込みオブジェクト " + n + "（" + format + "）を読めません",
                    "embedded object " + n + " (" + format + ") cannot be read"));
        }
    }

    private static void notRead(int n, String kind, Problems problems) {
        String k = kind == null || kind.isEmpty() ? "" : "（" + kind + "）";
        String kEn = kind == null || kind.isEmpty() ? "" : " (" + kind + ")";
        problems.unread(-1, 0, new Message("埋め込みオブジェクト " + n + k + "はこの形式を読めないため検査していません",
                "embedded object " + n + kEn + " is of a kind not read; not scanned"));
    }

    // ---- MSG

    private static final int MAX_DEPTH = 20;

    private static void msg(DirectoryNode root, String name, DocumentText.Lines lines, Problems problems, int depth)
            throws IOException, ReadException {
        MAPIMessage m;
        try {
            m = new MAPIMessage(root);
        } catch (IOException | RuntimeException e) {
            throw DocumentText.corrupt(name, Format.MSG, e);
        }
        message(m, name, lines, problems, depth);
    }

    private static void message(MAPIMessage m, String name, DocumentText.Lines lines, Problems problems, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            problems.unread(-1, 0, new Message("入れ子が深すぎるメッセージがあり、読んでいません", "a message nested too deep; not read"));
            return;
        }
        m.setReturnNullOnMissingChunk(true);
        if (m.has7BitEncodingStrings()) {
            encoding(m);
        }
        var main = m.getMainChunks();
        String from = joined(value(main.getDisplayFromChunk()), value(main.getEmailFromChunk()));
        if (!from.isEmpty()) {
            lines.add("From: " + from);
        }
        boolean listed = false;
        for (RecipientChunks r : m.getRecipientDetailsChunks()) {
            String who = joined(r.getRecipientName(), r.getRecipientEmailAddress());
            if (!who.isEmpty()) {
                lines.add(recipientType(r) + ": " + who);
                listed = true;
            }
        }
        if (!listed) { // only the display lists: names without addresses
            for (String[] h : new String[][] {{"To", value(main.getDisplayToChunk())}, {"Cc", value(main.getDisplayCCChunk())},
                {"Bcc", value(main.getDisplayBCCChunk())}}) {
                if (!h[1].isEmpty()) {
                    lines.add(h[0] + ": " + h[1]);
                }
            }
        }
        String subject = value(main.getSubjectChunk());
        if (!subject.isEmpty()) {
            lines.add("Subject: " + subject);
        }
        lines.add("");
        body(m, lines, problems);
        int n = 0;
        for (AttachmentChunks a : m.getAttachmentFiles()) {
            n++;
            attachment(a, name, n, lines, problems, depth);
        }
    }

    /** "To", "Cc" or "Bcc", as the recipient's type property says (To when it says nothing). */
    private static String recipientType(RecipientChunks r) {
        List<PropertyValue> type = r.getProperties().get(MAPIProperty.RECIPIENT_TYPE);
        Object v = type == null || type.isEmpty() ? null : type.get(0).getValue();
        int t = v instanceof Number num ? num.intValue() : 1;
        return t == 2 ? "Cc" : t == 3 ? "Bcc" : "To";
    }

    private static void body(MAPIMessage m, DocumentText.Lines lines, Problems problems) {
        var main = m.getMainChunks();
        String text = value(main.getTextBodyChunk());
        if (!text.isBlank()) {
            lines.add(text);
            return;
        }
        String html = value(main.getHtmlBodyChunkString());
        if (html.isEmpty() && main.getHtmlBodyChunkBinary() != null) {
            html = decode(main.getHtmlBodyChunkBinary().getValue());
        }
        if (!html.isBlank()) {
            HtmlText.read(html, lines);
            return;
        }
        if (main.getRtfBodyChunk() != null) {
            problems.unread(-1, 0, new Message("本文が RTF だけで保存されているため、本文は読んでいません",
                    "the body is kept only as RTF; the body is not read"));
        }
    }

    private static void attachment(AttachmentChunks a, String name, int n, DocumentText.Lines lines, Problems problems, int depth)
            throws IOException {
        if (a.isEmbeddedMessage()) {
            lines.add("添付ファイル " + n);
            MAPIMessage inner;
            try {
                inner = a.getEmbeddedMessage();
            } catch (IOException | RuntimeException e) {
                problems.unread(-1, 0, new Message("添付ファイル " + n + "（メッセージ）を読めません", "attachment " + n + " (a message) cannot be read"));
                return;
            }
            message(inner, name, lines, problems, depth + 1);
            return;
        }
        String file = value(a.getAttachLongFileName());
        if (file.isEmpty()) {
            file = value(a.getAttachFileName());
        }
        String type = value(a.getAttachMimeTag()).toLowerCase(java.util.Locale.ROOT);
        if (a.getAttachmentDirectory() != null) { // an object stored as a storage (an OLE object)
            lines.add("添付ファイル " + n);
            embedded(a.getAttachmentDirectory().getDirectory(), null, n, lines, problems, depth);
            return;
        }
        byte[] bytes = a.getAttachData() == null ? new byte[0] : a.getAttachData().getValue();
        MailText.attached(bytes, file.isEmpty() ? null : file, type.isEmpty() ? "application/octet-stream" : type, n,
                () -> decode(bytes), lines, problems, depth);
    }

    /**
     * Decodes the message's code-page strings in the code page it names (its MESSAGE_CODEPAGE or INTERNET_CPID property,
     * its headers' or HTML's charset, as POI guesses it), else in the encoding its bytes show.
     */
    private static void encoding(MAPIMessage m) throws IOException {
        var props = m.getMainChunks().getProperties();
        boolean named = props.containsKey(MAPIProperty.MESSAGE_CODEPAGE) || props.containsKey(MAPIProperty.INTERNET_CPID);
        m.guess7BitEncoding();
        String[] headers = m.getMainChunks().getMessageHeaders() == null ? null : new String[] {value(m.getMainChunks().getMessageHeaders())};
        if (named || headers != null && headers[0].toLowerCase(java.util.Locale.ROOT).contains("charset=")) {
            return;
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (Chunk c : m.getMainChunks().getChunks()) {
            if (c instanceof StringChunk s && s.getType() == Types.ASCII_STRING) {
                raw.writeBytes(s.getRawValue());
                raw.write('\n');
            }
        }
        Charset detected = CharsetSniffer.detect(Head.read(new java.io.ByteArrayInputStream(raw.toByteArray()))).charset();
        m.set7BitEncoding(detected.name());
    }

    /** Bytes as text, in the encoding they show. */
    private static String decode(byte[] bytes) {
        try {
            return CharsetSniffer.decode(new java.io.ByteArrayInputStream(bytes), null, bytes.length);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // not from memory
        }
    }

    private static String value(StringChunk c) {
        String v = c == null ? null : c.getValue();
        return v == null ? "" : v.replace("\u0000", "").strip();
    }

    /** "name <address>", or either alone; an address equal to the name given once. */
    private static String joined(String name, String address) {
        name = name == null ? "" : name.strip();
        address = address == null ? "" : address.strip();
        if (address.isEmpty() || address.equals(name)) {
            return name;
        }
        return name.isEmpty() ? address : name + " <" + address + ">";
    }
}
