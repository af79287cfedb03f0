package org.mimamori.model.schema;

import java.util.List;
import java.util.stream.Collectors;

/** A schema file that failed validation; carries every problem found, each with its location. */
public final class InvalidSchemaException extends RuntimeException {

    private final transient List<SchemaProblem> problems;

    /** Creates the exception from a non-empty list of problems. */
    public InvalidSchemaException(List<SchemaProblem> problems) {
        super(problems.size() + " problem(s) in the schema:\n  "
                + problems.stream().map(SchemaProblem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found. */
    public List<SchemaProblem> problems() {
        return problems;
    }
}
