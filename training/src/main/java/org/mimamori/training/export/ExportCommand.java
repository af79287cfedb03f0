package org.mimamori.training.export;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.SchemaLoader;
import org.mimamori.training.problem.CommandProblem;
import org.mimamori.training.problem.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code export}: a labelled CSV of the recorded inputs of scored children and the outcomes staff recorded, for
 * retraining, and {@code F.metadata.json} next to {@code F.csv}, stating counts, model versions and the selection bias of the labels.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Exports the recorded inputs of scored children with their recorded outcomes (the label) from "
                + "the service's MariaDB as a labelled CSV for retraining, one row per child (its latest score "
                + "with an outcome), plus F.metadata.json next to F.csv. Child references stay pseudonymous; no names. "
                + "Children under a cessation-of-use request are never written.")
public final class ExportCommand implements Callable<Integer> {

    /** What the labels are, stated in every export's metadata. */
    public static final String SELECTION_BIAS = "Only assessed children have outcomes; families already in "
            + "contact with services are assessed more often, so they are over-represented among the labels. "
            + "The label is a record of past decisions by staff (need for support confirmed), not the true need "
            + "of every child, and never a risk of abuse.";

    @Spec
    CommandSpec spec;

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

    @Option(names = "--out", required = true, description = "The CSV file to write.")
    Path out;

    @Option(names = "--schema", paramLabel = "S.yaml", description = "The schema the service scored with (default: "
            + "the built-in child-support-v1); only scores of this schema are exported, in its columns.")
    Path schemaFile;

    @Option(names = "--include-unlabelled", description = "Also write children without an outcome, with an empty "
            + "label.")
    boolean includeUnlabelled;

    /** The metadata file of an export: {@code F.csv} → {@code F.metadata.json}. */
    public static Path metadataOf(Path csv) {
        String name = csv.getFileName().toString();
        String stem = name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4)
                : name;
        return csv.resolveSibling(stem + ".metadata.json");
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        String password = "";
        if (passwordEnv != null) {
            password = System.getenv(passwordEnv);
            if (password == null) {
                throw new CommandProblem(ExitCode.USAGE, "the environment variable " + passwordEnv + " is not set");
            }
        } else if (passwordFile != null) {
            if (!Files.isReadable(passwordFile)) {
                err.println("export: the password file " + passwordFile + " cannot be read");
                return 2;
            }
            password = Files.readString(passwordFile).trim();
        }
        FeatureSchema schema = SchemaLoader.loadOrDefault(schemaFile);
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        OutcomeExport.Result r;
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password);
             BufferedWriter w = Files.newBufferedWriter(tmp)) {
            db.setReadOnly(true);
            r = OutcomeExport.export(db, schema, includeUnlabelled, w);
        } catch (SQLException e) {
            Files.deleteIfExists(tmp);
            throw new CommandProblem(ExitCode.IO, "cannot read scores and outcomes (" + e.getMessage() + "). The "
                    + "outcome table is created by the service's decision loop; is the database right and up to date?");
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("schemaId", schema.id());
        meta.put("exportedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        meta.put("source", jdbcUrl.replaceAll("\\?.*$", ""));
        meta.put("label", schema.labelItem().id() + " = need_confirmed of the recorded outcome of the child's "
                + "latest score that has one; need_type_* from its support types");
        meta.put("selectionBias", SELECTION_BIAS);
        meta.put("includeUnlabelled", includeUnlabelled);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("scores", r.scores());
        counts.put("scoresWithOutcome", r.withOutcome());
        counts.put("children", r.children());
        counts.put("exported", r.exported());
        counts.put("exportedWithLabel", r.labelled());
        counts.put("scoresOfOtherSchemas", r.otherSchemas());
        meta.put("counts", counts);
        meta.put("modelVersions", r.modelVersions());
        Path metadata = metadataOf(out);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(metadata.toFile(), meta);
        spec.commandLine().getOut().printf("exported %d children (%d with an outcome) from %d scores to %s%n",
                r.exported(), r.labelled(), r.scores(), out);
        err.println("metadata written to " + metadata + "; " + SELECTION_BIAS);
        return 0;
    }
}
