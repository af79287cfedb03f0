package org.mimamori.api.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.mimamori.api.audit.AuditEntry;
import org.mimamori.api.audit.AuditTrail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stored cohort files: the 1 MiB chunks ({@code screening_file_chunk}) of jobs created before the period, and the
 * whole file of jobs stored before chunks ({@code screening.input_csv}). A finished job's file is deleted when it
 * ends anyway; this erases the files of jobs that never ended. A job still queued or running whose file is erased
 * is marked failed (it could not be resumed), and its end recorded ({@code screening.finish}) as when a worker fails
 * it.
 */
@Component
@Order(50)
class ScreeningFileRetention implements RetentionKind {

    private final NamedParameterJdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Duration period;
    private final Clock clock;

    ScreeningFileRetention(NamedParameterJdbcTemplate jdbc, AuditTrail audit, Clock clock,
                           @Value("${mimamori.retention.screening-files:7d}") Duration period) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.period = period;
    }

    @Override
    public String name() {
        return "screening_files";
    }

    @Override
    public Duration period() {
        return period;
    }

    @Override
    public Erased purge(Instant cutoff, int batch) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("cutoff", Timestamp.from(cutoff))
                .addValue("batch", batch);
        // the jobs that may be failed are locked first, as a worker ending a job locks it before its file's chunks
        jdbc.queryForList("SELECT id FROM screening WHERE created_at < :cutoff AND status IN ('queued', 'running') "
                + "ORDER BY id FOR UPDATE", p, String.class);
        int chunks = jdbc.update("DELETE FROM screening_file_chunk WHERE screening_id IN (SELECT id FROM screening "
                + "WHERE created_at < :cutoff) LIMIT :batch", p);
        int whole = jdbc.update("UPDATE screening SET input_csv = '' WHERE created_at < :cutoff "
                + "AND LENGTH(input_csv) > 0 LIMIT :batch", p);
        // the reason in the language the screening was asked for in, as every other reason of a failed job; each
        // job's end recorded as a worker's failing it is (screening.finish, failed, by its creator)
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        p.addValue("now", Timestamp.from(now));
        List<Map<String, Object>> ending = jdbc.queryForList("SELECT id, created_by, creator_role FROM screening "
                + "WHERE created_at < :cutoff AND status IN ('queued', 'running') AND NOT EXISTS (SELECT 1 FROM "
                + "screening_file_chunk c WHERE c.screening_id = screening.id) LIMIT :batch", p);
        int failed = 0;
        for (Map<String, Object> job : ending) {
            if (jdbc.update("UPDATE screening SET status = 'failed', finished_at = :now, error = CASE language "
                    + "WHEN 'ja' THEN '保存されていた対象者ファイルは保存期間を過ぎて消去されました。もう一度アップロードしてください。' "
                    + "ELSE 'The stored cohort file was erased after its retention period; upload it again.' END "
                    + "WHERE id = :id AND status IN ('queued', 'running')", p.addValue("id", job.get("id"))) == 1) {
                failed++;
                // the job's event, not the request's record of access: not under the request's id
                audit.recordFor(null, new AuditEntry(null, now, (String) job.get("created_by"),
                        (String) job.get("creator_role"), "screening.finish", "screening/" + job.get("id"),
                        "screening", "failed"));
            }
        }
        return new Erased(chunks + whole, failed);
    }
}
