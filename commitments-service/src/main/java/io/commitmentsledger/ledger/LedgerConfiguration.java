package io.commitmentsledger.ledger;

import io.commitmentsledger.contracts.names.LedgerNames;
import java.time.Clock;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Beans the whole service shares. */
@Configuration(proxyBeanMethods = false)
public class LedgerConfiguration {

    /** Server time, in UTC; tests replace it to make "today" fixed. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The names registry ({@code ledger.names}: the defaults of api-contracts' {@code ledger-names.yml}, which
     * application.yml imports, merged with any other configuration source). An agreement may name only registered
     * partnerships, areas, countries and agencies; the commitment aggregate checks it.
     */
    @Bean
    LedgerNames ledgerNames(Environment environment) {
        return Binder.get(environment).bind("ledger.names", LedgerNames.class).orElse(LedgerNames.none());
    }
}
