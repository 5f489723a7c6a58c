package io.commitmentsledger.ledger;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans the whole service shares. */
@Configuration(proxyBeanMethods = false)
public class LedgerConfiguration {

    /** Server time, in UTC; tests replace it to make "today" fixed. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
