/**
 * Model cards over the API: {@code GET /api/v1/models/{version}/card} serves the card the training tool wrote
 * into a registered bundle (any state: active, shadow, candidate, retired) as one self-contained HTML page, its
 * plots embedded, under a strict Content-Security-Policy; {@code GET /api/v1/models/{version}/card/{plot}} serves
 * one plot as PNG. Bundles are read through {@link org.mimamori.api.models.RegisteredBundles}; every read is
 * audited.
 */
package org.mimamori.api.cards;
