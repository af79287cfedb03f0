package org.mimamori.training.cli;

import org.mimamori.training.audit.AuditCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code mimamori-training.jar}: the data scientist's command line.
 *
 * <p>Each concern is a subcommand; {@code --help} on the top level or on a subcommand says how to use it.
 */
@Command(name = "mimamori-training",
        mixinStandardHelpOptions = true,
        versionProvider = MimamoriTraining.Version.class,
        description = "Mimamori training tools: synthetic data, training, evaluation, fairness audit, export.",
        subcommands = {CommandLine.HelpCommand.class, SynthCommand.class, TrainCommand.class, EvaluateCommand.class,
                AuditCommand.class, org.mimamori.training.export.ExportCommand.class})
public final class MimamoriTraining implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests to run subcommands in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new MimamoriTraining());
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
