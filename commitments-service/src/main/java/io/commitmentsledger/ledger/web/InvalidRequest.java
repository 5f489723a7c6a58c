package io.commitmentsledger.ledger.web;

import java.util.List;

/** A request whose fields are not all valid; lists every bad field. Answered with 400 and records nothing. */
public class InvalidRequest extends RuntimeException {

    /** One bad field: its JSON path, such as {@code parties[1].country}, and what is wrong with it. */
    public record FieldProblem(String field, String message) {}

    private final List<FieldProblem> problems;

    public InvalidRequest(List<FieldProblem> problems) {
        super(problems.size() + " invalid field(s): " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
