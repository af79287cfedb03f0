package org.mimamori.api.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mimamori.api.audit.AuditEntry;
import org.mimamori.api.audit.AuditTrail;
import org.mimamori.api.decisions.DecisionRecords;
import org.mimamori.api.models.ActiveModels;
import org.mimamori.api.models.RegisteredBundles;
import org.mimamori.api.problems.FieldProblem;
import org.mimamori.api.problems.InvalidRequestException;
import org.mimamori.api.problems.NotFoundException;
import org.mimamori.api.security.Caller;
import org.mimamori.model.bundle.ModelBundle;
import org.mimamori.model.metrics.BootstrapInterval;
import org.mimamori.model.metrics.ScoreBand;
import org.mimamori.model.metrics.ScoreBands;
import org.mimamori.model.metrics.Tolerance;
import org.mimamori.model.monitoring.MonitoredScore;
import org.mimamori.model.monitoring.OutcomeMonitor;
import org.mimamori.model.monitoring.OutcomeReport;
import org.mimamori.model.schema.Item;
import org.mimamori.model.schema.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Outcome monitoring of one model over a window of its scores; every read is audited in the same transaction. */
@Service
class OutcomeMonitoringService {

    /** A report with what its view needs: the bundle (bands, schema) and the window asked for. */
    record Monitored(ModelBundle bundle, LocalDate from, LocalDate to, OutcomeReport report) {
    }

    private final MonitoringStore store;
    private final RegisteredBundles bundles;
    private final ActiveModels active;
    private final AuditTrail audit;
    private final OutcomeMonitor monitor;
    private final Clock clock;

    OutcomeMonitoringService(MonitoringStore store, RegisteredBundles bundles, ActiveModels active,
                             AuditTrail audit, MonitoringProperties properties, Clock clock) {
        this.store = store;
        this.bundles = bundles;
        this.active = active;
        this.audit = audit;
        this.monitor = new OutcomeMonitor(properties.minGroupSize(), properties.minClassCount(),
                BootstrapInterval.DEFAULT_RESAMPLES, OutcomeMonitor.DEFAULT_SEED, Tolerance.DEFAULT);
        this.clock = clock;
    }

    @Transactional
    Monitored outcomes(String model, LocalDate from, LocalDate to, Caller caller) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidRequestException(List.of(new FieldProblem("to", "from より前の日付にはできません",
                    "must not be before from")));
        }
        String version = model != null ? model : active.current().version();
        ModelBundle bundle = bundles.bundle(version).orElseThrow(
                () -> new NotFoundException("バージョン " + version + " のモデルは登録されていません。",
                        "No model with version " + version + " is registered."));
        Instant start = from == null ? Instant.EPOCH : from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to == null ? Instant.parse("9999-01-01T00:00:00Z")
                : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        ScoreBands bands = bundle.bands();
        Map<String, Map<String, String>> groups = store.groups(version, start, end);
        List<MonitoredScore> scores = new ArrayList<>();
        for (MonitoringStore.Row r : store.scores(version, start, end)) {
            ScoreBand band = bands.byId(r.band()).orElseThrow(() -> new IllegalStateException("band '" + r.band()
                    + "' of a score is not a band of model " + version));
            MonitoredScore.Decided decided = r.decision() == null ? null
                    : new MonitoredScore.Decided(DecisionRecords.acts(r.decision()), r.againstBand());
            scores.add(new MonitoredScore(r.band(), r.probability(), band.flagged(), decided, r.needConfirmed(),
                    groups.getOrDefault(r.id(), Map.of())));
        }
        List<String> columns = bundle.schema().withRole(Role.AUDIT_GROUP).stream().map(Item::id).toList();
        OutcomeReport report = monitor.run(bands.bands().stream().map(ScoreBand::id).toList(), columns, scores);
        audit.record(AuditEntry.ok(clock.instant().truncatedTo(ChronoUnit.MILLIS), caller.name(), caller.role(),
                "monitoring.outcomes", "monitoring/outcomes/" + version, null));
        return new Monitored(bundle, from, to, report);
    }
}
