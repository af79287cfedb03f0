package org.mimamori.api.similar;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.mimamori.api.audit.AuditEntry;
import org.mimamori.api.audit.AuditTrail;
import org.mimamori.api.models.ActiveModels;
import org.mimamori.api.problems.NotFoundException;
import org.mimamori.api.problems.UnavailableException;
import org.mimamori.api.problems.ConflictException;
import org.mimamori.api.scoring.ScoreVisibility;
import org.mimamori.api.security.Caller;
import org.mimamori.model.schema.FeatureSchema;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the similar past children of a score and aggregates their outcomes. Similar: scores of the same schema,
 * of other children, with a recorded outcome, whose recorded items were in the same states as the {@value #TOP}
 * items that moved this score most; relaxed to the top 2, then the top 1, until the group has at least the
 * minimum group size. Each child counts once, with their latest matching outcome. Below the minimum no figures
 * leave this class. The query and its audit record are one transaction.
 */
@Service
class SimilarOutcomesService {

    /** How many of the items that moved a score most are matched at first. */
    static final int TOP = 3;

    /** The audit action of a query. */
    static final String ACTION = "score.similar_outcomes";

    /**
     * The figures of a group large enough to show.
     *
     * @param children      similar past children with a recorded outcome
     * @param needConfirmed of them, with a confirmed need for support
     * @param supportTypes  per support type that occurs, how many children had it, most first
     */
    record Group(int children, int needConfirmed, Map<String, Integer> supportTypes) {
    }

    /**
     * An answer.
     *
     * @param scoreId      the score
     * @param minGroupSize the minimum group size
     * @param items        the matched items (shown) or the last, widest attempt's (not shown)
     * @param group        the figures, or null when the group is too small to show
     * @param schema       the active model's schema when it is the score's (for labels), else null
     */
    record Answer(UUID scoreId, int minGroupSize, List<SimilarStore.State> items, Group group,
                  FeatureSchema schema) {
    }

    private final SimilarStore store;
    private final ScoreStates states;
    private final ScoreVisibility visibility;
    private final AuditTrail audit;
    private final ActiveModels models;
    private final TransactionTemplate tx;
    private final int minGroupSize;
    private final Clock clock;

    SimilarOutcomesService(SimilarStore store, ScoreStates states, AuditTrail audit, ActiveModels models,
                           PlatformTransactionManager transactions, SimilarProperties properties,
                           ScoreVisibility visibility, Clock clock) {
        this.clock = clock;
        this.visibility = visibility;
        this.store = store;
        this.states = states;
        this.audit = audit;
        this.models = models;
        this.tx = new TransactionTemplate(transactions);
        this.minGroupSize = properties.minGroupSize();
    }

    /**
     * The similar past cases of a score, after auditing the query.
     *
     * @throws NotFoundException when there is no such score
     */
    Answer query(UUID id, String purpose, Caller caller) {
        return tx.execute(status -> {
            SimilarStore.ScoreFacts score = store.score(id.toString())
                    .orElseThrow(() -> NotFoundException.noScore(id));
            if (!visibility.hidden(List.of(id.toString()), caller).isEmpty()) {
                // Judgement-first: the shares of similar past cases are numbers too.
                throw new ConflictException("先にこの子どもについてご自身の見立てを記録してください（POST /api/v1/scores/"
                        + id + "/assessments）。その後に類似の過去事例が表示されます。",
                        "Record your own assessment of this child first "
                        + "(POST /api/v1/scores/" + id + "/assessments); then the similar past cases are shown.");
            }
            List<SimilarStore.State> top = store.topStates(id.toString(), TOP); // a key stored with the score by an earlier version, or at its outcome
            if (top.isEmpty()) {
                top = states.derived(id.toString()).orElse(List.of()).stream().filter(k -> k.rank() != null)
                        .sorted(Comparator.comparing(ScoreStates.Key::rank)).limit(TOP)
                        .map(k -> new SimilarStore.State(k.item(), k.state(), k.stateJa())).toList();
            }
            List<SimilarStore.State> items = top;
            Group group = null;
            for (int k = top.size(); k >= 1 && group == null; k--) {
                items = top.subList(0, k);
                group = group(store.outcomesMatching(score.schemaId(), score.childRef(), items));
            }
            audit.record(AuditEntry.ok(clock.instant().truncatedTo(ChronoUnit.MILLIS), caller.name(),
                    caller.role(), ACTION, "score/" + id, purpose).touching(List.of(score.childRef())));
            return new Answer(id, minGroupSize, List.copyOf(items), group, schema(score.schemaId()));
        });
    }

    /** The figures of the outcomes, one per child (the latest), or null below the minimum group size. */
    private Group group(List<SimilarStore.PastOutcome> outcomes) {
        Map<String, SimilarStore.PastOutcome> latest = new LinkedHashMap<>();
        for (SimilarStore.PastOutcome o : outcomes) {
            latest.merge(o.childRef(), o, (a, b) -> b.recordedAt().isAfter(a.recordedAt()) ? b : a);
        }
        if (latest.size() < minGroupSize) {
            return null;
        }
        int need = 0;
        Map<String, Integer> types = new LinkedHashMap<>();
        for (SimilarStore.PastOutcome o : latest.values()) {
            if (o.needConfirmed()) {
                need++;
            }
            for (String t : o.supportTypes().split(",")) {
                if (!t.isBlank()) {
                    types.merge(t.trim(), 1, Integer::sum);
                }
            }
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(types.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        Map<String, Integer> ordered = new LinkedHashMap<>();
        sorted.forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return new Group(latest.size(), need, ordered);
    }

    private FeatureSchema schema(String schemaId) {
        try {
            FeatureSchema schema = models.current().scorer().schema();
            return schema.id().equals(schemaId) ? schema : null;
        } catch (UnavailableException e) {
            return null;
        }
    }
}
