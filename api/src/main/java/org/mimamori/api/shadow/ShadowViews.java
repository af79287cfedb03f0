package org.mimamori.api.shadow;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mimamori.api.web.dto.ShadowActiveVersion;
import org.mimamori.api.web.dto.ShadowAgreement;
import org.mimamori.api.web.dto.ShadowBand;
import org.mimamori.api.web.dto.ShadowDifferences;
import org.mimamori.api.web.dto.ShadowFit;
import org.mimamori.api.web.dto.ShadowItem;
import org.mimamori.api.web.dto.ShadowOutcomes;
import org.mimamori.api.web.dto.ShadowReport;
import org.mimamori.model.metrics.ScoreBand;
import org.mimamori.model.metrics.ShadowComparison;
import org.mimamori.model.scoring.Scorer;

/**
 * The contract's view of a shadow report, in the reader's language (terms as in {@code docs/glossary.md}).
 * Undefined figures (NaN) are left out.
 */
final class ShadowViews {

    private ShadowViews() {
    }

    static ShadowReport view(ShadowReportService.Report r, int minScored, int minOutcomes, Locale locale) {
        boolean ja = ja(locale);
        ShadowComparison c = r.comparison();
        List<List<Long>> counts = new ArrayList<>();
        for (long[] row : c.counts()) {
            List<Long> cells = new ArrayList<>(row.length);
            for (long k : row) {
                cells.add(k);
            }
            counts.add(cells);
        }
        ShadowAgreement agreement = new ShadowAgreement(bands(c.activeBands(), r.activeBands(), locale),
                bands(c.shadowBands(), r.shadowBands(), locale), counts, c.agreeing()).share(number(c.bandAgreement()));
        ShadowDifferences differences = new ShadowDifferences(c.compared())
                .meanAbsDifference(number(c.meanAbsDifference())).meanDifference(number(c.meanDifference()))
                .maxAbsDifference(number(c.maxAbsDifference()));
        List<ShadowItem> items = r.items().stream().map(i -> new ShadowItem(i.item(), label(r.scorers(), i.item(),
                locale), i.meanAbsDifference(), i.meanDifference())).toList();
        ShadowComparison.Outcomes o = r.outcomes();
        ShadowOutcomes outcomes = new ShadowOutcomes(o.n(), o.positives(), r.withheldLeftOut(), r.enoughOutcomes(),
                fit(o.active()), fit(o.shadow())).observedRate(number(o.observedRate()));
        List<ShadowActiveVersion> others = r.others().stream()
                .map(a -> new ShadowActiveVersion(a.activeVersion(), a.scored())).toList();
        return new ShadowReport(r.shadowVersion(), r.activeVersion(), c.n(), others, r.redFlagsDiffer(), agreement,
                differences, items, outcomes, notes(r, minScored, minOutcomes, ja), ja ? "ja" : "en")
                .firstScoredAt(r.first() == null ? null : r.first().atOffset(ZoneOffset.UTC))
                .lastScoredAt(r.last() == null ? null : r.last().atOffset(ZoneOffset.UTC));
    }

    private static List<ShadowBand> bands(List<String> ids, List<ScoreBand> known, Locale locale) {
        return ids.stream().map(id -> new ShadowBand(id, ShadowComparison.WITHHELD.equals(id)
                ? (ja(locale) ? "推定を保留" : "Estimate withheld")
                : known.stream().filter(b -> b.id().equals(id)).findFirst().map(b -> b.meaning().in(locale))
                        .orElse(id))).toList();
    }

    private static String label(List<Scorer> scorers, String item, Locale locale) {
        for (Scorer s : scorers) {
            var found = s.schema().item(item);
            if (found.isPresent()) {
                return found.get().label(locale);
            }
        }
        return item;
    }

    private static ShadowFit fit(ShadowComparison.Fit f) {
        return new ShadowFit().auc(number(f.auc())).brier(number(f.brier())).meanPredicted(number(f.meanPredicted()))
                .ece(number(f.ece()));
    }

    /** The caveats for people: too little traffic, too few outcomes, and always the selection bias. */
    static List<String> notes(ShadowReportService.Report r, int minScored, int minOutcomes, boolean ja) {
        List<String> notes = new ArrayList<>();
        long n = r.comparison().n();
        if (!r.enoughScored()) {
            notes.add(ja ? "シャドーモデルが算出したのはまだ" + n + "件です。" + minScored
                    + "件に満たない比較は偶然に左右されやすいため、判断の前にさらに多くの件数を待ってください。"
                    : "The shadow model has scored only " + n + " cases so far. A comparison over fewer than "
                    + minScored + " moves a lot by chance: wait for more before relying on it.");
        }
        ShadowComparison.Outcomes o = r.outcomes();
        if (!r.enoughOutcomes()) {
            notes.add(ja ? "結果が記録されたのは" + o.n() + "件（うち支援の必要性が確認されたのは" + o.positives()
                    + "件）だけです。AUCと較正の数値は" + minOutcomes
                    + "件以上（確認された・されなかったがそれぞれ10件以上）になるまで信頼できません。"
                    : "Only " + o.n() + " of these scores have a recorded outcome (" + o.positives()
                    + " with a confirmed need). AUC and calibration are not reliable below " + minOutcomes
                    + " outcomes with at least 10 of each kind.");
        }
        notes.add(ja ? "結果は職員がアセスメントした子どもについてだけ記録されます。結果による数値はその子どもたちについてのもので、"
                + "算出されたすべての子どもについてのものではありません（選択バイアス）。"
                : "Outcomes are recorded only for children staff assessed, so the outcome figures describe those "
                + "children, not every child scored (selection bias).");
        if (!r.others().isEmpty()) {
            notes.add(ja ? "以前の稼働モデルとの比較（" + r.others().stream().mapToLong(ShadowStore.Against::scored).sum()
                    + "件）は含めていません。"
                    : "Comparisons with earlier active models (" + r.others().stream()
                    .mapToLong(ShadowStore.Against::scored).sum() + " scores) are left out.");
        }
        return notes;
    }

    private static Double number(double x) {
        return Double.isNaN(x) || Double.isInfinite(x) ? null : x;
    }

    private static boolean ja(Locale locale) {
        return "ja".equals(locale.getLanguage());
    }
}
