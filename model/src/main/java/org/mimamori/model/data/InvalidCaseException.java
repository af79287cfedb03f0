package org.mimamori.model.data;

import java.util.List;
import java.util.stream.Collectors;

/** Input that cannot become a case; carries every problem found, each naming its field. */
public final class InvalidCaseException extends RuntimeException {

    private final transient List<CaseProblem> problems;

    /** Creates the exception from a non-empty list of problems. */
    public InvalidCaseException(List<CaseProblem> problems) {
        super(problems.stream().limit(20).map(CaseProblem::toString).collect(Collectors.joining("; "))
                + (problems.size() > 20 ? "; and " + (problems.size() - 20) + " more" : ""));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found. */
    public List<CaseProblem> problems() {
        return problems;
    }
}
