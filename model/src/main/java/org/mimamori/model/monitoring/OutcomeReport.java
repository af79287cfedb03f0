package org.mimamori.model.monitoring;

import java.util.List;

import org.mimamori.model.schema.LocalizedText;

/**
 * Outcome monitoring over a set of scores: calibration in use per band, the AUC on assessed children, and the
 * audit groups.
 *
 * @param scored       scores monitored
 * @param assessed     of them, with a recorded outcome
 * @param decided      of them, with a decision
 * @param minGroupSize the minimum group size under which figures are suppressed
 * @param bands        per band, in the model's order (lowest first)
 * @param auc          the AUC on assessed children
 * @param groups       per audit-group item and value
 */
public record OutcomeReport(int scored, int assessed, int decided, int minGroupSize, List<BandOutcome> bands,
                            AucOutcome auc, List<GroupOutcome> groups) {

    /** The selection-bias caveat that goes with every outcome figure. */
    public static final LocalizedText SELECTION_BIAS = new LocalizedText(
            "結果（支援の必要性が確認されたかどうか）は、職員がアセスメントした子どもについてしか記録されません。"
                    + "ここでの実績率・AUC はアセスメントされた子どもについての数値であり、スコアを付けたすべての子ども"
                    + "についての数値ではありません。職員がアセスメントしなかった子どもに必要性がなかったとは言えず、"
                    + "区分ごとの実績率はアセスメントの選び方に左右されます。",
            "Outcomes (whether a need for support was confirmed) are recorded only for children whom staff "
                    + "assessed. The observed rates and the AUC here describe the assessed children, not everyone "
                    + "scored: a child staff did not assess is not known to have had no need, and each band's "
                    + "observed rate depends on whom staff chose to assess.");

    /** Copies the lists. */
    public OutcomeReport {
        bands = List.copyOf(bands);
        groups = List.copyOf(groups);
    }
}
