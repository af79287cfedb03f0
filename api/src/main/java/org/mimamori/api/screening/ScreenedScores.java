package org.mimamori.api.screening;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mimamori.api.models.ActiveModel;
import org.mimamori.api.models.RegisteredScorers;
import org.mimamori.api.scoring.ScoreRecorder;
import org.mimamori.api.security.Caller;
import org.mimamori.model.data.Case;
import org.mimamori.model.data.CaseCsv;
import org.mimamori.model.data.CsvTable;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.scoring.ExplainedScore;
import org.springframework.stereotype.Component;

/**
 * Records the scores of compact entries when people first open them (a page of the review list, a review): each
 * child's stored cells are scored again by the screening's model (a registered bundle), the explanation is checked
 * against the fingerprint kept when it was first computed, and the score is recorded under the id the entry
 * carries, as a full screening would have recorded it (purpose {@code screening}, made by the screening's creator
 * at the screening's time, told to the score listeners), with the entry's summary.
 */
@Component
class ScreenedScores {

    private final ScreeningStore store;
    private final RegisteredScorers scorers;
    private final ScoreRecorder recorder;
    private final ObjectMapper json;

    ScreenedScores(ScreeningStore store, RegisteredScorers scorers, ScoreRecorder recorder, ObjectMapper json) {
        this.store = store;
        this.scorers = scorers;
        this.recorder = recorder;
        this.json = json;
    }

    /**
     * Records the scores of the compact entries among {@code entries} not recorded yet; in the caller's
     * transaction (the entries are locked, so concurrent readers record each once).
     *
     * @return the entries, with the summaries of those recorded
     * @throws IllegalStateException when the screening's model is no longer registered, or an explanation scored
     *                               again differs from the one first computed
     */
    List<ScreeningStore.Entry> record(ScreeningStore.Job job, List<ScreeningStore.Entry> entries) {
        List<Integer> open = entries.stream().filter(e -> e.summaryJson() == null && e.inputs() != null)
                .map(ScreeningStore.Entry::rowNo).toList();
        if (open.isEmpty()) {
            return entries;
        }
        List<Integer> locked = store.lockUnrecorded(job.id(), open);
        if (locked.isEmpty()) {
            return reread(job, entries);
        }
        ActiveModel model = scorers.registered(job.modelVersion()).orElseThrow(() -> new IllegalStateException(
                "the model " + job.modelVersion() + " of screening " + job.id() + " is no longer registered"));
        FeatureSchema schema = model.scorer().schema();
        Locale locale = Locale.forLanguageTag(job.language());
        Map<Integer, ScreeningStore.Entry> byRow = new HashMap<>();
        entries.forEach(e -> byRow.put(e.rowNo(), e));
        StringBuilder csv = new StringBuilder(store.header(job.id())).append('\n');
        locked.forEach(row -> csv.append(byRow.get(row).inputs()).append('\n'));
        List<Case> cases;
        try {
            cases = CaseCsv.read(schema, CsvTable.read(new StringReader(csv.toString()), "inputs")).cases();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ScoreRecorder.Batched> scores = new ArrayList<>(locked.size());
        Map<Integer, String> summaries = new HashMap<>();
        for (int k = 0; k < locked.size(); k++) {
            ScreeningStore.Entry e = byRow.get(locked.get(k));
            Case c = cases.get(k);
            ExplainedScore s = model.scorer().score(c);
            if (!Arrays.equals(ScreenedChild.fingerprint(s), e.fingerprint())) {
                throw new IllegalStateException("screening " + job.id() + " entry " + e.rowNo() + ": the explanation "
                        + "scored again differs from the one first computed");
            }
            scores.add(new ScoreRecorder.Batched(UUID.fromString(e.scoreId()), e.childRef(),
                    ScreenedChild.items(c, schema), c, s));
            summaries.put(e.rowNo(), write(ScreenedChild.summary(s, schema, locale)));
        }
        recorder.recordScreening(job.id(), scores, schema, new Caller(job.createdBy(), job.creatorRole()), locale,
                job.createdAt());
        summaries.forEach((row, summary) -> store.recorded(job.id(), row, summary));
        return reread(job, entries);
    }

    private List<ScreeningStore.Entry> reread(ScreeningStore.Job job, List<ScreeningStore.Entry> entries) {
        return entries.stream().map(e -> e.summaryJson() != null || e.inputs() == null ? e
                : store.entry(job.id(), e.rowNo()).orElse(e)).toList();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
