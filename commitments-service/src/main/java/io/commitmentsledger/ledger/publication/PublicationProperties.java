package io.commitmentsledger.ledger.publication;

import io.commitmentsledger.contracts.events.EventTypes;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how events are published.
 *
 * @param topic the Kafka topic
 * @param partitions partitions of the topic when the service creates it; a commitment's events share one
 * @param replicas replication factor of the topic when the service creates it
 * @param sendTimeout how long a batch waits for the broker's acknowledgements before it is retried
 */
@ConfigurationProperties("ledger.publication")
public record PublicationProperties(
        @DefaultValue(EventTypes.DEFAULT_TOPIC) String topic,
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicas,
        @DefaultValue("30s") Duration sendTimeout) {}
