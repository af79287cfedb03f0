package org.mimamori.training.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.mimamori.model.value.Value;
import org.mimamori.training.synth.RandomStreams.Part;
import org.mimamori.training.synth.RandomStreams.Purpose;

/**
 * A synthetic municipality with a known truth: households and children ({@link HouseholdGenerator}), their
 * latent needs ({@link NeedModel}), what the departments record ({@link SignalModel}) and the
 * surveillance-biased assessment that produces the label ({@link AssessmentModel}). Deterministic: the same
 * configuration gives the same children, in the same order, on every run and machine.
 *
 * <pre>{@code
 * SyntheticMunicipality town = new SyntheticMunicipality(SynthConfig.of(100_000, 7));
 * List<SynthChild> children = town.population();
 * CaseRecorder recorder = new CaseRecorder(SchemaLoader.loadDefault(), town.config().missingRates());
 * Case first = recorder.record(children.get(0));
 * }</pre>
 */
public final class SyntheticMunicipality {

    /** The label item the generator fills. */
    public static final String LABEL = "need_confirmed_12m";
    /** The prefix of the analysis items that record confirmed need types, e.g. {@code need_type_poverty}. */
    public static final String NEED_TYPE_PREFIX = "need_type_";

    private final SynthConfig config;
    private final RandomStreams streams;
    private final AssessmentModel assessment;

    /** A municipality simulated with this configuration. */
    public SyntheticMunicipality(SynthConfig config) {
        this.config = config;
        this.streams = new RandomStreams(config.seed());
        this.assessment = new AssessmentModel(config);
    }

    /** The configuration. */
    public SynthConfig config() {
        return config;
    }

    /** The labelled population: {@link SynthConfig#children()} children, household by household. */
    public List<SynthChild> population() {
        return simulate(Part.POPULATION, config.children(), 0, true);
    }

    /**
     * The cohort: {@link SynthConfig#cohort()} further children from the same process on an independent stream
     * (other households), numbered after the population, without label or need-type records.
     */
    public List<SynthChild> cohort() {
        return simulate(Part.COHORT, config.cohort(), config.children(), false);
    }

    private List<SynthChild> simulate(Part part, int n, int offset, boolean labelled) {
        List<SynthChild> out = new ArrayList<>(n);
        String householdPrefix = part == Part.COHORT ? "K" : "H";
        for (int h = 0; out.size() < n; h++) {
            SplittableRandom r = streams.stream(part, Purpose.POPULATION, h);
            Household household = HouseholdGenerator.household(r, h, householdPrefix);
            for (int pos = 0; pos < household.childAges().length && out.size() < n; pos++) {
                Child child = HouseholdGenerator.child(r, household, pos);
                Needs needs = NeedModel.draw(r, household, child);
                Map<String, Value> values = SignalModel.draw(r, household, child, needs);
                int sequence = offset + out.size() + 1;
                Assessment a = assessment.assess(streams.stream(part, Purpose.ASSESSMENT, sequence), household, needs,
                        values);
                if (labelled) {
                    values.put(LABEL, Value.of(a.confirmed()));
                    for (int t = 0; t < Needs.TYPES.length; t++) {
                        values.put(NEED_TYPE_PREFIX + Needs.TYPES[t],
                                a.confirmed() ? Value.of(a.recorded(t)) : Value.UNKNOWN);
                    }
                }
                out.add(new SynthChild(sequence, childRef(sequence), household, child, needs, a, values, labelled,
                        streams.seedFor(part, Purpose.MISSINGNESS, sequence)));
            }
        }
        return out;
    }

    /** A pseudonymous reference: a sequence number and three check characters derived from the seed. */
    private String childRef(int sequence) {
        long check = RandomStreams.mix(config.seed() * 31 + sequence) & 0xFFF;
        return String.format(Locale.ROOT, "C%07d%03x", sequence, check);
    }
}
