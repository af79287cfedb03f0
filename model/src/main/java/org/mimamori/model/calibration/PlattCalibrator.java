package org.mimamori.model.calibration;

import org.mimamori.model.schema.InvalidValueException;
import org.mimamori.model.schema.LocalizedText;

/**
 * Platt scaling: p = sigmoid(a · logit + b), fitted by 1-D logistic regression of the labels on the logits.
 *
 * <p>Following Platt (1999) and Lin, Lin &amp; Weng (2007), the 0/1 labels are replaced by the targets
 * (N₊ + 1) / (N₊ + 2) and 1 / (N₋ + 2), which keeps the optimum finite even on perfectly separated data,
 * and the log-loss is minimised by Newton's method with a backtracking line search. The slope is
 * constrained to {@code a >= 0} so that calibration never reverses the order of cases: when the
 * unconstrained fit slopes down, the result is the constant a = 0, b = logit(mean target).
 *
 * @param a the slope, at least 0
 * @param b the intercept
 */
public record PlattCalibrator(double a, double b) implements Calibrator {

    /** The JSON kind. */
    public static final String KIND = "platt";

    private static final int MAX_ITERATIONS = 100;
    private static final double MIN_STEP = 1e-10;
    private static final double RIDGE = 1e-12;

    /** Checks that the parameters are finite and the slope is not negative. */
    public PlattCalibrator {
        if (!(a >= 0 && Double.isFinite(a) && Double.isFinite(b))) {
            throw new InvalidValueException(new LocalizedText("Platt のパラメーターは有限で a ≥ 0 でなければなりません（a=" + a + "、b=" + b + "）",
                    "Platt parameters must be finite with a >= 0, not a=" + a + ", b=" + b));
        }
    }

    /**
     * Fits the calibrator.
     *
     * @throws IllegalArgumentException when the arrays do not pair up, are empty or hold a non-finite logit
     */
    public static PlattCalibrator fit(double[] logits, boolean[] labels) {
        FitData.check(logits, labels);
        int positives = 0;
        for (boolean l : labels) {
            positives += l ? 1 : 0;
        }
        int negatives = labels.length - positives;
        double hiTarget = (positives + 1.0) / (positives + 2.0);
        double loTarget = 1.0 / (negatives + 2.0);
        double[] t = new double[labels.length];
        double targetSum = 0;
        for (int i = 0; i < t.length; i++) {
            t[i] = labels[i] ? hiTarget : loTarget;
            targetSum += t[i];
        }
        PlattCalibrator flat = new PlattCalibrator(0, Math.log(targetSum / (t.length - targetSum)));
        if (allEqual(logits)) {
            return flat; // no slope can be estimated from a single logit value
        }
        double a = 0;
        double b = Math.log((positives + 1.0) / (negatives + 1.0));
        double loss = loss(logits, t, a, b);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double ga = 0;
            double gb = 0;
            double haa = RIDGE;
            double hab = 0;
            double hbb = RIDGE;
            for (int i = 0; i < logits.length; i++) {
                double p = sigmoid(a * logits[i] + b);
                double w = p * (1 - p);
                double r = p - t[i];
                ga += r * logits[i];
                gb += r;
                haa += w * logits[i] * logits[i];
                hab += w * logits[i];
                hbb += w;
            }
            if (Math.abs(ga) < 1e-12 * logits.length && Math.abs(gb) < 1e-12 * logits.length) {
                break;
            }
            double det = haa * hbb - hab * hab;
            double da = -(hbb * ga - hab * gb) / det;
            double db = -(haa * gb - hab * ga) / det;
            double slope = ga * da + gb * db;
            double step = 1;
            while (step >= MIN_STEP) {
                double next = loss(logits, t, a + step * da, b + step * db);
                if (next <= loss + 1e-4 * step * slope) {
                    a += step * da;
                    b += step * db;
                    loss = next;
                    break;
                }
                step /= 2;
            }
            if (step < MIN_STEP) {
                break; // no further decrease is possible in floating point: we are at the optimum
            }
        }
        // The loss is convex, so if the free optimum slopes down, the best slope >= 0 is 0.
        return a < 0 ? flat : new PlattCalibrator(a, b);
    }

    @Override
    public double probability(double logit) {
        FitData.checkLogit(logit);
        return sigmoid(a * logit + b);
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** The logistic function, without overflow for large |z|. */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /** Cross-entropy against the targets: Σ softplus(z) − t · z, computed stably. */
    private static double loss(double[] logits, double[] t, double a, double b) {
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            double z = a * logits[i] + b;
            double softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
            sum += softplus - t[i] * z;
        }
        return sum;
    }

    private static boolean allEqual(double[] values) {
        for (double v : values) {
            if (v != values[0]) {
                return false;
            }
        }
        return true;
    }
}
