package io.commitmentsledger.ledger.publication;

import io.commitmentsledger.contracts.events.EventTypes;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how events are published. The service creates missing topics so that they keep every record for ever
 * ({@link TopicRetention}); partitions and replicas apply only then.
 *
 * @param topic the Kafka topic
 * @param deadLetterTopic the topic where projection-service puts records it cannot read; created here too, so that
 *     it keeps them for ever whichever service starts first, and checked like the event topic
 * @param partitions partitions of the topic when the service creates it; a commitment's events share one
 * @param replicas replication factor of the topics when the service creates them
 * @param sendTimeout how long a batch waits for the broker's acknowledgements before it is retried
 */
@ConfigurationProperties("ledger.publication")
public record PublicationProperties(
        @DefaultValue(EventTypes.DEFAULT_TOPIC) String topic,
        @DefaultValue(EventTypes.DEFAULT_TOPIC + ".DLT") String deadLetterTopic,
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicas,
        @DefaultValue("30s") Duration sendTimeout) {}
