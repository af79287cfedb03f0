package org.mimamori.model.bundle;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;

/**
 * Reads JSON entries of a bundle and says what is wrong in plain words: where the JSON breaks, which field has
 * the wrong type, or why a value was refused — never a Java class name.
 */
final class EntryJson {

    private EntryJson() {
    }

    /** Reads an entry as a type, or records the problem and returns null. */
    static <T> T read(ObjectMapper mapper, byte[] json, String entry, Class<T> type, Findings findings) {
        try {
            T value = mapper.readValue(json, type);
            if (value == null) {
                findings.add(entry, "holds no JSON object");
            }
            return value;
        } catch (IOException e) {
            findings.add(entry, describe(e));
            return null;
        } catch (RuntimeException e) {
            findings.add(entry, "cannot be read" + refusal(e));
            return null;
        }
    }

    /** What is wrong, from a Jackson failure. */
    static String describe(IOException e) {
        if (e instanceof InvalidTypeIdException t) {
            return "has an unknown kind '" + t.getTypeId() + "'" + at(t);
        }
        if (e instanceof JsonMappingException m) {
            for (Throwable c = m.getCause(); c != null; c = c.getCause()) {
                if (c instanceof IllegalArgumentException || c instanceof IllegalStateException) {
                    return "has an impossible value" + at(m) + ": " + c.getMessage();
                }
            }
            if (!m.getPath().isEmpty()) {
                return "has a value of the wrong type" + at(m);
            }
        }
        if (e instanceof JsonProcessingException p) {
            JsonLocation l = p.getLocation();
            return "is not valid JSON" + (l == null || l.getLineNr() < 1 ? ""
                    : " (line " + l.getLineNr() + ", column " + l.getColumnNr() + ")");
        }
        return "cannot be read";
    }

    private static String refusal(RuntimeException e) {
        return e instanceof IllegalArgumentException && e.getMessage() != null ? ": " + e.getMessage() : "";
    }

    /** {@code " at weights[3].weight"}, from a mapping failure's path. */
    private static String at(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "" : " at " + sb;
    }
}
