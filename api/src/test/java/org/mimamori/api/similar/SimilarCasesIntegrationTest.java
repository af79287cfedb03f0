package org.mimamori.api.similar;

import org.mimamori.client.model.AccessPurpose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mimamori.api.MimamoriApiApplication;
import org.mimamori.api.support.Cases;
import org.mimamori.api.support.Clients;
import org.mimamori.api.support.Cohorts;
import org.mimamori.api.support.DataDirs;
import org.mimamori.api.support.Http;
import org.mimamori.api.support.Screenings;
import org.mimamori.api.support.TestBundles;
import org.mimamori.client.api.SimilarApi;
import org.mimamori.client.model.AuditEvent;
import org.mimamori.client.model.Contribution;
import org.mimamori.client.model.OutcomeRequest;
import org.mimamori.client.model.Purpose;
import org.mimamori.client.model.Score;
import org.mimamori.client.model.ScoreRequest;
import org.mimamori.client.model.SimilarItem;
import org.mimamori.client.model.SimilarOutcomes;
import org.mimamori.client.model.SupportType;
import org.mimamori.client.model.SupportTypeCount;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.HttpClientErrorException;

/**
 * Similar past cases through the generated client, on a service of its own (a fresh database, so that no other
 * test's outcomes join the groups), with the default minimum group size of 20.
 */
class SimilarCasesIntegrationTest {

