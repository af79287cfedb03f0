package org.mimamori.api.drift;

import java.util.Locale;
import java.util.UUID;

import org.mimamori.api.web.dto.DriftBand;
import org.mimamori.api.web.dto.DriftFigures;
import org.mimamori.api.web.dto.DriftItem;
import org.mimamori.api.web.dto.DriftLevel;
import org.mimamori.api.web.dto.DriftSource;
import org.mimamori.api.web.dto.DriftWarning;
import org.mimamori.model.drift.DriftReport;
import org.mimamori.model.drift.DriftThresholds;

/** The drift figures in the contract's terms, in the reader's language. */
final class DriftViews {

    private DriftViews() {
    }

    static DriftFigures view(DriftReport r, String version, UUID screeningId, DriftThresholds t, Locale locale) {
        DriftFigures f = new DriftFigures().modelVersion(version).screeningId(screeningId).scores(r.scores())
                .enough(r.enough()).language("ja".equals(locale.getLanguage()) ? "ja" : "en")
                .thresholds(new org.mimamori.api.web.dto.DriftThresholds().minWindow(t.minWindow())
                        .psiWatch(t.psiWatch()).psiAct(t.psiAct()).unknownRiseWatch(t.unknownRiseWatch())
                        .unknownRiseAct(t.unknownRiseAct()).unknownZ(t.unknownZ())
                        .outsideRangeWatch(t.outsideRangeWatch()).outsideRangeAct(t.outsideRangeAct()));
        for (DriftReport.ItemDrift i : r.items()) {
            f.addItemsItem(new DriftItem().item(i.item()).label(i.label().in(locale)).source(i.source())
                    .sourceLabel(i.sourceLabel().in(locale))
                    .recorded(i.recorded()).psi(i.psi()).unknownRate(i.unknownRate())
                    .referenceUnknownRate(i.referenceUnknownRate()).outsideRangeShare(i.outsideRangeShare()));
        }
        for (DriftReport.SourceDrift s : r.sources()) {
            f.addSourcesItem(new DriftSource().source(s.source()).label(s.label().in(locale)).items(s.items())
                    .unknownRate(s.unknownRate()).referenceUnknownRate(s.referenceUnknownRate()).z(s.z()));
        }
        for (DriftReport.BandShare b : r.bands()) {
            f.addBandsItem(new DriftBand().band(b.band()).scores(b.scores()).share(b.share()));
        }
        for (DriftReport.DriftWarning w : r.warnings()) {
            f.addWarningsItem(new DriftWarning().kind(DriftWarning.KindEnum.fromValue(
                    w.kind().name().toLowerCase(Locale.ROOT))).subject(w.subject())
                    .level(DriftLevel.fromValue(w.level().name().toLowerCase(Locale.ROOT))).value(w.value())
                    .reference(w.reference()).message(w.message().in(locale)));
        }
        return f;
    }
}
