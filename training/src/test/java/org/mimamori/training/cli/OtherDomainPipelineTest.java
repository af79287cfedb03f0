package org.mimamori.training.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mimamori.model.bundle.ModelBundle;

/** The whole data scientist's flow on a data set that has nothing to do with children, given only its schema. */
public class OtherDomainPipelineTest {

    @TempDir
    Path dir;

    @Test
    void trainEvaluateAndAuditWorkFromASchemaAlone() throws Exception {
        Path schema = dir.resolve("machine-repair.yaml");
        Files.copy(getClass().getResourceAsStream("/other-domain/machine-repair.yaml"), schema);
        Path data = dir.resolve("machines.csv");
        writeMachines(data, 4000, 3);

        CliRun train = CliRun.of("train", "--data", data.toString(), "--schema", schema.toString(), "--out",
                dir.resolve("models").toString(), "--bootstrap", "5");
        assertThat(train.exitCode()).as(train.err()).isZero();
        Path bundleFile = Path.of(train.lastLine());
        assertThat(bundleFile.getFileName().toString()).startsWith("mimamori-machine-repair-v3-").endsWith(".zip");
        ModelBundle bundle = ModelBundle.read(bundleFile);
        assertThat(bundle.scorecard().encoder().inputItems()).extracting(i -> i.id()).containsExactly(
                "machine_age_years", "machine_type", "operating_hours_week", "months_since_service",
                "overheating_alerts", "vibration_share", "hot_and_old");

        Path scores = dir.resolve("scores.csv");
        CliRun evaluate = CliRun.of("evaluate", "--bundle", bundleFile.toString(), "--data", data.toString(), "--json",
                "--scores-out", scores.toString());
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        JsonNode e = evaluate.json();
        for (String key : new String[] {"auc", "auc_ci", "pr_auc", "brier", "ece", "bands"}) {
            assertThat(e.has(key)).as(key).isTrue();
        }
        assertThat(e.get("auc").asDouble()).isGreaterThan(0.75);
        assertThat(e.get("bands")).hasSize(5);

        CliRun audit = CliRun.of("audit", "--input", scores.toString(), "--score-column", "probability", "--label-column",
                "needs_repair_30d", "--group-column", "site_region", "--threshold", "0.3", "--json");
        assertThat(audit.exitCode()).as(audit.err()).isZero();
        JsonNode groups = audit.json().get("groups");
        assertThat(groups).extracting(g -> g.get("value").asText()).containsExactlyInAnyOrder("north", "south");
    }

    /** Machines whose repair need depends on age, service, alerts and type; region is only an audit group. */
    public static void writeMachines(Path file, int n, long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        String[] types = {"press", "lathe", "mill"};
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("asset_tag,machine_age_years,machine_type,operating_hours_week,months_since_service,"
                    + "overheating_alerts,vibration_share,site_region,needs_repair_30d\n");
            for (int i = 0; i < n; i++) {
                int age = r.nextInt(0, 30);
                String type = types[r.nextInt(3)];
                double hours = Math.round(r.nextDouble(10, 160) * 10) / 10.0;
                String service = age == 0 ? "not_applicable" : Integer.toString(r.nextInt(0, 36));
                int alerts = r.nextInt(4) == 0 ? r.nextInt(1, 12) : 0;
                String vibration = r.nextInt(5) == 0 ? "" : String.format(Locale.ROOT, "%.2f", r.nextDouble());
                double logit = -3 + 0.06 * age + 0.01 * hours + (age == 0 ? 0 : 0.05 * Integer.parseInt(service))
                        + 0.25 * alerts + (type.equals("press") ? 0.6 : 0) + (alerts >= 3 && age >= 10 ? 1.0 : 0);
                boolean repair = r.nextDouble() < 1 / (1 + Math.exp(-logit));
                w.write(String.join(",", "M" + i, Integer.toString(age), type, Double.toString(hours), service,
                        Integer.toString(alerts), vibration, r.nextBoolean() ? "north" : "south", repair ? "1" : "0"));
                w.write('\n');
            }
        }
    }
}
