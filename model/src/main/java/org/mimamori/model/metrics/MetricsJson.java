package org.mimamori.model.metrics;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * The JSON conventions of metric results: snake_case names, and a number that is NaN or infinite written as
 * {@code null} (JSON has no NaN) and read back as NaN.
 */
public final class MetricsJson {

    private MetricsJson() {
    }

    /** A new mapper with these conventions; configure further as needed. */
    public static ObjectMapper mapper() {
        SimpleModule module = new SimpleModule("mimamori-metrics");
        module.addSerializer(Double.class, new NonFiniteAsNull());
        module.addSerializer(Double.TYPE, new NonFiniteAsNull());
        module.addDeserializer(Double.TYPE, new NullAsNaN());
        module.addDeserializer(Double.class, new NullAsNaN());
        return new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .registerModule(module);
    }

    /** Writes finite doubles as numbers and the rest as null. */
    private static final class NonFiniteAsNull extends JsonSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            if (value == null || !Double.isFinite(value)) {
                gen.writeNull();
            } else {
                gen.writeNumber(value);
            }
        }
    }

    /** Reads numbers as doubles and null as NaN (not Jackson's default 0 for a primitive). */
    private static final class NullAsNaN extends JsonDeserializer<Double> {
        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != null && p.currentToken().isNumeric()) {
                return p.getDoubleValue();
            }
            return (Double) ctxt.handleUnexpectedToken(Double.class, p);
        }

        @Override
        public Double getNullValue(DeserializationContext ctxt) {
            return Double.NaN;
        }
    }
}
