package org.mimamori.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.mimamori.api.support.DataDirs;

/**
 * {@code mimamori.embedded-db-binaries}: two servers starting at the same moment on their own data directories
 * unpack the binaries into one shared folder without meeting — both run, the folder is whole, nothing
 * half-unpacked is left beside it, and neither data directory holds a copy of its own.
 */
class SharedBinariesIntegrationTest {

    @Test
    void twoServersStartingAtOnceShareOneUnpackedCopy() throws Exception {
        Path root = DataDirs.fresh("shared-binaries");
        Path binaries = root.resolve("bin");
        List<CompletableFuture<EmbeddedMariaDb>> starts = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            starts.add(CompletableFuture.supplyAsync(
                    () -> EmbeddedMariaDb.start(root.resolve(name), binaries, List.of())));
        }
        List<EmbeddedMariaDb> servers = new ArrayList<>();
        try {
            for (CompletableFuture<EmbeddedMariaDb> s : starts) {
                servers.add(s.join());
            }
            for (EmbeddedMariaDb db : servers) {
                try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.ownerName(),
                        db.password())) {
                    assertThat(c.isValid(2)).isTrue();
                }
                assertThat(db.dataDir().resolve("mariadb-bin")).as("no copy of its own").doesNotExist();
            }
            assertThat(binaries.resolve("bin").resolve("mariadbd")).isExecutable();
            try (Stream<Path> beside = Files.list(root)) {
                assertThat(beside.map(p -> p.getFileName().toString()))
                        .as("nothing half-unpacked is left").containsExactlyInAnyOrder("a", "b", "bin");
            }
        } finally {
            servers.forEach(EmbeddedMariaDb::stop);
            starts.forEach(s -> s.thenAccept(EmbeddedMariaDb::stop));
        }
        DataDirs.remove(root);
    }
}
