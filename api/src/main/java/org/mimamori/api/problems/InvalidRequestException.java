package org.mimamori.api.problems;

import java.util.List;

/** A request that cannot be served as sent (400); carries every bad field. */
public class InvalidRequestException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    /**
     * @param problems every bad field, at least one
     */
    public InvalidRequestException(List<FieldProblem> problems) {
        super(problems.size() + " invalid field(s): " + problems);
        this.problems = List.copyOf(problems);
    }

    /** Every bad field. */
    public List<FieldProblem> problems() {
        return problems;
    }
}
