package org.mimamori.training.synth;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.mimamori.model.schema.Item;
import org.mimamori.model.schema.Tier;

/**
 * How often a recorded model input goes missing (is written as unknown) in the synthetic data. A core item
 * goes missing at {@link #core()}; an optional item at its department's rate (keyed by the item's
 * {@code source}) when one is given, else at {@link #optional()}.
 *
 * @param core         the rate for core items, e.g. 0.01
 * @param optional     the rate for optional items of departments without a rate of their own
 * @param byDepartment rates for the optional items of named departments (sorted, so files list them stably)
 */
public record MissingRates(double core, double optional, Map<String, Double> byDepartment) {

    /** Core items are rarely missing (linked everywhere); optional items more often. */
    public static final MissingRates DEFAULT = new MissingRates(0.01, 0.08, Map.of());

    /** Checks the rates and copies the map. */
    public MissingRates {
        check("core", core);
        check("optional", optional);
        TreeMap<String, Double> m = new TreeMap<>();
        byDepartment.forEach((k, v) -> {
            check(k, v);
            m.put(k, v);
        });
        byDepartment = Collections.unmodifiableSortedMap(m);
    }

    private static void check(String key, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("missing rate for '" + key + "' must be between 0 and 1, got " + rate);
        }
    }

    /**
     * Applies {@code KEY=RATE} settings on top of these rates. The keys {@code core} and {@code optional} set the
     * tier defaults; any other key is a department (an item {@code source}) whose optional items get that rate.
     */
    public MissingRates with(Map<String, Double> settings) {
        double c = core;
        double o = optional;
        Map<String, Double> dep = new TreeMap<>(byDepartment);
        for (Map.Entry<String, Double> e : new TreeMap<>(settings).entrySet()) {
            switch (e.getKey().toLowerCase(Locale.ROOT)) {
                case "core" -> c = e.getValue();
                case "optional" -> o = e.getValue();
                default -> dep.put(e.getKey(), e.getValue());
            }
        }
        return new MissingRates(c, o, dep);
    }

    /** The chance that a recorded value of this item is written as unknown. */
    public double rateFor(Item item) {
        if (item.tier() == Tier.CORE) {
            return core;
        }
        return byDepartment.getOrDefault(item.source(), optional);
    }
}
