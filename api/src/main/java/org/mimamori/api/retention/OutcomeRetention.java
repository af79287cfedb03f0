package org.mimamori.api.retention;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Outcomes (the next model's labels), erased when recorded before the period. */
@Component
@Order(10)
class OutcomeRetention implements RetentionKind {

    private final NamedParameterJdbcTemplate jdbc;
    private final Duration period;

    OutcomeRetention(NamedParameterJdbcTemplate jdbc, @Value("${mimamori.retention.outcomes:1826d}") Duration period) {
        this.jdbc = jdbc;
        this.period = period;
    }

    @Override
    public String name() {
        return "outcomes";
    }

    @Override
    public Duration period() {
        return period;
    }

    @Override
    public Erased purge(Instant cutoff, int batch) {
        return new Erased(jdbc.update("DELETE FROM outcome WHERE recorded_at < :cutoff ORDER BY recorded_at "
                + "LIMIT :batch", Map.of("cutoff", Timestamp.from(cutoff), "batch", batch)), 0);
    }
}
