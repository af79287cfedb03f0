package org.mimamori.model.drift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mimamori.model.data.Case;
import org.mimamori.model.drift.DriftReport.BandShare;
import org.mimamori.model.drift.DriftReport.DriftWarning;
import org.mimamori.model.drift.DriftReport.ItemDrift;
import org.mimamori.model.drift.DriftReport.Kind;
import org.mimamori.model.drift.DriftReport.Level;
import org.mimamori.model.drift.DriftReport.SourceDrift;
import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodedCase;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.Item;
import org.mimamori.model.schema.LocalizedText;
import org.mimamori.model.scoring.TrainingReference;
import org.mimamori.model.scoring.TrainingReference.ItemReference;
import org.mimamori.model.value.Value;

/**
 * Drift and data quality of scored cases against a model's training reference (docs/models.md, "Drift and data
 * quality").
 *
 * <ul>
 *   <li><b>PSI</b> per item, of its value states (bins, yes/no, categories; renormalised on both sides, without
 *       unknown and not applicable) against the training shares: whether the values recorded have shifted. Unknown
 *       is left out on purpose and watched by its own rate, so that a broken link is not read as a change in
 *       values, nor the reverse; not applicable follows from the age (whose own PSI shows a change of ages).</li>
 *   <li>Derived items get PSI and an unknown rate but never an unknown-rate warning: they are unknown because an
 *       item they are derived from is, and that item's own figures warn.</li>
 *   <li><b>Unknown rate</b> per item and per source department (mean over its items) against training; a rise
 *       warns when it is both large ({@link DriftThresholds#unknownRiseWatch()}) and unlikely to be chance
 *       ({@link DriftThresholds#unknownZ()}). When a department warns, its items do not warn one by one: the
 *       department's warning names them. Items training never recorded cannot rise and are left out.</li>
 *   <li><b>Outside the training range</b>: share of an item's recorded numbers below the smallest or above the
 *       largest training value.</li>
 *   <li><b>Bands</b>: how the window's scores are distributed over the bands.</li>
 * </ul>
 */
public final class Drift {

    private Drift() {
    }

    /** What monitoring keeps of one scored case (its encoding by the same encoder, and the case). */
    public static Observation observe(CaseEncoder encoder, TrainingReference reference, Case c, EncodedCase e) {
        List<Item> inputs = encoder.inputItems();
        int[] states = new int[inputs.size()];
        boolean[] outside = new boolean[inputs.size()];
        for (int k = 0; k < inputs.size(); k++) {
            int[] range = encoder.featureRange(k);
            states[k] = activeIn(e, range) - range[0];
            ItemReference r = reference.items().get(k);
            Value v = c.get(encoder.schema().indexOf(inputs.get(k).id()));
            outside[k] = v.isNumber() && r.min() != null && (v.number() < r.min() || v.number() > r.max());
        }
        return new Observation(states, outside);
    }

    /**
     * Per input item, the position of its most common training state (the first of equals). A service may leave
     * out the rows of items in this state (most items are, most of the time) and restore their count with
     * {@link DriftWindow#completeModal(int[])}: the window's scores minus the item's other counts.
     */
    public static int[] modalStates(CaseEncoder encoder, TrainingReference reference) {
        int[] modal = new int[encoder.inputItems().size()];
        for (int k = 0; k < modal.length; k++) {
            int[] range = encoder.featureRange(k);
            int best = 0;
            for (int f = range[0]; f < range[1]; f++) {
                if (reference.stateFrequencies()[f] > reference.stateFrequencies()[range[0] + best]) {
                    best = f - range[0];
                }
            }
            modal[k] = best;
        }
        return modal;
    }

    private static int activeIn(EncodedCase e, int[] range) {
        for (int i : e.indices()) {
            if (i >= range[0] && i < range[1]) {
                return i;
            }
        }
        throw new IllegalArgumentException("the case has no active state for an item: not encoded by this encoder");
    }

