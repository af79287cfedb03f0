/**
 * The human decision loop: staff record decisions on scores with reasons, overrides of the band and dismissed
 * red flags are marked, supervisors sign off dismissed red flags, and outcomes recorded afterwards become the
 * next model's training labels (tables {@code decision} and {@code outcome}).
 */
package org.mimamori.api.decisions;
