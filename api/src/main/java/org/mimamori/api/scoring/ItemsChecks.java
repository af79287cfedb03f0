package org.mimamori.api.scoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.mimamori.api.models.ActiveModels;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The score request's {@link ItemsCheck}. */
@Configuration(proxyBeanMethods = false)
class ItemsChecks {

    @Bean
    ItemsCheck scoreItemsCheck(ActiveModels models, ObjectMapper json) {
        return ItemsCheck.of("createScore", models, json);
    }
}
