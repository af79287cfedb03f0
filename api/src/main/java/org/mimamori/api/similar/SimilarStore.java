package org.mimamori.api.similar;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mimamori.api.cessation.Cessations;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Plain SQL on {@code score_state}, with the columns of {@code score} and {@code outcome} it needs. */
@Repository
class SimilarStore {

    /** What a query needs of the score it starts from. */
    record ScoreFacts(String childRef, String schemaId) {
    }

    /** One recorded item state of a score. */
    record State(String item, String state, String stateJa) {
    }

    /** One outcome of another child whose score matched, never leaving the service as such. */
    record PastOutcome(String childRef, boolean needConfirmed, String supportTypes, Instant recordedAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    SimilarStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ScoreFacts> score(String id) {
        return jdbc.query("SELECT child_ref, schema_id FROM score WHERE id = :id", Map.of("id", id),
                (rs, i) -> new ScoreFacts(rs.getString(1), rs.getString(2))).stream().findFirst();
    }

    /** The states of the items that moved the score most, largest |contribution| first. */
    List<State> topStates(String scoreId, int limit) {
        return jdbc.query("SELECT item, state, state_ja FROM score_state WHERE score_id = :id "
                        + "AND item_rank IS NOT NULL ORDER BY item_rank LIMIT :limit",
                new MapSqlParameterSource().addValue("id", scoreId).addValue("limit", limit),
                (rs, i) -> new State(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    /**
     * The outcomes recorded on scores of the same schema, of children other than {@code childRef}, whose
     * recorded items were in every one of the given states.
     */
    List<PastOutcome> outcomesMatching(String schemaId, String childRef, List<State> states) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("schema", schemaId)
                .addValue("child", childRef).addValue("k", states.size());
        StringBuilder match = new StringBuilder();
        for (int i = 0; i < states.size(); i++) {
            match.append(i == 0 ? "" : " OR ").append("(st.item = :item").append(i).append(" AND st.state = :state")
                    .append(i).append(')');
            p.addValue("item" + i, states.get(i).item()).addValue("state" + i, states.get(i).state());
        }
        return jdbc.query("SELECT s.child_ref, o.need_confirmed, o.support_types, o.recorded_at FROM outcome o "
                        + "JOIN score s ON s.id = o.score_id WHERE s.schema_id = :schema AND s.child_ref <> :child "
                        + "AND " + Cessations.notCovered("s.child_ref") + " " // no longer used (cessation)
                        + "AND (SELECT COUNT(*) FROM score_state st WHERE st.score_id = o.score_id AND (" + match
                        + ")) = :k ORDER BY o.recorded_at, o.id",
                p, (rs, i) -> new PastOutcome(rs.getString(1), rs.getBoolean(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()));
    }
}
