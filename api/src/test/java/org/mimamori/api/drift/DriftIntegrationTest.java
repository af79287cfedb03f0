package org.mimamori.api.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimamori.api.MimamoriApiApplication;
import org.mimamori.api.support.Clients;
import org.mimamori.api.support.DataDirs;
import org.mimamori.api.support.Http;
import org.mimamori.api.support.Screenings;
import org.mimamori.api.support.TestBundles;
import org.mimamori.client.model.AccessPurpose;
import org.mimamori.client.model.DriftFigures;
import org.mimamori.client.model.DriftLevel;
import org.mimamori.client.model.DriftWarning;
import org.mimamori.client.model.Screening;
import org.mimamori.client.model.ScreeningStatus;
import org.mimamori.model.schema.SchemaLoader;
import org.mimamori.training.synth.Shift;
import org.mimamori.training.synth.SynthConfig;
import org.mimamori.training.synth.SynthWriter;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The drift test of issue 11: a model trained on a synthetic municipality scores, through screenings, a cohort
 * from the same municipality (no warning at all) and one from a drifted municipality, two items shifted and the
 * childcare department's link broken (PSI warnings for exactly the two items, an unknown-rate warning for exactly
 * that department). On a service of its own (fresh database, the synthetic bundle, a live window of 2,000 scores,
 * gauges refreshed every 300 ms).
 */
class DriftIntegrationTest {

