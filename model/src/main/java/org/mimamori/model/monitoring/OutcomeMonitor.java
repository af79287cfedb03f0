package org.mimamori.model.monitoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.mimamori.model.metrics.BootstrapInterval;
import org.mimamori.model.metrics.Disparity;
import org.mimamori.model.metrics.Tolerance;

/**
 * Computes an {@link OutcomeReport}: per band, the mean predicted probability against the share of assessed
 * scores with a confirmed need (with a 95% Wilson interval); the ROC AUC on the assessed scores with its
 * bootstrap interval ({@link BootstrapInterval#ofAuc}); and per audit-group value, the share flagged by the
 * model, the share staff decided to act on and the override rate, each against the column's reference group
 * ({@link Disparity#of}).
 *
 * <p>Suppression: a band's outcome figures need at least {@code minGroupSize} assessed scores; the AUC needs at
 * least {@code minGroupSize} assessed scores and {@code minClassCount} of each class; a group's figures need at
 * least {@code minGroupSize} scores, and its decision figures at least {@code minGroupSize} decided scores.
 * Suppressed figures are not computed. The reference group of a column is its largest shown known group (ties:
 * the first in text order).
 *
 * @param minGroupSize  the smallest count whose figures are shown
 * @param minClassCount the fewest positives and negatives for an AUC
 * @param resamples     bootstrap resamples of the AUC
 * @param seed          the bootstrap seed (the same scores always give the same interval)
 * @param tolerance     the band of unflagged disparity ratios
 */
public record OutcomeMonitor(int minGroupSize, int minClassCount, int resamples, long seed, Tolerance tolerance) {

    /** The group of scores without a recorded value. */
    public static final String UNKNOWN = "(unknown)";
    /** The default seed. */
    public static final long DEFAULT_SEED = 20_261_201L;
    /** The 97.5th percentile of the standard normal distribution. */
    static final double Z = 1.959963984540054;

    /** Checks the settings. */
    public OutcomeMonitor {
        if (minGroupSize < 1 || minClassCount < 1) {
            throw new IllegalArgumentException("minimum sizes must be at least 1");
        }
        if (resamples < 1) {
            throw new IllegalArgumentException("at least one resample is needed");
        }
        if (tolerance == null) {
            throw new IllegalArgumentException("a tolerance is required");
        }
    }

    /**
     * The report.
     *
     * @param bandOrder    the model's band ids, lowest first; every band is reported, also when empty
     * @param groupColumns the audit-group items, in report order
     * @param scores       the monitored scores
     * @throws IllegalArgumentException when a score's band is not in {@code bandOrder}
     */
    public OutcomeReport run(List<String> bandOrder, List<String> groupColumns, List<MonitoredScore> scores) {
        Map<String, List<MonitoredScore>> byBand = new LinkedHashMap<>();
        bandOrder.forEach(b -> byBand.put(b, new ArrayList<>()));
        for (MonitoredScore s : scores) {
            List<MonitoredScore> in = byBand.get(s.band());
            if (in == null) {
                throw new IllegalArgumentException("band '" + s.band() + "' is not a band of the model " + bandOrder);
            }
            in.add(s);
        }
        List<BandOutcome> bands = new ArrayList<>();
        byBand.forEach((band, in) -> bands.add(band(band, in)));
        List<GroupOutcome> groups = new ArrayList<>();
        for (String column : groupColumns) {
            groups.addAll(column(column, scores));
        }
        int assessed = (int) scores.stream().filter(MonitoredScore::assessed).count();
        int decided = (int) scores.stream().filter(s -> s.decided() != null).count();
        return new OutcomeReport(scores.size(), assessed, decided, minGroupSize, bands, auc(scores), groups);
    }

    private BandOutcome band(String band, List<MonitoredScore> in) {
        int assessed = 0;
        int confirmed = 0;
        double sum = 0;
        for (MonitoredScore s : in) {
            if (s.assessed()) {
                assessed++;
                sum += s.probability();
                confirmed += s.needConfirmed() ? 1 : 0;
            }
        }
        if (assessed < minGroupSize) {
            return new BandOutcome(band, in.size(), assessed, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    true);
        }
        double[] wilson = wilson(confirmed, assessed);
        return new BandOutcome(band, in.size(), assessed, confirmed, sum / assessed, (double) confirmed / assessed,
                wilson[0], wilson[1], false);
    }

