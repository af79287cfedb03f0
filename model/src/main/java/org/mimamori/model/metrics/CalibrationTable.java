package org.mimamori.model.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Observed against predicted per equal-mass (quantile) bin, and the expected calibration error (ECE).
 *
 * <p>Cases are sorted by predicted probability and cut into {@code bins} groups of as equal size as
 * possible (10 bins = deciles). Cases with the same probability are never split across bins, so a bin
 * may be larger than n / bins and there may be fewer bins than asked for; the result never depends on
 * row order. ECE = Σ_b (n_b / n) · |mean predicted_b − observed rate_b|.
 *
 * @param bins the non-empty bins, from the lowest probabilities up
 */
public record CalibrationTable(List<CalibrationBin> bins) {

    /** The default number of bins: deciles. */
    public static final int DEFAULT_BINS = 10;

    /** Copies the bins. */
    public CalibrationTable {
        bins = List.copyOf(bins);
    }

    /** The table with {@value #DEFAULT_BINS} equal-mass bins. */
    public static CalibrationTable of(double[] probabilities, boolean[] labels) {
        return of(probabilities, labels, DEFAULT_BINS);
    }

    /**
     * The table with up to {@code binCount} equal-mass bins.
     *
     * @throws IllegalArgumentException when binCount &lt; 1, the lengths differ or a score is not a
     *                                  probability in [0, 1]
     */
    public static CalibrationTable of(double[] probabilities, boolean[] labels, int binCount) {
        if (binCount < 1) {
            throw new IllegalArgumentException("at least one bin is needed, not " + binCount);
        }
        Inputs.checkProbabilities(probabilities, labels);
        DistinctScores d = DistinctScores.of(probabilities, labels);
        long total = probabilities.length;
        List<CalibrationBin> out = new ArrayList<>();
        long nextBoundary = 1;
        int n = 0;
        int positives = 0;
        double sum = 0;
        double min = 0;
        long cumulative = 0;
        for (int k = 0; k < d.size(); k++) {
            int count = d.positives[k] + d.negatives[k];
            if (n == 0) {
                min = d.values[k];
            }
            n += count;
            positives += d.positives[k];
            sum += d.values[k] * count;
            cumulative += count;
            // Close the bin once it reaches its nominal boundary (b · total / binCount cases so far).
            if (cumulative * binCount >= nextBoundary * total) {
                out.add(new CalibrationBin(n, positives, min, d.values[k], sum / n, (double) positives / n));
                while (nextBoundary <= binCount && cumulative * binCount >= nextBoundary * total) {
                    nextBoundary++;
                }
                n = 0;
                positives = 0;
                sum = 0;
            }
        }
        return new CalibrationTable(out);
    }

    /** The expected calibration error of this table; NaN when it has no cases. */
    public double expectedCalibrationError() {
        long total = 0;
        double weighted = 0;
        for (CalibrationBin b : bins) {
            total += b.n();
            weighted += b.n() * b.gap();
        }
        return total == 0 ? Double.NaN : weighted / total;
    }

    /** The expected calibration error with {@value #DEFAULT_BINS} equal-mass bins. */
    public static double ece(double[] probabilities, boolean[] labels) {
        return of(probabilities, labels).expectedCalibrationError();
    }
}
