package dev.mamori.deid;

import dev.mamori.report.Message;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.poi.util.XMLHelper;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A copy of a Word document (.docx) with the personal information found in it hidden, as {@link TextRedactor} hides it in
 * a text: each part's paragraphs read as one text, as the scanner reads a .docx (body, tables, text boxes, headers and
 * footers, notes, comments, math, the glossary), field codes, SmartArt's and charts' paragraphs; then every value found
 * is hidden again wherever else it stands (every text, and the attributes a writer types). What would show the text
 * that was hidden, or who wrote it, is removed rather than masked: text deleted with tracked changes, the authors of
 * changes and comments, the file's properties, pictures' alternative text and metadata, the data bound to content
 * controls (custom XML, which Word would put back), document variables, the targets of links, the page's thumbnail.
 * Only the parts Word writes, under the names Word gives them, are admitted: anything else (objects pasted in, macros,
 * ActiveX, HTML chunks, SVG, Strict Open XML) refuses the document, since what is not known cannot be vouched for.
 * docs/deid.md, "Redacting documents", lists what is done and what is known to stay.
 *
 * <p>Works on the package's XML directly (POI's DOM helpers, DTDs refused): POI's document model drops or reorders
 * parts it does not know, and a redacted copy must keep everything it does not hide.
 */
public final class DocxRedactor {

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /** What was hidden and removed, for the summary. */
    public record Summary(TextRedactor.Summary hidden, int pictures, List<String> removed) {
    }

    private final TextRedactor redactor;
    private int paragraphs;
    private int pictures;
    private final List<String> removed = new ArrayList<>();

    public DocxRedactor(TextRedactor redactor) {
        this.redactor = redactor;
    }

    /** A math zone's text (m:t), read with the paragraph's. */
    static final String M = "http://schemas.openxmlformats.org/officeDocument/2006/math";
    static final String A = "http://schemas.openxmlformats.org/drawingml/2006/main";

    /**
     * The parts a copy may have: the Word document's own, the package's, pictures (not SVG, which is text), fonts,
     * SmartArt and charts, bound data. Any other part (an object pasted in, macros, ActiveX, an HTML or RTF chunk, a
     * document at another place) makes the document refused: what is not known cannot be vouched for.
     */
    private static final Pattern ALLOWED = Pattern.compile("\\[Content_Types\\]\\.xml|_rels/\\.rels|docProps/(core|app|custom)\\.xml"
            + "|docProps/thumbnail\\.[A-Za-z]+|customXml/(item\\d+|itemProps\\d+)\\.xml|customXml/_rels/item\\d+\\.xml\\.rels"
            + "|word/(glossary/)?(document|header\\d*|footer\\d*|footnotes|endnotes|comments|commentsExtended|commentsIds|commentsExtensible"
            + "|people|styles|stylesWithEffects|numbering|fontTable|settings|webSettings)\\.xml|word/(glossary/)?_rels/[^/]+\\.rels"
            + "|word/theme/theme\\d+\\.xml|word/theme/_rels/theme\\d+\\.xml\\.rels|word/(glossary/)?media/image\\d+\\.(png|jpe?g|gif|bmp|emf|wmf|tiff?|wdp|jfif)"
            + "|word/fonts/font\\d+\\.odttf|word/diagrams/(data|layout|quickStyle|colors|drawing)\\d+\\.xml"
            + "|word/diagrams/_rels/(data|drawing)\\d+\\.xml\\.rels|word/charts/(chart|colors|style)\\d+\\.xml|word/charts/_rels/chart\\d+\\.xml\\.rels");
    /** Relationships to content that cannot be redacted here. */
    private static final Pattern REFUSED_REL = Pattern.compile(".*/(oleObject|package|control|vbaProject|aFChunk|subDocument"
            + "|activeXControlBinary|attachedToolbars|keyMapCustomizations|wordVbaData)$");
    /** A part larger than this, or inflating past {@link #MAX_RATIO} times its compressed size, is refused (a zip bomb). */
    private static final long MAX_PART = 256L << 20;
    private static final int MAX_RATIO = 200;

    /** The values hidden, and what each became: hidden again wherever else they stand (an attribute, another part). */
    private final java.util.Map<String, String> found = new java.util.HashMap<>();

    private static Message.Problem refused(String what, String whatEn) {
        return new Message.Problem(what + "は伏せ字にできないため、この文書は書き出しません", whatEn + " cannot be redacted, so this document is not written");
    }

    /**
     * Writes the redacted copy of {@code docx} to {@code out}. Call once.
     *
     * @throws Message.Problem when the document cannot be redacted (a part or relationship not known, objects pasted in,
     *                         macros, Strict Open XML, a zip bomb, not a Word document)
     */
    public Summary redact(Path docx, OutputStream out) throws IOException {
        try {
            return redactWhole(docx, out);
        } catch (StackOverflowError e) { // elements nested thousands deep: the DOM's walk runs out of stack
            throw refused("入れ子が深すぎる XML", "XML nested too deeply");
        }
    }

