package org.mimamori.api;

import org.mimamori.client.model.AccessPurpose;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mimamori.api.config.EmbeddedMariaDb;
import org.mimamori.api.support.Clients;
import org.mimamori.api.support.Cohorts;
import org.mimamori.api.support.DataDirs;
import org.mimamori.api.support.TestBundles;
import org.mimamori.client.api.DecisionsApi;
import org.mimamori.client.api.ScreeningsApi;
import org.mimamori.client.model.Decision;
import org.mimamori.client.model.DecisionKind;
import org.mimamori.client.model.DecisionRequest;
import org.mimamori.client.model.EntryStatus;
import org.mimamori.client.model.ModelInfo;
import org.mimamori.client.model.OutcomeRequest;
import org.mimamori.client.model.Purpose;
import org.mimamori.client.model.Score;
import org.mimamori.client.model.ScoreRequest;
import org.mimamori.client.model.Screening;
import org.mimamori.client.model.ScreeningEntry;
import org.mimamori.client.model.ScreeningEntryUpdate;
import org.mimamori.client.model.ScreeningStatus;
import org.mimamori.client.model.SupportType;
import org.mimamori.model.data.CsvTable;
import org.mimamori.training.cli.MimamoriTraining;
import org.mimamori.training.export.ExportCommand;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * The human decision loop end to end, on its own service and database: a synthetic cohort is screened through the
 * API; caseworkers read the ranked review list, mark entries and record decisions with reasons; outcomes are
 * recorded; {@code export} turns them into labels; {@code train} makes a new bundle from them; the bundle is
 * uploaded, approved and activated through the API and scores a child.
 */
class DecisionLoopEndToEndIntegrationTest {

    private static final int COHORT = 3000;
    private static final int REVIEWED = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void screenReviewDecideRecordOutcomesExportRetrainAndScoreWithTheNewModel() throws Exception {
        Path cohort = Cohorts.cohort(COHORT, 21);
        Map<String, boolean[]> truth = truth(cohort.resolveSibling("cohort_truth.csv"));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MimamoriApiApplication.class).run(
                "--server.port=0", "--mimamori.data-dir=" + DataDirs.fresh("decision-loop"),
                "--mimamori.models.import-bundle=" + TestBundles.bundle(), "--spring.jmx.enabled=false")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Clients clients = new Clients(port);

            // Phase 1: primary screening with digital data.
            ScreeningsApi supervisor = clients.screenings("demo-supervisor");
            UUID id = supervisor.createScreening(cohort.toFile(), null).getId();
            Screening s = awaitDone(supervisor, id);
            assertThat(s.getStatus()).isEqualTo(ScreeningStatus.DONE);
            assertThat(s.getScored()).isEqualTo(COHORT);
            String firstModel = s.getModelVersion();

            // Phase 2: people narrow it down, from the top of the ranked list.
            ScreeningsApi caseworker = clients.screenings("demo-caseworker");
            List<ScreeningEntry> reviewed = new ArrayList<>();
            while (reviewed.size() < REVIEWED) {
                reviewed.addAll(caseworker.listScreeningEntries(id, AccessPurpose.SCREENING, null, null, 500, reviewed.size(), null).getEntries());
            }
            // Phases 3 and 4: decisions with reasons, then outcomes (from the simulated assessments).
            DecisionsApi decisions = clients.decisions("demo-caseworker");
            int outreach = 0;
            for (ScreeningEntry e : reviewed) {
                boolean[] t = truth.get(e.getChildRef());
                // Red flags stand above any score: those children are always reached.
                boolean reach = e.getRank() <= 300 || t[0] || !e.getRedFlags().isEmpty();
                caseworker.updateScreeningEntry(id, e.getId(), new ScreeningEntryUpdate()
                        .status(reach ? EntryStatus.REVIEWED_OUTREACH : EntryStatus.REVIEWED_NO_ACTION), null);
                Decision d = decisions.createDecision(e.getScoreId(), new DecisionRequest()
                        .decision(reach ? DecisionKind.OUTREACH : DecisionKind.NO_ACTION)
                        .reason(reach ? "School absences and missed check-ups; family not yet in contact."
                                : "Reviewed with the school; no sign of need.")
                        .dismissesRedFlags(false));
                assertThat(d.getScoreId()).isEqualTo(e.getScoreId());
                OutcomeRequest outcome = new OutcomeRequest().needConfirmed(t[1])
                        .confirmedOn(LocalDate.of(2026, 10, 1));
                decisions.recordOutcome(e.getScoreId(), t[1] ? outcome.addSupportTypesItem(SupportType.POVERTY)
                        : outcome);
                outreach += reach ? 1 : 0;
            }
            assertThat(outreach).isPositive();
            assertThat(caseworker.listScreeningEntries(id, AccessPurpose.SCREENING, EntryStatus.TO_REVIEW, null, 1, 0, null).getTotal())
                    .isEqualTo(COHORT - REVIEWED);

