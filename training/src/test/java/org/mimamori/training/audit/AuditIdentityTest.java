package org.mimamori.training.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.mimamori.training.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * On the audit's own output, every group satisfies FPR = p/(1 − p) · (1 − PPV)/PPV · (1 − FNR), p being
 * the group's base rate: both sides equal FP / N. A group where a term is undefined is skipped.
 */
class AuditIdentityTest {

    private static final String[] AREAS = {"north", "south", "east", "west", ""};
    private static final String[] HOUSEHOLDS = {"single", "two", "grand", "foster", "other", "care"};

    @Property(tries = 12)
    void fprFollowsFromBaseRatePpvAndFnrInEveryGroup(@ForAll long seed) throws IOException {
        Path csv = Files.createTempFile("audit-identity", ".csv");
        try {
            Files.writeString(csv, randomCases(seed, 3000));
            CliRun run = CliRun.of("audit", "--input", csv.toString(), "--score-column", "score",
                    "--label-column", "label", "--group-column", "area", "--group-column", "household",
                    "--threshold", "0.5", "--json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            int groups = 0;
            int checked = 0;
            for (JsonNode g : run.json().get("groups")) {
                groups++;
                double p = g.get("base_rate").asDouble();
                JsonNode ppv = g.get("ppv");
                JsonNode fnr = g.get("fnr");
                JsonNode fpr = g.get("fpr");
                if (ppv.isNull() || fnr.isNull() || fpr.isNull() || p <= 0 || p >= 1 || ppv.asDouble() == 0) {
                    continue;
                }
                double implied = p / (1 - p) * (1 - ppv.asDouble()) / ppv.asDouble() * (1 - fnr.asDouble());
                assertThat(fpr.asDouble()).as(g.toString()).isCloseTo(implied, within(1e-9));
                checked++;
            }
            assertThat(groups).isEqualTo(AREAS.length + HOUSEHOLDS.length);
            assertThat(checked).isGreaterThanOrEqualTo(groups - 1);
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /** Rows whose base rate and score quality differ by group, so that the groups' rates all differ. */
    private static String randomCases(long seed, int rows) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder("score,label,area,household\n");
        for (int i = 0; i < rows; i++) {
            int a = random.nextInt(AREAS.length);
            int h = random.nextInt(HOUSEHOLDS.length);
            double baseLogit = -1.5 + 0.4 * a + 0.3 * h;
            boolean label = random.nextDouble() < 1 / (1 + Math.exp(-baseLogit));
            double signal = (label ? 1.2 : -0.2) + (0.5 + 0.2 * h) * (random.nextDouble() * 4 - 2);
            double score = 1 / (1 + Math.exp(-signal));
            String[] labelWords = label ? new String[] {"1", "yes", "True"} : new String[] {"0", "no", "FALSE"};
            csv.append(score).append(',').append(labelWords[random.nextInt(3)]).append(',')
                    .append(AREAS[a]).append(',').append(HOUSEHOLDS[h]).append('\n');
        }
        return csv.toString();
    }
}
