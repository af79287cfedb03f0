package org.mimamori.model.bundle;

import java.util.List;
import java.util.stream.Collectors;

import org.mimamori.model.schema.LocalizedText;

/**
 * A file that is not a readable, consistent model bundle; carries every problem found, in plain words and in
 * both languages. The exception's message is the English, for logs.
 */
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
    public InvalidBundleException(LocalizedText text) {
        this(List.of(BundleProblem.ofFile(text)));
    }

    /** Creates the exception with one problem of the file as a whole, in Japanese and English. */
    public InvalidBundleException(String ja, String en) {
        this(new LocalizedText(ja, en));
    }

    /** Creates the exception with one problem of the file as a whole and its cause (kept for logs only). */
    public InvalidBundleException(String ja, String en, Throwable cause) {
        this(new LocalizedText(ja, en));
        initCause(cause);
    }

    /** Every problem found. */
    public List<BundleProblem> problems() {
        return problems;
    }
}
