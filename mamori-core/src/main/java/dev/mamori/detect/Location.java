package dev.mamori.detect;

/**
 * Where a finding is. Offsets of the finding itself ({@link Finding#start()}, {@link Finding#end()})
 * are String indices into the decoded line (text), cell (tables) or document (labelled input).
 *
 * @param file        the file as given on the command line, or "-" for standard input
 * @param line        1-based physical line (text, CSV, JSONL) or spreadsheet row (XLSX); 0 if none
 * @param row         1-based data row of a table, header excluded; 0 for text
 * @param sheet       the XLSX sheet, else null
 * @param column      the column's header text for tables, else null
 * @param columnIndex 0-based column index for tables, else -1
 * @param docId       the document id of labelled input, else null
 */
public record Location(String file, long line, long row, String sheet, String column, int columnIndex, String docId) {

    static Location text(String file, long line) {
        return new Location(file, line, 0, null, null, -1, null);
    }

    static Location cell(String file, long line, long row, String sheet, String column, int columnIndex) {
        return new Location(file, line, row, sheet, column, columnIndex, null);
    }

    static Location doc(String file, long line, String docId) {
        return new Location(file, line, 0, null, null, -1, docId);
    }

    /** True for a table cell. */
    public boolean inTable() {
        return columnIndex >= 0;
    }
}
