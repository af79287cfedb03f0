package org.mimamori.api.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The embedded database's secrets in {@code <data-dir>/secrets} (owner-only, {@code 0700}): the generated
 * password of the service's account ({@code db-password}, {@code 0600}, made once) and the init file that sets
 * it at every start ({@code init.sql}, {@code 0600}). Also the server's socket folder {@code <data-dir>/run}
 * ({@code 0700}), so that only the service's own user can open the socket.
 */
final class LocalSecrets {

    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    /** A Unix socket path may hold at most 107 bytes. */
    private static final int SOCKET_PATH_MAX = 100;

    private final Path dir;
    private final Path runDir;
    private final String password;

    private LocalSecrets(Path dir, Path runDir, String password) {
        this.dir = dir;
        this.runDir = runDir;
        this.password = password;
    }

    /** The secrets of a data directory, creating the password on first use. */
    static LocalSecrets in(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            restrict(dataDir);
            Path dir = ownerOnlyDir(dataDir.resolve("secrets"));
            Path file = dir.resolve("db-password");
            if (!Files.exists(file)) {
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                writeOwnerOnly(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
            }
            Files.setPosixFilePermissions(file, OWNER_FILE);
            String password = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!password.matches("[A-Za-z0-9_-]{16,}")) {
                throw new IllegalStateException("The embedded database's password file " + file
                        + " is damaged; delete it to make a new one.");
            }
            Path runDir = dataDir.resolve("run");
            if (runDir.resolve("mysqld.sock").toString().length() > SOCKET_PATH_MAX) {
                runDir = Files.createTempDirectory("mimamori-db-", PosixFilePermissions.asFileAttribute(OWNER_DIR));
            }
            return new LocalSecrets(dir, ownerOnlyDir(runDir), password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the embedded database's secrets in " + dataDir, e);
        }
    }

    /** Makes a directory owner-only. */
    static void restrict(Path dir) {
        try {
            Files.setPosixFilePermissions(dir, OWNER_DIR);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict " + dir + " to its owner", e);
        }
    }

    String password() {
        return password;
    }

    Path socketPath() {
        return runDir.resolve("mysqld.sock");
    }

    Path initFile() {
        return dir.resolve("init.sql");
    }

    /**
     * Writes the init file the server runs at start: the database; its owner account {@code <user>_owner}, which
     * runs the migrations; the service's account, which gets only table privileges (see
     * {@link org.mimamori.api.database.AccountGrants}: it may not change or delete audit records); both with the
     * password of the password file (reset at every start, so the file is the truth); no account without a
     * password.
     */
    void writeInitFile(String database, String user) {
        String sql = """
                CREATE DATABASE IF NOT EXISTS `%1$s` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
                CREATE USER IF NOT EXISTS '%2$s_owner'@'127.0.0.1' IDENTIFIED BY '%3$s';
                ALTER USER '%2$s_owner'@'127.0.0.1' IDENTIFIED BY '%3$s';
                GRANT ALL PRIVILEGES ON `%1$s`.* TO '%2$s_owner'@'127.0.0.1' WITH GRANT OPTION;
                CREATE USER IF NOT EXISTS '%2$s'@'127.0.0.1' IDENTIFIED BY '%3$s';
                ALTER USER '%2$s'@'127.0.0.1' IDENTIFIED BY '%3$s';
                DELETE FROM mysql.db WHERE User = '%2$s' AND Host = '127.0.0.1';
                DELETE FROM mysql.global_priv WHERE User = '';
                FLUSH PRIVILEGES;
                """.formatted(database, user, password);
        try {
            writeOwnerOnly(initFile(), sql);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + initFile(), e);
        }
    }

    private static Path ownerOnlyDir(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, OWNER_DIR);
        return dir;
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
        Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
