package org.mimamori.training.synth;

/**
 * What happened to a child in the 12 months after the snapshot: whether the family was already known,
 * whether staff assessed the child, and what they confirmed.
 *
 * @param known     the family was known to services (prior consultations or reports, already supported, or
 *                  public assistance)
 * @param assessed  staff assessed the child
 * @param confirmed staff confirmed a need for support (the label); only an assessed child in need can be
 * @param recorded  the need types staff recorded, by position of {@link Needs#TYPES}; all false unless confirmed
 */
public record Assessment(boolean known, boolean assessed, boolean confirmed, boolean[] recorded) {

    /** Copies the array. */
    public Assessment {
        recorded = recorded.clone();
    }

    /** The need types staff recorded. */
    @Override
    public boolean[] recorded() {
        return recorded.clone();
    }

    /** Whether staff recorded the need type at this position of {@link Needs#TYPES}. */
    public boolean recorded(int type) {
        return recorded[type];
    }
}
