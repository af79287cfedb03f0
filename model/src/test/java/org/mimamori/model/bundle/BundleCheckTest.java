package org.mimamori.model.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mimamori.model.bundle.BundleZipTest.assertRefused;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every entry is parsed and checked, and every problem is named in plain words. */
class BundleCheckTest {

    private static final String NUMBER = "-?[0-9][0-9.eE+-]*";
    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
    /** Three English words in a row: an English sentence inside a Japanese one. */
    private static final Pattern ENGLISH_WORDS = Pattern.compile("[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}");

    @ParameterizedTest
    @ValueSource(strings = {"1e308", "-1e308", "NaN", "Infinity", "1e309", "1500"})
    void aScorecardWeightThatIsNotAFiniteNumberOfPlausibleSizeIsRefusedNamingTheState(String bad) {
        byte[] zip = ValidBundle.with("scorecard.json", t -> t.replaceFirst("\"weight\"\\s*:\\s*" + NUMBER,
                "\"weight\" : " + bad));
        assertRefused(zip, "scorecard.json", "the weight of ");
        assertRefused(zip, "scorecard.json", "not a finite number");
    }

    @Test
    void aNonFiniteBiasBaselineOrItemMeanIsRefused() {
        assertRefused(ValidBundle.with("scorecard.json", t -> t.replaceFirst("\"bias\"\\s*:\\s*" + NUMBER,
                "\"bias\" : Infinity")), "scorecard.json", "the bias is not a finite number");
        assertRefused(ValidBundle.with("scorecard.json", t -> t.replaceFirst("\"baseline\"\\s*:\\s*" + NUMBER,
                "\"baseline\" : NaN")), "scorecard.json", "the baseline is not a finite number");
        assertRefused(ValidBundle.with("scorecard.json", t -> t.replaceFirst("\"itemMeans\"\\s*:\\s*\\[\\s*" + NUMBER,
                "\"itemMeans\" : [ 1e308")), "scorecard.json", "the mean weight of ");
    }

    @Test
    void aMissingOrUnknownStateWeightIsRefused() {
        assertRefused(ValidBundle.with("scorecard.json", t -> t.replaceFirst("\"feature\"\\s*:\\s*\"[^\"]+\"",
                "\"feature\" : \"no_such@state\"")), "scorecard.json", "has a weight for no_such@state");
        assertRefused(ValidBundle.with("scorecard.json", t -> t.replaceFirst("\"feature\"\\s*:\\s*\"[^\"]+\"",
                "\"feature\" : \"no_such@state\"")), "scorecard.json", "has no weight for ");
    }

    @Test
    void aChangedWeightDisagreesWithTheTribuoModelAndTheProbes() {
        byte[] zip = ValidBundle.with("scorecard.json", t -> t.replaceFirst("\"weight\"\\s*:\\s*" + NUMBER,
                "\"weight\" : 0.987654321"));
        assertRefused(zip, "scorecard.json", "but the Tribuo model's is");
    }

    @Test
    void anEnsembleMemberWithABadOrMissingWeightIsRefused() {
        assertRefused(ValidBundle.with("ensemble.json", t -> t.replaceFirst("\"weights\"\\s*:\\s*\\[\\s*\\[\\s*" + NUMBER,
                "\"weights\" : [ [ NaN")), "ensemble.json", "member 1: the weight of ");
        assertRefused(ValidBundle.with("ensemble.json", t -> t.replaceFirst("\"weights\"\\s*:\\s*\\[\\s*\\[\\s*" + NUMBER
                + "\\s*,", "\"weights\" : [ [")), "ensemble.json", "member 1 has ");
        assertRefused(ValidBundle.with("ensemble.json", t -> t.replaceFirst("\"features\"\\s*:\\s*\\[\\s*\"[^\"]+\"",
                "\"features\" : [ \"extra@state\"")), "ensemble.json", "extra@state, which is not a state");
        assertRefused(ValidBundle.with("ensemble.json", t -> t.replaceFirst("\"biases\"\\s*:\\s*\\[\\s*" + NUMBER,
                "\"biases\" : [ -1e308")), "ensemble.json", "member 1: the bias is");
    }

