package io.commitmentsledger.ledger.publication;

import io.commitmentsledger.contracts.events.CloudEventHeaders;
import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.ledger.log.LoggedEvent;
import io.commitmentsledger.ledger.log.VerifiableLog;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.stereotype.Component;

/**
 * Turns stored events into Kafka records: a CloudEvent in binary mode whose value is the event's JSON exactly as
 * stored, whose key is the commitment id and whose headers are the CloudEvents attributes, with the event's place in
 * the verifiable log. The record carries everything its log leaf covers ({@code ce_time} is the stored time stamp as
 * stored, the type and revision those stored), so a subscriber rebuilds the leaf from the record, checks it against
 * {@code ce_leafhash}, the ledger's signature {@code ce_ledgersignature} and the commitment's chain ({@code
 * ce_previousleafhash}). The live publisher and a re-publication both build their records here, from the log, so a
 * re-published record is the same record again.
 */
@Component
class EventRecords {

    private final VerifiableLog log;
    private final PublicationProperties properties;

    EventRecords(VerifiableLog log, PublicationProperties properties) {
        this.log = log;
        this.properties = properties;
    }

    /**
     * One record per event, in the order given; events not yet in the verifiable log are appended to it in that
     * order first (committed before this returns).
     */
    List<ProducerRecord<String, byte[]>> of(List<String> eventIdsInVisibleOrder) {
        return log.append(eventIdsInVisibleOrder).stream().map(this::record).toList();
    }

    private ProducerRecord<String, byte[]> record(LoggedEvent event) {
        Base64.Encoder base64 = Base64.getEncoder();
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(headers, CloudEventHeaders.ID, event.eventId());
        header(headers, CloudEventHeaders.SOURCE, CloudEventHeaders.SOURCE_VALUE);
        header(headers, CloudEventHeaders.TYPE, EventTypes.cloudEventType(event.type(), event.revision()));
        header(headers, CloudEventHeaders.SUBJECT, event.commitmentId());
        header(headers, CloudEventHeaders.TIME, event.recordedAt());
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.CONTENT_TYPE_VALUE);
        header(
                headers,
                CloudEventHeaders.DATA_SCHEMA,
                EventTypes.dataSchema(event.type(), event.revision()).toString());
        header(headers, CloudEventHeaders.COMMITMENT_SEQUENCE, Long.toString(event.sequence()));
        header(headers, CloudEventHeaders.GLOBAL_POSITION, Long.toString(event.globalIndex()));
        header(headers, CloudEventHeaders.LOG_INDEX, Long.toString(event.logIndex()));
        header(headers, CloudEventHeaders.LEAF_HASH, base64.encodeToString(event.leafHash()));
        header(headers, CloudEventHeaders.PREVIOUS_LEAF_HASH, base64.encodeToString(event.previousLeafHash()));
        header(headers, CloudEventHeaders.LEDGER_SIGNATURE, event.leafSignature());

        return new ProducerRecord<>(properties.topic(), null, event.commitmentId(), event.payload(), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
