package org.mimamori.api.decisions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.mimamori.api.audit.AuditEntry;
import org.mimamori.api.audit.AuditTrail;
import org.mimamori.api.cessation.Cessations;
import org.mimamori.api.models.ModelBands;
import org.mimamori.api.problems.ConflictException;
import org.mimamori.api.problems.FieldProblem;
import org.mimamori.api.problems.InvalidRequestException;
import org.mimamori.api.problems.NotFoundException;
import org.mimamori.api.security.Caller;
import org.mimamori.api.similar.ScoreStates;
import org.mimamori.api.web.dto.Decision;
import org.mimamori.api.web.dto.DecisionRequest;
import org.mimamori.api.web.dto.Outcome;
import org.mimamori.api.web.dto.OutcomeRequest;
import org.mimamori.api.web.dto.SignOffRequest;
import org.mimamori.api.web.dto.SupportType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records decisions, sign-offs and outcomes, each with its audit record in one transaction. Nothing is stored
 * for a refused request.
 */
@Service
class DecisionService implements DecisionRecords {

    private final DecisionStore store;
    private final ModelBands bands;
    private final AuditTrail audit;
    private final Cessations cessations;
    private final ScoreStates similarityKeys;
    private final Clock clock;

    DecisionService(DecisionStore store, ModelBands bands, AuditTrail audit, Cessations cessations,
                    ScoreStates similarityKeys, Clock clock) {
        this.similarityKeys = similarityKeys;
        this.clock = clock;
        this.store = store;
        this.bands = bands;
        this.audit = audit;
        this.cessations = cessations;
    }

    @Transactional
    Decision decide(UUID scoreId, DecisionRequest request, Caller caller) {
        DecisionStore.ScoreFacts score = store.score(scoreId.toString())
                .orElseThrow(() -> NotFoundException.noScore(scoreId));
        refuseIfCeased(score);
        String band = score.bandId();
        boolean redFlags = score.redFlagCount() > 0;
        String decision = request.getDecision().getValue();
        DecisionRules.Judgement j = DecisionRules.judge(band,
                band == null ? null : bands.bands(score.modelVersion()), redFlags, decision);
        List<FieldProblem> problems = DecisionRules.problems(j, request.getReason(), request.getDismissesRedFlags());
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        String reason = request.getReason() == null || request.getReason().isBlank() ? null
                : request.getReason().strip();
        Instant now = now();
        DecisionRow row = new DecisionRow(UUID.randomUUID().toString(), scoreId.toString(), decision, reason,
                Boolean.TRUE.equals(request.getDismissesRedFlags()), j.band(), j.bandRank(), j.againstBand(),
                j.againstRedFlag(), caller.name(), caller.role(), now, j.againstRedFlag() ? "pending" : "not_needed",
                null, null, null);
        store.insert(row);
        audit.record(AuditEntry.ok(now, caller.name(), caller.role(), "decision.create", "decision/" + row.id(),
                null).touching(List.of(score.childRef())));
        return DecisionViews.view(row);
    }

    /** A child under a cessation-of-use request (org.mimamori.api.cessation) gets no new decision or outcome. */
    private void refuseIfCeased(DecisionStore.ScoreFacts score) {
        if (cessations.covers(score.childRef())) {
            throw new ConflictException("このスコアの子どもには利用停止の請求が出ています。記録を使えないため、"
                    + "これ以上何も記録しません。何も保存していません。",
                    "The child of this score is under a cessation-of-use request: their "
                    + "records may no longer be used, so nothing more is recorded on them. Nothing was stored.");
        }
    }

    private static ConflictException oneOutcome(UUID scoreId) {
        return new ConflictException("スコア " + scoreId + " にはすでに結果が記録されています。結果はスコアごとに "
                + "1 件です。", "Score " + scoreId + " already has an outcome; there is one per score.");
    }

