package org.mimamori.api.screening;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import jakarta.servlet.MultipartConfigElement;
import org.mimamori.api.config.MimamoriProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reads query parameters of the contract's enums by their contract values (e.g. {@code status=to_review}),
 * through the generated {@code fromValue}; a value outside the enum becomes a 400 naming the parameter. Sets the
 * multipart limits to the largest upload any endpoint takes (model bundles or screening files); each endpoint's
 * own limit is applied first, by the declared length (config.BodySizeLimitFilter).
 */
@Configuration(proxyBeanMethods = false)
class ScreeningWebConfiguration implements WebMvcConfigurer {

    @Bean
    MultipartConfigElement multipartConfigElement(MimamoriProperties properties,
                                                  @Value("${mimamori.screening.max-file-size:512MB}") DataSize screening,
                                                  @Value("${spring.servlet.multipart.file-size-threshold:1MB}")
                                                  DataSize threshold,
                                                  @Value("${spring.servlet.multipart.location:}") String location) {
        DataSize largest = DataSize.ofBytes(Math.max(properties.limits().modelBody().toBytes(), screening.toBytes()));
        MultipartConfigFactory f = new MultipartConfigFactory();
        f.setMaxFileSize(largest);
        f.setMaxRequestSize(largest);
        f.setFileSizeThreshold(threshold);
        if (!location.isBlank()) {
            f.setLocation(location);
        }
        return f.createMultipartConfig();
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverterFactory(new ContractEnums());
    }

    /** Converts by the enum's static {@code fromValue(String)} when it has one, else by constant name. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static final class ContractEnums implements ConverterFactory<String, Enum> {
        @Override
        public <T extends Enum> Converter<String, T> getConverter(Class<T> type) {
            Method fromValue;
            try {
                fromValue = type.getMethod("fromValue", String.class);
            } catch (NoSuchMethodException e) {
                return text -> (T) Enum.valueOf(type, text.trim());
            }
            return text -> {
                try {
                    return (T) fromValue.invoke(null, text.trim());
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalArgumentException(e);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            };
        }
    }
}
