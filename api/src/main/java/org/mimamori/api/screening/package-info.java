/**
 * Batch screening (phase 1, "primary screening with digital data") and its ranked review list (phase 2,
 * "narrowing down by people"): a cohort file is streamed in, checked and stored in parts, each a chunk of work
 * that any instance's workers claim (leases, {@code SKIP LOCKED}), score with the screening's model and store
 * whole; each child is recorded as a score with purpose {@code screening} at once ({@code full}) or when people
 * first open it ({@code compact}, its explanation derived again and checked against a fingerprint). The screening
 * only suggests where to look; people decide.
 */
package org.mimamori.api.screening;
