package org.mimamori.api.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mimamori.api.audit.AuditEntry;
import org.mimamori.api.audit.AuditTrail;
import org.mimamori.api.decisions.DecisionRecords;
import org.mimamori.api.decisions.DecisionRow;
import org.mimamori.api.decisions.DecisionViews;
import org.mimamori.api.decisions.OutcomeRow;
import org.mimamori.api.problems.FieldProblem;
import org.mimamori.api.problems.InvalidRequestException;
import org.mimamori.api.scoring.ScoreVisibility;
import org.mimamori.api.scoring.StoredResponses;
import org.mimamori.api.security.Caller;
import org.mimamori.api.web.dto.Agreement;
import org.mimamori.api.web.dto.AgreementRow;
import org.mimamori.api.web.dto.Decision;
import org.mimamori.api.web.dto.OpenRedFlag;
import org.mimamori.api.web.dto.OwnAssessment;
import org.mimamori.api.web.dto.ReviewedScore;
import org.mimamori.api.web.dto.ReviewedScores;
import org.mimamori.api.web.dto.Score;
import org.mimamori.api.web.dto.SignOff;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What supervisors review. Every read is audited in the same transaction. */
@Service
class ReviewService {

    private final ReviewStore store;
    private final DecisionRecords decisions;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final ScoreVisibility assessments;
    private final StoredResponses responses;
    private final Clock clock;

    ReviewService(ReviewStore store, DecisionRecords decisions, AuditTrail audit, ObjectMapper json,
                  ScoreVisibility assessments, StoredResponses responses, Clock clock) {
        this.responses = responses;
        this.clock = clock;
        this.store = store;
        this.decisions = decisions;
        this.audit = audit;
        this.json = json;
        this.assessments = assessments;
    }

    @Transactional
    ReviewedScores scores(int limit, int offset, Caller caller) {
        List<ReviewStore.StoredScore> scores = store.recentScores(limit, offset);
        List<String> ids = scores.stream().map(ReviewStore.StoredScore::id).toList();
        Map<String, List<Decision>> byScore = decisionsByScore(decisions.decisionsOf(ids));
        Map<String, OutcomeRow> outcomes = new LinkedHashMap<>();
        decisions.outcomesOf(ids).forEach(o -> outcomes.put(o.scoreId(), o));
        Map<String, List<OwnAssessment>> own = new LinkedHashMap<>();
        assessments.assessmentsOf(ids).forEach(a -> own.computeIfAbsent(a.scoreId(), k -> new ArrayList<>())
                .add(new OwnAssessment(OwnAssessment.LevelEnum.fromValue(a.level()), a.assessedBy(),
                        a.assessedAt().atOffset(ZoneOffset.UTC)).note(a.note())));
        List<ReviewedScore> items = new ArrayList<>();
        for (ReviewStore.StoredScore s : scores) {
            OutcomeRow o = outcomes.get(s.id());
            items.add(new ReviewedScore(read(responses.response(s.response())), byScore.getOrDefault(s.id(), List.of()))
                    .outcome(o == null ? null : DecisionViews.view(o))
                    .ownAssessments(own.getOrDefault(s.id(), List.of())));
        }
        audit(caller, "review.scores", "review/scores", scores.stream().map(ReviewStore.StoredScore::childRef)
                .toList());
        return new ReviewedScores(items, store.countScores(), limit, offset);
    }

    @Transactional
    Agreement agreement(LocalDate from, LocalDate to, Caller caller) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidRequestException(List.of(new FieldProblem("to", "from より前の日付にはできません",
                    "must not be before from")));
        }
        Instant start = from == null ? Instant.EPOCH : from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to == null ? Instant.parse("9999-01-01T00:00:00Z")
                : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<ReviewStore.Decided> decided = store.decidedBetween(start, end);
        audit(caller, "review.agreement", "review/agreement", List.of());
        return new Agreement(rows(AgreementCounts.byBand(decided)), rows(AgreementCounts.byWeek(decided)))
                .from(from).to(to);
    }

    @Transactional
    List<OpenRedFlag> openRedFlags(Caller caller) {
        List<ReviewStore.StoredScore> flagged = store.openFlaggedScores();
        Map<String, List<Decision>> byScore = decisionsByScore(
                decisions.decisionsOf(flagged.stream().map(ReviewStore.StoredScore::id).toList()));
        List<OpenRedFlag> open = new ArrayList<>();
        for (ReviewStore.StoredScore s : flagged) {
            List<Decision> ds = byScore.getOrDefault(s.id(), List.of());
            Decision latest = ds.isEmpty() ? null : ds.get(ds.size() - 1);
            OpenRedFlag.StatusEnum status = status(latest);
            if (status != null) {
                Score score = read(responses.response(s.response()));
                open.add(new OpenRedFlag(UUID.fromString(s.id()), s.childRef(),
                        s.createdAt().atOffset(ZoneOffset.UTC), score.getRedFlags(), status).decision(latest));
            }
        }
        audit(caller, "review.red_flags", "review/red-flags", open.stream().map(OpenRedFlag::getChildRef).toList());
        return open;
    }

    /** Why a flagged score's red flags are still open, or null when they are not. */
    private static OpenRedFlag.StatusEnum status(Decision latest) {
        if (latest == null) {
            return OpenRedFlag.StatusEnum.NO_DECISION;
        }
        if (!latest.getAgainstRedFlag()) {
            return null;
        }
        // Not a switch: a switch on an enum compiles to a synthetic class outside the service.
        SignOff.StatusEnum signOff = latest.getSignOff().getStatus();
        if (signOff == SignOff.StatusEnum.PENDING) {
            return OpenRedFlag.StatusEnum.SIGN_OFF_PENDING;
        }
        return signOff == SignOff.StatusEnum.REJECTED ? OpenRedFlag.StatusEnum.SIGN_OFF_REJECTED : null;
    }

    private static Map<String, List<Decision>> decisionsByScore(List<DecisionRow> rows) {
        Map<String, List<Decision>> out = new LinkedHashMap<>();
        rows.forEach(r -> out.computeIfAbsent(r.scoreId(), k -> new ArrayList<>()).add(DecisionViews.view(r)));
        return out;
    }

    private static List<AgreementRow> rows(List<AgreementCounts.Row> rows) {
        return rows.stream().map(r -> new AgreementRow(r.key(), r.n(), r.agreeing(), r.overriding(), r.share()))
                .toList();
    }

    private Score read(String stored) {
        try {
            return json.readValue(stored, Score.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored score cannot be read", e);
        }
    }

    private void audit(Caller caller, String action, String resource, List<String> children) {
        audit.record(AuditEntry.ok(clock.instant().truncatedTo(ChronoUnit.MILLIS), caller.name(), caller.role(),
                action, resource, null).touching(children));
    }
}
