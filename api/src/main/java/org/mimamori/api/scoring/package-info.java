/**
 * Explained scores: {@code POST /api/v1/scores} reads the items of a case by the schema's conventions, scores
 * it with the active model, and stores the request, the response exactly as given, the model version, who
 * asked and why, together with its audit record in one transaction; {@code GET /api/v1/scores/{id}} returns
 * the stored response byte for byte.
 */
package org.mimamori.api.scoring;
