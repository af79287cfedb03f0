package org.mimamori.api.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The one rule for the reader's language (scores, labels and problems). */
class LanguagesTest {

    @Test
    void japaneseOnlyWhenAskedFirst() {
        assertThat(Languages.of("ja")).isEqualTo(Locale.JAPANESE);
        assertThat(Languages.of("ja-JP,en;q=0.5")).isEqualTo(Locale.JAPANESE);
        assertThat(Languages.of("en-US,ja;q=0.5")).isEqualTo(Locale.ENGLISH);
        assertThat(Languages.of(null)).isEqualTo(Locale.ENGLISH);
        assertThat(Languages.of("!!")).isEqualTo(Locale.ENGLISH);
    }
}