    private static final int N = 2000;
    private static final Set<String> SHIFTED = Set.of("lunch_fee_arrears_months", "moves_last_3_years");
    private static final String GONE = "childcare";
    private static final Path DIR = DataDirs.fresh("drift");
    private static ConfigurableApplicationContext app;
    private static Clients clients;
    private static Http http;

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(MimamoriApiApplication.class).run("--server.port=0",
                "--mimamori.data-dir=" + DIR, "--mimamori.models.import-bundle=" + TestBundles.synthetic(),
                "--mimamori.models.demo-when-empty=false", "--spring.jmx.enabled=false",
                "--mimamori.drift.window=" + N, "--mimamori.drift.refresh=300");
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        clients = new Clients(port);
        http = new Http(port);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        DataDirs.remove(DIR);
    }

    @Test
    void aDriftedMunicipalityWarnsForExactlyItsShiftedItemsAndMissingDepartmentAndTheTrainingOneForNothing()
            throws Exception {
        UUID plain = screen(cohort("plain", SynthConfig.of(200, 42).withCohort(N)));
        DriftFigures same = clients.drift("demo-analyst").getScreeningDrift(plain, AccessPurpose.MODEL_MANAGEMENT,
                "en");
        assertThat(same.getScores()).isEqualTo(N);
        assertThat(same.getEnough()).isTrue();
        assertThat(same.getWarnings()).as("a cohort from the training distribution").isEmpty();
        assertThat(same.getItems()).allSatisfy(i -> {
            if (i.getPsi() != null) {
                assertThat(i.getPsi()).as(i.getItem()).isLessThan(0.1);
            }
        });
        DriftFigures liveSame = clients.drift("demo-supervisor").getDrift(AccessPurpose.SUPERVISION, "en");
        assertThat(liveSame.getScores()).isEqualTo(N);
        assertThat(liveSame.getWarnings()).isEmpty();
        assertThat(liveSame.getWindowMaxScores()).isEqualTo(N);

        Shift shift = new Shift(Map.of("lunch_fee_arrears_months", 3.0, "moves_last_3_years", 3.0), Set.of(GONE));
        UUID drifted = screen(cohort("drifted", SynthConfig.of(200, 43).withCohort(N).withShift(shift)));
        DriftFigures d = clients.drift("demo-auditor").getScreeningDrift(drifted, AccessPurpose.AUDIT, "en");
        assertThat(subjects(d, DriftWarning.KindEnum.PSI)).isEqualTo(SHIFTED);
        assertThat(subjects(d, DriftWarning.KindEnum.UNKNOWN_SOURCE)).containsExactly(GONE);
        assertThat(subjects(d, DriftWarning.KindEnum.UNKNOWN_ITEM)).isEmpty();
        assertThat(d.getWarnings()).filteredOn(w -> w.getKind() == DriftWarning.KindEnum.UNKNOWN_SOURCE)
                .allSatisfy(w -> assertThat(w.getLevel()).isEqualTo(DriftLevel.ACT));
        assertThat(d.getSources()).filteredOn(s -> s.getSource().equals(GONE)).singleElement()
                .satisfies(s -> {
                    assertThat(s.getUnknownRate()).isGreaterThan(s.getReferenceUnknownRate() + 0.2);
                    assertThat(s.getLabel()).isEqualTo("Childcare");
                });
        assertThat(d.getItems()).filteredOn(i -> i.getSource().equals(GONE)).isNotEmpty()
                .allSatisfy(i -> assertThat(i.getSourceLabel()).isEqualTo("Childcare"));

        // The live window holds the newest 2,000 scores: now the drifted cohort only.
        DriftFigures live = clients.drift("demo-admin").getDrift(AccessPurpose.MODEL_MANAGEMENT, "ja");
        assertThat(live.getScores()).isEqualTo(N);
        assertThat(subjects(live, DriftWarning.KindEnum.PSI)).isEqualTo(SHIFTED);
        assertThat(subjects(live, DriftWarning.KindEnum.UNKNOWN_SOURCE)).containsExactly(GONE);
        assertThat(live.getLanguage()).isEqualTo("ja");
        assertThat(live.getWarnings()).allSatisfy(w -> assertThat(w.getMessage()).containsPattern("[ぁ-んァ-ヶ一-龯]"));
        // The department by its name in the reader's language, never by the schema's id.
        assertThat(live.getWarnings()).filteredOn(w -> w.getKind() == DriftWarning.KindEnum.UNKNOWN_SOURCE)
                .singleElement().satisfies(w -> assertThat(w.getMessage()).contains("部署「保育」")
                        .doesNotContain(GONE));
        assertThat(live.getSources()).filteredOn(s -> s.getSource().equals(GONE)).singleElement()
                .satisfies(s -> assertThat(s.getLabel()).isEqualTo("保育"));
        // The first screening's own figures do not change with the window.
        assertThat(clients.drift("demo-analyst").getScreeningDrift(plain, AccessPurpose.MODEL_MANAGEMENT, "en")
                .getWarnings()).isEmpty();

        assertGauges();
    }

    @Test
    void readsAreAuditedAndAnUnknownScreeningIsNotFound() {
        HttpResponse<String> r = http.getExactly("/api/v1/screenings/" + UUID.randomUUID()
                + "/drift?purpose=supervision", "demo-supervisor");
        assertThat(r.statusCode()).isEqualTo(404);
        HttpResponse<String> caseworker = http.getExactly("/api/v1/monitoring/drift?purpose=case_review",
                "demo-caseworker");
        assertThat(caseworker.statusCode()).isEqualTo(403);
        HttpResponse<String> ok = http.getExactly("/api/v1/monitoring/drift?purpose=supervision", "demo-supervisor");
        assertThat(ok.statusCode()).isEqualTo(200);
        String requestId = ok.headers().firstValue("X-Request-Id").orElseThrow();
        org.springframework.jdbc.core.JdbcTemplate jdbc = app.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE request_id = ?", String.class, requestId))
                .containsExactly("drift.read");
    }

    /** The gauges come from the same window: the shifted items' PSI above 0.25 and warnings counted. */
    private static void assertGauges() throws InterruptedException {
        String text = "";
        for (int i = 0; i < 100; i++) {
            text = http.getExactly("/actuator/prometheus", "demo-admin").body();
            if (gauge(text, "mimamori_drift_psi", "item", "lunch_fee_arrears_months") > 0.1) {
                break;
            }
            Thread.sleep(100);
        }
        for (String item : SHIFTED) {
            assertThat(gauge(text, "mimamori_drift_psi", "item", item)).as(item).isGreaterThan(0.1);
        }
        assertThat(gauge(text, "mimamori_source_unknown_rate", "source", GONE)).isGreaterThan(0.2);
        assertThat(gauge(text, "mimamori_unknown_rate", "item", "nursery_enrolled")).isGreaterThan(0.2);
        assertThat(gauge(text, "mimamori_drift_window_scores", null, null)).isEqualTo(N);
        assertThat(gauge(text, "mimamori_drift_warnings", "level", "act")).isGreaterThanOrEqualTo(1);
    }

    private static double gauge(String text, String name, String tag, String value) {
        Pattern p = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\}\\s+(\\S+)$");
        Matcher m = p.matcher(text);
        while (m.find()) {
            if (tag == null || m.group(1).contains(tag + "=\"" + value + "\"")) {
                return Double.parseDouble(m.group(2));
            }
        }
        Matcher plain = Pattern.compile("(?m)^" + name + "\\s+(\\S+)$").matcher(text);
        return tag == null && plain.find() ? Double.parseDouble(plain.group(1)) : Double.NaN;
    }

    private static Set<String> subjects(DriftFigures f, DriftWarning.KindEnum kind) {
        return Set.copyOf(f.getWarnings().stream().filter(w -> w.getKind() == kind).map(DriftWarning::getSubject)
                .toList());
    }

    private static UUID screen(Path cohort) {
        UUID id = clients.screenings("demo-supervisor").createScreening(cohort.toFile(), "en").getId();
        Screening s = Screenings.await(clients.screenings("demo-supervisor"), id);
        assertThat(s.getStatus()).isEqualTo(ScreeningStatus.DONE);
        return id;
    }

    private static Path cohort(String name, SynthConfig config) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "drift-cohorts", name));
            SynthWriter.write(config, SchemaLoader.loadDefault(), dir);
            return dir.resolve(SynthWriter.COHORT).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
