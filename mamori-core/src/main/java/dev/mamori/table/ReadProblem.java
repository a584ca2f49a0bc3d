package dev.mamori.table;

/**
 * A problem in the input that does not stop the read: undecodable bytes, an oversize field, a
 * malformed JSON line, an empty file, an unreadable file met while walking a directory.
 *
 * @param file       the file as the user named it ({@code "-"} for standard input)
 * @param byteOffset absolute offset in the file of the offending bytes, or -1 when unknown
 * @param line       1-based line (or spreadsheet row) of the problem, or 0 when unknown
 * @param message    for people: names what was wrong and where, and starts with the file name
 */
public record ReadProblem(String file, long byteOffset, long line, String message) {

    @Override
    public String toString() {
        return message;
    }
}
