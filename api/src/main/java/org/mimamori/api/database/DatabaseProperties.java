package org.mimamori.api.database;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the database is watched, under {@code mimamori.database}. The timeouts of ordinary database calls are
 * the pool's and the driver's ({@code spring.datasource.hikari.connection-timeout},
 * {@code spring.datasource.hikari.data-source-properties.socketTimeout}); see {@code docs/operations.md}.
 *
 * @param probeInterval how often the database is probed
 * @param probeTimeout  how long a probe may take to connect and to be answered
 * @param retryAfter    the {@code Retry-After} a 503 suggests while the database is unavailable
 */
@ConfigurationProperties("mimamori.database")
record DatabaseProperties(@DefaultValue("1s") Duration probeInterval, @DefaultValue("1s") Duration probeTimeout,
                          @DefaultValue("5s") Duration retryAfter) {
}
