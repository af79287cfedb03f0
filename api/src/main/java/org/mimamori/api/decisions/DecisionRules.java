package org.mimamori.api.decisions;

import java.util.ArrayList;
import java.util.List;

import org.mimamori.api.problems.FieldProblem;
import org.mimamori.model.metrics.BandReview;
import org.mimamori.model.metrics.ScoreBand;
import org.mimamori.model.metrics.ScoreBands;
import org.mimamori.model.schema.LocalizedText;

/**
 * When a decision goes against a score: against the band when the band is flagged for outreach (its
 * {@link BandReview}, set when the model was trained) and the decision is {@code monitor} or {@code no_action},
 * or the band is routine and the decision is {@code outreach} or {@code assessment}; against a red flag when the score has red flags and the decision is
 * {@code monitor} or {@code no_action}. What such decisions need: a reason, and for red flags an explicit
 * dismissal that a supervisor signs off. A withheld score (no band) needs a reason for any decision.
 */
final class DecisionRules {

    /** The longest reason or note. */
    static final int MAX_TEXT = 2000;

    /**
     * How a decision stands to its score.
     *
     * @param band           the score's band id, or null when withheld
     * @param bandRank       the band's position among the model's bands (0 = lowest), or null when withheld
     * @param againstBand    the decision goes against the band
     * @param againstRedFlag the decision goes against a red flag
     */
    record Judgement(String band, Integer bandRank, boolean againstBand, boolean againstRedFlag) {

        boolean withheld() {
            return band == null;
        }

        boolean needsReason() {
            return withheld() || againstBand || againstRedFlag;
        }
    }

    private DecisionRules() {
    }

    static boolean acts(String decision) {
        return decision.equals("outreach") || decision.equals("assessment");
    }

    /**
     * @param band        the score's band id, or null when the estimate was withheld
     * @param bands       the model's bands (null when the estimate was withheld)
     * @param hasRedFlags whether the score has red flags
     * @param decision    the decision's value
     */
    static Judgement judge(String band, ScoreBands bands, boolean hasRedFlags, String decision) {
        boolean acts = acts(decision);
        boolean againstRedFlag = hasRedFlags && !acts;
        if (band == null) {
            return new Judgement(null, null, false, againstRedFlag);
        }
        ScoreBand b = bands.byId(band).orElseThrow(() -> new IllegalStateException("band '" + band
                + "' is not a band of the score's model"));
        int rank = bands.bands().indexOf(b);
        boolean againstBand = (b.review() == BandReview.OUTREACH && !acts) || (b.review() == BandReview.ROUTINE && acts);
        return new Judgement(band, rank, againstBand, againstRedFlag);
    }

    /** Every problem of a decision request, given its judgement; empty when it may be recorded. */
    static List<FieldProblem> problems(Judgement j, String reason, Boolean dismissesRedFlags) {
        List<FieldProblem> problems = new ArrayList<>();
        boolean noReason = reason == null || reason.isBlank();
        if (noReason && j.needsReason()) {
            LocalizedText why = why(j);
            problems.add(new FieldProblem("reason", "必須です：" + why.ja(), "is required: " + why.en()));
        }
        if (reason != null && reason.length() > MAX_TEXT) {
            problems.add(new FieldProblem("reason", MAX_TEXT + " 文字以下でなければなりません",
                    "must be at most " + MAX_TEXT + " characters"));
        }
        if (j.againstRedFlag() && !Boolean.TRUE.equals(dismissesRedFlags)) {
            problems.add(new FieldProblem("dismissesRedFlags", "レッドフラグのあるスコアで monitor または no_action と"
                    + "判断するには true でなければなりません。その判断にはスーパーバイザーの承認が必要になります",
                    "must be true to decide monitor or no_action on a "
                    + "score with red flags; a supervisor must then sign the decision off"));
        }
        return problems;
    }

    private static LocalizedText why(Judgement j) {
        if (j.againstRedFlag()) {
            return new LocalizedText("スコアのレッドフラグと異なる判断です",
                    "the decision goes against the score's red flags");
        }
        if (j.againstBand()) {
            return new LocalizedText("スコアの区分 '" + j.band() + "' と異なる判断です",
                    "the decision goes against the score's band '" + j.band() + "'");
        }
        return new LocalizedText("推定が示されていないため、判断の根拠は記入された理由だけになります",
                "the estimate was withheld, so the decision rests on your reasons alone");
    }
}
