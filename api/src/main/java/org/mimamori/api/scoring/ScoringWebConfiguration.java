package org.mimamori.api.scoring;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts {@link RawJsonConverter} before Jackson, so stored scores are written unchanged. */
@Configuration(proxyBeanMethods = false)
class ScoringWebConfiguration implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.add(0, new RawJsonConverter());
    }
}
