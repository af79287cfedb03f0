package org.mimamori.api.audit;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.mimamori.model.audit.AuditLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Logs the audit chain's head at a fixed interval ({@code mimamori.audit.head-log-interval}, default one hour;
 * {@code 0} turns it off), so that a log shipper can anchor the chain outside the database: {@code ID:HASH} of
 * every lane's newest record, comma-separated; a later verification ({@code verify-audit --anchor}) must find
 * the same hashes at the same record numbers.
 */
@Component
class AuditHeadLog implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(AuditHeadLog.class);

    private final AuditTrail trail;
    private final Duration interval;
    private ScheduledExecutorService timer;

    AuditHeadLog(AuditTrail trail, @Value("${mimamori.audit.head-log-interval:PT1H}") Duration interval) {
        this.trail = trail;
        this.interval = interval;
    }

    void logHead() {
        try {
            AuditLedger.Head head = trail.head();
            LOG.info("Audit chain head: {}", head.anchor());
        } catch (RuntimeException e) {
            LOG.warn("Audit chain head could not be read: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-head-log");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::logHead, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
