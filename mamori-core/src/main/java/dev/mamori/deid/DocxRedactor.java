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
 * a text: in the body, tables, text boxes, headers and footers, footnotes and endnotes, comments, field codes (a link's
 * {@code HYPERLINK "mailto:…"}), SmartArt and charts' cached labels. What would show the text that was hidden, or
 * who wrote it, is removed rather than masked: text deleted with tracked changes (accepted as deleted), the authors of
 * changes and comments, the file's properties (author, last editor, title, company), pictures' alternative text, the
 * data bound to content controls (custom XML, which Word would put back), the targets of external links, the page's
 * thumbnail. A document with objects pasted into it or with macros is refused: their content cannot be redacted here.
 * Pictures are kept as they are (a picture of text is not read), and their number is said.
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

    /** Parts whose content cannot be redacted: the document is refused when it has them. */
    private static final Pattern REFUSED = Pattern.compile("word/(embeddings/.*|vbaProject\\.bin|activeX/.*)");
    /** Parts with nothing personal in them: copied as they are. */
    private static final Pattern KEPT = Pattern.compile("word/(styles|stylesWithEffects|fontTable|webSettings|numbering|theme/.*)\\.xml");

    /**
     * Writes the redacted copy of {@code docx} to {@code out}. Call once.
     *
     * @throws Message.Problem when the document cannot be redacted (objects pasted in, macros, not a Word document)
     */
    public Summary redact(Path docx, OutputStream out) throws IOException {
        try (ZipFile zip = new ZipFile(docx.toFile())) {
            if (zip.getEntry("word/document.xml") == null) {
                throw new Message.Problem("Word の文書（.docx）ではありません", "not a Word document (.docx)");
            }
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                String n = e.nextElement().getName();
                if (REFUSED.matcher(n).matches()) {
                    throw new Message.Problem("貼り付けられたオブジェクトやマクロ（" + n + "）は伏せ字にできないため、この文書は書き出しません。"
                            + "それを取り除いてから redact してください", "objects pasted in or macros (" + n + ") cannot be redacted, so this"
                            + " document is not written; remove them, then redact it");
                }
            }
            ZipOutputStream z = new ZipOutputStream(out);
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                String n = entry.getName();
                if (n.equals("docProps/thumbnail.jpeg") || n.equals("docProps/thumbnail.wmf") || n.equals("docProps/thumbnail.emf")) {
                    removed.add(n); // a picture of the first page as it was
                    continue;
                }
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                if (n.startsWith("word/media/")) {
                    pictures++;
                }
                z.putNextEntry(new ZipEntry(n));
                z.write(part(n, bytes));
                z.closeEntry();
            }
            z.finish();
        }
        return new Summary(redactor.summary(paragraphs), pictures, List.copyOf(removed));
    }

    /** A part's redacted bytes. */
    private byte[] part(String name, byte[] bytes) throws IOException {
        boolean xml = name.endsWith(".xml") || name.endsWith(".rels");
        if (!xml || KEPT.matcher(name).matches()) {
            return bytes;
        }
        Document d;
        try {
            d = org.apache.poi.ooxml.util.DocumentHelper.readDocument(new java.io.ByteArrayInputStream(bytes));
        } catch (SAXException ex) {
            throw new Message.Problem(name + " が XML として読めません（壊れた文書?）", name + " is not readable XML (a damaged document?)");
        }
        if (name.endsWith(".rels")) {
            relationships(d);
        } else if (name.equals("[Content_Types].xml")) {
            contentTypes(d);
        } else if (name.startsWith("docProps/")) {
            properties(d, name);
        } else if (name.equals("word/settings.xml")) {
            // document variables (free text a template or macro keeps) and a mail merge's query and data source: removed
            removeAll(d.getDocumentElement(), "docVars");
            removeAll(d.getDocumentElement(), "mailMerge");
            attributes(d.getDocumentElement());
        } else if (name.startsWith("customXml/") && !name.contains("itemProps")) {
            allText(d, true); // data bound to content controls: Word would write it back into them
        } else if (name.startsWith("word/") && d.getElementsByTagNameNS(W, "p").getLength() > 0) {
            wordprocessing(d);
        } else if (name.startsWith("word/")) {
            allText(d, false); // SmartArt, charts' cached values, people.xml: each text redacted alone
            attributes(d.getDocumentElement());
        }
        return serialise(d);
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
        removeAll(root, "commentReference"); // kept: the comments themselves, redacted below
        attributes(root);
        List<Para> paras = new ArrayList<>();
        NodeList ps = root.getElementsByTagNameNS(W, "p");
        for (int i = 0; i < ps.getLength(); i++) {
            Para p = new Para();
            collect((Element) ps.item(i), p, true);
            paras.add(p);
        }
        // the part's text as one, paragraphs by line ends, so that what spans lines (a table pasted as text) is found
        StringBuilder all = new StringBuilder();
        for (Para p : paras) {
            p.offset = all.length();
            all.append(p.text).append('\n');
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
        NodeList marks = root.getElementsByTagNameNS(W, "bookmarkStart"); // a bookmark named after a person
        for (int i = 0; i < marks.getLength(); i++) {
            Element m = (Element) marks.item(i);
            String n = m.getAttributeNS(W, "name");
            if (!n.isEmpty() && !redacted(n.replace('_', ' ')).equals(n.replace('_', ' '))) {
                m.setAttributeNS(W, "w:name", "_Redacted" + m.getAttributeNS(W, "id"));
            }
        }
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
        NodeList all = root.getElementsByTagNameNS(W, "*");
        Para code = null;
        List<Para> codes = new ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getLocalName().equals("fldChar")) {
                String type = e.getAttributeNS(W, "fldCharType");
                code = type.equals("begin") ? new Para() : null;
                if (code != null) {
                    codes.add(code);
                }
            } else if (e.getLocalName().equals("instrText")) {
                Para p = code != null ? code : new Para(); // a code with no begin before it: alone
                if (code == null) {
                    codes.add(p);
                }
                p.nodes.add(e);
                p.starts.add(p.text.length());
                p.text.append(e.getTextContent());
            }
        }
        for (Para p : codes) {
            List<TextRedactor.Hidden> hidden = redactor.hidden(p.text.toString());
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
            if (W.equals(ns) && local.equals("t")) {
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
        List<TextRedactor.Hidden> hidden = redactor.hidden(text);
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
        List<TextRedactor.Hidden> hidden = redactor.hidden(text);
        if (hidden.isEmpty()) {
            return text;
        }
        StringBuilder b = new StringBuilder();
        int at = 0;
        for (TextRedactor.Hidden h : hidden) {
            b.append(text, at, h.start()).append(h.replacement());
            at = h.end();
        }
        return b.append(text, at, text.length()).toString();
    }

    private static void removeAll(Element root, String local) {
        NodeList l = root.getElementsByTagNameNS(W, local);
        for (int i = l.getLength() - 1; i >= 0; i--) {
            Node n = l.item(i);
            if (n.getParentNode() != null) {
                n.getParentNode().removeChild(n);
            }
        }
    }

    /** Who made a change or a comment (w:author, w:initials, w15:author, w15:userId): emptied everywhere. */
    private static void attributes(Element e) {
        NamedNodeMap as = e.getAttributes();
        for (int i = 0; i < as.getLength(); i++) {
            Attr a = (Attr) as.item(i);
            String local = a.getLocalName() == null ? a.getName() : a.getLocalName();
            if (local.equals("author") || local.equals("initials") || local.equals("userId") || local.equals("providerId")) {
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

    /** External targets (a link's mailto:, a template's path under a user's folder) and the thumbnail's relationship. */
    private void relationships(Document d) {
        NodeList rels = d.getDocumentElement().getChildNodes();
        for (int i = rels.getLength() - 1; i >= 0; i--) {
            if (!(rels.item(i) instanceof Element r)) {
                continue;
            }
            String target = r.getAttribute("Target");
            if (target.toLowerCase(Locale.ROOT).contains("thumbnail")) {
                r.getParentNode().removeChild(r);
            } else if ("External".equals(r.getAttribute("TargetMode"))) {
                r.setAttribute("Target", "#");
            }
        }
    }

    private static void contentTypes(Document d) {
        NodeList os = d.getDocumentElement().getChildNodes();
        for (int i = os.getLength() - 1; i >= 0; i--) {
            if (os.item(i) instanceof Element o && o.getAttribute("PartName").toLowerCase(Locale.ROOT).contains("thumbnail")) {
                o.getParentNode().removeChild(o);
            }
        }
    }

    /** The file's properties: author, last editor, title, subject, keywords, comments, company, manager: emptied. */
    private void properties(Document d, String name) {
        // not the dates, counts and language: an empty date would make the file invalid
        for (String local : new String[] {"creator", "lastModifiedBy", "title", "subject", "description", "keywords", "category",
            "contentStatus", "identifier", "Company", "Manager", "HyperlinkBase", "lpwstr", "lpstr", "bstr"}) {
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
