package org.mimamori.model.scoring;

import java.util.Arrays;
import java.util.List;

import org.mimamori.model.schema.InvalidValueException;
import org.mimamori.model.schema.LocalizedText;
import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodedCase;

/**
 * Whether a case is unlike the cases the model learned from, judged only on what was <em>recorded</em>: unknown
 * and not-applicable states never count (missing items are reported by the missing-information part and the
 * unknown-share warning), so leaving optional items unknown does not make a case unusual.
 *
 * <p>Two measures, each over the recorded value states of the case's input items:
 * <ul>
 *   <li><b>rare value</b>: {@code -log((n_s + 1) / (N + 1))} for its rarest state {@code s};</li>
 *   <li><b>rare combination</b>: for its most surprising pair of states {@code (s, t)},
 *   {@code log((E_st + 1) / (n_st + 1))} where {@code E_st = n_s n_t / N} is how often the pair would occur if the
 *   two were unrelated — so two common values that (almost) never occur together score high, while two rare
 *   values that occur together as often as expected do not.</li>
 * </ul>
 * Each threshold is fitted on held-out cases so that it fires on half of {@link #share()}; a case is unusual when
 * either fires. Counts of single states and of pairs are statistics, not case records.
 *
 * @param cases           how many training cases were counted
 * @param valueFeatures   the encoder features that are recorded value states, ascending
 * @param stateCounts     per value feature (same order), how many training cases were in it
 * @param pairCounts      per pair {@code (a < b)} of value features, how many training cases had both; upper
 *                        triangle, row by row
 * @param valueThreshold  the rare-value score above which a case is unusual
 * @param pairThreshold   the rare-combination score above which a case is unusual
 * @param share           the share of held-out cases the check was fitted to fire on
 */
