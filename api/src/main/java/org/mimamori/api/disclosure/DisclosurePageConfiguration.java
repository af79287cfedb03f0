package org.mimamori.api.disclosure;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Serves the static disclosure page ({@code static/disclosure/index.html}) at {@code /disclosure}. */
@Configuration(proxyBeanMethods = false)
class DisclosurePageConfiguration implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/disclosure").setViewName("forward:/disclosure/index.html");
        registry.addViewController("/disclosure/").setViewName("forward:/disclosure/index.html");
    }
}
