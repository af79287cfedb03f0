package org.mimamori.training.synth;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from one seed: one per purpose, part and index (household or child).
 * Each concern draws from its own stream, so changing one setting (say, the surveillance bias or a missing
 * rate) changes only what it governs: the same seed keeps the same households, children and needs.
 */
final class RandomStreams {

    /** What a stream is for. */
    enum Purpose {
        /** Households, children, needs and signals; indexed by household. */
        POPULATION,
        /** Which recorded values go missing; indexed by child. */
        MISSINGNESS,
        /** Who is assessed and what staff confirm; indexed by child. */
        ASSESSMENT
    }

    /** The labelled population and the later cohort use unrelated streams. */
    enum Part {
        POPULATION,
        COHORT
    }

    private final long seed;

    RandomStreams(long seed) {
        this.seed = seed;
    }

    /** The seed of a stream; the same arguments always give the same seed. */
    long seedFor(Part part, Purpose purpose, long index) {
        long h = mix(seed ^ 0x6A09E667F3BCC909L);
        h = mix(h + 0x9E3779B97F4A7C15L * (part.ordinal() + 1));
        h = mix(h + 0xBB67AE8584CAA73BL * (purpose.ordinal() + 1));
        return mix(h + index);
    }

    /** A stream. */
    SplittableRandom stream(Part part, Purpose purpose, long index) {
        return new SplittableRandom(seedFor(part, purpose, index));
    }

    /** The SplitMix64 finaliser: spreads nearby inputs over all 64 bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