    private Summary redactWhole(Path docx, OutputStream out) throws IOException {
        try (ZipFile zip = new ZipFile(docx.toFile())) {
            java.util.Map<String, byte[]> parts = new java.util.LinkedHashMap<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                String n = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                if (!ALLOWED.matcher(n).matches()) {
                    throw refused("部分 " + n + " ", "the part " + n);
                }
                if (entry.getSize() > MAX_PART || entry.getSize() > 16L << 20 && entry.getSize() > entry.getCompressedSize() * MAX_RATIO) {
                    throw refused("展開すると大きすぎる部分 " + n + "（ZIP 爆弾?）", "a part that inflates past reason, " + n + " (a zip bomb?),");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] b = in.readNBytes((int) MAX_PART + 1);
                    if (b.length > MAX_PART) {
                        throw refused("展開すると大きすぎる部分 " + n + "（ZIP 爆弾?）", "a part that inflates past reason, " + n + " (a zip bomb?),");
                    }
                    parts.put(n, b);
                }
            }
            byte[] main = parts.get("word/document.xml");
            if (main == null || !mainIsDocumentXml(parts.get("_rels/.rels"))) {
                throw new Message.Problem("Word の文書（.docx の word/document.xml）ではありません", "not a Word document (.docx with word/document.xml)");
            }
            if (new String(main, java.nio.charset.StandardCharsets.UTF_8).contains("http://purl.oclc.org/ooxml/wordprocessingml")) {
                throw refused("Strict Open XML の文書", "a Strict Open XML document");
            }
            // first the documents' text, then what stands elsewhere: the values found are hidden wherever they stand
            java.util.Map<String, Document> xml = new java.util.LinkedHashMap<>();
            for (var p : parts.entrySet()) {
                if (p.getKey().endsWith(".xml") || p.getKey().endsWith(".rels")) {
                    xml.put(p.getKey(), parse(p.getKey(), p.getValue()));
                }
            }
            String thumbnail = thumbnail(xml.get("_rels/.rels"));
            for (var d : xml.entrySet()) {
                if (d.getKey().endsWith(".rels")) {
                    refuseRelationships(d.getKey(), d.getValue());
                }
            }
            for (var d : xml.entrySet()) {
                first(d.getKey(), d.getValue());
            }
            attributeText(xml);
            bookmarks(xml);
            for (var d : xml.entrySet()) {
                if (!d.getKey().endsWith(".rels") && !d.getKey().equals("[Content_Types].xml")) {
                    residue(d.getValue()); // not part names, which are Word's own (image1.png …): see ALLOWED
                }
                if (d.getKey().endsWith(".rels")) {
                    relationships(d.getValue());
                } else if (d.getKey().equals("[Content_Types].xml")) {
                    contentTypes(d.getValue(), thumbnail);
                }
            }
            ZipOutputStream z = new ZipOutputStream(out);
            for (var p : parts.entrySet()) {
                String n = p.getKey();
                if (n.equals(thumbnail) || n.startsWith("docProps/thumbnail.")) {
                    removed.add(n); // a picture of the first page as it was
                    continue;
                }
                if (n.startsWith("word/media/") || n.startsWith("word/glossary/media/")) {
                    pictures++;
                }
                z.putNextEntry(new ZipEntry(n));
                z.write(xml.containsKey(n) ? serialise(xml.get(n)) : Pictures.withoutMetadata(n, p.getValue()));
                z.closeEntry();
            }
            z.finish();
        }
        return new Summary(redactor.summary(paragraphs), pictures, List.copyOf(removed));
    }

    /**
     * Pictures' own text: a PNG's text chunks (tEXt, zTXt, iTXt) and EXIF, a JPEG's EXIF and XMP (APP1), IPTC (APP13) and
     * comments (COM), where a camera or an editor puts an author's name, a place or a phone number. The image itself is
     * kept; a file that does not parse as its format is kept as it is.
     */
    static final class Pictures {
        private Pictures() {
        }

        static byte[] withoutMetadata(String name, byte[] b) {
            String n = name.toLowerCase(Locale.ROOT);
            try {
                if (n.endsWith(".png")) {
                    return png(b);
                }
                if (n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".jfif")) {
                    return jpeg(b);
                }
            } catch (RuntimeException e) {
                return b; // not what its name says: kept as it is, as other pictures are
            }
            return b;
        }

        private static byte[] png(byte[] b) {
            if (b.length < 8 || (b[1] != 'P' || b[2] != 'N' || b[3] != 'G')) {
                return b;
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(b.length);
            out.write(b, 0, 8);
            int at = 8;
            while (at + 12 <= b.length) {
                int len = java.nio.ByteBuffer.wrap(b, at, 4).getInt();
                if (len < 0 || at + 12L + len > b.length) {
                    return b;
                }
                String type = new String(b, at + 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
                if (!type.equals("tEXt") && !type.equals("zTXt") && !type.equals("iTXt") && !type.equals("eXIf")) {
                    out.write(b, at, 12 + len);
                }
                at += 12 + len;
            }
            return out.toByteArray();
        }

        private static byte[] jpeg(byte[] b) {
            if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
                return b;
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(b.length);
            out.write(b, 0, 2);
            int at = 2;
            while (at + 4 <= b.length && (b[at] & 0xFF) == 0xFF) {
                int marker = b[at + 1] & 0xFF;
                if (marker == 0xDA || marker == 0xD9) { // the image data from here on
                    break;
                }
                int len = ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
                if (len < 2 || at + 2 + len > b.length) {
                    return b;
                }
                if (marker != 0xE1 && marker != 0xED && marker != 0xFE) {
                    out.write(b, at, 2 + len);
                }
                at += 2 + len;
            }
            out.write(b, at, b.length - at);
            return out.toByteArray();
        }
    }

    private static Document parse(String name, byte[] bytes) throws IOException {
        try {
            return org.apache.poi.ooxml.util.DocumentHelper.readDocument(new java.io.ByteArrayInputStream(bytes));
        } catch (SAXException ex) {
            throw new Message.Problem(name + " が XML として読めません（壊れた文書?）", name + " is not readable XML (a damaged document?)");
        }
    }

    private static boolean mainIsDocumentXml(byte[] rels) throws IOException {
        if (rels == null) {
            return false;
        }
        for (Element r : children(parse("_rels/.rels", rels).getDocumentElement())) {
            if (r.getAttribute("Type").endsWith("/officeDocument")) {
                String t = r.getAttribute("Target");
                return t.equals("word/document.xml") || t.equals("/word/document.xml");
            }
        }
        return false;
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element el) {
                out.add(el);
            }
        }
        return out;
    }

    private static void refuseRelationships(String name, Document d) {
        for (Element r : children(d.getDocumentElement())) {
            if (REFUSED_REL.matcher(r.getAttribute("Type")).matches()) {
                String t = r.getAttribute("Type");
                String kind = t.substring(t.lastIndexOf('/') + 1);
                throw refused("貼り付けられたオブジェクトやマクロ（" + kind + "、" + name + "）", "objects pasted in or macros (" + kind + ", in "
                        + name + ")");
            }
        }
    }

    /** The page thumbnail's part, by its relationship's type (whatever its name or extension), or null. */
    private static String thumbnail(Document rels) {
        for (Element r : children(rels.getDocumentElement())) {
            if (r.getAttribute("Type").endsWith("/metadata/thumbnail")) {
                String t = r.getAttribute("Target");
                return t.replaceFirst("^(/|\\./)", "");
            }
        }
        return null;
    }

    /** The first pass over a part: its own text redacted, what shows hidden text or its writer removed. */
    private void first(String name, Document d) throws IOException {
        stripCommentsAndInstructions(d);
        if (name.endsWith(".rels") || name.equals("[Content_Types].xml")) {
            return;
        }
        if (name.startsWith("docProps/")) {
            properties(d, name);
        } else if (name.endsWith("/settings.xml")) {
            // document variables (free text a template or macro keeps) and a mail merge's query and data source: removed
            removeAll(d.getDocumentElement(), "docVars");
            removeAll(d.getDocumentElement(), "mailMerge");
            attributes(d.getDocumentElement());
            allText(d, false);
        } else if (name.startsWith("customXml/item") && !name.contains("itemProps")) {
            allText(d, true); // data bound to content controls: Word would write it back into them
            emptyAttributes(d.getDocumentElement());
        } else if (name.startsWith("word/diagrams/") || name.startsWith("word/charts/")) {
            drawing(d); // SmartArt and charts: each paragraph of DrawingML text, then the rest alone
        } else if (name.startsWith("word/") && d.getElementsByTagNameNS(W, "p").getLength() > 0) {
            wordprocessing(d);
        } else if (name.startsWith("word/")) {
            allText(d, false);
            attributes(d.getDocumentElement());
        }
    }

    private static void stripCommentsAndInstructions(Node n) {
        for (Node c = n.getFirstChild(); c != null; ) {
            Node next = c.getNextSibling();
            if (c.getNodeType() == Node.COMMENT_NODE || c.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
                n.removeChild(c);
            } else {
                stripCommentsAndInstructions(c);
            }
            c = next;
        }
    }

    /** customXml's attributes (a bound value may be one): emptied, but for namespace declarations. */
    private static void emptyAttributes(Element e) {
        NamedNodeMap as = e.getAttributes();
        for (int i = 0; i < as.getLength(); i++) {
            Attr a = (Attr) as.item(i);
            if (!"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
                a.setValue("");
            }
        }
        for (Element c : children(e)) {
            emptyAttributes(c);
        }
    }

    /**
     * Attribute values that may hold what a person wrote (a content control's title and list items, a bookmark's or a
     * form field's name, a tooltip, a style's name, WordArt's text): read as lines of one text, and what is found there
     * hidden wherever it stands ({@link #residue}). Values of digits, hexadecimal ids or plain ASCII words are passed over.
     */
    private void attributeText(java.util.Map<String, Document> xml) {
        StringBuilder lines = new StringBuilder();
        for (var d : xml.entrySet()) {
            if (!d.getKey().startsWith("word/")) {
                continue;
            }
            for (Node n : list(d.getValue().getElementsByTagNameNS("*", "*"))) {
                NamedNodeMap as = n.getAttributes();
                for (int k = 0; k < as.getLength(); k++) {
                    Attr a = (Attr) as.item(k);
                    if (freeText(a) && !a.getValue().isBlank()) {
                        lines.append(a.getValue().replaceAll("\\s+", " ")).append('\n');
                    }
                }
            }
        }
        if (!lines.isEmpty()) {
            hiddenIn(lines.toString());
        }
    }

    /**
     * An attribute that holds what a writer typed: a content control's title and tag (w:alias, w:tag), a list's items, a
     * form field's name, default and help, a smart tag's or custom element's values, a building block's name and
     * description, a tooltip, a title or description, WordArt's text, a simple field's code. Not fonts, styles, sizes or
     * ids, which a value's characters may happen to match.
     */
    private static boolean freeText(Attr a) {
        String local = a.getLocalName() == null ? a.getName() : a.getLocalName();
        Element e = a.getOwnerElement();
        String el = e.getLocalName() == null ? e.getNodeName() : e.getLocalName();
        String parent = e.getParentNode() instanceof Element p ? p.getLocalName() : "";
        return switch (local) {
            case "tooltip", "title", "descr", "alt", "string", "displayText", "instr" -> true;
            case "value" -> el.equals("listItem");
            case "val" -> el.equals("alias") || el.equals("tag") || el.equals("default") || el.equals("statusText")
                    || el.equals("helpText") || el.equals("attr") || el.equals("description") || el.equals("listEntry")
                    || el.equals("name") && ("ffData".equals(parent) || "docPartPr".equals(parent));
            default -> false;
        };
    }

    /**
     * The values hidden in {@code text}, remembered with what replaced them, in the forms they may take elsewhere: as
     * written, in NFKC (全角 digits and letters), without spaces (山田 太郎 and 山田太郎), a number without its hyphens.
     */
    private static final Pattern SHORT_NUMBER = Pattern.compile("[0-9０-９]{0,5}");
    private static final Pattern BLANKS = Pattern.compile("[\\s\u3000]");
    private static final Pattern NUMBER = Pattern.compile("[0-9()\\-\\s]{10,}");
    private static final Pattern NOT_DIGIT = Pattern.compile("[^0-9]");

    private void record(String text, TextRedactor.Redaction r) {
        List<TextRedactor.Hidden> hidden = r.hidden();
        int h = 0; // both in order: the range that holds a finding is found walking forward
        for (dev.mamori.detect.Finding f : r.findings()) { // each finding's own span, not the clause a scope hid
            while (h < hidden.size() && hidden.get(h).end() < f.end()) {
                h++;
            }
            String replacement = h < hidden.size() && hidden.get(h).start() <= f.start() ? hidden.get(h).replacement() : "";
            String v = text.substring(f.start(), f.end()).strip();
            if (v.contains("\n") || SHORT_NUMBER.matcher(v).matches()) {
                continue; // a short number is hidden where it was found; elsewhere it is a size, an id or a date's part
            }
            String nfkc = java.text.Normalizer.normalize(v, java.text.Normalizer.Form.NFKC);
            for (String form : new String[] {v, nfkc, BLANKS.matcher(v).replaceAll(""), BLANKS.matcher(nfkc).replaceAll(""),
                NUMBER.matcher(nfkc).matches() ? NOT_DIGIT.matcher(nfkc).replaceAll("") : ""}) {
                if (form.codePointCount(0, form.length()) >= 2) {
                    found.putIfAbsent(form, replacement);
                }
            }
        }
    }

    /** What {@code text} hides, in order; the values found remembered ({@link #record}). */
    private List<TextRedactor.Hidden> hiddenIn(String text) {
        TextRedactor.Redaction r = redactor.redaction(text);
        record(text, r);
        return r.hidden();
    }

    /**
     * The lengths of the values found, longest first, by their first two characters: at each character of a text, the
     * values that may start there are looked up by length (many share a start: 090-…).
     */
    private java.util.Map<String, int[]> byFirst;

    /** Every value found, hidden wherever else it stands in the part: text and attributes (the longest that fits first). */
    private void residue(Document d) {
        if (found.isEmpty()) {
            return;
        }
        if (byFirst == null) {
            java.util.Map<String, java.util.TreeSet<Integer>> lengths = new java.util.HashMap<>();
            for (String v : found.keySet()) {
                lengths.computeIfAbsent(v.substring(0, 2), k -> new java.util.TreeSet<>(java.util.Comparator.reverseOrder())).add(v.length());
            }
            byFirst = new java.util.HashMap<>();
            lengths.forEach((k, l) -> byFirst.put(k, l.stream().mapToInt(Integer::intValue).toArray()));
        }
        residue(d.getDocumentElement());
    }

    private void residue(Node n) {
        if (n instanceof Element e) {
            NamedNodeMap as = e.getAttributes();
            for (int i = 0; i < as.getLength(); i++) {
                Attr a = (Attr) as.item(i);
                if (freeText(a)) {
                    String v = replaced(a.getValue().replaceAll("\\s+", " ")); // a value over a line break matched too
                    if (!v.equals(a.getValue().replaceAll("\\s+", " "))) {
                        a.setValue(v);
                    }
                }
            }
        }
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
                c.setNodeValue(replaced(c.getNodeValue()));
            } else {
                residue(c);
            }
        }
    }

    /** A value that starts or ends with a Latin letter or a digit is not matched inside a longer word or number. */
    private static boolean bounded(String s, int from, int to) {
        return !(alnum(s.charAt(from)) && from > 0 && alnum(s.charAt(from - 1)))
                && !(alnum(s.charAt(to - 1)) && to < s.length() && alnum(s.charAt(to)));
    }

    private static boolean alnum(char c) {
        return c < 0x80 && Character.isLetterOrDigit(c);
    }

    private String replaced(String s) {
        StringBuilder b = null;
        int at = 0;
        for (int i = 0; i < s.length(); ) {
            int[] lengths = i + 1 < s.length() ? byFirst.get(s.substring(i, i + 2)) : null;
            String hit = null;
            if (lengths != null) {
                for (int len : lengths) {
                    if (i + len <= s.length() && found.containsKey(s.substring(i, i + len)) && bounded(s, i, i + len)) {
                        hit = s.substring(i, i + len);
                        break;
                    }
                }
            }
            if (hit == null) {
                i++;
                continue;
            }
            b = b == null ? new StringBuilder(s.length()) : b;
            String r = found.get(hit);
            b.append(s, at, i).append(r.isEmpty() ? "■".repeat(hit.length()) : r);
            i += hit.length();
            at = i;
        }
        return b == null ? s : b.append(s, at, s.length()).toString();
    }

    // ---- paragraphs

    /** One paragraph's text and the nodes it is made of (a w:t, or null for a tab or a break). */
    private static final class Para {
        final StringBuilder text = new StringBuilder();
        final List<Node> nodes = new ArrayList<>();
        final List<Integer> starts = new ArrayList<>();
        int offset; // where the paragraph starts in the part's text
    }

    private void wordprocessing(Document d) {
        Element root = d.getDocumentElement();
        // text deleted with tracked changes, and text moved away: the change accepted, the text gone
        removeAll(root, "del");
        removeAll(root, "moveFrom");
        removeRuns(root, "delText"); // deleted text outside a w:del (inside an insertion that was then deleted)
        removeRuns(root, "delInstrText");
        removeAll(root, "fldData"); // a field's binary data (a .doc's link, base64), not shown
        removeAll(root, "commentReference"); // kept: the comments themselves, redacted below
        attributes(root);
        NodeList dates = root.getElementsByTagNameNS(W, "date"); // a date control's value, a date of birth perhaps
        for (int i = 0; i < dates.getLength(); i++) {
            ((Element) dates.item(i)).removeAttributeNS(W, "fullDate");
        }
        List<Para> paras = new ArrayList<>();
        NodeList ps = root.getElementsByTagNameNS(W, "p");
        for (int i = 0; i < ps.getLength(); i++) {
            Para p = new Para();
            collect((Element) ps.item(i), p, true);
            paras.add(p);
        }
        // the part's text as one, as the scanner reads it: a table's row on one line, its cells by tabs, so that a
        // column's header gives its cells context; other paragraphs by line ends
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < paras.size(); i++) {
            Para p = paras.get(i);
            p.offset = all.length();
            all.append(p.text).append(separator((Element) ps.item(i), i + 1 < paras.size() ? (Element) ps.item(i + 1) : null));
        }
        paragraphs += paras.size();
        java.util.Map<Element, String> bases = new java.util.HashMap<>();
        NodeList rubies = root.getElementsByTagNameNS(W, "rubyBase");
        for (int i = 0; i < rubies.getLength(); i++) {
            bases.put((Element) rubies.item(i), rubies.item(i).getTextContent());
        }
        apply(all.toString(), paras);
        readings(bases);
        fieldCodes(root);
        NodeList simple = root.getElementsByTagNameNS(W, "fldSimple");
        for (int i = 0; i < simple.getLength(); i++) {
            Element f = (Element) simple.item(i);
            f.setAttributeNS(W, "w:instr", redacted(f.getAttributeNS(W, "instr")));
        }
        allPictureText(root);
        leftovers(root);
    }

    /** Text in a Word part that no paragraph read (DrawingML a:t, a VML text box's raw text, unknown elements): alone. */
    private void leftovers(Node n) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && (W.equals(e.getNamespaceURI()) || M.equals(e.getNamespaceURI()))
                    && (e.getLocalName().equals("t") || e.getLocalName().equals("instrText"))) {
                continue; // read already
            }
            if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
                if (!c.getNodeValue().isBlank()) {
                    c.setNodeValue(redacted(c.getNodeValue()));
                }
            } else {
                leftovers(c);
            }
        }
    }

    /**
     * Bookmarks named by their writers (a person's name as a bookmark, a link's target inside the document): renamed
     * _Mamori1 … in every part, with the links and field codes (REF, PAGEREF) that name them, wherever they are. Word's
     * own (_Toc…, _Ref…) keep their names.
     */
    private static void bookmarks(java.util.Map<String, Document> xml) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        for (var d : xml.entrySet()) {
            if (!d.getKey().startsWith("word/")) {
                continue;
            }
            for (Node n : list(d.getValue().getElementsByTagNameNS(W, "bookmarkStart"))) {
                Element m = (Element) n;
                String name = m.getAttributeNS(W, "name");
                if (!name.isEmpty() && !name.startsWith("_")) {
                    m.setAttributeNS(W, "w:name", names.computeIfAbsent(name, k -> "_Mamori" + (names.size() + 1)));
                }
            }
        }
        if (names.isEmpty()) {
            return;
        }
        Pattern word = Pattern.compile("[^\\s\"\\\\]+");
        for (var d : xml.entrySet()) {
            if (!d.getKey().startsWith("word/")) {
                continue;
            }
            for (Node n : list(d.getValue().getElementsByTagNameNS(W, "hyperlink"))) {
                Element l = (Element) n;
                String to = names.get(l.getAttributeNS(W, "anchor"));
                if (to != null) {
                    l.setAttributeNS(W, "w:anchor", to);
                }
            }
            for (Node n : list(d.getValue().getElementsByTagNameNS(W, "instrText"))) {
                n.setTextContent(renamed(n.getTextContent(), names, word));
            }
            for (Node n : list(d.getValue().getElementsByTagNameNS(W, "fldSimple"))) {
                Element f = (Element) n;
                f.setAttributeNS(W, "w:instr", renamed(f.getAttributeNS(W, "instr"), names, word));
            }
        }
    }

    /** A field code with each word that is a renamed bookmark's name replaced (one look-up a word). */
    private static String renamed(String code, java.util.Map<String, String> names, Pattern word) {
        java.util.regex.Matcher m = word.matcher(code);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String to = names.get(m.group());
            m.appendReplacement(b, java.util.regex.Matcher.quoteReplacement(to != null ? to : m.group()));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** Removes the runs that hold an element of this name (w:delText: text deleted, wherever it stands). */
    private static void removeRuns(Element root, String local) {
        for (Node n : list(root.getElementsByTagNameNS(W, local))) {
            Node run = n.getParentNode();
            Node gone = run != null && W.equals(run.getNamespaceURI()) && "r".equals(run.getLocalName()) ? run : n;
            if (gone.getParentNode() != null) {
                gone.getParentNode().removeChild(gone);
            }
        }
    }

    /** SmartArt's and charts' DrawingML text: each a:p's runs as one paragraph, then every other text alone. */
    private void drawing(Document d) {
        Element root = d.getDocumentElement();
        List<Para> paras = new ArrayList<>();
        NodeList ps = root.getElementsByTagNameNS(A, "p");
        for (int i = 0; i < ps.getLength(); i++) {
            Para p = new Para();
            NodeList ts = ((Element) ps.item(i)).getElementsByTagNameNS(A, "t");
            for (int k = 0; k < ts.getLength(); k++) {
                p.nodes.add(ts.item(k));
                p.starts.add(p.text.length());
                p.text.append(ts.item(k).getTextContent());
            }
            paras.add(p);
        }
        StringBuilder all = new StringBuilder();
        for (Para p : paras) {
            p.offset = all.length();
            all.append(p.text).append('\n');
        }
        apply(all.toString(), paras);
        allText(d, false);
        attributes(root);
    }

    /** What separates a paragraph from the next in the part's text: a tab between cells of a row, a blank within a cell. */
    private static char separator(Element p, Element next) {
        if (next == null) {
            return '\n';
        }
        Element cell = ancestor(p, "tc");
        Element nextCell = ancestor(next, "tc");
        if (cell == null || nextCell == null) {
            return '\n';
        }
        if (cell == nextCell) {
            return ' ';
        }
        return ancestor(cell, "tr") == ancestor(nextCell, "tr") ? '\t' : '\n';
    }

    /** The nearest w:{local} around {@code e}, not crossing a text box (whose paragraphs are their own). */
    private static Element ancestor(Element e, String local) {
        for (Node n = e.getParentNode(); n instanceof Element a; n = n.getParentNode()) {
            if (W.equals(a.getNamespaceURI()) && a.getLocalName().equals(local)) {
                return a;
            }
            if (W.equals(a.getNamespaceURI()) && a.getLocalName().equals("txbxContent")) {
                return null;
            }
        }
        return null;
    }

    /**
     * Ruby whose base text was hidden loses its reading too (やまだ above 山田 would show the name): the reading's
     * characters blacked out, or with placeholders, removed.
     */
    private void readings(java.util.Map<Element, String> bases) {
        for (java.util.Map.Entry<Element, String> b : bases.entrySet()) {
            Element base = b.getKey();
            if (base.getTextContent().equals(b.getValue()) || !(base.getParentNode() instanceof Element ruby)) {
                continue;
            }
            NodeList rts = ruby.getElementsByTagNameNS(W, "rt");
            for (int i = 0; i < rts.getLength(); i++) {
                NodeList ts = ((Element) rts.item(i)).getElementsByTagNameNS(W, "t");
                for (int k = 0; k < ts.getLength(); k++) {
                    ts.item(k).setTextContent(redactor.blackout() ? "■".repeat(ts.item(k).getTextContent().length()) : "");
                }
            }
        }
    }

    /**
     * Field codes (HYPERLINK "mailto:…", MERGEFIELD): the code of one field, which Word may cut over several runs
     * (instrText), redacted as one text, from the field's begin to its separator or end.
     */
    private void fieldCodes(Element root) {
        java.util.ArrayDeque<Para> open = new java.util.ArrayDeque<>(); // fields nest: the outer code goes on after the inner
        List<Para> codes = new ArrayList<>();
        for (Node n : list(root.getElementsByTagNameNS(W, "*"))) {
            Element e = (Element) n;
            if (e.getLocalName().equals("fldChar")) {
                String type = e.getAttributeNS(W, "fldCharType");
                if (type.equals("begin")) {
                    Para p = new Para();
                    codes.add(p);
                    open.push(p);
                } else if (type.equals("end") && !open.isEmpty()) {
                    open.pop();
                }
            } else if (e.getLocalName().equals("instrText")) {
                Para p = open.isEmpty() ? new Para() : open.peek(); // a code with no begin before it: alone
                if (open.isEmpty()) {
                    codes.add(p);
                }
                p.nodes.add(e);
                p.starts.add(p.text.length());
                p.text.append(e.getTextContent());
            }
        }
        for (Para p : codes) {
            List<TextRedactor.Hidden> hidden = hiddenIn(p.text.toString());
            if (!hidden.isEmpty()) {
                hide(p, hidden);
            }
        }
    }

    /** The text of {@code e} into {@code p}, but not that of paragraphs inside it (a text box's), which are their own. */
    private static void collect(Element e, Para p, boolean top) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (!(c instanceof Element el)) {
                continue;
            }
            String ns = el.getNamespaceURI();
            String local = el.getLocalName();
            if (W.equals(ns) && local.equals("p") && !top) {
                continue;
            }
            if ((W.equals(ns) || M.equals(ns)) && local.equals("t")) { // a run's text, a math zone's text
                p.nodes.add(el);
                p.starts.add(p.text.length());
                p.text.append(el.getTextContent());
            } else if (W.equals(ns) && (local.equals("tab") || local.equals("ptab"))) {
                p.text.append('\t');
            } else if (W.equals(ns) && (local.equals("br") || local.equals("cr"))) {
                p.text.append('\n');
            } else if (W.equals(ns) && (local.equals("instrText") || local.equals("rt"))) {
                // a field's code is not shown text, and is redacted apart; ruby's reading follows its base ({@link #readings})
            } else {
                collect(el, p, false);
            }
        }
    }

    /** Hides what is found in {@code text} (the part's paragraphs, each ended by a line end) in their w:t nodes. */
    private void apply(String text, List<Para> paras) {
        List<TextRedactor.Hidden> hidden = hiddenIn(text);
        if (hidden.isEmpty()) {
            return;
        }
        int h = 0;
        for (Para p : paras) {
            int from = p.offset;
            int to = p.offset + p.text.length();
            while (h < hidden.size() && hidden.get(h).end() <= from) {
                h++;
            }
            List<TextRedactor.Hidden> mine = new ArrayList<>();
            for (int k = h; k < hidden.size() && hidden.get(k).start() < to; k++) {
                TextRedactor.Hidden x = hidden.get(k);
                // a range over a line end: each paragraph hides its part, the first one writing the replacement
                boolean first = x.start() >= from;
                mine.add(new TextRedactor.Hidden(Math.max(x.start(), from) - from, Math.min(x.end(), to) - from,
                        first ? x.replacement() : ""));
            }
            if (!mine.isEmpty()) {
                hide(p, mine);
            }
        }
    }

    /**
     * Rewrites a paragraph's w:t nodes with the ranges hidden: the characters of a range removed from every node it
     * covers, its replacement written once, in the first node it covers (a range that starts on a tab or a break: in
     * the node after it).
     */
    private static void hide(Para p, List<TextRedactor.Hidden> ranges) {
        boolean[] written = new boolean[ranges.size()];
        for (int n = 0; n < p.nodes.size(); n++) {
            Node node = p.nodes.get(n);
            int start = p.starts.get(n);
            String old = node.getTextContent();
            int end = start + old.length();
            StringBuilder b = new StringBuilder();
            int at = start;
            for (int k = 0; k < ranges.size(); k++) {
                TextRedactor.Hidden r = ranges.get(k);
                if (r.end() <= start || r.start() >= end || r.end() <= r.start()) {
                    continue;
                }
                int s = Math.max(r.start(), start);
                b.append(old, at - start, s - start);
                if (!written[k]) {
                    b.append(r.replacement());
                    written[k] = true;
                }
                at = Math.min(r.end(), end);
            }
            b.append(old, at - start, old.length());
            if (!b.toString().equals(old)) {
                node.setTextContent(b.toString());
                ((Element) node).setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:space", "preserve");
            }
        }
    }

    private String redacted(String text) {
        return TextRedactor.applied(text, hiddenIn(text));
    }

    private static void removeAll(Element root, String local) {
        for (Node n : list(root.getElementsByTagNameNS(W, local))) { // copied: a live list is quadratic to remove from
            if (n.getParentNode() != null) {
                n.getParentNode().removeChild(n);
            }
        }
    }

    private static List<Node> list(NodeList l) {
        List<Node> out = new ArrayList<>(l.getLength());
        for (int i = 0; i < l.getLength(); i++) {
            out.add(l.item(i));
        }
        return out;
    }

    /** Who made a change or a comment (w:author, w:initials, w15:author, w15:userId): emptied everywhere. */
    private static void attributes(Element e) {
        NamedNodeMap as = e.getAttributes();
        for (int i = 0; i < as.getLength(); i++) {
            Attr a = (Attr) as.item(i);
            String local = a.getLocalName() == null ? a.getName() : a.getLocalName();
            if (local.equals("author") || local.equals("initials") || local.equals("userId") || local.equals("providerId")
                    || local.equals("ed")) {
                a.setValue("");
            }
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element el) {
                attributes(el);
            }
        }
    }

    /** Pictures' alternative text and titles (wp:docPr, pic:cNvPr, v:shape's alt): emptied. */
    private static void allPictureText(Element e) {
        String local = e.getLocalName();
        if ("docPr".equals(local) || "cNvPr".equals(local)) {
            for (String a : new String[] {"descr", "title", "name"}) {
                if (e.hasAttribute(a)) {
                    e.setAttribute(a, "");
                }
            }
        }
        if ("shape".equals(local) && e.hasAttribute("alt")) {
            e.setAttribute("alt", "");
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element el) {
                allPictureText(el);
            }
        }
    }

    /** Every text node of the part redacted alone, or emptied ({@code empty}). */
    private void allText(Node n, boolean empty) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
                String t = c.getNodeValue();
                if (!t.isBlank()) {
                    c.setNodeValue(empty ? "" : redacted(t));
                }
            } else {
                allText(c, empty);
            }
        }
    }

    // ---- the package

    /** External targets (a link's mailto:, a template's path under a user's folder, any URI): "#"; the thumbnail's relationship gone. */
    private static void relationships(Document d) {
        for (Element r : children(d.getDocumentElement())) {
            String target = r.getAttribute("Target");
            if (r.getAttribute("Type").endsWith("/metadata/thumbnail")) {
                r.getParentNode().removeChild(r);
            } else if ("External".equals(r.getAttribute("TargetMode")) || target.matches("[A-Za-z][A-Za-z0-9+.-]*:.*")) {
                r.setAttribute("Target", "#"); // mailto:, file:///C:/Users/…, http: — with or without TargetMode
            }
        }
    }

    private static void contentTypes(Document d, String thumbnail) {
        for (Element o : children(d.getDocumentElement())) {
            String part = o.getAttribute("PartName");
            if (part.startsWith("/docProps/thumbnail.") || thumbnail != null && part.equals("/" + thumbnail)) {
                o.getParentNode().removeChild(o);
            }
        }
    }

    /** The file's properties: author, last editor, title, subject, keywords, comments, company, manager: emptied. */
    private void properties(Document d, String name) {
        if (name.equals("docProps/custom.xml")) { // each property's name and value: the whole list removed
            for (Element p : children(d.getDocumentElement())) {
                d.getDocumentElement().removeChild(p);
            }
            return;
        }
        // not the dates, counts and language: an empty date would make the file invalid
        removePropertiesText(d);
        allText(d, false); // what else a property says (a version, a format), each text alone
    }

    private static void removePropertiesText(Document d) {
        for (String local : new String[] {"creator", "lastModifiedBy", "title", "subject", "description", "keywords", "category",
            "contentStatus", "identifier", "Company", "Manager", "HyperlinkBase", "Template", "lpwstr", "lpstr", "bstr"}) {
            NodeList l = d.getElementsByTagNameNS("*", local);
            for (int i = 0; i < l.getLength(); i++) {
                l.item(i).setTextContent("");
            }
        }
    }

    private static byte[] serialise(Document d) throws IOException {
        try {
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            javax.xml.transform.Transformer t = XMLHelper.newTransformer();
            t.setOutputProperty(javax.xml.transform.OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(javax.xml.transform.OutputKeys.STANDALONE, "yes");
            t.transform(new DOMSource(d), new StreamResult(b));
            return b.toByteArray();
        } catch (TransformerException e) {
            throw new IOException("a part could not be written", e);
        }
    }
}
