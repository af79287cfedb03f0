package org.mimamori.model.scoring;

import java.util.List;

import org.mimamori.model.schema.InvalidValueException;
import org.mimamori.model.schema.LocalizedText;
import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodedCase;
import org.mimamori.model.encoding.EncodingStyle;

/**
 * A linear model over the scorecard encoding, held as one weight per encoder feature plus a bias. Because
 * exactly one feature per input item is active, the logit is a sum of one weight per item, and each item's
 * contribution is exact.
 *
 * <p><b>Baseline.</b> Contributions are measured against the training population: item k's contribution is
 * its active weight minus the mean of its active weight over the training cases, and the baseline is the bias
 * plus those means. So {@code baseline + Σ contributions = logit}, and a contribution of zero means "as for
 * the average training case". For a linear model these are the exact (interventional) SHAP values.
 *
 * <p>Immutable and thread-safe.
 */
public final class Scorecard {

    private final CaseEncoder encoder;
    private final double[] weights;
    private final double bias;
    private final double[] itemMeans;
    private final double baseline;

    /**
     * @param encoder   a fitted scorecard-style encoder
     * @param weights   one weight per encoder feature (features the model never saw weigh 0)
     * @param bias      the intercept
     * @param itemMeans per input item, the mean active weight over the training cases
     */
    public Scorecard(CaseEncoder encoder, double[] weights, double bias, double[] itemMeans) {
        if (encoder.style() != EncodingStyle.SCORECARD) {
            throw new InvalidValueException(new LocalizedText("スコアカードにはスコアカード用のエンコーダーが必要です",
                    "a scorecard needs the scorecard encoding"));
        }
        if (weights.length != encoder.features().size() || itemMeans.length != encoder.inputItems().size()) {
            throw new InvalidValueException(new LocalizedText("重みまたは項目の平均がエンコーダーと合いません",
                    "weights or item means do not match the encoder"));
        }
        this.encoder = encoder;
        this.weights = weights.clone();
        this.bias = bias;
        this.itemMeans = itemMeans.clone();
        double b = bias;
        for (double m : itemMeans) {
            b += m;
        }
        this.baseline = b;
    }

    /** A scorecard whose baseline is the mean over the given encoded training cases. */
    public static Scorecard centred(CaseEncoder encoder, double[] weights, double bias, List<EncodedCase> training) {
        int items = encoder.inputItems().size();
        double[] sums = new double[items];
        for (EncodedCase e : training) {
            int[] idx = e.indices();
            for (int k = 0; k < items; k++) {
                sums[k] += weights[idx[k]];
            }
        }
        for (int k = 0; k < items; k++) {
            sums[k] = training.isEmpty() ? 0 : sums[k] / training.size();
        }
        return new Scorecard(encoder, weights, bias, sums);
    }

    /** The encoder. */
    public CaseEncoder encoder() {
        return encoder;
    }

    /** The weight of a feature. */
    public double weight(int feature) {
        return weights[feature];
    }

    /** A copy of all weights, by encoder feature. */
    public double[] weights() {
        return weights.clone();
    }

    /** The intercept. */
    public double bias() {
        return bias;
    }

    /** A copy of the per-item mean active weights. */
    public double[] itemMeans() {
        return itemMeans.clone();
    }

    /** The logit of the average training case: bias plus every item's mean active weight. */
    public double baseline() {
        return baseline;
    }

    /** Per input item, its contribution to the logit relative to the baseline. */
    public double[] contributions(EncodedCase e) {
        int[] idx = e.indices();
        double[] out = new double[itemMeans.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = weights[idx[k]] - itemMeans[k];
        }
        return out;
    }

    /**
     * The logit, computed as the baseline plus the contributions, so that the explanation adds up exactly to
     * the number shown.
     */
    public double logit(EncodedCase e) {
        double sum = baseline;
        for (double c : contributions(e)) {
            sum += c;
        }
        return sum;
    }

    /** The logit computed directly as bias plus active weights (the model's own arithmetic). */
    public double rawLogit(EncodedCase e) {
        double sum = bias;
        int[] idx = e.indices();
        double[] val = e.values();
        for (int i = 0; i < idx.length; i++) {
            sum += weights[idx[i]] * val[i];
        }
        return sum;
    }
}
