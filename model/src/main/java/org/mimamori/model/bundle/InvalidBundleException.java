package org.mimamori.model.bundle;

import java.util.List;
import java.util.stream.Collectors;

/** A file that is not a readable, consistent model bundle; carries every problem found, in plain words. */
public final class InvalidBundleException extends RuntimeException {

    private final transient List<BundleProblem> problems;

    /** Creates the exception from a non-empty list of problems. */
    public InvalidBundleException(List<BundleProblem> problems) {
        super(problems.stream().map(BundleProblem::toString).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid bundle has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Creates the exception with one problem of the file as a whole. */
    public InvalidBundleException(String message) {
        this(List.of(BundleProblem.ofFile(message)));
    }

    /** Creates the exception with one problem of the file as a whole and its cause (kept for logs only). */
    public InvalidBundleException(String message, Throwable cause) {
        this(List.of(BundleProblem.ofFile(message)));
        initCause(cause);
    }

    /** Every problem found. */
    public List<BundleProblem> problems() {
        return problems;
    }
}
