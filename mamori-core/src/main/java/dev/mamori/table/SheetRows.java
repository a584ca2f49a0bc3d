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
            emit(rowNum, row);
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

    /** The sheet ended (or broke off): decide about the header if not done, and deliver what is held. */
    void finish() {
        if (!decided && first != null) {
            try {
                decide();
            } catch (RuntimeException e) {
                throw new VisitorFailure(e);
            }
        }
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
        for (int i = 0; i < held.size(); i++) {
            emit(heldRows.get(i), held.get(i));
        }
        held.clear();
        heldRows.clear();
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
