/**
 * Encoding cases into model features: the {@link org.mimamori.model.encoding.CaseEncoder} (quantile-binned
 * scorecard or raw values, with explicit unknown and not-applicable features that map back to their items)
 * and its bridge to Tribuo datasets.
 */
package org.mimamori.model.encoding;
