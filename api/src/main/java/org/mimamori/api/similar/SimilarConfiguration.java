package org.mimamori.api.similar;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link SimilarProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SimilarProperties.class)
class SimilarConfiguration {
}
