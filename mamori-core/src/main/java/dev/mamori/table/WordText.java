package dev.mamori.table;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;

/**
 * The text of a Word document for {@link DocumentText}: headers, the body, footnotes, endnotes and footers, then text
 * boxes and comments. POI parses the file; the text of each paragraph is read here from its XML, because POI's extractor joins
 * what a Japanese form needs apart and splits what it needs together: a table cell's paragraphs come as one value (an
 * address over two lines of a 履歴書's cell), a row's cells are separated by tabs and a nested table's rows follow
 * their row; text deleted with tracked changes is given on a line of its own ({@code 削除された文字：…}) rather than glued
 * to the text that replaced it; furigana (ruby) is left out of the name it reads (渡辺わたなべ恵子けいこ).
 */
final class WordText {

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    private WordText() {
    }

    static void read(XWPFDocument doc, DocumentText.Lines lines) {
        for (XWPFHeaderFooter h : doc.getHeaderList()) {
            elements(h.getBodyElements(), lines);
        }
        elements(doc.getBodyElements(), lines);
        for (XWPFFootnote f : doc.getFootnotes()) {
            elements(f.getBodyElements(), lines);
        }
        for (org.apache.poi.xwpf.usermodel.XWPFEndnote f : doc.getEndnotes()) {
            elements(f.getBodyElements(), lines);
        }
        for (XWPFHeaderFooter f : doc.getFooterList()) {
            elements(f.getBodyElements(), lines);
        }
        textBoxes(doc, lines);
        XWPFComment[] comments = doc.getComments(); // null when the document has none
        for (XWPFComment c : comments == null ? new XWPFComment[0] : comments) {
            lines.add("コメント 作成者：" + DocumentText.nonNull(c.getAuthor()));
            elements(c.getBodyElements(), lines);
        }
    }

    private static void elements(List<IBodyElement> elements, DocumentText.Lines lines) {
        for (IBodyElement e : elements) {
            if (e instanceof XWPFParagraph p) {
                Text t = text(p.getCTP());
                lines.add(t.main());
                t.addDeleted(lines);
            } else if (e instanceof XWPFTable t) {
                table(t, lines);
            } else if (e instanceof XWPFSDT sdt) {
                lines.add(sdt.getContent().getText());
            }
        }
    }

    /** A row a line, its cells by tabs; a cell's paragraphs joined by blanks; nested tables after their row. */
    private static void table(XWPFTable table, DocumentText.Lines lines) {
        for (XWPFTableRow row : table.getRows()) {
            StringBuilder b = new StringBuilder();
            List<XWPFTable> nested = new ArrayList<>();
            List<String> deleted = new ArrayList<>();
            boolean first = true;
            for (org.apache.poi.xwpf.usermodel.ICell icell : row.getTableICells()) {
                b.append(first ? "" : "\t");
                first = false;
                if (!(icell instanceof XWPFTableCell cell)) { // a cell inside a content control (w:sdt)
                    b.append(icell instanceof org.apache.poi.xwpf.usermodel.XWPFSDTCell sdt
                            ? sdt.getContent().getText().replace('\n', ' ').replace('\t', ' ').strip() : "");
                    continue;
                }
                StringBuilder value = new StringBuilder();
                for (IBodyElement e : cell.getBodyElements()) {
                    if (e instanceof XWPFParagraph p) {
                        Text t = text(p.getCTP());
                        String s = t.main().replace('\n', ' ').replace('\t', ' ').strip();
                        if (!s.isEmpty()) {
                            value.append(value.length() == 0 ? "" : " ").append(s);
                        }
                        if (!t.deleted().isEmpty()) {
                            deleted.add(t.deleted());
                        }
                    } else if (e instanceof XWPFTable t) {
                        nested.add(t);
                    }
                }
                b.append(value);
            }
            lines.add(b.toString());
            for (String d : deleted) {
                lines.add(DELETED + d);
            }
            for (XWPFTable t : nested) {
                table(t, lines);
            }
        }
    }

    private static final String DELETED = "削除された文字：";

    /** A paragraph's text as shown, and the text tracked changes deleted from it. */
    private record Text(String main, String deleted) {
        void addDeleted(DocumentText.Lines lines) {
            if (!deleted.isEmpty()) {
                lines.add(DELETED + deleted);
            }
        }
    }

    private static Text text(XmlObject paragraph) {
        StringBuilder main = new StringBuilder();
        StringBuilder deleted = new StringBuilder();
        try (XmlCursor c = paragraph.newCursor()) {
            walk(c, main, deleted);
        }
        return new Text(main.toString(), deleted.toString());
    }

    /** The children of the cursor's element, in order; the cursor is back on the element after. */
    private static void walk(XmlCursor c, StringBuilder main, StringBuilder deleted) {
        if (!c.toFirstChild()) {
            return;
        }
        do {
            javax.xml.namespace.QName q = c.getName();
            String n = q.getLocalPart();
            boolean w = W.equals(q.getNamespaceURI());
            if (MC.equals(q.getNamespaceURI()) && n.equals("Fallback")) {
                continue; // the same content again, for old readers
            }
            if (w && n.equals("t")) {
                main.append(c.getTextValue());
            } else if (w && n.equals("delText")) {
                deleted.append(c.getTextValue());
            } else if (w && n.equals("tab")) {
                main.append('\t');
            } else if (w && (n.equals("br") || n.equals("cr"))) {
                main.append('\n');
            } else if (w && (n.equals("noBreakHyphen") || n.equals("softHyphen"))) {
                main.append(n.equals("noBreakHyphen") ? "-" : "");
            } else if (!(w && SKIPPED.contains(n))) {
                walk(c, main, deleted);
            }
        } while (c.toNextSibling());
        c.toParent();
    }

    /** Not the paragraph's text: furigana (rt), field codes, properties, and text boxes (read on their own). */
    private static final Set<String> SKIPPED = Set.of("rt", "instrText", "delInstrText", "pPr", "rPr", "txbxContent");

    /**
     * The text boxes of the body (a form's boxes, a memo's callouts), each box once (Word writes a box twice, for new
     * readers and as VML for old ones).
     */
    private static void textBoxes(XWPFDocument doc, DocumentText.Lines lines) {
        Set<String> seen = new LinkedHashSet<>();
        String ns = "declare namespace w='" + W + "' ";
        for (XmlObject box : doc.getDocument().selectPath(ns + ".//w:txbxContent")) {
            StringBuilder b = new StringBuilder();
            for (XmlObject p : box.selectPath(ns + "./w:p")) {
                Text t = text(p);
                b.append(t.main()).append('\n');
                if (!t.deleted().isEmpty()) {
                    b.append(DELETED).append(t.deleted()).append('\n');
                }
            }
            seen.add(b.toString());
        }
        seen.forEach(lines::add);
    }
}
