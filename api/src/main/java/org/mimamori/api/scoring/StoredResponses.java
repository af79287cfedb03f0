package org.mimamori.api.scoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.mimamori.model.scoring.ExplainedScore;

/**
 * The response of a stored score, byte for byte as first given. Every score keeps it, compressed (migration V22),
 * with a fingerprint of it; a read decompresses it and checks the fingerprint. A response not kept (scores of V21's
 * time) is a pure function of what its row keeps — the inputs, the model (registered bundles are kept), the id,
 * time and requester, and the language it was given in — so a read renders it again with the same model and
 * checks it against the fingerprint: what is read is what was first given, or nothing. Rows written before V21
 * keep their response as text, served as stored.
 */
public interface StoredResponses {

    /** The columns of {@code score} a response is read from, for a select list where the table is {@code s}. */
    String COLUMNS = "s.id, s.request_json, s.model_version, s.created_at, s.requested_by, "
            + "s.requester_role, s.response_json, s.response_language, s.response_fingerprint, s.response_kept";

    /**
     * What a score row keeps of its response: the response itself (as text before V21, compressed since V22) or
     * what renders it again.
     */
    record Stored(String id, String requestJson, String modelVersion, Instant createdAt, String requestedBy,
                  String requesterRole, String responseJson, String language, String fingerprint, byte[] kept) {

        /** Reads the {@link StoredResponses#COLUMNS} of the current row. */
        public static Stored of(ResultSet rs) throws SQLException {
            return new Stored(rs.getString("id"), rs.getString("request_json"), rs.getString("model_version"),
                    rs.getTimestamp("created_at").toInstant(), rs.getString("requested_by"),
                    rs.getString("requester_role"), rs.getString("response_json"), rs.getString("response_language"),
                    rs.getString("response_fingerprint"), rs.getBytes("response_kept"));
        }
    }

    /**
     * The response as first given.
     *
     * @throws IllegalStateException when the kept response is damaged, or (one not kept) the score's model is no
     *                               longer registered or fails its checks, or the response rendered again is not
     *                               the one first given (the fingerprint differs)
     */
    String response(Stored s);

    /**
     * The explanation of a stored score, computed again from its stored inputs by the model that scored it (a pure
     * function of the two).
     *
     * @param scoreId      the score, for messages
     * @param requestJson  its stored request
     * @param modelVersion its model
     * @return the explanation, or empty when that model is no longer registered or fails its checks
     * @throws IllegalStateException when the stored inputs cannot be read or that model refuses them
     */
    Optional<ExplainedScore> explainedAgain(String scoreId, String requestJson, String modelVersion);
}
