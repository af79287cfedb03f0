/**
 * Families' right to disclosure: {@code GET /api/v1/children/{childRef}/disclosure} (privacy officer) gives
 * everything held about one child — every score version with its inputs and its explanation as given,
 * decisions with reasons, outcomes, own assessments, screening entries — and who accessed the child's records
 * ({@link DisclosureStore#accessesOf}); the static page {@code /disclosure/} prints it in Japanese or English.
 * One audit record per request, in its transaction.
 */
package org.mimamori.api.disclosure;
