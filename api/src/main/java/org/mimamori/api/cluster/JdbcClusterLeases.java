package org.mimamori.api.cluster;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link ClusterLeases} in {@code cluster_lease}: a claim inserts the row when the name is new
 * ({@code INSERT IGNORE}), else takes it over with one conditional {@code UPDATE ... WHERE lease_until <= now OR
 * holder = me} (atomic under the row's lock; counted as matched rows). Each statement commits on its own. A claim
 * that meets an error (the database unavailable, a Galera certification conflict) is a claim not made.
 */
@Component
class JdbcClusterLeases implements ClusterLeases {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcClusterLeases.class);
    private static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final InstanceId instance;

    JdbcClusterLeases(JdbcTemplate jdbc, Clock clock, InstanceId instance) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.instance = instance;
    }

    @Override
    public boolean claim(String name, Duration hold) {
        check(name);
        if (hold.isNegative() || hold.isZero()) {
            throw new IllegalArgumentException("a lease must be held for a positive time, not " + hold);
        }
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        Timestamp until = Timestamp.from(now.plus(hold));
        String me = instance.value();
        try {
            if (jdbc.update("INSERT IGNORE INTO cluster_lease (name, holder, lease_until, claimed_at) "
                    + "VALUES (?, ?, ?, ?)", name, me, until, at) == 1) {
                return true;
            }
            return jdbc.update("UPDATE cluster_lease SET holder = ?, lease_until = ?, claimed_at = ? "
                    + "WHERE name = ? AND (lease_until <= ? OR holder = ?)", me, until, at, name, at, me) == 1;
        } catch (DataAccessException e) {
            LOG.warn("The lease {} could not be claimed: {}", name, e.getMessage());
            return false;
        }
    }

    @Override
    public void release(String name) {
        check(name);
        jdbc.update("UPDATE cluster_lease SET lease_until = ? WHERE name = ? AND holder = ?",
                Timestamp.from(clock.instant()), name, instance.value());
    }

    @Override
    public Optional<String> holder(String name) {
        check(name);
        List<String> holders = jdbc.queryForList("SELECT holder FROM cluster_lease WHERE name = ? AND lease_until > ?",
                String.class, name, Timestamp.from(clock.instant()));
        return holders.stream().findFirst();
    }

    @Override
    public boolean runOnce(String name, Duration hold, Runnable job) {
        if (!claim(name, hold)) {
            LOG.info("{} not run on this instance ({}): another instance holds it ({})", name, instance.value(),
                    holderOrNone(name));
            return false;
        }
        LOG.info("{} runs on this instance ({}); lease held for {}", name, instance.value(), hold);
        job.run();
        return true;
    }

    private String holderOrNone(String name) {
        try {
            return holder(name).orElse("none now");
        } catch (DataAccessException e) {
            return "unknown: " + e.getMessage();
        }
    }

    private static void check(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a lease name is 1 to 64 of a-z 0-9 . _ -, not " + name);
        }
    }
}
