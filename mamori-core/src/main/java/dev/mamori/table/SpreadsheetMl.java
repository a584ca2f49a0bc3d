package dev.mamori.table;

import dev.mamori.report.Message;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams an Excel 2003 XML workbook (SpreadsheetML, {@code <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">}),
 * which web systems export under the name .xls, as {@link XlsReader} does a binary one: one table per worksheet, cells
 * placed by their {@code ss:Index}, dates as 1985/4/11, cell comments after the rows ({@link SheetRows#note}). Read with
 * the JDK's StAX parser, DTDs and external entities refused ({@link XmlChars}); written by hand since POI does not read
 * this format.
 */
final class SpreadsheetMl {

    static final String NS = "urn:schemas-microsoft-com:office:spreadsheet";

    private SpreadsheetMl() {
    }

    /** Does the text (a file's head) start an Excel 2003 XML workbook? */
    static boolean is(String head) {
        String t = head.stripLeading();
        return t.startsWith("<") && t.contains(NS) && (t.contains("progid=\"Excel.Sheet\"") || t.contains("<Workbook") || t.contains(":Workbook"));
    }

    static long read(Path file, String name, SheetRows.Header header, DocumentVisitor v, Problems problems) throws IOException, ReadException {
        XMLInputFactory f = XmlChars.factory();
        java.nio.charset.Charset cs;
        try (InputStream in = Files.newInputStream(file)) {
            cs = XmlChars.declared(in.readNBytes(1024));
        }
        long rows = 0;
        SheetRows sheet = null;
        int row = -1;
        int col = -1;
        int sheets = 0;
        try (InputStream in = Files.newInputStream(file)) {
            XmlChars.Decoded chars = XmlChars.reader(in, cs);
            XMLStreamReader x = f.createXMLStreamReader(chars);
            try {
                while (x.hasNext()) {
                    if (x.next() != XMLStreamConstants.START_ELEMENT || !NS.equals(x.getNamespaceURI())) {
                        if (x.getEventType() == XMLStreamConstants.END_ELEMENT && NS.equals(x.getNamespaceURI())) {
                            switch (x.getLocalName()) {
                                case "Row" -> {
                                    if (sheet != null && row >= 0) {
                                        sheet.endRow(row);
                                    }
                                }
                                case "Worksheet" -> {
                                    if (sheet != null) {
                                        sheet.finish();
                                        rows += sheet.rows();
                                        sheet = null;
                                    }
                                }
                                default -> { }
                            }
                        }
                        continue;
                    }
                    switch (x.getLocalName()) {
                        case "Worksheet" -> {
                            String n = x.getAttributeValue(NS, "Name");
                            sheet = new SheetRows(n == null ? "Sheet" + (sheets + 1) : n, header, v);
                            sheets++;
                            row = -1;
                        }
                        case "Row" -> {
                            row = index(x, row + 1);
                            col = -1;
                            if (sheet != null) {
                                sheet.startRow();
                            }
                        }
                        case "Cell" -> {
                            col = index(x, col + 1);
                            String across = x.getAttributeValue(NS, "MergeAcross");
                            int c = col;
                            if (across != null && across.matches("[0-9]{1,5}")) {
                                col += Integer.parseInt(across); // the next cell comes after the merged ones
                            }
                            cell(x, sheet, row, c);
                        }
                        default -> { }
                    }
                }
            } finally {
                x.close();
                chars.report(problems, null);
            }
        } catch (XMLStreamException e) {
            if (sheet != null) {
                sheet.finish(); // what came before the damage is kept
                rows += sheet.rows();
            }
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNumber();
            if (rows == 0) {
                throw new ReadException(new Message(name + ": 読める XLS（Excel 2003 XML）ではありません（" + line + " 行 " + column + " 列目で XML が壊れています）",
                        name + ": not a readable XLS (Excel 2003 XML): malformed XML at line " + line + ", column " + column), e);
            }
            problems.unread(-1, line, new Message("XML が " + line + " 行 " + column + " 列目で壊れています。その後は読んでいません",
                    "the XML is malformed at line " + line + ", column " + column + "; the rest is not read"));
        }
        return rows;
    }

    /** A 1-based {@code ss:Index} as a 0-based index, else {@code next}. */
    private static int index(XMLStreamReader x, int next) {
        String i = x.getAttributeValue(NS, "Index");
        return i != null && i.matches("[0-9]{1,7}") && Integer.parseInt(i) >= 1 ? Integer.parseInt(i) - 1 : next;
    }

    /** A cell's value ({@code Data}) and comment ({@code Comment}); the reader left after the cell. */
    private static void cell(XMLStreamReader x, SheetRows sheet, int row, int col) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && x.hasNext()) {
            int e = x.next();
            if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (!NS.equals(x.getNamespaceURI())) {
                    continue;
                }
                if (x.getLocalName().equals("Data") && sheet != null) {
                    String type = x.getAttributeValue(NS, "Type");
                    String text = text(x);
                    depth--;
                    sheet.cell(col, "DateTime".equals(type) ? date(text) : text);
                } else if (x.getLocalName().equals("Comment") && sheet != null) {
                    String author = x.getAttributeValue(NS, "Author");
                    sheet.comment(row, col, author, text(x));
                    depth--;
                }
            }
        }
    }

    /** The text inside the current element, its rich-text markup (Font, B, Sub …) dropped; the reader left after its end. */
    private static String text(XMLStreamReader x) throws XMLStreamException {
        StringBuilder b = new StringBuilder();
        int depth = 1;
        while (depth > 0 && x.hasNext()) {
            int e = x.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA || e == XMLStreamConstants.SPACE) {
                b.append(x.getText());
            }
        }
        return b.toString();
    }

    /** 1985-04-11T00:00:00.000 as 1985/4/11 (with its time when it has one). */
    private static final java.util.regex.Pattern DATE_TIME =
            java.util.regex.Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?:T(\\d{2}):(\\d{2}).*)?");

    private static String date(String iso) {
        java.util.regex.Matcher m = DATE_TIME.matcher(iso.strip());
        if (!m.matches()) {
            return iso;
        }
        String d = Integer.parseInt(m.group(1)) + "/" + Integer.parseInt(m.group(2)) + "/" + Integer.parseInt(m.group(3));
        boolean midnight = m.group(4) == null || m.group(4).equals("00") && m.group(5).equals("00");
        return midnight ? d : d + " " + Integer.parseInt(m.group(4)) + ":" + m.group(5);
    }
}
