/**
 * A small, safe expression language for derived items and applicability rules in a feature schema:
 * arithmetic, comparisons, three-valued {@code and}/{@code or}/{@code not} and a handful of functions.
 * Nothing in it can loop, call out or change state.
 */
package org.mimamori.model.expr;
