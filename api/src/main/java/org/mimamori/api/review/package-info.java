/**
 * Supervisors' review: recent scores with their explanation, decisions, overrides and outcomes; agreement
 * between staff and model by band and by week; open red flags; and the static review page {@code /review}.
 */
package org.mimamori.api.review;
