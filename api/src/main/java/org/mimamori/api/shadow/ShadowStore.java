package org.mimamori.api.shadow;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mimamori.api.cessation.Cessations;
import org.mimamori.model.metrics.ShadowComparison;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Plain SQL of {@code shadow_score} and {@code shadow_contribution} (migration V12). The report's reads join
 * {@code score} to leave out children under a cessation-of-use request ({@link Cessations}) and
 * {@code outcome} for the recorded outcomes.
 */
@Repository
class ShadowStore {

    /**
     * What the shadow model made of one recorded score, beside the active model.
     *
     * @param scoreId           the score
     * @param shadowVersion     the shadow model
     * @param activeVersion     the active model that made the score
     * @param scoredAt          when the score was recorded
     * @param screeningId       its screening, or null
     * @param activeProbability the active model's estimate, or null when withheld
     * @param shadowProbability the shadow model's estimate, or null when withheld
     * @param activeBand        the active model's band, or null when withheld
     * @param shadowBand        the shadow model's band, or null when withheld
     * @param activeRedFlags    red flags the active model raised
     * @param shadowRedFlags    red flags the shadow model raised
     * @param differences       per item whose contributions differ: shadow − active contribution
     */
    record Result(String scoreId, String shadowVersion, String activeVersion, Instant scoredAt, String screeningId,
                  Double activeProbability, Double shadowProbability, String activeBand, String shadowBand,
                  int activeRedFlags, int shadowRedFlags, Map<String, Double> differences) {
    }

    /** One compared score as the report reads it. */
    record Compared(String activeBand, Double activeProbability, String shadowBand, Double shadowProbability,
                    boolean redFlagsDiffer, Boolean needConfirmed, Instant scoredAt) {
    }

    /** The active models a shadow model was compared with: how many scores, and the latest. */
    record Against(String activeVersion, long scored, Instant last) {
    }

    private static final String INSERT = "INSERT INTO shadow_score (score_id, shadow_version, active_version, "
            + "scored_at, screening_id, active_probability, shadow_probability, active_band, shadow_band, "
            + "active_red_flags, shadow_red_flags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_DIFFERENCE = "INSERT INTO shadow_contribution (score_id, item, difference) "
            + "VALUES (?, ?, ?)";

    /** The compared scores of a pair of models, children under a cessation-of-use request left out. */
    private static String counted(String joins) {
        return " FROM shadow_score h JOIN score s ON s.id = h.score_id " + joins
                + " WHERE h.shadow_version = :shadow AND h.active_version = :active AND "
                + Cessations.notCovered("s.child_ref");
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    ShadowStore(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    /** Stores results in two JDBC batches, in the caller's transaction. */
    void insert(List<Result> results) {
        if (results.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(results.size());
        List<Object[]> differences = new ArrayList<>();
        for (Result r : results) {
            rows.add(new Object[] {r.scoreId(), r.shadowVersion(), r.activeVersion(), Timestamp.from(r.scoredAt()),
                r.screeningId(), r.activeProbability(), r.shadowProbability(), r.activeBand(), r.shadowBand(),
                r.activeRedFlags(), r.shadowRedFlags()});
            r.differences().forEach((item, d) -> differences.add(new Object[] {r.scoreId(), item, d}));
        }
        jdbc.batchUpdate(INSERT, rows); // nulls go untyped: spring.properties
        if (!differences.isEmpty()) {
            jdbc.batchUpdate(INSERT_DIFFERENCE, differences);
        }
    }

    /** The active models a shadow model was compared with, the latest first. */
    List<Against> against(String shadowVersion) {
        return named.query("SELECT active_version, COUNT(*), MAX(scored_at) FROM shadow_score "
                        + "WHERE shadow_version = :shadow GROUP BY active_version ORDER BY MAX(scored_at) DESC, "
                        + "active_version", Map.of("shadow", shadowVersion),
                (rs, i) -> new Against(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant()));
    }

    /** Streams the compared scores of a pair of models (children under a cessation-of-use request left out). */
    void compared(String shadowVersion, String activeVersion, java.util.function.Consumer<Compared> each) {
        named.query("SELECT h.active_band, h.active_probability, h.shadow_band, h.shadow_probability, "
                        + "h.active_red_flags <> h.shadow_red_flags, o.need_confirmed, h.scored_at"
                        + counted("LEFT JOIN outcome o ON o.score_id = h.score_id"),
                pair(shadowVersion, activeVersion), (RowCallbackHandler) rs -> each.accept(new Compared(
                        rs.getString(1), (Double) rs.getObject(2, Double.class), rs.getString(3),
                        (Double) rs.getObject(4, Double.class), rs.getBoolean(5),
                        (Boolean) rs.getObject(6, Boolean.class), rs.getTimestamp(7).toInstant())));
    }

    /** Per item, the sums of |difference| and of difference over a pair's compared scores. */
    List<ShadowComparison.ItemSums> itemSums(String shadowVersion, String activeVersion) {
        return named.query("SELECT c.item, SUM(ABS(c.difference)), SUM(c.difference)"
                        + counted("JOIN shadow_contribution c ON c.score_id = h.score_id")
                        + " GROUP BY c.item", pair(shadowVersion, activeVersion),
                (rs, i) -> new ShadowComparison.ItemSums(rs.getString(1), rs.getDouble(2), rs.getDouble(3)));
    }

    private static MapSqlParameterSource pair(String shadowVersion, String activeVersion) {
        return new MapSqlParameterSource().addValue("shadow", shadowVersion).addValue("active", activeVersion);
    }
}
