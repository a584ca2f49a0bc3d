package dev.mamori.server.web;

import java.util.List;

/** Input that breaks rules: each problem names the field (as JSON and the form name it) and says why, in the request's language. */
public class InvalidInputException extends RuntimeException {

    public record FieldProblem(String field, String message) {
    }

    private final transient List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.size() + " invalid field(s): " + problems.stream().map(FieldProblem::field).toList());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
