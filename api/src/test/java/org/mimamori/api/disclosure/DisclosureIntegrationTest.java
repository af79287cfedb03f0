package org.mimamori.api.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.mimamori.api.support.Cases;
import org.mimamori.api.support.Cohorts;
import org.mimamori.api.support.IntegrationTestBase;
import org.mimamori.api.support.Screenings;
import org.mimamori.client.model.Access;
import org.mimamori.client.model.AccessPurpose;
import org.mimamori.client.model.Correction;
import org.mimamori.client.model.CorrectionRequest;
import org.mimamori.client.model.Decision;
import org.mimamori.client.model.DecisionKind;
import org.mimamori.client.model.DecisionRequest;
import org.mimamori.client.model.DisclosedScore;
import org.mimamori.client.model.Disclosure;
import org.mimamori.client.model.OutcomeRequest;
import org.mimamori.client.model.OwnAssessment;
import org.mimamori.client.model.ReviewedScore;
import org.mimamori.client.model.Score;
import org.mimamori.client.model.ScoreRequest;
import org.mimamori.client.model.ScreeningEntry;
import org.mimamori.client.model.SupportType;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Disclosure and correction end to end through the generated client, on the running service and its real
 * MariaDB: a caseworker scores a child, decides, records the outcome and reads the score; the privacy officer
 * discloses all of it with who accessed it, corrects the inputs into a new version, and discloses both versions.
 */
class DisclosureIntegrationTest extends IntegrationTestBase {

    private static final String OFFICER = "demo-privacy_officer";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDisclosureHoldsEverythingHeldAboutTheChildAndWhoAccessedIt() {
        ScoreRequest request = Cases.high("DSC-0001");
        Score score = clients().scores("demo-caseworker").createScore(request, "en");
        String reason = "Grandmother moved in; the school reports a stable term.";
        Decision decision = clients().decisions("demo-caseworker").createDecision(score.getId(),
                new DecisionRequest().decision(DecisionKind.NO_ACTION).reason(reason));
        clients().decisions("demo-caseworker").recordOutcome(score.getId(), new OutcomeRequest().needConfirmed(true)
                .supportTypes(List.of(SupportType.POVERTY)).confirmedOn(LocalDate.of(2026, 3, 2)));
        clients().scores("demo-caseworker").getScore(score.getId(), AccessPurpose.CASE_REVIEW);
        clients().scores("demo-caseworker").createScore(Cases.low("DSC-0099"), "en"); // another child

        long audits = rows("audit_event");
        Disclosure d = clients().disclosure(OFFICER).getDisclosure("DSC-0001", AccessPurpose.DISCLOSURE_REQUEST);
        assertThat(d.getScores()).as("no model was in shadow").allMatch(v -> v.getShadow() == null);
        assertThat(rows("audit_event")).as("one audit record per disclosure").isEqualTo(audits + 1);
        assertThat(jdbc.queryForList("SELECT CONCAT(action, ' ', resource, ' ', purpose, ' ', actor, ' ', role) "
                + "FROM audit_event ORDER BY id DESC LIMIT 1", String.class)).containsExactly(
                "child.disclosure child/DSC-0001 disclosure_request demo-privacy_officer privacy_officer");

        assertThat(d.getChildRef()).isEqualTo("DSC-0001");
        assertThat(d.getGeneratedBy()).isEqualTo(OFFICER);
        assertThat(d.getScores()).hasSize(1);
        DisclosedScore s = d.getScores().get(0);
        assertThat(s.getId()).isEqualTo(score.getId());
        assertThat(s.getVersion()).isEqualTo(1);
        assertThat(s.getCurrent()).isTrue();
        assertThat(s.getSupersededBy()).isNull();
        assertThat(s.getInputs()).isEqualTo(request.getItems());
        assertThat(s.getRequestedBy()).isEqualTo("demo-caseworker");
        assertThat(s.getScore().getProbability()).isEqualTo(score.getProbability());
        assertThat(s.getScore().getContributions()).isEqualTo(score.getContributions());
        assertThat(s.getScore().getMissingInformation()).isEqualTo(score.getMissingInformation());
        assertThat(s.getScore().getDecisionNotice()).isEqualTo(score.getDecisionNotice());
        assertThat(s.getDecisions()).extracting(Decision::getId, Decision::getReason)
                .containsExactly(tuple(decision.getId(), reason));
        assertThat(s.getOutcome().getNeedConfirmed()).isTrue();
        assertThat(s.getOutcome().getSupportTypes()).containsExactly(SupportType.POVERTY);
        assertThat(s.getOwnAssessments()).extracting(OwnAssessment::getLevel)
                .containsExactly(OwnAssessment.LevelEnum.LOW);
        assertThat(s.getScreeningEntries()).isEmpty();
        assertThat(d.getAccesses()).extracting(a -> a.getAction() + " " + a.getResource() + " " + a.getActor())
                .containsExactly("score.create score/" + score.getId() + " demo-caseworker",
                        "decision.create decision/" + decision.getId() + " demo-caseworker",
                        "outcome.create outcome/" + s.getOutcome().getId() + " demo-caseworker",
                        "score.read score/" + score.getId() + " demo-caseworker");
        assertThat(d.getAccesses().get(0).getPurpose()).isEqualTo("case_review");
        assertThat(d.getAccesses()).extracting(Access::getRole).containsOnly("caseworker");

        // the next disclosure lists this one
        Disclosure again = clients().disclosure(OFFICER).getDisclosure("DSC-0001", AccessPurpose.DISCLOSURE_REQUEST);
        Access last = again.getAccesses().get(again.getAccesses().size() - 1);
        assertThat(last.getAction()).isEqualTo("child.disclosure");
        assertThat(last.getPurpose()).isEqualTo("disclosure_request");
        assertThat(last.getActor()).isEqualTo(OFFICER);

        // a child of whom nothing is held
        Disclosure none = clients().disclosure(OFFICER).getDisclosure("DSC-NONE-1", AccessPurpose.DISCLOSURE_REQUEST);
        assertThat(none.getScores()).isEmpty();
        assertThat(none.getAccesses()).isEmpty();
    }

