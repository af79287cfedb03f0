package org.mimamori.api.database;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * For an external database: when {@code mimamori.database.service-account} names the service's account, the
 * migrations (run by {@code spring.flyway.user}) end by giving it its table privileges ({@link AccountGrants}).
 */
@Configuration(proxyBeanMethods = false)
class AccountGrantsConfiguration {

    @Bean
    @ConditionalOnProperty("mimamori.database.service-account")
    AccountGrants accountGrants(@Value("${mimamori.database.service-account}") String account) {
        return new AccountGrants(account);
    }
}
