package org.mimamori.api.correction;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Plain SQL on the columns of {@code score} that a correction needs. */
@Repository
class CorrectionStore {

    /**
     * The version to correct, from its columns.
     *
     * @param supersededBy the version that superseded it, or null when it is current
     */
    record Original(String id, String childRef, String purpose, String modelVersion, int versionNo,
                    String supersededBy) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    CorrectionStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The score, locked for update in the caller's transaction, so that two corrections of it take turns. */
    Optional<Original> lock(String id) {
        return jdbc.query("SELECT id, child_ref, purpose, model_version, version_no, superseded_by FROM score "
                        + "WHERE id = :id FOR UPDATE", Map.of("id", id),
                (rs, i) -> new Original(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6))).stream().findFirst();
    }

    /** The current version of the score whose versions include {@code id}, following {@code superseded_by}. */
    String current(String id) {
        String at = id;
        for (int i = 0; i < 10_000; i++) {
            List<String> next = jdbc.queryForList("SELECT superseded_by FROM score WHERE id = :id",
                    Map.of("id", at), String.class);
            if (next.isEmpty() || next.get(0) == null) {
                return at;
            }
            at = next.get(0);
        }
        return at;
    }
}
