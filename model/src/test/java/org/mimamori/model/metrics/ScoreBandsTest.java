package org.mimamori.model.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mimamori.model.schema.LocalizedText;

class ScoreBandsTest {

    private final ScoreBands defaults = ScoreBands.defaults();

    @Test
    void defaultsAreFiveBandsAboutSimilarPastCasesNeverAboutAbuse() {
        assertThat(defaults.bands()).extracting(ScoreBand::id)
                .containsExactly("very_low", "low", "moderate", "high", "very_high");
        assertThat(defaults.thresholds()).containsExactly(0, 0.05, 0.15, 0.3, 0.5);
        assertThat(defaults.bands()).allSatisfy(b -> {
            assertThat(b.meaning().en()).contains("similar past cases had a confirmed need for support")
                    .doesNotContainIgnoringCase("abuse").doesNotContainIgnoringCase("risk");
            assertThat(b.meaning().ja()).startsWith("類似の過去事例のうち").doesNotContain("虐待").doesNotContain("リスク");
        });
        assertThat(defaults.band(0.2).meaning()).isEqualTo(new LocalizedText(
                "類似の過去事例のうち、支援の必要性が確認された割合が中程度（15%以上30%未満）",
                "Moderate: a share of 15% to under 30% of similar past cases had a confirmed need for support"));
        assertThat(defaults.band(0.01).meaning().en()).contains("under 5%");
        assertThat(defaults.band(0.7).meaning().ja()).contains("50%以上");
    }

    @Test
    void eachBandIncludesItsLowerBoundAndExcludesTheNextOne() {
        assertThat(defaults.band(0).id()).isEqualTo("very_low");
        assertThat(defaults.band(0.0499).id()).isEqualTo("very_low");
        assertThat(defaults.band(0.05).id()).isEqualTo("low");
        assertThat(defaults.band(0.15).id()).isEqualTo("moderate");
        assertThat(defaults.band(0.2999).id()).isEqualTo("moderate");
        assertThat(defaults.band(0.3).id()).isEqualTo("high");
        assertThat(defaults.band(0.5).id()).isEqualTo("very_high");
        assertThat(defaults.band(1).id()).isEqualTo("very_high");
        for (double bad : new double[] {-0.01, 1.01, Double.NaN}) {
            assertThatThrownBy(() -> defaults.band(bad)).hasMessageContaining("not in [0, 1]");
        }
    }

    @Test
    void parsesOtherBoundsAndRejectsInvalidOnes() {
        assertThat(ScoreBands.parse("0, 0.2, 0.6").bands()).extracting(ScoreBand::id)
                .containsExactly("low", "moderate", "high");
        ScoreBands two = ScoreBands.parse("0,0.125");
        assertThat(two.bands()).extracting(ScoreBand::id).containsExactly("band_1", "band_2");
        assertThat(two.band(0.9).meaning().en()).startsWith("A share of 12.5% or more");
        assertThatThrownBy(() -> ScoreBands.parse("0.1,0.5")).hasMessageContaining("must start at 0");
        assertThatThrownBy(() -> ScoreBands.parse("0,0.5,0.3")).hasMessageContaining("increase strictly");
        assertThatThrownBy(() -> ScoreBands.parse("0,x")).hasMessageContaining("'x' is not a number");
        assertThatThrownBy(() -> ScoreBands.parse("0,1")).hasMessageContaining("not in [0, 1)");
        assertThatThrownBy(() -> new ScoreBands(List.of(new ScoreBand("a", 0, LocalizedText.of("a")),
                new ScoreBand("a", 0.5, LocalizedText.of("b"))))).hasMessageContaining("duplicate band id 'a'");
    }

    @Test
    void evaluatesEachBandAsIfFlaggingAtItsLowerBound() {
        ScoreBands bands = ScoreBands.parse("0,0.3,0.6");
        double[] p = {0.1, 0.2, 0.35, 0.4, 0.5, 0.7, 0.9, 0.65};
        boolean[] y = {false, true, false, true, true, true, false, true};
        List<BandStats> stats = bands.evaluate(p, y);
        double nan = Double.NaN;
        // low: all 8 flagged (TP 5, FP 3); inside: 0.1-, 0.2+
        assertThat(stats.get(0)).isEqualTo(new BandStats("low", 0, 0.3, 2, 1, 0.5, 1, 1, 1, 5.0 / 8, nan));
        // moderate: flagged 0.35- 0.4+ 0.5+ 0.7+ 0.9- 0.65+ -> TP 4, FP 2, FN 1, TN 1
        assertThat(stats.get(1)).isEqualTo(
                new BandStats("moderate", 0.3, 0.6, 3, 2, 2.0 / 3, 6.0 / 8, 4.0 / 5, 2.0 / 3, 4.0 / 6, 1.0 / 2));
        // high: flagged 0.7+ 0.9- 0.65+ -> TP 2, FP 1, FN 3, TN 2
        assertThat(stats.get(2)).isEqualTo(
                new BandStats("high", 0.6, 1, 3, 2, 2.0 / 3, 3.0 / 8, 2.0 / 5, 1.0 / 3, 2.0 / 3, 2.0 / 5));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} bands")
    @org.junit.jupiter.params.provider.CsvSource({"2, 'ROUTINE,OUTREACH', 0.5", "3, 'ROUTINE,CONSIDER,OUTREACH', 0.5",
        "5, 'ROUTINE,ROUTINE,CONSIDER,OUTREACH,OUTREACH', 0.3",
        "7, 'ROUTINE,ROUTINE,ROUTINE,CONSIDER,OUTREACH,OUTREACH,OUTREACH', 0.4"})
    void everyBandDeclaresWhatItAsksOfStaff(int count, String reviews, double threshold) {
        String bounds = switch (count) {
            case 2 -> "0,0.5";
            case 3 -> "0,0.2,0.5";
            case 5 -> ScoreBands.DEFAULT_THRESHOLDS;
            default -> "0,0.05,0.1,0.2,0.4,0.6,0.8";
        };
        ScoreBands bands = ScoreBands.parse(bounds);
        assertThat(bands.bands()).extracting(b -> b.review().name()).containsExactly(reviews.split(","));
        assertThat(bands.outreachThreshold()).isEqualTo(threshold);
        assertThat(bands.bands().stream().filter(ScoreBand::flagged).count())
                .isEqualTo(java.util.Arrays.stream(reviews.split(",")).filter("OUTREACH"::equals).count());
    }

    @Test
    void reviewMeaningsMustRiseWithTheBands() {
        ScoreBands five = ScoreBands.defaults();
        java.util.List<ScoreBand> swapped = new java.util.ArrayList<>(five.bands());
        swapped.set(0, swapped.get(0).withReview(BandReview.OUTREACH));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ScoreBands(swapped))
                .hasMessageContaining("review meanings must rise");
        ScoreBands onlyTop = five.withReviews(0.5, 0.05);
        assertThat(onlyTop.bands()).extracting(b -> b.review().name())
                .containsExactly("ROUTINE", "CONSIDER", "CONSIDER", "CONSIDER", "OUTREACH");
    }
}
