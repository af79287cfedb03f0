/**
 * Outcome monitoring ({@code GET /api/v1/monitoring/outcomes}): a model's estimates against the outcomes staff
 * recorded (calibration per band, AUC on the assessed children) and, per audit group, the share the model
 * flagged, the share staff decided to act on and the override rate, with the selection-bias caveat and figures on
 * too few children suppressed. The maths is {@link org.mimamori.model.monitoring.OutcomeMonitor}; this package
 * records the audit-group values of each score ({@code score_audit_group}, V14) and reads and serves the report.
 */
package org.mimamori.api.monitoring;
