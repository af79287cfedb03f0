package org.mimamori.training.synth;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mimamori.model.data.Case;
import org.mimamori.model.data.CaseCsv;
import org.mimamori.model.data.CsvTable;
import org.mimamori.model.schema.FeatureSchema;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes a synthetic municipality to a directory: {@value #CASES}, {@value #TRUTH}, {@value #PLANTED},
 * {@value #CONFIG} and, with a cohort, {@value #COHORT} and {@value #COHORT_TRUTH}. The bytes depend only on
 * the configuration and the schema: no time stamps, no hash order, fixed number formats.
 */
public final class SynthWriter {

    /** The labelled cases, one column per recorded item of the schema. */
    public static final String CASES = "cases.csv";
    /** The truth behind {@value #CASES}. */
    public static final String TRUTH = "truth.csv";
    /** The planted effect of every model input. */
    public static final String PLANTED = "planted_effects.csv";
    /** Further children from the same process, without labels. */
    public static final String COHORT = "cohort.csv";
    /** The truth behind {@value #COHORT}, including the simulated assessment of the following 12 months. */
    public static final String COHORT_TRUTH = "cohort_truth.csv";
    /** The configuration used and a short summary. */
    public static final String CONFIG = "synth.json";

    /** The columns of the truth files. */
    public static final List<String> TRUTH_COLUMNS = List.of("child_ref", "household_ref", "true_need", "poverty",
            "neglect", "abuse", "young_carer", "school_refusal", "known", "assessed", "confirmed");

    /**
     * What was written.
     *
     * @param files          the files, in the order written
     * @param households     households of the labelled population
     * @param children       children of the labelled population
     * @param trueNeedShare  share of them in true need
     * @param confirmedShare share of them with a confirmed need (the label)
     * @param cohort         children in the cohort
     * @param unmodelled     recorded schema items the generator has no model for (written as unknown)
     */
    public record Summary(List<Path> files, int households, int children, double trueNeedShare, double confirmedShare,
                          int cohort, List<String> unmodelled) {
    }

    private SynthWriter() {
    }

    /** Simulates the municipality and writes its files into {@code dir} (created if needed). */
    public static Summary write(SynthConfig config, FeatureSchema schema, Path dir) throws IOException {
        Files.createDirectories(dir);
        SyntheticMunicipality town = new SyntheticMunicipality(config);
        CaseRecorder recorder = new CaseRecorder(schema, config.missingRates(), config.shift());
        List<Path> files = new ArrayList<>();

        List<SynthChild> population = town.population();
        List<Case> cases = record(recorder, population);
        files.add(writeCases(dir.resolve(CASES), schema, cases));
        files.add(writeTruth(dir.resolve(TRUTH), population));
        boolean[] need = new boolean[population.size()];
        for (int i = 0; i < need.length; i++) {
            need[i] = population.get(i).needs().any();
        }
        files.add(writePlanted(dir.resolve(PLANTED), PlantedEffects.measure(schema, cases, need)));
        if (config.cohort() > 0) {
            List<SynthChild> cohort = town.cohort();
            files.add(writeCohort(dir.resolve(COHORT), schema, record(recorder, cohort)));
            files.add(writeTruth(dir.resolve(COHORT_TRUTH), cohort));
        }
        Facts facts = Facts.of(population);
        writeConfig(dir.resolve(CONFIG), config, schema, facts, recorder.unmodelledItems());
        files.add(dir.resolve(CONFIG));
        int n = population.size();
        return new Summary(List.copyOf(files), facts.households(), n, round4((double) facts.need() / n),
                round4((double) facts.confirmed() / n), config.cohort(), recorder.unmodelledItems());
    }

    private static List<Case> record(CaseRecorder recorder, List<SynthChild> children) {
        List<Case> out = new ArrayList<>(children.size());
        for (SynthChild c : children) {
            out.add(recorder.record(c));
        }
        return out;
    }

    private static Path writeCases(Path file, FeatureSchema schema, List<Case> cases) throws IOException {
        try (Writer out = writer(file)) {
            CaseCsv.writeHeader(schema, out);
            for (Case c : cases) {
                CaseCsv.writeRow(c, out);
            }
        }
        return file;
    }

    /** A cohort to screen: only the reference and the items one may send for scoring (no label, no analysis). */
    private static Path writeCohort(Path file, FeatureSchema schema, List<Case> cases) throws IOException {
        List<org.mimamori.model.schema.Item> columns = CaseCsv.cohortColumns(schema);
        try (Writer out = writer(file)) {
            CaseCsv.writeHeader(columns, out);
            for (Case c : cases) {
                CaseCsv.writeRow(c, columns, out);
            }
        }
        return file;
    }

    private static Path writeTruth(Path file, List<SynthChild> children) throws IOException {
        try (Writer out = writer(file)) {
            CsvTable.writeLine(out, TRUTH_COLUMNS);
            List<String> cells = new ArrayList<>(TRUTH_COLUMNS.size());
            for (SynthChild c : children) {
                cells.clear();
                cells.add(c.ref());
                cells.add(c.household().ref());
                cells.add(bit(c.needs().any()));
                for (int t = 0; t < Needs.TYPES.length; t++) {
                    cells.add(bit(c.needs().has(t)));
                }
                cells.add(bit(c.assessment().known()));
                cells.add(bit(c.assessment().assessed()));
                cells.add(bit(c.assessment().confirmed()));
                CsvTable.writeLine(out, cells);
            }
        }
        return file;
    }

    private static Path writePlanted(Path file, List<PlantedEffects.Effect> effects) throws IOException {
        try (Writer out = writer(file)) {
            CsvTable.writeLine(out, List.of("item", "planted_effect", "standalone_effect", "need_types", "design",
                    "note"));
            for (PlantedEffects.Effect e : effects) {
                CsvTable.writeLine(out, List.of(e.item(), decimal(e.planted()), decimal(e.standalone()),
                        e.needTypes(), e.design(), e.note()));
            }
        }
        return file;
    }

    /** Counts over the labelled population, for the summary. */
    private record Facts(int households, int need, int known, int assessed, int confirmed) {
        static Facts of(List<SynthChild> population) {
            int households = 0;
            int need = 0;
            int known = 0;
            int assessed = 0;
            int confirmed = 0;
            String last = null;
            for (SynthChild c : population) {
                if (!c.household().ref().equals(last)) {
                    households++;
                    last = c.household().ref();
                }
                need += c.needs().any() ? 1 : 0;
                known += c.assessment().known() ? 1 : 0;
                assessed += c.assessment().assessed() ? 1 : 0;
                confirmed += c.assessment().confirmed() ? 1 : 0;
            }
            return new Facts(households, need, known, assessed, confirmed);
        }
    }

    private static void writeConfig(Path file, SynthConfig config, FeatureSchema schema, Facts facts,
                                    List<String> unmodelled) throws IOException {
        Map<String, Object> rates = new LinkedHashMap<>();
        rates.put("core", config.missingRates().core());
        rates.put("optional", config.missingRates().optional());
        rates.put("departments", config.missingRates().byDepartment());
        double n = config.children();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("households", facts.households());
        summary.put("true_need_share", round4(facts.need() / n));
        summary.put("known_share", round4(facts.known() / n));
        summary.put("assessed_share", round4(facts.assessed() / n));
        summary.put("confirmed_share", round4(facts.confirmed() / n));

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("generator", "mimamori synthetic municipality, version 1");
        json.put("schema", schema.id());
        json.put("seed", config.seed());
        json.put("children", config.children());
        json.put("cohort", config.cohort());
        json.put("surveillance_bias", config.surveillanceBias());
        json.put("assessment_sensitivity", config.assessmentSensitivity());
        json.put("missing_rates", rates);
        if (!config.shift().isNone()) { // written only when set, so unshifted files keep their bytes
            Map<String, Object> shift = new LinkedHashMap<>();
            shift.put("factors", config.shift().factors());
            shift.put("missing_sources", config.shift().missingSources());
            json.put("shift", shift);
        }
        json.put("unmodelled_items", unmodelled);
        json.put("summary", summary);
        String text = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json);
        // Jackson's pretty printer uses the platform line separator; the file must not depend on the platform.
        Files.writeString(file, text.replace("\r\n", "\n") + "\n", StandardCharsets.UTF_8);
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }

    private static String bit(boolean b) {
        return b ? "1" : "0";
    }

    private static String decimal(double x) {
        return String.format(Locale.ROOT, "%.4f", x);
    }

    private static double round4(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }
}
