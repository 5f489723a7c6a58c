package io.commitmentsledger.ledger.publication;

import io.commitmentsledger.ledger.log.LogProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.ProducerListener;

/** The topics (events, dead letters, checkpoints), and the error handling that makes publication at-least-once. */
@Configuration(proxyBeanMethods = false)
class PublicationConfiguration {

    /**
     * Created at start-up when missing, keeping every event for ever; an existing topic is left as it is and checked
     * ({@link TopicRetention}).
     */
    @Bean
    NewTopic commitmentEventsTopic(PublicationProperties properties) {
        return TopicRetention.keptForEver(properties.topic(), properties.partitions(), properties.replicas());
    }

    /** One partition, as projection-service creates it; whichever service starts first creates it. */
    @Bean
    NewTopic deadLetterTopic(PublicationProperties properties) {
        return TopicRetention.keptForEver(properties.deadLetterTopic(), 1, properties.replicas());
    }

    /**
     * The verifiable log's signed checkpoints, kept for ever like the events: an auditor checks each against the one
     * before. One partition, so they stay in the order they were signed.
     */
    @Bean
    NewTopic checkpointTopic(LogProperties logProperties, PublicationProperties properties) {
        return TopicRetention.keptForEver(logProperties.checkpointTopic(), 1, properties.replicas());
    }

    /**
     * Boot's default listener logs every failed record at ERROR, hundreds of lines per failed batch during a broker
     * outage; the publisher logs each failed batch once instead.
     */
    @Bean
    ProducerListener<Object, Object> kafkaProducerListener() {
        return new ProducerListener<>() {};
    }

    /**
     * Axon's default for event handlers logs a failure and moves on, which would silently skip the event. The
     * publisher's failures propagate instead, so the processor retries the batch from its stored token.
     */
    @Bean
    ConfigurerModule publisherFailuresAreRetried() {
        return configurer -> configurer
                .eventProcessing()
                .registerListenerInvocationErrorHandler(
                        KafkaEventPublisher.PROCESSOR, configuration -> PropagatingErrorHandler.instance());
    }
}
