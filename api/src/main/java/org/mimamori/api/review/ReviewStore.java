package org.mimamori.api.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.mimamori.api.cessation.Cessations;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Plain SQL reads of {@code score} and {@code decision} for review. Children under a cessation-of-use request
 * ({@link Cessations}) are left out of every list and count.
 */
@Repository
class ReviewStore {

    /** A stored score: id, child reference, when, and its response as given. */
    record StoredScore(String id, String childRef, Instant createdAt, String responseJson) {
    }

    /** What agreement needs of a decision. */
    record Decided(String band, int bandRank, boolean againstBand, Instant decidedAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    ReviewStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<StoredScore> recentScores(int limit, int offset) {
        return jdbc.query("SELECT id, child_ref, created_at, response_json FROM score WHERE "
                        + Cessations.notCovered("score.child_ref") + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset",
                Map.of("limit", limit, "offset", offset), (rs, i) -> new StoredScore(rs.getString(1),
                        rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)));
    }

    long countScores() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM score WHERE "
                + Cessations.notCovered("score.child_ref"), Map.of(), Long.class);
        return n == null ? 0 : n;
    }

    /**
     * Every score with red flags (the indexed column {@code red_flag_count}) whose latest decision (by
     * {@code decided_at}, then id, as {@code decisionsOf} orders them) is missing or dismissed the flags without
     * a signed sign-off; newest first. No window: complete at any volume.
     */
    List<StoredScore> openFlaggedScores() {
        return jdbc.query("SELECT s.id, s.child_ref, s.created_at, s.response_json FROM score s "
                        + "LEFT JOIN decision d ON d.id = (SELECT l.id FROM decision l WHERE l.score_id = s.id "
                        + "ORDER BY l.decided_at DESC, l.id DESC LIMIT 1) "
                        + "WHERE s.red_flag_count > 0 AND " + Cessations.notCovered("s.child_ref")
                        + " AND (d.id IS NULL OR (d.against_red_flag "
                        + "AND d.sign_off_status IN ('pending', 'rejected'))) "
                        + "ORDER BY s.created_at DESC, s.id",
                Map.of(), (rs, i) -> new StoredScore(rs.getString(1), rs.getString(2),
                        rs.getTimestamp(3).toInstant(), rs.getString(4)));
    }

    /** Decisions on banded scores made in [from, to). */
    List<Decided> decidedBetween(Instant from, Instant to) {
        return jdbc.query("SELECT band, band_rank, against_band, decided_at FROM decision "
                        + "WHERE band IS NOT NULL AND decided_at >= :from AND decided_at < :to AND NOT EXISTS ("
                        + "SELECT 1 FROM score s WHERE s.id = decision.score_id AND NOT "
                        + Cessations.notCovered("s.child_ref") + ")",
                new MapSqlParameterSource().addValue("from", Timestamp.from(from)).addValue("to", Timestamp.from(to)),
                (rs, i) -> new Decided(rs.getString(1), rs.getInt(2), rs.getBoolean(3),
                        rs.getTimestamp(4).toInstant()));
    }
}
