package org.mimamori.api.drift;

import java.time.Duration;
import java.time.Instant;

import org.mimamori.api.retention.RetentionKind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Drift observations (case-derived: each item's encoded state of a score), erased when older than their period
 * (default 90 days, beyond the live window's 30). They also go with their score whenever it is erased.
 */
@Component
@Order(25)
class DriftRetention implements RetentionKind {

    private final DriftStore store;
    private final Duration period;

    DriftRetention(DriftStore store, @Value("${mimamori.retention.drift:90d}") Duration period) {
        this.store = store;
        this.period = period;
    }

    @Override
    public String name() {
        return "drift";
    }

    @Override
    public Duration period() {
        return period;
    }

    @Override
    public Erased purge(Instant cutoff, int batch) {
        int n = store.purge(cutoff, batch);
        return n == 0 ? Erased.NONE : new Erased(n, 0);
    }
}
