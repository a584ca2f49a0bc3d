package dev.mamori.assess;

import java.util.List;
import java.util.stream.Collectors;

/** A questionnaire or answers file that cannot be used, with every problem found in it. */
public final class AssessException extends IllegalArgumentException {

    private final List<Problem> problems;

    public AssessException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
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
}