    private AucOutcome auc(List<MonitoredScore> scores) {
        List<MonitoredScore> assessed = scores.stream().filter(MonitoredScore::assessed).toList();
        double[] p = new double[assessed.size()];
        boolean[] y = new boolean[assessed.size()];
        int positives = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = assessed.get(i).probability();
            y[i] = assessed.get(i).needConfirmed();
            positives += y[i] ? 1 : 0;
        }
        int negatives = p.length - positives;
        if (p.length < minGroupSize || positives < minClassCount || negatives < minClassCount) {
            return new AucOutcome(p.length, null, null, null, true);
        }
        return new AucOutcome(p.length, positives, negatives, BootstrapInterval.ofAuc(p, y, resamples, seed), false);
    }

    private List<GroupOutcome> column(String column, List<MonitoredScore> scores) {
        Map<String, List<MonitoredScore>> byValue = new TreeMap<>(Comparator
                .comparing((String v) -> v.equals(UNKNOWN)).thenComparing(Comparator.naturalOrder()));
        for (MonitoredScore s : scores) {
            String v = s.groups().get(column);
            byValue.computeIfAbsent(v == null || v.isBlank() ? UNKNOWN : v.trim(), k -> new ArrayList<>()).add(s);
        }
        String reference = null;
        for (Map.Entry<String, List<MonitoredScore>> g : byValue.entrySet()) {
            int n = g.getValue().size();
            if (!g.getKey().equals(UNKNOWN) && n >= minGroupSize
                    && (reference == null || n > byValue.get(reference).size())) {
                reference = g.getKey();
            }
        }
        double[] ref = reference == null ? null : rates(byValue.get(reference));
        List<GroupOutcome> out = new ArrayList<>();
        for (Map.Entry<String, List<MonitoredScore>> g : byValue.entrySet()) {
            List<MonitoredScore> in = g.getValue();
            if (in.size() < minGroupSize) {
                out.add(new GroupOutcome(column, g.getKey(), null, Double.NaN, null, Double.NaN, Double.NaN, null,
                        null, false, true, true));
                continue;
            }
            double[] r = rates(in);
            int decided = (int) r[3];
            boolean decisionsSuppressed = decided < minGroupSize;
            Disparity flaggedDisparity = ref == null ? null : Disparity.of(r[0], ref[0], tolerance);
            Disparity outreachDisparity = ref == null || decisionsSuppressed || Double.isNaN(ref[1]) ? null
                    : Disparity.of(r[1], ref[1], tolerance);
            out.add(new GroupOutcome(column, g.getKey(), in.size(), r[0], decisionsSuppressed ? null : decided,
                    decisionsSuppressed ? Double.NaN : r[1], decisionsSuppressed ? Double.NaN : r[2],
                    flaggedDisparity, outreachDisparity, g.getKey().equals(reference), false, decisionsSuppressed));
        }
        return out;
    }

    /**
     * Flagged share, outreach share and override rate of the decided scores (NaN when fewer than the minimum
     * group size were decided), and the number decided.
     */
    private double[] rates(List<MonitoredScore> in) {
        int flagged = 0;
        int decided = 0;
        int outreach = 0;
        int overrides = 0;
        for (MonitoredScore s : in) {
            flagged += s.flagged() ? 1 : 0;
            if (s.decided() != null) {
                decided++;
                outreach += s.decided().forOutreach() ? 1 : 0;
                overrides += s.decided().againstBand() ? 1 : 0;
            }
        }
        boolean shown = decided >= minGroupSize;
        return new double[] {(double) flagged / in.size(), shown ? (double) outreach / decided : Double.NaN,
            shown ? (double) overrides / decided : Double.NaN, decided};
    }

    /** The 95% Wilson score interval of k successes in n trials (n &gt; 0), clamped to [0, 1]. */
    static double[] wilson(int k, int n) {
        double p = (double) k / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2.0 * n)) / (1 + z2 / n);
        double half = Z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }
}
