package org.mimamori.training.synth;

/**
 * A child's true, latent needs for support: the known truth that the observable signals are caused by and
 * the label is an imperfect record of. Several may hold at once.
 *
 * @param poverty        the household lives below the relative poverty line
 * @param neglect        the child's basic needs go unmet
 * @param abuse          the child is subjected to violence
 * @param youngCarer     the child routinely cares for a family member
 * @param schoolRefusal  the child does not attend school
 */
public record Needs(boolean poverty, boolean neglect, boolean abuse, boolean youngCarer, boolean schoolRefusal) {

    /** The need types, in the order used by the files. */
    public static final String[] TYPES = {"poverty", "neglect", "abuse", "young_carer", "school_refusal"};

    /** True need: any need type. */
    public boolean any() {
        return poverty || neglect || abuse || youngCarer || schoolRefusal;
    }

    /** Whether the need type at this position of {@link #TYPES} holds. */
    public boolean has(int type) {
        return switch (type) {
            case 0 -> poverty;
            case 1 -> neglect;
            case 2 -> abuse;
            case 3 -> youngCarer;
            case 4 -> schoolRefusal;
            default -> throw new IllegalArgumentException("no need type " + type);
        };
    }

    /** How many need types hold. */
    public int count() {
        int n = 0;
        for (int t = 0; t < TYPES.length; t++) {
            n += has(t) ? 1 : 0;
        }
        return n;
    }
}
