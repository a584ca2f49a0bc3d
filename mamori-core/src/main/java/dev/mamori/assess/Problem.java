package dev.mamori.assess;

import dev.mamori.report.Message;
import dev.mamori.yaml.YamlException;
import dev.mamori.yaml.YamlNode;

/**
 * One thing wrong with a questionnaire or answers file, with where it is: file, line and column
 * (1-based; 0 when unknown), the question id it concerns (or null), what is wrong and a suggestion (or
 * null), both in Japanese and English. {@code unanswered} marks a required question left unanswered (what
 * scoring with missing answers allowed would accept).
 */
public record Problem(String file, int line, int column, String questionId, Message text, Message advice, boolean unanswered) {

    public Problem {
        java.util.Objects.requireNonNull(text, "text");
    }

    /** A problem at a node of the file. */
    static Problem at(YamlNode where, String questionId, Message text, Message advice) {
        return new Problem(where.file(), where.line(), where.column(), questionId, text, advice, false);
    }

    /** A problem with no place in a file (two files that do not go together). */
    static Problem of(String file, Message text) {
        return new Problem(file, 0, 0, null, text, null, false);
    }

    /** What the YAML reader found wrong, about {@code questionId} (or null). */
    static Problem of(YamlException e, String questionId) {
        return new Problem(e.file(), e.line(), e.column(), questionId, e.problemMessage(), e.suggestionMessage(), false);
    }

    /** What is wrong, in English. */
    public String message() {
        return text.en();
    }

    /** The suggestion in English, or null. */
    public String suggestion() {
        return advice == null ? null : advice.en();
    }

    /** {@code file:line:column: 設問 ID: what (suggestion)} in {@code lang} ("ja" or "en"). */
    public String in(String lang) {
        String what = (questionId == null ? "" : "ja".equals(lang) ? "設問 " + questionId + ": " : "question " + questionId + ": ")
                + text.in(lang);
        return YamlException.format(file, line, column, what, advice == null ? null : advice.in(lang), lang);
    }

    @Override
    public String toString() {
        return in("en");
    }
}
