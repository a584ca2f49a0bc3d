package dev.mamori.mail;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.mamori.report.CsvCells;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * One row of a CSV report the spam side writes (the country table, the partner export): quoted by
 * FastCSV where needed, CRLF-terminated, and every cell, header row included, made safe to open in a
 * spreadsheet ({@link CsvCells#neutralize}: a HELO or Subject starting with {@code =}, {@code +},
 * {@code -} or {@code @} is not run as a formula; numbers stay numbers).
 */
final class ReportCsv {

    private ReportCsv() {
    }

    static String line(List<String> cells) {
        StringWriter out = new StringWriter(128);
        try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out)) {
            csv.writeRecord(cells.stream().map(c -> CsvCells.neutralize(c == null ? "" : c)).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }
}
