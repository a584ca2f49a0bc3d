package dev.mamori.table;

/** The input formats {@link DocumentReader} reads. TSV and other delimited text are {@link #CSV}. */
public enum Format {
    /** Plain text, delivered line by line through {@link DocumentVisitor#text}. */
    TEXT,
    /** Delimited text (comma, tab, semicolon or pipe), delivered as one table. */
    CSV,
    /** Office Open XML spreadsheet, delivered as one table per sheet. */
    XLSX,
    /** One JSON object per line, generic (flattened into a table) or labeled ({@code doc_id}, {@code text}). */
    JSONL
}
