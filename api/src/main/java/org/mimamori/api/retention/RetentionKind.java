package org.mimamori.api.retention;

import java.time.Duration;
import java.time.Instant;

/**
 * One kind of record with a retention period: a Spring bean; the purge runs the kinds in their {@code @Order}
 * (records that rest on others first: outcomes and decisions before the scores they rest on).
 */
public interface RetentionKind {

    /**
     * @return the kind's name, e.g. {@code scores}; also its setting {@code mimamori.retention.<name>} (with
     * {@code _} written {@code -})
     */
    String name();

    /** @return how long records of this kind are kept; positive */
    Duration period();

    /**
     * Erases at most {@code batch} records of this kind older than {@code cutoff}, with what rests on them, in the
     * caller's transaction. Called again until it erases nothing, so each call must make progress or erase
     * nothing.
     *
     * @param cutoff records from before this instant are erased
     * @param batch  the most records to erase in this call
     * @return what was erased
     */
    Erased purge(Instant cutoff, int batch);

    /**
     * What one batch erased.
     *
     * @param records  records of the kind itself
     * @param attached rows erased with them (e.g. a score's own assessments and screening entries)
     */
    record Erased(int records, int attached) {

        /** Nothing. */
        public static final Erased NONE = new Erased(0, 0);

        /** @return whether anything was erased */
        public boolean any() {
            return records > 0 || attached > 0;
        }
    }
}
