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
 * Scores with their inputs ({@code score}: request, response, child reference), erased whole when older than the
 * period <em>and</em> no decision or outcome rests on them any more (those are erased by their own kinds, after
 * their own periods), so that no decision or outcome ever points to a vanished score. Their own assessments,
 * similarity keys and screening entries go with them.
 */
@Component
@Order(30)
class ScoreRetention implements RetentionKind {

    private final NamedParameterJdbcTemplate jdbc;
    private final Duration period;

    ScoreRetention(NamedParameterJdbcTemplate jdbc, @Value("${mimamori.retention.scores:1826d}") Duration period) {
        this.jdbc = jdbc;
        this.period = period;
    }

    @Override
    public String name() {
        return "scores";
    }

    @Override
    public Duration period() {
        return period;
    }

    @Override
    public Erased purge(Instant cutoff, int batch) {
        List<String> ids = jdbc.queryForList("SELECT s.id FROM score s WHERE s.created_at < :cutoff "
                + "AND NOT EXISTS (SELECT 1 FROM decision d WHERE d.score_id = s.id) "
                + "AND NOT EXISTS (SELECT 1 FROM outcome o WHERE o.score_id = s.id) "
                + "ORDER BY s.created_at LIMIT :batch FOR UPDATE",
                Map.of("cutoff", Timestamp.from(cutoff), "batch", batch), String.class);
        if (ids.isEmpty()) {
            return Erased.NONE;
        }
        Map<String, Object> p = Map.of("ids", ids);
        int attached = jdbc.update("DELETE FROM own_assessment WHERE score_id IN (:ids)", p)
                + jdbc.update("DELETE FROM screening_entry WHERE score_id IN (:ids)", p);
        int records = jdbc.update("DELETE FROM score WHERE id IN (:ids)", p); // score_state cascades
        return new Erased(records, attached);
    }
}
