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
    JSONL,
    /** Word document (Office Open XML), its text delivered as lines like {@link #TEXT} (see {@link DocumentText}). */
    DOCX,
    /** PowerPoint presentation (Office Open XML): slides, notes and comments, as lines. */
    PPTX,
    /** PDF: the text layer of each page, as lines. */
    PDF,
    /** E-mail (RFC 5322 with MIME: .eml, Maildir and MH files): headers decoded, text parts and attachments, as lines. */
    EML,
    /** HTML page: its text, a line per block, a table row's cells separated by tabs. */
    HTML;

    /** A document whose text is pulled out and delivered as lines ({@link DocumentVisitor#text}). */
    public boolean isDocument() {
        return this == DOCX || this == PPTX || this == PDF || this == EML || this == HTML;
    }
}
