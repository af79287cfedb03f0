/**
 * The training pipeline: a stratified holdout, the scorecard encoding, regularisation chosen by
 * cross-validation, calibration on out-of-fold logits, bootstrap refits, the comparison models, the holdout
 * evaluation and fairness audit, and the assembly of a {@link org.mimamori.model.bundle.ModelBundle}.
 * Also the {@link org.mimamori.training.pipeline.DemoModel} a fresh service installation trains.
 */
package org.mimamori.training.pipeline;
