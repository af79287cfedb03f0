package org.mimamori.model.metrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.mimamori.model.schema.InvalidValueException;
import org.mimamori.model.schema.LocalizedText;

/**
 * Ordered bands on the calibrated probability, so that staff read a band and its meaning rather than a
 * bare number. The first band starts at 0; each band runs up to the next one's lower bound.
 *
 * <p>The meaning of a band is always about <em>similar past cases</em>: the share of them in which staff
 * confirmed a need for support. It is never a "risk of abuse" and never a verdict about this child.
 *
 * @param bands the bands in increasing order of their lower bounds
 */
public record ScoreBands(List<ScoreBand> bands) {

    /** The default lower bounds: 0, 5%, 15%, 30% and 50%. */
    public static final String DEFAULT_THRESHOLDS = "0,0.05,0.15,0.3,0.5";

    private static final String[][] FIVE_NAMES = {
        {"very_low", "非常に低い", "Very low"},
        {"low", "低い", "Low"},
        {"moderate", "中程度", "Moderate"},
        {"high", "高い", "High"},
        {"very_high", "非常に高い", "Very high"},
    };
    private static final String[][] THREE_NAMES = {
        {"low", "低い", "Low"},
        {"moderate", "中程度", "Moderate"},
        {"high", "高い", "High"},
    };

    /**
     * Checks that the bands start at 0, increase strictly and have distinct ids; gives bands without a review
     * meaning the default one, and checks that the meanings rise with the bands (routine, consider, outreach).
     */
    public ScoreBands {
        List<ScoreBand> reviewed = new ArrayList<>();
        for (int i = 0; bands != null && i < bands.size(); i++) {
            ScoreBand b = bands.get(i);
            reviewed.add(b.review() != null ? b : b.withReview(BandReview.byDefault(i, bands.size())));
        }
        bands = List.copyOf(reviewed);
        if (bands.isEmpty()) {
            throw new InvalidValueException(new LocalizedText("区分が 1 つ以上必要です", "at least one band is needed"));
        }
        if (bands.get(0).lower() != 0) {
            throw new InvalidValueException(new LocalizedText("最初の区分は 0 から始まらなければなりません（" + bands.get(0).lower() + " から始まっています）",
                    "the first band must start at 0, not " + bands.get(0).lower()));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < bands.size(); i++) {
            if (i > 0 && !(bands.get(i).lower() > bands.get(i - 1).lower())) {
                throw new InvalidValueException(new LocalizedText("区分の下限は厳密に増えなければなりません："
                        + bands.get(i - 1).lower() + " の次が " + bands.get(i).lower(), "band lower bounds must increase strictly: "
                        + bands.get(i - 1).lower() + " then " + bands.get(i).lower()));
            }
            if (!ids.add(bands.get(i).id())) {
                throw new InvalidValueException(new LocalizedText("区分 ID「" + bands.get(i).id() + "」が重複しています",
                        "duplicate band id '" + bands.get(i).id() + "'"));
            }
            if (i > 0 && bands.get(i).review().compareTo(bands.get(i - 1).review()) < 0) {
                throw new InvalidValueException(new LocalizedText("区分「" + bands.get(i).id() + "」の区分の対応（"
                        + bands.get(i).review().label().ja() + "）が、下の区分「" + bands.get(i - 1).id() + "」（"
                        + bands.get(i - 1).review().label().ja() + "）より弱くなっています。上の区分ほど通常対応、検討、"
                        + "アウトリーチの対象の順でなければなりません",
                        "band '" + bands.get(i).id() + "' is " + bands.get(i).review().id()
                        + " but the lower band '" + bands.get(i - 1).id() + "' is " + bands.get(i - 1).review().id()
                        + ": review meanings must rise with the bands (routine, consider, outreach)"));
            }
        }
    }

    /**
     * The same bands with review meanings from probabilities: bands starting at or above {@code outreachFrom} are
     * flagged for outreach, bands ending at or below {@code routineBelow} routine, the others considered.
     *
     * @throws IllegalArgumentException when {@code routineBelow} exceeds {@code outreachFrom}
     */
    public ScoreBands withReviews(double outreachFrom, double routineBelow) {
        if (routineBelow > outreachFrom) {
            throw new InvalidValueException(new LocalizedText("通常対応の区分（" + routineBelow + " 未満）が"
                    + "アウトリーチの対象の区分（" + outreachFrom + " 以上）より上に及ぶことはできません",
                    "routine bands (below " + routineBelow + ") cannot reach above the outreach bands (from "
                    + outreachFrom + ")"));
        }
        List<ScoreBand> out = new ArrayList<>();
        for (int i = 0; i < bands.size(); i++) {
            double upper = i + 1 < bands.size() ? bands.get(i + 1).lower() : 1.0;
            ScoreBand b = bands.get(i);
            out.add(b.withReview(b.lower() >= outreachFrom ? BandReview.OUTREACH
                    : upper <= routineBelow ? BandReview.ROUTINE : BandReview.CONSIDER));
        }
        return new ScoreBands(out);
    }

