package org.mimamori.model.encoding;

import java.util.Arrays;

import org.mimamori.model.schema.LocalizedText;
import org.mimamori.model.value.Value;

/**
 * Learns quantile bins for a numeric item. Cuts are data values; bin {@code j} holds
 * {@code cuts[j-1] < x <= cuts[j]}, the first bin {@code x <= cuts[0]} and the last {@code x > cuts[last]}.
 *
 * <p>Greedy equal-mass binning over the distinct values, so a count that is zero for most children still
 * gets bins over its non-zero tail (0 / 1–2 / 3–5 / 6+) instead of a single cut at 0.
 */
final class Binning {

    private Binning() {
    }

    /**
     * @param values   the known training values (any order; the array is sorted in place)
     * @param maxBins  the most bins to make
     * @param minCount the fewest cases a bin may hold
     * @return the cuts, ascending (empty for a single bin)
     */
    static double[] cuts(double[] values, int maxBins, int minCount) {
        Arrays.sort(values);
        int n = values.length;
        double[] cuts = new double[Math.max(0, maxBins - 1)];
        int made = 0;
        int start = 0;
        int binsLeft = maxBins;
        while (binsLeft > 1 && start < n) {
            double target = (double) (n - start) / binsLeft;
            int end = start;
            while (end < n && (end - start < target || end - start < minCount)) {
                end = nextDistinct(values, end);
            }
            // The rest must still fill a bin.
            if (end >= n || n - end < minCount) {
                break;
            }
            cuts[made++] = values[end - 1];
            start = end;
            binsLeft--;
        }
        return Arrays.copyOf(cuts, made);
    }

    /** The position after the run of values equal to {@code values[i]}. */
    private static int nextDistinct(double[] values, int i) {
        double v = values[i];
        int j = i + 1;
        while (j < values.length && values[j] == v) {
            j++;
        }
        return j;
    }

    /** The bin of a value. */
    static int bin(double[] cuts, double x) {
        int lo = 0;
        int hi = cuts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x <= cuts[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The values a bin holds, for people: {@code 0}, {@code 3–5}, {@code ≥ 11}, {@code (0.1, 0.3]}. */
    static LocalizedText describe(double[] cuts, int bin, boolean wholeNumbers, Double min) {
        if (cuts.length == 0) {
            return new LocalizedText("記録された値", "any recorded value");
        }
        if (wholeNumbers) {
            long lo = bin == 0 ? Long.MIN_VALUE : (long) Math.floor(cuts[bin - 1]) + 1;
            if (bin == cuts.length) {
                return new LocalizedText(lo + "以上", "≥ " + lo);
            }
            long hi = (long) Math.floor(cuts[bin]);
            if (bin == 0) {
                if (min != null && min == hi) {
                    return LocalizedText.of(Long.toString(hi));
                }
                return min != null ? range((long) Math.ceil(min), hi) : new LocalizedText(hi + "以下", "≤ " + hi);
            }
            return lo == hi ? LocalizedText.of(Long.toString(lo)) : range(lo, hi);
        }
        String first = Value.formatNumber(cuts[0]);
        if (bin == 0) {
            return new LocalizedText(first + "以下", "≤ " + first);
        }
        String last = Value.formatNumber(cuts[bin - 1]);
        if (bin == cuts.length) {
            return new LocalizedText(last + "超", "> " + last);
        }
        String upper = Value.formatNumber(cuts[bin]);
        return new LocalizedText(last + "超" + upper + "以下", "(" + last + ", " + upper + "]");
    }

    private static LocalizedText range(long lo, long hi) {
        return new LocalizedText(lo + "〜" + hi, lo + "–" + hi);
    }
}
