package io.commitmentsledger.ledger.publication;

import io.commitmentsledger.contracts.events.CloudEventHeaders;
import io.commitmentsledger.contracts.events.EventTypes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes every recorded event to Kafka, in global order, as a CloudEvent in binary mode: the record's value is
 * the event's JSON exactly as stored, its key the commitment id, its headers the CloudEvents attributes.
 *
 * <p>Axon's tracking event processor feeds it batches from the event store and keeps its position (tracking
 * token) in PostgreSQL. Sends within a batch go out without waiting for each other; before the batch's token is
 * stored, every send must be acknowledged ({@code acks=all}, idempotent producer). A failure rolls the batch back
 * and the processor retries it from the stored token: at least once, and in order per commitment because a
 * commitment's records share a partition and the idempotent producer keeps their order.
 */
@Component
@ProcessingGroup(KafkaEventPublisher.PROCESSOR)
class KafkaEventPublisher {

    static final String PROCESSOR = "kafka-publisher";

    private static final Logger log = LoggerFactory.getLogger(KafkaEventPublisher.class);
    private static final String PENDING_SENDS = KafkaEventPublisher.class.getName() + ".pendingSends";

    private final KafkaTemplate<String, byte[]> kafka;
    private final Serializer eventSerializer;
    private final PublicationProperties properties;

    KafkaEventPublisher(
            KafkaTemplate<String, byte[]> kafka,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            PublicationProperties properties) {
        this.kafka = kafka;
        this.eventSerializer = eventSerializer;
        this.properties = properties;
    }

    /**
     * Takes the message, not the payload: the stored bytes go out as they are, so the event is never deserialized
     * (which cost more CPU than anything else here).
     */
    @EventHandler
    void publish(DomainEventMessage<?> message, TrackingToken token) {
        long globalPosition = token.position().orElseThrow();
        SerializedObject<byte[]> payload = message.serializePayload(eventSerializer, byte[].class);
        String type = payload.getType().getName();
        String name = type.substring(type.lastIndexOf('.') + 1);
        String revision = payload.getType().getRevision();

        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(headers, CloudEventHeaders.ID, message.getIdentifier());
        header(headers, CloudEventHeaders.SOURCE, CloudEventHeaders.SOURCE_VALUE);
        header(headers, CloudEventHeaders.TYPE, EventTypes.cloudEventType(name, revision));
        header(headers, CloudEventHeaders.SUBJECT, message.getAggregateIdentifier());
        header(headers, CloudEventHeaders.TIME, message.getTimestamp().toString());
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.CONTENT_TYPE_VALUE);
        header(
                headers,
                CloudEventHeaders.DATA_SCHEMA,
                EventTypes.dataSchema(name, revision).toString());
        header(headers, CloudEventHeaders.COMMITMENT_SEQUENCE, Long.toString(message.getSequenceNumber()));
        header(headers, CloudEventHeaders.GLOBAL_POSITION, Long.toString(globalPosition));

        var record = new ProducerRecord<>(
                properties.topic(), null, message.getAggregateIdentifier(), payload.getData(), headers);
        batch().add(kafka.send(record));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The sends of the current batch; the first call in a batch arranges for them to be awaited before it commits. */
    private Batch batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING_SENDS, key -> {
            Batch batch = new Batch();
            unitOfWork.onPrepareCommit(work -> batch.awaitAcknowledgements());
            return batch;
        });
    }

    private final class Batch {

        private final List<CompletableFuture<?>> sends = new ArrayList<>();

        void add(CompletableFuture<?> send) {
            sends.add(send);
        }

        void awaitAcknowledgements() {
            try {
                CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                        .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                log.warn(
                        "Kafka did not acknowledge a batch of {} events; it will be retried: {}",
                        sends.size(),
                        e.toString());
                // A fresh producer for the retry: the old one may hold a fenced id or a dead connection.
                kafka.getProducerFactory().reset();
                throw new PublicationFailed("Kafka did not acknowledge " + sends.size() + " events", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublicationFailed("interrupted while waiting for Kafka", e);
            }
        }
    }

    /** The broker did not acknowledge a batch; the processor retries it from its stored position. */
    static final class PublicationFailed extends RuntimeException {
        PublicationFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
