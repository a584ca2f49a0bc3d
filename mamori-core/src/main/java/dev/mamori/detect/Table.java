package dev.mamori.detect;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** A table being scanned: its header, the scan context of each column, and per-column counts. */
final class Table {

    static final class Column {
        final int index;
        final String header;
        long cells;
        final long[] hits = new long[PiiType.values().length];

        Column(int index, String header) {
            this.index = index;
            this.header = header;
        }

        ColumnReport report() {
            return ColumnReport.of(index, header, cells, hits);
        }
    }

    final String sheet;
    /** The header as read; {@link #name} gives a column's name as shown, masked where it holds personal data. */
    final List<String> header;
    private final List<String> shown;
    private final List<Column> columns = new ArrayList<>();
    /** Read by workers: fixed at construction. */
    private final ScanContext[] contexts;
    private final Detector detector;
    long rows;

    /** A table whose columns are shown by {@code shown} (its header with the personal data found in it masked). */
    Table(String sheet, List<String> header, List<String> shown, Detector detector) {
        this(sheet, header, shown, detector, null);
    }

    /** With the contexts of the first columns taken from {@code known} (same headers) rather than worked out again. */
    private Table(String sheet, List<String> header, List<String> shown, Detector detector, ScanContext[] known) {
        this.sheet = sheet;
        this.header = List.copyOf(header.stream().map(h -> h == null ? "" : h).toList());
        this.shown = List.copyOf(shown.stream().map(h -> h == null ? "" : h).toList());
        this.detector = detector;
        this.contexts = new ScanContext[this.header.size()];
        int reused = known == null ? 0 : Math.min(known.length, contexts.length);
        if (reused > 0) {
            System.arraycopy(known, 0, contexts, 0, reused);
        }
        List<ScanContext> fresh = reused < contexts.length ? detector.contextsFor(this.header) : List.of();
        for (int i = 0; i < this.header.size(); i++) {
            if (i >= reused) {
                contexts[i] = fresh.get(i);
            }
            columns.add(new Column(i, this.shown.get(i)));
        }
    }

    /** The same table with more columns (JSON Lines whose later records bring new keys). */
    Table widened(List<String> newHeader, Detector detector) {
        Table t = new Table(sheet, newHeader, newHeader, detector, contexts);
        for (int i = 0; i < columns.size(); i++) {
            t.columns.set(i, columns.get(i));
        }
        t.rows = rows;
        return t;
    }

    /** Reading thread only: the column at {@code i}, created with no header if the row is wider than the header. */
    Column column(int i) {
        while (columns.size() <= i) {
            columns.add(new Column(columns.size(), ""));
        }
        return columns.get(i);
    }

    ScanContext context(int i) {
        return i < contexts.length ? contexts[i] : detector.freeText();
    }

    String name(int i) {
        return i < shown.size() ? shown.get(i) : "";
    }

    TableReport report() {
        List<ColumnReport> cols = new ArrayList<>();
        EnumSet<PiiType> found = EnumSet.noneOf(PiiType.class);
        for (Column c : columns) {
            ColumnReport r = c.report();
            cols.add(r);
            found.addAll(r.hits().keySet());
        }
        return new TableReport(sheet, rows, cols, Classification.of(found));
    }
}
