package org.mimamori.training.cli;

import org.mimamori.training.audit.AuditCommand;
import org.mimamori.training.problem.ExitCode;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code mimamori-training.jar}: the data scientist's command line.
 *
 * <p>Each concern is a subcommand; {@code --help} on the top level or on a subcommand says how to use it. Exit
 * codes are those of {@link ExitCode}.
 */
@Command(name = "mimamori-training",
        mixinStandardHelpOptions = true,
        versionProvider = MimamoriTraining.Version.class,
        description = "Mimamori training tools: synthetic data, training, evaluation, fairness audit, export, "
                + "demo model.",
        subcommands = {CommandLine.HelpCommand.class, SynthCommand.class, TrainCommand.class, EvaluateCommand.class,
                AuditCommand.class, DemoModelCommand.class, org.mimamori.training.export.ExportCommand.class,
                org.mimamori.training.ledger.VerifyAuditCommand.class})
public final class MimamoriTraining implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = ProblemHandler.DEBUG, scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of a problem too (for reporting a bug).")
    private boolean debug;

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The configured command line, also used by tests to run subcommands in-process. Problems are printed as
     * {@code <command>: <what is wrong>} without a stack trace and end with an {@link ExitCode}.
     */
    public static CommandLine commandLine() {
        ProblemHandler problems = new ProblemHandler();
        return new CommandLine(new MimamoriTraining()).setExecutionExceptionHandler(problems)
                .setParameterExceptionHandler(problems);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = MimamoriTraining.class.getPackage().getImplementationVersion();
            return new String[] {"mimamori-training " + (v == null ? "development" : v)};
        }
    }
}
