/**
 * Calibration: turning a model's raw score (a logit) into a probability that means what it says, so that
 * "30%" matches the share of similar past cases in which a need for support was confirmed.
 * {@link org.mimamori.model.calibration.PlattCalibrator} fits a logistic curve,
 * {@link org.mimamori.model.calibration.IsotonicCalibrator} a monotone step-and-line function; both are
 * stored with the model as JSON by {@link org.mimamori.model.calibration.CalibratorJson}.
 */
package org.mimamori.model.calibration;
