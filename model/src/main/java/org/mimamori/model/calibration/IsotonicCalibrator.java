package org.mimamori.model.calibration;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

import org.mimamori.model.schema.InvalidValueException;
import org.mimamori.model.schema.LocalizedText;

/**
 * Isotonic calibration: the non-decreasing function of the logit closest to the labels in squared error,
 * found by pool-adjacent-violators (PAV), then read by linear interpolation between block centres.
 *
 * <p>Fitting sorts the cases by logit; cases with the same logit are one point (weight = their number,
 * value = their share of positives), so ties never depend on row order. PAV merges neighbouring blocks
 * while a block's share of positives exceeds the next one's. Each block becomes a knot at its centre (the
 * mean logit of its cases) with its share of positives, clipped to [ε, 1 − ε] so that no case is ever
 * shown as certain. Below the first knot and above the last the value is held constant.
 *
 * @param logits        the knots' logits, strictly increasing
 * @param probabilities the knots' probabilities, non-decreasing, in [ε, 1 − ε]
 * @param epsilon       the clipping margin ε, in (0, 0.5)
 */
public record IsotonicCalibrator(double[] logits, double[] probabilities, double epsilon) implements Calibrator {

    /** The JSON kind. */
    public static final String KIND = "isotonic";
    /** The default clipping margin: no calibrated probability is below 0.1% or above 99.9%. */
    public static final double DEFAULT_EPSILON = 1e-3;

    /** Checks and copies the knots. */
    public IsotonicCalibrator {
        if (!(epsilon > 0 && epsilon < 0.5)) {
            throw new InvalidValueException(new LocalizedText("epsilon（" + epsilon + "）は 0 より大きく 0.5 未満でなければなりません",
                    "epsilon " + epsilon + " is not in (0, 0.5)"));
        }
        if (logits == null || probabilities == null || logits.length == 0 || logits.length != probabilities.length) {
            throw new InvalidValueException(new LocalizedText("isotonic 較正のしきい値には、確率と同じ数のロジットが 1 つ以上必要です",
                    "isotonic knots need as many logits as probabilities, at least one"));
        }
        logits = logits.clone();
        probabilities = probabilities.clone();
        for (int k = 0; k < logits.length; k++) {
            if (!Double.isFinite(logits[k]) || (k > 0 && !(logits[k] > logits[k - 1]))) {
                throw new InvalidValueException(new LocalizedText("isotonic 較正のしきい値のロジットは有限で、厳密に増えなければなりません（" + k + " 番目）",
                        "knot logits must be finite and strictly increasing, at knot " + k));
            }
            if (!(probabilities[k] >= epsilon && probabilities[k] <= 1 - epsilon)
                    || (k > 0 && probabilities[k] < probabilities[k - 1])) {
                throw new InvalidValueException(new LocalizedText("isotonic 較正の確率は epsilon 以上 1 - epsilon 以下で、減ってはなりません（" + k + " 番目）",
                        "knot probabilities must be non-decreasing within [epsilon, 1 - epsilon], at knot " + k));
            }
        }
    }

    /** Fits with the default clipping margin {@value #DEFAULT_EPSILON}. */
    public static IsotonicCalibrator fit(double[] logits, boolean[] labels) {
        return fit(logits, labels, DEFAULT_EPSILON);
    }

    /**
     * Fits with the given clipping margin.
     *
     * @throws IllegalArgumentException when the arrays do not pair up, are empty or hold a non-finite logit
     */
    public static IsotonicCalibrator fit(double[] logits, boolean[] labels, double epsilon) {
        FitData.check(logits, labels);
        int[] order = IntStream.range(0, logits.length).boxed()
                .sorted(Comparator.comparingDouble(i -> logits[i])).mapToInt(Integer::intValue).toArray();
        // A stack of blocks: case count, positives, sum of logits, and the block's lowest and highest logit.
        int n = logits.length;
        double[] weight = new double[n];
        double[] positives = new double[n];
        double[] logitSum = new double[n];
        double[] lowest = new double[n];
        double[] highest = new double[n];
        int top = -1;
        int i = 0;
        while (i < n) {
            double x = logits[order[i]];
            int count = 0;
            int pos = 0;
            while (i < n && logits[order[i]] == x) {
                count++;
                pos += labels[order[i]] ? 1 : 0;
                i++;
            }
            top++;
            weight[top] = count;
            positives[top] = pos;
            logitSum[top] = x * count;
            lowest[top] = x;
            highest[top] = x;
            // Merge while the previous block's rate exceeds this one's (compared without division).
            while (top > 0 && positives[top - 1] * weight[top] > positives[top] * weight[top - 1]) {
                weight[top - 1] += weight[top];
                positives[top - 1] += positives[top];
                logitSum[top - 1] += logitSum[top];
                highest[top - 1] = highest[top];
                top--;
            }
        }
        double[] knotLogits = new double[top + 1];
        double[] knotProbabilities = new double[top + 1];
        for (int k = 0; k <= top; k++) {
            // The clamp keeps rounding from pushing a centre outside its block, so centres stay increasing.
            knotLogits[k] = Math.max(lowest[k], Math.min(highest[k], logitSum[k] / weight[k]));
            knotProbabilities[k] = Math.max(epsilon, Math.min(1 - epsilon, positives[k] / weight[k]));
        }
        return new IsotonicCalibrator(knotLogits, knotProbabilities, epsilon);
    }

    @Override
    public double probability(double logit) {
        FitData.checkLogit(logit);
        int last = logits.length - 1;
        if (logit <= logits[0]) {
            return probabilities[0];
        }
        if (logit >= logits[last]) {
            return probabilities[last];
        }
        int found = Arrays.binarySearch(logits, logit);
        if (found >= 0) {
            return probabilities[found];
        }
        int right = -found - 1;
        int left = right - 1;
        double fraction = (logit - logits[left]) / (logits[right] - logits[left]);
        return probabilities[left] + fraction * (probabilities[right] - probabilities[left]);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public double[] logits() {
        return logits.clone();
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IsotonicCalibrator other && Arrays.equals(logits, other.logits)
                && Arrays.equals(probabilities, other.probabilities)
                && Double.compare(epsilon, other.epsilon) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(logits) + Arrays.hashCode(probabilities)) + Double.hashCode(epsilon);
    }

    @Override
    public String toString() {
        return "IsotonicCalibrator[" + logits.length + " knots, logits=" + Arrays.toString(logits)
                + ", probabilities=" + Arrays.toString(probabilities) + ", epsilon=" + epsilon + "]";
    }
}
