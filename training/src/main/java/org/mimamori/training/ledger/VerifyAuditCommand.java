package org.mimamori.training.ledger;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Callable;

import org.mimamori.model.audit.AuditVerifier;
import org.mimamori.training.problem.CommandProblem;
import org.mimamori.training.problem.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code verify-audit}: walks the service's audit chain in its database and prints every record that was
 * altered, removed or inserted since it was written; exits {@link ExitCode#TAMPERED} when there is one. With
 * {@code --anchor N:HASH} (a head exported earlier) it also checks that record N still has that hash.
 */
@Command(name = "verify-audit", mixinStandardHelpOptions = true,
        description = "Verifies the service's audit trail (a hash chain) in its MariaDB: reports every record "
                + "altered, removed or inserted, and prints the chain's head to keep outside the database. "
                + "Exit code 0 when intact, 6 when not.")
public final class VerifyAuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseLogin login;

    @Option(names = "--anchor", paramLabel = "N:HASH[,N:HASH...]", description = "A head exported earlier (record "
            + "number and hash of every lane's newest record, as the service logs it or GET /api/v1/audit/head gives "
            + "it as anchor): each record N must still have its HASH.")
    String anchor;

    @Option(names = "--max-problems", defaultValue = "100", description = "How many problems to print at most "
            + "(default: ${DEFAULT-VALUE}).")
    int maxProblems;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        AuditVerifier.Report report;
        String anchored = null;
        try (Connection db = login.connect()) {
            db.setReadOnly(true);
            report = AuditVerifier.verify(db, Math.max(1, maxProblems));
            if (anchor != null) {
                anchored = AnchorCheck.check(db, anchor);
            }
        } catch (SQLException e) {
            throw new CommandProblem(ExitCode.IO, "cannot read the audit trail (" + e.getMessage() + ")");
        }
        report.problems().forEach(p -> out.println(p.kind().name().toLowerCase(java.util.Locale.ROOT) + " "
                + p.id() + ": " + p.message().en()));
        if (report.truncated()) {
            out.println("(more problems than listed; raise --max-problems)");
        }
        if (anchored != null) {
            out.println("anchor: " + anchored);
        }
        out.printf("%s: %d records checked, %d older than the chain; head: %s%n",
                report.intact() && anchored == null ? "intact" : "NOT INTACT", report.checked(),
                report.beforeChain(), report.head().anchor());
        return report.intact() && anchored == null ? ExitCode.OK : ExitCode.TAMPERED;
    }
}