    @Transactional
    Decision signOff(UUID decisionId, SignOffRequest request, Caller caller) {
        DecisionRow row = store.lock(decisionId.toString())
                .orElseThrow(() -> new NotFoundException("ID " + decisionId + " の判断はありません。",
                        "No decision with id " + decisionId + "."));
        List<FieldProblem> problems = new ArrayList<>();
        if (request.getNote() == null || request.getNote().isBlank()) {
            problems.add(new FieldProblem("note", "必須です：判断を承認する、または差し戻す理由を記入してください",
                    "is required: say why you sign off or reject the decision"));
        } else if (request.getNote().length() > DecisionRules.MAX_TEXT) {
            problems.add(new FieldProblem("note", DecisionRules.MAX_TEXT + " 文字以下でなければなりません",
                    "must be at most " + DecisionRules.MAX_TEXT + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        if (!row.signOffStatus().equals("pending")) {
            throw new ConflictException("判断 " + decisionId + " は承認待ちではありません（現在 "
                    + row.signOffStatus() + "）。",
                    "Decision " + decisionId + " has no pending sign-off (it is " + row.signOffStatus() + ").");
        }
        if (row.decidedBy().equals(caller.name())) {
            throw new ConflictException("判断した本人はその判断を承認できません。",
                    "A decision cannot be signed off by the person who made it.");
        }
        Instant now = now();
        String status = Boolean.TRUE.equals(request.getApprove()) ? "signed" : "rejected";
        store.signOff(row.id(), status, caller.name(), now, request.getNote().strip());
        audit.record(AuditEntry.ok(now, caller.name(), caller.role(), "decision.sign_off." + status,
                "decision/" + row.id(), null).touching(store.score(row.scoreId()).map(f -> List.of(f.childRef()))
                .orElse(List.of())));
        return DecisionViews.view(store.find(row.id()).orElseThrow());
    }

    @Transactional
    Outcome recordOutcome(UUID scoreId, OutcomeRequest request, Caller caller) {
        DecisionStore.ScoreFacts score = store.score(scoreId.toString())
                .orElseThrow(() -> NotFoundException.noScore(scoreId));
        refuseIfCeased(score);
        List<SupportType> types = request.getSupportTypes() == null ? List.of() : request.getSupportTypes();
        List<FieldProblem> problems = new ArrayList<>();
        if (request.getConfirmedOn() != null && request.getConfirmedOn().isAfter(LocalDate.now(ZoneOffset.UTC))) {
            problems.add(new FieldProblem("confirmedOn", "未来の日付にはできません", "must not be in the future"));
        }
        if (!Boolean.TRUE.equals(request.getNeedConfirmed()) && !types.isEmpty()) {
            problems.add(new FieldProblem("supportTypes", "支援の必要性が確認されなかった場合は空でなければなりません",
                    "must be empty when no need was confirmed"));
        }
        if (types.stream().anyMatch(java.util.Objects::isNull)) {
            problems.add(new FieldProblem("supportTypes", "null を含むことはできません", "must not contain null"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        if (store.hasOutcome(scoreId.toString())) {
            throw oneOutcome(scoreId);
        }
        Instant now = now();
        OutcomeRow row = new OutcomeRow(UUID.randomUUID().toString(), scoreId.toString(),
                request.getNeedConfirmed(), types.stream().distinct().map(SupportType::getValue)
                .collect(Collectors.joining(",")), request.getConfirmedOn(), caller.name(), now);
        try {
            store.insert(row);
        } catch (DuplicateKeyException e) {
            throw oneOutcome(scoreId);
        }
        similarityKeys.recordFor(scoreId.toString()); // org.mimamori.api.similar: now among similar cases
        audit.record(AuditEntry.ok(now, caller.name(), caller.role(), "outcome.create", "outcome/" + row.id(),
                null).touching(List.of(score.childRef())));
        return DecisionViews.view(row);
    }

    @Override
    @Transactional(readOnly = true)
    public List<DecisionRow> decisionsOf(Collection<String> scoreIds) {
        return store.decisionsOf(scoreIds);
    }

    @Override
    @Transactional(readOnly = true)
    public List<OutcomeRow> outcomesOf(Collection<String> scoreIds) {
        return store.outcomesOf(scoreIds);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
