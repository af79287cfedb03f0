package org.mimamori.api.review;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Serves the static review page ({@code static/review/index.html}) at {@code /review}. */
@Configuration(proxyBeanMethods = false)
class ReviewPageConfiguration implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/review").setViewName("forward:/review/index.html");
        registry.addViewController("/review/").setViewName("forward:/review/index.html");
    }
}
