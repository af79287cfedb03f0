package org.mimamori.training.pipeline;

/** Receives progress of long training steps, e.g. to draw a bar or log a line. */
@FunctionalInterface
public interface Progress {

    /** Says nothing. */
    Progress SILENT = (step, done, total) -> { };

    /**
     * Reports that {@code done} of {@code total} units of a step are finished.
     *
     * @param step  the step, e.g. {@code cross-validation}
     * @param done  units finished
     * @param total units in all
     */
    void step(String step, int done, int total);
}
