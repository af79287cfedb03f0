package org.mimamori.api.screening;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mimamori.api.cessation.Cessations;
import org.mimamori.api.models.ActiveModel;
import org.mimamori.api.scoring.ScoreRecorder;
import org.mimamori.api.security.Caller;
import org.mimamori.model.data.Case;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.scoring.ExplainedScore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scores one claimed chunk and stores it whole: its entries, in one transaction that also marks the chunk done, or
 * nothing when the claim is no longer the chunk's. Children under a cessation-of-use request
 * (org.mimamori.api.cessation) are stored as skipped rows, never scored.
 */
@Component
class ChunkScreener {

    private final ScreeningStore store;
    private final ScreeningChunks chunks;
    private final ScoreRecorder recorder;
    private final Cessations cessations;
    private final TransactionTemplate tx;
    private final ObjectMapper json;

    ChunkScreener(ScreeningStore store, ScreeningChunks chunks, ScoreRecorder recorder, Cessations cessations,
                  PlatformTransactionManager transactions, ObjectMapper json) {
        this.store = store;
        this.chunks = chunks;
        this.recorder = recorder;
        this.cessations = cessations;
        this.tx = new TransactionTemplate(transactions);
        this.json = json;
    }

    /**
     * Scores a chunk's children and stores them.
     *
     * @return false when nothing was stored: the claim was lost
     */
    boolean store(ScreeningChunks.Claim claim, CohortFile file, ActiveModel model, Caller caller, Locale locale,
                  Instant now) {
        String id = claim.chunk().screeningId();
        int firstRow = claim.chunk().firstRow();
        FeatureSchema schema = model.scorer().schema();
        Set<String> ceased = tx.execute(status -> cessations.coveredAmong(file.refs()));
        List<ScoreRecorder.Batched> scores = new ArrayList<>(file.refs().size());
        List<ScreeningStore.NewEntry> entries = new ArrayList<>(file.refs().size());
        for (int i = 0; i < file.cases().size(); i++) {
            int row = firstRow + i;
            Case c = file.cases().get(i);
            String ref = file.refs().get(i);
            if (ceased.contains(ref)) {
                entries.add(ScreeningStore.NewEntry.skipped(row));
                continue;
            }
            ExplainedScore s = model.scorer().score(c);
            UUID scoreId = UUID.randomUUID();
            scores.add(new ScoreRecorder.Batched(scoreId, ref, ScreenedChild.items(c, schema), c, s));
            boolean flagged = s.estimate() != null && s.estimate().band().flagged();
            entries.add(new ScreeningStore.NewEntry(row, scoreId.toString(), ref,
                    s.estimate() == null ? null : s.estimate().probability(),
                    s.estimate() == null ? null : s.estimate().band().id(), flagged, s.redFlags().size(),
                    ScreenedChild.alreadySupported(c, schema), write(ScreenedChild.summary(s, schema, locale))));
        }
        Boolean stored = tx.execute(status -> {
            if (!chunks.complete(claim)) {
                return false; // locks the chunk's row until commit: no one else stores it meanwhile
            }
            // again under lock: a request recorded since the first look skips the child as well
            Set<String> ceasedNow = cessations.coveredAmong(
                    scores.stream().map(ScoreRecorder.Batched::childRef).toList());
            List<ScoreRecorder.Batched> kept = ceasedNow.isEmpty() ? scores
                    : scores.stream().filter(b -> !ceasedNow.contains(b.childRef())).toList();
            List<ScreeningStore.NewEntry> rows = ceasedNow.isEmpty() ? entries : entries.stream()
                    .map(e -> e.childRef() != null && ceasedNow.contains(e.childRef())
                            ? ScreeningStore.NewEntry.skipped(e.rowNo()) : e).toList();
            if (!kept.isEmpty()) {
                recorder.recordScreening(id, kept, schema, caller, locale, now);
            }
            store.insertEntries(id, rows);
            return true;
        });
        return Boolean.TRUE.equals(stored);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
