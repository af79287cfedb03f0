package org.mimamori.api.scoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** Writes {@link RawJson} bodies unchanged as {@code application/json}. */
final class RawJsonConverter extends AbstractHttpMessageConverter<RawJson> {

    RawJsonConverter() {
        super(StandardCharsets.UTF_8, MediaType.APPLICATION_JSON);
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return RawJson.class == clazz;
    }

    @Override
    public boolean canRead(Class<?> clazz, MediaType mediaType) {
        return false;
    }

    @Override
    protected RawJson readInternal(Class<? extends RawJson> clazz, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("not readable", input);
    }

    @Override
    protected void writeInternal(RawJson body, HttpOutputMessage output) throws IOException {
        output.getBody().write(body.utf8());
    }
}
