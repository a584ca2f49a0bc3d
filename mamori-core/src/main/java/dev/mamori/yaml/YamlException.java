package dev.mamori.yaml;

import dev.mamori.report.Message;

/**
 * A YAML file that cannot be used, with where: file, line and column (1-based; 0 when unknown), what is
 * wrong, and a suggestion or null, each in Japanese and English ({@link Message.Localized}: the front door
 * shows it in the user's language; {@link #getMessage()} is the English). The message never quotes more
 * of the file than a key the reader did not expect.
 */
public final class YamlException extends IllegalArgumentException implements Message.Localized {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final Message problem;
    private final Message suggestion;

    /** A problem in Japanese and English; {@code suggestion} may be null. */
    public YamlException(String file, int line, int column, Message problem, Message suggestion) {
        super(format(file, line, column, problem.en(), suggestion == null ? null : suggestion.en(), "en"));
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
        this.suggestion = suggestion;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** What is wrong, without the place (English). */
    public String problem() {
        return problem.en();
    }

    /** The suggestion (English), or null. */
    public String suggestion() {
        return suggestion == null ? null : suggestion.en();
    }

    /** What is wrong, without the place, in both languages. */
    public Message problemMessage() {
        return problem;
    }

    /** The suggestion in both languages, or null. */
    public Message suggestionMessage() {
        return suggestion;
    }

    /** The whole line ({@code file:line:column: problem (suggestion)}) in {@code lang}. */
    @Override
    public String message(String lang) {
        return format(file, line, column, problem.in(lang), suggestion == null ? null : suggestion.in(lang), lang);
    }

    /**
     * {@code file:line:column: problem (suggestion)}, the suggestion in full-width brackets in Japanese; the
     * parts that are unknown (0, null) are left out.
     */
    public static String format(String file, int line, int column, String problem, String suggestion, String lang) {
        StringBuilder b = new StringBuilder(file == null ? "" : file);
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
        }
        b.append(": ").append(problem);
        if (suggestion != null && !suggestion.isEmpty()) {
            boolean ja = "ja".equals(lang);
            b.append(ja ? "（" : " (").append(suggestion).append(ja ? "）" : ")");
        }
        return b.toString();
    }
}
