package org.mimamori.api.correction;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.mimamori.api.models.ActiveModels;
import org.mimamori.api.scoring.ItemsCheck;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A correction's {@code items} are checked as a score request's are, against the active model's schema;
 * {@link CorrectionService} reads them again by the schema of the model that scores the correction.
 */
@Configuration(proxyBeanMethods = false)
class CorrectionItemsChecks {

    @Bean
    ItemsCheck correctionItemsCheck(ActiveModels models, ObjectMapper json) {
        return ItemsCheck.of("createCorrection", models, json);
    }
}
