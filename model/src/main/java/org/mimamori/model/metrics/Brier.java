package org.mimamori.model.metrics;

/**
 * The Brier score: the mean squared difference between the predicted probability and the outcome
 * (1 for a positive, 0 for a negative). Lower is better; 0 is perfect; always predicting the base rate p
 * scores p(1 − p).
 */
public final class Brier {

    private Brier() {
    }

    /**
     * The Brier score of probabilities.
     *
     * @return the score in [0, 1], or NaN for no cases
     * @throws IllegalArgumentException when the lengths differ or a score is not a probability in [0, 1]
     */
    public static double score(double[] probabilities, boolean[] labels) {
        Inputs.checkProbabilities(probabilities, labels);
        if (probabilities.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double error = probabilities[i] - (labels[i] ? 1 : 0);
            sum += error * error;
        }
        return sum / probabilities.length;
    }
}
