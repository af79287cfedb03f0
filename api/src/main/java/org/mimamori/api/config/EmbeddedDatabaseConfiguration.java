package org.mimamori.api.config;

import com.zaxxer.hikari.HikariDataSource;
import org.mimamori.api.security.ProfileGuard;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded MariaDB and points the datasource at it, but only in the {@code local} profile and when
 * no datasource is configured ({@code spring.datasource.url} / {@code SPRING_DATASOURCE_URL} unset). With a
 * configured datasource Spring Boot's own auto-configuration connects to that external MariaDB and this class
 * does nothing; outside the local profile, or in the server jar that carries no embedded database, a missing
 * datasource stops the start ({@link ProfileGuard}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.EmbeddedDatabaseWanted.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "stop")
    EmbeddedMariaDb embeddedMariaDb(MimamoriProperties properties) {
        return EmbeddedMariaDb.start(properties.dataDir(), properties.embeddedDbBinaries(),
                java.util.stream.Stream.concat(java.util.stream.Stream.of(
                "--innodb-buffer-pool-size=" + properties.embeddedDbBufferPool().toBytes()),
                properties.embeddedDbArgs().stream()).toList());
    }

    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedMariaDb db) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(db.jdbcUrl());
        ds.setUsername(db.username());
        ds.setPassword(db.password());
        ds.setPoolName("mimamori-embedded");
        return ds;
    }

    /** Migrations run under the owner account; the service's own account only gets its table privileges. */
    @Bean
    org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer embeddedFlywayOwner(
            EmbeddedMariaDb db) {
        return configuration -> configuration.dataSource(db.jdbcUrl(), db.ownerName(), db.password());
    }

    @Bean
    org.mimamori.api.database.AccountGrants embeddedAccountGrants(EmbeddedMariaDb db) {
        return new org.mimamori.api.database.AccountGrants("'" + db.username() + "'@'127.0.0.1'");
    }

    /** Matches in the local profile when no datasource URL is configured. */
    static final class EmbeddedDatabaseWanted implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return ProfileGuard.isLocal(context.getEnvironment())
                    && !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"))
                    && ProfileGuard.embeddedDatabaseShipped(context.getClassLoader());
        }
    }
}
