package org.mimamori.model.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.mimamori.model.encoding.CaseEncoder;
import org.mimamori.model.encoding.EncodedCase;
import org.mimamori.model.encoding.EncodedFeature;
import org.mimamori.model.schema.Item;

/**
 * Finds the smallest changes in item values that would carry a case's logit across a band boundary. Only items
 * the schema marks {@code changeable} (circumstances that support or time can change) and whose value is recorded
 * are changed, only to other recorded states; an item that does not apply to the child, an unknown item, or one
 * that must not be changed to move a score (age, history, receipt of aid) is never offered.
 */
final class BandMoves {

    /** How many single-item alternatives to list. */
    private static final int MAX_SINGLE = 3;

    private final Scorecard scorecard;
    private final CaseEncoder encoder;

    BandMoves(Scorecard scorecard) {
        this.scorecard = scorecard;
        this.encoder = scorecard.encoder();
    }

    /**
     * Changes that move the logit from {@code logit} to at least {@code target} (when {@code up}) or below it.
     *
     * @return the changes and whether they are needed together; empty when the target cannot be reached
     */
    Result towards(EncodedCase e, double logit, double target, boolean up) {
        double needed = target - logit;
        List<Candidate> single = new ArrayList<>();
        List<Candidate> best = new ArrayList<>();
        int[] active = e.indices();
        for (int k = 0; k < active.length; k++) {
            int[] range = encoder.featureRange(k);
            int current = active[k];
            int valueStates = range[1] - range[0] - 2; // the last two states are unknown and not applicable
            if (current >= range[0] + valueStates || !encoder.inputItems().get(k).isChangeable()) {
                // Unknown (what recording it could do is the missing information's), not applicable, or not a
                // circumstance that support or time can change (age, history, receipt of aid or services).
                continue;
            }
            Candidate nearestSufficient = null;
            Candidate strongest = null;
            for (int f = range[0]; f < range[0] + valueStates; f++) {
                if (f == current) {
                    continue;
                }
                double delta = scorecard.weight(f) - scorecard.weight(current);
                int distance = Math.abs(f - current);
                Candidate c = new Candidate(k, current, f, delta, distance);
                boolean sufficient = up ? delta >= needed : delta < needed;
                if (sufficient && (nearestSufficient == null || c.distance < nearestSufficient.distance
                        || (c.distance == nearestSufficient.distance && Math.abs(delta) < Math.abs(nearestSufficient.delta)))) {
                    nearestSufficient = c;
                }
                if ((up ? delta : -delta) > 0 && (strongest == null || (up ? delta > strongest.delta : delta < strongest.delta))) {
                    strongest = c;
                }
            }
            if (nearestSufficient != null) {
                single.add(nearestSufficient);
            }
            if (strongest != null) {
                best.add(strongest);
            }
        }
        if (!single.isEmpty()) {
            single.sort(Comparator.comparingInt((Candidate c) -> c.distance).thenComparingDouble(c -> Math.abs(c.delta)));
            return new Result(false, single.stream().limit(MAX_SINGLE).map(this::change).toList());
        }
        best.sort(Comparator.comparingDouble((Candidate c) -> -Math.abs(c.delta)));
        double reached = 0;
        List<ItemChange> together = new ArrayList<>();
        for (Candidate c : best) {
            together.add(change(c));
            reached += c.delta;
            if (up ? reached >= needed : reached < needed) {
                return new Result(true, together);
            }
        }
        return new Result(true, List.of());
    }

    private ItemChange change(Candidate c) {
        Item item = encoder.inputItems().get(c.item);
        EncodedFeature from = encoder.features().get(c.from);
        EncodedFeature to = encoder.features().get(c.to);
        return new ItemChange(item, from.label(), to.label(), c.delta);
    }

    record Result(boolean together, List<ItemChange> changes) {
    }

    private record Candidate(int item, int from, int to, double delta, int distance) {
    }
}
