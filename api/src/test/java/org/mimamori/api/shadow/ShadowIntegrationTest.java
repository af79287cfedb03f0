package org.mimamori.api.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.mimamori.api.models.ActiveModel;
import org.mimamori.api.models.ActiveModels;
import org.mimamori.api.scoring.ScoreListener;
import org.mimamori.api.support.Cohorts;
import org.mimamori.api.support.Screenings;
import org.mimamori.api.support.IntegrationTestBase;
import org.mimamori.api.support.TestBundles;
import org.mimamori.client.api.ShadowApi;
import org.mimamori.client.model.AccessPurpose;
import org.mimamori.client.model.OutcomeRequest;
import org.mimamori.client.model.Purpose;
import org.mimamori.client.model.Score;
import org.mimamori.client.model.ScoreRequest;
import org.mimamori.client.model.ShadowItem;
import org.mimamori.client.model.ShadowReport;
import org.mimamori.model.bundle.ModelBundle;
import org.mimamori.model.data.Case;
import org.mimamori.model.scoring.ExplainedScore;
import org.mimamori.model.scoring.Scorer;
import org.mimamori.model.value.Value;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Shadow scoring and the shadow report through real HTTP and the generated client, against figures worked out
 * here from the two model bundles themselves (read from their files, not through the service) and from the
 * stored rows by plain SQL.
 */
class ShadowIntegrationTest extends IntegrationTestBase {

    private static final Scorer ACTIVE = scorer(TestBundles.bundle());
    private static final Scorer SHADOW = scorer(TestBundles.shadow());

    /** A made-up case: its request items and the case the models read. */
    private record Made(Map<String, Object> items, Case input) {
    }

    /** What the independent figures are computed from: a recorded score and the two models' view of it. */
    private record Expected(Made made, Score score, ExplainedScore shadow, double[] activeItems,
                            double[] shadowItems, Boolean outcome) {
    }

    private static Made made(SplittableRandom r) {
        Map<String, Object> items = new LinkedHashMap<>();
        Map<String, Value> values = new HashMap<>();
        put(items, values, "age_years", 6 + r.nextInt(10));
        put(items, values, "household_size", 1 + r.nextInt(7));
        put(items, values, "absence_days_term", r.nextInt(3) == 0 ? r.nextInt(1, 40) : 0);
        put(items, values, "prior_consultations", r.nextInt(4) == 0 ? r.nextInt(1, 5) : 0);
        boolean allowance = r.nextInt(4) == 0;
        items.put("child_rearing_allowance", allowance);
        values.put("child_rearing_allowance", Value.of(allowance));
        boolean single = r.nextInt(5) == 0;
        items.put("single_parent", single);
        values.put("single_parent", Value.of(single));
        return new Made(items, Case.resolve(ACTIVE.schema(), values));
    }

    private static void put(Map<String, Object> items, Map<String, Value> values, String item, int value) {
        items.put(item, value);
        values.put(item, Value.of(value));
    }

    @Test
    void theReportIsWhatTheStoredRowsAndTheTwoModelsSay() {
        String version = upload(TestBundles.shadow());
        jdbc.update("DELETE FROM shadow_score WHERE shadow_version = ?", version); // another test's, if any
        SplittableRandom random = new SplittableRandom(2026);
        List<Expected> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Made m = made(random);
            Score s = clients().scores("demo-caseworker").createScore(new ScoreRequest()
                    .childRef(String.format("C-SH-%04d", i)).purpose(Purpose.CASE_REVIEW).items(m.items()), "en");
            Boolean outcome = null;
            if (i % 5 != 0) {
                outcome = random.nextInt(3) == 0;
                clients().decisions("demo-caseworker").recordOutcome(s.getId(), new OutcomeRequest()
                        .needConfirmed(outcome).confirmedOn(LocalDate.of(2026, 3, 1)));
            }
            expected.add(new Expected(m, s, SHADOW.score(m.input()), ACTIVE.itemContributions(m.input()),
                    SHADOW.itemContributions(m.input()), outcome));
        }
        shadowScored(version, expected);

