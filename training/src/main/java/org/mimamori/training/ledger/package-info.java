/**
 * Commands that work on the service's database itself: the login shared by them ({@link
 * org.mimamori.training.ledger.DatabaseLogin}) and {@code verify-audit}, which walks the audit chain.
 */
package org.mimamori.training.ledger;
