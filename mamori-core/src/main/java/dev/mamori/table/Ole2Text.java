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
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.Entry;

/**
 * The text of the OLE2 files of Office 97–2003 and Outlook for {@link DocumentText}, read with Apache POI's HWPF, HSLF
 * and HSMF: a Word document (.doc) as {@link WordText} reads a .docx (every section's headers and footers, the body
 * with a table's row on a line and its cells by tabs, footnotes, endnotes, text boxes, comments, the author), a
 * presentation (.ppt) as a .pptx,
 * and an Outlook message (.msg) as {@link MailText} reads a mail (its sender and recipients with their addresses, the
 * subject, the body, then each attachment after a line {@code 添付ファイル N}). Objects pasted into a document
 * (a worksheet in a .doc, a workbook in a .ppt) are read after a line {@code 埋め込みオブジェクト N}. A legacy workbook
 * (.xls) met here — attached, embedded — gives its rows as lines of tab-separated cells.
 *
 * <p>POI's Word extractor joins a cell's paragraphs with line ends, puts its cell marks in the text and leaves field
 * codes in, so paragraphs are walked and fields parsed here ({@link Fields}), as {@link WordText} walks a .docx's XML. A message whose strings are in a code page (Outlook before
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
            case XLS -> XlsReader.read(root, name, SheetRows.Header.AFTER_TITLES, new DocumentText.TableLines(lines, problems), problems);
            case DOC -> doc(root, name, lines, problems, depth);
            case PPT -> ppt(root, name, lines, problems, depth);
            case MSG -> msg(root, name, lines, problems, depth);
            default -> throw new IllegalArgumentException(format + " is not an OLE2 format");
        }
    }

    // ---- DOC

    private static void doc(DirectoryNode root, String name, DocumentText.Lines lines, Problems problems, int depth) throws IOException {
        try (HWPFDocument doc = new HWPFDocument(root)) {
            // the headers and footers of every section (POI's HeaderStories gives the first section's only), each text once:
            // a header set for first, odd and even pages, or repeated by each section, is one text
            Set<String> seen = new LinkedHashSet<>();
            paragraphs(doc.getHeaderStoryRange(), t -> {
                if (!t.isBlank() && seen.add(t.strip())) {
                    lines.add(t);
                }
            });
            paragraphs(doc.getRange(), lines::add);
            paragraphs(doc.getFootnoteRange(), lines::add);
            paragraphs(doc.getEndnoteRange(), lines::add);
            paragraphs(doc.getMainTextboxRange(), lines::add);
            comments(doc.getCommentsRange(), lines);
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

    /** Each comment after a line {@code コメント}: a comment starts at its reference mark (U+0005), whatever its paragraphs. */
    private static void comments(Range range, DocumentText.Lines lines) {
        Fields fields = new Fields();
        StringBuilder comment = new StringBuilder();
        for (int i = 0; i < range.numParagraphs(); i++) {
            String raw = range.getParagraph(i).text();
            if (raw.indexOf('\u0005') >= 0 && !comment.isEmpty()) {
                addComment(comment, lines);
            }
            String t = fields.strip(raw);
            if (!t.isBlank()) {
                comment.append(comment.isEmpty() ? "" : "\n").append(t);
            }
        }
        addComment(comment, lines);
    }

    private static void addComment(StringBuilder comment, DocumentText.Lines lines) {
        if (!comment.toString().isBlank()) {
            lines.add("コメント");
            lines.add(comment.toString());
        }
        comment.setLength(0);
    }

    /**
     * The paragraphs of a range, a line each, except in tables: a cell's paragraphs joined by a blank, a row's cells by
     * tabs, a row a line; a table inside a cell joined into that cell's text. Fields keep their shown result, not their
     * code (a field may span paragraphs: a table of contents). Text deleted with tracked changes comes after its
     * paragraph or row on a line of its own ({@code 削除された文字：…}), as for a .docx: it is still in the file.
     */
    private static void paragraphs(Range range, java.util.function.Consumer<String> out) {
        if (range == null) {
            return;
        }
        Fields fields = new Fields();
        StringBuilder row = new StringBuilder();
        StringBuilder cell = new StringBuilder();
        StringBuilder deleted = new StringBuilder();
        boolean cells = false;
        int n = range.numParagraphs();
        for (int i = 0; i < n; i++) {
            Paragraph p = range.getParagraph(i);
            String raw = kept(p, deleted);
            String t = fields.strip(raw);
            if (!p.isInTable()) {
                if (cells || !cell.isEmpty()) { // a table ended without its row mark
                    out.accept(row.append(cells ? "\t" : "").append(cell).toString());
                    row.setLength(0);
                    cell.setLength(0);
                    cells = false;
                }
                if (!(raw.equals("\r") && i == n - 1)) { // not the range's closing mark
                    out.accept(t);
                }
                flushDeleted(deleted, out);
                continue;
            }
            boolean inner = p.getTableLevel() > 1;
            if (p.isTableRowEnd() && !inner) {
                out.accept(row.toString());
                row.setLength(0);
                cells = false;
                flushDeleted(deleted, out);
                continue;
            }
            if (inner && p.isTableRowEnd()) {
                continue; // the end of a row of a table inside a cell: the cell's text goes on
            }
            cell.append(cell.isEmpty() || t.isEmpty() ? "" : " ").append(t.replace('\n', ' '));
            if (raw.endsWith("\u0007") && !inner) { // the cell's end
                row.append(cells ? "\t" : "").append(cell.toString().replace('\t', ' '));
                cell.setLength(0);
                cells = true;
            }
        }
        if (cells || !cell.isEmpty()) {
            out.accept(row.append(cells && !cell.isEmpty() ? "\t" : "").append(cell).toString());
        }
        flushDeleted(deleted, out);
    }

    /** A paragraph's text without what tracked changes deleted, which goes to {@code deleted}. */
    private static String kept(Paragraph p, StringBuilder deleted) {
        int runs = p.numCharacterRuns();
        boolean any = false;
        for (int k = 0; k < runs && !any; k++) {
            any = p.getCharacterRun(k).isMarkedDeleted();
        }
        if (!any) {
            return p.text();
        }
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < runs; k++) {
            org.apache.poi.hwpf.usermodel.CharacterRun r = p.getCharacterRun(k);
            if (r.isMarkedDeleted()) {
                for (char c : r.text().toCharArray()) {
                    if (c >= 0x20) {
                        deleted.append(c);
                    }
                }
            } else {
                b.append(r.text());
            }
        }
        return b.toString();
    }

    private static void flushDeleted(StringBuilder deleted, java.util.function.Consumer<String> out) {
        if (!deleted.toString().isBlank()) {
            out.accept("削除された文字：" + deleted.toString().strip());
        }
        deleted.setLength(0);
    }

    /**
     * Word's fields in a text given paragraph by paragraph: between a field's start (U+0013) and its separator (U+0014) is
     * its code, dropped; between the separator and its end (U+0015) its shown result, kept. Fields nest and may span
     * paragraphs. A field without a result keeps nothing, except ruby (an EQ field whose code holds the
     * reading and the text under it, {@code EQ \* jc2 \o\ad(…(やまだ),山田)}), which keeps its base text: the name under the
     * reading. Other controls (pictures, note and comment marks) are dropped,
     * a manual line break or a page break is a line end. POI's own stripper pairs a field's start with the last end of
     * the text and leaves the rest of the codes in.
     */
    static final class Fields {
        /** For each open field: its code so far, or {@link #RESULT} once its result has begun. */
        private final java.util.ArrayDeque<StringBuilder> open = new java.util.ArrayDeque<>();

        String strip(String text) {
            StringBuilder b = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\u0013') {
                    open.push(new StringBuilder());
                } else if (c == '\u0014' && !open.isEmpty()) {
                    open.pop();
                    open.push(RESULT);
                } else if (c == '\u0015' && !open.isEmpty()) {
                    StringBuilder code = open.pop();
                    if (code != RESULT) {
                        String base = rubyBase(code.toString());
                        if (base != null) {
                            (open.isEmpty() || open.peek() == RESULT ? b : open.peek()).append(base);
                        }
                    }
                } else if (!open.isEmpty() && open.peek() != RESULT) {
                    open.peek().append(c);
                } else if (c == '\u000B' || c == '\u000C' || c == '\r' && i < text.length() - 1) {
                    b.append('\n'); // a manual line break, a page break
                } else if (c >= 0x20 || c == '\t') {
                    b.append(c);
                }
            }
            return b.toString();
        }

        private static final StringBuilder RESULT = new StringBuilder(0);
        private static final java.util.regex.Pattern RUBY = java.util.regex.Pattern.compile(
                "^\\s*EQ\\b.*\\\\o\\s*(?:\\\\a[dlcr]\\s*)?\\(\\s*\\\\s\\s*\\\\up\\s*[0-9]+\\s*\\([^)]*\\)\\s*,(.*)\\)\\s*$",
                java.util.regex.Pattern.DOTALL);

        /** The base text of ruby written as an EQ field, or null for any other field. */
        static String rubyBase(String code) {
            if (code.length() > 4096) { // no ruby is that long; the expression backtracks over a long code
                return null;
            }
            java.util.regex.Matcher m = RUBY.matcher(code);
            return m.matches() ? m.group(1) : null;
        }
    }

    // ---- PPT

    private static void ppt(DirectoryNode root, String name, DocumentText.Lines lines, Problems problems, int depth) throws IOException {
        try (HSLFSlideShow show = new HSLFSlideShow(root)) {
            DocumentText.slides(show, lines);
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
            DocumentText.authors(info.getAuthor(), info.getLastAuthor(), lines);
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
            cannotRead(n, format, problems);
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
            cannotRead(n, format, problems);
        }
    }

    private static void cannotRead(int n, Format format, Problems problems) {
        problems.unread(-1, 0, new Message("埋め込みオブジェクト " + n + "（" + format + "）を読めません",
                "embedded object " + n + " (" + format + ") cannot be read"));
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
        String from = joined(value(main.getDisplayFromChunk()), sender(main));
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
        DirectoryNode storage = a.getAttachmentDirectory() == null ? null : a.getAttachmentDirectory().getDirectory();
        if (storage != null && !isMessage(storage)) { // an object stored as a storage (an OLE object: a Word document)
            lines.add("添付ファイル " + n);
            embedded(storage, null, n, lines, problems, depth);
            return;
        }
        if (storage != null) { // POI takes every storage for an attached message
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
        byte[] bytes = a.getAttachData() == null ? new byte[0] : a.getAttachData().getValue();
        MailText.attached(bytes, file.isEmpty() ? null : file, type.isEmpty() ? "application/octet-stream" : type, n,
                () -> decode(bytes), lines, problems, depth);
    }

    /** A message's storage: its properties' streams (an OLE object's storage holds its application's streams). */
    private static boolean isMessage(DirectoryNode dir) {
        for (String n : dir.getEntryNames()) {
            if (n.startsWith("__substg1.0_") || n.startsWith("__properties_version1.0")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The sender's address: its SMTP address (PR_SENDER_SMTP_ADDRESS, PR_SENT_REPRESENTING_SMTP_ADDRESS) when the one
     * given is an Exchange directory name ({@code /O=EXCHANGELABS/OU=…}), as in mail between a company's own people.
     */
    private static String sender(org.apache.poi.hsmf.datatypes.Chunks main) {
        String address = value(main.getEmailFromChunk());
        if (!address.startsWith("/")) {
            return address;
        }
        for (Chunk c : main.getChunks()) {
            if ((c.getChunkId() == 0x5D01 || c.getChunkId() == 0x5D02) && c instanceof StringChunk s && value(s).contains("@")) {
                return value(s);
            }
        }
        return address;
    }

    /**
     * Decodes the message's code-page strings (Outlook before 2003, or a mail saved without Unicode) — its own, its
     * recipients' and its attachments' names — in the code page the message names (PR_MESSAGE_CODEPAGE or
     * PR_INTERNET_CPID), else in the encoding their bytes show (Shift_JIS, EUC-JP, UTF-8); POI applies a named code page
     * to some strings only, and otherwise reads them as Windows-1252.
     */
    private static void encoding(MAPIMessage m) throws IOException {
        List<StringChunk> codePage = new java.util.ArrayList<>();
        collect(m.getMainChunks().getChunks(), codePage);
        for (RecipientChunks r : m.getRecipientDetailsChunks()) {
            collect(r.getAll(), codePage);
        }
        for (AttachmentChunks a : m.getAttachmentFiles()) {
            collect(a.getAll(), codePage);
        }
        var props = m.getMainChunks().getProperties();
        Charset cs = codePage(props.get(MAPIProperty.MESSAGE_CODEPAGE));
        if (cs == null) {
            cs = codePage(props.get(MAPIProperty.INTERNET_CPID));
        }
        if (cs == null) {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            for (StringChunk s : codePage) {
                raw.writeBytes(s.getRawValue());
                raw.write('\n');
            }
            cs = CharsetSniffer.detect(Head.read(new java.io.ByteArrayInputStream(raw.toByteArray()))).charset();
        }
        for (StringChunk s : codePage) {
            s.set7BitEncoding(cs.name());
        }
    }

    private static void collect(Chunk[] chunks, List<StringChunk> out) {
        for (Chunk c : chunks) {
            if (c instanceof StringChunk s && s.getType() == Types.ASCII_STRING) {
                out.add(s);
            }
        }
    }

    /** The charset of a Windows code page number (932: Shift_JIS as Windows writes it), or null. */
    private static Charset codePage(List<PropertyValue> property) {
        Object v = property == null || property.isEmpty() ? null : property.get(0).getValue();
        if (!(v instanceof Number n)) {
            return null;
        }
        String name = switch (n.intValue()) {
            case 932 -> "windows-31j";
            case 50220, 50221, 50222 -> "x-windows-iso2022jp";
            case 20932, 51932 -> "EUC-JP";
            case 65001 -> "UTF-8";
            case 1200, 1201 -> null; // Unicode strings are not code-page strings
            default -> "Cp" + n.intValue();
        };
        return name != null && Charset.isSupported(name) ? Charset.forName(name) : null;
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