    /** The lowest probability of a band flagged for outreach (1 when none is): the audit's flagging threshold. */
    public double outreachThreshold() {
        return bands.stream().filter(ScoreBand::flagged).mapToDouble(ScoreBand::lower).min().orElse(1.0);
    }

    /** The band with this id. */
    public java.util.Optional<ScoreBand> byId(String id) {
        return bands.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    /**
     * The five default bands (lower bounds {@value #DEFAULT_THRESHOLDS}): very low, low, moderate, high
     * and very high share of similar past cases with a confirmed need for support.
     */
    public static ScoreBands defaults() {
        return parse(DEFAULT_THRESHOLDS);
    }

    /**
     * Bands from comma-separated lower bounds, e.g. {@code "0,0.05,0.15,0.3,0.5"} (for the command line).
     * Five bounds get the names very low … very high, three get low, moderate, high; other counts are
     * numbered {@code band_1, band_2, …}. Every meaning states the band's range in percent.
     *
     * @throws IllegalArgumentException when a bound is not a number or the bounds are not valid bands
     */
    public static ScoreBands parse(String lowerBounds) {
        if (lowerBounds == null || lowerBounds.isBlank()) {
            throw new IllegalArgumentException("no band thresholds given");
        }
        String[] parts = lowerBounds.split(",", -1);
        double[] lower = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                lower[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("band threshold '" + parts[i].trim() + "' is not a number");
            }
        }
        String[][] names = lower.length == 5 ? FIVE_NAMES : lower.length == 3 ? THREE_NAMES : null;
        List<ScoreBand> bands = new ArrayList<>();
        for (int i = 0; i < lower.length; i++) {
            double upper = i + 1 < lower.length ? lower[i + 1] : Double.NaN;
            String id = names == null ? "band_" + (i + 1) : names[i][0];
            bands.add(new ScoreBand(id, lower[i], meaning(names == null ? null : names[i], lower[i], upper)));
        }
        return new ScoreBands(bands);
    }

    /** The band's meaning: its qualitative name (if any) and its range, about similar past cases. */
    private static LocalizedText meaning(String[] name, double lower, double upper) {
        String rangeJa;
        String rangeEn;
        if (Double.isNaN(upper)) {
            rangeJa = percent(lower) + "以上";
            rangeEn = percent(lower) + " or more";
        } else if (lower == 0) {
            rangeJa = percent(upper) + "未満";
            rangeEn = "under " + percent(upper);
        } else {
            rangeJa = percent(lower) + "以上" + percent(upper) + "未満";
            rangeEn = percent(lower) + " to under " + percent(upper);
        }
        String ja = "類似の過去事例のうち、支援の必要性が確認された割合が"
                + (name == null ? rangeJa : name[1] + "（" + rangeJa + "）");
        String en = (name == null ? "A" : name[2] + ": a") + " share of " + rangeEn
                + " of similar past cases had a confirmed need for support";
        return new LocalizedText(ja, en);
    }

    private static String percent(double p) {
        // Up to two decimals, without trailing zeros: 0.05 -> 5%, 0.125 -> 12.5%.
        String s = String.format(Locale.ROOT, "%.2f", p * 100).replaceAll("\\.?0+$", "");
        return s + "%";
    }

    /**
     * The band holding probability {@code p}: the last band whose lower bound is at most p.
     *
     * @throws IllegalArgumentException when p is NaN or outside [0, 1]
     */
    public ScoreBand band(double p) {
        return bands.get(indexOf(p));
    }

    /** The lower bounds, in order. */
    public double[] thresholds() {
        return bands.stream().mapToDouble(ScoreBand::lower).toArray();
    }

    /**
     * Per-band statistics on labelled cases with calibrated probabilities.
     *
     * @throws IllegalArgumentException when the lengths differ or a score is not a probability in [0, 1]
     */
    public List<BandStats> evaluate(double[] probabilities, boolean[] labels) {
        Inputs.checkProbabilities(probabilities, labels);
        int[] n = new int[bands.size()];
        int[] positives = new int[bands.size()];
        for (int i = 0; i < probabilities.length; i++) {
            int b = indexOf(probabilities[i]);
            n[b]++;
            positives[b] += labels[i] ? 1 : 0;
        }
        List<BandStats> out = new ArrayList<>(bands.size());
        for (int b = 0; b < bands.size(); b++) {
            ScoreBand band = bands.get(b);
            double upper = b + 1 < bands.size() ? bands.get(b + 1).lower() : 1.0;
            ConfusionCounts c = ConfusionCounts.at(probabilities, labels, band.lower());
            out.add(new BandStats(band.id(), band.lower(), upper, n[b], positives[b],
                    Inputs.rate(positives[b], n[b]), c.selectionRate(), c.tpr(), c.fpr(), c.ppv(), c.npv()));
        }
        return List.copyOf(out);
    }

    private int indexOf(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability " + p + " is not in [0, 1]");
        }
        int found = 0;
        for (int b = 1; b < bands.size() && bands.get(b).lower() <= p; b++) {
            found = b;
        }
        return found;
    }
}
