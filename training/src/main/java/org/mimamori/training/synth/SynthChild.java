package org.mimamori.training.synth;

import java.util.Map;

import org.mimamori.model.value.Value;

/**
 * One simulated child with the whole truth: circumstances, needs, assessment and every value the generator
 * produced (keyed by the default schema's item ids, before any value goes missing). Immutable.
 *
 * @param sequence        1-based number across the population and then the cohort
 * @param ref             pseudonymous child reference, e.g. {@code C0000001a3f}
 * @param household       the child's household
 * @param child           the child's own circumstances
 * @param needs           the true needs
 * @param assessment      what the assessment process did (also simulated for cohort children, whose label is
 *                        nevertheless not written)
 * @param values          generated values by item id, including the label and need-type records when labelled
 * @param labelled        true for the labelled population, false for the cohort
 * @param missingnessSeed the seed of the child's own missing-value stream
 */
public record SynthChild(int sequence, String ref, Household household, Child child, Needs needs,
                         Assessment assessment, Map<String, Value> values, boolean labelled, long missingnessSeed) {

    /** Copies the values. */
    public SynthChild {
        values = Map.copyOf(values);
    }

    /** A generated value, or unknown when the generator has none under this id. */
    public Value value(String itemId) {
        return values.getOrDefault(itemId, Value.UNKNOWN);
    }
}
