package org.mimamori.api.scoring;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mimamori.api.models.ActiveModel;
import org.mimamori.api.models.RegisteredScorers;
import org.mimamori.api.security.Caller;
import org.mimamori.api.web.dto.ScoreRequest;
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
        ActiveModel model = scorers.registered(s.modelVersion()).orElseThrow(() -> new IllegalStateException(
                "score " + s.id() + ": its model " + s.modelVersion() + " is no longer registered or fails its checks"));
        Scorer scorer = model.scorer();
        ScoreRequest request;
        try {
            request = json.readValue(s.requestJson(), ScoreRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("score " + s.id() + ": its stored inputs cannot be read", e);
        }
        byte[] response = write(ScoreViews.view(UUID.fromString(s.id()), request,
                scorer.score(CaseReader.read(scorer.schema(), request.getItems())), scorer.schema(),
                Locale.forLanguageTag(s.language()), s.createdAt(), new Caller(s.requestedBy(), s.requesterRole())));
        if (!fingerprint(response).equals(s.fingerprint())) {
            throw new IllegalStateException("score " + s.id() + ": its response rendered again by model "
                    + s.modelVersion() + " differs from the one first given (fingerprint " + s.fingerprint() + ")");
        }
        return new String(response, StandardCharsets.UTF_8);
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

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
