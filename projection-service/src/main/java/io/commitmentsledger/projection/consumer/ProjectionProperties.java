package io.commitmentsledger.projection.consumer;

import io.commitmentsledger.contracts.events.EventTypes;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the projection reads the event topic.
 *
 * @param topic the ledger's event topic
 * @param deadLetterTopic where unreadable records go, with the reason in their headers
 * @param stuckAfter how long the projection may apply nothing while events wait before health says DOWN
 */
@ConfigurationProperties("ledger.projection")
public record ProjectionProperties(
        @DefaultValue(EventTypes.DEFAULT_TOPIC) String topic,
        @DefaultValue(EventTypes.DEFAULT_TOPIC + ".DLT") String deadLetterTopic,
        @DefaultValue("60s") Duration stuckAfter) {}
