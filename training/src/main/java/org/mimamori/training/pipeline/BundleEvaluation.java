package org.mimamori.training.pipeline;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import org.mimamori.model.bundle.ModelBundle;
import org.mimamori.model.data.Case;
import org.mimamori.model.data.CsvTable;
import org.mimamori.model.data.ValueParser;
import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.TribuoData;
import org.mimamori.model.metrics.Evaluation;
import org.mimamori.model.metrics.ScoreBands;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.Item;
import org.mimamori.model.schema.Role;
import org.mimamori.model.scoring.Scorecard;

/** Evaluates a bundle's calibrated scorecard on labelled cases, and writes per-case scores for audits. */
public final class BundleEvaluation {

    /** The score column of a scores file. */
    public static final String PROBABILITY_COLUMN = "probability";
    /** The band column of a scores file. */
    public static final String BAND_COLUMN = "band";

    private BundleEvaluation() {
    }

    /** The calibrated probability of every case. */
    public static double[] probabilities(ModelBundle bundle, List<Case> cases) {
        Scorecard scorecard = bundle.scorecard();
        CaseEncoder encoder = scorecard.encoder();
        double[] p = new double[cases.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = bundle.calibrator().probability(scorecard.logit(encoder.encode(cases.get(i))));
        }
        return p;
    }

    /**
     * Calibrated probabilities of the cases with a known label, evaluated against those labels.
     *
     * @throws IllegalArgumentException when no case has a known label
     */
    public static Evaluation evaluate(ModelBundle bundle, List<Case> cases, ScoreBands bands, long seed) {
        List<Case> labelled = labelled(bundle.schema(), cases);
        if (labelled.isEmpty()) {
            throw new IllegalArgumentException("no case has a known label (" + bundle.schema().labelItem().id() + ")");
        }
        boolean[] y = new boolean[labelled.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = TribuoData.isPositive(labelled.get(i));
        }
        return Evaluation.of(probabilities(bundle, labelled), y, bands, seed);
    }

    /** The cases whose label is known. */
    public static List<Case> labelled(FeatureSchema schema, List<Case> cases) {
        String label = schema.labelItem().id();
        return cases.stream().filter(c -> c.get(label).isKnown()).toList();
    }

    /**
     * Writes one row per case: the reference id (if the schema has one), {@value #PROBABILITY_COLUMN},
     * {@value #BAND_COLUMN}, the label (1/0, empty when unknown), then every audit-group and already-known
     * item. The file is the input of {@code audit}.
     */
    public static void writeScores(ModelBundle bundle, List<Case> cases, ScoreBands bands, Writer out)
            throws IOException {
        FeatureSchema schema = bundle.schema();
        List<Item> extra = new ArrayList<>(schema.withRole(Role.AUDIT_GROUP));
        extra.addAll(schema.withRole(Role.ALREADY_KNOWN));
        List<String> header = new ArrayList<>();
        schema.referenceItem().ifPresent(r -> header.add(r.id()));
        header.add(PROBABILITY_COLUMN);
        header.add(BAND_COLUMN);
        header.add(schema.labelItem().id());
        extra.forEach(i -> header.add(i.id()));
        CsvTable.writeLine(out, header);
        double[] p = probabilities(bundle, cases);
        Item label = schema.labelItem();
        for (int i = 0; i < p.length; i++) {
            Case c = cases.get(i);
            List<String> row = new ArrayList<>(header.size());
            schema.referenceItem().ifPresent(r -> row.add(ValueParser.toText(c.get(r.id()))));
            row.add(Double.toString(p[i]));
            row.add(bands.band(p[i]).id());
            row.add(c.get(label.id()).isKnown() ? (c.get(label.id()).equals(label.positive()) ? "1" : "0") : "");
            extra.forEach(item -> row.add(ValueParser.toText(c.get(item.id()))));
            CsvTable.writeLine(out, row);
        }
    }
}