    @Test
    void aPlattCalibrationThatIsNotFiniteOrSlopesDownIsRefused() {
        assertRefused(ValidBundle.withBytes("calibration.json", "{\"kind\":\"platt\",\"a\":NaN,\"b\":0}".getBytes()),
                "calibration.json", "Platt parameters must be finite");
        assertRefused(ValidBundle.withBytes("calibration.json", "{\"kind\":\"platt\",\"a\":-1,\"b\":0}".getBytes()),
                "calibration.json", "a >= 0");
        assertRefused(ValidBundle.withBytes("calibration.json", "{\"kind\":\"platt\",\"a\":1e300,\"b\":0}".getBytes()),
                "calibration.json", "the Platt slope is");
        assertRefused(ValidBundle.withBytes("calibration.json", "{\"kind\":\"magic\"}".getBytes()),
                "calibration.json", "unknown kind 'magic'");
    }

    @Test
    void anIsotonicCalibrationThatIsUnsortedOrOutsideZeroToOneIsRefused() {
        assertRefused(ValidBundle.withBytes("calibration.json", ("{\"kind\":\"isotonic\",\"logits\":[1,0],"
                + "\"probabilities\":[0.2,0.3],\"epsilon\":0.001}").getBytes()), "calibration.json", "strictly increasing");
        assertRefused(ValidBundle.withBytes("calibration.json", ("{\"kind\":\"isotonic\",\"logits\":[0,1],"
                + "\"probabilities\":[0.2,1.5],\"epsilon\":0.001}").getBytes()), "calibration.json", "non-decreasing");
    }

    @Test
    void bandsThatDoNotStartAtZeroOrDoNotIncreaseAreRefused() {
        assertRefused(ValidBundle.with("bands.json", t -> t.replaceFirst("\"lower\"\\s*:\\s*0\\.0", "\"lower\" : 0.01")),
                "bands.json", "the first band must start at 0");
        assertRefused(ValidBundle.with("bands.json", t -> t.replace("\"lower\" : 0.5", "\"lower\" : 0.1")),
                "bands.json", "must increase strictly");
        assertRefused(ValidBundle.with("bands.json", t -> t.replace("\"lower\" : 0.5", "\"lower\" : 1.5")),
                "bands.json", "is not in [0, 1)");
    }

    @Test
    void scoringSettingsOutOfRangeAreRefusedNamingTheSetting() {
        assertRefused(ValidBundle.with("scoring-settings.json", t -> t.replace("0.95", "1.5")),
                "scoring-settings.json", "the interval level 1.5 is not between 0 and 1");
    }

    @Test
    void aBrokenSchemaIsRefusedWithItsOwnProblems() {
        assertRefused(ValidBundle.with("schema.yaml", t -> t.replaceFirst("type: integer", "type: wibble")),
                "schema.yaml", "line ");
    }

    @Test
    void referenceStatisticsThatDoNotFitTheEncoderAreRefused() {
        assertRefused(ValidBundle.with("reference.json", t -> t.replaceFirst("\"unknownShare\"\\s*:\\s*" + NUMBER,
                "\"unknownShare\" : 1.5")), "reference.json", "not shares in [0, 1]");
        assertRefused(ValidBundle.with("reference.json", t -> t.replaceFirst("\"stateFrequencies\"\\s*:\\s*\\[\\s*"
                + NUMBER + "\\s*,", "\"stateFrequencies\" : [")), "reference.json", "state shares for the encoder's");
    }

    @Test
    void aTribuoModelThatIsNotOneIsRefused() {
        assertRefused(ValidBundle.withBytes("model.tribuo.pb", "not protobuf at all".getBytes()), "model.tribuo.pb",
                "");
    }

