package org.mimamori.api.scoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.mimamori.api.config.MimamoriProperties;
import org.mimamori.api.security.Caller;
import org.mimamori.api.security.Roles;
import org.mimamori.api.web.dto.PriorAssessment;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/** {@link ScoreVisibility} on the table {@code own_assessment}; also records own assessments. */
@Service
class JudgementFirst implements ScoreVisibility {

    private final NamedParameterJdbcTemplate jdbc;
    private final boolean on;

    JudgementFirst(NamedParameterJdbcTemplate jdbc, MimamoriProperties properties) {
        this.jdbc = jdbc;
        this.on = properties.judgementFirst();
    }

    @Override
    public boolean appliesTo(Caller caller) {
        return on && Roles.CASEWORKER.equals(caller.role());
    }

    @Override
    public Set<String> hidden(Collection<String> scoreIds, Caller caller) {
        if (!appliesTo(caller) || scoreIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("SELECT s.id FROM score s WHERE s.id IN (:ids) AND NOT EXISTS ("
                + "SELECT 1 FROM own_assessment a WHERE a.child_ref = s.child_ref AND a.assessed_by = :by "
                + "AND a.assessed_at >= s.created_at)", Map.of("ids", scoreIds, "by", caller.name()), String.class));
    }

    @Override
    public List<OwnAssessment> assessmentsOf(Collection<String> scoreIds) {
        if (scoreIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT score_id, level, note, assessed_by, assessed_at FROM own_assessment "
                        + "WHERE score_id IN (:ids) ORDER BY assessed_at, id", Map.of("ids", scoreIds),
                (rs, i) -> new OwnAssessment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()));
    }

    /** Records the caller's own assessment of a score's child, in the caller's transaction. */
    void record(String scoreId, String childRef, PriorAssessment a, Caller caller, Instant at) {
        jdbc.update("INSERT INTO own_assessment (id, score_id, child_ref, level, note, assessed_by, role, "
                + "assessed_at) VALUES (:id, :scoreId, :childRef, :level, :note, :by, :role, :at)",
                new MapSqlParameterSource().addValue("id", UUID.randomUUID().toString())
                        .addValue("scoreId", scoreId).addValue("childRef", childRef)
                        .addValue("level", a.getLevel().getValue())
                        .addValue("note", a.getNote() == null || a.getNote().isBlank() ? null : a.getNote().strip())
                        .addValue("by", caller.name()).addValue("role", caller.role())
                        .addValue("at", Timestamp.from(at)));
    }
}
