package org.mimamori.api.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
        List<Long> ids = jdbc.queryForList("SELECT e.id FROM audit_event e WHERE e.at < :cutoff AND EXISTS "
                + "(SELECT 1 FROM audit_child c WHERE c.audit_id = e.id) ORDER BY e.id LIMIT :batch",
                Map.of("cutoff", Timestamp.from(cutoff), "batch", batch), Long.class);
        if (ids.isEmpty()) {
            return Erased.NONE;
        }
        int rows = jdbc.update("DELETE FROM audit_child WHERE audit_id IN (:ids)", Map.of("ids", ids));
        long watermark = jdbc.queryForObject("SELECT COALESCE(MAX(through_id), 0) FROM audit_child_purge",
                Map.of(), Long.class);
        long through = Math.max(watermark, ids.get(ids.size() - 1));
        if (through > watermark) {
            jdbc.update("INSERT INTO audit_child_purge (through_id, purged_at) VALUES (:through, :now)",
                    Map.of("through", through, "now", Timestamp.from(clock.instant())));
        }
        return new Erased(ids.size(), rows);
    }
}
