package dev.mamori.risk;


import java.nio.file.Path;
import java.util.List;

/**
 * Rows of text cells under named columns: the input of {@link RiskAnalyzer} and
 * {@link LatticeSearch}. Row {@code i} (0-based) is reported to people as data row {@code i + 1}.
 * The row arrays are not copied; callers must not change them afterwards.
 */
public record Dataset(List<String> columns, List<String[]> rows) {

    public Dataset {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).length < columns.size()) {
                throw new RiskException("データの " + (i + 1) + " 行目のセルは " + rows.get(i).length + " 個ですが、見出しの列は "
                        + columns.size() + " 個です", "data row " + (i + 1) + " has " + rows.get(i).length
                        + " cells but the header names " + columns.size() + " columns");
            }
        }
    }

    /**
     * The table in {@code file}, read like any input (encoding and delimiter detected; CSV, TSV, XLSX, JSON Lines).
     *
     * @throws dev.mamori.table.ReadException if it cannot be read whole as a table
     */
    public static Dataset read(Path file) throws dev.mamori.table.ReadException {
        return of(dev.mamori.table.WholeTable.read(file));
    }

    /** The table in {@code file}, telling {@code progress} how many bytes of it have been read. */
    public static Dataset read(Path file, java.util.function.LongConsumer progress) throws dev.mamori.table.ReadException {
        return of(dev.mamori.table.WholeTable.read(file, progress));
    }

    /** A table read whole. */
    public static Dataset of(dev.mamori.table.WholeTable t) {
        return new Dataset(t.header(), t.rows());
    }

    /** The index of a column; an unknown name is refused with the list of columns that exist. */
    public int column(String name) {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new RiskException("列 '" + name + "' はありません。列は " + columns + " です", "no column '" + name + "'; the columns are " + columns);
        }
        return i;
    }
}
