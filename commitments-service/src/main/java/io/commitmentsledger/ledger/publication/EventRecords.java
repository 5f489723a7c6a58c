package io.commitmentsledger.ledger.publication;

import io.commitmentsledger.contracts.events.CloudEventHeaders;
import io.commitmentsledger.contracts.events.EventTypes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Turns stored events into Kafka records: a CloudEvent in binary mode whose value is the event's JSON exactly as
 * stored, whose key is the commitment id and whose headers are the CloudEvents attributes. The live publisher and a
 * re-publication both build their records here, so a re-published record is the same record again.
 */
@Component
class EventRecords {

    private final Serializer eventSerializer;
    private final GlobalPositions globalPositions;
    private final PublicationProperties properties;

    EventRecords(
            @Qualifier("eventSerializer") Serializer eventSerializer,
            GlobalPositions globalPositions,
            PublicationProperties properties) {
        this.eventSerializer = eventSerializer;
        this.globalPositions = globalPositions;
        this.properties = properties;
    }

    /** One record per event, in the order given, each naming its event's own global position. */
    List<ProducerRecord<String, byte[]>> of(List<? extends DomainEventMessage<?>> events) {
        Map<String, Long> positions = globalPositions.of(
                events.stream().map(DomainEventMessage::getIdentifier).toList());
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events.size());
        for (DomainEventMessage<?> event : events) {
            Long position = positions.get(event.getIdentifier());
            if (position == null) {
                throw new IllegalStateException("event " + event.getIdentifier() + " is not in the event store");
            }
            records.add(record(event, position));
        }
        return records;
    }

    /**
     * Takes the message, not the payload: the stored bytes go out as they are, so the event is never deserialized
     * (which cost more CPU than anything else here).
     */
    private ProducerRecord<String, byte[]> record(DomainEventMessage<?> message, long globalPosition) {
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

        return new ProducerRecord<>(
                properties.topic(), null, message.getAggregateIdentifier(), payload.getData(), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
