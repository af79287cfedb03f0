package org.mimamori.model.scoring;

import java.util.List;

import org.mimamori.model.schema.LocalizedText;

/**
 * A score with everything needed to understand, question and overrule it.
 *
 * @param modelVersion   the bundle's content-hash version
 * @param schemaId       the schema the case was read with
 * @param target         what the probability is a rate of, in plain words (never "risk of abuse")
 * @param estimate       the calibrated estimate, or null when it was withheld as unreliable
 * @param baseline       the logit of the average training case
 * @param logit          the model's logit; {@code baseline + Σ contributions == logit}
 * @param contributions  the contribution of every input item whose value is recorded (or not applicable),
 *                       largest magnitude first
 * @param unrecorded     the input items that are unknown and their summed contribution, kept apart so that they
 *                       are not read as facts; {@code baseline + Σ contributions + unrecorded.contribution == logit}
 * @param missingInformation what recording the unknown items could change
 * @param bandMoves      what would move the case into the neighbouring bands
 * @param warnings       what the model could not see and why to trust it less
 * @param redFlags       rules that stand above any score
 * @param decisionNotice that the decision is the caseworker's
 */
public record ExplainedScore(String modelVersion, String schemaId, LocalizedText target, Estimate estimate,
                             double baseline, double logit, List<Contribution> contributions,
                             Unrecorded unrecorded, MissingInformation missingInformation, List<BandMove> bandMoves, List<Warning> warnings, List<RedFlag> redFlags,
                             LocalizedText decisionNotice) {

    /** The notice every score carries. */
    public static final LocalizedText DECISION_NOTICE = new LocalizedText(
            "この推定は、過去の職員の判断から学んだ「どこに目を向けるか」の参考にすぎません。虐待のリスクでも判定でもありません。"
                    + "判断するのは担当職員のあなたです。",
            "This estimate only suggests where to look, learned from past staff decisions. It is not a risk of "
                    + "abuse and not a verdict. The decision is yours, the caseworker's.");

    /**
     * The unknown input items of a score.
     *
     * @param contribution their summed part of the logit
     * @param items        the items, in encoder order
     */
    public record Unrecorded(double contribution, List<org.mimamori.model.schema.Item> items) {
        /** Copies the list. */
        public Unrecorded {
            items = List.copyOf(items);
        }
    }

    /** True when the estimate was withheld because it would not be reliable. */
    public boolean withheld() {
        return estimate == null;
    }
}
