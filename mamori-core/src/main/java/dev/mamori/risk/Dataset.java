package dev.mamori.risk;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
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
                throw new RiskException("data row " + (i + 1) + " has " + rows.get(i).length
                        + " cells but the header names " + columns.size() + " columns");
            }
        }
    }

    /** Reads a UTF-8 CSV file whose first record is the header. */
    public static Dataset readCsv(Path file, char delimiter) {
        try (CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(delimiter).skipEmptyLines(true)
                .ofCsvRecord(file, StandardCharsets.UTF_8)) {
            List<String> header = null;
            List<String[]> rows = new ArrayList<>();
            for (CsvRecord r : csv) {
                if (header == null) {
                    header = r.getFields();
                } else {
                    rows.add(r.getFields().toArray(String[]::new));
                }
            }
            if (header == null) {
                throw new RiskException(file + " is empty: expected a header row naming the columns");
            }
            return new Dataset(header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The index of a column; an unknown name is refused with the list of columns that exist. */
    public int column(String name) {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new RiskException("no column '" + name + "'; the columns are " + columns);
        }
        return i;
    }
}
