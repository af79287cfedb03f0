package org.mimamori.api.cluster;

import java.time.Duration;
import java.util.Optional;

/**
 * Named leases shared by every instance on the database: at most one instance holds a lease until it expires.
 * The one place for "once across the cluster".
 */
public interface ClusterLeases {

    /**
     * Claims {@code name} for this instance until now plus {@code hold}, if no other instance holds it (it is new,
     * or its lease expired, or this instance holds it already: then it is extended).
     *
     * @return true when this instance holds the lease now
     */
    boolean claim(String name, Duration hold);

    /** Ends this instance's lease of {@code name} now (nothing when another instance holds it). */
    void release(String name);

    /** The current holder of {@code name} while its lease lasts. */
    Optional<String> holder(String name);

    /**
     * Runs {@code job} if this instance claims {@code name} for {@code hold}; the lease is kept until it expires
     * (not released after the job), so that the other instances' runs of the same period find it held and skip.
     * {@code hold} must therefore be longer than the spread of the instances' start times of one period (clock
     * differences included) and shorter than the period.
     *
     * @return true when the job ran here
     */
    boolean runOnce(String name, Duration hold, Runnable job);
}
