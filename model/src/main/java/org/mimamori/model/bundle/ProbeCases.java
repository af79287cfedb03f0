package org.mimamori.model.bundle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodedCase;
import org.mimamori.model.encoding.EncodedFeature;
import org.mimamori.model.schema.Item;

/**
 * The smoke check. A bundle holds no case records, so it cannot re-measure its holdout metrics; instead, when
 * it is built, it stores {@value ModelBundle#PROBES}: synthetic probe cases made from the encoder's states
 * alone (every state of every item appears in at least one probe, plus a few seeded random combinations — no
 * real child's record) with the logit, probability, interval and band the in-memory model gave them. Reading
 * the bundle re-scores every probe from the parsed entries and must agree within {@value #TOLERANCE}.
 */
final class ProbeCases {

    /** How closely re-scored probes must agree with the stored numbers. */
    static final double TOLERANCE = 1e-9;
    private static final int RANDOM_PROBES = 8;
    private static final long SEED = 20_240_601L;

    /**
     * One probe: a state per input item and what the model gave it.
     *
     * @param states      the active state of each input item, in encoder order ({@code item@state})
     * @param logit       the logit
     * @param probability the calibrated probability
     * @param low         the interval's lower end (null for an empty ensemble)
     * @param high        the interval's upper end (null for an empty ensemble)
     * @param band        the band id
     */
    record Probe(List<String> states, double logit, double probability, Double low, Double high, String band) {
    }

    /**
     * The entry's content.
     *
     * @param about  what the probes are, for people who open the zip
     * @param probes the probes
     */
    record ProbesJson(String about, List<Probe> probes) {
    }

    private ProbeCases() {
    }

    /** The probe cases of an encoder: deterministic, covering every state, no real records. */
    static List<EncodedCase> cases(CaseEncoder encoder) {
        int items = encoder.inputItems().size();
        int widest = 0;
        for (int k = 0; k < items; k++) {
            int[] r = encoder.featureRange(k);
            widest = Math.max(widest, r[1] - r[0]);
        }
        List<EncodedCase> out = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(SEED);
        for (int p = 0; p < widest + RANDOM_PROBES; p++) {
            int[] idx = new int[items];
            for (int k = 0; k < items; k++) {
                int[] r = encoder.featureRange(k);
                int width = r[1] - r[0];
                idx[k] = r[0] + (p < widest ? (p + k) % width : random.nextInt(width));
            }
            double[] ones = new double[items];
            Arrays.fill(ones, 1.0);
            out.add(new EncodedCase(idx, ones));
        }
        return out;
    }

    /** The entry for a model that is about to be written. */
    static byte[] write(ScoringParts parts) {
        List<EncodedFeature> features = parts.scorecard().encoder().features();
        List<Probe> probes = new ArrayList<>();
        for (EncodedCase e : cases(parts.scorecard().encoder())) {
            probes.add(score(Arrays.stream(e.indices()).mapToObj(i -> features.get(i).name()).toList(), e, parts));
        }
        return BundleJson.write(new ProbesJson("Synthetic probe cases made from the encoder's states (no case "
                + "records) with what the model gave them; reading the bundle re-scores them.", probes));
    }

    private static Probe score(List<String> states, EncodedCase e, ScoringParts parts) {
        double logit = parts.scorecard().logit(e);
        double p = parts.calibrator().probability(logit);
        double[] interval = parts.ensemble().interval(e, parts.calibrator()::probability,
                parts.settings().intervalLevel());
        return new Probe(states, logit, p, Double.isNaN(interval[0]) ? null : interval[0],
                Double.isNaN(interval[1]) ? null : interval[1], parts.bands().band(p).id());
    }

    /** Re-scores the stored probes with the parsed parts; records every disagreement. */
    static void check(byte[] json, ScoringParts parts, Findings f) {
        String e = ModelBundle.PROBES;
        ProbesJson stored = EntryJson.read(BundleJson.MAPPER, json, e, ProbesJson.class, f);
        if (stored == null) {
            return;
        }
        if (stored.probes() == null || stored.probes().isEmpty()) {
            f.add(e, "プローブ事例がありません", "holds no probe cases");
            return;
        }
        CaseEncoder encoder = parts.scorecard().encoder();
        List<Item> inputs = encoder.inputItems();
        for (int n = 0; n < stored.probes().size(); n++) {
            Probe probe = stored.probes().get(n);
            String which = "probe " + (n + 1);
            String jaWhich = "プローブ " + (n + 1);
            EncodedCase c = probe == null ? null : encoded(encoder, inputs, probe.states());
            if (c == null) {
                f.add(e, jaWhich + " は、入力項目ごとに状態を一つずつ順に指定していません",
                        which + " does not name exactly one state of each input item, in order");
                continue;
            }
            Probe now = score(probe.states(), c, parts);
            if (!agree(probe.logit(), now.logit()) || !agree(probe.probability(), now.probability())) {
                f.add(e, jaWhich + " はバンドル作成時にロジット " + probe.logit() + "、確率 " + probe.probability()
                        + " でしたが、現在のバンドルではロジット " + now.logit() + "、確率 " + now.probability() + " です",
                        which + " was scored logit " + probe.logit() + ", probability " + probe.probability()
                        + " when the bundle was built, but the bundle now gives logit " + now.logit()
                        + ", probability " + now.probability());
            } else if (!agree(probe.low(), now.low()) || !agree(probe.high(), now.high())) {
                f.add(e, jaWhich + " はバンドル作成時に推定の幅 [" + probe.low() + ", " + probe.high()
                        + "] でしたが、現在のアンサンブルでは [" + now.low() + ", " + now.high() + "] です",
                        which + " had the interval [" + probe.low() + ", " + probe.high() + "] when the bundle was "
                        + "built, but the ensemble now gives [" + now.low() + ", " + now.high() + "]");
            } else if (!now.band().equals(probe.band())) {
                f.add(e, jaWhich + " はバンドル作成時に区分 " + probe.band() + " でしたが、現在は区分 " + now.band()
                        + " です", which + " was in band " + probe.band() + " when the bundle was built, but is now in "
                        + now.band());
            }
        }
    }

    private static EncodedCase encoded(CaseEncoder encoder, List<Item> inputs, List<String> states) {
        if (states == null || states.size() != inputs.size()) {
            return null;
        }
        int[] idx = new int[states.size()];
        for (int k = 0; k < idx.length; k++) {
            EncodedFeature feature = states.get(k) == null ? null : encoder.feature(states.get(k));
            if (feature == null || !feature.item().equals(inputs.get(k).id())) {
                return null;
            }
            idx[k] = feature.index();
        }
        double[] ones = new double[idx.length];
        Arrays.fill(ones, 1.0);
        return new EncodedCase(idx, ones);
    }

    private static boolean agree(Double stored, Double now) {
        if (stored == null || now == null) {
            return stored == null && now == null;
        }
        return Math.abs(stored - now) <= TOLERANCE;
    }
}
