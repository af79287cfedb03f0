package org.mimamori.model.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class SpellingTest {

    @Test
    void suggestsTheOneCloseCandidate() {
        List<String> items = List.of("absence_days_term", "late_days_term", "age_years");
        assertThat(Spelling.closest("absense_days_term", items)).contains("absence_days_term");
        assertThat(Spelling.closest("AGE_YEARS", items)).contains("age_years");
        assertThat(Spelling.closest("household_name", items)).isEmpty();
        assertThat(Spelling.closest("A1", List.of("A11", "A12"))).as("a tie suggests nothing").isEmpty();
        assertThat(Spelling.didYouMean("intger", List.of("integer", "number"))).isEqualTo(" (did you mean 'integer'?)");
        assertThat(Spelling.didYouMean("colour", List.of("integer", "number"))).isEmpty();
    }

    @Property
    void distanceIsAMetricOnSmallWords(@ForAll @AlphaChars @StringLength(max = 8) String a,
                                       @ForAll @AlphaChars @StringLength(max = 8) String b) {
        assertThat(Spelling.distance(a, a)).isZero();
        assertThat(Spelling.distance(a, b)).isEqualTo(Spelling.distance(b, a));
        assertThat(Spelling.distance(a, b)).isBetween(Math.abs(a.length() - b.length()), Math.max(a.length(), b.length()));
    }

    @Property
    void oneSlipIsAlwaysFound(@ForAll @AlphaChars @StringLength(min = 6, max = 12) String word) {
        String slip = word.substring(1);
        assertThat(Spelling.distance(slip, word)).isEqualTo(1);
        assertThat(Spelling.closest(slip, List.of(word))).contains(word);
    }
}
