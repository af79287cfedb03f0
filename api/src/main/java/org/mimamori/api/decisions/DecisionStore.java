package org.mimamori.api.decisions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Plain SQL on {@code decision}, {@code outcome} and the columns of {@code score} that decisions need. Dates are
 * bound and read as {@link LocalDate} (never {@code java.sql.Date}, whose Julian calendar before 1582 would shift
 * them), so a date is stored exactly as it was sent.
 */
@Repository
class DecisionStore {

    /**
     * What a decision needs of its score, from its plain columns.
     *
     * @param bandId       the score's band id, or null when the estimate was withheld
     * @param redFlagCount how many red flags the score has
     */
    record ScoreFacts(String modelVersion, String bandId, int redFlagCount, String childRef) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    DecisionStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ScoreFacts> score(String id) {
        return jdbc.query("SELECT model_version, band_id, red_flag_count, child_ref FROM score WHERE id = :id",
                Map.of("id", id), (rs, i) -> new ScoreFacts(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getString(4)))
                .stream().findFirst();
    }

    void insert(DecisionRow d) {
        jdbc.update("INSERT INTO decision (id, score_id, decision, reason, dismisses_red_flags, band, band_rank, "
                + "against_band, against_red_flag, decided_by, decider_role, decided_at, sign_off_status) VALUES "
                + "(:id, :scoreId, :decision, :reason, :dismisses, :band, :bandRank, :againstBand, :againstRedFlag, "
                + ":decidedBy, :deciderRole, :decidedAt, :status)", new MapSqlParameterSource()
                .addValue("id", d.id()).addValue("scoreId", d.scoreId()).addValue("decision", d.decision())
                .addValue("reason", d.reason()).addValue("dismisses", d.dismissesRedFlags())
                .addValue("band", d.band()).addValue("bandRank", d.bandRank())
                .addValue("againstBand", d.againstBand()).addValue("againstRedFlag", d.againstRedFlag())
                .addValue("decidedBy", d.decidedBy()).addValue("deciderRole", d.deciderRole())
                .addValue("decidedAt", Timestamp.from(d.decidedAt())).addValue("status", d.signOffStatus()));
    }

    /** The decision, locked for update in the caller's transaction. */
    Optional<DecisionRow> lock(String id) {
        return jdbc.query("SELECT * FROM decision WHERE id = :id FOR UPDATE", Map.of("id", id), DecisionStore::row)
                .stream().findFirst();
    }

    Optional<DecisionRow> find(String id) {
        return jdbc.query("SELECT * FROM decision WHERE id = :id", Map.of("id", id), DecisionStore::row)
                .stream().findFirst();
    }

    void signOff(String id, String status, String by, Instant at, String note) {
        jdbc.update("UPDATE decision SET sign_off_status = :status, sign_off_by = :by, sign_off_at = :at, "
                + "sign_off_note = :note WHERE id = :id", new MapSqlParameterSource().addValue("id", id)
                .addValue("status", status).addValue("by", by).addValue("at", Timestamp.from(at))
                .addValue("note", note));
    }

    /** The decisions on the given scores, oldest first. */
    List<DecisionRow> decisionsOf(Collection<String> scoreIds) {
        if (scoreIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT * FROM decision WHERE score_id IN (:ids) ORDER BY decided_at, id",
                Map.of("ids", scoreIds), DecisionStore::row);
    }

    boolean hasOutcome(String scoreId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM outcome WHERE score_id = :id", Map.of("id", scoreId),
                Long.class);
        return n != null && n > 0;
    }

    void insert(OutcomeRow o) {
        jdbc.update("INSERT INTO outcome (id, score_id, need_confirmed, support_types, confirmed_on, recorded_by, "
                + "recorded_at) VALUES (:id, :scoreId, :need, :types, :on, :by, :at)", new MapSqlParameterSource()
                .addValue("id", o.id()).addValue("scoreId", o.scoreId()).addValue("need", o.needConfirmed())
                .addValue("types", o.supportTypes()).addValue("on", o.confirmedOn())
                .addValue("by", o.recordedBy()).addValue("at", Timestamp.from(o.recordedAt())));
    }

    List<OutcomeRow> outcomesOf(Collection<String> scoreIds) {
        if (scoreIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT * FROM outcome WHERE score_id IN (:ids)", Map.of("ids", scoreIds),
                (rs, i) -> new OutcomeRow(rs.getString("id"), rs.getString("score_id"),
                        rs.getBoolean("need_confirmed"), rs.getString("support_types"),
                        rs.getObject("confirmed_on", LocalDate.class), rs.getString("recorded_by"),
                        rs.getTimestamp("recorded_at").toInstant()));
    }

    private static DecisionRow row(ResultSet rs, int i) throws SQLException {
        int rank = rs.getInt("band_rank");
        Integer bandRank = rs.wasNull() ? null : rank;
        Timestamp signedAt = rs.getTimestamp("sign_off_at");
        return new DecisionRow(rs.getString("id"), rs.getString("score_id"), rs.getString("decision"),
                rs.getString("reason"), rs.getBoolean("dismisses_red_flags"), rs.getString("band"), bandRank,
                rs.getBoolean("against_band"), rs.getBoolean("against_red_flag"), rs.getString("decided_by"),
                rs.getString("decider_role"), rs.getTimestamp("decided_at").toInstant(),
                rs.getString("sign_off_status"), rs.getString("sign_off_by"),
                signedAt == null ? null : signedAt.toInstant(), rs.getString("sign_off_note"));
    }
}
