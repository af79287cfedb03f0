package org.mimamori.model.encoding;

/**
 * A case as sparse model features: the positions (in {@link CaseEncoder#features()}, ascending) and values of
 * the non-zero features. In the scorecard style every input item has exactly one active feature, of value 1,
 * at {@code indices[k]} for the k-th input item.
 *
 * @param indices feature positions, ascending
 * @param values  feature values
 */
public record EncodedCase(int[] indices, double[] values) {
}
