package dev.mamori.detect;

import java.util.List;
import java.util.Set;

/**
 * How one table (a CSV/TSV file, an XLSX sheet, a JSON Lines file) was classified.
 *
 * @param sheet           the sheet name for XLSX, else null
 * @param rows            data rows read
 * @param columns         per column
 * @param classifications what the table holds, from the columns' findings
 */
public record TableReport(String sheet, long rows, List<ColumnReport> columns, Set<Classification> classifications) {

    public TableReport {
        columns = List.copyOf(columns);
        classifications = Set.copyOf(classifications);
    }

    public Classification headline() {
        return Classification.headline(classifications);
    }
}
