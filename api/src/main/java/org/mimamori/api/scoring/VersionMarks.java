package org.mimamori.api.scoring;

import java.time.Instant;
import java.time.ZoneOffset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A stored score's version marks (columns of {@code score}, never parsed back from its JSON) as the contract's
 * fields {@code supersededBy}, {@code supersededAt}, {@code supersedes} and {@code correctionReason}, appended as
 * the last members of the stored response. The stored bytes stay as they are, a prefix of what is answered; a
 * score never corrected is answered byte for byte as stored.
 */
final class VersionMarks {

    private VersionMarks() {
    }

    /**
     * @param stored the stored response (a JSON object, as the service wrote it)
     * @return the response with the marks that apply, or {@code stored} itself when none does
     */
    static String mark(String stored, String supersedes, String correctionReason, String supersededBy,
                       Instant supersededAt, ObjectMapper json) {
        ObjectNode marks = json.createObjectNode();
        if (supersededBy != null) {
            marks.put("supersededBy", supersededBy);
            if (supersededAt != null) {
                marks.put("supersededAt", supersededAt.atOffset(ZoneOffset.UTC).toString());
            }
        }
        if (supersedes != null) {
            marks.put("supersedes", supersedes);
            if (correctionReason != null) {
                marks.put("correctionReason", correctionReason);
            }
        }
        if (marks.isEmpty()) {
            return stored;
        }
        int end = stored.lastIndexOf('}');
        if (end < 0) {
            throw new IllegalStateException("a stored score is not a JSON object");
        }
        String members;
        try {
            String written = json.writeValueAsString(marks);
            members = written.substring(1, written.length() - 1);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
        boolean empty = stored.substring(stored.indexOf('{') + 1, end).isBlank();
        return stored.substring(0, end) + (empty ? "" : ",") + members + stored.substring(end);
    }
}
