package org.mimamori.api.retention;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Decisions (with their reasons and sign-offs), erased when decided before the period. */
@Component
@Order(20)
class DecisionRetention implements RetentionKind {

    private final NamedParameterJdbcTemplate jdbc;
    private final Duration period;

    DecisionRetention(NamedParameterJdbcTemplate jdbc,
                      @Value("${mimamori.retention.decisions:1826d}") Duration period) {
        this.jdbc = jdbc;
        this.period = period;
    }

    @Override
    public String name() {
        return "decisions";
    }

    @Override
    public Duration period() {
        return period;
    }

    @Override
    public Erased purge(Instant cutoff, int batch) {
        return new Erased(jdbc.update("DELETE FROM decision WHERE decided_at < :cutoff ORDER BY decided_at "
                + "LIMIT :batch", Map.of("cutoff", Timestamp.from(cutoff), "batch", batch)), 0);
    }
}
