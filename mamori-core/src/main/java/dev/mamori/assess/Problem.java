package dev.mamori.assess;

import dev.mamori.yaml.YamlException;
import dev.mamori.yaml.YamlNode;

/**
 * One thing wrong with a questionnaire or answers file, with where it is: file, line and column
 * (1-based; 0 when unknown), the question id it concerns (or null) and a suggestion (or null).
 */
public record Problem(String file, int line, int column, String questionId, String message, String suggestion) {

    /** A problem at a node of the file. */
    static Problem at(YamlNode where, String questionId, String message, String suggestion) {
        return new Problem(where.file(), where.line(), where.column(), questionId, message, suggestion);
    }

    /** What the YAML reader found wrong, about {@code questionId} (or null). */
    static Problem of(YamlException e, String questionId) {
        return new Problem(e.file(), e.line(), e.column(), questionId, e.problem(), e.suggestion());
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(file == null ? "" : file);
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
        }
        b.append(": ");
        if (questionId != null) {
            b.append("question ").append(questionId).append(": ");
        }
        b.append(message);
        if (suggestion != null) {
            b.append(" (").append(suggestion).append(')');
        }
        return b.toString();
    }
}
