/**
 * The audit ledger: a hash chain over the audit records, shared by the service and the command-line tools so
 * that both append and verify records the same way. Each record's SHA-256 covers its canonical content and the
 * previous record's hash; a head row holds the newest record's number and hash. Plain JDBC (no framework), in
 * the caller's transaction.
 */
package org.mimamori.model.audit;
