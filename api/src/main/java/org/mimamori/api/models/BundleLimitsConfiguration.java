package org.mimamori.api.models;

import org.mimamori.model.bundle.BundleLimits;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The limits every bundle is read within, on upload, on activation and when the active model is loaded. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BundleLimitProperties.class)
class BundleLimitsConfiguration {

    @Bean
    BundleLimits bundleLimits(BundleLimitProperties properties) {
        return properties.limits();
    }
}
