package org.mimamori.training.ledger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.mimamori.training.problem.CommandProblem;
import org.mimamori.training.problem.ExitCode;
import picocli.CommandLine.Option;

/** How a command logs in to the service's MariaDB (a picocli mixin). The password never goes on the command line. */
public final class DatabaseLogin {

    @Option(names = "--jdbc-url", required = true, description = "The service's database, e.g. "
            + "jdbc:mariadb://127.0.0.1:3306/mimamori.")
    String jdbcUrl;

    @Option(names = "--user", required = true, description = "Database user.")
    String user;

    @Option(names = "--password-env", description = "Name of the environment variable holding the password "
            + "(none when left out).")
    String passwordEnv;

    @Option(names = "--password-file", description = "A file holding the password, e.g. the embedded database's "
            + "<data-dir>/secrets/db-password (none when left out).")
    Path passwordFile;

    /** @return the database's address without its parameters */
    public String source() {
        return jdbcUrl.replaceAll("\\?.*$", "");
    }

    /** @return the user logged in as */
    public String user() {
        return user;
    }

    /**
     * @return a connection
     * @throws CommandProblem when the password cannot be had or the database refuses
     */
    public Connection connect() {
        String password = "";
        try {
            if (passwordEnv != null) {
                password = System.getenv(passwordEnv);
                if (password == null) {
                    throw new CommandProblem(ExitCode.USAGE, "the environment variable " + passwordEnv
                            + " is not set");
                }
            } else if (passwordFile != null) {
                if (!Files.isReadable(passwordFile)) {
                    throw new CommandProblem(ExitCode.IO, "the password file " + passwordFile + " cannot be read");
                }
                password = Files.readString(passwordFile).trim();
            }
            return DriverManager.getConnection(jdbcUrl, user, password);
        } catch (java.io.IOException e) {
            throw new CommandProblem(ExitCode.IO, "the password file " + passwordFile + " cannot be read");
        } catch (SQLException e) {
            throw new CommandProblem(ExitCode.IO, "cannot connect to " + source() + " as " + user + " ("
                    + e.getMessage() + ")");
        }
    }
}
