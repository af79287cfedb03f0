package org.mimamori.api.shadow;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.mimamori.api.audit.AuditEntry;
import org.mimamori.api.audit.AuditTrail;
import org.mimamori.api.models.ActiveModel;
import org.mimamori.api.models.RegisteredScorers;
import org.mimamori.api.models.ShadowReports;
import org.mimamori.api.problems.NotFoundException;
import org.mimamori.api.security.Caller;
import org.mimamori.model.metrics.ScoreBand;
import org.mimamori.model.metrics.ShadowComparison;
import org.mimamori.model.scoring.Scorer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shadow report of a model: the comparison with the active model it was last compared with, over the scores
 * both made (children under a cessation-of-use request left out). Reading it is audited in the same transaction
 * ({@code model.shadow_report}); its headline ({@link #summary}) is what the approval records.
 */
@Service
class ShadowReportService implements ShadowReports {

    /** The audit action of a report read. */
    static final String ACTION = "model.shadow_report";

    /** How many items the report lists. */
    static final int TOP_ITEMS = 10;

    /** Fewest outcomes of each kind for the outcome figures to count as enough. */
    static final int MIN_OF_EACH_KIND = 10;

    /**
     * A report.
     *
     * @param shadowVersion   the shadow model
     * @param activeVersion   the active model compared with
     * @param others          earlier active models it was compared with (left out)
     * @param comparison      the matrix and differences
     * @param redFlagsDiffer  scores where the models raised a different number of red flags
     * @param items           the items whose contributions differ most
     * @param outcomes        both models on the scores with an outcome where both gave an estimate
     * @param withheldLeftOut scores with an outcome left out because an estimate was withheld
     * @param enoughOutcomes  whether there are enough outcomes for the outcome figures
     * @param enoughScored    whether there are enough scores for the comparison
     * @param first           the first compared score's time, or null
     * @param last            the last compared score's time, or null
     * @param activeBands     the active model's bands (for labels; empty when it cannot be read)
     * @param shadowBands     the shadow model's bands (for labels; empty when it cannot be read)
     * @param scorers         the shadow and the active model's scorers, for item labels (either may be absent)
     */
    record Report(String shadowVersion, String activeVersion, List<ShadowStore.Against> others,
                  ShadowComparison comparison, long redFlagsDiffer, List<ShadowComparison.ItemDifference> items,
                  ShadowComparison.Outcomes outcomes, int withheldLeftOut, boolean enoughOutcomes,
                  boolean enoughScored, Instant first, Instant last, List<ScoreBand> activeBands,
                  List<ScoreBand> shadowBands, List<Scorer> scorers) {
    }

    private final ShadowStore store;
    private final RegisteredScorers registered;
    private final AuditTrail audit;
    private final ShadowProperties properties;
    private final Clock clock;

    ShadowReportService(ShadowStore store, RegisteredScorers registered, AuditTrail audit,
                        ShadowProperties properties, Clock clock) {
        this.store = store;
        this.registered = registered;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The report of a model, audited.
     *
     * @throws NotFoundException when the model never scored in shadow
     */
    @Transactional
    Report report(String shadowVersion, Caller caller) {
        Report r = compute(shadowVersion, true).orElseThrow(() -> new NotFoundException("モデル " + shadowVersion
                + " はシャドーモデルとしてスコアを算出したことがないため、シャドーレポートはありません。",
                "Model " + shadowVersion + " never scored in shadow: there is no shadow report of it."));
        audit.record(AuditEntry.ok(clock.instant().truncatedTo(ChronoUnit.MILLIS), caller.name(), caller.role(),
                ACTION, "model/" + shadowVersion, null));
        return r;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Summary> summary(String shadowVersion) {
        return compute(shadowVersion, false).map(r -> new Summary(r.activeVersion(), r.comparison().n(),
                r.comparison().bandAgreement(), r.comparison().meanAbsDifference(),
                r.comparison().maxAbsDifference()));
    }

    private Optional<Report> compute(String shadowVersion, boolean full) {
        List<ShadowStore.Against> against = store.against(shadowVersion);
        if (against.isEmpty()) {
            return Optional.empty();
        }
        String activeVersion = against.get(0).activeVersion();
        Optional<Scorer> shadow = scorer(shadowVersion);
        Optional<Scorer> active = scorer(activeVersion);
        List<ScoreBand> shadowBands = shadow.map(s -> s.bands().bands()).orElse(List.of());
        List<ScoreBand> activeBands = active.map(s -> s.bands().bands()).orElse(List.of());
        ShadowComparison c = new ShadowComparison(activeBands.stream().map(ScoreBand::id).toList(),
                shadowBands.stream().map(ScoreBand::id).toList());
        List<double[]> withOutcome = new ArrayList<>();
        List<Boolean> outcome = new ArrayList<>();
        long[] redFlagsDiffer = {0};
        int[] withheldLeftOut = {0};
        Instant[] span = {null, null};
        store.compared(shadowVersion, activeVersion, x -> {
            c.add(x.activeBand(), x.activeProbability() == null ? Double.NaN : x.activeProbability(),
                    x.shadowBand(), x.shadowProbability() == null ? Double.NaN : x.shadowProbability());
            redFlagsDiffer[0] += x.redFlagsDiffer() ? 1 : 0;
            if (x.needConfirmed() != null) {
                if (x.activeProbability() == null || x.shadowProbability() == null) {
                    withheldLeftOut[0]++;
                } else {
                    withOutcome.add(new double[] {x.activeProbability(), x.shadowProbability()});
                    outcome.add(x.needConfirmed());
                }
            }
            span[0] = span[0] == null || x.scoredAt().isBefore(span[0]) ? x.scoredAt() : span[0];
            span[1] = span[1] == null || x.scoredAt().isAfter(span[1]) ? x.scoredAt() : span[1];
        });
        List<ShadowComparison.ItemDifference> items = full
                ? ShadowComparison.itemsDifferingMost(store.itemSums(shadowVersion, activeVersion), c.n(), TOP_ITEMS)
                : List.of();
        double[] a = new double[withOutcome.size()];
        double[] s = new double[withOutcome.size()];
        boolean[] y = new boolean[withOutcome.size()];
        for (int i = 0; i < y.length; i++) {
            a[i] = withOutcome.get(i)[0];
            s[i] = withOutcome.get(i)[1];
            y[i] = outcome.get(i);
        }
        ShadowComparison.Outcomes o = ShadowComparison.Outcomes.of(a, s, y);
        boolean enoughOutcomes = o.n() >= properties.minOutcomes() && o.positives() >= MIN_OF_EACH_KIND
                && o.n() - o.positives() >= MIN_OF_EACH_KIND;
        List<Scorer> scorers = new ArrayList<>();
        shadow.ifPresent(scorers::add);
        active.ifPresent(scorers::add);
        return Optional.of(new Report(shadowVersion, activeVersion, against.subList(1, against.size()), c,
                redFlagsDiffer[0], items, o, withheldLeftOut[0], enoughOutcomes, c.n() >= properties.minScored(),
                span[0], span[1], activeBands, shadowBands, scorers));
    }

    private Optional<Scorer> scorer(String version) {
        try {
            return registered.registered(version).map(ActiveModel::scorer);
        } catch (RuntimeException e) {
            return Optional.empty(); // labels fall back to ids
        }
    }
}
