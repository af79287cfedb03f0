package org.mimamori.model.bundle;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.google.protobuf.InvalidProtocolBufferException;
import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodedCase;
import org.mimamori.model.encoding.EncodedFeature;
import org.mimamori.model.encoding.TribuoData;
import org.mimamori.model.schema.LocalizedText;
import org.mimamori.model.scoring.LibLinearScorecards;
import org.mimamori.model.scoring.Scorecard;
import org.tribuo.Model;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.common.liblinear.LibLinearModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.protos.core.ModelProto;

/**
 * Checks that the Tribuo protobuf parses into a two-class liblinear model over the encoder's states, and that
 * it agrees with the scorecard: the same weight for every state and the same bias, and Tribuo's own prediction
 * for each probe case equal to the scorecard's within {@value #TOLERANCE}.
 */
final class TribuoCheck {

    /** The only Tribuo model class a bundle may hold (checked before Tribuo instantiates anything). */
    static final String MODEL_CLASS = "org.tribuo.classification.liblinear.LibLinearClassificationModel";
    static final double TOLERANCE = 1e-9;

    private TribuoCheck() {
    }

    /** Parses the model, or records why it cannot and returns null. */
    @SuppressWarnings("unchecked")
    static Model<Label> parse(byte[] bytes, Findings f) {
        String e = ModelBundle.TRIBUO_MODEL;
        ModelProto proto;
        try {
            proto = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException ex) {
            f.add(e, "protobuf 形式の Tribuo モデルではありません", "is not a Tribuo model in protobuf form");
            return null;
        }
        if (!MODEL_CLASS.equals(proto.getClassName())) {
            f.add(e, "liblinear のロジスティック回帰ではありません（別の種類のモデルを指定しています）",
                    "is not a liblinear logistic regression (it names another kind of model)");
            return null;
        }
        try {
            Model<?> model = Model.deserialize(proto);
            if (!(model instanceof LibLinearModel<?>) || !(model.getOutputIDInfo().getDomain().iterator().next()
                    instanceof Label)) {
                f.add(e, "liblinear の分類モデルではありません", "is not a liblinear classification model");
                return null;
            }
            return (Model<Label>) model;
        } catch (RuntimeException ex) {
            f.add(e, "壊れた Tribuo モデルで、復元できません", "is a damaged Tribuo model that cannot be restored");
            return null;
        }
    }

    /** Records every disagreement between the Tribuo model and the scorecard. */
    static void agree(Model<Label> model, Scorecard scorecard, List<EncodedCase> probes, Findings f) {
        String e = ModelBundle.TRIBUO_MODEL;
        CaseEncoder encoder = scorecard.encoder();
        Set<String> labels = new HashSet<>();
        model.getOutputIDInfo().getDomain().forEach(l -> labels.add(l.getLabel()));
        if (!labels.equals(Set.of(TribuoData.POSITIVE.getLabel(), TribuoData.NEGATIVE.getLabel()))) {
            f.add(e, "陽性と陰性ではなく、ラベル " + labels + " を予測します",
                    "predicts the labels " + labels + " instead of positive and negative");
            return;
        }
        int before = f.count();
        for (VariableInfo info : model.getFeatureIDMap()) {
            if (encoder.feature(info.getName()) == null) {
                f.add(e, "特徴量 " + info.getName() + " を使っていますが、これはエンコーダーの状態ではありません",
                        "uses the feature " + info.getName() + ", which is not a state of the encoder");
            }
        }
        if (f.count() > before) {
            return;
        }
        double[][] wb;
        try {
            wb = LibLinearScorecards.weights(encoder, model);
        } catch (RuntimeException ex) {
            f.add(e, "2 クラスのモデルの重みベクトルが一つではありません", "does not hold one weight vector of a two-class model");
            return;
        }
        for (EncodedFeature feature : encoder.features()) {
            double tribuo = wb[0][feature.index()];
            double ours = scorecard.weight(feature.index());
            if (!Numbers.close(tribuo, ours, TOLERANCE)) {
                LocalizedText label = Numbers.label(feature);
                f.add(ModelBundle.SCORECARD, label.ja() + "の重みは " + ours + " ですが、Tribuo モデルでは " + tribuo
                        + " です", "the weight of " + label.en() + " is " + ours + ", but the Tribuo model's is "
                        + tribuo);
            }
        }
        if (!Numbers.close(wb[1][0], scorecard.bias(), TOLERANCE)) {
            f.add(ModelBundle.SCORECARD, "切片は " + scorecard.bias() + " ですが、Tribuo モデルでは " + wb[1][0] + " です",
                    "the bias is " + scorecard.bias() + ", but the Tribuo model's is " + wb[1][0]);
        }
        if (f.count() > before) {
            return;
        }
        for (int n = 0; n < probes.size(); n++) {
            EncodedCase c = probes.get(n);
            String[] names = new String[c.indices().length];
            for (int i = 0; i < names.length; i++) {
                names[i] = encoder.features().get(c.indices()[i]).name();
            }
            double tribuo;
            try {
                tribuo = model.predict(new ArrayExample<>(TribuoData.NEGATIVE, names, c.values().clone()))
                        .getOutputScores().get(TribuoData.POSITIVE.getLabel()).getScore();
            } catch (IllegalArgumentException ex) {
                continue; // no state of this probe was ever seen in training, so Tribuo has nothing to predict from
            }
            double ours = 1 / (1 + Math.exp(-scorecard.rawLogit(c)));
            if (!(Math.abs(tribuo - ours) <= TOLERANCE)) {
                f.add(e, "プローブ事例 " + (n + 1) + " に対して " + tribuo + " を予測しますが、スコアカードでは " + ours
                        + " です", "predicts " + tribuo + " for probe case " + (n + 1) + ", but the scorecard gives "
                        + ours);
            }
        }
    }
}
