package org.mimamori.api.scoring;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.mimamori.api.security.Caller;
import org.mimamori.api.web.dto.Band;
import org.mimamori.api.web.dto.BandMove;
import org.mimamori.api.web.dto.Contribution;
import org.mimamori.api.web.dto.Interval;
import org.mimamori.api.web.dto.ItemChange;
import org.mimamori.api.web.dto.RedFlag;
import org.mimamori.api.web.dto.Score;
import org.mimamori.api.web.dto.ScoreRequest;
import org.mimamori.api.web.dto.Warning;
import org.mimamori.model.metrics.ScoreBand;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.Item;
import org.mimamori.model.schema.ItemType;
import org.mimamori.model.scoring.Estimate;
import org.mimamori.model.scoring.ExplainedScore;
import org.mimamori.model.value.Value;

/** Turns an {@link ExplainedScore} into the contract's {@link Score}, in the caller's language. */
final class ScoreViews {

    private ScoreViews() {
    }

    static Score view(UUID id, ScoreRequest request, ExplainedScore s, FeatureSchema schema, Locale locale,
                      Instant createdAt, Caller caller) {
        List<Contribution> contributions = s.contributions().stream().map(c -> new Contribution(c.item().id(),
                c.item().label(locale), text(c.item(), c.value()), c.state(locale), c.contribution(),
                Contribution.DirectionEnum.fromValue(c.direction()))).toList();
        List<BandMove> moves = s.bandMoves().stream().map(m -> new BandMove(
                BandMove.DirectionEnum.fromValue(m.direction()), band(m.band(), locale), m.together(),
                m.changes().stream().map(ch -> new ItemChange(ch.item().id(), ch.item().label(locale), ch.from(locale),
                        ch.to(locale), ch.logitDelta())).toList())).toList();
        List<Warning> warnings = s.warnings().stream()
                .map(w -> new Warning(w.code(), w.message().in(locale)).item(w.item())).toList();
        List<RedFlag> redFlags = s.redFlags().stream().map(f -> new RedFlag(f.item(), f.message().in(locale))
                .label(schema.item(f.item()).map(i -> i.label(locale)).orElse(null))).toList();
        Score score = new Score(id, s.modelVersion(), s.schemaId(), request.getChildRef(), request.getPurpose(),
                !s.withheld(), s.target().in(locale), warnings, redFlags, s.decisionNotice().in(locale),
                createdAt.atOffset(ZoneOffset.UTC), caller.name())
                .baseline(s.baseline()).logit(s.logit()).contributions(contributions).bandMoves(moves);
        if (schema.inputs().stream().noneMatch(Item::isChangeable)) {
            score.bandMovesNote("ja".equals(locale.getLanguage())
                    ? "このモデルのスキーマは、支援や時間で変わりうる項目を示していないため、区分が変わる変化は示しません。"
                    : "This model's schema does not say which items support or time can change, so no changes "
                    + "that would move the band are offered.");
        }
        score.unrecorded(MissingInformationViews.unrecorded(s, locale))
                .missingInformation(MissingInformationViews.view(s, locale, !s.withheld()));
        Estimate e = s.estimate();
        if (e != null) {
            score.probability(e.probability()).interval(new Interval(e.low(), e.high()))
                    .band(band(e.band(), locale));
        }
        return score.priorAssessment(request.getPriorAssessment()).language(locale.getLanguage());
    }

    /** A value for people: yes/no items as {@code yes} or {@code no}, others as {@link Value#toString()}. */
    static String text(Item item, Value value) {
        if (item.type() == ItemType.YES_NO && value.isNumber()) {
            return value.number() == 1.0 ? "yes" : "no";
        }
        return value.toString();
    }

    /** A band for the reader: its id, lower bound, meaning and what it asks of staff. */
    static Band band(ScoreBand b, Locale locale) {
        return new Band(b.id(), b.meaning().in(locale)).lower(b.lower())
                .review(Band.ReviewEnum.fromValue(b.review().id())).reviewLabel(b.review().label().in(locale));
    }
}
