package dev.mamori.table;

import dev.mamori.report.Message;

/**
 * A problem in the input that does not stop the read of the other inputs. There are two kinds:
 *
 * <ul>
 *   <li><b>unread</b> ({@code unread == true}): part of the input was not read, so it was not scanned.
 *       A file skipped (binary, unreadable, a special file), a JSON line that is malformed or over a
 *       limit, a CSV record the CSV parser could not read (its lines are then scanned as plain text, not
 *       as table rows), a corrupt XLSX sheet (the rest of it). A scan that meets one cannot vouch that
 *       the input holds nothing; {@code mamori scan --fail-on} exits 2 on it unless told to allow it.</li>
 *   <li><b>warning</b> ({@code unread == false}): everything was read, but something is worth saying.
 *       Undecodable bytes are a warning: they are replaced by U+FFFD and the rest of the line is read
 *       and scanned (the text is damaged, not missing). So are an empty file, a broken symbolic link
 *       and a symbolic-link loop (nothing there to read).</li>
 * </ul>
 *
 * <p>The message never quotes the input's content, only positions (file, line, column, byte offset).
 *
 * @param file       the file as the user named it ({@code "-"} for standard input)
 * @param byteOffset absolute offset in the file of the offending bytes, or -1 when unknown
 * @param line       1-based line (or spreadsheet row) of the problem, or 0 when unknown
 * @param text       for people, in Japanese and English: names what was wrong and where, and starts with
 *                   the file name
 * @param unread     true when part of the input was not read (see above)
 */
public record ReadProblem(String file, long byteOffset, long line, Message text, boolean unread) {

    public ReadProblem {
        java.util.Objects.requireNonNull(text, "text");
    }

    /** A problem whose message is the same in both languages. */
    public ReadProblem(String file, long byteOffset, long line, String message, boolean unread) {
        this(file, byteOffset, line, new Message(message, message), unread);
    }

    /** A warning (everything was read) whose message is the same in both languages. */
    public ReadProblem(String file, long byteOffset, long line, String message) {
        this(file, byteOffset, line, message, false);
    }

    /** The message in English (for machine-readable reports); {@link #text()} has both languages. */
    public String message() {
        return text.en();
    }

    @Override
    public String toString() {
        return text.en();
    }
}
