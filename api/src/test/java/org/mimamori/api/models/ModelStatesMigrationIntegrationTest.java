package org.mimamori.api.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.mimamori.api.config.EmbeddedMariaDb;
import org.mimamori.api.config.TestDatabases;
import org.mimamori.api.support.DataDirs;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V11 on a database that already holds bundles: the active one stays active, the others become candidates, each
 * with its transition; at most one bundle can then be active and one in shadow.
 */
class ModelStatesMigrationIntegrationTest {

    @Test
    void theActiveBundleStaysActiveAndTheOthersBecomeCandidates() {
        Path dir = DataDirs.fresh("v11");
        EmbeddedMariaDb db = TestDatabases.start(dir.resolve("db"));
        try {
            DriverManagerDataSource ds = new DriverManagerDataSource(db.jdbcUrl(), db.ownerName(), db.password());
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("10").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            for (String[] b : List.of(new String[] {"aaaa000000000001", "TRUE"},
                    new String[] {"aaaa000000000002", "FALSE"}, new String[] {"aaaa000000000003", "FALSE"})) {
                jdbc.update("INSERT INTO model_bundle (version, schema_id, bytes, size_bytes, uploaded_by, uploaded_at, "
                        + "active) VALUES (?, 'child-support-v1', X'00', 1, 'earlier', CURRENT_TIMESTAMP(3), " + b[1]
                        + ")", b[0]);
            }

            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();

            assertThat(jdbc.queryForList("SELECT version, state FROM model_bundle ORDER BY version")).containsExactly(
                    Map.of("version", "aaaa000000000001", "state", "active"),
                    Map.of("version", "aaaa000000000002", "state", "candidate"),
                    Map.of("version", "aaaa000000000003", "state", "candidate"));
            assertThat(jdbc.queryForList("SELECT version, from_state, to_state, actor, reason FROM model_transition "
                    + "ORDER BY version")).extracting(m -> m.get("version") + " " + m.get("from_state") + "->"
                    + m.get("to_state") + " by " + m.get("actor") + ": " + m.get("reason")).containsExactly(
                    "aaaa000000000001 null->active by system: state set by migration V11",
                    "aaaa000000000002 null->candidate by system: state set by migration V11",
                    "aaaa000000000003 null->candidate by system: state set by migration V11");

            jdbc.update("UPDATE model_bundle SET state = 'shadow' WHERE version = 'aaaa000000000002'");
            assertThatThrownBy(() -> jdbc.update(
                    "UPDATE model_bundle SET state = 'shadow' WHERE version = 'aaaa000000000003'"))
                    .as("a second shadow model").hasMessageContaining("Duplicate");
            assertThatThrownBy(() -> jdbc.update(
                    "UPDATE model_bundle SET state = 'active' WHERE version = 'aaaa000000000003'"))
                    .as("a second active model").hasMessageContaining("Duplicate");
            jdbc.update("UPDATE model_bundle SET state = 'retired' WHERE version = 'aaaa000000000003'");
            assertThatThrownBy(() -> jdbc.update(
                    "UPDATE model_bundle SET state = 'gone' WHERE version = 'aaaa000000000003'"))
                    .as("a state that does not exist").isInstanceOf(RuntimeException.class);
        } finally {
            db.stop();
            DataDirs.remove(dir);
        }
    }
}
