package io.commitmentsledger.projection.web;

import io.commitmentsledger.contracts.names.LedgerNames;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The display names the pages show ({@code ledger.names}, defaults from api-contracts' {@code ledger-names.yml},
 * which application.yml imports; other configuration sources add to its maps).
 */
@Configuration(proxyBeanMethods = false)
class NamesConfiguration {

    @Bean
    LedgerNames ledgerNames(Environment environment) {
        return Binder.get(environment).bind("ledger.names", LedgerNames.class).orElse(LedgerNames.none());
    }
}
