package org.mimamori.api.scoring;

/**
 * A response body that is already JSON and is written as it is (see {@link RawJsonConverter}), so a stored
 * score is returned byte for byte.
 *
 * @param json the JSON text
 */
record RawJson(String json) {
}
