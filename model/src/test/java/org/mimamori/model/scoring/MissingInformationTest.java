package org.mimamori.model.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.mimamori.model.data.Case;
import org.mimamori.model.schema.Item;
import org.mimamori.model.schema.ItemType;
import org.mimamori.model.scoring.MissingInformation.MissingItem;
import org.mimamori.model.value.Value;

/**
 * What the model could not see: the unrecorded items' weight is kept apart but still adds up to the logit, and
 * {@code ifRecorded} is the exact range over every way of recording the unknown items — it contains every
 * completion's estimate and two completions attain its ends.
 */
class MissingInformationTest {

    private static final Scorer SCORER = ScorerTest.scorer(ScoringSettings.DEFAULT);

    @Property(tries = 150)
    void theRangeContainsEveryCompletionAndIsAttained(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Map<String, Value> recorded = randomCase(r, 0.45);
        Case c = Case.resolve(ScorerTest.SCHEMA, recorded);
        ExplainedScore s = SCORER.score(c);
        MissingInformation m = s.missingInformation();

        double sum = s.baseline() + s.unrecorded().contribution()
                + s.contributions().stream().mapToDouble(Contribution::contribution).sum();
        assertThat(sum).isCloseTo(s.logit(), within(1e-9));
        assertThat(s.contributions()).noneMatch(x -> x.value().kind() == Value.Kind.UNKNOWN);
        assertThat(s.unrecorded().items()).allMatch(i -> c.get(i.id()).kind() == Value.Kind.UNKNOWN);
        assertThat(s.contributions().size() + s.unrecorded().items().size())
                .isEqualTo(ScorerTest.SCHEMA.inputs().size());

        assertThat(m.logitLow()).isLessThanOrEqualTo(m.logitHigh());
        assertThat(m.low()).isLessThanOrEqualTo(m.high());
        for (int i = 0; i < 60; i++) {
            Map<String, Value> completed = new HashMap<>(recorded);
            for (Item item : ScorerTest.SCHEMA.items()) {
                if (isRecordable(item) && !recorded.containsKey(item.id())) {
                    completed.put(item.id(), randomValue(item, r));
                }
            }
            double logit = SCORER.score(Case.resolve(ScorerTest.SCHEMA, completed)).logit();
            assertThat(logit).isBetween(m.logitLow() - 1e-9, m.logitHigh() + 1e-9);
            double p = SCORER.probability(logit);
            assertThat(p).isBetween(m.low() - 1e-12, m.high() + 1e-12);
        }
        if (m.exact()) {
            assertThat(logitOf(recorded, m.lowest())).isCloseTo(m.logitLow(), within(1e-9));
            assertThat(logitOf(recorded, m.highest())).isCloseTo(m.logitHigh(), within(1e-9));
        }
        for (MissingItem item : m.items()) {
            // Recording an item replaces its unknown state: the range need not contain 0.
            assertThat(item.logitLow()).isLessThanOrEqualTo(item.logitHigh());
            assertThat(recorded).doesNotContainKey(item.item().id());
        }
    }

    @Test
    void aChildWhoseDisclosureAndInjuryAreUnrecordedHasThemCheckedFirst() {
        Map<String, Value> ordinary = ordinary();
        ordinary.remove("child_disclosed_violence");
        ordinary.remove("serious_injury_observed");
        ExplainedScore s = SCORER.score(Case.resolve(ScorerTest.SCHEMA, ordinary));
        MissingInformation m = s.missingInformation();
        assertThat(s.redFlags()).isEmpty();
        assertThat(m.redFlagPossible()).isTrue();
        assertThat(m.items()).extracting(x -> x.item().id()).startsWith("serious_injury_observed",
                "child_disclosed_violence");
        assertThat(m.items().subList(0, 2)).allMatch(MissingItem::redFlag);
    }

    @Test
    void nothingIsMissingWhenEverythingIsRecorded() {
        Map<String, Value> all = ordinary();
        ExplainedScore s = SCORER.score(Case.resolve(ScorerTest.SCHEMA, all));
        MissingInformation m = s.missingInformation();
        assertThat(s.unrecorded().contribution()).isZero();
        assertThat(s.unrecorded().items()).isEmpty();
        assertThat(m.redFlagPossible()).isFalse();
        assertThat(m.logitLow()).isEqualTo(s.logit());
        assertThat(m.logitHigh()).isEqualTo(s.logit());
    }

    @Test
    void aDerivedItemFollowsTheUnknownItemsItIsComputedFrom() {
        Map<String, Value> c = ordinary();
        c.put("absence_days_term", Value.of(10));
        c.remove("care_need_level_in_household");
        c.remove("care_service_used");
        ExplainedScore s = SCORER.score(Case.resolve(ScorerTest.SCHEMA, c));
        MissingInformation m = s.missingInformation();
        assertThat(s.contributions()).extracting(x -> x.item().id())
                .doesNotContain("young_carer_pattern", "care_need_level_in_household", "care_service_used");
        double viaLowest = logitOf(c, m.lowest());
        double viaHighest = logitOf(c, m.highest());
        assertThat(viaLowest).isCloseTo(m.logitLow(), within(1e-9));
        assertThat(viaHighest).isCloseTo(m.logitHigh(), within(1e-9));
        assertThat(m.items()).extracting(x -> x.item().id()).contains("care_need_level_in_household");
    }

    /** A 9-year-old with everything recorded and nothing of note. */
    static Map<String, Value> ordinary() {
        Map<String, Value> m = new HashMap<>();
        for (Item item : ScorerTest.SCHEMA.items()) {
            if (isRecordable(item)) {
                m.put(item.id(), item.type() == ItemType.YES_NO ? Value.NO
                        : item.type() == ItemType.CATEGORICAL ? Value.category(item.categories().get(0))
                        : Value.of(item.min() == null ? 0 : item.min()));
            }
        }
        m.put("age_years", Value.of(9));
        m.put("household_size", Value.of(3));
        m.put("nursery_enrolled", Value.NO);
        return m;
    }

    private static double logitOf(Map<String, Value> recorded, Map<String, Value> completion) {
        Map<String, Value> all = new HashMap<>(recorded);
        all.putAll(completion);
        return SCORER.score(Case.resolve(ScorerTest.SCHEMA, all)).logit();
    }

    private static boolean isRecordable(Item item) {
        return !item.isDerived() && (item.isInput() || item.role() == org.mimamori.model.schema.Role.RED_FLAG)
                && item.type() != ItemType.TEXT;
    }

    private static Map<String, Value> randomCase(SplittableRandom r, double unknownShare) {
        Map<String, Value> m = new HashMap<>();
        for (Item item : ScorerTest.SCHEMA.items()) {
            if (isRecordable(item) && r.nextDouble() >= unknownShare) {
                m.put(item.id(), randomValue(item, r));
            }
        }
        return m;
    }

    private static Value randomValue(Item item, SplittableRandom r) {
        return switch (item.type()) {
            case YES_NO -> r.nextBoolean() ? Value.YES : Value.NO;
            case CATEGORICAL -> Value.category(item.categories().get(r.nextInt(item.categories().size())));
            default -> {
                double lo = item.min() == null ? 0 : item.min();
                double hi = item.max() == null ? lo + 100 : item.max();
                double x = lo + r.nextDouble() * (hi - lo);
                yield Value.of(item.type().isWholeNumber() ? Math.floor(x) : x);
            }
        };
    }

    static List<String> ids(List<MissingItem> items) {
        return items.stream().map(x -> x.item().id()).toList();
    }
}
