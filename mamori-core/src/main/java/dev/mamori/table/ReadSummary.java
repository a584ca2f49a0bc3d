package dev.mamori.table;

import java.nio.charset.Charset;

/**
 * What a read found out about its input.
 *
 * @param format    the format the input was read as
 * @param charset   the character encoding used to decode it; null for XLSX (XML inside a zip)
 * @param delimiter the field delimiter for CSV/TSV; {@code '\0'} for other formats
 * @param bytes     bytes read (the file size for XLSX)
 * @param records   lines for TEXT, data rows for CSV and XLSX (all sheets), JSON lines for JSONL
 */
public record ReadSummary(Format format, Charset charset, char delimiter, long bytes, long records) {
}
