package org.mimamori.api.retention;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finished screening jobs ({@code done} or {@code failed}) created before the period, with their entries (the
 * review list: child references, summaries, reviewers) and any file chunks left; one job per batch, its entries
 * at most {@code batch} at a time, the job itself once none is left. The scores a screening made are scores and
 * are kept by their own kind.
 */
@Component
@Order(40)
class ScreeningRetention implements RetentionKind {

    private final NamedParameterJdbcTemplate jdbc;
    private final Duration period;

    ScreeningRetention(NamedParameterJdbcTemplate jdbc,
                       @Value("${mimamori.retention.screenings:365d}") Duration period) {
        this.jdbc = jdbc;
        this.period = period;
    }

    @Override
    public String name() {
        return "screenings";
    }

    @Override
    public Duration period() {
        return period;
    }

    @Override
    public Erased purge(Instant cutoff, int batch) {
        List<String> job = jdbc.queryForList("SELECT id FROM screening WHERE created_at < :cutoff "
                + "AND status IN ('done', 'failed') ORDER BY created_at LIMIT 1 FOR UPDATE",
                Map.of("cutoff", Timestamp.from(cutoff)), String.class);
        if (job.isEmpty()) {
            return Erased.NONE;
        }
        Map<String, Object> p = Map.of("id", job.get(0), "batch", batch);
        int entries = jdbc.update("DELETE FROM screening_entry WHERE screening_id = :id LIMIT :batch", p);
        if (entries == batch) {
            return new Erased(0, entries);
        }
        int chunks = jdbc.update("DELETE FROM screening_file_chunk WHERE screening_id = :id", p)
                + jdbc.update("DELETE FROM screening_chunk WHERE screening_id = :id", p);
        return new Erased(jdbc.update("DELETE FROM screening WHERE id = :id", p), entries + chunks);
    }
}
