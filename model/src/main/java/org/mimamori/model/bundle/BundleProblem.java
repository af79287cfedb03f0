package org.mimamori.model.bundle;

import java.util.Objects;

import org.mimamori.model.schema.LocalizedText;

/**
 * One thing wrong with a bundle, in plain words: which entry and what is wrong with it, e.g.
 * {@code scorecard.json: the weight of absence_days_term 10–19 is not a finite number}.
 *
 * @param entry the entry's name, or {@value #FILE} for the zip file as a whole
 * @param text  what is wrong, for people, in both languages (without the entry's name)
 */
public record BundleProblem(String entry, LocalizedText text) {

    /** The entry name used for problems of the zip file as a whole. */
    public static final String FILE = "(file)";

    /** Checks the parts. */
    public BundleProblem {
        Objects.requireNonNull(entry);
        Objects.requireNonNull(text);
    }

    /** A problem of the zip file as a whole. */
    static BundleProblem ofFile(LocalizedText text) {
        return new BundleProblem(FILE, text);
    }

    /** What is wrong, in English (logs, the command line). */
    public String message() {
        return text.en();
    }

    /**
     * The problem with its entry, in both languages: {@code scorecard.json：…} / {@code scorecard.json: …}; a
     * problem of the whole file reads on its own in Japanese and as {@code the file …} in English.
     */
    public LocalizedText withEntry() {
        return FILE.equals(entry) ? new LocalizedText(text.ja(), "the file " + text.en())
                : new LocalizedText(entry + "：" + text.ja(), entry + ": " + text.en());
    }

    /** {@code entry: message}, or {@code the file message} for the file as a whole. */
    @Override
    public String toString() {
        return withEntry().en();
    }
}
