package org.mimamori.api.scoring;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mimamori.api.problems.ConflictException;
import org.mimamori.api.security.Caller;
import org.mimamori.api.web.dto.Purpose;
import org.mimamori.api.web.dto.ScoreRequest;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.scoring.ExplainedScore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link ScoreRecorder} writing {@code score} rows, each with its response kept ({@link StoredResponses}): a
 * screening's with one JDBC batch insert, corrected versions one by one.
 */
@Service
class BatchScoreRecorder implements ScoreRecorder {

    private static final String INSERT = "INSERT INTO score (id, child_ref, purpose, model_version, schema_id, "
            + "requested_by, requester_role, created_at, request_json, response_language, response_fingerprint, "
            + "band_id, probability, red_flag_count, response_kept) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final List<ScoreListener> listeners;

    BatchScoreRecorder(JdbcTemplate jdbc, ObjectMapper json, List<ScoreListener> listeners) {
        this.jdbc = jdbc;
        this.json = json;
        this.listeners = List.copyOf(listeners);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordScreening(String screeningId, List<Batched> scores, FeatureSchema schema, Caller caller, Locale locale, Instant createdAt) {
        Timestamp at = Timestamp.from(createdAt);
        List<Object[]> rows = new ArrayList<>(scores.size());
        for (Batched b : scores) {
            ScoreRequest request = new ScoreRequest(b.childRef(), Purpose.SCREENING, b.items());
            StoredResponsesService.Kept kept = StoredResponsesService.Kept.of(StoredResponsesService.utf8(json,
                    ScoreViews.view(b.id(), request, b.explained(), schema, locale, createdAt, caller)));
            rows.add(new Object[] {b.id().toString(), b.childRef(), Purpose.SCREENING.getValue(),
                    b.explained().modelVersion(), b.explained().schemaId(), caller.name(), caller.role(), at,
                    write(request), locale.getLanguage(), kept.fingerprint(),
                    b.explained().estimate() == null ? null : b.explained().estimate().band().id(),
                    b.explained().estimate() == null ? null : b.explained().estimate().probability(),
                    b.explained().redFlags().size(), kept.compressed()});
        }
        jdbc.batchUpdate(INSERT, rows);
        if (!listeners.isEmpty()) {
            List<ScoreListener.Recorded> recorded = scores.stream().map(b -> new ScoreListener.Recorded(b.id(),
                    b.childRef(), Purpose.SCREENING.getValue(), b.input(), b.explained(), screeningId)).toList();
            listeners.forEach(l -> l.recorded(recorded, schema, createdAt));
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public String recordCorrection(Correction c, Caller caller, Locale locale, Instant at) {
        ScoreRequest request = new ScoreRequest(c.childRef(), Purpose.fromValue(c.purpose()), c.items());
        byte[] utf8 = StoredResponsesService.utf8(json, ScoreViews.view(c.id(), request, c.explained(), c.schema(),
                locale, at, caller));
        StoredResponsesService.Kept kept = StoredResponsesService.Kept.of(utf8);
        Timestamp when = Timestamp.from(at);
        ExplainedScore e = c.explained();
        jdbc.update("INSERT INTO score (id, child_ref, purpose, model_version, schema_id, requested_by, "
                        + "requester_role, created_at, request_json, response_language, response_fingerprint, "
                        + "band_id, probability, red_flag_count, version_no, supersedes, correction_reason, "
                        + "response_kept) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                c.id().toString(), c.childRef(), c.purpose(), e.modelVersion(), e.schemaId(), caller.name(),
                caller.role(), when, write(request), locale.getLanguage(), kept.fingerprint(),
                e.estimate() == null ? null : e.estimate().band().id(),
                e.estimate() == null ? null : e.estimate().probability(), e.redFlags().size(), c.versionNo(),
                c.supersedes(), c.reason(), kept.compressed());
        int marked = jdbc.update("UPDATE score SET superseded_by = ?, superseded_at = ? "
                + "WHERE id = ? AND superseded_by IS NULL", c.id().toString(), when, c.supersedes());
        if (marked != 1) {
            throw new ConflictException("スコア " + c.supersedes() + " はすでに訂正されています。最新の版を訂正してください。",
                    "Score " + c.supersedes() + " is superseded already; correct its current version.");
        }
        return VersionMarks.mark(new String(utf8, StandardCharsets.UTF_8), c.supersedes(), c.reason(), null, null,
                json);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