    @Test
    void probesThatTheBundleNoLongerReproducesAreRefused() {
        assertRefused(ValidBundle.with("probes.json", t -> t.replaceFirst("\"logit\"\\s*:\\s*" + NUMBER,
                "\"logit\" : 3.25")), "probes.json", "probe 1 was scored logit 3.25");
    }

    @Test
    void aBundleWithoutProbesIsAcceptedWithAWarning() {
        ModelBundle b = ModelBundle.read(ValidBundle.withBytes("probes.json", null));
        assertThat(b.warnings()).singleElement().asString().contains("probes.json is missing");
    }

    @Test
    void holdoutMetricsThatAreNotInternallyConsistentAreRefused() {
        assertRefused(ValidBundle.with("metrics.json", t -> t.replaceFirst("\"ece\"\\s*:\\s*" + NUMBER,
                "\"ece\" : 0.5")), "metrics.json", "is not what its calibration table gives");
        assertRefused(ValidBundle.with("metrics.json", t -> t.replaceFirst("\"holdout_cases\"\\s*:\\s*[0-9]+",
                "\"holdout_cases\" : 7")), "metrics.json", "holdout_cases is 7");
        assertRefused(ValidBundle.with("metrics.json", t -> t.replaceFirst("\"tpr\"\\s*:\\s*" + NUMBER,
                "\"tpr\" : 0.123")), "metrics.json", "are not what its counts give");
    }

    @Test
    void missingAndEmptyRequiredEntriesAreAllNamed() {
        byte[] zip = ValidBundle.withBytes("scorecard.json", new byte[0]);
        byte[] both = BundleZipTest.zipOf(withRemoved(ValidBundle.entries(zip), "bands.json"));
        assertRefused(both, "scorecard.json", "is empty");
        assertRefused(both, "bands.json", "is missing");
    }

    @Test
    void problemsInSeveralEntriesAreAllReportedAtOnce() {
        java.util.Map<String, byte[]> entries = ValidBundle.entries(ValidBundle.with("scorecard.json",
                t -> t.replaceFirst("\"bias\"\\s*:\\s*" + NUMBER, "\"bias\" : NaN")));
        entries.put("scoring-settings.json", "{\"intervalLevel\":2,\"maxIntervalWidth\":0.25,\"maxUnknownShare\":0.5}"
                .getBytes());
        assertThatThrownBy(() -> ModelBundle.read(BundleZipTest.zipOf(entries)))
                .isInstanceOfSatisfying(InvalidBundleException.class, e -> assertThat(e.problems())
                        .extracting(BundleProblem::entry).contains("scorecard.json", "scoring-settings.json"));
    }

