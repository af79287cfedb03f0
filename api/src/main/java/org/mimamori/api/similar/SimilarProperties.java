package org.mimamori.api.similar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of similar past cases ({@code mimamori.similar.*}).
 *
 * @param minGroupSize the smallest group of similar past children whose figures are shown (at least 2)
 */
@ConfigurationProperties("mimamori.similar")
record SimilarProperties(@DefaultValue("20") int minGroupSize) {

    SimilarProperties {
        if (minGroupSize < 2) {
            throw new IllegalArgumentException("mimamori.similar.min-group-size must be at least 2, not "
                    + minGroupSize);
        }
    }
}
