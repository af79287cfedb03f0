package org.mimamori.training.synth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mimamori.model.data.Case;
import org.mimamori.model.encoding.BinSettings;
import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodedCase;
import org.mimamori.model.encoding.EncodingStyle;
import org.mimamori.model.encoding.TribuoData;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.Item;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Measures, for each model input, how much it reveals about the <em>true</em> need: the quantity a scorecard
 * trained on the label should recover, were the label not biased.
 *
 * <p>The <b>planted effect</b> of an item is its importance in the oracle scorecard: an L2-regularised
 * logistic regression over the scorecard encoding (the same quantile bins, unknown and not-applicable states
 * that {@link CaseEncoder} makes), fitted to the true need of every generated child. Importance is the
 * standard deviation, over the children, of the item's contribution (the weight of its active state), in
 * log-odds. It accounts for what other items already tell: an item that is informative only because it
 * travels with a stronger one (household size with single parenthood, say) gets little. A scorecard trained
 * on the label of the same children should rank items the same way; where it does not, the label's biases
 * (surveillance, missed needs) are the reason.
 *
 * <p>The <b>standalone effect</b> is the item's evidence on its own: the standard deviation of its states'
 * weight of evidence for true need, among the children it applies to.
 */
public final class PlantedEffects {

    /** The oracle's inverse regularisation strength (liblinear's C), as a default scorecard would use. */
    public static final double ORACLE_C = 1.0;
    /** Pseudo-count added to every state of the standalone evidence, so rare states stay finite. */
    static final double SMOOTHING = 0.5;

    /**
     * One model input's planted effect.
     *
     * @param item       the item id
     * @param planted    the importance in the oracle scorecard of true need, &ge; 0 (log-odds)
     * @param standalone the item's own evidence for true need, &ge; 0 (log-odds)
     * @param needTypes  the need types the generator makes it signal ({@code ;}-separated, may be empty)
     * @param design     the intended strength from {@link ItemDesign}, or {@code unmodelled}
     * @param note       how the generator produces it
     */
    public record Effect(String item, double planted, double standalone, String needTypes, String design,
                         String note) {
    }

    private PlantedEffects() {
    }

    /**
     * Measures the planted effect of every model input of the schema.
     *
     * @param schema   the schema the cases follow
     * @param cases    the recorded cases (after missing values, as a model sees them)
     * @param trueNeed the true need of each case, in the same order
     */
    public static List<Effect> measure(FeatureSchema schema, List<Case> cases, boolean[] trueNeed) {
        if (cases.size() != trueNeed.length) {
            throw new IllegalArgumentException(cases.size() + " cases but " + trueNeed.length + " truths");
        }
        CaseEncoder encoder = CaseEncoder.fit(schema, cases, EncodingStyle.SCORECARD, BinSettings.DEFAULT);
        int[][] active = new int[cases.size()][];
        for (int c = 0; c < cases.size(); c++) {
            active[c] = encoder.encode(cases.get(c)).indices();
        }
        double[] weights = oracleWeights(encoder, cases, trueNeed);
        double[] evidence = evidence(encoder, active, trueNeed);
        List<Item> inputs = encoder.inputItems();
        List<Effect> out = new ArrayList<>();
        for (int k = 0; k < inputs.size(); k++) {
            Item item = inputs.get(k);
            ItemDesign design = ItemDesign.of(item.id()).orElse(null);
            boolean modelled = design != null && (item.isDerived() || ItemDesign.GENERATED.contains(item.id()));
            out.add(new Effect(item.id(), spread(active, k, weights), spread(active, k, evidence),
                    modelled ? design.needTypes() : "",
                    modelled ? design.strength().name().toLowerCase(Locale.ROOT) : "unmodelled",
                    modelled ? design.note() : "the generator has no model for this item: written as unknown"));
        }
        return out;
    }

    /** The oracle scorecard's weight of every feature (0 for features it never saw). */
    private static double[] oracleWeights(CaseEncoder encoder, List<Case> cases, boolean[] trueNeed) {
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("true need", labels), labels);
        List<Example<Label>> examples = new ArrayList<>(cases.size());
        for (int c = 0; c < cases.size(); c++) {
            Label label = trueNeed[c] ? TribuoData.POSITIVE : TribuoData.NEGATIVE;
            examples.add(TribuoData.example(encoder, cases.get(c), label));
        }
        data.addAll(examples);
        LibLinearClassificationTrainer trainer = new LibLinearClassificationTrainer(
                new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR), ORACLE_C, 1000, 0.01);
        LibLinearClassificationModel model = (LibLinearClassificationModel) trainer.train(data);
        Map<String, Double> byName = new HashMap<>();
        // A binary model has one weight vector; the other label's is its negation, and spreads ignore sign.
        model.getTopFeatures(-1).values().iterator().next().forEach(p -> byName.put(p.getA(), p.getB()));
        double[] w = new double[encoder.features().size()];
        for (int f = 0; f < w.length; f++) {
            w[f] = byName.getOrDefault(encoder.features().get(f).name(), 0.0);
        }
        return w;
    }

    /**
     * The standalone weight of evidence of every feature: how much more often its state occurs among children in
     * need, among the children the item applies to; not applicable is no evidence.
     */
    private static double[] evidence(CaseEncoder encoder, int[][] active, boolean[] trueNeed) {
        int n = encoder.features().size();
        double[] pos = new double[n];
        double[] neg = new double[n];
        for (int c = 0; c < active.length; c++) {
            for (int f : active[c]) {
                if (trueNeed[c]) {
                    pos[f]++;
                } else {
                    neg[f]++;
                }
            }
        }
        double[] woe = new double[n];
        for (int k = 0; k < encoder.inputItems().size(); k++) {
            int[] range = encoder.featureRange(k);
            int notApplicable = range[1] - 1;
            int states = notApplicable - range[0];
            double totalPos = 0;
            double totalNeg = 0;
            for (int f = range[0]; f < notApplicable; f++) {
                totalPos += pos[f];
                totalNeg += neg[f];
            }
            for (int f = range[0]; f < notApplicable; f++) {
                if (pos[f] + neg[f] > 0) {
                    woe[f] = Math.log((pos[f] + SMOOTHING) / (totalPos + SMOOTHING * states))
                            - Math.log((neg[f] + SMOOTHING) / (totalNeg + SMOOTHING * states));
                }
            }
        }
        return woe;
    }

    /** The standard deviation, over the cases, of the value of the k-th item's active feature. */
    private static double spread(int[][] active, int k, double[] value) {
        double sum = 0;
        double sumSq = 0;
        for (int[] a : active) {
            double v = value[a[k]];
            sum += v;
            sumSq += v * v;
        }
        double mean = sum / active.length;
        return Math.sqrt(Math.max(0, sumSq / active.length - mean * mean));
    }
}
