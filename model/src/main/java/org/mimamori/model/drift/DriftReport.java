package org.mimamori.model.drift;

import java.util.List;

import org.mimamori.model.schema.LocalizedText;

/**
 * The drift figures of one window against a model's training reference, and the warnings they raise.
 *
 * @param scores    how many scores the window holds
 * @param enough    whether it reaches the minimum window; below it no warning is raised
 * @param minWindow the minimum window
 * @param items     per input item, in encoder order
 * @param sources   per source department (the items' {@code source}), in order of first item
 * @param bands     per band, in the model's band order
 * @param warnings  the thresholds crossed, most severe first
 */
public record DriftReport(long scores, boolean enough, int minWindow, List<ItemDrift> items, List<SourceDrift> sources,
                          List<BandShare> bands, List<DriftWarning> warnings) {

    /** How severe a warning is: worth watching, or needing action. */
    public enum Level {
        WATCH, ACT
    }

    /** What a warning is about. */
    public enum Kind {
        /** An item's recorded values are distributed differently (PSI). */
        PSI,
        /** An item is unknown more often than in training. */
        UNKNOWN_ITEM,
        /** A department's items are unknown more often than in training (e.g. a broken link). */
        UNKNOWN_SOURCE,
        /** An item's recorded values lie outside the training range more often than chance. */
        OUTSIDE_RANGE
    }

    /**
     * One input item.
     *
     * @param item                 the item id
     * @param source               its department (the schema's source id)
     * @param sourceLabel          the department's name for people
     * @param label                its label
     * @param recorded             how many cases had it known: a value, or not applicable (a state of its own)
     * @param psi                  PSI of its value states (neither unknown nor not applicable) against training, or
     *                             null when no value was recorded or training never recorded one
     * @param unknownRate          share of the window's cases where it was unknown
     * @param referenceUnknownRate share of training cases where it was unknown
     * @param outsideRangeShare    share of recorded numbers outside the training range, or null for items that
     *                             are not numeric
     */
    public record ItemDrift(String item, String source, LocalizedText sourceLabel, LocalizedText label,
                            long recorded, Double psi, double unknownRate, double referenceUnknownRate,
                            Double outsideRangeShare) {
    }

    /**
     * One source department: the mean unknown rate of its items.
     *
     * @param source               the department (the schema's source id)
     * @param label                its name for people
     * @param items                its input items (those training ever recorded)
     * @param unknownRate          mean unknown rate of them in the window
     * @param referenceUnknownRate the same in training
     * @param z                    the one-sided z of the rise, (p − p₀)/√(p₀(1−p₀)/n)
     */
    public record SourceDrift(String source, LocalizedText label, List<String> items, double unknownRate,
                              double referenceUnknownRate, double z) {
    }

    /**
     * One band.
     *
     * @param band   the band id
     * @param scores scores in it
     * @param share  of the window's scores with an estimate
     */
    public record BandShare(String band, long scores, double share) {
    }

    /**
     * One threshold crossed.
     *
     * @param kind      what it is about
     * @param subject   the item id, or the department for {@link Kind#UNKNOWN_SOURCE}
     * @param level     watch or act
     * @param value     the observed figure (PSI, unknown rate, out-of-range share)
     * @param reference the training figure it is compared with (0 for PSI)
     * @param message   one sentence for people, with what to do
     */
    public record DriftWarning(Kind kind, String subject, Level level, double value, double reference,
                               LocalizedText message) {
    }

    /** The warnings of one kind. */
    public List<DriftWarning> warnings(Kind kind) {
        return warnings.stream().filter(w -> w.kind() == kind).toList();
    }
}
