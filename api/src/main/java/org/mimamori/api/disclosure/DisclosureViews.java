package org.mimamori.api.disclosure;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.mimamori.api.audit.AuditEntry;
import org.mimamori.api.scoring.ScoreVisibility;
import org.mimamori.api.web.dto.Access;
import org.mimamori.api.web.dto.BandMeaning;
import org.mimamori.api.web.dto.Decision;
import org.mimamori.api.web.dto.DisclosedScore;
import org.mimamori.api.web.dto.DisclosedScreeningEntry;
import org.mimamori.api.web.dto.DisclosedShadowScore;
import org.mimamori.api.web.dto.EntryStatus;
import org.mimamori.api.web.dto.Outcome;
import org.mimamori.api.web.dto.OwnAssessment;
import org.mimamori.api.web.dto.Purpose;
import org.mimamori.api.web.dto.Score;
import org.mimamori.api.web.dto.ShadowDifference;
import org.mimamori.model.schema.LocalizedText;

/** What is held about a child, as the contract's types. */
final class DisclosureViews {

    private DisclosureViews() {
    }

    static DisclosedScore score(DisclosureStore.StoredScore s, Map<String, Object> inputs, Score score,
                                List<Decision> decisions, Outcome outcome, List<OwnAssessment> own,
                                List<DisclosedScreeningEntry> entries) {
        return new DisclosedScore(UUID.fromString(s.id()), s.versionNo(), s.supersededBy() == null,
                Purpose.fromValue(s.purpose()), s.modelVersion(), s.requestedBy(), s.requesterRole(),
                at(s.createdAt()), inputs, score, decisions, own, entries)
                .supersedes(s.supersedes() == null ? null : UUID.fromString(s.supersedes()))
                .correctionReason(s.correctionReason())
                .supersededBy(s.supersededBy() == null ? null : UUID.fromString(s.supersededBy()))
                .supersededAt(at(s.supersededAt())).outcome(outcome);
    }

    /** A shadow score, with its band's meaning when the candidate's bands are known (null otherwise). */
    static DisclosedShadowScore shadow(DisclosureStore.Shadow s, LocalizedText bandMeaning) {
        return new DisclosedShadowScore(s.shadowVersion(), s.activeVersion(), at(s.scoredAt()), s.redFlags(),
                s.differences().stream().map(d -> new ShadowDifference(d.getKey(), d.getValue())).toList())
                .probability(s.probability()).band(s.band())
                .bandMeaning(bandMeaning == null ? null : new BandMeaning(bandMeaning.ja(), bandMeaning.en()));
    }

    static DisclosedScreeningEntry entry(DisclosureStore.Entry e) {
        return new DisclosedScreeningEntry(UUID.fromString(e.screeningId()), e.entryId(),
                UUID.fromString(e.scoreId()), at(e.screenedAt()), EntryStatus.fromValue(e.status()),
                e.alreadySupported()).rank(e.rank()).reviewedBy(e.reviewedBy()).reviewedAt(at(e.reviewedAt()));
    }

    static OwnAssessment assessment(ScoreVisibility.OwnAssessment a) {
        return new OwnAssessment(OwnAssessment.LevelEnum.fromValue(a.level()), a.assessedBy(), at(a.assessedAt()))
                .note(a.note());
    }

    static Access access(AuditEntry e) {
        return new Access(at(e.at()), e.actor(), e.role(), e.action(), e.resource(), e.outcome())
                .purpose(e.purpose());
    }

    private static OffsetDateTime at(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
