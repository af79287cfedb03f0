package org.mimamori.model.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/**
 * Random corruption of a sound bundle's entries is always refused, with a problem naming the corrupted entry
 * in plain words (no Java class names, no stack traces).
 */
class BundleCorruptionPropertyTest {

    private static final Pattern NUMBER = Pattern.compile("(?<=[:\\[,]\\s{0,20})-?[0-9][0-9.eE+-]*");
    private static final Pattern JAVA_NAME = Pattern.compile("(java|org|com)\\.[a-z]+\\.|Exception|\\tat ");

    @Property(tries = 40)
    void aTruncatedJsonEntryIsRefusedNamingIt(@ForAll("jsonEntries") String entry,
                                              @ForAll @DoubleRange(min = 0, max = 0.99) double where) {
        Map<String, byte[]> entries = ValidBundle.entries(ValidBundle.bytes());
        byte[] content = entries.get(entry);
        entries.put(entry, Arrays.copyOf(content, (int) (where * content.length)));
        assertRefusedNaming(entries, entry);
    }

    @Property(tries = 40)
    void aNumberMadeNonFiniteOrHugeIsRefusedNamingTheEntry(@ForAll("numericEntries") String entry,
                                                           @ForAll("badNumbers") String bad,
                                                           @ForAll @DoubleRange(min = 0, max = 0.99) double which) {
        Map<String, byte[]> entries = ValidBundle.entries(ValidBundle.bytes());
        String text = new String(entries.get(entry), StandardCharsets.UTF_8);
        Matcher m = NUMBER.matcher(text);
        int count = (int) m.results().count();
        Matcher pick = NUMBER.matcher(text);
        for (int i = 0; i <= (int) (which * count); i++) {
            pick.find();
        }
        String changed = text.substring(0, pick.start()) + bad + text.substring(pick.end());
        entries.put(entry, changed.getBytes(StandardCharsets.UTF_8));
        assertRefusedNaming(entries, entry);
    }

    private static void assertRefusedNaming(Map<String, byte[]> entries, String entry) {
        assertThatThrownBy(() -> ModelBundle.read(BundleZipTest.zipOf(entries)))
                .isInstanceOfSatisfying(InvalidBundleException.class, e -> {
                    assertThat(e.problems()).extracting(BundleProblem::entry).contains(entry);
                    assertThat(e.problems()).allSatisfy(p -> assertThat(p.toString()).doesNotContainPattern(JAVA_NAME));
                });
    }

    @Provide
    Arbitrary<String> jsonEntries() {
        return Arbitraries.of("manifest.json", "encoder.json", "scorecard.json", "calibration.json", "ensemble.json",
                "bands.json", "scoring-settings.json", "reference.json", "probes.json", "metrics.json");
    }

    @Provide
    Arbitrary<String> numericEntries() {
        return Arbitraries.of("scorecard.json", "ensemble.json", "calibration.json", "probes.json");
    }

    @Provide
    Arbitrary<String> badNumbers() {
        return Arbitraries.of("1e308", "-1e308", "NaN", "Infinity", "-Infinity", "1e309", "4.2e5");
    }
}
