package dev.mamori.mail;

import java.nio.file.Path;

/**
 * A registry file (RIR delegated statistics, MaxMind DB) or the local registry store that cannot be
 * used, worded for the person who has to fix it: which file, which line when there is one, and what
 * is wrong with it. The message starts with {@code file:line: } or {@code file: }.
 */
public class RegistryException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;

    public RegistryException(String message) {
        super(message);
        this.file = null;
        this.line = 0;
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
        this.file = null;
        this.line = 0;
    }

    /** A problem on one line of {@code file} (lines count from 1). */
    public RegistryException(Path file, long line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = String.valueOf(file);
        this.line = line;
    }

    /** A problem with {@code file} as a whole. */
    public RegistryException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = String.valueOf(file);
        this.line = 0;
    }

    /** The file named in the message, as it was given, or null. */
    public String file() {
        return file;
    }

    /** The line number in {@link #file()}, or 0 when the problem is not on one line. */
    public long line() {
        return line;
    }
}
