package org.mimamori.api.scoring;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mimamori.api.models.ActiveModel;
import org.mimamori.api.models.RegisteredScorers;
import org.mimamori.api.problems.InvalidRequestException;
import org.mimamori.api.security.Caller;
import org.mimamori.api.web.dto.ScoreRequest;
import org.mimamori.model.scoring.ExplainedScore;
import org.mimamori.model.scoring.Scorer;
import org.springframework.stereotype.Service;

/** {@link StoredResponses}: renders a response again with the score's registered model and checks its fingerprint. */
@Service
class StoredResponsesService implements StoredResponses {

    private final RegisteredScorers scorers;
    private final ObjectMapper json;

    StoredResponsesService(RegisteredScorers scorers, ObjectMapper json) {
        this.scorers = scorers;
        this.json = json;
    }

    @Override
    public String response(Stored s) {
        if (s.responseJson() != null) {
            return s.responseJson();
        }
        Scorer scorer = scorers.registered(s.modelVersion()).map(ActiveModel::scorer).orElseThrow(() ->
                new IllegalStateException("score " + s.id() + ": its model " + s.modelVersion()
                        + " is no longer registered or fails its checks"));
        ScoreRequest request = request(s.id(), s.requestJson());
        byte[] response = utf8(json, ScoreViews.view(UUID.fromString(s.id()), request,
                explained(s.id(), scorer, request), scorer.schema(), Locale.forLanguageTag(s.language()),
                s.createdAt(), new Caller(s.requestedBy(), s.requesterRole())));
        if (!fingerprint(response).equals(s.fingerprint())) {
            throw new IllegalStateException("score " + s.id() + ": its response rendered again by model "
                    + s.modelVersion() + " differs from the one first given (fingerprint " + s.fingerprint() + ")");
        }
        return new String(response, StandardCharsets.UTF_8);
    }

    @Override
    public Optional<ExplainedScore> explainedAgain(String scoreId, String requestJson, String modelVersion) {
        return scorers.registered(modelVersion).map(m -> explained(scoreId, m.scorer(), request(scoreId, requestJson)));
    }

    private ScoreRequest request(String scoreId, String requestJson) {
        try {
            return json.readValue(requestJson, ScoreRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("score " + scoreId + ": its stored inputs cannot be read", e);
        }
    }

    private static ExplainedScore explained(String scoreId, Scorer scorer, ScoreRequest request) {
        try {
            return scorer.score(CaseReader.read(scorer.schema(), request.getItems()));
        } catch (InvalidRequestException e) { // not by the model that scored them: only if the row was edited
            throw new IllegalStateException("score " + scoreId + ": its stored inputs are refused by its model", e);
        }
    }

    /** A value's JSON, written straight to UTF-8 (a response's body and its fingerprint are these bytes). */
    static byte[] utf8(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** The first 8 bytes of the SHA-256 of a response's UTF-8, in hex (16 characters). */
    static String fingerprint(String response) {
        return fingerprint(response.getBytes(StandardCharsets.UTF_8));
    }

    /** The first 8 bytes of the SHA-256 of a response in UTF-8, in hex (16 characters). */
    static String fingerprint(byte[] utf8) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(utf8);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
