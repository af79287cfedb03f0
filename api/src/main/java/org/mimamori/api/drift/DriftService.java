package org.mimamori.api.drift;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

import org.mimamori.api.audit.AuditEntry;
import org.mimamori.api.audit.AuditTrail;
import org.mimamori.api.models.ActiveModel;
import org.mimamori.api.models.ActiveModels;
import org.mimamori.api.models.RegisteredScorers;
import org.mimamori.api.problems.NotFoundException;
import org.mimamori.api.security.Caller;
import org.mimamori.api.web.dto.DriftFigures;
import org.mimamori.model.drift.Drift;
import org.mimamori.model.drift.DriftReport;
import org.mimamori.model.drift.DriftThresholds;
import org.mimamori.model.drift.DriftWindow;
import org.mimamori.model.metrics.ScoreBand;
import org.mimamori.model.scoring.Scorer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The drift figures of the live window and of screenings, read from the database (so every instance gives the
 * same), against the training reference of the model that scored them. Every read by a person is audited in
 * the same transaction; the gauges' refresh ({@link DriftGauges}) is not a read of anyone's data and is not.
 */
@Service
class DriftService {

    private final DriftStore store;
    private final ActiveModels models;
    private final RegisteredScorers scorers;
    private final AuditTrail audit;
    private final Clock clock;
    private final int windowScores;
    private final int windowDays;
    private final DriftThresholds thresholds;

    DriftService(DriftStore store, ActiveModels models, RegisteredScorers scorers, AuditTrail audit, Clock clock,
                 @Value("${mimamori.drift.window:5000}") int windowScores,
                 @Value("${mimamori.drift.days:30}") int windowDays,
                 @Value("${mimamori.drift.min-window:200}") int minWindow) {
        if (windowScores < 1 || windowDays < 1) {
            throw new IllegalArgumentException("mimamori.drift.window and mimamori.drift.days must be at least 1");
        }
        this.store = store;
        this.models = models;
        this.scorers = scorers;
        this.audit = audit;
        this.clock = clock;
        this.windowScores = windowScores;
        this.windowDays = windowDays;
        this.thresholds = DriftThresholds.DEFAULT.withMinWindow(minWindow);
    }

    /** The live window's figures of the active model (for the gauges; not audited). */
    @Transactional(readOnly = true)
    Live live() {
        ActiveModel active = models.current();
        return new Live(active.version(), report(active.scorer(), w -> store.window(w, active.version(),
                since(), windowScores)));
    }

    /** The live window's figures with the version that made them. */
    record Live(String version, DriftReport report) {
    }

    @Transactional
    DriftFigures window(Caller caller, String purpose, Locale locale) {
        Live live = live();
        record(caller, "drift", purpose);
        return DriftViews.view(live.report(), live.version(), null, thresholds, locale).windowMaxScores(windowScores)
                .windowDays(windowDays);
    }

    @Transactional
    DriftFigures screening(UUID id, Caller caller, String purpose, Locale locale) {
        String screening = id.toString();
        if (!store.screeningExists(screening)) {
            throw new NotFoundException("スクリーニング " + screening + " はありません。",
                    "There is no screening " + screening + ".");
        }
        ActiveModel model = store.screeningVersion(screening).flatMap(scorers::registered)
                .orElseGet(models::current);
        DriftReport r = report(model.scorer(), w -> store.screening(w, screening, model.version()));
        record(caller, "screening/" + screening + "/drift", purpose);
        return DriftViews.view(r, model.version(), id, thresholds, locale);
    }

    private DriftReport report(Scorer scorer, java.util.function.Consumer<DriftWindow> fill) {
        DriftWindow w = new DriftWindow(scorer.encoder());
        fill.accept(w);
        w.completeModal(Drift.modalStates(scorer.encoder(), scorer.reference()));
        return Drift.assess(scorer.reference(), w, scorer.bands().bands().stream().map(ScoreBand::id).toList(),
                thresholds);
    }

    private Instant since() {
        return clock.instant().minus(Duration.ofDays(windowDays));
    }

    private void record(Caller caller, String resource, String purpose) {
        audit.record(AuditEntry.ok(clock.instant().truncatedTo(ChronoUnit.MILLIS), caller.name(), caller.role(),
                "drift.read", resource, purpose));
    }
}