    @Test
    void everyProblemIsWordedInJapaneseWithTheEnglishAsBefore() {
        assertBilingual(ValidBundle.with("scorecard.json", t -> t.replaceFirst("\"bias\"\\s*:\\s*" + NUMBER,
                "\"bias\" : Infinity")), "scorecard.json", "the bias is not a finite number");
        assertBilingualSaying(ValidBundle.with("scorecard.json", t -> t.replaceAll("\"weight\"\\s*:\\s*" + NUMBER,
                "\"weight\" : 1500")), "scorecard.json", "is 1500.0, not a finite number of plausible size (at most "
                + "±1000)");
        assertBilingual(ValidBundle.with("ensemble.json", t -> t.replaceFirst("\"features\"\\s*:\\s*\\[\\s*\"[^\"]+\"",
                "\"features\" : [ \"extra@state\"")), "ensemble.json",
                "lists the feature extra@state, which is not a state of the encoder");
        byte[] magic = "{\"kind\":\"magic\"}".getBytes(StandardCharsets.UTF_8);
        assertBilingual(ValidBundle.withBytes("calibration.json", magic), "calibration.json",
                "has an unknown kind 'magic'");
        byte[] platt = "{\"kind\":\"platt\",\"a\":NaN,\"b\":0}".getBytes(StandardCharsets.UTF_8);
        assertBilingualSaying(ValidBundle.withBytes("calibration.json", platt), "calibration.json",
                "has an impossible value: Platt parameters must be finite");
        assertBilingualSaying(ValidBundle.with("reference.json", t -> t.replaceFirst("\"unknownShare\"\\s*:\\s*"
                + NUMBER, "\"unknownShare\" : 1.5")), "reference.json",
                "are not shares in [0, 1] adding up to at most 1");
        byte[] notProtobuf = "not protobuf at all".getBytes(StandardCharsets.UTF_8);
        assertBilingual(ValidBundle.withBytes("model.tribuo.pb", notProtobuf), "model.tribuo.pb",
                "is not a Tribuo model in protobuf form");
        assertBilingualSaying(ValidBundle.with("probes.json", t -> t.replaceFirst("\"logit\"\\s*:\\s*" + NUMBER,
                "\"logit\" : 3.25")), "probes.json", "probe 1 was scored logit 3.25, probability ");
        assertBilingualSaying(ValidBundle.with("metrics.json", t -> t.replaceFirst("\"holdout_cases\"\\s*:\\s*[0-9]+",
                "\"holdout_cases\" : 7")), "metrics.json", "holdout_cases is 7, but the holdout evaluation counts ");
        assertBilingualSaying(ValidBundle.with("schema.yaml", t -> t.replaceFirst("type: integer", "type: wibble")),
                "schema.yaml", "line ");
        byte[] both = BundleZipTest.zipOf(withRemoved(ValidBundle.entries(ValidBundle.withBytes("scorecard.json",
                new byte[0])), "bands.json"));
        assertBilingual(both, "scorecard.json", "is empty");
        assertBilingual(both, "bands.json", "is missing; every model bundle has it");
        assertBilingual(new byte[0], BundleProblem.FILE, "is empty");
        assertBilingual("hello".getBytes(StandardCharsets.UTF_8), BundleProblem.FILE,
                "is not a zip file (it does not start with a zip entry)");
        assertBilingual(BundleZipTest.zipOf(Map.of("../x", new byte[] {1})), BundleProblem.FILE,
                "holds an entry named '../x', which points outside the bundle");
    }

    @Test
    void theModelPartsOwnChecksReadInJapaneseWithoutEnglishWords() {
        byte[] platt = "{\"kind\":\"platt\",\"a\":-1,\"b\":0}".getBytes(StandardCharsets.UTF_8);
        byte[] isotonic = ("{\"kind\":\"isotonic\",\"logits\":[1,0],\"probabilities\":[0.2,0.3],"
                + "\"epsilon\":0.001}").getBytes(StandardCharsets.UTF_8);
        Map<byte[], String> refusals = new java.util.LinkedHashMap<>();
        refusals.put(platt, "calibration.json");
        refusals.put(isotonic, "calibration.json");
        refusals.put(ValidBundle.with("bands.json", t -> t.replaceFirst("\"lower\"\\s*:\\s*0\\.0", "\"lower\" : 0.01")),
                "bands.json");
        refusals.put(ValidBundle.with("bands.json", t -> t.replace("\"lower\" : 0.5", "\"lower\" : 0.1")), "bands.json");
        refusals.put(ValidBundle.with("bands.json", t -> t.replace("\"lower\" : 0.5", "\"lower\" : 1.5")), "bands.json");
        refusals.put(ValidBundle.with("scoring-settings.json", t -> t.replace("0.95", "1.5")), "scoring-settings.json");
        refusals.put(ValidBundle.with("encoder.json", t -> t.replaceFirst("\"schemaId\"\\s*:\\s*\"[^\"]+\"",
                "\"schemaId\" : \"another-schema\"")), "encoder.json");
        refusals.put(ValidBundle.with("encoder.json", t -> t.replaceFirst("\"item\"\\s*:\\s*\"[^\"]+\"",
                "\"item\" : \"no_such_item\"")), "encoder.json");
        refusals.put(ValidBundle.with("schema.yaml", t -> t.replaceFirst("type: integer", "type: wibble")),
                "schema.yaml");
        refusals.forEach((zip, entry) -> {
            byte[] bundle = entry.equals("calibration.json") ? ValidBundle.withBytes(entry, zip) : zip;
            assertThatThrownBy(() -> ModelBundle.read(bundle)).isInstanceOfSatisfying(InvalidBundleException.class,
                    e -> assertThat(e.problems()).filteredOn(p -> p.entry().equals(entry)).isNotEmpty()
                            .allSatisfy(p -> assertThat(p.text().ja()).as(p.message())
                                    .containsPattern(JAPANESE).doesNotContainPattern(ENGLISH_WORDS)));
        });
    }

