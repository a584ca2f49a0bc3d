package dev.mamori.table;

import dev.mamori.report.Message;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streams the sheets of an XLSX with POI's event API: one table per sheet, its header the first
 * non-empty row, values as Excel displays them ({@link ShownValues}). Only the shared-strings table
 * is held in memory; sheets are parsed with SAX.
 */
final class XlsxReader {

    static {
        // Zip-bomb guards: keep POI's defaults or stricter, whatever another caller set.
        if (ZipSecureFile.getMinInflateRatio() < 0.01) {
            ZipSecureFile.setMinInflateRatio(0.01);
        }
    }

    /**
     * Largest shared-strings part read, in bytes actually inflated (not as the zip header declares
     * them: a header may understate its entry); POI holds that table in memory.
     */
    static final long MAX_SHARED_STRINGS_BYTES = 256L * 1024 * 1024;
    /** Largest styles part read, in bytes actually inflated; POI parses it into a document tree. */
    static final long MAX_STYLES_BYTES = 64L * 1024 * 1024;
    private XlsxReader() {
    }

    /** Reads every sheet; returns the number of data rows. */
    static long read(Path file, String name, SheetRows.Header header, DocumentVisitor v, Problems problems)
            throws ReadException {
        return read(file, name, header, v, problems, MAX_SHARED_STRINGS_BYTES);
    }

