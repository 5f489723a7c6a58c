package io.commitmentsledger.projection.consumer;

import io.commitmentsledger.contracts.events.CloudEventHeaders;
import io.commitmentsledger.contracts.events.CommitmentEvent;
import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.projection.summary.IncomingEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/** Reads the ledger's CloudEvents records (see api-contracts' asyncapi.yaml) with nothing but the contracts. */
@Component
public class EventRecords {

    private static final Pattern CLOUD_EVENT_TYPE = Pattern.compile("dev\\.commitments-ledger\\.(\\w+)\\.v(\\d+)");

    private final ObjectMapper json;

    EventRecords(ObjectMapper json) {
        this.json = json;
    }

    /** The event a record carries, or {@link UnreadableRecord} saying why there is none. */
    public IncomingEvent read(ConsumerRecord<String, byte[]> record) {
        String cloudEventType = header(record, CloudEventHeaders.TYPE);
        Class<? extends CommitmentEvent> type = EventTypes.forCloudEventType(cloudEventType)
                .orElseThrow(() -> new UnreadableRecord("unknown event type or revision '" + cloudEventType + "'"));
        Matcher name = CLOUD_EVENT_TYPE.matcher(cloudEventType);
        if (!name.matches()) {
            throw new UnreadableRecord("malformed ce_type '" + cloudEventType + "'");
        }
        if (record.value() == null) {
            throw new UnreadableRecord("record has no value");
        }
        String payload;
        CommitmentEvent event;
        try {
            payload = StorableText.storable(new String(record.value(), StandardCharsets.UTF_8), json);
            event = json.readValue(payload, type);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new UnreadableRecord("value is not a valid " + cloudEventType, e);
        }
        String subject = header(record, CloudEventHeaders.SUBJECT);
        if (!subject.equals(event.commitmentId().value()) || !subject.equals(record.key())) {
            throw new UnreadableRecord("key, ce_subject and the event's commitmentId disagree");
        }
        return new IncomingEvent(
                subject,
                number(record, CloudEventHeaders.COMMITMENT_SEQUENCE),
                number(record, CloudEventHeaders.GLOBAL_POSITION),
                header(record, CloudEventHeaders.ID),
                time(record),
                name.group(1),
                name.group(2),
                event,
                payload);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            throw new UnreadableRecord("missing header " + name);
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static long number(ConsumerRecord<?, ?> record, String name) {
        try {
            long value = Long.parseLong(header(record, name));
            if (value < 0) {
                throw new UnreadableRecord("negative " + name);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UnreadableRecord("header " + name + " is not a number");
        }
    }

    private static Instant time(ConsumerRecord<?, ?> record) {
        try {
            return Instant.parse(header(record, CloudEventHeaders.TIME));
        } catch (DateTimeParseException e) {
            throw new UnreadableRecord("header " + CloudEventHeaders.TIME + " is not an RFC 3339 time");
        }
    }
}
