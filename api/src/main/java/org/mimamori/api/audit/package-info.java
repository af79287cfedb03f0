/**
 * The audit trail: who, in which role, did what to which resource, why, when, and how it ended. Records are
 * written in the same transaction as the action they describe, so an action that cannot be audited does not
 * happen.
 */
package org.mimamori.api.audit;
