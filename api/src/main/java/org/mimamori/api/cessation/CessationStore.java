package org.mimamori.api.cessation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The table {@code cessation} and the erasure of one child's records, in plain SQL. */
@Repository
class CessationStore {

    /** A stored request. */
    record Row(String childRef, String mode, String reason, String purpose, String requestedBy,
               String requesterRole, Instant requestedAt, Instant erasedAt, Erased erased) {
    }

    /** What was erased for a child. */
    record Erased(int scores, int decisions, int outcomes, int assessments, int screeningEntries) {
        static final Erased NONE = new Erased(0, 0, 0, 0, 0);
    }

    private final NamedParameterJdbcTemplate jdbc;

    CessationStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The child's request, locked for update (in the caller's transaction). */
    Optional<Row> lock(String childRef) {
        return jdbc.query("SELECT * FROM cessation WHERE child_ref = :ref FOR UPDATE", Map.of("ref", childRef),
                CessationStore::row).stream().findFirst();
    }

    Optional<Row> find(String childRef) {
        return jdbc.query("SELECT * FROM cessation WHERE child_ref = :ref", Map.of("ref", childRef),
                CessationStore::row).stream().findFirst();
    }

    /** Which of the references have a request, with a shared lock (a gap lock where there is none). */
    Set<String> covered(Collection<String> childRefs) {
        if (childRefs.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("SELECT child_ref FROM cessation WHERE child_ref IN (:refs) "
                + "LOCK IN SHARE MODE", Map.of("refs", Set.copyOf(childRefs)), String.class));
    }

    void insert(Row r) {
        jdbc.update("INSERT INTO cessation (child_ref, mode, reason, purpose, requested_by, requester_role, "
                + "requested_at) VALUES (:ref, :mode, :reason, :purpose, :by, :role, :at)", new MapSqlParameterSource()
                .addValue("ref", r.childRef()).addValue("mode", r.mode()).addValue("reason", r.reason())
                .addValue("purpose", r.purpose()).addValue("by", r.requestedBy()).addValue("role", r.requesterRole())
                .addValue("at", Timestamp.from(r.requestedAt())));
    }

    /** A restricted child's request becomes an erasure (its reason and requester are the new request's). */
    void toErase(Row r) {
        jdbc.update("UPDATE cessation SET mode = 'erase', reason = :reason, purpose = :purpose, requested_by = :by, "
                + "requester_role = :role, requested_at = :at WHERE child_ref = :ref", new MapSqlParameterSource()
                .addValue("ref", r.childRef()).addValue("reason", r.reason()).addValue("purpose", r.purpose())
                .addValue("by", r.requestedBy()).addValue("role", r.requesterRole())
                .addValue("at", Timestamp.from(r.requestedAt())));
    }

    /**
     * Deletes every record of the child that rests on its scores — screening entries, own assessments,
     * decisions, outcomes, then the scores with their inputs (their similarity keys go with them) — and notes
     * the counts on the child's request. In the caller's transaction.
     */
    Erased erase(String childRef, Instant at) {
        Map<String, String> ref = Map.of("ref", childRef);
        String ofChild = " WHERE score_id IN (SELECT id FROM score WHERE child_ref = :ref)";
        jdbc.queryForList("SELECT id FROM score WHERE child_ref = :ref FOR UPDATE", ref, String.class);
        int entries = jdbc.update("DELETE FROM screening_entry" + ofChild, ref)
                + jdbc.update("DELETE FROM screening_entry WHERE child_ref = :ref", ref);
        int assessments = jdbc.update("DELETE FROM own_assessment" + ofChild, ref)
                + jdbc.update("DELETE FROM own_assessment WHERE child_ref = :ref", ref);
        int decisions = jdbc.update("DELETE FROM decision" + ofChild, ref);
        int outcomes = jdbc.update("DELETE FROM outcome" + ofChild, ref);
        int scores = jdbc.update("DELETE FROM score WHERE child_ref = :ref", ref);
        Erased e = new Erased(scores, decisions, outcomes, assessments, entries);
        jdbc.update("UPDATE cessation SET erased_at = :at, erased_scores = erased_scores + :s, "
                + "erased_decisions = erased_decisions + :d, erased_outcomes = erased_outcomes + :o, "
                + "erased_assessments = erased_assessments + :a, erased_screening_entries = "
                + "erased_screening_entries + :e WHERE child_ref = :ref", new MapSqlParameterSource()
                .addValue("ref", childRef).addValue("at", Timestamp.from(at)).addValue("s", scores)
                .addValue("d", decisions).addValue("o", outcomes).addValue("a", assessments).addValue("e", entries));
        return e;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp erasedAt = rs.getTimestamp("erased_at");
        return new Row(rs.getString("child_ref"), rs.getString("mode"), rs.getString("reason"),
                rs.getString("purpose"), rs.getString("requested_by"), rs.getString("requester_role"),
                rs.getTimestamp("requested_at").toInstant(), erasedAt == null ? null : erasedAt.toInstant(),
                new Erased(rs.getInt("erased_scores"), rs.getInt("erased_decisions"), rs.getInt("erased_outcomes"),
                        rs.getInt("erased_assessments"), rs.getInt("erased_screening_entries")));
    }
}