    private static final Path DIR = DataDirs.fresh("similar");
    private static ConfigurableApplicationContext app;
    private static Clients clients;
    private static Http http;

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(MimamoriApiApplication.class).run("--server.port=0",
                "--mimamori.data-dir=" + DIR, "--mimamori.models.import-bundle=" + TestBundles.bundle(),
                "--mimamori.models.demo-when-empty=false", "--spring.jmx.enabled=false");
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
    void aggregatesOtherChildrensOutcomesAboveTheMinimumGroupSizeOnly() {
        // the child's own earlier score and outcome: never counted
        outcome(score(Cases.high("SIM-T1")), true, SupportType.YOUNG_CARER);
        Score target = score(Cases.high("SIM-T1"));
        List<Contribution> top = target.getContributions().stream().filter(c -> c.getContribution() != 0)
                .limit(3).toList();
        assertThat(top).hasSize(3);

        // 19 other children in the same states: with the child's own outcome they would be 20
        for (int i = 1; i <= 19; i++) {
            Score past = score(Cases.high("SIM-P%02d".formatted(i)));
            if (i <= 3) {
                outcome(past, true, SupportType.POVERTY, SupportType.NEGLECT);
            } else if (i <= 7) {
                outcome(past, true, SupportType.POVERTY);
            } else if (i <= 12) {
                outcome(past, true, SupportType.SCHOOL_REFUSAL);
            } else {
                outcome(past, false);
            }
        }
        score(Cases.high("SIM-N1")); // in the same states, but no outcome yet: not counted

        SimilarOutcomes few = similar("demo-caseworker").getSimilarOutcomes(target.getId(), Purpose.CASE_REVIEW,
                null);
        assertThat(few.getShown()).isFalse();
        assertThat(few.getMinGroupSize()).isEqualTo(20);
        assertThat(few.getChildren()).isNull();
        assertThat(few.getNeedConfirmed()).isNull();
        assertThat(few.getNeedConfirmedShare()).isNull();
        assertThat(few.getSupportTypes()).isNullOrEmpty();
        assertThat(few.getMessage()).contains("too few similar past cases").contains("at least 20").doesNotContain("19");
        assertThat(few.getItems()).extracting(SimilarItem::getItem).containsExactly(top.get(0).getItem());

        // two more similar children, and one in other states (not counted)
        outcome(score(Cases.high("SIM-P20")), false);
        outcome(score(Cases.high("SIM-P21")), true, SupportType.POVERTY);
        Score other = score(Cases.low("SIM-L01"));
        Map<String, String> otherStates = other.getContributions().stream()
                .collect(Collectors.toMap(Contribution::getItem, Contribution::getState));
        assertThat(top).as("the low case differs in a top state").anyMatch(
                c -> !c.getState().equals(otherStates.get(c.getItem())));
        outcome(other, true, SupportType.ABUSE);

        SimilarOutcomes shown = similar("demo-caseworker").getSimilarOutcomes(target.getId(), Purpose.CASE_REVIEW,
                null);
        assertThat(shown.getShown()).as(shown.getMessage()).isTrue();
        assertThat(shown.getScoreId()).isEqualTo(target.getId());
        assertThat(shown.getLanguage()).isEqualTo("en");
        assertThat(shown.getItems()).extracting(SimilarItem::getItem, SimilarItem::getLabel, SimilarItem::getState)
                .containsExactlyElementsOf(top.stream().map(c -> org.assertj.core.groups.Tuple.tuple(c.getItem(),
                        c.getLabel(), c.getState())).toList());
        // 21 other children: 13 with a confirmed need (1-12 and 21); poverty 1-7 and 21, neglect 1-3, school
        // refusal 8-12; no young carer (the child itself), no abuse (other states)
        assertThat(shown.getChildren()).isEqualTo(21);
        assertThat(shown.getNeedConfirmed()).isEqualTo(13);
        assertThat(shown.getNeedConfirmedShare()).isEqualTo(13.0 / 21);
        assertThat(shown.getSupportTypes()).extracting(SupportTypeCount::getSupportType, SupportTypeCount::getChildren)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SupportType.POVERTY, 8),
                        org.assertj.core.groups.Tuple.tuple(SupportType.SCHOOL_REFUSAL, 5),
                        org.assertj.core.groups.Tuple.tuple(SupportType.NEGLECT, 3));
        assertThat(shown.getMessage()).contains("21 similar past cases").contains("62%");

        // in Japanese: the labels and states of the same items as a Japanese score gives them
        Score japanese = clients.scores("demo-caseworker").createScore(Cases.high("SIM-JA1"), "ja");
        Map<String, Contribution> ja = japanese.getContributions().stream()
                .collect(Collectors.toMap(Contribution::getItem, Function.identity()));
        SimilarOutcomes inJapanese = similar("demo-supervisor").getSimilarOutcomes(target.getId(),
                Purpose.CASE_CONFERENCE, "ja");
        assertThat(inJapanese.getLanguage()).isEqualTo("ja");
        assertThat(inJapanese.getChildren()).isEqualTo(21);
        for (SimilarItem item : inJapanese.getItems()) {
            assertThat(item.getLabel()).isEqualTo(ja.get(item.getItem()).getLabel());
            assertThat(item.getState()).isEqualTo(ja.get(item.getItem()).getState());
        }
        assertThat(inJapanese.getItems().get(0).getLabel())
                .isNotEqualTo(shown.getItems().get(0).getLabel());
        assertThat(inJapanese.getMessage()).contains("類似の過去事例").contains("21人").contains("62%");

        // refused queries are not answered and leave no record
        assertThat(catchThrowableOfType(HttpClientErrorException.class, () -> similar("demo-auditor")
                .getSimilarOutcomes(target.getId(), Purpose.CASE_REVIEW, null)).getStatusCode().value())
                .isEqualTo(403);
        assertThat(catchThrowableOfType(HttpClientErrorException.class, () -> similar("demo-analyst")
                .getSimilarOutcomes(target.getId(), Purpose.CASE_REVIEW, null)).getStatusCode().value())
                .isEqualTo(403);
        assertThat(catchThrowableOfType(HttpClientErrorException.class, () -> similar("demo-caseworker")
                .getSimilarOutcomes(UUID.randomUUID(), Purpose.CASE_REVIEW, null)).getStatusCode().value())
                .isEqualTo(404);

        String path = "/api/v1/scores/" + target.getId() + "/similar-outcomes";
        assertThat(http.get(path, "demo-caseworker").statusCode()).as("no purpose").isEqualTo(400);
        assertThat(http.get(path + "?purpose=curiosity", "demo-caseworker").statusCode()).isEqualTo(400);
        assertThat(http.get(path + "?purpose=case_review", null).statusCode()).isEqualTo(401);
        assertThat(http.get("/api/v1/scores/not-a-uuid/similar-outcomes?purpose=case_review", "demo-caseworker")
                .statusCode()).isEqualTo(400);

        // one audit record per query: who, role, action, resource, purpose
        List<AuditEvent> audited = clients.audit("demo-auditor").listAuditEvents(AccessPurpose.AUDIT, 1000).stream()
                .filter(e -> "score.similar_outcomes".equals(e.getAction())).toList();
        assertThat(audited).extracting(AuditEvent::getResource).containsOnly("score/" + target.getId());
        assertThat(audited).as("each names the score's child").allSatisfy(e -> assertThat(e.getChildRefs())
                .containsExactly("SIM-T1"));
        assertThat(audited).extracting(AuditEvent::getActor, AuditEvent::getRole, AuditEvent::getPurpose)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("demo-supervisor", "supervisor", "case_conference"),
                        org.assertj.core.groups.Tuple.tuple("demo-caseworker", "caseworker", "case_review"),
                        org.assertj.core.groups.Tuple.tuple("demo-caseworker", "caseworker", "case_review"));
    }

    @Test
    void aScoresSimilarityKeyIsWrittenWhenItIsGivenAnOutcomeAndIsItsExplanation() throws Exception {
        Path cohort = Cohorts.cohort(30, 5);
        UUID id = clients.screenings("demo-supervisor").createScreening(cohort.toFile(), null).getId();
        Screenings.await(clients.screenings("demo-supervisor"), id);
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        String keyed = "SELECT COUNT(*) FROM screening_entry e WHERE e.screening_id = ? AND "
                + "EXISTS (SELECT 1 FROM score_state st WHERE st.score_id = e.score_id)";
        assertThat(jdbc.queryForObject(keyed, Long.class, id.toString())).as("no screened score has an outcome")
                .isZero();

        UUID scoreId = UUID.fromString(jdbc.queryForObject("SELECT score_id FROM screening_entry "
                + "WHERE screening_id = ? ORDER BY row_no LIMIT 1", String.class, id.toString()));
        Score screened = clients.scores("demo-caseworker").getScore(scoreId, AccessPurpose.CASE_REVIEW);
        outcome(screened, true, SupportType.POVERTY);

        assertThat(jdbc.queryForObject(keyed, Long.class, id.toString())).isOne();
        Map<String, String> states = new java.util.HashMap<>();
        Map<String, Integer> ranks = new java.util.HashMap<>();
        jdbc.query("SELECT item, state, item_rank FROM score_state WHERE score_id = ?", rs -> {
            states.put(rs.getString("item"), rs.getString("state"));
            ranks.put(rs.getString("item"), rs.getObject("item_rank") == null ? null : rs.getInt("item_rank"));
        }, scoreId.toString());
        // the key, derived again from the stored inputs, is the explanation first shown (in English, compared)
        assertThat(states).isEqualTo(screened.getContributions().stream()
                .collect(Collectors.toMap(Contribution::getItem, Contribution::getState)));
        List<String> moved = screened.getContributions().stream().filter(c -> c.getContribution() != 0)
                .map(Contribution::getItem).toList();
        assertThat(moved).isNotEmpty();
        for (int i = 0; i < moved.size(); i++) {
            assertThat(ranks.get(moved.get(i))).as(moved.get(i)).isEqualTo(i);
        }
        assertThat(ranks.values().stream().filter(java.util.Objects::isNull).count())
                .isEqualTo(screened.getContributions().size() - moved.size());
    }

    private static SimilarApi similar(String token) {
        return new SimilarApi(clients.api(token));
    }

    private static Score score(ScoreRequest request) {
        return clients.scores("demo-caseworker").createScore(request, null);
    }

    private static void outcome(Score score, boolean need, SupportType... types) {
        clients.decisions("demo-caseworker").recordOutcome(score.getId(), new OutcomeRequest().needConfirmed(need)
                .confirmedOn(LocalDate.of(2026, 1, 15)).supportTypes(new ArrayList<>(List.of(types))));
    }
}
