/**
 * Retention: per kind of record a configured period ({@code mimamori.retention.<kind>}) after which a purge
 * erases it, in bounded batches of {@code mimamori.retention.batch-size}, on a schedule
 * ({@code mimamori.retention.schedule}) or on demand ({@code POST /api/v1/retention/runs}, admin). Each kind is a
 * {@link org.mimamori.api.retention.RetentionKind} bean of its own; another kind (e.g. the audit trail's) is added
 * by adding a bean, without touching the others. Each batch and its counts commit together; each run is one
 * audit record ({@code retention.purge}, resource {@code retention-run/<id>}) with its counts in
 * {@code retention_run_kind}.
 */
package org.mimamori.api.retention;
