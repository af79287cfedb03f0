/**
 * Batch screening (phase 1, "primary screening with digital data") and its ranked review list (phase 2,
 * "narrowing down by people"): a cohort file is checked, stored with a job, scored by the active model in
 * committed batches (each child recorded as a score with purpose {@code screening}), and reviewed by people.
 * The screening only suggests where to look; people decide.
 */
package org.mimamori.api.screening;