    @Test
    void aCorrectionIsANewVersionAndTheOldOneIsKeptSupersededWithItsDecision() throws Exception {
        Score old = clients().scores("demo-caseworker").createScore(Cases.high("DSC-0002"), "en");
        Decision decision = clients().decisions("demo-caseworker").createDecision(old.getId(),
                new DecisionRequest().decision(DecisionKind.OUTREACH));
        clients().decisions("demo-caseworker").recordOutcome(old.getId(),
                new OutcomeRequest().needConfirmed(false).confirmedOn(LocalDate.of(2026, 4, 1)));
        // the response as first given (kept, and checked against its fingerprint), and the row behind it
        String stored = http().get("/api/v1/scores/" + old.getId() + "?purpose=supervision", "demo-supervisor")
                .body();
        String row = "SELECT CONCAT(request_json, response_language, response_fingerprint, HEX(response_kept)) "
                + "FROM score WHERE id = ?";
        String kept = jdbc.queryForObject(row, String.class, old.getId().toString());
        assertThat(kept).as("inputs, language, fingerprint and the kept response").isNotNull();

        Map<String, Object> corrected = new LinkedHashMap<>(Cases.high("X-1").getItems());
        corrected.put("absence_days_term", 0);
        corrected.put("prior_consultations", 0);
        String why = "The school's register counted another child's absences; corrected with the school.";
        long audits = rows("audit_event");
        long scores = rows("score");
        Correction c = clients().corrections(OFFICER).createCorrection(old.getId(), new CorrectionRequest()
                .purpose(CorrectionRequest.PurposeEnum.CORRECTION_REQUEST).items(corrected).reason(why), "en");
        assertThat(rows("audit_event")).as("one audit record per correction").isEqualTo(audits + 1);
        assertThat(rows("score")).isEqualTo(scores + 1);
        assertThat(c.getModelChoice()).isEqualTo(Correction.ModelChoiceEnum.ORIGINAL);
        assertThat(c.getModelVersion()).isEqualTo(old.getModelVersion());
        assertThat(c.getModelNote()).contains("still registered").contains(old.getModelVersion());
        assertThat(c.getSupersededScoreId()).isEqualTo(old.getId());
        Score fresh = c.getScore();
        assertThat(fresh.getId()).isNotEqualTo(old.getId());
        assertThat(fresh.getSupersedes()).isEqualTo(old.getId());
        assertThat(fresh.getCorrectionReason()).isEqualTo(why);
        assertThat(fresh.getChildRef()).isEqualTo("DSC-0002");
        assertThat(fresh.getPurpose()).isEqualTo(old.getPurpose());
        assertThat(fresh.getRequestedBy()).isEqualTo(OFFICER);
        assertThat(fresh.getProbability()).isLessThan(old.getProbability());
        assertThat(jdbc.queryForList("SELECT CONCAT(action, ' ', resource, ' ', purpose) FROM audit_event "
                + "ORDER BY id DESC LIMIT 1", String.class))
                .containsExactly("score.correct score/" + old.getId() + " correction_request");

        // GET: the old version as stored, marked superseded; the new one marked as its correction
        Score oldNow = clients().scores("demo-supervisor").getScore(old.getId(), AccessPurpose.SUPERVISION);
        assertThat(oldNow.getSupersededBy()).isEqualTo(fresh.getId());
        assertThat(oldNow.getSupersededAt()).isNotNull();
        assertThat(oldNow.getProbability()).isEqualTo(old.getProbability());
        assertThat(oldNow.getContributions()).isEqualTo(old.getContributions());
        HttpResponse<String> raw = http().get("/api/v1/scores/" + old.getId() + "?purpose=supervision", "demo-supervisor");
        assertThat(raw.body()).startsWith(stored.substring(0, stored.length() - 1))
                .contains("\"supersededBy\":\"" + fresh.getId() + "\"");
        assertThat(jdbc.queryForObject(row, String.class, old.getId().toString()))
                .as("the old version is kept as it was").isEqualTo(kept);
        Score freshNow = clients().scores("demo-supervisor").getScore(fresh.getId(), AccessPurpose.SUPERVISION);
        assertThat(freshNow.getSupersedes()).isEqualTo(old.getId());
        assertThat(freshNow.getSupersededBy()).isNull();

        // decisions and outcomes stay on the version they were made on
        assertThat(jdbc.queryForList("SELECT score_id FROM decision WHERE id = ?", String.class,
                decision.getId().toString())).containsExactly(old.getId().toString());
        assertThat(jdbc.queryForList("SELECT score_id FROM outcome WHERE score_id IN (?, ?)", String.class,
                old.getId().toString(), fresh.getId().toString())).containsExactly(old.getId().toString());

        // review lists show only current versions
        List<UUID> reviewed = clients().review("demo-supervisor").reviewScores(AccessPurpose.SUPERVISION, 200, 0).getItems().stream()
                .map(ReviewedScore::getScore).map(Score::getId).toList();
        assertThat(reviewed).contains(fresh.getId()).doesNotContain(old.getId());

        // the disclosure shows both versions
        Disclosure d = clients().disclosure(OFFICER).getDisclosure("DSC-0002", AccessPurpose.DISCLOSURE_REQUEST);
        assertThat(d.getScores()).extracting(DisclosedScore::getId).containsExactly(old.getId(), fresh.getId());
        DisclosedScore v1 = d.getScores().get(0);
        DisclosedScore v2 = d.getScores().get(1);
        assertThat(v1.getVersion()).isEqualTo(1);
        assertThat(v1.getCurrent()).isFalse();
        assertThat(v1.getSupersededBy()).isEqualTo(fresh.getId());
        assertThat(v1.getScore().getSupersededBy()).isEqualTo(fresh.getId());
        assertThat(v1.getDecisions()).extracting(Decision::getId).containsExactly(decision.getId());
        assertThat(v1.getOutcome()).isNotNull();
        assertThat(v2.getVersion()).isEqualTo(2);
        assertThat(v2.getCurrent()).isTrue();
        assertThat(v2.getSupersedes()).isEqualTo(old.getId());
        assertThat(v2.getCorrectionReason()).isEqualTo(why);
        assertThat(v2.getInputs()).isEqualTo(corrected);
        assertThat(v2.getDecisions()).isEmpty();
        assertThat(v2.getOutcome()).isNull();
        assertThat(d.getAccesses()).anyMatch(a -> a.getAction().equals("score.correct")
                && a.getActor().equals(OFFICER) && "correction_request".equals(a.getPurpose()));

        // only the current version can be corrected
        long before = lastAuditId();
        HttpClientErrorException conflict = catchThrowableOfType(HttpClientErrorException.class,
                () -> clients().corrections(OFFICER).createCorrection(old.getId(), new CorrectionRequest()
                        .purpose(CorrectionRequest.PurposeEnum.CORRECTION_REQUEST).items(corrected).reason(why),
                        "en"));
        assertThat(conflict.getStatusCode().value()).isEqualTo(409);
        assertThat(conflict.getResponseBodyAsString()).contains(fresh.getId().toString());
        assertThat(auditOutcomesAfter(before)).as("the refusal, recorded as such").containsExactly("conflict");
        assertThat(rows("score")).isEqualTo(scores + 1);
    }

