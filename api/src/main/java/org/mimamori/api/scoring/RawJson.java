package org.mimamori.api.scoring;

import java.nio.charset.StandardCharsets;

/**
 * A response body that is already JSON and is written as it is (see {@link RawJsonConverter}), so a stored
 * score is returned byte for byte.
 *
 * @param utf8 the JSON text in UTF-8 (not copied: do not change it)
 */
record RawJson(byte[] utf8) {

    /** The JSON text of a string. */
    static RawJson of(String json) {
        return new RawJson(json.getBytes(StandardCharsets.UTF_8));
    }
}
