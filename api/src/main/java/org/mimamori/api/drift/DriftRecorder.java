package org.mimamori.api.drift;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.mimamori.api.models.ActiveModel;
import org.mimamori.api.models.ActiveModels;
import org.mimamori.api.scoring.ScoreListener;
import org.mimamori.model.drift.Drift;
import org.mimamori.model.drift.Observation;
import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.scoring.Scorer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Keeps, with each score the active model records, what drift monitoring needs: per input item the position of
 * its encoded state and whether a recorded number lay outside the training range, plus the score's model, band
 * and screening. Written in the recording transaction (so it is erased with the score, and nothing is kept of a
 * score that was not stored). Monitoring must never cost a score: a failure here is logged and the score stands.
 * Scores of a model other than the one active in this instance (a switch under way) are left out. Off with
 * {@code mimamori.drift.enabled=false} (then nothing is kept and the figures stay empty).
 */
@Component
@ConditionalOnProperty(name = "mimamori.drift.enabled", havingValue = "true", matchIfMissing = true)
class DriftRecorder implements ScoreListener {

    private static final Logger LOG = LoggerFactory.getLogger(DriftRecorder.class);

    private final ActiveModels models;
    private final DriftStore store;

    DriftRecorder(ActiveModels models, DriftStore store) {
        this.models = models;
        this.store = store;
    }

    @Override
    public void recorded(List<Recorded> scores, FeatureSchema schema, Instant at) {
        try {
            ActiveModel active = models.current();
            Scorer scorer = active.scorer();
            CaseEncoder encoder = scorer.encoder();
            List<DriftStore.Row> rows = new ArrayList<>(scores.size());
            for (Recorded r : scores) {
                if (!active.version().equals(r.explained().modelVersion())) {
                    continue;
                }
                Observation o = Drift.observe(encoder, scorer.reference(), r.input(), encoder.encode(r.input()));
                String band = r.explained().estimate() == null ? null : r.explained().estimate().band().id();
                rows.add(new DriftStore.Row(r.scoreId().toString(), active.version(), r.screeningId(), at, band, o));
            }
            if (!rows.isEmpty()) {
                store.insert(rows);
            }
        } catch (RuntimeException e) {
            LOG.warn("Drift monitoring could not keep {} score(s); the scores stand: {}", scores.size(), e.toString());
        }
    }
}
