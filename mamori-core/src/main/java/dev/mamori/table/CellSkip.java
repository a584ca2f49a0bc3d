package dev.mamori.table;

/**
 * Lets a reader of a UTF-8 CSV block leave a cell undecoded when its reader has no use for the text: the cell is then
 * delivered as {@link #SKIPPED} (a cell that is not blank), with no {@code String} made from its bytes. Asked on the
 * cell's bytes before anything is decoded; must be exact for the reader (see {@code Detector.cellSkip}).
 */
@FunctionalInterface
public interface CellSkip {

    /** What a skipped cell is delivered as; compare by identity. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    String SKIPPED = new String("\u0000");

    /** True when the UTF-8 bytes {@code b[from, to)} of one cell (quotes already removed) need not be decoded. */
    boolean skip(byte[] b, int from, int to);
}
