package org.mimamori.api.monitoring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of outcome monitoring ({@code mimamori.monitoring.*}).
 *
 * @param minGroupSize  the fewest scores (assessed scores for outcome figures, decided scores for decision
 *                      figures) whose figures are shown (at least 2)
 * @param minClassCount the fewest assessed scores with, and without, a confirmed need for an AUC (at least 1)
 */
@ConfigurationProperties("mimamori.monitoring")
record MonitoringProperties(@DefaultValue("20") int minGroupSize, @DefaultValue("5") int minClassCount) {

    MonitoringProperties {
        if (minGroupSize < 2) {
            throw new IllegalArgumentException("mimamori.monitoring.min-group-size must be at least 2, not "
                    + minGroupSize);
        }
        if (minClassCount < 1) {
            throw new IllegalArgumentException("mimamori.monitoring.min-class-count must be at least 1, not "
                    + minClassCount);
        }
    }
}
