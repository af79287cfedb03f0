package org.mimamori.model.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a shadow model compared with the active model over the same cases: the band agreement matrix (active band
 * × shadow band, an estimate withheld as unreliable as its own band {@value #WITHHELD}), the mean and largest
 * absolute difference of the two probabilities, and (static helpers) the items whose contributions differ most
 * and both models' discrimination and calibration on the cases whose outcomes are known.
 *
 * <p>Cases are added one by one ({@link #add}); the figures are read at any time. Two bands agree when their ids
 * are the same (both withheld counts as agreeing). Probability differences are taken over the cases where both
 * models gave an estimate ({@link #compared()}); with none they are NaN. Not thread-safe.
 */
public final class ShadowComparison {

    /** The band id of an estimate withheld as unreliable. */
    public static final String WITHHELD = "withheld";

    private final Map<String, Integer> activeIndex = new LinkedHashMap<>();
    private final Map<String, Integer> shadowIndex = new LinkedHashMap<>();
    private final List<long[]> rows = new ArrayList<>();
    private long n;
    private long agreeing;
    private long compared;
    private double sumAbs;
    private double sumSigned;
    private double maxAbs = Double.NaN;

    /**
     * @param activeBands the active model's band ids, lowest first ({@value #WITHHELD} is added last)
     * @param shadowBands the shadow model's band ids, lowest first ({@value #WITHHELD} is added last)
     */
    public ShadowComparison(List<String> activeBands, List<String> shadowBands) {
        activeBands.forEach(this::activeRow);
        activeRow(WITHHELD);
        shadowBands.forEach(this::shadowColumn);
        shadowColumn(WITHHELD);
    }

    /**
     * Adds one case scored by both models.
     *
     * @param activeBand        the active model's band id, or null when it withheld the estimate
     * @param activeProbability its probability (ignored when withheld)
     * @param shadowBand        the shadow model's band id, or null when it withheld the estimate
     * @param shadowProbability its probability (ignored when withheld)
     * @return this
     */
    public ShadowComparison add(String activeBand, double activeProbability, String shadowBand,
                                double shadowProbability) {
        String a = activeBand == null ? WITHHELD : activeBand;
        String s = shadowBand == null ? WITHHELD : shadowBand;
        int row = activeRow(a);
        int column = shadowColumn(s);
        rows.get(row)[column]++;
        n++;
        if (a.equals(s)) {
            agreeing++;
        }
        if (activeBand != null && shadowBand != null) {
            if (Double.isNaN(activeProbability) || Double.isNaN(shadowProbability)) {
                throw new IllegalArgumentException("a probability is NaN although both models gave an estimate");
            }
            double d = shadowProbability - activeProbability;
            compared++;
            sumSigned += d;
            sumAbs += Math.abs(d);
            maxAbs = Double.isNaN(maxAbs) ? Math.abs(d) : Math.max(maxAbs, Math.abs(d));
        }
        return this;
    }

    private int activeRow(String band) {
        Integer i = activeIndex.get(band);
        if (i != null) {
            return i;
        }
        activeIndex.put(band, rows.size());
        rows.add(new long[shadowIndex.size()]);
        return rows.size() - 1;
    }

    private int shadowColumn(String band) {
        Integer j = shadowIndex.get(band);
        if (j != null) {
            return j;
        }
        shadowIndex.put(band, shadowIndex.size());
        for (int r = 0; r < rows.size(); r++) {
            rows.set(r, java.util.Arrays.copyOf(rows.get(r), shadowIndex.size()));
        }
        return shadowIndex.size() - 1;
    }

    /** The rows of the matrix: the active model's band ids, then {@value #WITHHELD}, then any other seen. */
    public List<String> activeBands() {
        return List.copyOf(activeIndex.keySet());
    }

    /** The columns of the matrix: the shadow model's band ids, then {@value #WITHHELD}, then any other seen. */
    public List<String> shadowBands() {
        return List.copyOf(shadowIndex.keySet());
    }

    /** The matrix: {@code counts()[i][j]} cases in active band i and shadow band j. A copy. */
    public long[][] counts() {
        long[][] out = new long[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            out[i] = java.util.Arrays.copyOf(rows.get(i), shadowIndex.size());
        }
        return out;
    }

    /** How many cases were added. */
    public long n() {
        return n;
    }

    /** How many cases the two models put in the same band (both withheld included). */
    public long agreeing() {
        return agreeing;
    }

    /** The share of cases in the same band in both models; NaN when none was added. */
    public double bandAgreement() {
        return n == 0 ? Double.NaN : (double) agreeing / n;
    }

    /** How many cases had an estimate from both models (the differences are taken over these). */
    public long compared() {
        return compared;
    }

    /** The mean of |shadow − active| probability; NaN when none was compared. */
    public double meanAbsDifference() {
        return compared == 0 ? Double.NaN : sumAbs / compared;
    }

    /** The mean of shadow − active probability (positive: the shadow model estimates higher); NaN when none. */
    public double meanDifference() {
        return compared == 0 ? Double.NaN : sumSigned / compared;
    }

    /** The largest |shadow − active| probability; NaN when none was compared. */
    public double maxAbsDifference() {
        return maxAbs;
    }

    /**
     * An item's contribution differences summed over the cases: the sum of |shadow − active| contribution and
     * of shadow − active (a case whose contributions of the item are equal adds nothing to either).
     *
     * @param item             the item id
     * @param sumAbsDifference Σ |shadow − active|
     * @param sumDifference    Σ (shadow − active)
     */
    public record ItemSums(String item, double sumAbsDifference, double sumDifference) {
    }

    /**
     * How much an item's contribution (to the logit) differed between the models, per case.
     *
     * @param item              the item id
     * @param meanAbsDifference the mean |shadow − active| contribution
     * @param meanDifference    the mean shadow − active contribution (positive: the shadow model weighs the
     *                          item's states towards a higher estimate)
     */
    public record ItemDifference(String item, double meanAbsDifference, double meanDifference) {
    }

    /**
     * The items whose contributions differ most: the means over {@code n} cases, largest mean absolute
     * difference first (ties by item id), at most {@code top} of them; items that never differed are left out.
     *
     * @param sums the per-item sums
     * @param n    the number of cases they were summed over
     * @param top  how many items at most
     * @return the items, or none when n is 0
     */
    public static List<ItemDifference> itemsDifferingMost(List<ItemSums> sums, long n, int top) {
        if (n <= 0) {
            return List.of();
        }
        return sums.stream().filter(s -> s.sumAbsDifference() > 0)
                .map(s -> new ItemDifference(s.item(), s.sumAbsDifference() / n, s.sumDifference() / n))
                .sorted(Comparator.comparingDouble((ItemDifference d) -> -d.meanAbsDifference())
                        .thenComparing(ItemDifference::item))
                .limit(top).toList();
    }

    /**
     * One model's fit on cases with a known outcome.
     *
     * @param auc           the AUC (NaN when the outcomes hold one class only)
     * @param brier         the Brier score
     * @param meanPredicted the mean predicted probability (to set against the observed rate)
     * @param ece           the expected calibration error with equal-mass deciles ({@link CalibrationTable})
     */
    public record Fit(double auc, double brier, double meanPredicted, double ece) {

        /** The fit of probabilities on outcomes; all NaN for no cases. */
        public static Fit of(double[] probabilities, boolean[] outcomes) {
            if (probabilities.length == 0) {
                Inputs.checkProbabilities(probabilities, outcomes);
                return new Fit(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            double sum = 0;
            for (double p : probabilities) {
                sum += p;
            }
            return new Fit(Roc.auc(probabilities, outcomes), Brier.score(probabilities, outcomes),
                    sum / probabilities.length, CalibrationTable.ece(probabilities, outcomes));
        }
    }

    /**
     * Both models on the same cases with a known outcome.
     *
     * @param n            the cases
     * @param positives    how many had a confirmed need
     * @param observedRate positives / n (NaN for none)
     * @param active       the active model's fit
     * @param shadow       the shadow model's fit
     */
    public record Outcomes(int n, int positives, double observedRate, Fit active, Fit shadow) {

        /**
         * Both models' fit on the same cases.
         *
         * @throws IllegalArgumentException when the lengths differ or a value is not a probability
         */
        public static Outcomes of(double[] active, double[] shadow, boolean[] outcomes) {
            if (active.length != shadow.length) {
                throw new IllegalArgumentException(active.length + " active and " + shadow.length
                        + " shadow probabilities");
            }
            int positives = 0;
            for (boolean o : outcomes) {
                positives += o ? 1 : 0;
            }
            return new Outcomes(outcomes.length, positives,
                    outcomes.length == 0 ? Double.NaN : (double) positives / outcomes.length,
                    Fit.of(active, outcomes), Fit.of(shadow, outcomes));
        }
    }
}
