/**
 * Streaming input for the scanner: {@link dev.mamori.table.DocumentReader} reads plain text,
 * CSV/TSV, XLSX and JSONL in bounded memory and hands decoded content to a
 * {@link dev.mamori.table.DocumentVisitor}; {@link dev.mamori.table.FileWalker} lists the files of
 * a directory tree. Problems that do not stop a read (undecodable bytes, malformed lines, an empty
 * file) arrive as {@link dev.mamori.table.ReadProblem}s; an input that cannot be read at all raises a
 * {@link dev.mamori.table.ReadException}.
 *
 * <p>Limits that keep memory bounded: text lines are cut into chunks of 1,048,576 chars; a CSV field
 * may hold 4,194,304 chars (FastCSV's {@code fastcsv.max.field.size}, set here unless the user set
 * it) and a record 16,384 fields; a JSONL line 4,194,304 chars; an XLSX shared-strings part 256 MB
 * (POI keeps that table in memory; sheets themselves are streamed).
 */
package dev.mamori.table;
