package org.mimamori.model.calibration;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Maps a model's logit to a calibrated probability. Every calibrator is monotone non-decreasing, so it
 * never changes the order of cases (and so never changes the AUC), only what the numbers mean.
 *
 * <p>Written as JSON with its {@link #kind()} as the {@code "kind"} property; see {@link CalibratorJson}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PlattCalibrator.class, name = PlattCalibrator.KIND),
    @JsonSubTypes.Type(value = IsotonicCalibrator.class, name = IsotonicCalibrator.KIND)
})
public sealed interface Calibrator permits PlattCalibrator, IsotonicCalibrator {

    /**
     * The calibrated probability for a logit; non-decreasing in the logit.
     *
     * @throws IllegalArgumentException when the logit is NaN
     */
    double probability(double logit);

    /** The kind of calibrator, as written in JSON: {@code platt} or {@code isotonic}. */
    String kind();
}
