package org.mimamori.api.similar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mimamori.api.web.dto.SimilarItem;
import org.mimamori.api.web.dto.SimilarOutcomes;
import org.mimamori.api.web.dto.SupportType;
import org.mimamori.api.web.dto.SupportTypeCount;
import org.mimamori.model.schema.FeatureSchema;

/**
 * The contract's view of similar past cases, in the reader's language (terms as in {@code docs/glossary.md}).
 * Figures are written only for a group large enough to show.
 */
final class SimilarViews {

    private SimilarViews() {
    }

    static SimilarOutcomes view(SimilarOutcomesService.Answer a, Locale locale) {
        boolean ja = ja(locale);
        List<SimilarItem> items = a.items().stream().map(s -> new SimilarItem(s.item(), label(a.schema(), s.item(),
                locale), ja ? s.stateJa() : s.state())).toList();
        SimilarOutcomesService.Group g = a.group();
        SimilarOutcomes view = new SimilarOutcomes(a.scoreId(), g != null, a.minGroupSize(), items,
                message(a, items, locale), ja ? "ja" : "en");
        if (g != null) {
            List<SupportTypeCount> types = new ArrayList<>();
            for (Map.Entry<String, Integer> e : g.supportTypes().entrySet()) {
                try {
                    types.add(new SupportTypeCount(SupportType.fromValue(e.getKey()), e.getValue()));
                } catch (IllegalArgumentException unknown) {
                    // a support type the contract no longer knows is left out
                }
            }
            view.children(g.children()).needConfirmed(g.needConfirmed())
                    .needConfirmedShare((double) g.needConfirmed() / g.children()).supportTypes(types);
        }
        return view;
    }

    private static String label(FeatureSchema schema, String item, Locale locale) {
        return schema == null ? item : schema.item(item).map(i -> i.label(locale)).orElse(item);
    }

    private static String message(SimilarOutcomesService.Answer a, List<SimilarItem> items, Locale locale) {
        boolean ja = ja(locale);
        SimilarOutcomesService.Group g = a.group();
        if (g == null) {
            return ja ? "表示できるほど多くの類似の過去事例がありません（" + a.minGroupSize()
                    + "人以上の集まりについてのみ数値を示します）。"
                    : "There are too few similar past cases to show (figures are shown only for groups of at least "
                    + a.minGroupSize() + " children).";
        }
        String states = String.join(ja ? "、" : ", ", items.stream()
                .map(i -> i.getLabel() + (ja ? "が「" + i.getState() + "」" : " " + i.getState())).toList());
        String share = percent((double) g.needConfirmed() / g.children());
        return ja ? "結果が記録された類似の過去事例（" + states + "）は" + g.children() + "人で、そのうち"
                + share + "で支援の必要性が確認されました。過去の職員の判断の記録であり、この子どもについての判定ではありません。"
                : g.children() + " similar past cases (" + states + ") have a recorded outcome; a need for support "
                + "was confirmed for " + share + " of them. This is a record of past staff decisions, not a verdict "
                + "on this child.";
    }

    private static String percent(double p) {
        return Math.round(p * 100) + "%";
    }

    private static boolean ja(Locale locale) {
        return "ja".equals(locale.getLanguage());
    }
}
