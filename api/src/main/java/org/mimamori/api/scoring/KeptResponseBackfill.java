package org.mimamori.api.scoring;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.mimamori.api.audit.AuditEntry;
import org.mimamori.api.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives the scores written between migrations V21 and V22, which hold only a fingerprint of their response, their
 * kept response (queued once by V23 in {@code score_response_backfill}): after the service has started, each is
 * rendered again with its model and checked against its fingerprint ({@link StoredResponses}), kept, and taken off
 * the queue, a hundred at a time. One that cannot be rendered as first given leaves the queue as it is (its reads
 * stay a 500) and is logged. Instances may run it at once: a score already kept is not written again. Each hundred
 * is stored with its audit record ({@code score.responses.keep}: its counts and the children whose scores it read)
 * in one transaction.
 */
@Component
class KeptResponseBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(KeptResponseBackfill.class);
    private static final int BATCH = 100;
    private static final String ACTOR = "kept-response-backfill";

    private final JdbcTemplate jdbc;
    private final StoredResponses responses;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private final Clock clock;

    KeptResponseBackfill(JdbcTemplate jdbc, StoredResponses responses, PlatformTransactionManager transactions,
                         AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.responses = responses;
        this.tx = new TransactionTemplate(transactions);
        this.audit = audit;
        this.clock = clock;
    }

    /** How a run ended: scores given their kept response, and scores that could not be. */
    record Result(int kept, int notKept) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Thread t = new Thread(() -> {
            try {
                run();
            } catch (DataAccessException e) { // the next start goes on where this one stopped
                LOG.warn("Keeping the responses of older scores stopped: {}", e.getMessage());
            }
        }, ACTOR);
        t.setDaemon(true);
        t.start();
    }

    /** Empties the queue. */
    Result run() {
        int kept = 0;
        int notKept = 0;
        while (true) {
            Set<String> children = new TreeSet<>();
            List<StoredResponses.Stored> batch = jdbc.query("SELECT s.child_ref, " + StoredResponses.COLUMNS
                    + " FROM score_response_backfill b JOIN score s ON s.id = b.score_id ORDER BY b.score_id LIMIT ?",
                    (rs, n) -> {
                        children.add(rs.getString("child_ref"));
                        return StoredResponses.Stored.of(rs);
                    }, BATCH);
            if (batch.isEmpty()) {
                break;
            }
            Map<String, byte[]> values = new LinkedHashMap<>(); // null: it cannot be rendered as first given
            for (StoredResponses.Stored s : batch) {
                try {
                    values.put(s.id(), StoredResponsesService.kept(responses.response(s)
                            .getBytes(StandardCharsets.UTF_8)));
                } catch (RuntimeException e) {
                    values.put(s.id(), null);
                    LOG.warn("Score {}: its response cannot be rendered as first given, so it is not kept: {}",
                            s.id(), e.getMessage());
                }
            }
            int n = (int) values.values().stream().filter(java.util.Objects::isNull).count();
            // the batch's responses, their leaving the queue and the batch's audit record: together or not at all;
            // what another instance kept meanwhile is neither written again nor counted here
            int k = tx.execute(status -> {
                int written = 0;
                for (Map.Entry<String, byte[]> v : values.entrySet()) {
                    if (v.getValue() != null) {
                        written += jdbc.update("UPDATE score SET response_kept = ? WHERE id = ? "
                                + "AND response_kept IS NULL", v.getValue(), v.getKey());
                    }
                    jdbc.update("DELETE FROM score_response_backfill WHERE score_id = ?", v.getKey());
                }
                audit.record(new AuditEntry(null, clock.instant().truncatedTo(ChronoUnit.MILLIS), ACTOR, "system",
                        "score.responses.keep", "score", null, n == 0 ? "ok" : "failed",
                        "kept " + written + ", not kept " + n, null).touching(children));
                return written;
            });
            kept += k;
            notKept += n;
        }
        if (kept + notKept > 0) {
            LOG.info("The responses of older scores (V21): kept {}, not kept {}", kept, notKept);
        }
        return new Result(kept, notKept);
    }
}
