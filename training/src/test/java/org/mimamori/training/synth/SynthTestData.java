package org.mimamori.training.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.mimamori.model.data.Case;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.SchemaLoader;

/** Synthetic populations shared by the tests (simulated once per JVM), and two tiny statistics helpers. */
final class SynthTestData {

    static final FeatureSchema SCHEMA = SchemaLoader.loadDefault();

    /** A simulated population with its recorded cases, in the same order. */
    record Population(SynthConfig config, List<SynthChild> children, List<Case> cases) {

        boolean[] trueNeed() {
            boolean[] need = new boolean[children.size()];
            for (int i = 0; i < need.length; i++) {
                need[i] = children.get(i).needs().any();
            }
            return need;
        }

        /** The index of the first child of the first household that starts at or after {@code share} of the list. */
        int householdBoundary(double share) {
            int i = (int) (children.size() * share);
            while (i < children.size() && i > 0
                    && children.get(i).household().ref().equals(children.get(i - 1).household().ref())) {
                i++;
            }
            return i;
        }
    }

    private static final Map<SynthConfig, Population> CACHE = new ConcurrentHashMap<>();

    private SynthTestData() {
    }

    /** The default-schema population of this configuration. */
    static Population population(SynthConfig config) {
        return CACHE.computeIfAbsent(config, c -> {
            List<SynthChild> children = new SyntheticMunicipality(c).population();
            CaseRecorder recorder = new CaseRecorder(SCHEMA, c.missingRates());
            List<Case> cases = new ArrayList<>(children.size());
            for (SynthChild child : children) {
                cases.add(recorder.record(child));
            }
            return new Population(c, List.copyOf(children), List.copyOf(cases));
        });
    }

    /** The 40 000-child population most tests share. */
    static Population standard() {
        return population(SynthConfig.of(40_000, 11));
    }

    /** Spearman's rank correlation (average ranks for ties). */
    static double spearman(double[] a, double[] b) {
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        double ma = Arrays.stream(ra).average().orElse(0);
        double mb = Arrays.stream(rb).average().orElse(0);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (ra[i] - ma) * (rb[i] - mb);
            saa += (ra[i] - ma) * (ra[i] - ma);
            sbb += (rb[i] - mb) * (rb[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    /** 1-based ranks, ties sharing their average rank. */
    static double[] ranks(double[] x) {
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> x[i]));
        double[] r = new double[x.length];
        for (int i = 0; i < order.length; ) {
            int j = i;
            while (j + 1 < order.length && x[order[j + 1]] == x[order[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                r[order[k]] = (i + j) / 2.0 + 1;
            }
            i = j + 1;
        }
        return r;
    }
}
