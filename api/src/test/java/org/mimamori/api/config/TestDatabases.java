package org.mimamori.api.config;

import java.nio.file.Path;
import java.util.List;

/**
 * An embedded MariaDB started by a test, for a service that must treat it as an external database (any profile
 * other than {@code local} never starts one itself). Stop it with {@link EmbeddedMariaDb#stop()}.
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** Starts a MariaDB with its data in {@code dataDir}; {@link EmbeddedMariaDb#jdbcUrl()} and so on reach it. */
    public static EmbeddedMariaDb start(Path dataDir) {
        String binaries = System.getProperty("mimamori.embedded-db-binaries");
        return EmbeddedMariaDb.start(dataDir, binaries == null ? null : Path.of(binaries), List.of());
    }
}
