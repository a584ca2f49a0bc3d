package dev.mamori.table;

import dev.mamori.report.Message;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.eventusermodel.FormatTrackingHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.CommonObjectDataSubRecord;
import org.apache.poi.hssf.record.FooterRecord;
import org.apache.poi.hssf.record.HeaderRecord;
import org.apache.poi.hssf.record.HyperlinkRecord;
import org.apache.poi.hssf.record.NoteRecord;
import org.apache.poi.hssf.record.ObjRecord;
import org.apache.poi.hssf.record.TextObjectRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.RKRecord;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Streams the sheets of a legacy Excel workbook (.xls, BIFF8: Excel 97 to 2003, still what many offices keep and
 * mail) with POI's event API, as {@link XlsxReader} does an XLSX: one table per worksheet, its header the first
 * non-empty row when it is one, values as a Japanese Excel shows them ({@link ShownValues}; a formula's cached result).
 * Only the workbook's shared strings are held in memory; cells are delivered as their records are parsed. Chart sheets
 * and charts embedded in a sheet are passed over. Workbooks of Excel 95 or older (BIFF5) and workbooks protected by a
 * password are refused with that reason.
 */
final class XlsReader {

    private XlsReader() {
    }

    /** Reads every worksheet of {@code file}; returns the number of data rows. */
    static long read(Path file, String name, SheetRows.Header header, DocumentVisitor v, Problems problems)
            throws IOException, ReadException {
        Head head;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            head = Head.read(in);
        }
        if (!Sniffer.isOle2(head) && SpreadsheetMl.is(head.text(CharsetSniffer.detect(head)))) {
            return SpreadsheetMl.read(file, name, header, v, problems); // Excel 2003 XML under the name .xls
        }
        POIFSFileSystem fs;
        try {
            fs = new POIFSFileSystem(file.toFile(), true);
        } catch (IOException | RuntimeException e) {
            if (DocumentText.cannotOpen(e)) {
                throw e;
            }
            throw DocumentText.corrupt(name, Format.XLS, e);
        }
        try (fs) {
            return read(fs.getRoot(), name, header, v, problems);
        }
    }

    /** Reads every worksheet of the workbook whose OLE2 root is {@code root} (a file, an attachment, an embedded object). */
    static long read(DirectoryNode root, String name, SheetRows.Header header, DocumentVisitor v, Problems problems)
            throws IOException, ReadException {
        Sheets sheets = new Sheets(header, v);
        FormatTrackingHSSFListener formats = new FormatTrackingHSSFListener(sheets, java.util.Locale.JAPAN);
        sheets.formats = formats;
        HSSFRequest request = new HSSFRequest();
        request.addListenerForAllRecords(formats);
        try {
            new HSSFEventFactory().processWorkbookEvents(request, root);
            sheets.endSheet();
        } catch (SheetRows.VisitorFailure e) {
            throw e.getCause(); // the visitor's own exception, unchanged
        } catch (EncryptedDocumentException e) {
            throw new ReadException(new Message(name + ": パスワードで保護されたブックです。読めません（パスワードを外してから検査してください）",
                    name + ": a workbook protected by a password; not read (remove the password, then scan it)"));
        } catch (OldExcelFormatException e) {
            throw new ReadException(new Message(name + ": Excel 95 以前の形式（BIFF5）のブックは読めません。.xlsx で保存してください",
                    name + ": a workbook of Excel 95 or older (BIFF5); not read; save it as .xlsx"));
        } catch (IOException | RuntimeException e) {
            if (sheets.rows == 0 && sheets.current == null) {
                throw DocumentText.corrupt(name, Format.XLS, e);
            }
            String sheet = sheets.sheetName();
            int last = sheets.lastRow();
            sheets.endSheet(); // what came before the damage is kept
            problems.unread(-1, last + 1L, new Message("シート \"" + sheet + "\" は " + last
                    + " 行目より後が壊れています（" + e.getClass().getSimpleName() + "）。このブックの残りは読んでいません",
                    "sheet \"" + sheet + "\" is corrupt after spreadsheet row " + last + " ("
                            + e.getClass().getSimpleName() + "); the rest of this workbook is not read"));
        }
        if (sheets.beyond) {
            problems.unread(-1, 0, new Message("XFD 列（" + SheetRows.MAX_COLUMNS + " 列）より右のセルは読んでいません",
                    "cells beyond column XFD (" + SheetRows.MAX_COLUMNS + " columns) are not read"));
        }
        return sheets.rows;
    }

    /** The workbook's records: sheet names, shared strings, and each worksheet's cells into a {@link SheetRows}. */
    private static final class Sheets implements HSSFListener {
        private final SheetRows.Header header;
        private final DocumentVisitor v;
        private final List<String> names = new ArrayList<>();
        private final ShownValues shown = new ShownValues();
        FormatTrackingHSSFListener formats;
        private SSTRecord strings;
        private boolean date1904;
        /** Substreams open (BOF without its EOF): 1 in the workbook's globals or a sheet, 2 in a chart inside a sheet. */
        private int depth;
        /** Substreams met after the globals, in the order of the sheet names. */
        private int sheetIndex = -1;
        SheetRows current;
        private int row = -1;
        /** A formula whose string result comes in the next record. */
        private FormulaRecord pending;
        /** The drawing object being read (a comment's box, a text box), and the comments' texts by their object's id. */
        private int objectId;
        private boolean objectIsComment;
        private final java.util.Map<Integer, String> comments = new java.util.HashMap<>();
        long rows;
        boolean beyond;

        Sheets(SheetRows.Header header, DocumentVisitor v) {
            this.header = header;
            this.v = v;
        }

        @Override
        public void processRecord(org.apache.poi.hssf.record.Record r) {
            if (r instanceof BOFRecord bof) {
                depth++;
                if (depth == 1 && bof.getType() != BOFRecord.TYPE_WORKBOOK) {
                    sheetIndex++;
                    if (bof.getType() == BOFRecord.TYPE_WORKSHEET) {
                        current = new SheetRows(sheetIndex < names.size() ? names.get(sheetIndex) : "Sheet" + (sheetIndex + 1), header, v);
                        row = -1;
                    }
                }
                return;
            }
            if (r instanceof EOFRecord) {
                depth = Math.max(0, depth - 1);
                if (depth == 0) {
                    endSheet();
                }
                return;
            }
            if (r instanceof BoundSheetRecord b) {
                names.add(b.getSheetname());
            } else if (r instanceof SSTRecord s) {
                strings = s;
            } else if (r instanceof DateWindow1904Record d) {
                date1904 = d.getWindowing() == 1;
            }
            if (current == null || depth != 1) {
                return; // the globals, a chart sheet, a chart inside a sheet
            }
            if (r instanceof StringRecord s && pending != null) {
                cell(pending, s.getString());
                pending = null;
                return;
            }
            if (r instanceof CellValueRecordInterface) {
                pending = null; // (a shared or array formula's record, SHRFMLA, ARRAY, TABLE, comes between a formula and its result)
            }
            if (r instanceof ObjRecord o && !o.getSubRecords().isEmpty() && o.getSubRecords().get(0) instanceof CommonObjectDataSubRecord c) {
                objectId = c.getObjectId();
                objectIsComment = c.getObjectType() == CommonObjectDataSubRecord.OBJECT_TYPE_COMMENT;
                return;
            }
            if (r instanceof TextObjectRecord t) {
                String text = t.getStr() == null ? null : t.getStr().getString();
                if (objectIsComment) {
                    comments.put(objectId, text);
                } else {
                    current.note(-1, text); // a text box
                }
                return;
            }
            if (r instanceof NoteRecord n) {
                String text = comments.remove(n.getShapeId());
                current.comment(n.getRow(), n.getColumn(), n.getAuthor(), text);
                return;
            }
            if (r instanceof HeaderRecord h) {
                current.note(-1, SheetRows.headerText(h.getText()));
                return;
            }
            if (r instanceof FooterRecord f) {
                current.note(-1, SheetRows.headerText(f.getText()));
                return;
            }
            if (r instanceof HyperlinkRecord h) {
                current.note(h.getFirstRow(), "リンク：" + (h.getAddress() == null ? "" : h.getAddress().strip()));
                return;
            }
            if (r instanceof LabelSSTRecord l) {
                cell(l, strings == null || l.getSSTIndex() >= strings.getNumUniqueStrings() ? null
                        : strings.getString(l.getSSTIndex()).getString());
            } else if (r instanceof LabelRecord l) {
                cell(l, l.getValue());
            } else if (r instanceof NumberRecord n) {
                cell(n, number(n, n.getValue()));
            } else if (r instanceof RKRecord k) {
                cell(k, number(k, k.getRKNumber()));
            } else if (r instanceof BoolErrRecord b && b.isBoolean()) {
                cell(b, b.getBooleanValue() ? "TRUE" : "FALSE");
            } else if (r instanceof FormulaRecord f) {
                switch (f.getCachedResultTypeEnum()) {
                    case STRING -> pending = f; // its value is the StringRecord that follows
                    case NUMERIC -> cell(f, number(f, f.getValue()));
                    case BOOLEAN -> cell(f, f.getCachedBooleanValue() ? "TRUE" : "FALSE");
                    default -> { } // an error or an empty result
                }
            }
        }

        private String number(CellValueRecordInterface c, double value) {
            return shown.formatRawCellContents(value, formats.getFormatIndex(c), formats.getFormatString(c), date1904);
        }

        private void cell(CellValueRecordInterface c, String value) {
            if (c.getRow() != row) {
                if (row >= 0) {
                    current.endRow(row);
                }
                row = c.getRow();
                current.startRow();
            }
            current.cell(c.getColumn(), value);
        }

        /** A sheet ended, or the workbook broke off: the sheet being read is delivered. */
        void endSheet() {
            if (current == null) {
                return;
            }
            if (row >= 0) {
                current.endRow(row);
            }
            current.finish();
            rows += current.rows();
            beyond |= current.beyond;
            current = null;
            comments.clear();
            row = -1;
        }

        int lastRow() {
            return current == null ? 0 : current.lastRow;
        }

        String sheetName() {
            return sheetIndex >= 0 && sheetIndex < names.size() ? names.get(sheetIndex) : "";
        }
    }
}