    /** As {@link #read(Path, String, SheetRows.Header, DocumentVisitor, Problems)}, with the shared-strings limit given (tests). */
    static long read(Path file, String name, SheetRows.Header header, DocumentVisitor v, Problems problems, long maxStrings)
            throws ReadException {
        OPCPackage pkg;
        if (isOle2(file)) {
            throw new ReadException(new Message(name + ": 古い .xls またはパスワード付きのブック（OLE2 ファイル）は読めません。"
                    + "パスワードなしの .xlsx で保存してください", name + ": legacy .xls or password-protected workbook (OLE2 file) is not"
                    + " supported; save as .xlsx without a password"));
        }
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (Exception | LinkageError e) {
            throw corrupt(name, e);
        }
        try (pkg) {
            XSSFReader reader = new XSSFReader(pkg);
            SharedStrings strings = sharedStrings(pkg, name, maxStrings);
            StylesTable styles = styles(pkg, name);
            long rows = 0;
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                InputStream sheet = sheets.next();
                SheetRows handler = new SheetRows(sheets.getSheetName(), header, v);
                try (sheet) {
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setErrorHandler(new DefaultHandler()); // fatal errors throw; nothing is logged
                    xml.setContentHandler(new XSSFSheetXMLHandler(styles, sheets.getSheetComments(), strings, new Rows(handler), new ShownValues(), false));
                    xml.parse(new InputSource(sheet));
                    drawnAndLinked(sheets, handler, problems);
                    handler.finish();
                } catch (SheetRows.VisitorFailure e) {
                    throw e;
                } catch (SAXException | ParserConfigurationException | IOException | RuntimeException e) {
                    handler.finish();
                    problems.unread(-1, handler.lastRow + 1L, new Message("シート \"" + sheets.getSheetName() + "\" は " + handler.lastRow
                            + " 行目より後が壊れています（" + describe(e) + "）。このシートの残りは読んでいません",
                            "sheet \"" + sheets.getSheetName() + "\" is corrupt after"
                            + " spreadsheet row " + handler.lastRow + " (" + describe(e) + "); the rest of this sheet is not read"));
                }
                if (handler.beyond) {
                    problems.unread(-1, 0, new Message("シート \"" + sheets.getSheetName() + "\" には XFD 列（" + SheetRows.MAX_COLUMNS
                            + " 列）より右のセルがあります。そのセルは読んでいません", "sheet \"" + sheets.getSheetName()
                            + "\" has cells beyond column XFD (" + SheetRows.MAX_COLUMNS + " columns); those cells are not read"));
                }
                rows += handler.rows();
            }
            return rows;
        } catch (ReadException e) {
            throw e;
        } catch (SheetRows.VisitorFailure e) {
            throw e.getCause(); // the visitor's own exception, unchanged
        } catch (IOException | RuntimeException | SAXException | org.apache.poi.openxml4j.exceptions.OpenXML4JException e) {
            throw corrupt(name, e);
        }
    }

    /**
     * A sheet's text boxes (drawn shapes with text) and its links' targets ({@code mailto:…}), as notes of the sheet; a
     * drawing or a relationship POI cannot read is reported unread, and the cells are read all the same.
     */
    private static void drawnAndLinked(XSSFReader.SheetIterator sheets, SheetRows handler, Problems problems) {
        try {
            for (org.apache.poi.openxml4j.opc.PackageRelationship r
                    : sheets.getSheetPart().getRelationshipsByType(XSSFRelation.SHEET_HYPERLINKS.getRelation())) {
                if (r.getTargetMode() == org.apache.poi.openxml4j.opc.TargetMode.EXTERNAL) {
                    String target = r.getTargetURI().toString().replace("+", "%2B");
                    handler.note(-1, "リンク：" + java.net.URLDecoder.decode(target, java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            List<org.apache.poi.xssf.usermodel.XSSFShape> shapes = sheets.getShapes();
            for (org.apache.poi.xssf.usermodel.XSSFShape shape : shapes == null ? List.<org.apache.poi.xssf.usermodel.XSSFShape>of() : shapes) {
                if (shape instanceof org.apache.poi.xssf.usermodel.XSSFSimpleShape box) {
                    handler.note(-1, box.getText());
                }
            }
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException | RuntimeException e) {
            problems.unread(-1, 0, new Message("シート \"" + sheets.getSheetName() + "\" の図形またはリンクを読めません（" + describe(e) + "）",
                    "the drawings or links of sheet \"" + sheets.getSheetName() + "\" cannot be read (" + describe(e) + ")"));
        }
    }

    /** The shared strings, read through a stream that stops past {@code max} inflated bytes. */
    private static SharedStrings sharedStrings(OPCPackage pkg, String name, long max)
            throws IOException, SAXException, ReadException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return new ReadOnlySharedStringsTable(pkg, false);
        }
        PackagePart part = parts.get(0);
        String size = max >= 1 << 20 ? max / (1 << 20) + " MB" : max + " bytes";
        Message tooBig = new Message(name + ": 共有文字列の表が " + size + " を超え、限られたメモリでは読めません。CSV で保存してください",
                name + ": its shared strings table is more than " + size + ", more than can be read in bounded memory; save it as CSV");
        if (part.getSize() > max) {
            throw new ReadException(tooBig);
        }
        try (InputStream in = new Capped(part.getInputStream(), max)) {
            return new ReadOnlySharedStringsTable(in, false);
        } catch (IOException | SAXException e) {
            if (Capped.isCause(e)) {
                throw new ReadException(tooBig, e);
            }
            throw e;
        }
    }

    /** The styles (number formats), read through a stream that stops past {@link #MAX_STYLES_BYTES}; null if none. */
    private static StylesTable styles(OPCPackage pkg, String name) throws IOException, ReadException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.STYLES.getContentType());
        if (parts.isEmpty()) {
            return null;
        }
        try (InputStream in = new Capped(parts.get(0).getInputStream(), MAX_STYLES_BYTES)) {
            return new StylesTable(in) {
                @Override
                public String getNumberFormatAt(short idx) {
                    // a Japanese Excel's built-in date formats (27–36, 50–58) have no numFmt entry, and POI knows only
                    // 0–49: without a format POI's sheet parser gives the serial number and never asks ShownValues
                    String f = super.getNumberFormatAt(idx);
                    return f == null && ShownValues.japaneseDate(idx, null) != null ? "reserved-0x" + Integer.toHexString(idx) : f;
                }
            };
        } catch (IOException | RuntimeException e) {
            if (Capped.isCause(e)) {
                throw new ReadException(new Message(name + ": スタイルの部分が " + MAX_STYLES_BYTES / (1024 * 1024)
                        + " MB を超えています。読んでいません", name + ": its styles part is more than " + MAX_STYLES_BYTES / (1024 * 1024)
                        + " MB; not read"), e);
            }
            throw e;
        }
    }

    private static boolean isOle2(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(8);
            return magic.length == 8 && (magic[0] & 0xFF) == 0xD0 && (magic[1] & 0xFF) == 0xCF
                    && magic[2] == 0x11 && (magic[3] & 0xFF) == 0xE0;
        } catch (IOException e) {
            return false;
        }
    }

    static ReadException corrupt(String name, Throwable e) {
        return new ReadException(new Message(name + ": 読める XLSX ではありません（zip が途中で切れているか壊れています）: " + describe(e),
                name + ": not a readable XLSX (truncated or corrupt zip): " + describe(e)), e);
    }

    /**
     * Why a part could not be read, without quoting its content: the XML parser's position for
     * malformed XML; the message of zip and package errors (they name entries and sizes); otherwise
     * only the kind of error (a number parser's message would quote the cell).
     */
    static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            if (t instanceof SAXParseException) {
                break;
            }
            t = t.getCause();
        }
        if (t instanceof SAXParseException x) {
            return "malformed XML at line " + x.getLineNumber() + ", column " + x.getColumnNumber() + " of the part";
        }
        String m = t.getMessage();
        if (m == null || !(t instanceof IOException || t instanceof org.apache.poi.openxml4j.exceptions.OpenXML4JException
                || t instanceof org.apache.poi.ooxml.POIXMLException || t instanceof java.util.zip.ZipException)) {
            return "unexpected content (" + t.getClass().getSimpleName() + ")";
        }
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }

    /** POI's sheet events into {@link SheetRows}: a cell's reference gives its column. */
    private static final class Rows implements SheetContentsHandler {
        final SheetRows rows;
        private int lastCol;

        Rows(SheetRows rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            rows.startRow();
            lastCol = -1;
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int col = ref == null ? lastCol + 1 : new CellReference(ref).getCol();
            lastCol = col;
            rows.cell(col, value);
            if (comment != null && comment.getString() != null) {
                rows.comment(comment.getRow(), comment.getColumn(), comment.getAuthor(), comment.getString().getString());
            }
        }

        @Override
        public void headerFooter(String text, boolean isHeader, String tagName) {
            rows.note(-1, SheetRows.headerText(text));
        }

        @Override
        public void endRow(int rowNum) {
            rows.endRow(rowNum);
        }
    }

    /** Stops reading a part past a number of bytes actually read (inflated), whatever its zip header says. */
    private static final class Capped extends java.io.FilterInputStream {
        private final long max;
        private long read;

        Capped(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        static boolean isCause(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof TooLarge) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long k = super.skip(n);
            count(k);
            return k;
        }

        private void count(long n) throws TooLarge {
            read += n;
            if (read > max) {
                throw new TooLarge();
            }
        }

        private static final class TooLarge extends IOException {
            private static final long serialVersionUID = 1L;

            TooLarge() {
                super("part over its size limit");
            }
        }
    }
}
