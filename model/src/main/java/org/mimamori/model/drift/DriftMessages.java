package org.mimamori.model.drift;

import static org.mimamori.model.drift.Drift.figure;
import static org.mimamori.model.drift.Drift.percent;

import org.mimamori.model.schema.Item;
import org.mimamori.model.schema.LocalizedText;
import org.mimamori.model.scoring.TrainingReference.ItemReference;

/** The warnings' sentences, in Japanese and English, each with what to do. */
final class DriftMessages {

    private DriftMessages() {
    }

    static LocalizedText psi(Item item, double psi, boolean act) {
        String ja = "「" + item.label().ja() + "」の記録値の分布が学習時と異なります（PSI " + figure(psi) + "）。";
        String en = "The recorded values of '" + item.label().en() + "' are distributed differently from training"
                + " (PSI " + figure(psi) + ").";
        return act
                ? new LocalizedText(ja + "記録方法や対象の変化を確認し、再学習を検討してください。",
                        en + " Check for a change in how or whom it records, and consider retraining.")
                : new LocalizedText(ja + "推移を見守ってください。", en + " Watch how it develops.");
    }

    static LocalizedText unknownItem(Item item, double p, double p0, boolean act) {
        String ja = "「" + item.label().ja() + "」が不明の割合が " + percent(p) + "（学習時 " + percent(p0) + "）に上がっています。";
        String en = "'" + item.label().en() + "' is unknown for " + percent(p) + " of cases (training "
                + percent(p0) + ").";
        return new LocalizedText(ja + (act ? "データ連携を確認してください。" : "推移を見守ってください。"),
                en + (act ? " Check its data link." : " Watch how it develops."));
    }

    static LocalizedText unknownSource(LocalizedText department, double p, double p0, boolean act) {
        String ja = "部署「" + department.ja() + "」の項目が不明の割合が平均 " + percent(p) + "（学習時 " + percent(p0)
                + "）に上がっています。";
        String en = "Items from department '" + department.en() + "' are unknown for " + percent(p)
                + " of cases on average (training " + percent(p0) + ").";
        return new LocalizedText(ja + (act ? "この部署とのデータ連携が切れていないか確認してください。スコアはこれらの項目を見ていません。"
                : "推移を見守ってください。"),
                en + (act ? " Check whether the data link to this department is broken; scores do not see these"
                        + " items." : " Watch how it develops."));
    }

    static LocalizedText outside(Item item, double share, ItemReference ref, boolean act) {
        String range = figure(ref.min()) + "–" + figure(ref.max());
        String ja = "「" + item.label().ja() + "」の記録値の " + percent(share) + " が学習時の範囲（" + range
                + "）の外にあります。";
        String en = percent(share) + " of the recorded values of '" + item.label().en()
                + "' lie outside the training range (" + range + ").";
        return new LocalizedText(ja + (act ? "単位や記録方法の変更を確認してください。" : "推移を見守ってください。"),
                en + (act ? " Check for a change of unit or recording." : " Watch how it develops."));
    }
}
