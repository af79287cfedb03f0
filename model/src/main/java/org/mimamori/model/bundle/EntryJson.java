package org.mimamori.model.bundle;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import org.mimamori.model.schema.InvalidValueException;
import org.mimamori.model.schema.LocalizedText;

/**
 * Reads JSON entries of a bundle and says what is wrong in plain words, in Japanese and English: where the JSON
 * breaks, which field has the wrong type, or why a value was refused — never a Java class name.
 */
final class EntryJson {

    private EntryJson() {
    }

    /** Reads an entry as a type, or records the problem and returns null. */
    static <T> T read(ObjectMapper mapper, byte[] json, String entry, Class<T> type, Findings findings) {
        try {
            T value = mapper.readValue(json, type);
            if (value == null) {
                findings.add(entry, "JSON オブジェクトがありません", "holds no JSON object");
            }
            return value;
        } catch (IOException e) {
            findings.add(entry, describe(e));
            return null;
        } catch (RuntimeException e) {
            LocalizedText why = refusal(e);
            findings.add(entry, "読み取れません" + why.ja(), "cannot be read" + why.en());
            return null;
        }
    }

    /** What is wrong, from a Jackson failure. */
    static LocalizedText describe(IOException e) {
        if (e instanceof InvalidTypeIdException t) {
            String at = at(t);
            return new LocalizedText((at.isEmpty() ? "" : at + " に") + "不明な種類 '" + t.getTypeId()
                    + "' が指定されています", "has an unknown kind '" + t.getTypeId() + "'" + en(at));
        }
        if (e instanceof JsonMappingException m) {
            String at = at(m);
            for (Throwable c = m.getCause(); c != null; c = c.getCause()) {
                if (c instanceof IllegalArgumentException || c instanceof IllegalStateException) {
                    return new LocalizedText((at.isEmpty() ? "" : at + " に") + "不正な値があります（" + ja(c) + "）",
                            "has an impossible value" + en(at) + ": " + c.getMessage());
                }
            }
            if (!at.isEmpty()) {
                return new LocalizedText(at + " の値の型が正しくありません", "has a value of the wrong type" + en(at));
            }
        }
        if (e instanceof JsonProcessingException p) {
            JsonLocation l = p.getLocation();
            boolean where = l != null && l.getLineNr() >= 1;
            return new LocalizedText("JSON として正しくありません" + (where ? "（" + l.getLineNr() + " 行目、"
                    + l.getColumnNr() + " 列目）" : ""), "is not valid JSON" + (where ? " (line " + l.getLineNr()
                    + ", column " + l.getColumnNr() + ")" : ""));
        }
        return new LocalizedText("読み取れません", "cannot be read");
    }

    private static LocalizedText refusal(RuntimeException e) {
        return e instanceof IllegalArgumentException && e.getMessage() != null
                ? new LocalizedText("：" + ja(e), ": " + e.getMessage()) : new LocalizedText("", "");
    }

    /**
     * Why a value was refused, in Japanese where the refusal says it in both languages; other refusals (worded
     * by the part of the model that refused, in English) as they are.
     */
    static String ja(Throwable refusal) {
        return refusal instanceof InvalidValueException v ? v.text().ja() : refusal.getMessage();
    }

    /** {@code " at weights[3].weight"}, or nothing. */
    private static String en(String at) {
        return at.isEmpty() ? "" : " at " + at;
    }

    /** {@code weights[3].weight}, from a mapping failure's path (empty when it has none). */
    private static String at(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
