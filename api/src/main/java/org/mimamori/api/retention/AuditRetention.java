package org.mimamori.api.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit trail's personal data: the children listed in audit records older than the period. The records
 * themselves stay (who, what, which resource, when, how many children and their digest), so the chain still
 * verifies; {@code audit_child_purge} records how far the lists were erased, so the verification knows a missing
 * list from a removed one. Runs last: the records of the other kinds' erasures are kept their full period.
 */
@Component
@Order(100)
class AuditRetention implements RetentionKind {

    private final NamedParameterJdbcTemplate jdbc;
    private final Duration period;
    private final Clock clock;

    AuditRetention(NamedParameterJdbcTemplate jdbc, @Value("${mimamori.retention.audit:1826d}") Duration period,
                   Clock clock) {
        this.jdbc = jdbc;
        this.period = period;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public Duration period() {
        return period;
    }

    @Override
    public Erased purge(Instant cutoff, int batch) {
        Map<String, Object> none = Map.of();
        long watermark = jdbc.queryForObject("SELECT COALESCE(MAX(through_id), 0) FROM audit_child_purge", none,
                Long.class);
        Long firstKept = jdbc.queryForObject("SELECT MIN(id) FROM audit_event WHERE at >= :cutoff",
                Map.of("cutoff", Timestamp.from(cutoff)), Long.class);
        Long newest = jdbc.queryForObject("SELECT MAX(id) FROM audit_event", none, Long.class);
        long limit = firstKept != null ? firstKept - 1 : newest == null ? 0 : newest;
        Long through = jdbc.queryForObject("SELECT MAX(id) FROM (SELECT id FROM audit_event WHERE id > :w "
                + "AND id <= :limit ORDER BY id LIMIT :batch) t", Map.of("w", watermark, "limit", limit,
                "batch", batch), Long.class);
        if (through == null) {
            return Erased.NONE;
        }
        int records = jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE id > :w AND id <= :through "
                + "AND children_count > 0 AND children_query IS NULL", Map.of("w", watermark, "through", through),
                Integer.class);
        int rows = jdbc.update("DELETE FROM audit_child WHERE audit_id > :w AND audit_id <= :through",
                Map.of("w", watermark, "through", through));
        jdbc.update("INSERT INTO audit_child_purge (through_id, purged_at) VALUES (:through, :now)",
                Map.of("through", through, "now", Timestamp.from(clock.instant())));
        return new Erased(records, rows);
    }
}