    @Test
    void aCorrectionIsScoredByTheActiveModelWhenTheOriginalsIsNoLongerRegistered() {
        Score old = clients().scores("demo-caseworker").createScore(Cases.low("DSC-0003"), "ja");
        // a score of a model that is no longer registered (its response is kept: V22)
        jdbc.update("UPDATE score SET model_version = 'gone00000000gone' WHERE id = ?", old.getId().toString());
        Correction c = clients().corrections(OFFICER).createCorrection(old.getId(), new CorrectionRequest()
                .purpose(CorrectionRequest.PurposeEnum.CORRECTION_REQUEST).items(Cases.high("X-2").getItems())
                .reason("別の子どもの記録と取り違えていたため訂正"), "ja");
        assertThat(c.getModelChoice()).isEqualTo(Correction.ModelChoiceEnum.ACTIVE);
        assertThat(c.getModelVersion()).isEqualTo(old.getModelVersion()).isNotEqualTo("gone00000000gone");
        assertThat(c.getModelNote()).contains("gone00000000gone").contains("現在有効なモデル");
        assertThat(c.getScore().getLanguage()).isEqualTo("ja");
        assertThat(c.getScore().getModelVersion()).isEqualTo(c.getModelVersion());
    }

    @Test
    void aCorrectedChildsVersionsAreErasedTogetherAndAChildUnderCessationIsNotCorrected() {
        Score old = clients().scores("demo-caseworker").createScore(Cases.high("DSC-0006"), "en");
        Correction c = clients().corrections(OFFICER).createCorrection(old.getId(), new CorrectionRequest()
                .purpose(CorrectionRequest.PurposeEnum.CORRECTION_REQUEST).items(Cases.low("X-4").getItems())
                .reason("Wrong register"), "en");
        HttpResponse<String> erase = http().post("/api/v1/children/DSC-0006/cessation", OFFICER,
                "{\"mode\": \"erase\", \"reason\": \"The family asked on 2026-11-30.\", "
                        + "\"purpose\": \"deletion_request\"}");
        assertThat(erase.statusCode()).as(erase.body()).isBetween(200, 201);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM score WHERE id IN (?, ?)", Long.class,
                old.getId().toString(), c.getScore().getId().toString())).isZero();

        Score restricted = clients().scores("demo-caseworker").createScore(Cases.high("DSC-0007"), "en");
        HttpResponse<String> restrict = http().post("/api/v1/children/DSC-0007/cessation", OFFICER,
                "{\"mode\": \"restrict\", \"reason\": \"The family asked on 2026-11-30.\", "
                        + "\"purpose\": \"deletion_request\"}");
        assertThat(restrict.statusCode()).as(restrict.body()).isBetween(200, 201);
        long scores = rows("score");
        HttpResponse<String> refused = http().post("/api/v1/scores/" + restricted.getId() + "/corrections", OFFICER,
                "{\"purpose\": \"correction_request\", \"reason\": \"wrong\", \"items\": {\"age_years\": 9}}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("cessation-of-use");
        assertThat(rows("score")).isEqualTo(scores);
    }

    @Test
    void badCorrectionsAreRefusedNamingEachFieldAndStoreNothing() throws Exception {
        Score old = clients().scores("demo-caseworker").createScore(Cases.low("DSC-0004"), "en");
        long audits = lastAuditId();
        long scores = rows("score");
        HttpResponse<String> r = http().post("/api/v1/scores/" + old.getId() + "/corrections", OFFICER,
                "{\"purpose\": \"disclosure_request\", \"reason\": \"\", "
                        + "\"items\": {\"age_years\": 25, \"no_such_item\": 1, \"single_parent\": \"maybe\"}}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
        assertThat(fields(r)).contains("purpose", "reason", "items.age_years", "items.no_such_item",
                "items.single_parent");

        HttpResponse<String> missing = http().post("/api/v1/scores/" + old.getId() + "/corrections", OFFICER, "{}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(fields(missing)).contains("purpose", "items", "reason");

        HttpResponse<String> blank = http().post("/api/v1/scores/" + old.getId() + "/corrections", OFFICER,
                "{\"purpose\": \"correction_request\", \"reason\": \"   \", \"items\": {}}");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(fields(blank)).containsExactly("reason");

        HttpResponse<String> unknown = http().post("/api/v1/scores/" + UUID.randomUUID() + "/corrections", OFFICER,
                "{\"purpose\": \"correction_request\", \"reason\": \"wrong\", \"items\": {}}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(auditOutcomesAfter(audits)).as("each refusal, recorded as such")
                .containsExactly("invalid", "invalid", "invalid", "not_found");
        assertThat(rows("score")).isEqualTo(scores);
    }

    @Test
    void aDisclosureIsReadOnlyForADisclosureRequest() throws Exception {
        long audits = lastAuditId();
        HttpResponse<String> other = http().get("/api/v1/children/DSC-0001/disclosure?purpose=case_review", OFFICER);
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(fields(other)).containsExactly("purpose");
        HttpResponse<String> none = http().get("/api/v1/children/DSC-0001/disclosure", OFFICER);
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(fields(none)).containsExactly("purpose");
        HttpResponse<String> name = http().get("/api/v1/children/Yamada/disclosure?purpose=disclosure_request",
                OFFICER);
        assertThat(name.statusCode()).isEqualTo(400);
        assertThat(fields(name)).containsExactly("childRef");
        assertThat(auditOutcomesAfter(audits)).containsExactly("invalid", "invalid", "invalid");
    }

    @Test
    void onlyPrivacyOfficersMayDiscloseOrCorrect() {
        Score score = clients().scores("demo-supervisor").createScore(Cases.low("DSC-0005"), "en");
        long audits = lastAuditId();
        for (String role : List.of("caseworker", "supervisor", "analyst", "auditor", "admin")) {
            HttpResponse<String> read = http().get("/api/v1/children/DSC-0005/disclosure?purpose=disclosure_request",
                    "demo-" + role);
            assertThat(read.statusCode()).as(role).isEqualTo(403);
            HttpResponse<String> correct = http().post("/api/v1/scores/" + score.getId() + "/corrections",
                    "demo-" + role, "{\"purpose\": \"correction_request\", \"reason\": \"x\", \"items\": {}}");
            assertThat(correct.statusCode()).as(role).isEqualTo(403);
        }
        assertThat(http().get("/api/v1/children/DSC-0005/disclosure?purpose=disclosure_request", null)
                .statusCode()).isEqualTo(401);
        assertThat(http().post("/api/v1/scores", OFFICER, "{}").statusCode())
                .as("privacy officers do not score children").isEqualTo(403);
        List<String> refused = new ArrayList<>(Collections.nCopies(10, "forbidden"));
        refused.addAll(List.of("unauthenticated", "forbidden"));
        assertThat(auditOutcomesAfter(audits)).as("each refusal, recorded as such").isEqualTo(refused);
    }

    @Test
    void aDisclosureShowsTheChildsScreeningEntries() {
        UUID screening = clients().screenings("demo-supervisor").createScreening(Cohorts.cohort(20, 31).toFile(),
                "en").getId();
        Screenings.await(clients().screenings("demo-supervisor"), screening);
        ScreeningEntry entry = clients().screenings("demo-supervisor")
                .listScreeningEntries(screening, AccessPurpose.SCREENING, null, null, 1, 0, null).getEntries().get(0);
        Disclosure d = clients().disclosure(OFFICER).getDisclosure(entry.getChildRef(),
                AccessPurpose.DISCLOSURE_REQUEST);
        DisclosedScore s = d.getScores().stream().filter(x -> x.getId().equals(entry.getScoreId())).findFirst()
                .orElseThrow();
        assertThat(s.getScreeningEntries()).anyMatch(e -> e.getScreeningId().equals(screening)
                && e.getEntryId().equals(entry.getId()));
        assertThat(s.getInputs()).isNotEmpty();
        assertThat(s.getScore().getContributions()).isNotEmpty();
    }

    private static List<String> fields(HttpResponse<String> r) throws Exception {
        JsonNode problem = JSON.readTree(r.body());
        return StreamSupport.stream(problem.path("errors").spliterator(), false)
                .map(e -> e.path("field").asText()).toList();
    }
}
