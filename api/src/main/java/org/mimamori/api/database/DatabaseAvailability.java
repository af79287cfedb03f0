package org.mimamori.api.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Probes the database every {@code mimamori.database.probe-interval} on a connection of its own (not the pool,
 * which stalled requests may hold), with {@code probe-timeout} for connecting and for the answer. One failed
 * probe marks the database unavailable, one answered probe available again. As the health indicator
 * {@code database} it is part of readiness, so an orchestrator stops routing traffic to an instance whose
 * database is down or stalled, and routes it again by itself once the database answers.
 */
@Component("database")
class DatabaseAvailability implements HealthIndicator, DatabaseState {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseAvailability.class);

    private final String url;
    private final Properties props = new Properties();
    private final int timeoutSeconds;
    private final Clock clock;
    private final ScheduledExecutorService probe;
    private Connection connection;
    private volatile boolean available = true;
    private volatile String lastProblem;
    private volatile Instant since;

    DatabaseAvailability(HikariDataSource dataSource, DatabaseProperties settings, Clock clock) {
        this.url = dataSource.getJdbcUrl();
        this.clock = clock;
        this.since = clock.instant();
        Duration timeout = settings.probeTimeout();
        this.timeoutSeconds = (int) Math.max(1, timeout.toSeconds());
        if (dataSource.getUsername() != null) {
            props.setProperty("user", dataSource.getUsername());
        }
        if (dataSource.getPassword() != null) {
            props.setProperty("password", dataSource.getPassword());
        }
        props.setProperty("connectTimeout", Long.toString(timeout.toMillis()));
        props.setProperty("socketTimeout", Long.toString(timeout.toMillis()));
        this.probe = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "database-probe");
            t.setDaemon(true);
            return t;
        });
        long every = settings.probeInterval().toMillis();
        probe.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public boolean isAvailable() {
        return available;
    }

    @Override
    public Health health() {
        Health.Builder b = available ? Health.up() : Health.down().withDetail("problem", String.valueOf(lastProblem));
        return b.withDetail("since", since.toString()).build();
    }

    /** One probe; public for tests that need an answer now. */
    void check() {
        try {
            if (connection == null || connection.isClosed()) {
                connection = DriverManager.getConnection(url, props);
            }
            if (!connection.isValid(timeoutSeconds)) {
                throw new SQLException("the database did not answer within " + timeoutSeconds + " s");
            }
            mark(true, null);
        } catch (SQLException | RuntimeException e) {
            close();
            mark(false, e.getMessage());
        }
    }

    private void mark(boolean up, String problem) {
        if (up != available) {
            since = clock.instant();
            if (up) {
                LOG.info("The database answers again; readiness is UP");
            } else {
                LOG.error("The database does not answer ({}); readiness is DOWN and requests that need it get 503",
                        problem);
            }
        }
        lastProblem = problem;
        available = up;
    }

    private void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("closing the probe connection: {}", e.getMessage());
            }
            connection = null;
        }
    }

    @PreDestroy
    void stop() {
        probe.shutdownNow();
        close();
    }
}
