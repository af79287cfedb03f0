package org.mimamori.model.bundle;

import org.mimamori.model.calibration.Calibrator;
import org.mimamori.model.metrics.ScoreBands;
import org.mimamori.model.scoring.BootstrapEnsemble;
import org.mimamori.model.scoring.Scorecard;
import org.mimamori.model.scoring.ScoringSettings;

/**
 * The parts of a bundle that turn an encoded case into numbers, as the probe cases are scored with them.
 *
 * @param scorecard  the scorecard (with its encoder and schema)
 * @param calibrator the calibration map
 * @param ensemble   the bootstrap ensemble
 * @param bands      the score bands
 * @param settings   the scoring settings
 */
record ScoringParts(Scorecard scorecard, Calibrator calibrator, BootstrapEnsemble ensemble, ScoreBands bands,
                    ScoringSettings settings) {
}
