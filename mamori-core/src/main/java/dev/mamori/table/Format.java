package dev.mamori.table;

/** The input formats {@link DocumentReader} reads. TSV and other delimited text are {@link #CSV}. */
public enum Format {
    /** Plain text, delivered line by line through {@link DocumentVisitor#text}. */
    TEXT,
    /** Delimited text (comma, tab, semicolon or pipe), delivered as one table. */
    CSV,
    /** Office Open XML spreadsheet, delivered as one table per sheet. */
    XLSX,
    /** Legacy Excel workbook (.xls, Excel 97–2003), delivered as one table per worksheet like {@link #XLSX}. */
    XLS,
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
    HTML,
    /** Legacy Word document (.doc, Word 97–2003): its text, tables as rows of tab-separated cells, as lines. */
    DOC,
    /** Legacy PowerPoint presentation (.ppt, PowerPoint 97–2003): slides, notes and comments, as lines. */
    PPT,
    /** Outlook message (.msg): sender, recipients and subject, the body and the attachments, as lines. */
    MSG,
    /** OpenDocument spreadsheet (.ods, and the flat .fods), delivered as one table per sheet like {@link #XLSX}. */
    ODS,
    /** OpenDocument text (.odt, and the flat .fodt): its text, tables as rows of tab-separated cells, as lines. */
    ODT,
    /** OpenDocument presentation (.odp, and the flat .fodp): slides, speaker notes and comments, as lines. */
    ODP,
    /** RTF document (WordPad's format, Word's rich text): its text, tables as rows of tab-separated cells, as lines. */
    RTF,
    /** A database read over JDBC ({@link Database}), delivered as one table per database table like {@link #XLSX}'s sheets. */
    DATABASE;

    /** A document whose text is pulled out and delivered as lines ({@link DocumentVisitor#text}). */
    public boolean isDocument() {
        return this == DOCX || this == PPTX || this == PDF || this == EML || this == HTML || this == DOC || this == PPT
                || this == MSG || this == ODT || this == ODP || this == RTF;
    }

    /** A spreadsheet, delivered as one table per sheet. */
    public boolean isWorkbook() {
        return this == XLSX || this == XLS || this == ODS;
    }
}
