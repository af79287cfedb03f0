package org.mimamori.model.calibration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Calibrators as JSON, e.g. {@code {"kind":"platt","a":1.2,"b":-0.4}}. Numbers are written in their
 * shortest exact form, so reading back gives a calibrator equal to the one written.
 */
public final class CalibratorJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CalibratorJson() {
    }

    /** The calibrator as a JSON object. */
    public static String write(Calibrator calibrator) {
        try {
            return JSON.writerFor(Calibrator.class).writeValueAsString(calibrator);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write calibrator " + calibrator, e);
        }
    }

    /**
     * Reads a calibrator written by {@link #write}.
     *
     * @throws IllegalArgumentException when the text is not a valid calibrator, saying why
     */
    public static Calibrator read(String json) {
        try {
            return JSON.readValue(json, Calibrator.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a valid calibrator: " + e.getOriginalMessage(), e);
        }
    }
}