            // Export the labels and retrain on them.
            Path work = Files.createTempDirectory("loop");
            Path labels = work.resolve("labels.csv");
            run("export", "--jdbc-url", app.getBean(EmbeddedMariaDb.class).jdbcUrl(), "--user", EmbeddedMariaDb.USER,
                    "--password-file", app.getBean(EmbeddedMariaDb.class).dataDir().resolve("secrets/db-password").toString(),
                    "--out", labels.toString());
            assertThat(CsvTable.read(labels).rows()).hasSize(REVIEWED);
            JsonNode meta = JSON.readTree(ExportCommand.metadataOf(labels).toFile());
            assertThat(meta.path("counts").path("exportedWithLabel").asInt()).isEqualTo(REVIEWED);
            assertThat(meta.path("modelVersions").toString()).contains(firstModel);
            Path models = work.resolve("models");
            run("train", "--data", labels.toString(), "--out", models.toString(), "--bootstrap", "8",
                    "--no-compare");
            Path bundle;
            try (var files = Files.list(models)) {
                bundle = files.filter(f -> f.getFileName().toString().endsWith(".zip")).findFirst().orElseThrow();
            }

            // The new bundle through the API: shadow, approved by a second person, activated, scoring a child.
            ModelInfo uploaded = clients.models("demo-analyst").uploadModel(bundle.toFile());
            assertThat(uploaded.getVersion()).isNotEqualTo(firstModel);
            clients.models("demo-analyst").shadowModel(uploaded.getVersion());
            clients.models("demo-supervisor").approveModel(uploaded.getVersion(),
                    new org.mimamori.client.model.ModelApprovalRequest().reason("retrained on our own decisions"), null);
            clients.models("demo-analyst").activateModel(uploaded.getVersion());
            Score scored = clients.scores("demo-caseworker").createScore(new ScoreRequest().childRef("C-LOOP-0001")
                    .purpose(Purpose.CASE_REVIEW).items(Map.of("age_years", 10, "absence_days_term", 18)), null);
            assertThat(scored.getModelVersion()).isEqualTo(uploaded.getVersion());
        }
    }

    /** Per child: {true need, confirmed by the simulated assessment}. */
    private static Map<String, boolean[]> truth(Path file) throws Exception {
        CsvTable t = CsvTable.read(file);
        int ref = t.column("child_ref");
        int need = t.column("true_need");
        int confirmed = t.column("confirmed");
        Map<String, boolean[]> out = new HashMap<>();
        for (String[] r : t.rows()) {
            out.put(r[ref], new boolean[] {"1".equals(r[need]), "1".equals(r[confirmed])});
        }
        return out;
    }

    private static void run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = MimamoriTraining.commandLine();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        assertThat(cli.execute(args)).as(String.join(" ", args) + "\n" + err).isZero();
    }

    private static Screening awaitDone(ScreeningsApi api, UUID id) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            Screening s = api.getScreening(id, AccessPurpose.SCREENING);
            if (s.getStatus() == ScreeningStatus.DONE || s.getStatus() == ScreeningStatus.FAILED) {
                return s;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("screening " + id + " did not finish");
    }
}
