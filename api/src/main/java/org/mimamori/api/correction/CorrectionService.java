package org.mimamori.api.correction;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mimamori.api.audit.AuditEntry;
import org.mimamori.api.audit.AuditTrail;
import org.mimamori.api.cessation.Cessations;
import org.mimamori.api.database.TimeOrderedIds;
import org.mimamori.api.models.ActiveModel;
import org.mimamori.api.models.ActiveModels;
import org.mimamori.api.models.RegisteredScorers;
import org.mimamori.api.problems.ConflictException;
import org.mimamori.api.problems.FieldProblem;
import org.mimamori.api.problems.InvalidRequestException;
import org.mimamori.api.problems.NotFoundException;
import org.mimamori.api.scoring.ScoreRecorder;
import org.mimamori.api.security.Caller;
import org.mimamori.api.web.dto.Correction;
import org.mimamori.api.web.dto.CorrectionRequest;
import org.mimamori.api.web.dto.Score;
import org.mimamori.model.data.Case;
import org.mimamori.model.scoring.ExplainedScore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrects a score's inputs (never of a child under a cessation-of-use request: 409): the current version is locked, the corrected inputs are read and scored by the
 * model of that version while it is registered and sound (else by the active model), and the new version, the
 * superseded mark and one audit record are stored in one transaction.
 */
@Service
class CorrectionService {

    private final CorrectionStore store;
    private final RegisteredScorers registered;
    private final ActiveModels active;
    private final ScoreRecorder recorder;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Cessations cessations;
    private final Clock clock;

    CorrectionService(CorrectionStore store, RegisteredScorers registered, ActiveModels active,
                      ScoreRecorder recorder, AuditTrail audit, ObjectMapper json, Cessations cessations,
                      Clock clock) {
        this.clock = clock;
        this.store = store;
        this.registered = registered;
        this.active = active;
        this.recorder = recorder;
        this.audit = audit;
        this.json = json;
        this.cessations = cessations;
    }

    @Transactional
    Correction correct(UUID id, CorrectionRequest request, Caller caller, Locale locale) {
        String reason = request.getReason() == null ? "" : request.getReason().strip();
        if (reason.isEmpty()) {
            throw new InvalidRequestException(List.of(new FieldProblem("reason",
                    "必須です：入力を訂正する理由を記入してください", "is required: say why the inputs are corrected")));
        }
        CorrectionStore.Original original = store.lock(id.toString())
                .orElseThrow(() -> NotFoundException.noScore(id));
        if (cessations.covers(original.childRef())) { // org.mimamori.api.cessation: never scored again
            throw new ConflictException("このスコアの子どもには利用停止の請求が出ています。記録を使えないため、"
                    + "スコアを算出し直しません。何も保存していません。",
                    "The child of this score is under a cessation-of-use request: their "
                    + "records may no longer be used, so they are not scored again. Nothing was stored.");
        }
        if (original.supersededBy() != null) {
            String current = store.current(id.toString());
            throw new ConflictException("スコア " + id + " は訂正版に置き換えられています。現在の版 " + current
                    + " を訂正してください。",
                    "Score " + id + " is superseded by a corrected version; correct its current version " + current
                    + ".");
        }
        Optional<ActiveModel> same = registered.registered(original.modelVersion());
        ActiveModel model = same.orElseGet(active::current);
        Case corrected = ScoreRecorder.readItems(model.scorer().schema(), request.getItems());
        ExplainedScore explained = model.scorer().score(corrected);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        UUID newId = TimeOrderedIds.next(now);
        String response = recorder.recordCorrection(new ScoreRecorder.Correction(newId, original.id(),
                original.versionNo() + 1, original.childRef(), original.purpose(), request.getItems(), explained,
                model.scorer().schema(), reason), caller, locale, now);
        audit.record(AuditEntry.ok(now, caller.name(), caller.role(), "score.correct", "score/" + id,
                CorrectionRequest.PurposeEnum.CORRECTION_REQUEST.getValue()).touching(List.of(original.childRef())));
        return new Correction(read(response), id, model.version(),
                same.isPresent() ? Correction.ModelChoiceEnum.ORIGINAL : Correction.ModelChoiceEnum.ACTIVE,
                note(same.isPresent(), original.modelVersion(), model.version(), locale));
    }

    /** Which model scored the correction, and why, in the reader's language. */
    static String note(boolean original, String originalVersion, String version, Locale locale) {
        boolean ja = "ja".equals(locale.getLanguage());
        if (original) {
            return ja ? "訂正前のスコアと同じモデル（バージョン " + version + "）で算出しました。このモデルは現在も登録されています。"
                    : "Scored by the model of the corrected score (version " + version + "), which is still "
                    + "registered.";
        }
        return ja ? "訂正前のスコアのモデル（バージョン " + originalVersion + "）は登録されていないか検査に合格しないため、"
                + "現在有効なモデル（バージョン " + version + "）で算出しました。"
                : "The model of the corrected score (version " + originalVersion + ") is no longer registered or "
                + "fails its checks, so the active model (version " + version + ") scored it.";
    }

    private Score read(String stored) {
        try {
            return json.readValue(stored, Score.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored score cannot be read", e);
        }
    }
}
