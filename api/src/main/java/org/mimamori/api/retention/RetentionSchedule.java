package org.mimamori.api.retention;

import org.mimamori.api.problems.ConflictException;
import org.mimamori.api.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the purge on {@code mimamori.retention.schedule} (a cron expression in UTC; default every day at 03:30;
 * {@code -} turns the schedule off), audited as the caller {@code retention-schedule} in the role {@code system}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RetentionSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);

    /** Who the scheduled purge is recorded as. */
    static final Caller SCHEDULE = new Caller("retention-schedule", "system");

    private final RetentionService retention;

    RetentionSchedule(RetentionService retention) {
        this.retention = retention;
    }

    @Scheduled(cron = "${mimamori.retention.schedule:0 30 3 * * *}", zone = "UTC")
    void purge() {
        try {
            retention.run(SCHEDULE);
        } catch (ConflictException e) {
            LOG.info("Scheduled retention purge skipped: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Scheduled retention purge failed; it runs again at its next time", e);
        }
    }
}
