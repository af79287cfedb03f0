package org.mimamori.model.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.mimamori.model.data.Case;
import org.mimamori.model.encoding.BinSettings;
import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodedCase;
import org.mimamori.model.encoding.EncodingStyle;
import org.mimamori.model.encoding.TribuoData;
import org.mimamori.model.schema.FeatureSchema;
import org.mimamori.model.schema.SchemaLoader;
import org.mimamori.model.value.Value;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;

class ScorecardTest {

    private static final FeatureSchema SCHEMA = SchemaLoader.loadDefault();
    private static final List<Case> TRAINING = cases(3000, 11);
    private static final CaseEncoder ENCODER = CaseEncoder.fit(SCHEMA, TRAINING, EncodingStyle.SCORECARD,
            BinSettings.DEFAULT);
    private static final Model<Label> MODEL = new LibLinearClassificationTrainer(
            new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR), 1.0, 1000, 0.001)
            .train(TribuoData.dataset(ENCODER, TRAINING, "test"));
    private static final Scorecard SCORECARD = LibLinearScorecards.scorecard(ENCODER, MODEL,
            TRAINING.stream().map(ENCODER::encode).toList());

    /** Random cases with every state of a few items: known, unknown and (by age) not applicable. */
    static List<Case> cases(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Case> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Value> m = new HashMap<>();
            int age = r.nextInt(18);
            m.put("age_years", Value.of(age));
            if (r.nextInt(10) > 0) {
                m.put("absence_days_term", Value.of(r.nextInt(3) == 0 ? r.nextInt(1, 40) : 0));
            }
            m.put("prior_consultations", Value.of(r.nextInt(4)));
            if (r.nextBoolean()) {
                m.put("lunch_fee_arrears_months", Value.of(r.nextInt(5)));
            }
            m.put("child_rearing_allowance", Value.of(r.nextBoolean()));
            Case partial = Case.resolve(SCHEMA, m);
            double logit = -2.5 + 0.8 * num(partial, "prior_consultations") + 0.06 * num(partial, "absence_days_term")
                    + 0.5 * num(partial, "lunch_fee_arrears_months");
            m.put("need_confirmed_12m", Value.of(r.nextDouble() < 1 / (1 + Math.exp(-logit))));
            out.add(Case.resolve(SCHEMA, m));
        }
        return out;
    }

    private static double num(Case c, String item) {
        Value v = c.get(item);
        return v.isNumber() ? v.number() : 0;
    }

    @Test
    void scorecardLogitMatchesTribuosOwnPrediction() {
        for (Case c : cases(300, 99)) {
            Prediction<Label> p = MODEL.predict(TribuoData.example(ENCODER, c, TribuoData.NEGATIVE));
            double tribuo = p.getOutputScores().get(TribuoData.POSITIVE.getLabel()).getScore();
            double ours = 1 / (1 + Math.exp(-SCORECARD.logit(ENCODER.encode(c))));
            assertThat(ours).isCloseTo(tribuo, within(1e-9));
        }
    }

    @Test
    void contributionsAreCentredOnTheTrainingPopulation() {
        double[] mean = new double[ENCODER.inputItems().size()];
        for (Case c : TRAINING) {
            double[] contrib = SCORECARD.contributions(ENCODER.encode(c));
            for (int k = 0; k < mean.length; k++) {
                mean[k] += contrib[k] / TRAINING.size();
            }
        }
        for (double m : mean) {
            assertThat(m).isCloseTo(0.0, within(1e-9));
        }
    }

    @Property(tries = 300)
    void baselinePlusContributionsIsTheLogit(@ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        Case c = cases(1, seed).get(0);
        EncodedCase e = ENCODER.encode(c);
        double sum = SCORECARD.baseline();
        for (double x : SCORECARD.contributions(e)) {
            sum += x;
        }
        assertThat(sum).isCloseTo(SCORECARD.logit(e), within(1e-9));
        assertThat(SCORECARD.rawLogit(e)).isCloseTo(SCORECARD.logit(e), within(1e-9));
    }
}
