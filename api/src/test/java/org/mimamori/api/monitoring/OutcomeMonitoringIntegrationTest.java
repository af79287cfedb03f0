package org.mimamori.api.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimamori.api.MimamoriApiApplication;
import org.mimamori.api.support.Clients;
import org.mimamori.api.support.DataDirs;
import org.mimamori.api.support.Http;
import org.mimamori.api.support.TestBundles;
import org.mimamori.client.api.MonitoringApi;
import org.mimamori.client.model.AccessPurpose;
import org.mimamori.client.model.BandOutcome;
import org.mimamori.client.model.DecisionKind;
import org.mimamori.client.model.DecisionRequest;
import org.mimamori.client.model.GroupOutcome;
import org.mimamori.client.model.OutcomeMonitoring;
import org.mimamori.client.model.OutcomeRequest;
import org.mimamori.client.model.PriorAssessment;
import org.mimamori.client.model.Purpose;
import org.mimamori.client.model.Score;
import org.mimamori.client.model.ScoreRequest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Outcome monitoring on a designed set of nine scores, decisions and outcomes recorded through the API, on a
 * service of its own (a fresh database, so that no other test's scores count) with a minimum group size of 3 and
 * a minimum class count of 1. Every figure is checked against the value worked out by hand below.
 *
 * <p>The set: four "high" children (H, a band flagged for outreach, all with one probability pH) and five "low"
 * children (L, a routine band, probability pL), single-parent household as the audit group:
 * <pre>
 *  H1 yes  outreach               need confirmed
 *  H2 yes  outreach               need confirmed
 *  H3 yes  outreach, then monitor no need          (latest: monitor, an override)
 *  H4 no   no_action (override)   no outcome
 *  L1 no   monitor                no need
 *  L2 no   assessment (override)  need confirmed
 *  L3 no   no_action              no need
 *  L4 yes  no decision            no outcome
 *  L5 (not recorded) monitor      no outcome
 * </pre>
 */
class OutcomeMonitoringIntegrationTest {

    private static final Path DIR = DataDirs.fresh("outcome-monitoring");
    private static final double EPS = 1e-9;
    private static ConfigurableApplicationContext app;
    private static Clients clients;
    private static Http http;
    private static final Map<String, Score> SCORES = new LinkedHashMap<>();
    private static Score h1;
    private static Score l1;

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(MimamoriApiApplication.class).run("--server.port=0",
                "--mimamori.data-dir=" + DIR, "--mimamori.models.import-bundle=" + TestBundles.bundle(),
                "--mimamori.models.demo-when-empty=false", "--spring.jmx.enabled=false",
                "--mimamori.monitoring.min-group-size=3", "--mimamori.monitoring.min-class-count=1");
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        clients = new Clients(port);
        http = new Http(port);
        record();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        DataDirs.remove(DIR);
    }

    private static void record() {
        h1 = score("MON-H1", true, true);
        decide(h1, DecisionKind.OUTREACH, null);
        outcome(h1, true);
        Score h2 = score("MON-H2", true, true);
        decide(h2, DecisionKind.OUTREACH, null);
        outcome(h2, true);
        Score h3 = score("MON-H3", true, true);
        decide(h3, DecisionKind.OUTREACH, null);
        decide(h3, DecisionKind.MONITOR, "Family moved closer to grandparents; school reports improving.");
        outcome(h3, false);
        Score h4 = score("MON-H4", true, false);
        decide(h4, DecisionKind.NO_ACTION, "Already known to the school social worker.");
        l1 = score("MON-L1", false, false);
        decide(l1, DecisionKind.MONITOR, null);
        outcome(l1, false);
        Score l2 = score("MON-L2", false, false);
        decide(l2, DecisionKind.ASSESSMENT, "Neighbour's report.");
        outcome(l2, true);
        Score l3 = score("MON-L3", false, false);
        decide(l3, DecisionKind.NO_ACTION, null);
        outcome(l3, false);
        score("MON-L4", false, true);
        Score l5 = score("MON-L5", false, null);
        decide(l5, DecisionKind.MONITOR, null);
    }

    private static Score score(String childRef, boolean high, Boolean singleParent) {
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("age_years", 9);
        items.put("household_size", 3);
        items.put("absence_days_term", high ? 30 : 0);
        items.put("prior_consultations", high ? 4 : 0);
        items.put("child_rearing_allowance", high);
        if (singleParent != null) {
            items.put("single_parent", singleParent);
        }
        Score s = clients.scores("demo-caseworker").createScore(new ScoreRequest().childRef(childRef)
                .purpose(Purpose.CASE_REVIEW).items(items)
                .priorAssessment(new PriorAssessment().level(PriorAssessment.LevelEnum.LOW)), "en");
        SCORES.put(childRef, s);
        return s;
    }

    private static void decide(Score s, DecisionKind kind, String reason) {
        clients.decisions("demo-caseworker").createDecision(s.getId(), new DecisionRequest().decision(kind)
                .reason(reason));
    }

    private static void outcome(Score s, boolean need) {
        clients.decisions("demo-caseworker").recordOutcome(s.getId(), new OutcomeRequest().needConfirmed(need)
                .confirmedOn(LocalDate.of(2026, 11, 20)));
    }

    private static MonitoringApi monitoring(String token) {
        return new MonitoringApi(clients.api(token));
    }

    private static OutcomeMonitoring report(String language) {
        return monitoring("demo-supervisor").outcomeMonitoring(AccessPurpose.SUPERVISION, null, null, null,
                language);
    }

    private static BandOutcome band(OutcomeMonitoring r, String id) {
        return r.getBands().stream().filter(b -> b.getBand().equals(id)).findFirst().orElseThrow();
    }

    private static GroupOutcome group(OutcomeMonitoring r, String item, String value) {
        return r.getGroups().stream().filter(g -> g.getItem().equals(item) && g.getValue().equals(value))
                .findFirst().orElseThrow();
    }

    @Test
    void theDesignedSetIsWhatItSaysItIs() {
        assertThat(SCORES).hasSize(9);
        SCORES.forEach((child, s) -> {
            Score same = child.startsWith("MON-H") ? h1 : l1;
            assertThat(s.getBand().getId()).as(child).isEqualTo(same.getBand().getId());
            assertThat(s.getProbability()).as(child).isEqualTo(same.getProbability());
            assertThat(s.getRedFlags()).as(child).isEmpty();
        });
        assertThat(h1.getBand().getId()).isNotEqualTo(l1.getBand().getId());
        assertThat(h1.getProbability()).isGreaterThan(l1.getProbability());
        OutcomeMonitoring r = monitoring("demo-analyst").outcomeMonitoring(AccessPurpose.MODEL_MANAGEMENT, null,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2), "en");
        assertThat(r.getScored()).as("nothing was scored in January 2026").isZero();
    }

    @Test
    void bandsCompareTheMeanPredictionWithTheObservedRateOfTheAssessed() {
        OutcomeMonitoring r = report("en");
        assertThat(r.getMinGroupSize()).isEqualTo(3);
        assertThat(r.getScored()).isEqualTo(9);
        assertThat(r.getAssessed()).isEqualTo(6);
        assertThat(r.getDecided()).isEqualTo(8);

        BandOutcome high = band(r, h1.getBand().getId());
        assertThat(high.getScored()).isEqualTo(4);
        assertThat(high.getAssessed()).isEqualTo(3);
        assertThat(high.getNeedConfirmed()).isEqualTo(2);
        assertThat(high.getMeanPredicted()).isCloseTo(h1.getProbability(), within(EPS)); // all four are pH
        assertThat(high.getObservedRate()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(high.getLower()).isCloseTo(0.2076596008, within(1e-9)); // Wilson, 2 of 3
        assertThat(high.getUpper()).isCloseTo(0.9385080553, within(1e-9));
        assertThat(high.getSuppressed()).isFalse();
        assertThat(high.getOutsideInterval()).isEqualTo(h1.getProbability() < 0.2076596008);

        BandOutcome low = band(r, l1.getBand().getId());
        assertThat(low.getScored()).isEqualTo(5);
        assertThat(low.getAssessed()).isEqualTo(3);
        assertThat(low.getNeedConfirmed()).isEqualTo(1);
        assertThat(low.getMeanPredicted()).isCloseTo(l1.getProbability(), within(EPS));
        assertThat(low.getObservedRate()).isCloseTo(1.0 / 3, within(EPS));
        assertThat(low.getLower()).isCloseTo(0.0614919447, within(1e-9)); // Wilson, 1 of 3
        assertThat(low.getUpper()).isCloseTo(0.7923403992, within(1e-9));

        assertThat(r.getBands()).filteredOn(b -> b != high && b != low).allSatisfy(b -> {
            assertThat(b.getScored()).isZero();
            assertThat(b.getSuppressed()).isTrue();
            assertThat(b.getObservedRate()).isNull();
            assertThat(b.getNeedConfirmed()).isNull();
        });
        assertThat(r.getBands()).extracting(BandOutcome::getLabel).allMatch(l -> !l.isBlank());
    }

    @Test
    void theAucOfTheAssessedCountsTiesAsHalves() {
        // Positives H1, H2 (pH), L2 (pL) against negatives H3 (pH), L1, L3 (pL): H1 and H2 win 2.5 pairs each
        // (a tie with H3), L2 wins 1 (two ties): 6 of 9.
        OutcomeMonitoring r = report("en");
        assertThat(r.getAuc().getSuppressed()).isFalse();
        assertThat(r.getAuc().getAssessed()).isEqualTo(6);
        assertThat(r.getAuc().getPositives()).isEqualTo(3);
        assertThat(r.getAuc().getNegatives()).isEqualTo(3);
        assertThat(r.getAuc().getEstimate()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(r.getAuc().getResamples()).isEqualTo(1000);
        assertThat(r.getAuc().getLower()).isLessThanOrEqualTo(2.0 / 3).isGreaterThanOrEqualTo(0);
        assertThat(r.getAuc().getUpper()).isGreaterThanOrEqualTo(2.0 / 3).isLessThanOrEqualTo(1);
    }

    @Test
    void byAuditGroupTheModelsFlagsStaffDecisionsAndOverridesAgainstTheReference() {
        OutcomeMonitoring r = report("en");
        GroupOutcome no = group(r, "single_parent", "no");
        GroupOutcome yes = group(r, "single_parent", "yes");
        // "no": H4, L1, L2, L3; "yes": H1, H2, H3, L4 (4 each: the reference is the first in text order, "no")
        assertThat(no.getReference()).isTrue();
        assertThat(no.getScored()).isEqualTo(4);
        assertThat(no.getFlaggedShare()).isCloseTo(0.25, within(EPS));
        assertThat(no.getDecided()).isEqualTo(4);
        assertThat(no.getOutreachShare()).isCloseTo(0.25, within(EPS)); // L2
        assertThat(no.getOverrideRate()).isCloseTo(0.5, within(EPS)); // H4, L2
        assertThat(yes.getReference()).isFalse();
        assertThat(yes.getScored()).isEqualTo(4);
        assertThat(yes.getFlaggedShare()).isCloseTo(0.75, within(EPS));
        assertThat(yes.getDecided()).isEqualTo(3);
        assertThat(yes.getOutreachShare()).isCloseTo(2.0 / 3, within(EPS)); // H1, H2
        assertThat(yes.getOverrideRate()).isCloseTo(1.0 / 3, within(EPS)); // H3 (its latest decision)
        assertThat(yes.getFlaggedRatio()).isCloseTo(3.0, within(EPS));
        assertThat(yes.getOutreachRatio()).isCloseTo(8.0 / 3, within(EPS));
        assertThat(yes.getDisparity()).isTrue();
        assertThat(yes.getValueLabel()).isEqualTo("yes");
        assertThat(yes.getItemLabel()).isEqualTo("Single-parent household");

        GroupOutcome unknown = group(r, "single_parent", "(unknown)"); // L5 alone: fewer than 3
        assertThat(unknown.getSuppressed()).isTrue();
        assertThat(unknown.getScored()).isNull();
        assertThat(unknown.getFlaggedShare()).isNull();
        assertThat(unknown.getOutreachShare()).isNull();

        // No score recorded public assistance: all in one unknown group, without a reference to compare with.
        GroupOutcome pa = group(r, "public_assistance", "(unknown)");
        assertThat(pa.getSuppressed()).isFalse();
        assertThat(pa.getReference()).isFalse();
        assertThat(pa.getScored()).isEqualTo(9);
        assertThat(pa.getFlaggedShare()).isCloseTo(4.0 / 9, within(EPS)); // H1–H4
        assertThat(pa.getDecided()).isEqualTo(8);
        assertThat(pa.getOutreachShare()).isCloseTo(3.0 / 8, within(EPS)); // H1, H2, L2
        assertThat(pa.getOverrideRate()).isCloseTo(3.0 / 8, within(EPS)); // H3, H4, L2
        assertThat(pa.getFlaggedRatio()).isNull();
        assertThat(r.getGroups()).extracting(GroupOutcome::getItem).doesNotContain("age_years",
                "child_rearing_allowance");
    }

    @Test
    void labelsAndTheCaveatAreInTheReadersLanguage() {
        OutcomeMonitoring ja = report("ja");
        assertThat(ja.getLanguage()).isEqualTo("ja");
        assertThat(ja.getCaveat()).contains("アセスメントした子ども");
        assertThat(ja.getCaveats().getEn()).contains("only for children whom staff assessed");
        assertThat(ja.getCaveats().getJa()).isEqualTo(ja.getCaveat());
        assertThat(ja.getSuppression()).contains("3 件未満");
        assertThat(group(ja, "single_parent", "yes").getItemLabel()).isEqualTo("ひとり親世帯");
        assertThat(group(ja, "single_parent", "yes").getValueLabel()).isEqualTo("はい");
        OutcomeMonitoring en = report(null);
        assertThat(en.getCaveat()).startsWith("Outcomes (whether a need for support was confirmed)");
        assertThat(en.getSuppression()).contains("fewer than 3");
    }

    @Test
    void aWindowAnUnknownModelAndARoleWithoutAccess() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        OutcomeMonitoring window = monitoring("demo-auditor").outcomeMonitoring(AccessPurpose.AUDIT, null, today,
                today, "en");
        assertThat(window.getAssessed()).isEqualTo(6);
        assertThat(window.getFrom()).isEqualTo(today);

        HttpClientErrorException unknown = catchThrowableOfType(() -> monitoring("demo-supervisor")
                .outcomeMonitoring(AccessPurpose.SUPERVISION, "no-such-model", null, null, "en"),
                HttpClientErrorException.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(unknown.getResponseBodyAsString()).contains("no-such-model");

        HttpResponse<String> backwards = http.get("/api/v1/monitoring/outcomes?purpose=supervision"
                + "&from=2026-02-01&to=2026-01-01", "demo-supervisor");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("\"to\"").contains("must not be before from");

        assertThat(http.get("/api/v1/monitoring/outcomes?purpose=case_review", "demo-caseworker").statusCode())
                .isEqualTo(403);
        long audited = app.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'monitoring.outcomes' AND actor = 'demo-auditor'",
                Long.class);
        assertThat(audited).isPositive();
    }

    @Test
    void theAuditGroupValuesAreStoredAsColumnsWithTheScore() {
        List<Map<String, Object>> rows = app.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForList(
                "SELECT item, value FROM score_audit_group WHERE score_id = ?", h1.getId().toString());
        assertThat(rows).containsExactly(Map.of("item", "single_parent", "value", "yes"));
    }
}
