package org.mimamori.api.config;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.validation.beanvalidation.MethodValidationPostProcessor;

/**
 * Validates the scoring hot path once. The generated interfaces carry {@code @Validated}, which would wrap
 * every controller in a validating proxy that checks the request body a second time (Spring MVC already
 * validates {@code @Valid} bodies) and the return value. Proxies are made only for classes annotated with
 * {@link ProxyValidated}: the controllers whose path or query parameters carry constraints.
 */
@Configuration(proxyBeanMethods = false)
class ValidationConfiguration {

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static MethodValidationPostProcessor methodValidationPostProcessor() {
        MethodValidationPostProcessor p = new MethodValidationPostProcessor();
        p.setValidatedAnnotationType(ProxyValidated.class);
        p.setProxyTargetClass(true);
        return p;
    }
}
