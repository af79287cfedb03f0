package org.mimamori.api.scoring;

import java.util.List;
import java.util.Locale;

import org.mimamori.api.web.dto.Band;
import org.mimamori.api.web.dto.IfRecorded;
import org.mimamori.api.web.dto.MissingInformation;
import org.mimamori.api.web.dto.MissingItem;
import org.mimamori.api.web.dto.Unrecorded;
import org.mimamori.model.metrics.ScoreBand;
import org.mimamori.model.scoring.ExplainedScore;

/**
 * The contract's view of what the model could not see, with every sentence in the reader's language (terms as
 * in {@code docs/glossary.md}). Numbers are left out when the estimate itself is withheld.
 */
final class MissingInformationViews {

    private MissingInformationViews() {
    }

    static Unrecorded unrecorded(ExplainedScore s, Locale locale) {
        List<String> ids = s.unrecorded().items().stream().map(org.mimamori.model.schema.Item::id).toList();
        return new Unrecorded(ja(locale) ? "未記録の項目" : "Unrecorded items", s.unrecorded().contribution(), ids);
    }

    static MissingInformation view(ExplainedScore s, Locale locale, boolean numbers) {
        org.mimamori.model.scoring.MissingInformation m = s.missingInformation();
        List<MissingItem> items = m.items().stream().map(i -> item(i, locale, numbers)).toList();
        MissingInformation view = new MissingInformation(summary(m, locale, numbers), items, m.redFlagPossible(),
                m.exact());
        if (numbers && !m.isEmpty()) {
            view.ifRecorded(new IfRecorded(m.low(), m.high(), band(m.bandLow(), locale), band(m.bandHigh(), locale)));
        }
        return view;
    }

    private static MissingItem item(org.mimamori.model.scoring.MissingInformation.MissingItem i, Locale locale,
                                    boolean numbers) {
        MissingItem view = new MissingItem(i.item().id(), i.item().label(locale), i.logitLow(), i.logitHigh(),
                i.redFlag(), message(i, locale, numbers));
        if (numbers) {
            view.low(i.low()).high(i.high()).lowBand(band(i.bandLow(), locale)).highBand(band(i.bandHigh(), locale));
        }
        return view;
    }

    private static String message(org.mimamori.model.scoring.MissingInformation.MissingItem i, Locale locale,
                                  boolean numbers) {
        if (i.redFlag()) {
            return ja(locale) ? "記録されていません。記録の内容によってはレッドフラグになり、スコアにかかわらず対応が必要です。"
                    : "Not recorded. Depending on what is recorded it could raise a red flag, which calls for a "
                    + "response whatever the score says.";
        }
        if (numbers && percent(i.low()).equals(percent(i.high()))) {
            return ja(locale) ? "記録しても、推定は約" + percent(i.low()) + "のままです。"
                    : "Recording it would leave the estimate at about " + percent(i.low()) + ".";
        }
        if (numbers) {
            return ja(locale) ? "記録すると、推定は" + percent(i.low()) + "〜" + percent(i.high()) + "になりえます。"
                    : "Recording it could put the estimate between " + percent(i.low()) + " and "
                    + percent(i.high()) + ".";
        }
        boolean up = i.logitHigh() > 0;
        boolean down = i.logitLow() < 0;
        if (ja(locale)) {
            return "記録すると、推定が" + (up && down ? "上がることも下がることも" : up ? "上がることが" : "下がることが")
                    + "あります。";
        }
        return "Recording it could " + (up && down ? "raise or lower" : up ? "raise" : "lower") + " the estimate.";
    }

    private static String summary(org.mimamori.model.scoring.MissingInformation m, Locale locale, boolean numbers) {
        if (m.isEmpty()) {
            return ja(locale) ? "未記録で推定やレッドフラグを変えうる項目はありません。"
                    : "No unrecorded item could change the estimate or raise a red flag.";
        }
        int n = m.items().size();
        StringBuilder sb = new StringBuilder();
        if (numbers) {
            sb.append(ja(locale)
                    ? "未記録の項目（" + n + "件）をすべて記録すると、推定は" + percent(m.low()) + "〜" + percent(m.high())
                    + "の間になります。"
                    : "If the " + n + " unrecorded item" + (n == 1 ? "" : "s") + " were recorded, the estimate would "
                    + "lie between " + percent(m.low()) + " and " + percent(m.high()) + ".");
        } else {
            sb.append(ja(locale) ? "未記録の項目が" + n + "件あり、記録すると推定が変わりえます。"
                    : n + " unrecorded item" + (n == 1 ? "" : "s") + " could change the estimate if recorded.");
        }
        if (m.redFlagPossible()) {
            sb.append(ja(locale) ? "記録の内容によってはレッドフラグ（スコアより優先）になる項目があります。まずそれを確認してください。"
                    : " Some could raise a red flag, which stands above any score: check those first.");
        }
        return sb.toString();
    }

    private static Band band(ScoreBand b, Locale locale) {
        return ScoreViews.band(b, locale);
    }

    /** 12% or, under 1%, 0.4%. */
    static String percent(double p) {
        double x = p * 100;
        return (x < 1 && x > 0 ? String.format(Locale.ROOT, "%.1f", x) : Long.toString(Math.round(x))) + "%";
    }

    static boolean ja(Locale locale) {
        return "ja".equals(locale.getLanguage());
    }
}
