package org.mimamori.training.audit;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.mimamori.model.data.CsvTable;
import org.mimamori.model.metrics.FairnessAudit;
import org.mimamori.model.metrics.FairnessReport;
import org.mimamori.model.metrics.MetricsJson;
import org.mimamori.model.metrics.Tolerance;
import org.mimamori.training.problem.CommandProblem;
import org.mimamori.training.problem.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code audit}: per-group rates and disparities of decisions at a threshold, for any CSV of scores, labels
 * and group columns. Exit codes are those of {@link ExitCode}: 2 for a wrong option, 4 for unusable input, 5 for
 * an unreadable file (the message on standard error).
 */
@Command(name = "audit",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        sortSynopsis = false,
        description = {
            "Fairness audit of scores at a threshold (flagged when score >= T), per value of each group column.",
            "Reports n, base rate, selection rate, TPR, FPR, FNR, PPV, NPV and AUC per group, and the ratio and "
                + "difference of selection rate, TPR, FPR, FNR and PPV against a reference group.",
            "A flag marks a ratio outside the tolerance band: a reason to look closer, not a verdict."})
public final class AuditCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "F", description = "CSV file with a header row.")
    private Path input;

    @Option(names = "--score-column", required = true, paramLabel = "S", description = "Column of scores (numbers).")
    private String scoreColumn;

    @Option(names = "--label-column", required = true, paramLabel = "L",
            description = "Column of outcomes: 1/0, true/false or yes/no (any case).")
    private String labelColumn;

    @Option(names = "--group-column", required = true, paramLabel = "G",
            description = "A column whose values define groups; repeat for several. Empty values form '(unknown)'.")
    private List<String> groupColumns;

    @Option(names = "--threshold", required = true, paramLabel = "T", description = "Flag rows with score >= T.")
    private double threshold;

    @Option(names = "--reference-group", paramLabel = "G=V",
            description = "Reference value V for group column G; default: the column's largest group.")
    private Map<String, String> referenceGroups = new LinkedHashMap<>();

    @Option(names = "--tolerance", paramLabel = "LO,HI", defaultValue = "0.8,1.25",
            description = "Band of ratios that raise no flag, bounds included (default: ${DEFAULT-VALUE}).")
    private String tolerance;

    @Option(names = "--min-group-size", paramLabel = "N", defaultValue = "30",
            description = "Groups with fewer rows (or fewer than 5 positives or negatives) are too small to judge "
                    + "(default: ${DEFAULT-VALUE}).")
    private int minGroupSize;

    @Option(names = "--json", description = "Print one JSON object instead of tables; undefined numbers are null.")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        FairnessAudit configured;
        try {
            configured = FairnessAudit.at(threshold).withTolerance(Tolerance.parse(tolerance))
                    .withMinGroupSize(minGroupSize);
            for (Map.Entry<String, String> ref : referenceGroups.entrySet()) {
                configured = configured.withReference(ref.getKey(), ref.getValue());
            }
        } catch (IllegalArgumentException e) {
            throw new CommandProblem(ExitCode.USAGE, e.getMessage());
        }
        CsvTable table = CsvTable.read(input);
        String source = input.getFileName().toString();
        AuditInput data = AuditInput.from(table, source, scoreColumn, labelColumn, groupColumns);
        FairnessReport report;
        try {
            report = configured.run(data.scores(), data.labels(), data.groups());
        } catch (IllegalArgumentException e) {
            throw new CommandProblem(ExitCode.USAGE, e.getMessage()); // a reference group the data do not have
        }
        if (json) {
            out.println(MetricsJson.mapper().writeValueAsString(report));
            out.flush();
        } else {
            AuditTable.print(report, configured, source, table.rows().size(), out);
        }
        return ExitCode.OK;
    }
}
