package org.mimamori.api.screening;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mimamori.api.cessation.Cessations;
import org.mimamori.api.database.TimeOrderedIds;
import org.mimamori.api.models.ActiveModel;
import org.mimamori.api.scoring.ScoreRecorder;
import org.mimamori.api.security.Caller;
import org.mimamori.model.data.Case;
import org.mimamori.model.data.CsvTable;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.scoring.ExplainedScore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scores one claimed chunk and stores it whole: its entries, in one transaction that also marks the chunk done, or
 * nothing when the claim is no longer the chunk's. With {@code mimamori.screening.storage=full} (the default) each
 * child is also recorded as a score (purpose {@code screening}, told to the score listeners: drift, shadow, audit
 * groups); with {@code compact} a child is an entry only (its row's cells and the fingerprint of its explanation)
 * until people open it ({@link ScreenedScores}). Children under a cessation-of-use request
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
    private final boolean compact;

    ChunkScreener(ScreeningStore store, ScreeningChunks chunks, ScoreRecorder recorder, Cessations cessations,
                  PlatformTransactionManager transactions, ObjectMapper json,
                  @Value("${mimamori.screening.storage:full}") String storage) {
        if (!"full".equals(storage) && !"compact".equals(storage)) {
            throw new IllegalArgumentException("mimamori.screening.storage must be full or compact, not " + storage);
        }
        this.compact = "compact".equals(storage);
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
        TextBuffer line = new TextBuffer(512);
        for (int i = 0; i < file.cases().size(); i++) {
            int row = firstRow + i;
            Case c = file.cases().get(i);
            String ref = file.refs().get(i);
            if (ceased.contains(ref)) {
                entries.add(ScreeningStore.NewEntry.skipped(row));
                continue;
            }
            ExplainedScore s = model.scorer().score(c);
            UUID scoreId = TimeOrderedIds.next(now);
            boolean flagged = s.estimate() != null && s.estimate().band().flagged();
            Double probability = s.estimate() == null ? null : s.estimate().probability();
            String band = s.estimate() == null ? null : s.estimate().band().id();
            boolean supported = ScreenedChild.alreadySupported(c, schema);
            if (compact) {
                line.getBuffer().setLength(0);
                CsvTable.writeLine(line, Arrays.asList(file.rows().get(i)));
                line.getBuffer().setLength(line.getBuffer().length() - 1);
                entries.add(new ScreeningStore.NewEntry(row, scoreId.toString(), ref, probability, band, flagged,
                        s.redFlags().size(), supported, null, line.toString(), ScreenedChild.fingerprint(s)));
            } else {
                scores.add(new ScoreRecorder.Batched(scoreId, ref, ScreenedChild.items(c, schema), c, s));
                entries.add(new ScreeningStore.NewEntry(row, scoreId.toString(), ref, probability, band, flagged,
                        s.redFlags().size(), supported, write(ScreenedChild.summary(s, schema, locale)), null, null));
            }
        }
        Boolean stored = tx.execute(status -> {
            if (!chunks.complete(claim)) {
                return false; // locks the chunk's row until commit: no one else stores it meanwhile
            }
            // again under lock: a request recorded since the first look skips the child as well
            Set<String> ceasedNow = cessations.coveredAmong(entries.stream().map(ScreeningStore.NewEntry::childRef)
                    .filter(java.util.Objects::nonNull).toList());
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
