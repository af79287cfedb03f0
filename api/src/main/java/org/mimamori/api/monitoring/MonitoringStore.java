package org.mimamori.api.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mimamori.api.cessation.Cessations;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * Plain SQL of outcome monitoring: writes {@code score_audit_group} and reads, for one model, the current
 * versions of its banded scores with their latest decision, outcome and audit-group values. Children under a
 * cessation-of-use request are left out.
 */
@Repository
class MonitoringStore {

    /**
     * A monitored score's columns.
     *
     * @param decision      the latest decision (by decided_at, then id), or null
     * @param needConfirmed the outcome, or null
     */
    record Row(String id, String band, double probability, String decision, boolean againstBand,
               Boolean needConfirmed) {
    }

    /** One audit-group value of a score. */
    record GroupValue(String scoreId, String item, String value) {
    }

    private static final String WHERE = "WHERE s.model_version = :model AND s.band_id IS NOT NULL "
            + "AND s.probability IS NOT NULL AND s.superseded_by IS NULL AND s.created_at >= :from "
            + "AND s.created_at < :to AND " + Cessations.notCovered("s.child_ref");

    private final NamedParameterJdbcTemplate jdbc;

    MonitoringStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(List<GroupValue> values) {
        if (values.isEmpty()) {
            return;
        }
        SqlParameterSource[] batch = values.stream().map(v -> new MapSqlParameterSource().addValue("id", v.scoreId())
                .addValue("item", v.item()).addValue("value", v.value())).toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate("INSERT INTO score_audit_group (score_id, item, value) VALUES (:id, :item, :value)", batch);
    }

    /** The model's current banded scores made in [from, to), oldest first. */
    List<Row> scores(String model, Instant from, Instant to) {
        return jdbc.query("SELECT s.id, s.band_id, s.probability, d.decision, d.against_band, o.need_confirmed "
                        + "FROM score s LEFT JOIN outcome o ON o.score_id = s.id "
                        + "LEFT JOIN decision d ON d.id = (SELECT l.id FROM decision l WHERE l.score_id = s.id "
                        + "ORDER BY l.decided_at DESC, l.id DESC LIMIT 1) "
                        + WHERE + " ORDER BY s.created_at, s.id",
                params(model, from, to), (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getDouble(3),
                        rs.getString(4), rs.getBoolean(5), (Boolean) rs.getObject(6, Boolean.class)));
    }

    /** The audit-group values of the same scores, by score id. */
    Map<String, Map<String, String>> groups(String model, Instant from, Instant to) {
        Map<String, Map<String, String>> out = new HashMap<>();
        jdbc.query("SELECT g.score_id, g.item, g.value FROM score_audit_group g JOIN score s ON s.id = g.score_id "
                        + WHERE,
                params(model, from, to), rs -> {
                    out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2),
                            rs.getString(3));
                });
        return out;
    }

    private static MapSqlParameterSource params(String model, Instant from, Instant to) {
        return new MapSqlParameterSource().addValue("model", model).addValue("from", Timestamp.from(from))
                .addValue("to", Timestamp.from(to));
    }
}
