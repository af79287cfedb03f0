package org.mimamori.api.scoring;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.mimamori.api.audit.AccessContext;
import org.mimamori.api.audit.AuditEntry;
import org.mimamori.api.audit.AuditTrail;
import org.mimamori.api.cessation.Cessations;
import org.mimamori.api.config.WorkPermits;
import org.mimamori.api.database.TimeOrderedIds;
import org.mimamori.api.models.ActiveModel;
import org.mimamori.api.models.ActiveModels;
import org.mimamori.api.problems.ConflictException;
import org.mimamori.api.problems.NotFoundException;
import org.mimamori.api.security.Caller;
import org.mimamori.api.web.dto.Score;
import org.mimamori.api.web.dto.ScoreRequest;
import org.mimamori.model.data.Case;
import org.mimamori.model.scoring.ExplainedScore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Scores cases and records them. A score is returned only after it and its audit record are committed
 * together; if the database cannot record it, the caller gets no score. Reading a score is audited the same way.
 * The timer {@code mimamori.scores} measures scoring including recording, tagged by outcome.
 */
@Service
class ScoringService {

    /** A recorded score: its id and the response JSON exactly as given, in UTF-8. */
    record Recorded(UUID id, byte[] json) {
    }

    private final ActiveModels models;
    private final ScoreRepository scores;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final JudgementFirst judgementFirst;
    private final Cessations cessations;
    private final ScoreCommits commits;
    private final StoredResponses responses;
    private final Clock clock;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    ScoringService(ActiveModels models, ScoreRepository scores, AuditTrail audit,
                   PlatformTransactionManager transactions, ObjectMapper json, MeterRegistry meters,
                   JudgementFirst judgementFirst, Cessations cessations,
                   ScoreCommits commits, StoredResponses responses, Clock clock) {
        this.responses = responses;
        this.clock = clock;
        this.models = models;
        this.scores = scores;
        this.audit = audit;
        // Runs again when it loses a write conflict on a Galera cluster (docs/scaling.md).
        this.tx = new org.mimamori.api.database.RetryingTransactionTemplate(transactions);
        this.json = json;
        this.meters = meters;
        this.judgementFirst = judgementFirst;
        this.cessations = cessations;
        this.commits = commits;
    }

    Recorded score(ScoreRequest request, Caller caller, Locale locale) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        try {
            Recorded r = scoreAndRecord(request, caller, locale);
            outcome = "ok";
            return r;
        } catch (org.mimamori.api.problems.InvalidRequestException e) {
            outcome = "invalid";
            throw e;
        } finally {
            sample.stop(timers.computeIfAbsent(outcome, o -> Timer.builder("mimamori.scores")
                    .description("Scoring a case, including recording it").tag("outcome", o).register(meters)));
        }
    }

    private Recorded scoreAndRecord(ScoreRequest request, Caller caller, Locale locale) {
        ActiveModel model = models.current();
        Map<String, Object> items = request.getItems();
        Case c = CaseReader.read(model.scorer().schema(), items);
        ExplainedScore explained = model.scorer().score(c);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        UUID id = TimeOrderedIds.next(now);
        Score view = ScoreViews.view(id, request, explained, model.scorer().schema(), locale, now, caller);
        String requestJson = write(request);
        byte[] responseJson = StoredResponsesService.utf8(json, view); // straight to UTF-8: its fingerprint and the body are these bytes
        // recorded with its audit record, together with the scores of concurrent requests (ScoreCommits)
        org.mimamori.api.web.dto.PriorAssessment prior = request.getPriorAssessment();
        WorkPermits.stepAside(); // what is left is waiting for the group's commit
        commits.commit(new ScoreCommits.Pending(id, request.getChildRef(), request.getPurpose().getValue(), caller, c,
                explained, model.scorer().schema(), now, requestJson, responseJson, locale.getLanguage(),
                currentRequest(), prior == null
                ? null : () -> judgementFirst.record(id.toString(), request.getChildRef(), prior, caller, now)));
        return new Recorded(id, responseJson);
    }

    /**
     * The stored response of a score, after auditing the read; without its numbers and bands while
     * judgement-first mode hides them from the caller ({@link HiddenScores}); with its version marks when it
     * was corrected or is a correction ({@link VersionMarks}).
     */
    String read(UUID id, Caller caller) {
        return tx.execute(status -> {
            ScoreRow row = scores.findById(id.toString())
                    .orElseThrow(() -> NotFoundException.noScore(id));
            audit.record(AuditEntry.ok(clock.instant().truncatedTo(ChronoUnit.MILLIS), caller.name(), caller.role(),
                    "score.read", "score/" + id, null).touching(java.util.List.of(row.childRef())));
            String response = responses.response(row.stored());
            return marked(row, judgementFirst.hidden(java.util.List.of(row.id()), caller).isEmpty()
                    ? response : HiddenScores.hide(response, json));
        });
    }

    /**
     * Records the caller's own assessment of a stored score's child, audited in the same transaction, and gives
     * the score, whose numbers the caller may now see.
     */
    String assess(UUID id, org.mimamori.api.web.dto.PriorAssessment assessment, Caller caller) {
        return tx.execute(status -> {
            ScoreRow row = scores.findById(id.toString())
                    .orElseThrow(() -> NotFoundException.noScore(id));
            if (cessations.covers(row.childRef())) {
                throw new ConflictException("このスコアの子どもには利用停止の請求が出ています。記録を使えないため、"
                        + "見立てを記録しません。何も保存していません。", "The child of this score is under a "
                        + "cessation-of-use request: their records may no longer be used, so no assessment is "
                        + "recorded. Nothing was stored.");
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            judgementFirst.record(row.id(), row.childRef(), assessment, caller, now);
            audit.record(AuditEntry.ok(now, caller.name(), caller.role(), "assessment.create", "score/" + id,
                    row.purpose()).touching(java.util.List.of(row.childRef())));
            return marked(row, responses.response(row.stored()));
        });
    }

    /** A response with the version marks of its row ({@link VersionMarks}). */
    private String marked(ScoreRow row, String response) {
        return VersionMarks.mark(response, row.supersedes(), row.correctionReason(), row.supersededBy(),
                row.supersededAt(), json);
    }

    private static AccessContext currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? AccessContext.of(a.getRequest()) : null;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
