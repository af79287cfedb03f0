/** Tests of the audit trail: one record per request, the hash chain and its verification. */
package org.mimamori.api.audit;
