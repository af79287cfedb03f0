package org.mimamori.api.retention;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The tables {@code retention_run} and {@code retention_run_kind}: each purge run and its counts per kind. */
@Repository
class RetentionRunStore {

    /** A run. */
    record Run(String id, String status, Instant startedAt, Instant finishedAt, String triggeredBy,
               List<KindCount> kinds) {
    }

    /** One kind's period, cutoff and counts in a run. */
    record KindCount(String kind, String period, Instant cutoff, long records, long attached) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    RetentionRunStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void start(String id, Instant at, String by, String role) {
        jdbc.update("INSERT INTO retention_run (id, started_at, status, triggered_by, trigger_role) "
                + "VALUES (:id, :at, 'running', :by, :role)", new MapSqlParameterSource().addValue("id", id)
                .addValue("at", Timestamp.from(at)).addValue("by", by).addValue("role", role));
    }

    void kind(String id, String kind, Duration period, Instant cutoff) {
        jdbc.update("INSERT INTO retention_run_kind (run_id, kind, period, cutoff) VALUES (:id, :kind, :period, "
                + ":cutoff)", new MapSqlParameterSource().addValue("id", id).addValue("kind", kind)
                .addValue("period", period.toString()).addValue("cutoff", Timestamp.from(cutoff)));
    }

    /** Adds one batch's counts, in the batch's transaction. */
    void add(String id, String kind, int records, int attached) {
        jdbc.update("UPDATE retention_run_kind SET records = records + :r, attached = attached + :a "
                + "WHERE run_id = :id AND kind = :kind", Map.of("id", id, "kind", kind, "r", records, "a", attached));
    }

    void finish(String id, String status, Instant at) {
        jdbc.update("UPDATE retention_run SET status = :status, finished_at = :at WHERE id = :id",
                Map.of("id", id, "status", status, "at", Timestamp.from(at)));
    }

    Optional<Run> run(String id) {
        List<KindCount> kinds = jdbc.query("SELECT kind, period, cutoff, records, attached FROM retention_run_kind "
                + "WHERE run_id = :id ORDER BY kind", Map.of("id", id), (rs, i) -> new KindCount(rs.getString(1),
                rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getLong(4), rs.getLong(5)));
        return jdbc.query("SELECT id, status, started_at, finished_at, triggered_by FROM retention_run WHERE id = :id",
                Map.of("id", id), (rs, i) -> {
                    Timestamp f = rs.getTimestamp(4);
                    return new Run(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                            f == null ? null : f.toInstant(), rs.getString(5), kinds);
                }).stream().findFirst();
    }
}
