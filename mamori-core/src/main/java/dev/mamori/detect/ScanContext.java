package dev.mamori.detect;

import java.util.Set;

/**
 * What a recognizer may know about the text it scans besides the text itself.
 *
 * @param columnHints types that the table column's header suggests (empty for free text), from
 *                    {@link ColumnHints}; a recognizer may accept weaker evidence when its type is
 *                    among them (a bare date in a 生年月日 column is a DATE_OF_BIRTH)
 * @param enabled     the types the user asked for; a recognizer should not spend time on others
 */
public record ScanContext(Set<PiiType> columnHints, Set<PiiType> enabled) {

    public ScanContext {
        columnHints = Set.copyOf(columnHints);
        enabled = Set.copyOf(enabled);
    }

    /** Free text, every type enabled. */
    public static ScanContext freeText() {
        return new ScanContext(Set.of(), Set.of(PiiType.values()));
    }

    public boolean hinted(PiiType type) {
        return columnHints.contains(type);
    }

    public boolean wants(PiiType type) {
        return enabled.contains(type);
    }
}
