package org.mimamori.api.disclosure;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mimamori.api.audit.AuditEntry;
import org.mimamori.api.audit.AuditTrail;
import org.mimamori.api.decisions.DecisionRecords;
import org.mimamori.api.decisions.DecisionRow;
import org.mimamori.api.decisions.DecisionViews;
import org.mimamori.api.decisions.OutcomeRow;
import org.mimamori.api.problems.FieldProblem;
import org.mimamori.api.problems.InvalidRequestException;
import org.mimamori.api.scoring.ScoreVisibility;
import org.mimamori.api.scoring.StoredResponses;
import org.mimamori.api.security.Caller;
import org.mimamori.api.web.dto.Access;
import org.mimamori.api.web.dto.AccessPurpose;
import org.mimamori.api.web.dto.Decision;
import org.mimamori.api.web.dto.DisclosedScore;
import org.mimamori.api.web.dto.DisclosedScreeningEntry;
import org.mimamori.api.web.dto.Disclosure;
import org.mimamori.api.web.dto.OwnAssessment;
import org.mimamori.api.web.dto.Score;
import org.mimamori.api.models.ModelBands;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gathers everything held about one child, and who accessed it, in one transaction with the request's audit
 * record (written after the accesses are read, so a disclosure lists earlier disclosures, not itself). Scores are
 * given as stored, with their version marks from the columns of {@code score}; privacy officers see every number
 * (judgement-first mode is about caseworkers deciding a case).
 */
@Service
class DisclosureService {

    private static final TypeReference<Map<String, Object>> ITEMS = new TypeReference<>() {
    };

    private final DisclosureStore store;
    private final DecisionRecords decisions;
    private final ScoreVisibility assessments;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final StoredResponses responses;
    private final Clock clock;
    private final ModelBands bands;

    DisclosureService(DisclosureStore store, DecisionRecords decisions, ScoreVisibility assessments,
                      AuditTrail audit, ObjectMapper json, StoredResponses responses, Clock clock,
                      ModelBands bands) {
        this.responses = responses;
        this.clock = clock;
        this.bands = bands;
        this.store = store;
        this.decisions = decisions;
        this.assessments = assessments;
        this.audit = audit;
        this.json = json;
    }

    @Transactional
    Disclosure disclose(String childRef, AccessPurpose purpose, Caller caller) {
        if (purpose != AccessPurpose.DISCLOSURE_REQUEST) {
            throw new InvalidRequestException(List.of(new FieldProblem("purpose", "disclosure_request でなければ"
                    + "なりません：子どもについて保有している記録は、家族からの開示請求のためにだけ読み出します",
                    "must be disclosure_request: "
                    + "what is held about a child is read only for a family's disclosure request")));
        }
        List<DisclosureStore.StoredScore> scores = store.scoresOf(childRef);
        List<String> ids = scores.stream().map(DisclosureStore.StoredScore::id).toList();
        List<DecisionRow> decided = decisions.decisionsOf(ids);
        List<OutcomeRow> outcomes = decisions.outcomesOf(ids);
        Map<String, List<Decision>> byScore = new LinkedHashMap<>();
        decided.forEach(d -> byScore.computeIfAbsent(d.scoreId(), k -> new ArrayList<>()).add(DecisionViews.view(d)));
        Map<String, OutcomeRow> outcomeOf = new LinkedHashMap<>();
        outcomes.forEach(o -> outcomeOf.put(o.scoreId(), o));
        Map<String, List<OwnAssessment>> own = new LinkedHashMap<>();
        assessments.assessmentsOf(ids).forEach(a -> own.computeIfAbsent(a.scoreId(), k -> new ArrayList<>())
                .add(DisclosureViews.assessment(a)));
        Map<String, List<DisclosedScreeningEntry>> entries = new LinkedHashMap<>();
        List<DisclosureStore.Entry> screened = store.screeningEntriesOf(childRef);
        screened.forEach(e -> entries.computeIfAbsent(e.scoreId(),
                k -> new ArrayList<>()).add(DisclosureViews.entry(e)));

        Map<String, DisclosureStore.Shadow> shadows = store.shadowsOf(ids);

        List<DisclosedScore> disclosed = new ArrayList<>();
        for (DisclosureStore.StoredScore s : scores) {
            OutcomeRow o = outcomeOf.get(s.id());
            DisclosureStore.Shadow shadow = shadows.get(s.id());
            disclosed.add(DisclosureViews.score(s, inputs(s.requestJson()), score(s),
                    byScore.getOrDefault(s.id(), List.of()), o == null ? null : DecisionViews.view(o),
                    own.getOrDefault(s.id(), List.of()), entries.getOrDefault(s.id(), List.of()))
                    .shadow(shadow == null ? null : DisclosureViews.shadow(shadow, bandMeaning(shadow))));
        }
        List<String> resources = new ArrayList<>();
        ids.forEach(id -> resources.add("score/" + id));
        decided.forEach(d -> resources.add("decision/" + d.id()));
        outcomes.forEach(o -> resources.add("outcome/" + o.id()));
        List<String> screenings = screened.stream()
                .map(e -> "screening/" + e.screeningId()).distinct().toList();
        List<Access> accesses = store.accessesOf(childRef, resources, screenings).stream()
                .map(DisclosureViews::access).toList();

        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        audit.record(AuditEntry.ok(now, caller.name(), caller.role(), "child.disclosure",
                DisclosureStore.childResource(childRef), purpose.getValue()).touching(List.of(childRef)));
        return new Disclosure(childRef, now.atOffset(ZoneOffset.UTC), caller.name(), disclosed, accesses);
    }

    /** What the candidate's band means, from its registered bundle; null when withheld or no longer registered. */
    private org.mimamori.model.schema.LocalizedText bandMeaning(DisclosureStore.Shadow s) {
        if (s.band() == null) {
            return null;
        }
        try {
            return bands.bands(s.shadowVersion()).byId(s.band()).map(b -> b.meaning()).orElse(null);
        } catch (org.mimamori.api.problems.NotFoundException e) {
            return null;
        }
    }

    /** The inputs as recorded: the stored request's {@code items}. */
    private Map<String, Object> inputs(String requestJson) {
        try {
            JsonNode items = json.readTree(requestJson).path("items");
            return items.isObject() ? json.convertValue(items, ITEMS) : Map.of();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored score request cannot be read", e);
        }
    }

    /** The response as first given ({@link StoredResponses}), with the version marks of its columns. */
    private Score score(DisclosureStore.StoredScore s) {
        try {
            Score score = json.readValue(responses.response(s.response()), Score.class);
            return score.supersedes(s.supersedes() == null ? null : UUID.fromString(s.supersedes()))
                    .correctionReason(s.correctionReason())
                    .supersededBy(s.supersededBy() == null ? null : UUID.fromString(s.supersededBy()))
                    .supersededAt(s.supersededAt() == null ? null : s.supersededAt().atOffset(ZoneOffset.UTC));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored score cannot be read", e);
        }
    }
}
