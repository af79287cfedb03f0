package org.mimamori.api.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stored cohort files: the 1 MiB chunks ({@code screening_file_chunk}) of jobs created before the period, and the
 * whole file of jobs stored before chunks ({@code screening.input_csv}). A finished job's file is deleted when it
 * ends anyway; this erases the files of jobs that never ended. A job still queued or running whose file is erased
 * is marked failed (it could not be resumed).
 */
@Component
@Order(50)
class ScreeningFileRetention implements RetentionKind {

    private final NamedParameterJdbcTemplate jdbc;
    private final Duration period;
    private final Clock clock;

    ScreeningFileRetention(NamedParameterJdbcTemplate jdbc, Clock clock,
                           @Value("${mimamori.retention.screening-files:7d}") Duration period) {
        this.jdbc = jdbc;
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
        int chunks = jdbc.update("DELETE FROM screening_file_chunk WHERE screening_id IN (SELECT id FROM screening "
                + "WHERE created_at < :cutoff) LIMIT :batch", p);
        int whole = jdbc.update("UPDATE screening SET input_csv = '' WHERE created_at < :cutoff "
                + "AND LENGTH(input_csv) > 0 LIMIT :batch", p);
        // the reason in the language the screening was asked for in, as every other reason of a failed job
        int failed = jdbc.update("UPDATE screening SET status = 'failed', finished_at = :now, error = CASE language "
                + "WHEN 'ja' THEN '保存されていた対象者ファイルは保存期間を過ぎて消去されました。もう一度アップロードしてください。' "
                + "ELSE 'The stored cohort file was erased after its retention period; upload it again.' END "
                + "WHERE created_at < :cutoff "
                + "AND status IN ('queued', 'running') AND NOT EXISTS (SELECT 1 FROM screening_file_chunk c "
                + "WHERE c.screening_id = screening.id) LIMIT :batch",
                p.addValue("now", Timestamp.from(clock.instant())));
        return new Erased(chunks + whole, failed);
    }
}
