package dev.mamori.table;

/**
 * Receives the rows of a CSV block as byte ranges of the block, undecoded (valid UTF-8, no escaped quote inside a
 * field): for a reader that decodes only the cells it needs ({@link Block#readBytes}).
 */
public interface ByteRows {

    /**
     * Data row {@code row}, starting at {@code line}: field k (0 ≤ k &lt; {@code count}) is
     * {@code bytes[starts[from + k], ends[from + k])}. The arrays belong to the block: read them during the call only.
     */
    void row(long row, long line, byte[] bytes, int[] starts, int[] ends, int from, int count);
}
