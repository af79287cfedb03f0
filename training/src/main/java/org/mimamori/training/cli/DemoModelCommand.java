package org.mimamori.training.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

import org.mimamori.training.pipeline.DemoModel;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo-model}: trains the demonstration model ({@link DemoModel}: the default schema on a seeded synthetic
 * municipality) and writes its bundle to one file. The api module's build runs it to put the bundle the service
 * imports into an empty registry on its classpath ({@code demo/demo-model.zip}); the same build always writes
 * the same bytes.
 */
@Command(name = "demo-model",
        mixinStandardHelpOptions = true,
        description = {
            "Trains the DEMONSTRATION model on a seeded synthetic municipality (" + DemoModel.CHILDREN
                    + " made-up children, seed " + DemoModel.SEED + ") and writes its bundle to FILE.",
            "Never for real children. The same build always writes the same bytes."})
public final class DemoModelCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The bundle file to write.")
    private Path out;

    @Override
    public Integer call() throws Exception {
        Path work = Files.createTempDirectory("mimamori-demo-model");
        try {
            Path bundle = DemoModel.build(work);
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.copy(bundle, out, StandardCopyOption.REPLACE_EXISTING);
            spec.commandLine().getOut().println("demo-model: wrote the DEMONSTRATION bundle to " + out);
            return 0;
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
