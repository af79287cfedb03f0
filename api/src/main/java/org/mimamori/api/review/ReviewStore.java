package org.mimamori.api.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.mimamori.api.cessation.Cessations;
import org.mimamori.api.scoring.StoredResponses;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Plain SQL reads of {@code score} and {@code decision} for review. Children under a cessation-of-use request
 * ({@link Cessations}) are left out of every list and count. The lists of scores hold current versions only
 * ({@code superseded_by IS NULL}): a version superseded by a correction is read through
 * {@code GET /api/v1/scores/{id}} and the disclosure.
 */
@Repository
class ReviewStore {

    /** A stored score: id, child reference, when, and what its response is read from. */
    record StoredScore(String id, String childRef, Instant createdAt, StoredResponses.Stored response) {

        static StoredScore of(java.sql.ResultSet rs) throws java.sql.SQLException {
            StoredResponses.Stored r = StoredResponses.Stored.of(rs);
            return new StoredScore(r.id(), rs.getString("child_ref"), r.createdAt(), r);
        }
    }

    /** What agreement needs of a decision. */
    record Decided(String band, int bandRank, boolean againstBand, Instant decidedAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    ReviewStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<StoredScore> recentScores(int limit, int offset) {
        return jdbc.query("SELECT s.child_ref, " + StoredResponses.COLUMNS + " FROM score s "
                        + "WHERE s.superseded_by IS NULL AND " + Cessations.notCovered("s.child_ref")
                        + " ORDER BY s.created_at DESC, s.id LIMIT :limit OFFSET :offset",
                Map.of("limit", limit, "offset", offset), (rs, i) -> StoredScore.of(rs));
    }

    long countScores() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM score WHERE superseded_by IS NULL AND "
                + Cessations.notCovered("score.child_ref"), Map.of(), Long.class);
        return n == null ? 0 : n;
    }

    /**
     * Every score with red flags (the indexed column {@code red_flag_count}) whose latest decision (by
     * {@code decided_at}, then id, as {@code decisionsOf} orders them) is missing or dismissed the flags without
     * a signed sign-off; newest first. No window: complete at any volume.
     */
    List<StoredScore> openFlaggedScores() {
        return jdbc.query("SELECT s.child_ref, " + StoredResponses.COLUMNS + " FROM score s "
                        + "LEFT JOIN decision d ON d.id = (SELECT l.id FROM decision l WHERE l.score_id = s.id "
                        + "ORDER BY l.decided_at DESC, l.id DESC LIMIT 1) "
                        + "WHERE s.red_flag_count > 0 AND s.superseded_by IS NULL AND "
                        + Cessations.notCovered("s.child_ref") + " AND (d.id IS NULL OR (d.against_red_flag "
                        + "AND d.sign_off_status IN ('pending', 'rejected'))) "
                        + "ORDER BY s.created_at DESC, s.id",
                Map.of(), (rs, i) -> StoredScore.of(rs));
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
