package io.commitmentsledger.projection.revisions;

import io.commitmentsledger.contracts.upcasting.EventUpcasters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RevisionsConfiguration {

    /** The ledger's revisions and upcasters, as api-contracts ships them. */
    @Bean
    EventUpcasters eventUpcasters() {
        return EventUpcasters.ledger();
    }
}
