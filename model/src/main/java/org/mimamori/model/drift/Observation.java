package org.mimamori.model.drift;

import java.util.Arrays;

/**
 * What drift monitoring keeps of one scored case, per input item in encoder order: the position of its active
 * state among the item's states (see {@link org.mimamori.model.encoding.CaseEncoder#featureRange}) and whether a
 * recorded number lay outside the training range. Nothing else of the case.
 *
 * <p>{@link #packed()} is its stored form: two bytes per input item in encoder order, big-endian
 * {@code state << 1 | outside}, so one score is one small binary column whatever the number of items, readable
 * only with the encoder of the model that scored it (whose items fix the order).
 *
 * @param states  per input item, the state position
 * @param outside per input item, whether its recorded value was outside the training range
 */
public record Observation(int[] states, boolean[] outside) {

    /** The largest state position the stored form holds. */
    public static final int MAX_STATE = 0x7FFF;

    /**
     * @throws IllegalArgumentException when the arrays differ in length or a state is negative or above
     *                                  {@link #MAX_STATE}
     */
    public Observation {
        if (states.length != outside.length) {
            throw new IllegalArgumentException("an observation needs a state and an outside-range flag per item ("
                    + states.length + " states, " + outside.length + " flags)");
        }
        for (int s : states) {
            if (s < 0 || s > MAX_STATE) {
                throw new IllegalArgumentException("a state position must be 0 to " + MAX_STATE + ", not " + s);
            }
        }
    }

    /** The stored form: two bytes per item (see the class comment). */
    public byte[] packed() {
        byte[] b = new byte[2 * states.length];
        for (int k = 0; k < states.length; k++) {
            int v = states[k] << 1 | (outside[k] ? 1 : 0);
            b[2 * k] = (byte) (v >>> 8);
            b[2 * k + 1] = (byte) v;
        }
        return b;
    }

    /**
     * Reads a stored form.
     *
     * @param packed what {@link #packed()} gave
     * @param items  how many input items the scoring model's encoder has
     * @return the observation, or null when the stored form is not one of that many items (another model's)
     */
    public static Observation unpacked(byte[] packed, int items) {
        if (packed == null || packed.length != 2 * items) {
            return null;
        }
        int[] states = new int[items];
        boolean[] outside = new boolean[items];
        for (int k = 0; k < items; k++) {
            int v = (packed[2 * k] & 0xFF) << 8 | packed[2 * k + 1] & 0xFF;
            states[k] = v >>> 1;
            outside[k] = (v & 1) == 1;
        }
        return new Observation(states, outside);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Observation other && Arrays.equals(states, other.states)
                && Arrays.equals(outside, other.outside);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(states) + Arrays.hashCode(outside);
    }

    @Override
    public String toString() {
        return "Observation" + Arrays.toString(states) + Arrays.toString(outside);
    }
}
