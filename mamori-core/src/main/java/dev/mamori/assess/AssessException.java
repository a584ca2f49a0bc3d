package dev.mamori.assess;

import dev.mamori.report.Message;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A questionnaire or answers file that cannot be used, with every problem found in it, in Japanese and
 * English ({@link #getMessage()} is the English). {@link #lang()} is the language the answers file says it
 * was written in ({@code meta.lang}), or null.
 */
public final class AssessException extends IllegalArgumentException implements Message.Localized {

    private static final long serialVersionUID = 1L;

    private final List<Problem> problems;
    private final String lang;

    public AssessException(List<Problem> problems) {
        this(problems, null);
    }

    AssessException(List<Problem> problems, String lang) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
        this.lang = lang;
    }

    AssessException(Problem problem) {
        this(List.of(problem));
    }

    /** What the YAML reader refused, as the one problem of a file. */
    AssessException(dev.mamori.yaml.YamlException e) {
        this(Problem.of(e, null));
    }

    public List<Problem> problems() {
        return problems;
    }

    /** How many problems are required questions left unanswered. */
    public long unanswered() {
        return problems.stream().filter(Problem::unanswered).count();
    }

    /** "ja" or "en" as the answers file's {@code meta.lang} says, or null when it does not say (or is not an answers file). */
    public String lang() {
        return lang;
    }

    /** Every problem, one a line, in {@code lang}. */
    @Override
    public String message(String lang) {
        return problems.stream().map(p -> p.in(lang)).collect(Collectors.joining("\n"));
    }
}
