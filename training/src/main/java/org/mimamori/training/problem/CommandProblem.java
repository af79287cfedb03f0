package org.mimamori.training.problem;

/**
 * A problem a command found itself, with the {@link ExitCode} it stands for; printed without a stack trace.
 */
public final class CommandProblem extends RuntimeException {

    private final int exitCode;

    /** A problem of the given kind. */
    public CommandProblem(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** The problem's exit code. */
    public int exitCode() {
        return exitCode;
    }
}
