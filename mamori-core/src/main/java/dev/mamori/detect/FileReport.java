package dev.mamori.detect;

import dev.mamori.table.ReadSummary;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The result of scanning one file.
 *
 * @param file            the file as named by the user
 * @param read            what was read: format, encoding, delimiter, bytes, records
 * @param counts          findings per type
 * @param tables          per table (empty for text)
 * @param classifications what the file holds
 * @param problems        how many problems were reported while reading
 * @param unread          how many of them say that part of the file was not read
 *                        ({@link dev.mamori.table.ReadProblem#unread()}): when not 0, the file may hold
 *                        more than was found
 * @param elapsedNanos    time spent on this file
 */
public record FileReport(String file, ReadSummary read, Map<PiiType, Long> counts, List<TableReport> tables,
                         Set<Classification> classifications, long problems, long unread, long elapsedNanos) {

    public FileReport {
        counts = Map.copyOf(counts);
        tables = List.copyOf(tables);
        classifications = Set.copyOf(classifications);
    }

    public Classification headline() {
        return Classification.headline(classifications);
    }

    public long findings() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
