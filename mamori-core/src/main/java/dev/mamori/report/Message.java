package dev.mamori.report;

import java.util.Objects;

/**
 * A text for people in Japanese and English, so that the library can say what is wrong and the front
 * door (command line, server) shows it in the user's language, one language per line. {@link #toString()}
 * is the English.
 */
public record Message(String ja, String en) {

    public Message {
        Objects.requireNonNull(ja, "ja");
        Objects.requireNonNull(en, "en");
    }

    /** What an exception says, in both languages when it is {@link Localized}, else its message twice. */
    public static Message of(Throwable e) {
        if (e instanceof Localized l) {
            return new Message(l.message("ja"), l.message("en"));
        }
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return new Message(m, m);
    }

    /** This text with {@code ja} and {@code en} added after it. */
    public Message plus(String ja, String en) {
        return new Message(this.ja + ja, this.en + en);
    }

    /** {@code ja} and {@code en} followed by this text. */
    public Message after(String ja, String en) {
        return new Message(ja + this.ja, en + this.en);
    }

    /** The text in {@code lang} ("ja" or "en"). */
    public String in(String lang) {
        return "ja".equals(lang) ? ja : en;
    }

    @Override
    public String toString() {
        return en;
    }

    /** A problem the user can fix, in both languages: thrown by the library, shown by the front door in one. */
    public static final class Problem extends IllegalArgumentException implements Localized {
        private static final long serialVersionUID = 1L;

        private final Message message;

        public Problem(String ja, String en) {
            this(new Message(ja, en));
        }

        public Problem(Message message) {
            super(message.en(), null);
            this.message = message;
        }

        @Override
        public String message(String lang) {
            return message.in(lang);
        }
    }

    /** An exception whose message exists in Japanese and English. */
    public interface Localized {
        /** The message in {@code lang} ("ja" or "en"). */
        String message(String lang);
    }
}
