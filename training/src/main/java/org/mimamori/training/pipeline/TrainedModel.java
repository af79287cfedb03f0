package org.mimamori.training.pipeline;

import org.mimamori.model.calibration.Calibrator;
import org.mimamori.model.scoring.BootstrapEnsemble;
import org.mimamori.model.scoring.Scorecard;
import org.mimamori.model.scoring.TrainingReference;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * The parts a training run produced, before they are written as a bundle.
 *
 * @param scorecard   the production scorecard
 * @param tribuoModel the Tribuo model the scorecard's weights were read from
 * @param calibrator  the calibration map
 * @param ensemble    the bootstrap ensemble
 * @param reference   reference statistics of the training inputs
 * @param settings    the settings used
 * @param report      what the run found
 */
public record TrainedModel(Scorecard scorecard, Model<Label> tribuoModel, Calibrator calibrator,
                           BootstrapEnsemble ensemble, TrainingReference reference, TrainingSettings settings,
                           TrainingReport report) {
}