    @Test
    void aSchemaProblemIsWordedInJapaneseAsTheSchemaLoaderWordsIt() {
        byte[] zip = ValidBundle.with("schema.yaml", t -> t.replaceFirst("type: integer", "type: wibble"));
        assertThatThrownBy(() -> ModelBundle.read(zip)).isInstanceOfSatisfying(InvalidBundleException.class,
                e -> assertThat(e.problems()).filteredOn(p -> p.entry().equals("schema.yaml"))
                        .anySatisfy(p -> {
                            assertThat(p.message()).matches("line [0-9]+: items\\[[0-9]+\\]\\.type: unknown type "
                                    + "'wibble' \\(one of: .*\\)");
                            assertThat(p.text().ja()).matches("[0-9]+ 行目の items\\[[0-9]+\\]\\.type に問題があります："
                                    + "type 'wibble' はありません（次のいずれか：.*）");
                        }));
    }

    /** {@link #assertBilingual}, with one problem of the entry whose English is exactly {@code english}. */
    private static void assertBilingual(byte[] zip, String entry, String english) {
        assertBilingual(zip, entry, english, true);
    }

    /** {@link #assertBilingual}, with one problem of the entry whose English contains {@code words}. */
    private static void assertBilingualSaying(byte[] zip, String entry, String words) {
        assertBilingual(zip, entry, words, false);
    }

    /**
     * The bundle is refused; every problem has its Japanese (with Japanese characters) and its English (without),
     * read through {@code message()}, {@code toString()} and the exception's message as before.
     */
    private static void assertBilingual(byte[] zip, String entry, String english, boolean exact) {
        assertThatThrownBy(() -> ModelBundle.read(zip)).isInstanceOfSatisfying(InvalidBundleException.class, e -> {
            assertThat(e.problems()).allSatisfy(p -> {
                assertThat(p.text().ja()).containsPattern(JAPANESE);
                assertThat(p.text().en()).doesNotContainPattern(JAPANESE).isEqualTo(p.message());
                assertThat(p.toString()).isEqualTo(BundleProblem.FILE.equals(p.entry()) ? "the file " + p.message()
                        : p.entry() + ": " + p.message());
                assertThat(p.withEntry().en()).isEqualTo(p.toString());
                assertThat(p.withEntry().ja()).endsWith(p.text().ja()).containsPattern(JAPANESE);
            });
            assertThat(e.problems()).anySatisfy(p -> {
                assertThat(p.entry()).isEqualTo(entry);
                if (exact) {
                    assertThat(p.message()).isEqualTo(english);
                } else {
                    assertThat(p.message()).contains(english);
                }
            });
            assertThat(e.getMessage()).doesNotContainPattern(JAPANESE);
        });
    }

    private static java.util.Map<String, byte[]> withRemoved(java.util.Map<String, byte[]> entries, String name) {
        entries.remove(name);
        return entries;
    }

    static List<String> messages(InvalidBundleException e) {
        return e.problems().stream().map(BundleProblem::toString).toList();
    }
}
