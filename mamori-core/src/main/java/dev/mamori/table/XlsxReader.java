package dev.mamori.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
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

    /** Largest shared-strings part (uncompressed) read; POI holds that table in memory. */
    static final long MAX_SHARED_STRINGS_BYTES = 256L * 1024 * 1024;

    private XlsxReader() {
    }

    /** Reads every sheet; returns the number of data rows. */
    static long read(Path file, String name, boolean headerRow, DocumentVisitor v, Problems problems)
            throws ReadException {
        OPCPackage pkg;
        XSSFReader reader;
        ReadOnlySharedStringsTable strings;
        StylesTable styles;
        if (isOle2(file)) {
            throw new ReadException(name + ": legacy .xls or password-protected workbook (OLE2 file) is not"
                    + " supported; save as .xlsx without a password");
        }
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (Exception | LinkageError e) {
            throw corrupt(name, e);
        }
        try (pkg) {
            for (PackagePart p : pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType())) {
                if (p.getSize() > MAX_SHARED_STRINGS_BYTES) {
                    throw new ReadException(name + ": its shared strings table is " + p.getSize() / (1024 * 1024)
                            + " MB, more than the " + MAX_SHARED_STRINGS_BYTES / (1024 * 1024)
                            + " MB that can be read in bounded memory; save it as CSV");
                }
            }
            reader = new XSSFReader(pkg);
            strings = new ReadOnlySharedStringsTable(pkg, false);
            styles = reader.getStylesTable();
            long rows = 0;
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                InputStream sheet = sheets.next();
                Rows handler = new Rows(sheets.getSheetName(), headerRow, v);
                try (sheet) {
                    XMLReader xml = XMLHelper.newXMLReader();
                    xml.setErrorHandler(new DefaultHandler()); // fatal errors throw; nothing is logged
                    xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, handler, new ShownValues(), false));
                    xml.parse(new InputSource(sheet));
                } catch (VisitorFailure e) {
                    throw e;
                } catch (SAXException | ParserConfigurationException | RuntimeException e) {
                    problems.report(-1, 0, "sheet \"" + sheets.getSheetName() + "\" is corrupt (" + shortCause(e)
                            + "); stopped reading this file");
                    return rows + handler.rows;
                }
                rows += handler.rows;
            }
            return rows;
        } catch (ReadException e) {
            throw e;
        } catch (VisitorFailure e) {
            throw e.getCause(); // the visitor's own exception, unchanged
        } catch (IOException | RuntimeException | SAXException | org.apache.poi.openxml4j.exceptions.OpenXML4JException e) {
            throw corrupt(name, e);
        }
    }

    static boolean isWorkbook(Path file) {
        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            return zip.getEntry("xl/workbook.xml") != null;
        } catch (IOException e) {
            return false;
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
        return new ReadException(name + ": not a readable XLSX (truncated or corrupt zip): " + shortCause(e), e);
    }

    static String shortCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }

    /** Collects the cells of each row, aligned by column index. */
    private static final class Rows implements SheetContentsHandler {
        private final String sheet;
        private final boolean headerRow;
        private final DocumentVisitor v;
        private final List<String> cells = new ArrayList<>();
        private boolean started;
        private long rows;
        private int lastCol;
        private int width;

        Rows(String sheet, boolean headerRow, DocumentVisitor v) {
            this.sheet = sheet;
            this.headerRow = headerRow;
            this.v = v;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            lastCol = -1;
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int col = ref == null ? lastCol + 1 : new CellReference(ref).getCol();
            lastCol = col;
            if (value == null || value.isEmpty()) {
                return;
            }
            while (cells.size() <= col) {
                cells.add(null);
            }
            cells.set(col, value);
        }

        @Override
        public void endRow(int rowNum) {
            try {
                deliver(rowNum);
            } catch (RuntimeException e) {
                throw new VisitorFailure(e);
            }
        }

        private void deliver(int rowNum) {
            if (cells.isEmpty()) {
                return;
            }
            if (!started) {
                started = true;
                List<String> header = cells.stream().map(c -> c == null ? "" : c).toList();
                width = headerRow ? header.size() : 0;
                v.table(sheet, headerRow ? header : List.of());
                if (headerRow) {
                    return;
                }
            }
            String[] row = cells.toArray(new String[Math.max(width, cells.size())]);
            v.row(++rows, rowNum + 1L, Arrays.asList(row));
        }
    }

    /** Carries an exception thrown by the visitor through the SAX parser, so it is not taken for corruption. */
    private static final class VisitorFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        VisitorFailure(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }
}
