package org.mimamori.api.retention;

import java.time.Duration;

import org.mimamori.api.cluster.ClusterLeases;
import org.mimamori.api.problems.ConflictException;
import org.mimamori.api.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the purge on {@code mimamori.retention.schedule} (a cron expression in UTC; default every day at 03:30;
 * {@code -} turns the schedule off), audited as the caller {@code retention-schedule} in the role {@code system}.
 * Once across the instances sharing the database: every instance's schedule fires, and the one that claims the
 * lease {@code retention.schedule} for {@code mimamori.retention.schedule-lease} (default 1 h: longer than the
 * instances' clocks differ, shorter than the schedule's period) runs the purge; the others skip that time.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RetentionSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);

    /** Who the scheduled purge is recorded as. */
    static final Caller SCHEDULE = new Caller("retention-schedule", "system");

    /** The lease of the scheduled purge (org.mimamori.api.cluster). */
    static final String LEASE = "retention.schedule";

    private final RetentionService retention;
    private final ClusterLeases leases;
    private final Duration hold;

    RetentionSchedule(RetentionService retention, ClusterLeases leases,
                      @Value("${mimamori.retention.schedule-lease:PT1H}") Duration hold) {
        if (hold.isNegative() || hold.isZero()) {
            throw new IllegalStateException("mimamori.retention.schedule-lease must be a positive duration, not "
                    + hold);
        }
        this.retention = retention;
        this.leases = leases;
        this.hold = hold;
    }

    @Scheduled(cron = "${mimamori.retention.schedule:0 30 3 * * *}", zone = "UTC")
    void purge() {
        try {
            leases.runOnce(LEASE, hold, () -> retention.run(SCHEDULE));
        } catch (ConflictException e) {
            LOG.info("Scheduled retention purge skipped: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Scheduled retention purge failed; it runs again at its next time", e);
        }
    }
}
