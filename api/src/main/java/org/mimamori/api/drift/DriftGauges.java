package org.mimamori.api.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.atomic.AtomicLong;
import org.mimamori.model.drift.DriftReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The live window's drift figures as Prometheus gauges on {@code /actuator/prometheus}:
 * {@code mimamori_drift_psi{item}}, {@code mimamori_unknown_rate{item}}, {@code mimamori_outside_range_share{item}},
 * {@code mimamori_source_unknown_rate{source}}, {@code mimamori_drift_warnings{level}} and
 * {@code mimamori_drift_window_scores}. Refreshed every {@code mimamori.drift.refresh} (default one minute) by
 * every instance from the shared database: two grouped reads of at most the window, idempotent, so instances need
 * no coordination and all show the same figures.
 */
@Component
class DriftGauges {

    private static final Logger LOG = LoggerFactory.getLogger(DriftGauges.class);

    private final DriftService drift;
    private final MultiGauge psi;
    private final MultiGauge unknown;
    private final MultiGauge outside;
    private final MultiGauge sourceUnknown;
    private final MultiGauge warnings;
    private final AtomicLong scores = new AtomicLong();

    DriftGauges(DriftService drift, MeterRegistry registry) {
        this.drift = drift;
        this.psi = MultiGauge.builder("mimamori.drift.psi").description("PSI of an item's recorded states")
                .register(registry);
        this.unknown = MultiGauge.builder("mimamori.unknown.rate").description("Share of scores with the item unknown")
                .register(registry);
        this.outside = MultiGauge.builder("mimamori.outside.range.share")
                .description("Share of an item's recorded numbers outside the training range").register(registry);
        this.sourceUnknown = MultiGauge.builder("mimamori.source.unknown.rate")
                .description("Mean unknown rate of a department's items").register(registry);
        this.warnings = MultiGauge.builder("mimamori.drift.warnings").description("Drift warnings by level")
                .register(registry);
        Gauge.builder("mimamori.drift.window.scores", scores, AtomicLong::get)
                .description("Scores in the drift window").register(registry);
    }

    /** Reads the live window and sets the gauges; without an active model or database it keeps the last figures. */
    @Scheduled(fixedDelayString = "${mimamori.drift.refresh:60000}", initialDelayString = "${mimamori.drift.refresh:60000}")
    void refresh() {
        DriftReport r;
        try {
            r = drift.live().report();
        } catch (RuntimeException e) {
            LOG.debug("Drift gauges not refreshed: {}", e.toString());
            return;
        }
        set(r);
    }

    void set(DriftReport r) {
        List<MultiGauge.Row<?>> p = new ArrayList<>();
        List<MultiGauge.Row<?>> u = new ArrayList<>();
        List<MultiGauge.Row<?>> o = new ArrayList<>();
        for (DriftReport.ItemDrift i : r.items()) {
            Tags tags = Tags.of("item", i.item());
            if (i.psi() != null) {
                p.add(MultiGauge.Row.of(tags, i.psi()));
            }
            u.add(MultiGauge.Row.of(tags, i.unknownRate()));
            if (i.outsideRangeShare() != null) {
                o.add(MultiGauge.Row.of(tags, i.outsideRangeShare()));
            }
        }
        psi.register(p, true);
        unknown.register(u, true);
        outside.register(o, true);
        sourceUnknown.register(r.sources().stream().<MultiGauge.Row<?>>map(s -> MultiGauge.Row.of(
                Tags.of("source", s.source()), s.unknownRate())).toList(), true);
        List<MultiGauge.Row<?>> w = new ArrayList<>();
        for (DriftReport.Level level : DriftReport.Level.values()) {
            w.add(MultiGauge.Row.of(Tags.of("level", level.name().toLowerCase(Locale.ROOT)),
                    r.warnings().stream().filter(x -> x.level() == level).count()));
        }
        warnings.register(w, true);
        scores.set(r.scores());
    }
}
