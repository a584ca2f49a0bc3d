package dev.mamori.table;

import dev.mamori.report.Message;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * OpenDocument files (ODF 1.0–1.3, as LibreOffice writes them and as Japanese public bodies publish them): spreadsheets
 * (.ods) read as tables like an XLSX, text documents (.odt) and presentations (.odp) read as lines like a DOCX and a
 * PPTX; both the zip package and the flat XML file (.fods, .fodt, .fodp). A sheet's cells come as the application shows
 * them (ODF keeps the shown text beside the value: a date formatted 昭和60年4月11日 is read so), rows and cells that the
 * file writes once with a repeat count are repeated, merged cells keep their columns. Besides the body: comments with
 * their authors (on a sheet as its notes, {@link SheetRows#comment}), footnotes, text deleted by tracked changes,
 * a presentation's speaker notes after each slide, the pages' headers and footers, objects pasted in, and the author.
 *
 * <p>Written by hand on the JDK's StAX parser (DTDs and external entities refused): the ODF Toolkit builds a DOM of the
 * whole content (a large sheet would not fit in memory) and POI does not read ODF. Password-protected files are refused
 * with that reason; a part that expands more than {@link #MAX_RATIO} times its compressed size is refused as a zip bomb.
 */
final class OpenDocument {

    static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static final String STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    private static final String DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
    private static final String PRESENTATION = "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0";
    private static final String META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String XLINK = "http://www.w3.org/1999/xlink";
    private static final String MANIFEST = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";

    /** A part may expand to this many times its compressed size (above {@link #SMALL}); more is taken for a zip bomb. */
    static final int MAX_RATIO = 200;
    private static final long SMALL = 64L << 20;
    /**
     * Cells that rows and cells written once with a repeat count may add to a file (past it, each is read once, and that
     * is said): a file of a kilobyte must not become a scan of millions of cells.
     */
    static final long MAX_REPEATED_CELLS = 2_000_000;
    /** The same for the characters a document's repeated table rows and cells add (tables nest: repeats multiply). */
    static final long MAX_REPEATED_CHARS = 16L << 20;
    /** A sheet's rows read: LibreOffice's largest sheet (16,777,216); rows past it are said unread. */
    static final int MAX_ROWS = 1 << 24;
    /** Copies of a repeated row or cell of a text document's table read (a table repeats an empty row, not a filled one). */
    private static final int MAX_TEXT_REPEAT = 100;

    /** Elements nested deeper than this are not read into (the walk recurses). */
    static final int MAX_NESTING = 256;

    private static final String DELETED = "削除された文字：";

    private OpenDocument() {
    }

    /** The format an OpenDocument media type names (templates and master documents included), or null. */
    static Format byMediaType(String type) {
        if (type == null) {
            return null;
        }
        String t = type.strip();
        if (t.startsWith("application/vnd.oasis.opendocument.spreadsheet")) {
            return Format.ODS;
        }
        if (t.startsWith("application/vnd.oasis.opendocument.text")) {
            return Format.ODT;
        }
        if (t.startsWith("application/vnd.oasis.opendocument.presentation")) {
            return Format.ODP;
        }
        return null;
    }

    private static final Pattern FLAT = Pattern.compile("<(?:[A-Za-z_][\\w.-]*:)?document\\b[^>]*?\\bmimetype\\s*=\\s*[\"']([^\"']+)[\"']");

    /** The format of a flat OpenDocument file (.fods, .fodt, .fodp) whose head this text is, or null when it is none. */
    static Format flat(String head) {
        String t = head.stripLeading();
        if (!t.startsWith("<") || !t.contains(OFFICE)) {
            return null;
        }
        Matcher m = FLAT.matcher(t);
        return m.find() ? byMediaType(m.group(1)) : null;
    }

    /** The format of an OpenDocument package by its {@code mimetype} entry, or null when the zip is none. */
    static Format ofPackage(ZipFile zip) throws IOException {
        ZipEntry e = zip.getEntry("mimetype");
        if (e == null) {
            return null;
        }
        try (InputStream in = zip.getInputStream(e)) {
            return byMediaType(new String(in.readNBytes(200), java.nio.charset.StandardCharsets.US_ASCII));
        }
    }

    /** Reads a spreadsheet's sheets as tables; the rows delivered. */
    static long sheets(Path file, String name, SheetRows.Header header, DocumentVisitor v, Problems problems)
            throws IOException, ReadException {
        Walker w = new Walker(name, Format.ODS, problems);
        w.header = header;
        w.visitor = v;
        try {
            read(file, name, w, 0);
        } catch (SheetRows.VisitorFailure e) {
            throw e.getCause(); // the visitor's own exception, unchanged
        } catch (XMLStreamException | IOException | RuntimeException e) {
            if (e instanceof IOException io && DocumentText.cannotOpen(io)) {
                throw io;
            }
            try {
                w.finishSheet(); // what came before the damage is kept
            } catch (SheetRows.VisitorFailure f) {
                throw f.getCause();
            }
            XMLStreamException xml = e instanceof XMLStreamException x ? x : null;
            if (w.rows == 0) {
                throw xml != null ? new ReadException(malformed(name, Format.ODS, w.part, xml), xml) : DocumentText.corrupt(name, Format.ODS, e);
            }
            problems.unread(-1, 0, xml != null ? malformed("", Format.ODS, w.part, xml)
                    : new Message("途中から壊れています（" + e.getClass().getSimpleName() + "）。その後は読んでいません",
                    "corrupt part of the way through (" + e.getClass().getSimpleName() + "); the rest is not read"));
        }
        return w.rows;
    }

    /** Reads a text document or a presentation as lines. */
    static void text(Path file, String name, Format format, DocumentText.Lines lines, Problems problems, int depth)
            throws IOException, ReadException {
        Walker w = new Walker(name, format, problems);
        w.lines = lines;
        try {
            read(file, name, w, depth);
        } catch (XMLStreamException e) {
            if (lines.count() == 0) {
                throw new ReadException(malformed(name, format, w.part, e), e);
            }
            w.end(); // what came before the damage is kept, as for a sheet
            problems.unread(-1, 0, malformed("", format, w.part, e));
        }
    }

    private static Message malformed(String name, Format format, String part, XMLStreamException e) {
        if (e.getNestedException() instanceof IOException io && io.getMessage() != null && io.getMessage().contains("zip bomb")) {
            return new Message((name.isEmpty() ? "" : name + ": ") + "展開すると圧縮時の " + MAX_RATIO + " 倍を超える部分があります（ZIP 爆弾?）。読みません",
                    (name.isEmpty() ? "" : name + ": ") + io.getMessage());
        }
        int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
        int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNumber();
        String where = part == null ? "" : part + " の ";
        String whereEn = part == null ? "" : " of " + part;
        String prefix = name.isEmpty() ? "" : name + ": 読める " + format + " ではありません（";
        String prefixEn = name.isEmpty() ? "" : name + ": not a readable " + format + ": ";
        return new Message(prefix + where + line + " 行 " + column + " 列目で XML が壊れています" + (name.isEmpty() ? "。その後は読んでいません" : "）"),
                prefixEn + "malformed XML at line " + line + ", column " + column + whereEn + (name.isEmpty() ? "; the rest is not read" : ""));
    }

    /**
     * Reads the file's parts in order. A spreadsheet: its styles (the pages' headers and footers, which become the first
     * sheet's notes), its content, its meta. A document: its content, then what comes after the body (comments, notes,
     * deleted text, headers and footers), its author, its objects. A flat file is one walk: its meta and styles come
     * before its body, and objects are inside it.
     */
    private static void read(Path file, String name, Walker w, int depth) throws IOException, ReadException, XMLStreamException {
        Head head;
        try (InputStream in = Files.newInputStream(file)) {
            head = Head.read(in);
        }
        if (!Sniffer.isZip(head)) {
            w.charset = XmlChars.declared(java.util.Arrays.copyOf(head.bytes, Math.min(head.length, 1024)));
            try (InputStream in = Files.newInputStream(file)) {
                w.walk(in);
            }
            w.end();
            return;
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            w.zip = zip;
            w.manifest();
            if (w.encrypted) {
                throw new ReadException(new Message(name + ": パスワードで保護された " + w.format + " です。読めません（パスワードを外してから検査してください）",
                        name + ": a " + w.format + " protected by a password; not read (remove the password, then scan it)"));
            }
            if (w.lines == null) {
                w.part("styles.xml");
            }
            if (!w.part("content.xml")) {
                throw new IOException("the package has no content.xml");
            }
            if (w.lines != null) {
                w.part("styles.xml");
            }
            w.part("meta.xml");
            w.end();
            w.objects(depth);
        }
    }

    /** A cell's or a document's comment. */
    private record Comment(String author, String text) {
    }

    /** The state of one file's walk. */
    private static final class Walker {
        final String name;
        final Format format;
        final Problems problems;
        /** Lines of a text document or presentation; null for a spreadsheet. */
        DocumentText.Lines lines;
        /** A spreadsheet's visitor and header mode. */
        DocumentVisitor visitor;
        SheetRows.Header header;
        SheetRows sheet;
        int sheets;
        long rows;
        boolean beyondReported;
        /** What comes after the body: comments, footnotes, deleted text. */
        final List<String> after = new ArrayList<>();
        /** Headers and footers of the pages, each text once. */
        final List<String> headers = new ArrayList<>();
        /** Comments met and not yet placed (a sheet's cell takes its own). */
        final List<Comment> comments = new ArrayList<>();
        /** A cell's links to an address or a number (mailto:, tel:). */
        final List<String> links = new ArrayList<>();
        /** A slide's speaker notes, placed after the slide. */
        final List<String> notes = new ArrayList<>();
        String author;
        String lastEditor;
        ZipFile zip;
        boolean encrypted;
        Map<String, String> objectTypes = Map.of();
        /** The part being read (content.xml …), for messages; null in a flat file. */
        String part;
        XMLStreamReader x;
        /** The encoding of the XML: UTF-8 in a package, as a flat file declares it. */
        java.nio.charset.Charset charset = java.nio.charset.StandardCharsets.UTF_8;
        String sheetName;
        /** Cells (a sheet) or characters (a document) added by repeats so far; past the budget, once said. */
        long repeatedCells;
        long repeatedChars;
        boolean repeatsCut;
        boolean rowsCut;
        /** How deep the walk is in elements it reads into; a part deeper than {@link #MAX_NESTING} is passed over. */
        int depth;
        boolean tooDeep;

        Walker(String name, Format format, Problems problems) {
            this.name = name;
            this.format = format;
            this.problems = problems;
        }

        // ---- the package

        /** The manifest's entries (path → media type), and whether any entry is encrypted. */
        void manifest() throws IOException, XMLStreamException {
            Map<String, String> types = new LinkedHashMap<>();
            objectTypes = types;
            ZipEntry e = zip.getEntry("META-INF/manifest.xml");
            if (e == null) {
                return;
            }
            try (InputStream in = limited(zip, e)) {
                XMLStreamReader m = XmlChars.factory().createXMLStreamReader(XmlChars.reader(in, java.nio.charset.StandardCharsets.UTF_8));
                try {
                    while (m.hasNext()) {
                        if (m.next() == XMLStreamConstants.START_ELEMENT && MANIFEST.equals(m.getNamespaceURI())) {
                            if (m.getLocalName().equals("file-entry")) {
                                String path = m.getAttributeValue(MANIFEST, "full-path");
                                String type = m.getAttributeValue(MANIFEST, "media-type");
                                if (path != null) {
                                    types.put(path, type == null ? "" : type);
                                }
                            } else if (m.getLocalName().equals("encryption-data")) {
                                encrypted = true;
                            }
                        }
                    }
                } finally {
                    m.close();
                }
            }
        }

        /** Walks a part of the package; false when it is missing. */
        boolean part(String path) throws IOException, XMLStreamException {
            ZipEntry e = zip.getEntry(path);
            if (e == null) {
                return false;
            }
            part = path;
            try (InputStream in = limited(zip, e)) {
                walk(in);
            }
            return true;
        }

        /** A document's comments, footnotes, deleted text, headers and footers, and author, after its body. */
        void end() {
            if (lines != null) {
                after.forEach(lines::add);
                headers.forEach(lines::add);
                DocumentText.authors(author, lastEditor, lines);
            }
            after.clear();
        }

        /**
         * Objects pasted into a document (a sheet or a document of LibreOffice's, an OLE object of Office's), each after
         * a line {@code 埋め込みオブジェクト N}; a spreadsheet's are said unread, but for its charts, whose data are its cells.
         */
        void objects(int depth) throws IOException {
            int n = 0;
            for (Map.Entry<String, String> o : objectTypes.entrySet()) {
                String path = o.getKey();
                String type = o.getValue();
                boolean odf = path.matches("[^/]+/") && type.startsWith("application/vnd.oasis.opendocument.");
                boolean ole = type.equals("application/vnd.sun.star.oleobject") && !path.contains("/");
                if (!odf && !ole) {
                    continue;
                }
                n++;
                ZipEntry e = zip.getEntry(ole ? path : path + "content.xml");
                if (lines == null) {
                    if (!type.endsWith(".chart")) {
                        problems.unread(-1, 0, new Message("埋め込みオブジェクト " + n + "（" + type + "）は読んでいません",
                                "embedded object " + n + " (" + type + ") is not read"));
                    }
                } else if (e != null && ole) {
                    byte[] bytes;
                    try (InputStream in = limited(zip, e)) {
                        bytes = in.readNBytes(DocumentText.MAX_IN_MEMORY);
                    }
                    Ole2Text.embedded(bytes, null, n, lines, problems, depth);
                } else if (e != null) {
                    lines.add("埋め込みオブジェクト " + n);
                    Walker inner = new Walker(name, Format.ODT, problems);
                    inner.lines = lines;
                    try (InputStream in = limited(zip, e)) {
                        inner.walk(in);
                        inner.after.forEach(lines::add);
                    } catch (XMLStreamException ex) {
                        problems.unread(-1, 0, new Message("埋め込みオブジェクト " + n + " を読めません（XML が壊れています）",
                                "embedded object " + n + " cannot be read (malformed XML)"));
                    }
                }
            }
        }

        // ---- the walk

        void walk(InputStream in) throws XMLStreamException {
            XmlChars.Decoded chars = XmlChars.reader(in, charset);
            x = XmlChars.factory().createXMLStreamReader(chars);
            try {
                while (x.hasNext()) {
                    if (x.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    String ns = x.getNamespaceURI();
                    String local = x.getLocalName();
                    if (OFFICE.equals(ns)) {
                        switch (local) {
                            case "meta" -> meta();
                            case "binary-data", "settings", "scripts", "font-face-decls", "styles", "automatic-styles" -> skip();
                            case "spreadsheet" -> {
                                if (lines == null) {
                                    spreadsheet();
                                } else {
                                    blocks(lines::add);
                                }
                            }
                            case "text", "presentation", "drawing", "chart" -> {
                                if (lines != null) {
                                    blocks(lines::add);
                                } else {
                                    skip();
                                }
                            }
                            default -> { }
                        }
                    } else if (STYLE.equals(ns) && local.equals("master-page")) {
                        if (format == Format.ODP) {
                            skip(); // the layouts' placeholder text, the same on every file
                        } else {
                            List<String> found = new ArrayList<>();
                            blocks(found::add);
                            for (String h : found) {
                                if (!h.isBlank() && !headers.contains(h.strip())) {
                                    headers.add(h.strip());
                                }
                            }
                        }
                    }
                }
            } finally {
                x.close();
                chars.report(problems, part);
            }
        }

        /** The author and the last editor (meta:initial-creator, dc:creator). */
        private void meta() throws XMLStreamException {
            while (child()) {
                if (META.equals(x.getNamespaceURI()) && x.getLocalName().equals("initial-creator")) {
                    author = x.getElementText().strip();
                } else if (DC.equals(x.getNamespaceURI()) && x.getLocalName().equals("creator")) {
                    lastEditor = x.getElementText().strip();
                } else {
                    skip();
                }
            }
        }

        /**
         * Whether the current element (just started) is nested too deep to be read into (the walk recurses, and a file
         * of 100,000 nested spans must not exhaust the stack): then it is passed over, and that is said once.
         */
        private boolean tooDeep() throws XMLStreamException {
            if (depth >= MAX_NESTING) {
                skip();
                if (!tooDeep) {
                    tooDeep = true;
                    problems.unread(-1, 0, new Message("入れ子が " + MAX_NESTING + " 段より深い部分は読んでいません",
                            "a part nested more than " + MAX_NESTING + " deep is not read"));
                }
                return true;
            }
            depth++;
            return false;
        }

        /** The character data inside the current element (just started), to its end, whatever elements it holds. */
        private String characters() throws XMLStreamException {
            StringBuilder b = new StringBuilder();
            int depth = 1;
            while (depth > 0) {
                int e = x.next();
                if (e == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (e == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                } else if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) {
                    b.append(x.getText());
                }
            }
            return b.toString();
        }

        /**
         * Moves to the current element's next child element: true there; false at the current element's end (text and
         * other events between them passed over).
         */
        private boolean child() throws XMLStreamException {
            while (true) {
                int e = x.next();
                if (e == XMLStreamConstants.END_ELEMENT) {
                    return false;
                }
                if (e == XMLStreamConstants.START_ELEMENT) {
                    return true;
                }
            }
        }

        /** Leaves the current element (just started) at its end, reading nothing. */
        private void skip() throws XMLStreamException {
            int depth = 1;
            while (depth > 0) {
                int e = x.next();
                if (e == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (e == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        }

        /**
         * Elements with no text worth reading: pictures' data, forms' controls, declarations, a change's author and date,
         * ruby's reading (the base is read), and the fields a page's header shows (??? for a sheet's name until printed).
         */
        private boolean skipped(String ns, String local) {
            return OFFICE.equals(ns) && (local.equals("binary-data") || local.equals("forms") || local.equals("event-listeners")
                    || local.equals("change-info"))
                    || TEXT.equals(ns) && (local.endsWith("-decls") || local.equals("ruby-text") || local.equals("note-citation")
                    || local.equals("annotation-end") || local.equals("soft-page-break") || local.equals("sheet-name")
                    || local.equals("page-number") || local.equals("page-count") || local.equals("file-name"))
                    || TABLE.equals(ns) && (local.startsWith("table-column") || local.equals("table-header-columns")
                    || local.equals("named-expressions") || local.equals("database-ranges") || local.equals("content-validations")
                    || local.equals("calculation-settings") || local.equals("data-pilot-tables") || local.equals("label-ranges"))
                    || DRAW.equals(ns) && local.equals("page-thumbnail");
        }

        private static boolean isAnnotation(String ns, String local) {
            return local.equals("annotation") && ns != null && (ns.equals(OFFICE) || ns.equals("http://openoffice.org/2009/office"));
        }

        /**
         * The blocks inside the current element (just started), to its end: a line for each paragraph and heading, a line
         * of tab-separated cells for each table row; comments, footnotes and deleted text kept for after the body, a
         * slide's notes after the slide.
         */
        private void blocks(Consumer<String> out) throws XMLStreamException {
            if (tooDeep()) {
                return;
            }
            try {
                while (child()) {
                    String ns = x.getNamespaceURI();
                    String local = x.getLocalName();
                    if (TEXT.equals(ns) && (local.equals("p") || local.equals("h"))) {
                        StringBuilder b = new StringBuilder();
                        inline(b);
                        out.accept(b.toString());
                    } else if (TABLE.equals(ns) && local.equals("table")) {
                        table(out);
                    } else if (TEXT.equals(ns) && local.equals("tracked-changes")) {
                        tracked();
                    } else if (TEXT.equals(ns) && local.equals("note")) {
                        note();
                    } else if (isAnnotation(ns, local)) {
                        annotation();
                    } else if (PRESENTATION.equals(ns) && local.equals("notes")) {
                        blocks(notes::add);
                    } else if (PRESENTATION.equals(ns) && local.endsWith("-decl")) { // slides' header, footer, date text
                        String t = characters().strip();
                        if (!t.isEmpty() && !headers.contains(t)) {
                            headers.add(t);
                        }
                    } else if (DRAW.equals(ns) && local.equals("page")) {
                        blocks(out);
                        notes.stream().filter(s -> !s.isBlank()).forEach(out);
                        notes.clear();
                        placeComments(out);
                    } else if (skipped(ns, local)) {
                        skip();
                    } else {
                        blocks(out); // sections, lists, frames, text boxes, shapes, groups: their paragraphs
                    }
                }
            } finally {
                depth--;
            }
        }

        /** A slide's comments after the slide (a document's wait for the end of the body). */
        private void placeComments(Consumer<String> out) {
            for (Comment c : comments) {
                out.accept("コメント 作成者：" + c.author());
                out.accept(c.text());
            }
            comments.clear();
        }

        /**
         * A paragraph's text (the paragraph just started), to its end. Whitespace in the XML is collapsed as ODF says;
         * spaces, tabs and line breaks written as elements are kept; a text box's paragraphs or a table anchored in the
         * paragraph come on lines of their own; ruby keeps its base text.
         */
        private void inline(StringBuilder b) throws XMLStreamException {
            if (tooDeep()) {
                return;
            }
            try {
                while (true) {
                    int e = x.next();
                    if (e == XMLStreamConstants.END_ELEMENT) {
                        return;
                    }
                    if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA || e == XMLStreamConstants.SPACE) {
                        collapsed(b, x.getText());
                        continue;
                    }
                    if (e != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    String ns = x.getNamespaceURI();
                    String local = x.getLocalName();
                    if (TEXT.equals(ns) && local.equals("s")) {
                        b.append(" ".repeat(Math.min(count(TEXT, "c", 1), 1000)));
                        skip();
                    } else if (TEXT.equals(ns) && local.equals("tab")) {
                        b.append('\t');
                        skip();
                    } else if (TEXT.equals(ns) && local.equals("line-break")) {
                        b.append('\n');
                        skip();
                    } else if (TEXT.equals(ns) && (local.equals("p") || local.equals("h"))) {
                        if (!b.isEmpty() && b.charAt(b.length() - 1) != '\n') {
                            b.append('\n');
                        }
                        inline(b);
                        b.append('\n');
                    } else if (TABLE.equals(ns) && local.equals("table")) {
                        table(line -> b.append('\n').append(line));
                        b.append('\n');
                    } else if (TEXT.equals(ns) && local.equals("note")) {
                        note();
                    } else if (isAnnotation(ns, local)) {
                        annotation();
                    } else if (skipped(ns, local)) {
                        skip();
                    } else {
                        String href = TEXT.equals(ns) && local.equals("a") ? x.getAttributeValue(XLINK, "href") : null;
                        if (href != null && (href.startsWith("mailto:") || href.startsWith("tel:"))) {
                            if (sheet != null) {
                                links.add(href); // a sheet's link target as its note, as for XLSX
                            } else if (!after.contains("リンク：" + href)) {
                                after.add("リンク：" + href); // a document's after its body, as for HTML
                            }
                        }
                        inline(b); // spans, links, fields, ruby bases, frames and text boxes
                    }
                }
            } finally {
                depth--;
            }
        }

        /** XML character data in a paragraph: tabs, line ends and runs of spaces become one space, none at its start. */
        private static void collapsed(StringBuilder b, String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    if (!b.isEmpty() && b.charAt(b.length() - 1) != ' ' && b.charAt(b.length() - 1) != '\n') {
                        b.append(' ');
                    }
                } else {
                    b.append(c);
                }
            }
        }

        /**
         * A footnote or endnote: its body after the document's, its mark not read; with no label before it, as for DOCX and
         * DOC (a label such as 注： is taken for a name of one kanji).
         */
        private void note() throws XMLStreamException {
            List<String> body = new ArrayList<>();
            blocks(body::add);
            String t = String.join(" ", body).strip();
            if (!t.isEmpty()) {
                after.add(t);
            }
        }

        /** A comment (office:annotation): its author and text, kept to be placed. */
        private void annotation() throws XMLStreamException {
            String who = "";
            List<String> text = new ArrayList<>();
            while (child()) {
                if (DC.equals(x.getNamespaceURI()) && x.getLocalName().equals("creator")) {
                    who = x.getElementText().strip();
                } else if (TEXT.equals(x.getNamespaceURI()) && (x.getLocalName().equals("p") || x.getLocalName().equals("list"))) {
                    if (x.getLocalName().equals("p")) {
                        StringBuilder b = new StringBuilder();
                        inline(b);
                        text.add(b.toString());
                    } else {
                        blocks(text::add);
                    }
                } else {
                    skip(); // its date
                }
            }
            String t = String.join("\n", text).strip();
            if (!t.isEmpty()) {
                if (lines != null && sheet == null && format != Format.ODP) {
                    after.add("コメント 作成者：" + who);
                    after.add(t);
                } else {
                    comments.add(new Comment(who, t));
                }
            }
        }

        /** Tracked changes: the text of each deletion, on a line after the body. */
        private void tracked() throws XMLStreamException {
            if (tooDeep()) {
                return;
            }
            try {
                while (child()) {
                    if (TEXT.equals(x.getNamespaceURI()) && x.getLocalName().equals("deletion")) {
                        List<String> d = new ArrayList<>();
                        blocks(d::add);
                        String t = String.join(" ", d).strip();
                        if (!t.isEmpty()) {
                            after.add(DELETED + t);
                        }
                    } else if (skipped(x.getNamespaceURI(), x.getLocalName())) {
                        skip();
                    } else {
                        tracked(); // changed regions, insertions (their text is in the body)
                    }
                }
            } finally {
                depth--;
            }
        }

        /** A table in a document: a line of tab-separated cells per row, nested tables inside their cell. */
        private void table(Consumer<String> out) throws XMLStreamException {
            if (tooDeep()) {
                return;
            }
            try {
                while (child()) {
                    String ns = x.getNamespaceURI();
                    String local = x.getLocalName();
                    if (TABLE.equals(ns) && local.equals("table-row")) {
                        textRow(out);
                    } else if (TABLE.equals(ns) && (local.equals("table-header-rows") || local.equals("table-rows")
                            || local.equals("table-row-group"))) {
                        table(out);
                    } else {
                        skip();
                    }
                }
            } finally {
                depth--;
            }
        }

        private void textRow(Consumer<String> out) throws XMLStreamException {
            int repeat = Math.min(count(TABLE, "number-rows-repeated", 1), MAX_TEXT_REPEAT);
            List<String> cells = new ArrayList<>();
            while (child()) {
                if (TABLE.equals(x.getNamespaceURI()) && x.getLocalName().endsWith("table-cell")) {
                    int asked = Math.min(count(TABLE, "number-columns-repeated", 1), MAX_TEXT_REPEAT);
                    List<String> parts = new ArrayList<>();
                    blocks(parts::add);
                    String cell = String.join(" ", parts).replace('\t', ' ').replace('\n', ' ').strip();
                    int times = cell.isEmpty() ? asked : copies(asked, cell.length(), false);
                    for (int i = 0; i < times; i++) {
                        cells.add(cell);
                    }
                } else {
                    skip();
                }
            }
            while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                cells.remove(cells.size() - 1);
            }
            if (!cells.isEmpty()) {
                String line = String.join("\t", cells);
                for (int i = copies(repeat, line.length(), false); i > 0; i--) {
                    out.accept(line);
                }
            }
        }

        /**
         * How many of {@code times} copies of a thing of {@code size} cells or characters to give within the file's budget
         * for repeats: all, or one once the budget is spent (said once).
         */
        private int copies(int times, long size, boolean cells) {
            if (times <= 1) {
                return times;
            }
            long extra = (long) (times - 1) * Math.max(1, size);
            if (cells ? repeatedCells + extra > MAX_REPEATED_CELLS : repeatedChars + extra > MAX_REPEATED_CHARS) {
                if (!repeatsCut) {
                    repeatsCut = true;
                    problems.unread(-1, 0, new Message("同じ内容の繰り返しとして書かれた行やセルが多すぎるため、上限を超えた分は 1 回だけ読みました",
                            "rows or cells written as repeated exceed the limit; past it, each is read once"));
                }
                return 1;
            }
            if (cells) {
                repeatedCells += extra;
            } else {
                repeatedChars += extra;
            }
            return times;
        }

        // ---- a spreadsheet

        private void spreadsheet() throws XMLStreamException {
            while (child()) {
                if (TABLE.equals(x.getNamespaceURI()) && x.getLocalName().equals("table")) {
                    sheet();
                } else {
                    skip();
                }
            }
        }

        private void sheet() throws XMLStreamException {
            String n = x.getAttributeValue(TABLE, "name");
            sheetName = n == null || n.isBlank() ? "Sheet" + (sheets + 1) : n;
            sheet = new SheetRows(sheetName, header, visitor);
            if (sheets++ == 0) {
                headers.forEach(h -> sheet.note(-1, h));
            }
            sheetRows(new int[] {0});
            finishSheet();
        }

        void finishSheet() {
            if (sheet == null) {
                return;
            }
            sheet.finish();
            rows += sheet.rows();
            if (sheet.beyond && !beyondReported) {
                beyondReported = true;
                problems.unread(-1, 0, new Message(SheetRows.MAX_COLUMNS + " 列目より右のセルは読んでいません",
                        "cells beyond column " + SheetRows.MAX_COLUMNS + " are not read"));
            }
            sheet = null;
        }

        /** The rows inside the current element (a sheet, or a group of its rows); {@code row[0]} the next row's number. */
        private void sheetRows(int[] row) throws XMLStreamException {
            if (tooDeep()) {
                return;
            }
            try {
                while (child()) {
                    String ns = x.getNamespaceURI();
                    String local = x.getLocalName();
                    if (TABLE.equals(ns) && local.equals("table-row")) {
                        row[0] = sheetRow(row[0]);
                    } else if (TABLE.equals(ns) && (local.equals("table-header-rows") || local.equals("table-rows")
                            || local.equals("table-row-group"))) {
                        sheetRows(row);
                    } else if (TABLE.equals(ns) && local.equals("shapes")) {
                        List<String> text = new ArrayList<>();
                        blocks(text::add); // text boxes and shapes drawn on the sheet
                        sheet.note(-1, String.join("\n", text));
                    } else {
                        skip();
                    }
                }
            } finally {
                depth--;
            }
        }

        /** A row (just started), repeated as often as it says; the number of the row after it. */
        private int sheetRow(int row) throws XMLStreamException {
            int repeat = count(TABLE, "number-rows-repeated", 1);
            List<String> values = new ArrayList<>();
            int col = 0;
            while (child()) {
                if (TABLE.equals(x.getNamespaceURI()) && x.getLocalName().endsWith("table-cell")) { // covered cells too
                    int times = count(TABLE, "number-columns-repeated", 1);
                    String value = cell(row, col);
                    for (Comment c : comments) {
                        sheet.comment(row, col, c.author(), c.text());
                    }
                    comments.clear();
                    if (!value.isEmpty()) {
                        for (int i = 0; i < times && col + i <= SheetRows.MAX_COLUMNS; i++) {
                            while (values.size() <= col + i) {
                                values.add(null);
                            }
                            values.set(col + i, value);
                        }
                    }
                    col = (int) Math.min((long) col + times, SheetRows.MAX_COLUMNS + 1L);
                } else {
                    skip();
                }
            }
            long filled = values.stream().filter(java.util.Objects::nonNull).count();
            int next = (int) Math.min((long) row + repeat, MAX_ROWS + 1L);
            if (filled == 0) {
                return next;
            }
            if (row >= MAX_ROWS) {
                if (!rowsCut) {
                    rowsCut = true;
                    problems.unread(-1, 0, new Message("シート「" + sheetName + "」の " + MAX_ROWS + " 行目より後は読んでいません",
                            "rows of sheet '" + sheetName + "' past row " + MAX_ROWS + " are not read"));
                }
                return next;
            }
            int times = copies((int) Math.min(repeat, (long) MAX_ROWS - row), filled, true);
            for (int t = 0; t < times; t++) {
                sheet.startRow();
                for (int c = 0; c < values.size(); c++) {
                    sheet.cell(c, values.get(c));
                }
                sheet.endRow(row + t);
            }
            return (int) Math.min((long) row + repeat, Integer.MAX_VALUE);
        }

        /**
         * A cell's shown text (its paragraphs, a line each), else its value; its comment kept for the caller, text drawn in
         * it (a text box anchored to the cell) as the sheet's note.
         */
        private String cell(int row, int col) throws XMLStreamException {
            String value = firstNonNull(x.getAttributeValue(OFFICE, "value"), x.getAttributeValue(OFFICE, "date-value"),
                    x.getAttributeValue(OFFICE, "time-value"), x.getAttributeValue(OFFICE, "boolean-value"),
                    x.getAttributeValue(OFFICE, "string-value"));
            StringBuilder shown = new StringBuilder();
            while (child()) {
                String ns = x.getNamespaceURI();
                String local = x.getLocalName();
                if (TEXT.equals(ns) && (local.equals("p") || local.equals("h"))) {
                    if (!shown.isEmpty()) {
                        shown.append('\n');
                    }
                    inline(shown);
                } else if (isAnnotation(ns, local)) {
                    annotation();
                } else if (skipped(ns, local)) {
                    skip();
                } else {
                    List<String> drawn = new ArrayList<>();
                    blocks(drawn::add);
                    sheet.note(row, String.join("\n", drawn));
                }
            }
            for (String l : links) {
                sheet.note(row, "リンク：" + l);
            }
            links.clear();
            String s = shown.toString().strip();
            return !s.isEmpty() ? s : value == null ? "" : value.strip();
        }

        private static String firstNonNull(String... values) {
            for (String v : values) {
                if (v != null) {
                    return v;
                }
            }
            return null;
        }

        /** A count attribute of the current element (a repeat, a number of spaces): at least 1, {@code none} when absent. */
        private int count(String ns, String attr, int none) {
            String v = x.getAttributeValue(ns, attr);
            if (v == null || !v.strip().matches("[0-9]{1,9}")) {
                return none;
            }
            return Math.max(1, Integer.parseInt(v.strip()));
        }
    }

    /** A part's content, refused as a zip bomb when it expands past {@link #MAX_RATIO} times its compressed size. */
    private static InputStream limited(ZipFile zip, ZipEntry e) throws IOException {
        long compressed = Math.max(e.getCompressedSize(), 1);
        long max = Math.max(SMALL, compressed * MAX_RATIO);
        return new FilterInputStream(zip.getInputStream(e)) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                count(Math.max(n, 0));
                return n;
            }

            private void count(int n) throws IOException {
                read += n;
                if (read > max) {
                    throw new IOException(e.getName() + " expands to more than " + MAX_RATIO
                            + " times its compressed size (a zip bomb?); not read");
                }
            }
        };
    }
}
