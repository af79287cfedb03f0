/**
 * Cessation of use and deletion (利用停止・消去) of one child's records, on a family's request handled by a privacy
 * officer: {@code POST /api/v1/children/{childRef}/cessation} either erases the child's scores with their inputs,
 * decisions, outcomes, own assessments and screening entries, or restricts them (kept, no longer used), and leaves
 * a tombstone (table {@code cessation}). Scoring, screening, review and export consult the tombstone through
 * {@link org.mimamori.api.cessation.Cessations}. Audit records are kept: they record who accessed the child.
 */
package org.mimamori.api.cessation;
