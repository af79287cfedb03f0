package org.mimamori.api.shadow;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of shadow scoring and its report ({@code mimamori.shadow.*}).
 *
 * @param queueCapacity how many scores may wait for shadow scoring; beyond that, scores are not shadow-scored
 *                      (dropped and counted), so that shadow scoring never holds memory or time the live
 *                      service needs (0 turns shadow scoring off)
 * @param minScored     below this many scores the report notes that its figures are early
 * @param minOutcomes   below this many scores with an outcome (or fewer than 10 of either kind) the report's
 *                      outcome figures are marked as not enough
 */
@ConfigurationProperties("mimamori.shadow")
record ShadowProperties(@DefaultValue("10000") int queueCapacity, @DefaultValue("500") int minScored,
                        @DefaultValue("100") int minOutcomes) {

    ShadowProperties {
        if (queueCapacity < 0) {
            throw new IllegalArgumentException("mimamori.shadow.queue-capacity must not be negative, not "
                    + queueCapacity);
        }
    }
}
