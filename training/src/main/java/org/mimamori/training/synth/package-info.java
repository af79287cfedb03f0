/**
 * The synthetic municipality: a seeded simulation of children in households whose latent needs (poverty,
 * neglect, abuse, young carer, school refusal) cause the signals the departments record, and whose label comes
 * from a surveillance-biased assessment of that need. Because the truth is known, every later claim about a
 * model (discrimination, recovered drivers, fairness findings) can be tested against it. Real child data is
 * never used in development.
 *
 * <p>Entry points: {@link org.mimamori.training.synth.SyntheticMunicipality} simulates children,
 * {@link org.mimamori.training.synth.CaseRecorder} turns them into cases of any feature schema,
 * {@link org.mimamori.training.synth.PlantedEffects} measures what each model input reveals about the true
 * need, and {@link org.mimamori.training.synth.SynthWriter} writes the files. The causal story and every
 * parameter are documented in {@code docs/data.md}.
 */
package org.mimamori.training.synth;
