package org.mimamori.model.bundle;

/**
 * One thing wrong with a bundle, in plain words: which entry and what is wrong with it, e.g.
 * {@code scorecard.json: the weight of absence_days_term 10–19 is not a finite number}.
 *
 * @param entry   the entry's name, or {@value #FILE} for the zip file as a whole
 * @param message what is wrong, for people
 */
public record BundleProblem(String entry, String message) {

    /** The entry name used for problems of the zip file as a whole. */
    public static final String FILE = "(file)";

    /** A problem of the zip file as a whole. */
    static BundleProblem ofFile(String message) {
        return new BundleProblem(FILE, message);
    }

    /** {@code entry: message}, or {@code the file message} for the file as a whole. */
    @Override
    public String toString() {
        return FILE.equals(entry) ? "the file " + message : entry + ": " + message;
    }
}
