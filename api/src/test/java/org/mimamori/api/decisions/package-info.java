/** Tests of decisions, sign-offs and outcomes against the running service. */
package org.mimamori.api.decisions;