public record UnusualCaseCheck(int cases, int[] valueFeatures, int[] stateCounts, int[] pairCounts,
                               double valueThreshold, double pairThreshold, double share) {

    /** The default share of held-out cases that the check fires on. */
    public static final double DEFAULT_SHARE = 0.01;

    /** The rarest part of a case: one state ({@code second < 0}) or a pair of encoder features. */
    public record Finding(int first, int second, double score) {
    }

    /** Counts states and pairs of states over the training cases; thresholds are set by {@link #fittedOn}. */
    public static UnusualCaseCheck count(CaseEncoder encoder, List<EncodedCase> training) {
        int[] features = valueFeatures(encoder);
        int m = features.length;
        int[] states = new int[m];
        int[] pairs = new int[m * (m - 1) / 2];
        int[] positions = new int[encoder.inputItems().size()];
        for (EncodedCase e : training) {
            int n = positions(features, e, positions);
            for (int a = 0; a < n; a++) {
                states[positions[a]]++;
                for (int b = a + 1; b < n; b++) {
                    pairs[pair(m, positions[a], positions[b])]++;
                }
            }
        }
        return new UnusualCaseCheck(training.size(), features, states, pairs, Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY, 0);
    }

    /** The same counts with thresholds fitted to fire on {@code share} of the held-out cases. */
    public UnusualCaseCheck fittedOn(List<EncodedCase> heldOut, double share) {
        if (!(share > 0 && share < 1)) {
            throw new InvalidValueException(new LocalizedText("学習データと異なる事例の割合は 0 と 1 の間でなければなりません（"
                    + share + "）", "the unusual-case share must lie between 0 and 1, not " + share));
        }
        if (heldOut.isEmpty()) {
            return this;
        }
        double[] values = heldOut.stream().mapToDouble(e -> rarestValue(e).score()).sorted().toArray();
        double[] pairs = heldOut.stream().mapToDouble(e -> rarestPair(e).score()).sorted().toArray();
        return new UnusualCaseCheck(cases, valueFeatures, stateCounts, pairCounts, threshold(values, share / 2),
                threshold(pairs, share / 2), share);
    }

    /** True when the case has a value or a combination rarer than the thresholds allow. */
    public boolean isUnusual(EncodedCase e) {
        return finding(e) != null;
    }

    /** What makes the case unusual (its rarest value or combination), or null when it is not. */
    public Finding finding(EncodedCase e) {
        Finding pair = rarestPair(e);
        if (pair.score() > pairThreshold) {
            return pair;
        }
        Finding value = rarestValue(e);
        return value.score() > valueThreshold ? value : null;
    }

    Finding rarestValue(EncodedCase e) {
        int[] pos = new int[e.indices().length];
        int n = positions(valueFeatures, e, pos);
        Finding best = new Finding(-1, -1, 0);
        int fewest = Integer.MAX_VALUE;
        for (int a = 0; a < n; a++) {
            // A state seen at least as often as the rarest so far cannot score higher (log is monotonic), so the
            // logarithm is taken only for a rarer one: the same finding as taking it for every state.
            if (stateCounts[pos[a]] >= fewest) {
                continue;
            }
            fewest = stateCounts[pos[a]];
            double s = -Math.log((stateCounts[pos[a]] + 1.0) / (cases + 1.0));
            if (s > best.score()) {
                best = new Finding(valueFeatures[pos[a]], -1, s);
            }
        }
        return best;
    }

    Finding rarestPair(EncodedCase e) {
        int m = valueFeatures.length;
        int[] pos = new int[e.indices().length];
        int n = positions(valueFeatures, e, pos);
        Finding best = new Finding(-1, -1, 0);
        double largest = 1; // the largest ratio whose logarithm was taken (log 1 = 0, the score to beat at first)
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                double expected = (double) stateCounts[pos[a]] * stateCounts[pos[b]] / Math.max(1, cases);
                double ratio = (expected + 1) / (pairCounts[pair(m, pos[a], pos[b])] + 1.0);
                // log is monotonic: a ratio no larger than one already taken cannot score higher, so the
                // logarithm (most of the cost) is taken only for a larger one; the finding is the same
                if (!(ratio > largest)) {
                    continue;
                }
                largest = ratio;
                double s = Math.log(ratio);
                if (s > best.score()) {
                    best = new Finding(valueFeatures[pos[a]], valueFeatures[pos[b]], s);
                }
            }
        }
        return best;
    }

    /** The positions in {@code features} of the case's active value features, ascending; returns how many. */
    private static int positions(int[] features, EncodedCase e, int[] out) {
        int n = 0;
        for (int f : e.indices()) {
            int p = Arrays.binarySearch(features, f);
            if (p >= 0) {
                out[n++] = p;
            }
        }
        Arrays.sort(out, 0, n);
        return n;
    }

    private static int pair(int m, int a, int b) {
        return a * m - a * (a + 1) / 2 + (b - a - 1);
    }

    private static int[] valueFeatures(CaseEncoder encoder) {
        int items = encoder.inputItems().size();
        return java.util.stream.IntStream.range(0, items).flatMap(k -> {
            int[] r = encoder.featureRange(k);
            return java.util.stream.IntStream.range(r[0], r[1] - 2);
        }).toArray();
    }

    /**
     * The threshold {@code t} among the (sorted) scores whose share strictly above it is nearest to
     * {@code target}: with tied scores the share cannot always be hit, and a tie is either all above or not.
     */
    private static double threshold(double[] sorted, double target) {
        int n = sorted.length;
        double best = sorted[n - 1];
        double bestGap = target;
        for (int i = n - 1; i >= 0; i--) {
            if (i > 0 && sorted[i - 1] == sorted[i]) {
                continue;
            }
            // Scores strictly above sorted[i - 1] are those from i on.
            double above = (double) (n - i) / n;
            double t = i == 0 ? Double.NEGATIVE_INFINITY : sorted[i - 1];
            double gap = Math.abs(above - target);
            if (gap < bestGap) {
                bestGap = gap;
                best = t;
            }
            if (above > target) {
                break;
            }
        }
        return best == Double.NEGATIVE_INFINITY ? sorted[0] : best;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnusualCaseCheck u && cases == u.cases && Arrays.equals(valueFeatures, u.valueFeatures)
                && Arrays.equals(stateCounts, u.stateCounts) && Arrays.equals(pairCounts, u.pairCounts)
                && Double.compare(valueThreshold, u.valueThreshold) == 0
                && Double.compare(pairThreshold, u.pairThreshold) == 0 && Double.compare(share, u.share) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(stateCounts) + Arrays.hashCode(pairCounts);
    }

    @Override
    public String toString() {
        return "UnusualCaseCheck[" + valueFeatures.length + " states, thresholds " + valueThreshold + " / "
                + pairThreshold + ", share " + share + "]";
    }
}
