package dev.mamori.risk;

import dev.mamori.report.Message;

/**
 * A problem with the input of a risk analysis or a search, worded for the person who has to fix
 * it, in Japanese and English: what was wrong, where (file, column, row) and what to do.
 * {@link #getMessage()} is the English.
 */
public class RiskException extends RuntimeException implements Message.Localized {
    private static final long serialVersionUID = 1L;

    private final Message text;

    public RiskException(String ja, String en) {
        this(new Message(ja, en));
    }

    public RiskException(Message text) {
        super(text.en());
        this.text = text;
    }

    /** What is wrong, in both languages. */
    public Message text() {
        return text;
    }

    @Override
    public String message(String lang) {
        return text.in(lang);
    }
}
