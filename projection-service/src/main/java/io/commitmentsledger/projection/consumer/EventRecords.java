package io.commitmentsledger.projection.consumer;

import io.commitmentsledger.contracts.events.CloudEventHeaders;
import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.contracts.events.EventTypes.NameAndRevision;
import io.commitmentsledger.contracts.upcasting.RevisionNotYetKnown;
import io.commitmentsledger.projection.revisions.CurrentEvent;
import io.commitmentsledger.projection.revisions.EventPayloads;
import io.commitmentsledger.projection.summary.IncomingEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the ledger's CloudEvents records (see api-contracts' asyncapi.yaml) with nothing but the contracts. A record
 * of an earlier revision of its type is upcast to the current one first (api-contracts' {@code EventUpcasters}), so
 * every record ever published stays readable; one of a newer revision than this service knows is refused as {@link
 * RevisionNotYetUnderstood}, never read into the older shape.
 */
@Component
public class EventRecords {

    private static final Logger log = LoggerFactory.getLogger(EventRecords.class);

    private final EventPayloads payloads;
    private final ObjectMapper json;

    EventRecords(EventPayloads payloads, ObjectMapper json) {
        this.payloads = payloads;
        this.json = json;
    }

    /** The event a record carries, in its current revision, or {@link UnreadableRecord} saying why there is none. */
    public IncomingEvent read(ConsumerRecord<String, byte[]> record) {
        String cloudEventType = header(record, CloudEventHeaders.TYPE);
        NameAndRevision type = EventTypes.nameAndRevision(cloudEventType)
                .orElseThrow(() -> new UnreadableRecord("malformed ce_type '" + cloudEventType + "'"));
        Header dataSchema = record.headers().lastHeader(CloudEventHeaders.DATA_SCHEMA);
        if (dataSchema != null
                && !EventTypes.dataSchema(type.name(), Integer.toString(type.revision()))
                        .toString()
                        .equals(new String(dataSchema.value(), StandardCharsets.UTF_8))) {
            throw new UnreadableRecord(
                    "ce_dataschema names another type or revision than ce_type '" + cloudEventType + "'");
        }
        if (record.value() == null) {
            throw new UnreadableRecord("record has no value");
        }
        CurrentEvent current;
        try {
            String payload = StorableText.storable(new String(record.value(), StandardCharsets.UTF_8), json);
            current = payloads.read(type.name(), type.revision(), payload)
                    .orElseThrow(() -> new UnreadableRecord("unknown event type '" + cloudEventType + "'"));
        } catch (RevisionNotYetKnown e) {
            log.error(
                    "Not applied: the record at {}-{}@{} (commitment {}): {}. Upgrade projection-service to an"
                            + " api-contracts that knows that revision, then rebuild to apply it",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    record.key(),
                    e.getMessage());
            throw new RevisionNotYetUnderstood(e);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new UnreadableRecord("value is not a valid " + cloudEventType, e);
        }
        String subject = header(record, CloudEventHeaders.SUBJECT);
        if (!subject.equals(current.event().commitmentId().value()) || !subject.equals(record.key())) {
            throw new UnreadableRecord("key, ce_subject and the event's commitmentId disagree");
        }
        return new IncomingEvent(
                subject,
                number(record, CloudEventHeaders.COMMITMENT_SEQUENCE),
                number(record, CloudEventHeaders.GLOBAL_POSITION),
                header(record, CloudEventHeaders.ID),
                time(record),
                type.name(),
                Integer.toString(current.revision()),
                current.event(),
                current.payload());
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
