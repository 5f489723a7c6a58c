package io.commitmentsledger.ledger.commitment.application;

import io.commitmentsledger.ledger.commitment.Commitment;
import io.commitmentsledger.ledger.eventstore.EventStoreProperties;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.RepositorySpanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link Commitment} aggregate's repository, which {@code @Aggregate} names; see {@link CachingCommitmentRepository}. */
@Configuration(proxyBeanMethods = false)
class CommitmentRepositoryConfiguration {

    /** Built as Axon's own configuration builds an event-sourcing repository, plus the commitments kept in memory. */
    @Bean
    CachingCommitmentRepository commitmentRepository(
            org.axonframework.config.Configuration axon, EventStore eventStore, EventStoreProperties properties) {
        CachingCommitmentRepository.Builder builder =
                CachingCommitmentRepository.builder().capacity(properties.cachedCommitments());
        builder.parameterResolverFactory(axon.parameterResolverFactory())
                .handlerDefinition(axon.handlerDefinition(Commitment.class))
                .eventStore(eventStore)
                .repositoryProvider(axon::repository)
                .spanFactory(axon.getComponent(RepositorySpanFactory.class));
        return builder.buildCaching();
    }
}