        for (Expected e : expected) {
            Map<String, Object> row = jdbc.queryForMap("SELECT active_version, active_probability, "
                    + "shadow_probability, active_band, shadow_band FROM shadow_score WHERE score_id = ?",
                    e.score().getId().toString());
            assertThat(row.get("active_version")).isEqualTo(e.score().getModelVersion());
            assertThat(row.get("active_probability")).isEqualTo(e.score().getProbability());
            assertThat(row.get("shadow_probability")).isEqualTo(e.shadow().withheld() ? null
                    : e.shadow().estimate().probability());
            assertThat(row.get("shadow_band")).isEqualTo(e.shadow().withheld() ? null
                    : e.shadow().estimate().band().id());
        }

        long audits = lastAuditId();
        ShadowReport report = shadow("demo-supervisor").getShadowReport(version, AccessPurpose.SUPERVISION, "ja");
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE id > ? AND resource = ?", String.class,
                audits, "model/" + version)).containsExactly(ShadowReportService.ACTION);
        assertThat(report.getShadowVersion()).isEqualTo(version);
        assertThat(report.getActiveVersion()).isEqualTo(expected.get(0).score().getModelVersion());
        assertThat(report.getScored()).isEqualTo(40L);
        assertThat(report.getLanguage()).isEqualTo("ja");

        // the band matrix
        Map<String, Long> cells = new HashMap<>();
        long agreeing = 0;
        for (Expected e : expected) {
            String a = band(e.score());
            String s = e.shadow().withheld() ? "withheld" : e.shadow().estimate().band().id();
            cells.merge(a + "|" + s, 1L, Long::sum);
            agreeing += a.equals(s) ? 1 : 0;
        }
        long total = 0;
        for (int i = 0; i < report.getAgreement().getActiveBands().size(); i++) {
            for (int j = 0; j < report.getAgreement().getShadowBands().size(); j++) {
                String key = report.getAgreement().getActiveBands().get(i).getId() + "|"
                        + report.getAgreement().getShadowBands().get(j).getId();
                long k = report.getAgreement().getCounts().get(i).get(j);
                assertThat(k).as(key).isEqualTo(cells.getOrDefault(key, 0L));
                total += k;
            }
        }
        assertThat(total).isEqualTo(40);
        assertThat(report.getAgreement().getAgreeing()).isEqualTo(agreeing);
        assertThat(report.getAgreement().getShare()).isCloseTo(agreeing / 40.0, within(1e-12));
        assertThat(report.getAgreement().getActiveBands().get(0).getLabel())
                .isEqualTo(ACTIVE.bands().bands().get(0).meaning().ja());
        assertThat(report.getAgreement().getShadowBands()).last().satisfies(b -> {
            assertThat(b.getId()).isEqualTo("withheld");
            assertThat(b.getLabel()).isEqualTo("推定を保留");
        });

        // the probability differences, from the models and from the stored rows by SQL
        double sumAbs = 0;
        double sum = 0;
        double max = 0;
        int compared = 0;
        for (Expected e : expected) {
            if (e.score().getProbability() != null && !e.shadow().withheld()) {
                double d = e.shadow().estimate().probability() - e.score().getProbability();
                sumAbs += Math.abs(d);
                sum += d;
                max = Math.max(max, Math.abs(d));
                compared++;
            }
        }
        assertThat(compared).isPositive();
        assertThat(report.getProbabilities().getCompared()).isEqualTo(compared);
        assertThat(report.getProbabilities().getMeanAbsDifference()).isCloseTo(sumAbs / compared, within(1e-12));
        assertThat(report.getProbabilities().getMeanDifference()).isCloseTo(sum / compared, within(1e-12));
        assertThat(report.getProbabilities().getMaxAbsDifference()).isCloseTo(max, within(1e-12));
        Map<String, Object> sql = jdbc.queryForMap("SELECT AVG(ABS(shadow_probability - active_probability)) m, "
                + "MAX(ABS(shadow_probability - active_probability)) x FROM shadow_score WHERE shadow_version = ?",
                version);
        assertThat(report.getProbabilities().getMeanAbsDifference()).isCloseTo((Double) sql.get("m"), within(1e-12));
        assertThat(report.getProbabilities().getMaxAbsDifference()).isCloseTo((Double) sql.get("x"), within(1e-12));

        // the items whose contributions differ most
        java.util.Set<String> inputs = new java.util.TreeSet<>();
        ACTIVE.inputItems().forEach(i -> inputs.add(i.id()));
        SHADOW.inputItems().forEach(i -> inputs.add(i.id()));
        Map<String, Double> meanAbs = new HashMap<>();
        for (String item : inputs) {
            int a = indexOf(ACTIVE, item);
            int s = indexOf(SHADOW, item);
            double abs = 0;
            for (Expected e : expected) {
                abs += Math.abs((s < 0 ? 0 : e.shadowItems()[s]) - (a < 0 ? 0 : e.activeItems()[a]));
            }
            if (abs > 0) {
                meanAbs.put(item, abs / 40);
            }
        }
        List<String> top = meanAbs.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(10).map(Map.Entry::getKey).toList();
        assertThat(top).as("two models of other data weigh items differently").isNotEmpty();
        assertThat(report.getItems()).extracting(ShadowItem::getItem).containsExactlyElementsOf(top);
        for (ShadowItem item : report.getItems()) {
            assertThat(item.getMeanAbsDifference()).as(item.getItem()).isCloseTo(meanAbs.get(item.getItem()),
                    within(1e-12));
            assertThat(item.getLabel()).isEqualTo(SHADOW.schema().item(item.getItem()).orElseThrow()
                    .label(Locale.JAPANESE));
        }
        Double stored = jdbc.queryForObject("SELECT SUM(ABS(c.difference)) / 40 FROM shadow_contribution c "
                + "JOIN shadow_score h ON h.score_id = c.score_id WHERE h.shadow_version = ? AND c.item = ?",
                Double.class, version, top.get(0));
        assertThat(report.getItems().get(0).getMeanAbsDifference()).isCloseTo(stored, within(1e-12));

        // both models on the outcomes
        List<double[]> pairs = new ArrayList<>();
        List<Boolean> outcomes = new ArrayList<>();
        for (Expected e : expected) {
            if (e.outcome() != null && e.score().getProbability() != null && !e.shadow().withheld()) {
                pairs.add(new double[] {e.score().getProbability(), e.shadow().estimate().probability()});
                outcomes.add(e.outcome());
            }
        }
        assertThat(report.getOutcomes().getN()).isEqualTo(pairs.size());
        assertThat(report.getOutcomes().getPositives()).isEqualTo((int) outcomes.stream().filter(o -> o).count());
        assertThat(report.getOutcomes().getEnough()).as("fewer than 100 outcomes").isFalse();
        assertThat(report.getOutcomes().getActive().getAuc()).isCloseTo(auc(pairs, outcomes, 0), within(1e-12));
        assertThat(report.getOutcomes().getShadow().getAuc()).isCloseTo(auc(pairs, outcomes, 1), within(1e-12));
        assertThat(report.getOutcomes().getActive().getBrier()).isCloseTo(brier(pairs, outcomes, 0), within(1e-12));
        assertThat(report.getOutcomes().getShadow().getBrier()).isCloseTo(brier(pairs, outcomes, 1), within(1e-12));
        assertThat(report.getNotes()).anyMatch(n -> n.contains("選択バイアス"))
                .anyMatch(n -> n.contains("結果が記録されたのは" + pairs.size() + "件"))
                .anyMatch(n -> n.contains("まだ40件"));

        // never with a score: the stored responses know nothing of the shadow model
        for (Expected e : expected.subList(0, 5)) {
            HttpResponse<String> r = http().get("/api/v1/scores/" + e.score().getId() + "?purpose=case_review",
                    "demo-caseworker");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).doesNotContain(version).doesNotContainIgnoringCase("shadow");
        }
        assertThat(http().get("/api/v1/review/scores?purpose=supervision&limit=200", "demo-supervisor").body())
                .doesNotContain(version).doesNotContainIgnoringCase("shadow");

        // in English too, and refused to caseworkers
        HttpResponse<String> en = http().get("/api/v1/models/" + version + "/shadow-report?purpose=model_management",
                "demo-analyst");
        assertThat(en.statusCode()).isEqualTo(200);
        assertThat(en.body()).contains("\"language\":\"en\"").contains("selection bias");
        assertThat(http().get("/api/v1/models/" + version + "/shadow-report?purpose=case_review", "demo-caseworker")
                .statusCode()).isEqualTo(403);

        // a child under a cessation-of-use request is left out; an erased child's shadow result goes with its score
        assertThat(http().post("/api/v1/children/C-SH-0001/cessation", "demo-privacy_officer", """
                {"mode": "restrict", "reason": "the family's request", "purpose": "deletion_request"}""")
                .statusCode()).isBetween(200, 201);
        assertThat(shadow("demo-auditor").getShadowReport(version, AccessPurpose.AUDIT, null).getScored())
                .isEqualTo(39L);
        String erased = expected.get(2).score().getId().toString();
        assertThat(http().post("/api/v1/children/C-SH-0002/cessation", "demo-privacy_officer", """
                {"mode": "erase", "reason": "the family's request", "purpose": "deletion_request"}""")
                .statusCode()).isBetween(200, 201);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM shadow_score WHERE score_id = ?", Long.class, erased))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM shadow_contribution WHERE score_id = ?", Long.class,
                erased)).isZero();
        assertThat(shadow("demo-auditor").getShadowReport(version, AccessPurpose.AUDIT, null).getScored())
                .isEqualTo(38L);
    }

    @Test
    void liveScoresAndAScreeningAreShadowScoredSilentlyAfterTheirCommit() throws Exception {
        String version = upload(TestBundles.shadow());
        clients().models("demo-analyst").shadowModel(version);
        try {
            assertThat(models.shadow()).map(ActiveModel::version).hasValue(version);
            SplittableRandom random = new SplittableRandom(7);
            Map<String, Made> live = new LinkedHashMap<>();
            for (int i = 0; i < 12; i++) {
                Made m = made(random);
                Score s = clients().scores("demo-caseworker").createScore(new ScoreRequest()
                        .childRef(String.format("C-SL-%04d", i)).purpose(Purpose.CASE_REVIEW).items(m.items()), "ja");
                assertThat(s.getModelVersion()).isEqualTo(ACTIVE.modelVersion());
                live.put(s.getId().toString(), m);
            }
            java.util.UUID screening = clients().screenings("demo-supervisor")
                    .createScreening(Cohorts.cohort(30, 11).toFile(), "en").getId();
            int scored = Screenings.await(clients().screenings("demo-supervisor"), screening).getScored();
            assertThat(scored).isEqualTo(30);
            awaitShadowScored();

            for (Map.Entry<String, Made> e : live.entrySet()) {
                ExplainedScore expected = SHADOW.score(e.getValue().input());
                Map<String, Object> row = jdbc.queryForMap("SELECT shadow_version, shadow_probability, shadow_band, "
                        + "screening_id FROM shadow_score WHERE score_id = ?", e.getKey());
                assertThat(row.get("shadow_version")).isEqualTo(version);
                assertThat(row.get("shadow_probability")).isEqualTo(expected.withheld() ? null
                        : expected.estimate().probability());
                assertThat(row.get("screening_id")).isNull();
                Map<String, Double> differences = new HashMap<>();
                jdbc.query("SELECT item, difference FROM shadow_contribution WHERE score_id = ?",
                        (java.sql.ResultSet rs) -> {
                            differences.put(rs.getString(1), rs.getDouble(2));
                        }, e.getKey());
                assertThat(differences).isEqualTo(ShadowResults.differences(ACTIVE, e.getValue().input(), SHADOW,
                        e.getValue().input()));
                assertThat(differences).isNotEmpty();
                String stored = http().get("/api/v1/scores/" + e.getKey() + "?purpose=case_review",
                        "demo-caseworker").body();
                assertThat(stored).doesNotContain(version).doesNotContainIgnoringCase("shadow");
            }
            // a family's disclosure holds the candidate's estimate too (what is held about the child): the first
            // child whose candidate estimate is not withheld, so that its band and meaning are there to compare
            List<Map.Entry<String, Made>> made = List.copyOf(live.entrySet());
            int child = java.util.stream.IntStream.range(0, made.size())
                    .filter(i -> !SHADOW.score(made.get(i).getValue().input()).withheld()).findFirst().orElseThrow();
            Map.Entry<String, Made> first = made.get(child);
            ExplainedScore candidate = SHADOW.score(first.getValue().input());
            org.mimamori.client.model.DisclosedShadowScore disclosed = clients().disclosure("demo-privacy_officer")
                    .getDisclosure(String.format("C-SL-%04d", child), AccessPurpose.DISCLOSURE_REQUEST).getScores()
                    .stream()
                    .filter(d -> d.getId().toString().equals(first.getKey())).findFirst().orElseThrow().getShadow();
            assertThat(disclosed.getModelVersion()).isEqualTo(version);
            assertThat(disclosed.getActiveModelVersion()).isEqualTo(ACTIVE.modelVersion());
            assertThat(disclosed.getProbability()).isEqualTo(candidate.estimate().probability());
            assertThat(disclosed.getBand()).isEqualTo(candidate.estimate().band().id());
            assertThat(disclosed.getBandMeaning()).isEqualTo(new org.mimamori.client.model.BandMeaning()
                    .ja(candidate.estimate().band().meaning().ja()).en(candidate.estimate().band().meaning().en()));
            assertThat(disclosed.getBandMeaning().getJa()).isNotEqualTo(disclosed.getBandMeaning().getEn());
            assertThat(disclosed.getRedFlags()).isEqualTo(candidate.redFlags().size());
            Map<String, Double> disclosedDifferences = new HashMap<>();
            disclosed.getDifferences().forEach(d -> disclosedDifferences.put(d.getItem(), d.getDifference()));
            assertThat(disclosedDifferences).isEqualTo(ShadowResults.differences(ACTIVE, first.getValue().input(),
                    SHADOW, first.getValue().input()));
            assertThat(disclosed.getDifferences()).extracting(d -> Math.abs(d.getDifference()))
                    .isSortedAccordingTo(Comparator.reverseOrder());
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM shadow_score s JOIN score c ON c.id = s.score_id "
                    + "WHERE s.screening_id = ? AND c.purpose = 'screening'", Long.class, screening.toString()))
                    .as("every child of the screening").isEqualTo(30L);
            assertThat(http().get("/api/v1/screenings/" + screening + "/entries?purpose=screening",
                    "demo-supervisor").body()).doesNotContain(version).doesNotContainIgnoringCase("shadow");
            ShadowReport report = shadow("demo-analyst").getShadowReport(version, AccessPurpose.MODEL_MANAGEMENT, "en");
            assertThat(report.getScored()).as("children under a cessation-of-use request left out")
                    .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM shadow_score h JOIN score s ON s.id = "
                            + "h.score_id WHERE h.shadow_version = ? AND h.active_version = ? AND NOT EXISTS (SELECT 1 "
                            + "FROM cessation c WHERE c.child_ref = s.child_ref)", Long.class, version,
                            ACTIVE.modelVersion()));
            assertThat(meters.get("mimamori.shadow.scores").tag("outcome", "stored").counter().count())
                    .isGreaterThanOrEqualTo(42);
        } finally {
            // leave the shared service as it was: no model in shadow
            clients().models("demo-analyst").endShadow(version);
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (models.shadow().isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }
        assertThat(models.shadow()).as("out of shadow").isEmpty();
        assertThat(clients().models("demo-analyst").listModels(AccessPurpose.MODEL_MANAGEMENT).stream()
                .filter(m -> m.getVersion().equals(version)).findFirst().orElseThrow().getState())
                .isEqualTo(org.mimamori.client.model.ModelState.CANDIDATE);
        assertThatThrownBy(() -> clients().models("demo-analyst").endShadow(version))
                .isInstanceOfSatisfying(org.springframework.web.client.HttpClientErrorException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(409));
    }

    @Autowired
    ActiveModels models;

    @Autowired
    ShadowScorer scorer;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    /** Until the shadow queue is empty (at most 60 s). */
    private void awaitShadowScored() throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        Thread.sleep(200);
        while (scorer.queued() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(scorer.queued()).as("shadow queue").isZero();
    }

    @Test
    void aModelThatNeverScoredInShadowHasNoReport() {
        HttpResponse<String> r = http().get("/api/v1/models/" + ACTIVE.modelVersion()
                + "/shadow-report?purpose=supervision", "demo-supervisor");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("never scored in shadow");
    }

    /** Shadow-scores recorded scores as the listener does after their commit. */
    private void shadowScored(String version, List<Expected> scores) {
        new TransactionTemplate(transactions).executeWithoutResult(t -> store.insert(scores.stream()
                .map(e -> ShadowResults.of(new ScoreListener.Recorded(e.score().getId(), e.score().getChildRef(),
                        e.score().getPurpose().getValue(), e.made().input(), ACTIVE.score(e.made().input()), null),
                        ACTIVE, SHADOW, version, e.score().getCreatedAt().toInstant())).toList()));
    }

    @Autowired
    ShadowStore store;

    @Autowired
    PlatformTransactionManager transactions;

    private static String band(Score s) {
        return s.getBand() == null ? "withheld" : s.getBand().getId();
    }

    private static int indexOf(Scorer scorer, String item) {
        for (int k = 0; k < scorer.inputItems().size(); k++) {
            if (scorer.inputItems().get(k).id().equals(item)) {
                return k;
            }
        }
        return -1;
    }

    /** The AUC by counting pairs: a positive above a negative counts 1, a tie one half. */
    private static double auc(List<double[]> pairs, List<Boolean> outcomes, int model) {
        double wins = 0;
        long n = 0;
        for (int i = 0; i < pairs.size(); i++) {
            for (int j = 0; j < pairs.size(); j++) {
                if (outcomes.get(i) && !outcomes.get(j)) {
                    double a = pairs.get(i)[model];
                    double b = pairs.get(j)[model];
                    wins += a > b ? 1 : a == b ? 0.5 : 0;
                    n++;
                }
            }
        }
        return wins / n;
    }

    private static double brier(List<double[]> pairs, List<Boolean> outcomes, int model) {
        double sum = 0;
        for (int i = 0; i < pairs.size(); i++) {
            double e = pairs.get(i)[model] - (outcomes.get(i) ? 1 : 0);
            sum += e * e;
        }
        return sum / pairs.size();
    }

    private ShadowApi shadow(String token) {
        return new ShadowApi(clients().api(token));
    }

    private String upload(Path bundle) {
        return clients().models("demo-analyst").uploadModel(bundle.toFile()).getVersion();
    }

    private static Scorer scorer(Path bundle) {
        try {
            return ModelBundle.read(Files.readAllBytes(bundle)).scorer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
