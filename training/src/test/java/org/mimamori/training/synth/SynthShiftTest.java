package org.mimamori.training.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mimamori.model.data.Case;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.Item;
import org.mimamori.model.schema.SchemaLoader;
import org.mimamori.training.cli.CliRun;

/** A drifted municipality: shifted items move, a missing department's items are unknown, nothing else changes. */
class SynthShiftTest {

    private static final FeatureSchema SCHEMA = SchemaLoader.loadDefault();
    private static final List<SynthChild> CHILDREN = new SyntheticMunicipality(SynthConfig.of(3000, 21)).population();

    private static List<Case> record(Shift shift) {
        CaseRecorder recorder = new CaseRecorder(SCHEMA, MissingRates.DEFAULT, shift);
        return CHILDREN.stream().map(recorder::record).toList();
    }

    @Test
    void aShiftedItemMovesAndEveryOtherItemKeepsItsValues() {
        List<Case> plain = record(Shift.NONE);
        List<Case> shifted = record(new Shift(Map.of("lunch_fee_arrears_months", 3.0, "dv_consultation", 2.0),
                Set.of()));
        assertThat(mean(shifted, "lunch_fee_arrears_months")).isGreaterThan(2 * mean(plain, "lunch_fee_arrears_months"));
        assertThat(share(shifted, "dv_consultation")).isGreaterThan(share(plain, "dv_consultation") + 0.05);
        for (int i = 0; i < plain.size(); i++) {
            for (Item item : SCHEMA.items()) {
                if (!item.id().equals("lunch_fee_arrears_months") && !item.id().equals("dv_consultation")
                        && !item.isDerived()) {
                    assertThat(shifted.get(i).get(item.id())).as(item.id()).isEqualTo(plain.get(i).get(item.id()));
                }
            }
            // Unknown stays unknown: a shift moves values, not missingness.
            assertThat(shifted.get(i).get("lunch_fee_arrears_months").isKnown())
                    .isEqualTo(plain.get(i).get("lunch_fee_arrears_months").isKnown());
        }
        // Still within the item's range.
        Item arrears = SCHEMA.item("lunch_fee_arrears_months").orElseThrow();
        assertThat(shifted).allSatisfy(c -> {
            if (c.get("lunch_fee_arrears_months").isNumber()) {
                assertThat(c.get("lunch_fee_arrears_months").number()).isLessThanOrEqualTo(arrears.max());
            }
        });
    }

    @Test
    void aMissingDepartmentIsUnknownEverywhereAndOthersAreUntouched() {
        List<Case> plain = record(Shift.NONE);
        List<Case> gone = record(new Shift(Map.of(), Set.of("childcare")));
        for (int i = 0; i < plain.size(); i++) {
            for (Item item : SCHEMA.inputs()) {
                if (item.source().equals("childcare")) {
                    assertThat(gone.get(i).get(item.id()).isKnown()).as(item.id()).isFalse();
                    assertThat(gone.get(i).get(item.id()).kind()).as(item.id())
                            .isIn(org.mimamori.model.value.Value.Kind.UNKNOWN,
                                    org.mimamori.model.value.Value.Kind.NOT_APPLICABLE);
                } else if (!item.isDerived()) {
                    assertThat(gone.get(i).get(item.id())).as(item.id()).isEqualTo(plain.get(i).get(item.id()));
                }
            }
        }
        assertThat(gone).anySatisfy(c -> assertThat(c.get("nursery_enrolled").kind())
                .isEqualTo(org.mimamori.model.value.Value.Kind.UNKNOWN));
    }

    @Test
    void namesTheSchemaDoesNotHaveOrCannotShiftAreRefused() {
        assertThatThrownBy(() -> new CaseRecorder(SCHEMA, MissingRates.DEFAULT,
                new Shift(Map.of("no_such_item", 2.0), Set.of()))).hasMessageContaining("no_such_item");
        assertThatThrownBy(() -> new CaseRecorder(SCHEMA, MissingRates.DEFAULT,
                new Shift(Map.of(), Set.of("no_such_department")))).hasMessageContaining("no_such_department");
        assertThatThrownBy(() -> new CaseRecorder(SCHEMA, MissingRates.DEFAULT,
                new Shift(Map.of("young_carer_pattern", 2.0), Set.of()))).hasMessageContaining("derived");
        assertThatThrownBy(() -> new Shift(Map.of("household_size", 0.0), Set.of()))
                .hasMessageContaining("positive");
    }

    @Test
    void theCommandLineWritesADriftedCohortAndSaysSoInItsConfiguration(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("synth", "--children", "200", "--cohort", "300", "--seed", "3", "--shift",
                "moves_last_3_years=2", "--missing-source", "childcare", "--out", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String config = Files.readString(dir.resolve(SynthWriter.CONFIG));
        assertThat(config).contains("\"moves_last_3_years\" : 2.0").contains("\"childcare\"");
        List<String> cohort = Files.readAllLines(dir.resolve(SynthWriter.COHORT));
        int nursery = List.of(cohort.get(0).split(",")).indexOf("nursery_enrolled");
        assertThat(nursery).isNotNegative();
        assertThat(cohort.subList(1, cohort.size())).allSatisfy(line -> assertThat(line.split(",", -1)[nursery])
                .isIn("", "unknown", "not_applicable", "NA"));

        CliRun bad = CliRun.of("synth", "--children", "10", "--shift", "nothing=2", "--out", dir.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("nothing").doesNotContain("Exception");
    }

    private static double mean(List<Case> cases, String item) {
        return cases.stream().filter(c -> c.get(item).isNumber()).mapToDouble(c -> c.get(item).number()).average()
                .orElseThrow();
    }

    private static double share(List<Case> cases, String item) {
        return cases.stream().filter(c -> c.get(item).isNumber()).mapToDouble(c -> c.get(item).number()).average()
                .orElseThrow();
    }
}
