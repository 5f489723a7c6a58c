package io.commitmentsledger.ledger.publication;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.stream.LongStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * {@code ledger.publication.lag}: how many global positions the event store holds beyond the position up to which
 * Kafka has acknowledged everything. Zero when publication is caught up; it grows while the broker is unreachable.
 */
@Component
class PublicationLag implements MeterBinder {

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;

    PublicationLag(EventStore eventStore, EventProcessingConfiguration processing, TokenStore tokenStore) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.tokenStore = tokenStore;
    }

    long current() {
        TrackingToken head = eventStore.createHeadToken();
        long headPosition = head == null ? -1 : head.position().orElse(-1);
        return Math.max(0, headPosition - publishedPosition());
    }

    /** The lowest position over the publisher's segments: everything up to it is on Kafka. */
    private long publishedPosition() {
        LongStream positions = processing
                .eventProcessor(KafkaEventPublisher.PROCESSOR, StreamingEventProcessor.class)
                .map(processor -> processor.processingStatus().values().stream()
                        .map(status -> status.getCurrentPosition())
                        .mapToLong(position -> position.orElse(-1)))
                .orElse(LongStream.empty());
        OptionalLong lowest = positions.min();
        return lowest.isPresent() ? lowest.getAsLong() : storedPosition();
    }

    /** Before the processor has claimed its segments (just after start), its stored tokens tell. */
    private long storedPosition() {
        return Arrays.stream(tokenStore.fetchSegments(KafkaEventPublisher.PROCESSOR))
                .mapToLong(segment -> {
                    TrackingToken token = tokenStore.fetchToken(KafkaEventPublisher.PROCESSOR, segment);
                    return token == null ? -1 : token.position().orElse(-1);
                })
                .min()
                .orElse(-1);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("ledger.publication.lag", this, PublicationLag::current)
                .description("Events recorded in the event store but not yet acknowledged by Kafka")
                .baseUnit("events")
                .register(registry);
    }
}
