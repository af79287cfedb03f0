package org.mimamori.api.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mimamori.api.support.Cohorts;
import org.mimamori.api.support.IntegrationTestBase;
import org.mimamori.client.model.Screening;
import org.mimamori.client.model.ScreeningStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * A cohort file larger than MariaDB's default {@code max_allowed_packet} (16 MiB) is stored and screened: the
 * file is stored in chunks, so no statement depends on the packet size.
 */
class LargeCohortIntegrationTest extends IntegrationTestBase {

    private static final int SIXTEEN_MIB = 16 * 1024 * 1024;

    @Autowired
    private HikariDataSource dataSource;

    @Autowired
    private org.mimamori.api.config.EmbeddedMariaDb db;

    private long packetBefore;

    @AfterEach
    void restorePacketSize() {
        if (packetBefore > 0) {
            db.runAsAdministrator("SET GLOBAL max_allowed_packet = " + packetBefore);
            dataSource.getHikariPoolMXBean().softEvictConnections();
        }
    }

    @Test
    void aCohortFileOver16MiBIsStoredAndScreenedWithTheDefaultMaxAllowedPacket() throws Exception {
        packetBefore = jdbc.queryForObject("SELECT @@GLOBAL.max_allowed_packet", Long.class);
        db.runAsAdministrator("SET GLOBAL max_allowed_packet = " + SIXTEEN_MIB);
        dataSource.getHikariPoolMXBean().softEvictConnections();
        assertThat(jdbc.queryForObject("SELECT @@SESSION.max_allowed_packet", Long.class))
                .as("new connections have the default packet size").isEqualTo(SIXTEEN_MIB);

        int children = 200;
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(Files.readAllBytes(Cohorts.cohort(children, 9)));
        file.writeBytes("\n".repeat(SIXTEEN_MIB + (1 << 20)).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        java.nio.file.Path big = Files.createTempFile("mimamori-large-cohort", ".csv");
        try {
            Files.write(big, file.toByteArray());
            assertThat(Files.size(big)).isGreaterThan(SIXTEEN_MIB + 1);
            long scores = rows("score");
            ResponseEntity<org.mimamori.client.model.ScreeningAccepted> accepted = clients()
                    .screenings("demo-supervisor").createScreeningWithHttpInfo(big.toFile(), "en");
            assertThat(accepted.getStatusCode().value()).isEqualTo(202);
            UUID id = accepted.getBody().getId();
            Screening s = ScreeningIntegrationTest.awaitFinished(clients().screenings("demo-supervisor"), id);
            assertThat(s.getStatus()).as(s.getError()).isEqualTo(ScreeningStatus.DONE);
            assertThat(s.getScored()).isEqualTo(children);
            assertThat(rows("score")).isEqualTo(scores + children);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM screening_file_chunk WHERE screening_id = ?",
                    Long.class, id.toString())).as("the file is dropped when the job ends").isZero();
        } finally {
            Files.deleteIfExists(big);
        }
    }
}
