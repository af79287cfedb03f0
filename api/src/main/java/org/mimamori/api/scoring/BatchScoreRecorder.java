package org.mimamori.api.scoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mimamori.api.security.Caller;
import org.mimamori.api.similar.ScoreStates;
import org.mimamori.api.web.dto.Purpose;
import org.mimamori.api.web.dto.Score;
import org.mimamori.api.web.dto.ScoreRequest;
import org.mimamori.model.schema.FeatureSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** {@link ScoreRecorder} writing {@code score} rows with one JDBC batch insert. */
@Service
class BatchScoreRecorder implements ScoreRecorder {

    private static final String INSERT = "INSERT INTO score (id, child_ref, purpose, model_version, schema_id, "
            + "requested_by, requester_role, created_at, request_json, response_json, band_id, probability, red_flag_count) "
            + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ScoreStates states;

    BatchScoreRecorder(JdbcTemplate jdbc, ObjectMapper json, ScoreStates states) {
        this.jdbc = jdbc;
        this.json = json;
        this.states = states;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordScreening(List<Batched> scores, FeatureSchema schema, Caller caller, Locale locale, Instant createdAt) {
        Timestamp at = Timestamp.from(createdAt);
        List<Object[]> rows = new ArrayList<>(scores.size());
        for (Batched b : scores) {
            ScoreRequest request = new ScoreRequest(b.childRef(), Purpose.SCREENING, b.items());
            Score view = ScoreViews.view(b.id(), request, b.explained(), schema,
                    locale, createdAt, caller);
            rows.add(new Object[] {b.id().toString(), b.childRef(), Purpose.SCREENING.getValue(),
                    b.explained().modelVersion(), b.explained().schemaId(), caller.name(), caller.role(), at,
                    write(request), write(view),
                    b.explained().estimate() == null ? null : b.explained().estimate().band().id(),
                    b.explained().estimate() == null ? null : b.explained().estimate().probability(),
                    b.explained().redFlags().size()});
        }
        jdbc.batchUpdate(INSERT, rows);
        // the similarity keys (org.mimamori.api.similar), after the scores they refer to
        states.recordAll(scores.stream().map(b -> java.util.Map.entry(b.id(), b.explained())).toList());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
