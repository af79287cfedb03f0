package org.mimamori.model.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.mimamori.model.calibration.Calibrator;
import org.mimamori.model.data.Case;
import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodedCase;
import org.mimamori.model.metrics.ScoreBand;
import org.mimamori.model.metrics.ScoreBands;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.Item;
import org.mimamori.model.schema.RedFlagRule;
import org.mimamori.model.schema.Role;
import org.mimamori.model.value.Value;

/**
 * Turns a case into an {@link ExplainedScore}: calibrated estimate with interval and band, exact
 * contributions, the changes that would move it across a band boundary, warnings and red flags. Built from a
 * model bundle; immutable and thread-safe.
 */
public final class Scorer {

    private final String modelVersion;
    private final Scorecard scorecard;
    private final Calibrator calibrator;
    private final BootstrapEnsemble ensemble;
    private final TrainingReference reference;
    private final ScoreBands bands;
    private final ScoringSettings settings;
    private final List<Item> inputs;
    private final List<RedFlagRule> redFlagRules;
    private final double[] bandLogits;
    private final BandMoves moves;
    private final Completions completions;

    /**
     * @param modelVersion the bundle version
     * @param scorecard    the production scorecard
     * @param calibrator   maps its logit to a calibrated probability
     * @param ensemble     bootstrap refits for the interval
     * @param reference    training statistics for warnings
     * @param bands        the score bands
     * @param settings     when to warn or withhold
     */
    public Scorer(String modelVersion, Scorecard scorecard, Calibrator calibrator, BootstrapEnsemble ensemble,
                  TrainingReference reference, ScoreBands bands, ScoringSettings settings) {
        this.modelVersion = modelVersion;
        this.scorecard = scorecard;
        this.calibrator = calibrator;
        this.ensemble = ensemble;
        this.reference = reference;
        this.bands = bands;
        this.settings = settings;
        CaseEncoder encoder = scorecard.encoder();
        this.inputs = encoder.inputItems();
        FeatureSchema schema = encoder.schema();
        this.redFlagRules = schema.withRole(Role.RED_FLAG).stream().map(Item::redFlag).toList();
        this.bandLogits = bands.bands().stream().mapToDouble(b -> logitReaching(b.lower())).toArray();
        this.moves = new BandMoves(scorecard);
        this.completions = new Completions(scorecard, reference);
    }

    /** The bundle version. */
    public String modelVersion() {
        return modelVersion;
    }

    /** The schema cases must follow. */
    public FeatureSchema schema() {
        return scorecard.encoder().schema();
    }

    /** The encoder the model reads cases with. */
    public CaseEncoder encoder() {
        return scorecard.encoder();
    }

    /** The statistics of the training inputs (for warnings and drift monitoring). */
    public TrainingReference reference() {
        return reference;
    }

    /** The score bands, lowest first. */
    public ScoreBands bands() {
        return bands;
    }

    /** The input items, in the order of {@link #itemContributions}. */
    public List<Item> inputItems() {
        return inputs;
    }

    /**
     * Every input item's contribution to the logit, whether its value is recorded, not applicable or unknown
     * (the same numbers as {@link #score}'s contributions and, for unknown items, the parts of its
     * {@code unrecorded} sum), in the order of {@link #inputItems}.
     */
    public double[] itemContributions(Case c) {
        return scorecard.contributions(scorecard.encoder().encode(c));
    }

    /** The calibrated probability of a logit. */
    public double probability(double logit) {
        return calibrator.probability(logit);
    }

    /** Scores and explains a case. */
    public ExplainedScore score(Case c) {
        CaseEncoder encoder = scorecard.encoder();
        EncodedCase e = encoder.encode(c);
        double[] contrib = scorecard.contributions(e);
        double logit = scorecard.baseline();
        List<Contribution> contributions = new ArrayList<>(contrib.length);
        double unrecorded = 0;
        List<Item> unknownItems = new ArrayList<>();
        for (int k = 0; k < contrib.length; k++) {
            logit += contrib[k];
            Item item = inputs.get(k);
            Value value = c.get(item.id());
            if (value.kind() == Value.Kind.UNKNOWN) {
                unrecorded += contrib[k];
                unknownItems.add(item);
            } else {
                contributions.add(new Contribution(item, value, encoder.features().get(e.indices()[k]).label(),
                        contrib[k]));
            }
        }
        contributions.sort(Comparator.comparingDouble((Contribution x) -> -Math.abs(x.contribution())));

        List<Warning> warnings = Warnings.about(c, e, inputs, encoder.features(), reference, settings);
        double p = calibrator.probability(logit);
        double[] interval = ensemble.interval(e, calibrator::probability, settings.intervalLevel());
        // The point estimate always lies within what is shown.
        double low = Double.isNaN(interval[0]) ? p : Math.min(interval[0], p);
        double high = Double.isNaN(interval[1]) ? p : Math.max(interval[1], p);
        Estimate estimate = null;
        List<BandMove> bandMoves = List.of();
        if (high - low > settings.maxIntervalWidth()) {
            warnings.add(Warnings.intervalTooWide(low, high));
        } else {
            ScoreBand band = bands.band(p);
            estimate = new Estimate(p, low, high, band);
            bandMoves = bandMoves(e, logit, bands.bands().indexOf(band));
        }
        MissingInformation missing = completions.of(c, e, logit, calibrator, bands);
        return new ExplainedScore(modelVersion, schema().id(), schema().target(), estimate, scorecard.baseline(),
                logit, contributions, new ExplainedScore.Unrecorded(unrecorded, unknownItems), missing, bandMoves, warnings, redFlags(c),
                ExplainedScore.DECISION_NOTICE);
    }

    private List<RedFlag> redFlags(Case c) {
        List<RedFlag> out = new ArrayList<>();
        for (RedFlagRule rule : redFlagRules) {
            var v = rule.when().evaluate(c::get);
            if (v.isNumber() && v.number() != 0) {
                out.add(new RedFlag(rule.item(), rule.message()));
            }
        }
        return out;
    }

    private List<BandMove> bandMoves(EncodedCase e, double logit, int band) {
        List<BandMove> out = new ArrayList<>(2);
        if (band + 1 < bandLogits.length && Double.isFinite(bandLogits[band + 1])) {
            BandMoves.Result r = moves.towards(e, logit, bandLogits[band + 1], true);
            if (!r.changes().isEmpty()) {
                out.add(new BandMove("up", bands.bands().get(band + 1), r.together(), r.changes()));
            }
        }
        if (band > 0 && Double.isFinite(bandLogits[band])) {
            BandMoves.Result r = moves.towards(e, logit, bandLogits[band], false);
            if (!r.changes().isEmpty()) {
                out.add(new BandMove("down", bands.bands().get(band - 1), r.together(), r.changes()));
            }
        }
        return out;
    }

    /** The smallest logit whose calibrated probability reaches {@code p}; +∞ when none does. */
    private double logitReaching(double p) {
        double lo = -40;
        double hi = 40;
        if (calibrator.probability(lo) >= p) {
            return Double.NEGATIVE_INFINITY;
        }
        if (calibrator.probability(hi) < p) {
            return Double.POSITIVE_INFINITY;
        }
        for (int i = 0; i < 80; i++) {
            double mid = (lo + hi) / 2;
            if (calibrator.probability(mid) >= p) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }
}
