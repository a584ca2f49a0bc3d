package dev.mamori.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects a sheet's cells row by row, aligned by column index, for {@link XlsxReader} and {@link XlsReader}: the
 * first non-empty row and up to {@link HeaderSniffer#SAMPLE} rows after it are held until it is known whether that row
 * is the header (see {@link HeaderSniffer}); a sheet without one gets columns {@code 列1}, {@code 列2}, …. The
 * visitor's exceptions are carried out as {@link VisitorFailure}, so the parser that calls this is not blamed for them.
 */
final class SheetRows {
    /** Columns read in a sheet: Excel's own limit (A to XFD). Cells beyond are reported, not read. */
    static final int MAX_COLUMNS = 16_384;

    /** How a sheet's first rows are taken. */
    enum Header {
        /** No header: every row is data (columns 列1, 列2, …). */
        NONE,
        /** The first non-empty row is the header unless it looks like data ({@link HeaderSniffer#isData}). */
        FIRST_ROW,
        /** As {@link #FIRST_ROW}, after title lines above the table ({@link HeaderSniffer#preamble}), delivered apart. */
        AFTER_TITLES;

        /** The mode the reading options ask for. */
        static Header of(DocumentReader.Options options) {
            return !options.headerRow() ? NONE : options.titleLines() ? AFTER_TITLES : FIRST_ROW;
        }
    }

    private final String sheet;
    private final Header header;
    private final DocumentVisitor v;
    private final List<String> cells = new ArrayList<>();
    private List<String> first;
    private int firstRow;
    private final List<List<String>> held = new ArrayList<>();
    private final List<Integer> heldRows = new ArrayList<>();
    private boolean decided;
    private long rows;
    private int width;
    /** The last spreadsheet row (1-based) read whole. */
    int lastRow;
    /** Cells beyond {@link #MAX_COLUMNS} were met (and not read). */
    boolean beyond;
    /** The last row delivered (0-based), and a row after empty rows held with the rows under it until it is known
     *  whether it is a second table's header. */
    private int lastRowNum = -1;
    private List<String> candidate;
    private int candidateRow;
    private final List<List<String>> under = new ArrayList<>();
    private final List<Integer> underRows = new ArrayList<>();
    /** What is written on the sheet outside its cells (comments, text boxes, headers, footers, links) and its row. */
    private final List<String> notes = new ArrayList<>();
    private final List<Integer> noteRows = new ArrayList<>();

    /** The column of the table {@link #note}s are delivered as, after the sheet's own. */
    static final String NOTES = "シートの書き込み";

    SheetRows(String sheet, Header header, DocumentVisitor v) {
        this.sheet = sheet;
        this.header = header;
        this.v = v;
    }

    /** Data rows delivered so far. */
    long rows() {
        return rows;
    }

    void startRow() {
        cells.clear();
    }

    /** A cell of the current row; an empty value is no cell. */
    void cell(int col, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (col < 0 || col >= MAX_COLUMNS) {
            beyond = true;
            return;
        }
        while (cells.size() <= col) {
            cells.add(null);
        }
        cells.set(col, value);
    }

    /** The current row, 0-based {@code rowNum} in the sheet, is complete. */
    void endRow(int rowNum) {
        try {
            deliver(rowNum);
        } catch (RuntimeException e) {
            throw new VisitorFailure(e);
        }
        lastRow = rowNum + 1;
    }

    private void deliver(int rowNum) {
        if (cells.isEmpty()) {
            return;
        }
        List<String> row = new ArrayList<>(cells);
        if (decided) {
            next(rowNum, row);
        } else if (first == null) {
            first = row;
            firstRow = rowNum;
        } else {
            held.add(row);
            heldRows.add(rowNum);
            if (held.size() >= HeaderSniffer.SAMPLE) {
                decide();
            }
        }
    }

    /**
     * Text written on the sheet outside its cells, at a 0-based row (-1: none, as a header's): a cell's comment with its
     * author, a text box, a header or footer, a link's target. Delivered after the sheet's rows as a table of one column
     * ({@link #NOTES}), so that it is scanned.
     */
    void note(int row, String text) {
        if (text != null && !text.isBlank()) {
            notes.add(text.strip());
            noteRows.add(row);
        }
    }

    /**
     * A row after the header's decision. When scanning ({@link Header#AFTER_TITLES}), a row after one or more empty rows
     * may be a second table's header (緊急連絡先, 続柄, 携帯, 郵便番号 under a member list): it is held with the rows under
     * it, up to {@link HeaderSniffer#SAMPLE} or the next empty row, and starts a table of its own when it is surely a
     * header over them ({@link HeaderSniffer#isHeader}); else they are rows of the table as before.
     */
    private void next(int rowNum, List<String> row) {
        boolean gap = lastRowNum >= 0 && rowNum > lastRowNum + 1;
        lastRowNum = rowNum;
        if (candidate != null && !gap) {
            under.add(row);
            underRows.add(rowNum);
            if (under.size() >= HeaderSniffer.SAMPLE) {
                resolve();
            }
            return;
        }
        resolve();
        if (gap && header == Header.AFTER_TITLES) {
            candidate = row;
            candidateRow = rowNum;
        } else {
            emit(rowNum, row);
        }
    }

    /** Whether the held row after a gap is a second table's header; the held rows delivered either way. */
    private void resolve() {
        if (candidate == null) {
            return;
        }
        if (!under.isEmpty() && HeaderSniffer.isHeader(candidate, under)) {
            width = candidate.size();
            v.table(sheet, candidate.stream().map(c -> c == null ? "" : c).toList());
        } else {
            emit(candidateRow, candidate);
        }
        for (int i = 0; i < under.size(); i++) {
            emit(underRows.get(i), under.get(i));
        }
        candidate = null;
        under.clear();
        underRows.clear();
    }

    /** A cell's comment as a note: {@code コメント B3 作成者：<author>} and its text on the next line. */
    void comment(int row, int col, String author, String text) {
        if (text != null) {
            note(row, "コメント " + new org.apache.poi.ss.util.CellReference(row, col).formatAsString()
                    + (author == null || author.isBlank() ? "" : " 作成者：" + author.strip()) + "\n" + text.strip());
        }
    }

    /** The sheet ended (or broke off): decide about the header if not done, and deliver what is held, then its notes. */
    void finish() {
        try {
            if (!decided && first != null) {
                decide();
            }
            resolve();
            if (!notes.isEmpty()) {
                v.table(sheet, List.of(NOTES));
                for (int i = 0; i < notes.size(); i++) {
                    v.row(++rows, Math.max(1, noteRows.get(i) + 1L), List.of(notes.get(i)));
                }
                notes.clear();
                noteRows.clear();
            }
        } catch (RuntimeException e) {
            throw new VisitorFailure(e);
        }
    }

    /**
     * A header's or footer's text without its codes (&amp;L &amp;C &amp;R, page numbers, fonts, sizes); empty when nothing
     * is left but a page's number ("Page &amp;P", "&amp;P / &amp;N ページ", as programs write by default).
     */
    static String headerText(String codes) {
        String t = codes == null ? "" : codes.replaceAll("&\"[^\"]*\"|&[0-9]+|&[LCRPNDTFAZGSUXYBIEKHlcrpndtfazgsuxybiekh]", " ")
                .replace("&&", "&").replaceAll("\\s+", " ").strip();
        return t.matches("(?i)(page|of|ページ|頁|[-/ 　0-9])*") ? "" : t;
    }

    private void decide() {
        decided = true;
        if (header == Header.AFTER_TITLES) {
            preamble();
        }
        width = first.size();
        if (header != Header.NONE && !HeaderSniffer.isData(first, held)) {
            v.table(sheet, first.stream().map(c -> c == null ? "" : c).toList());
        } else {
            v.table(sheet, HeaderSniffer.names(width));
            emit(firstRow, first);
        }
        lastRowNum = firstRow;
        List<List<String>> rows = new ArrayList<>(held);
        List<Integer> numbers = new ArrayList<>(heldRows);
        held.clear();
        heldRows.clear();
        for (int i = 0; i < rows.size(); i++) {
            next(numbers.get(i), rows.get(i));
        }
    }

    /**
     * A sheet's title, date and author lines above its table ({@link HeaderSniffer#preamble}) are delivered as a table
     * of their own (columns 列1, 列2, …), so that they are scanned, and the row after them is taken as the table's header;
     * without this the title would be the header and the columns would lose their names (a bare 7-digit postal code is
     * found only under its header).
     */
    private void preamble() {
        List<List<String>> all = new ArrayList<>();
        all.add(first);
        all.addAll(held);
        int titles = HeaderSniffer.preamble(all);
        if (titles == 0) {
            return;
        }
        int w = 0;
        for (int i = 0; i < titles; i++) {
            w = Math.max(w, all.get(i).size());
        }
        width = w;
        v.table(sheet, HeaderSniffer.names(w));
        emit(firstRow, first);
        for (int i = 0; i < titles - 1; i++) {
            emit(heldRows.get(i), held.get(i));
        }
        first = held.get(titles - 1);
        firstRow = heldRows.get(titles - 1);
        held.subList(0, titles).clear();
        heldRows.subList(0, titles).clear();
    }

    private void emit(int rowNum, List<String> row) {
        String[] r = row.toArray(new String[Math.max(width, row.size())]);
        v.row(++rows, rowNum + 1L, Arrays.asList(r));
    }

    /** Carries an exception thrown by the visitor through a parser, so it is not taken for corruption. */
    static final class VisitorFailure extends RuntimeException {
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
