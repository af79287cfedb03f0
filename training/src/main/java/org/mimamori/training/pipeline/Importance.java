package org.mimamori.training.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodedCase;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.scoring.Scorecard;

/** Item importance of a scorecard: the spread of each item's contribution over the training cases. */
final class Importance {

    private Importance() {
    }

    static List<ItemImportance> of(Scorecard scorecard, List<EncodedCase> training, FeatureSchema schema) {
        CaseEncoder encoder = scorecard.encoder();
        int items = encoder.inputItems().size();
        double[] sum = new double[items];
        double[] sumSq = new double[items];
        int[] stateCounts = new int[encoder.features().size()];
        for (EncodedCase e : training) {
            double[] c = scorecard.contributions(e);
            for (int k = 0; k < items; k++) {
                sum[k] += c[k];
                sumSq[k] += c[k] * c[k];
            }
            for (int i : e.indices()) {
                stateCounts[i]++;
            }
        }
        double[] means = scorecard.itemMeans();
        List<ItemImportance> out = new ArrayList<>();
        int n = Math.max(1, training.size());
        for (int k = 0; k < items; k++) {
            double mean = sum[k] / n;
            double sd = Math.sqrt(Math.max(0, sumSq[k] / n - mean * mean));
            int[] range = encoder.featureRange(k);
            List<ItemImportance.StatePoints> states = new ArrayList<>();
            for (int f = range[0]; f < range[1]; f++) {
                states.add(new ItemImportance.StatePoints(encoder.features().get(f).description(),
                        (double) stateCounts[f] / n, scorecard.weight(f) - means[k]));
            }
            var item = encoder.inputItems().get(k);
            out.add(new ItemImportance(item.id(), item.label().en(), sd, states));
        }
        out.sort(Comparator.comparingDouble(ItemImportance::importance).reversed());
        return out;
    }
}
