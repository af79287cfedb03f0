package org.mimamori.training.problem;

/**
 * The exit codes of every {@code mimamori-training} command (documented in the README and {@code docs/data.md}).
 * Scripts can tell a mistake in the command line from a problem in the schema, the data or the file system.
 */
public final class ExitCode {

    /** Done. */
    public static final int OK = 0;
    /** Something went wrong that is not one of the kinds below (a bug, or out of memory). */
    public static final int UNEXPECTED = 1;
    /** The command line is wrong: an unknown or missing option, or a value an option cannot take. */
    public static final int USAGE = 2;
    /** The schema file is not valid. */
    public static final int SCHEMA = 3;
    /** The data are not valid: a case file, a scores file or a bundle, or too few labelled cases to train. */
    public static final int DATA = 4;
    /** A file or database cannot be read or written. */
    public static final int IO = 5;
    /** {@code verify-audit} found records altered, removed or inserted. */
    public static final int TAMPERED = 6;

    private ExitCode() {
    }
}
