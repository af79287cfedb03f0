package org.mimamori.model.drift;

/**
 * What drift monitoring keeps of one scored case, per input item in encoder order: the position of its active
 * state among the item's states (see {@link org.mimamori.model.encoding.CaseEncoder#featureRange}) and whether a
 * recorded number lay outside the training range. Nothing else of the case.
 *
 * @param states  per input item, the state position
 * @param outside per input item, whether its recorded value was outside the training range
 */
public record Observation(int[] states, boolean[] outside) {
}
