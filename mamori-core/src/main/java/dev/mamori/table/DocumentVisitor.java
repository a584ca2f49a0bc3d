package dev.mamori.table;

import java.util.List;

/**
 * Receives the decoded content of one input from {@link DocumentReader}, in input order. Which
 * methods are called depends on the format: TEXT calls {@link #text}; CSV, XLSX and generic JSONL
 * call {@link #table} then {@link #row}; labeled JSONL calls {@link #labeled}. Any format may call
 * {@link #problem}.
 */
public interface DocumentVisitor {

    /**
     * Plain text: a piece of line {@code line} (1-based). Empty lines are not delivered. A line longer
     * than 1,048,576 chars comes in chunks of at most that many chars; {@code offset} is the chunk's
     * start within the line. Successive chunks of one line overlap by {@code overlap} chars (256) so
     * that a match spanning a boundary is not lost: a finding inside the overlap is seen twice, so
     * keep one (the later chunk has more context after it). For ordinary lines and first chunks
     * offset = overlap = 0.
     */
    void text(long line, int offset, int overlap, String chunk);

    /**
     * A table starts: CSV/TSV once, XLSX once per sheet, generic JSONL whenever its set of keys grows
     * (the new header is the old one with the new keys appended). {@code sheet} is null for CSV and
     * JSONL. A table without a header row ({@link DocumentReader.Options#headerRow()} false, or a
     * first row that looks like data) has the header {@code 列1}, {@code 列2}, … as wide as its first
     * row, which is then delivered as data row 1.
     */
    void table(String sheet, List<String> header);

    /**
     * A data row. {@code row} is the 1-based data row number within the table (header excluded);
     * {@code line} is the 1-based physical line where the row starts (CSV), the spreadsheet row
     * number (XLSX) or the line (JSONL). Cells align with the last header; missing cells are null;
     * cells beyond the header are delivered anyway (they have no column name).
     */
    void row(long row, long line, List<String> cells);

    /** Labeled JSONL input: one {@code {"doc_id": "...", "text": "..."}} line; other fields ignored. */
    void labeled(long line, String docId, String text);

    /** A problem that did not stop the read; {@link ReadProblem#unread()} says whether something was left unread. */
    void problem(ReadProblem problem);

    /** How many bytes of a text input (TEXT, CSV, JSONL) have been read so far; every 64 KiB or so. */
    default void progress(long bytesRead) {
    }
}
