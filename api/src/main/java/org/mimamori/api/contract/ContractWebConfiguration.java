package org.mimamori.api.contract;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Checks every request to an operation of the contract with {@link ContractInterceptor}. */
@Configuration(proxyBeanMethods = false)
class ContractWebConfiguration implements WebMvcConfigurer {

    private final ContractInterceptor interceptor;

    ContractWebConfiguration(ContractInterceptor interceptor) {
        this.interceptor = interceptor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(interceptor);
    }
}
