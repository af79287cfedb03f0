package org.mimamori.training.export;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.mimamori.model.audit.AuditLedger;
import org.mimamori.model.audit.AuditRecord;
import org.mimamori.model.audit.Children;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.SchemaLoader;
import org.mimamori.training.ledger.DatabaseLogin;
import org.mimamori.training.problem.CommandProblem;
import org.mimamori.training.problem.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
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

    @Mixin
    DatabaseLogin login;

    @Option(names = "--purpose", defaultValue = "model_management", description = "Why the export is made, "
            + "recorded in the service's audit trail (default: ${DEFAULT-VALUE}).")
    String purpose;

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
        FeatureSchema schema = SchemaLoader.loadOrDefault(schemaFile);
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        OutcomeExport.Result r;
        try (Connection db = login.connect(); BufferedWriter w = Files.newBufferedWriter(tmp)) {
            db.setAutoCommit(false);
            r = OutcomeExport.export(db, schema, includeUnlabelled, w);
            // The export is an access to every child it writes: recorded in the audit chain before the file
            // appears, so an export that cannot be recorded does not happen.
            AuditLedger.append(db, List.of(new AuditRecord(Instant.now(), login.user() + "@" + host(),
                    "analyst", "export", "export/" + schema.id(), purpose, "ok", r.exported() + " children to "
                    + out.getFileName(), null, new Children(r.exported(), null, "export of " + schema.id()
                    + (includeUnlabelled ? ", unlabelled included" : ", labelled"), List.of()))));
            db.commit();
        } catch (SQLException e) {
            Files.deleteIfExists(tmp);
            throw new CommandProblem(ExitCode.IO, "cannot read scores and outcomes, or record the export in the "
                    + "audit trail (" + e.getMessage() + "). The outcome table is created by the service's decision "
                    + "loop; is the database right and up to date, and may this user append to the audit trail?");
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("schemaId", schema.id());
        meta.put("exportedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        meta.put("source", login.source());
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

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown-host";
        }
    }
}
