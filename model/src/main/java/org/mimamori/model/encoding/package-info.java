/**
 * Encoding cases into model features: the {@link org.mimamori.model.encoding.CaseEncoder} (quantile-binned
 * scorecard or raw values, with explicit unknown and not-applicable features that map back to their items),
 * its compact block of many encoded cases ({@link org.mimamori.model.encoding.EncodedMatrix}, shared by every fit
 * of a training run) and its bridge to Tribuo datasets.
 */
package org.mimamori.model.encoding;
