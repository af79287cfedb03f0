package org.mimamori.model.schema;

/**
 * Whether an item is linked in every municipality ({@code core}) or only where agreed ({@code optional}).
 * A core item left unknown makes the service warn.
 */
public enum Tier {
    /** Linked everywhere. */
    CORE,
    /** Linked only where the municipality agreed. */
    OPTIONAL
}
