package dev.mamori.table;

import dev.mamori.report.Message;
import java.io.IOException;

/**
 * The input cannot be read at all: the file is unreadable, or it is not the format it must be
 * (a truncated or corrupt XLSX, a binary file). The message is for people, in Japanese and English:
 * it names the file and what went wrong ({@link #getMessage()} is the English). Problems that do not
 * stop the read go to {@link DocumentVisitor#problem} instead.
 */
public final class ReadException extends IOException implements Message.Localized {

    private static final long serialVersionUID = 1L;

    private final Message text;

    ReadException(Message text) {
        this(text, null);
    }

    ReadException(Message text, Throwable cause) {
        super(text.en(), cause);
        this.text = text;
    }

    /** What went wrong, in both languages. */
    public Message text() {
        return text;
    }

    @Override
    public String message(String lang) {
        return text.in(lang);
    }
}
