package dev.mamori.table;

import java.io.IOException;

/**
 * The input cannot be read at all: the file is unreadable, or it is not the format it must be
 * (a truncated or corrupt XLSX, a binary file). The message is for people: it names the file and
 * what went wrong. Problems that do not stop the read go to {@link DocumentVisitor#problem} instead.
 */
public final class ReadException extends IOException {

    private static final long serialVersionUID = 1L;

    ReadException(String message) {
        super(message);
    }

    ReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
