package org.mimamori.model.drift;

import java.util.LinkedHashMap;
import java.util.Map;

import org.mimamori.model.encoding.CaseEncoder;

/**
 * Counts over a window of scored cases, per input item of one encoder: how many cases were in each state, how many
 * recorded values lay outside the training range; and how many scores fell in each band. Mutable (a counter), not
 * thread-safe.
 */
public final class DriftWindow {

    private final CaseEncoder encoder;
    private final long[][] states;
    private final long[] outside;
    private final Map<String, Long> bands = new LinkedHashMap<>();
    private long scores;

    /** An empty window for the input items of this encoder. */
    public DriftWindow(CaseEncoder encoder) {
        this.encoder = encoder;
        int n = encoder.inputItems().size();
        this.states = new long[n][];
        this.outside = new long[n];
        for (int k = 0; k < n; k++) {
            int[] range = encoder.featureRange(k);
            states[k] = new long[range[1] - range[0]];
        }
    }

    /** The encoder whose items are counted. */
    public CaseEncoder encoder() {
        return encoder;
    }

    /**
     * Adds one scored case. A state position out of its item's range (a stored observation of another encoder)
     * is not counted for that item.
     *
     * @throws IllegalArgumentException when the observation is not of this encoder's number of items
     */
    public DriftWindow add(Observation o, String band) {
        if (o.states().length != states.length) {
            throw new IllegalArgumentException("an observation of " + o.states().length + " items, the encoder has "
                    + states.length);
        }
        for (int k = 0; k < states.length; k++) {
            int s = o.states()[k];
            if (s < states[k].length) {
                states[k][s]++;
            }
            if (o.outside()[k]) {
                outside[k]++;
            }
        }
        addScores(1);
        if (band != null) {
            addBand(band, 1);
        }
        return this;
    }

    /**
     * Adds stored counts of one item and state (e.g. from a {@code GROUP BY}).
     *
     * @param item    the item id; an item the encoder does not have is ignored (stored by another schema)
     * @param state   the state position; a position out of the item's range is ignored
     * @param count   cases in that state
     * @param outsideRange of them, recorded values outside the training range
     */
    public void addCounts(String item, int state, long count, long outsideRange) {
        int k = position(item);
        if (k < 0 || state < 0 || state >= states[k].length) {
            return;
        }
        states[k][state] += count;
        outside[k] += outsideRange;
    }

    /**
     * Restores the counts left out as implied: per item, the cases in its modal state that had no row are the
     * window's scores minus all the item's counted cases. Call once, after every {@link #addCounts} and
     * {@link #addScores}.
     *
     * @param modal per input item, the state whose rows were left out ({@link Drift#modalStates})
     */
    public void completeModal(int[] modal) {
        for (int k = 0; k < states.length; k++) {
            long counted = 0;
            for (long c : states[k]) {
                counted += c;
            }
            if (scores > counted) {
                states[k][modal[k]] += scores - counted;
            }
        }
    }

    /** Adds scores to the window size (their item counts come through {@link #addCounts}). */
    public void addScores(long n) {
        scores += n;
    }

    /** Adds scores in a band (null band = withheld estimate, not counted). */
    public void addBand(String band, long n) {
        if (band != null) {
            bands.merge(band, n, Long::sum);
        }
    }

    /** How many scores. */
    public long scores() {
        return scores;
    }

    /** The state counts of the k-th input item (a copy). */
    public long[] states(int k) {
        return states[k].clone();
    }

    /** How many recorded values of the k-th input item lay outside the training range. */
    public long outside(int k) {
        return outside[k];
    }

    /** Scores per band, in the order first seen. */
    public Map<String, Long> bands() {
        return Map.copyOf(bands);
    }

    private int position(String item) {
        var items = encoder.inputItems();
        for (int k = 0; k < items.size(); k++) {
            if (items.get(k).id().equals(item)) {
                return k;
            }
        }
        return -1;
    }
}
