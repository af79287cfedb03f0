package org.mimamori.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Fresh data directories for the embedded database, under {@code target/it-data}. */
public final class DataDirs {

    private DataDirs() {
    }

    /** A new, empty directory. */
    public static Path fresh(String name) {
        try {
            return Files.createDirectories(Path.of("target", "it-data", name + "-" + UUID.randomUUID()))
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