    /**
     * The figures and warnings of a window.
     *
     * @param reference the model's training reference (items in the encoder's order)
     * @param window    the counts, of the same encoder
     * @param bandOrder the model's band ids, lowest first
     * @param t         the thresholds
     */
    public static DriftReport assess(TrainingReference reference, DriftWindow window, List<String> bandOrder,
                                     DriftThresholds t) {
        CaseEncoder encoder = window.encoder();
        FeatureSchema schema = encoder.schema();
        List<Item> inputs = encoder.inputItems();
        long n = window.scores();
        boolean enough = n >= t.minWindow();
        List<ItemDrift> items = new ArrayList<>();
        List<DriftWarning> warnings = new ArrayList<>();
        Map<String, List<Integer>> bySource = new LinkedHashMap<>();
        for (int k = 0; k < inputs.size(); k++) {
            Item item = inputs.get(k);
            ItemReference ref = reference.items().get(k);
            int[] range = encoder.featureRange(k);
            long[] counts = window.states(k);
            int unknown = unknownPosition(encoder, range);
            int notApplicable = unknown + 1; // the layout of ItemCoding: value states, unknown, not applicable
            int values = counts.length - 2;
            long[] valueCounts = java.util.Arrays.copyOf(counts, values);
            double[] valueRef = new double[values];
            long numbers = 0;
            double refValues = 0;
            for (int s = 0; s < values; s++) {
                valueRef[s] = reference.stateFrequencies()[range[0] + s];
                numbers += counts[s];
                refValues += valueRef[s];
            }
            long recorded = numbers + counts[notApplicable];
            Double psi = null;
            if (numbers > 0 && refValues > 0) {
                for (int s = 0; s < values; s++) {
                    valueRef[s] /= refValues;
                }
                psi = PopulationStability.psi(valueCounts, valueRef);
            }
            double unknownRate = n == 0 ? 0 : (double) counts[unknown] / n;
            boolean numeric = ref.min() != null;
            Double outsideShare = numeric ? (numbers == 0 ? 0.0 : (double) window.outside(k) / numbers) : null;
            items.add(new ItemDrift(item.id(), item.source(), schema.sourceLabel(item.source()), item.label(),
                    recorded, psi, unknownRate, ref.unknownShare(), outsideShare));
            if (ref.unknownShare() < 1 && !item.isDerived()) {
                bySource.computeIfAbsent(item.source(), s -> new ArrayList<>()).add(k);
            }
            if (!enough) {
                continue;
            }
            if (psi != null && numbers >= t.minWindow() && psi >= t.psiWatch()) {
                warnings.add(new DriftWarning(Kind.PSI, item.id(), psi >= t.psiAct() ? Level.ACT : Level.WATCH, psi,
                        0, DriftMessages.psi(item, psi, psi >= t.psiAct())));
            }
            if (numeric && numbers >= t.minWindow() && window.outside(k) >= t.outsideRangeMin()
                    && outsideShare >= t.outsideRangeWatch()) {
                boolean act = outsideShare >= t.outsideRangeAct();
                warnings.add(new DriftWarning(Kind.OUTSIDE_RANGE, item.id(), act ? Level.ACT : Level.WATCH,
                        outsideShare, 0, DriftMessages.outside(item, outsideShare, ref, act)));
            }
        }
        List<SourceDrift> sources = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : bySource.entrySet()) {
            double p = 0;
            double p0 = 0;
            for (int k : e.getValue()) {
                p += items.get(k).unknownRate();
                p0 += items.get(k).referenceUnknownRate();
            }
            p /= e.getValue().size();
            p0 /= e.getValue().size();
            double z = z(p, p0, n, reference.cases());
            LocalizedText label = schema.sourceLabel(e.getKey());
            sources.add(new SourceDrift(e.getKey(), label, e.getValue().stream().map(k -> inputs.get(k).id()).toList(),
                    p, p0, z));
            Level level = enough ? rise(p, p0, z, t) : null;
            if (level != null) {
                warnings.add(new DriftWarning(Kind.UNKNOWN_SOURCE, e.getKey(), level, p, p0,
                        DriftMessages.unknownSource(label, p, p0, level == Level.ACT)));
            } else if (enough) {
                for (int k : e.getValue()) {
                    ItemDrift d = items.get(k);
                    double zi = z(d.unknownRate(), d.referenceUnknownRate(), n, reference.cases());
                    Level li = rise(d.unknownRate(), d.referenceUnknownRate(), zi, t);
                    if (li != null) {
                        warnings.add(new DriftWarning(Kind.UNKNOWN_ITEM, d.item(), li, d.unknownRate(),
                                d.referenceUnknownRate(), DriftMessages.unknownItem(inputs.get(k), d.unknownRate(),
                                        d.referenceUnknownRate(), li == Level.ACT)));
                    }
                }
            }
        }
        warnings.sort(Comparator.comparing(DriftWarning::level).reversed());
        return new DriftReport(n, enough, t.minWindow(), List.copyOf(items), List.copyOf(sources),
                bands(window, bandOrder), List.copyOf(warnings));
    }

    /** The level a rise of an unknown rate reaches, or null. */
    private static Level rise(double p, double p0, double z, DriftThresholds t) {
        if (z < t.unknownZ() || p - p0 < t.unknownRiseWatch()) {
            return null;
        }
        return p - p0 >= t.unknownRiseAct() ? Level.ACT : Level.WATCH;
    }

    /**
     * The one-sided z of an observed rate p over n cases against a reference rate p₀ (from {@code referenceCases}
     * training cases; p₀ is kept at least half a case from 0 and 1 so that a rate never seen in training still has
     * a spread).
     */
    static double z(double p, double p0, long n, int referenceCases) {
        if (n == 0) {
            return 0;
        }
        double floor = 0.5 / Math.max(1, referenceCases);
        double q = Math.min(Math.max(p0, floor), 1 - floor);
        return (p - q) / Math.sqrt(q * (1 - q) / n);
    }

    private static int unknownPosition(CaseEncoder encoder, int[] range) {
        int unknown = range[1] - range[0] - 2;
        if (!encoder.features().get(range[0] + unknown).state().equals("unknown")
                || !encoder.features().get(range[0] + unknown + 1).state().equals("not_applicable")) {
            throw new IllegalStateException("an item whose last two states are not unknown and not applicable");
        }
        return unknown;
    }

    private static List<BandShare> bands(DriftWindow window, List<String> order) {
        Map<String, Long> counts = window.bands();
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<BandShare> out = new ArrayList<>();
        for (String b : order) {
            long c = counts.getOrDefault(b, 0L);
            out.add(new BandShare(b, c, total == 0 ? 0 : (double) c / total));
        }
        return List.copyOf(out);
    }

    /** A share as a percentage for messages, e.g. {@code 12.5%}. */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    /** A figure for messages, e.g. {@code 0.31}. */
    static String figure(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }
}
