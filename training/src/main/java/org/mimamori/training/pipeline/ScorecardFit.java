package org.mimamori.training.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.mimamori.model.calibration.Calibrator;
import org.mimamori.model.calibration.IsotonicCalibrator;
import org.mimamori.model.calibration.PlattCalibrator;
import org.mimamori.model.data.Case;
import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodedCase;
import org.mimamori.model.encoding.EncodedMatrix;
import org.mimamori.model.encoding.EncodingStyle;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.scoring.BootstrapEnsemble;
import org.mimamori.model.scoring.Scorecard;
import org.mimamori.model.scoring.TrainingReference;

/**
 * The production scorecard fitted on one set of rows: quantile bins, the regularisation chosen by grouped
 * cross-validation among {@code costs}, the calibration map fitted on the out-of-fold logits, the final fit, the
 * bootstrap ensemble (groups resampled) and the reference statistics. Used on the training split, and again on all
 * labelled rows with the chosen cost for {@code --refit-all}.
 *
 * @param encoder    the encoder learned on the rows
 * @param search     the regularisation search
 * @param calibrator the calibration map
 * @param fit        the final fit
 * @param scorecard  the centred scorecard
 * @param ensemble   the bootstrap refits
 * @param encoded    the rows, encoded
 * @param reference  the reference statistics of the rows
 */
record ScorecardFit(CaseEncoder encoder, RegularisationSearch search, Calibrator calibrator, LinearFit fit,
                    Scorecard scorecard, BootstrapEnsemble ensemble, List<EncodedCase> encoded,
                    TrainingReference reference) {

    static ScorecardFit run(FeatureSchema schema, List<Case> rows, Groups groups, double[] costs,
                            TrainingSettings settings, ExecutorService pool, Progress progress, String description)
            throws InterruptedException {
        return start(schema, rows, groups, costs, settings, pool, progress, description).finish();
    }

    /**
     * Encodes, runs the regularisation search and fits the calibration, then submits the final fit and the bootstrap
     * refits to the pool and returns at once, so that the caller can do other work (on its own thread) while they
     * run; {@link Pending#finish()} waits for them. What is computed does not depend on when or where it runs.
     */
    static Pending start(FeatureSchema schema, List<Case> rows, Groups groups, double[] costs,
                         TrainingSettings settings, ExecutorService pool, Progress progress, String description)
            throws InterruptedException {
        boolean[] y = TrainingPipeline.labels(rows);
        progress.step("encoding", 0, 1);
        CaseEncoder encoder = CaseEncoder.fit(schema, rows, EncodingStyle.SCORECARD, settings.bins());
        EncodedMatrix matrix = encoder.encodeAll(rows);
        List<EncodedCase> encoded = matrix.asList();
        TrainingData data = new TrainingData(encoder, matrix, y, description);
        progress.step("encoding", 1, 1);

        RegularisationSearch search = RegularisationSearch.run(encoder, data, encoded, y, groups, costs,
                settings.folds(), settings.seed(), pool, progress);
        Calibrator calibrator = settings.calibration().equals("isotonic")
                ? IsotonicCalibrator.fit(search.outOfFoldLogits(), y)
                : PlattCalibrator.fit(search.outOfFoldLogits(), y);

        Future<LinearFit> finalFit = pool.submit(() -> data.fit(data.all(), search.chosenCost()));
        List<Future<LinearFit>> members = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(settings.seed() + 1);
        for (int b = 0; b < settings.bootstrap(); b++) {
            var view = data.rows(Folds.resample(groups, random), "bootstrap " + b);
            members.add(pool.submit(() -> data.fit(view, search.chosenCost())));
        }
        return new Pending(encoder, search, calibrator, rows, encoded, finalFit, members, progress);
    }

    /** A scorecard whose final fit and bootstrap refits are running on the pool. */
    static final class Pending {

        private final CaseEncoder encoder;
        private final RegularisationSearch search;
        private final Calibrator calibrator;
        private final List<Case> rows;
        private final List<EncodedCase> encoded;
        private final Future<LinearFit> finalFit;
        private final List<Future<LinearFit>> members;
        private final Progress progress;
        private LinearFit fit;
        private Scorecard scorecard;
        private TrainingReference reference;
        private int reported;

        private Pending(CaseEncoder encoder, RegularisationSearch search, Calibrator calibrator, List<Case> rows,
                        List<EncodedCase> encoded, Future<LinearFit> finalFit, List<Future<LinearFit>> members,
                        Progress progress) {
            this.encoder = encoder;
            this.search = search;
            this.calibrator = calibrator;
            this.rows = rows;
            this.encoded = encoded;
            this.finalFit = finalFit;
            this.members = members;
            this.progress = progress;
        }

        RegularisationSearch search() {
            return search;
        }

        Calibrator calibrator() {
            return calibrator;
        }

        CaseEncoder encoder() {
            return encoder;
        }

        /** The centred scorecard of the final fit, waiting for that fit only (not for the bootstrap refits). */
        Scorecard scorecard() throws InterruptedException {
            if (scorecard == null) {
                fit = RegularisationSearch.get(finalFit);
                scorecard = Scorecard.centred(encoder, fit.weights(), fit.bias(), encoded);
            }
            return scorecard;
        }

        /** The reference statistics of the rows (computed on the calling thread, while the refits run). */
        TrainingReference reference() {
            if (reference == null) {
                reference = TrainingReference.of(encoder, rows, encoded);
            }
            return reference;
        }

        /**
         * Waits until at most {@code running} refits are left to finish, so that a pool of {@code running + 1}
         * threads has a core free for the caller (the pool runs the refits in order).
         */
        void awaitAllBut(int running) throws InterruptedException {
            scorecard();
            for (int b = 0; b < members.size() - running; b++) {
                member(b);
            }
        }

        private LinearFit member(int b) throws InterruptedException {
            LinearFit m = RegularisationSearch.get(members.get(b));
            if (b == reported) {
                progress.step("bootstrap", ++reported, members.size());
            }
            return m;
        }

        /** Waits for the final fit and the bootstrap refits. */
        ScorecardFit finish() throws InterruptedException {
            Scorecard card = scorecard();
            TrainingReference ref = reference();
            List<double[]> weights = new ArrayList<>();
            double[] biases = new double[members.size()];
            for (int b = 0; b < members.size(); b++) {
                LinearFit m = member(b);
                weights.add(m.weights());
                biases[b] = m.bias();
            }
            return new ScorecardFit(encoder, search, calibrator, fit, card, new BootstrapEnsemble(weights, biases),
                    encoded, ref);
        }
    }
}
