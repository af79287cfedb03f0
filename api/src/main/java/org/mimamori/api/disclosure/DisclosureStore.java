package org.mimamori.api.disclosure;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.mimamori.api.audit.AuditEntry;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.mimamori.api.scoring.StoredResponses;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Plain SQL reads of what is held about one child: scores (all versions), screening entries, shadow scores,
 * accesses.
 */
@Repository
class DisclosureStore {

    /** A score version of the child, from its columns, with its request and what its response is read from. */
    record StoredScore(String id, String purpose, String modelVersion, String requestedBy, String requesterRole,
                       Instant createdAt, String requestJson, StoredResponses.Stored response, int versionNo,
                       String supersedes, String correctionReason, String supersededBy, Instant supersededAt) {
    }

    /** A screening entry of the child. */
    record Entry(String screeningId, int entryId, String scoreId, Instant screenedAt, Integer rank, String status,
                 boolean alreadySupported, String reviewedBy, Instant reviewedAt) {
    }

    /** A shadow model's score of one of the child's scores, with its per-item differences. */
    record Shadow(String scoreId, String shadowVersion, String activeVersion, Instant scoredAt, Double probability,
                  String band, int redFlags, List<Map.Entry<String, Double>> differences) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    DisclosureStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every score of the child, every version, oldest first. */
    List<StoredScore> scoresOf(String childRef) {
        return jdbc.query("SELECT " + StoredResponses.COLUMNS + ", s.purpose, s.version_no, s.supersedes, "
                        + "s.correction_reason, s.superseded_by, s.superseded_at FROM score s "
                        + "WHERE s.child_ref = :child ORDER BY s.created_at, s.id",
                Map.of("child", childRef), (rs, i) -> {
                    StoredResponses.Stored r = StoredResponses.Stored.of(rs);
                    return new StoredScore(r.id(), rs.getString("purpose"), r.modelVersion(), r.requestedBy(),
                            r.requesterRole(), r.createdAt(), r.requestJson(), r, rs.getInt("version_no"),
                            rs.getString("supersedes"), rs.getString("correction_reason"),
                            rs.getString("superseded_by"), instant(rs.getTimestamp("superseded_at")));
                });
    }

    /** The child's screening entries, oldest screening first. */
    List<Entry> screeningEntriesOf(String childRef) {
        return jdbc.query("SELECT e.screening_id, e.row_no, e.score_id, s.created_at, NULLIF(e.rank_no, 0), e.status, "
                        + "e.already_supported, e.reviewed_by, e.reviewed_at FROM screening_entry e "
                        + "JOIN screening s ON s.id = e.screening_id WHERE e.child_ref = :child "
                        + "ORDER BY s.created_at, e.screening_id, e.row_no",
                Map.of("child", childRef), (rs, i) -> {
                    int rank = rs.getInt(5);
                    Integer r = rs.wasNull() ? null : rank;
                    return new Entry(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                            r, rs.getString(6), rs.getBoolean(7), rs.getString(8), instant(rs.getTimestamp(9)));
                });
    }

    /** The shadow scores of the given scores, by score id; differences largest first. */
    Map<String, Shadow> shadowsOf(Collection<String> scoreIds) {
        if (scoreIds.isEmpty()) {
            return Map.of();
        }
        Map<String, List<Map.Entry<String, Double>>> differences = new java.util.HashMap<>();
        jdbc.query("SELECT score_id, item, difference FROM shadow_contribution WHERE score_id IN (:ids) "
                + "ORDER BY score_id, ABS(difference) DESC, item", Map.of("ids", scoreIds), rs -> {
                    differences.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(Map.entry(rs.getString(2), rs.getDouble(3)));
                });
        Map<String, Shadow> out = new java.util.LinkedHashMap<>();
        jdbc.query("SELECT score_id, shadow_version, active_version, scored_at, shadow_probability, shadow_band, "
                + "shadow_red_flags FROM shadow_score WHERE score_id IN (:ids)", Map.of("ids", scoreIds), rs -> {
                    double p = rs.getDouble(5);
                    Double probability = rs.wasNull() ? null : p;
                    out.put(rs.getString(1), new Shadow(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant(), probability, rs.getString(6), rs.getInt(7),
                            differences.getOrDefault(rs.getString(1), List.of())));
                });
        return out;
    }

    /**
     * Who accessed the child's records, oldest first: the one place that says which audit records concern a
     * child. The records whose resource is one of {@code resources} (the child's scores, decisions and outcomes)
     * or the child itself ({@code child/<childRef>}: disclosures); the records that list the child among the
     * children they touched ({@code audit_child}); and the records of a screening of the child whose cohort was
     * too large to list one by one, described by their query ({@code children_query}, e.g.
     * {@code screening/<id>}).
     *
     * @param childRef   the child's reference
     * @param resources  the child's resources, e.g. {@code score/<id>}, {@code decision/<id>}, {@code outcome/<id>}
     * @param screenings the queries of the screenings the child was in, {@code screening/<id>}
     * @return the audit records, each once
     */
    List<AuditEntry> accessesOf(String childRef, Collection<String> resources, Collection<String> screenings) {
        List<String> all = new ArrayList<>(resources);
        all.add(childResource(childRef));
        List<String> queries = screenings.isEmpty() ? List.of("") : List.copyOf(screenings);
        return jdbc.query("SELECT id, at, actor, role, action, resource, purpose, outcome FROM audit_event "
                        + "WHERE id IN (SELECT id FROM audit_event WHERE resource IN (:resources) "
                        + "UNION SELECT audit_id FROM audit_child WHERE child_ref = :child "
                        + "UNION SELECT id FROM audit_event WHERE children_query IN (:queries)) ORDER BY at, id",
                new MapSqlParameterSource().addValue("resources", all)
                        .addValue("child", childRef).addValue("queries", queries),
                (rs, i) -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
    }

    /** The audit resource of a child, as disclosures record it. */
    static String childResource(String childRef) {
        return "child/" + childRef;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
