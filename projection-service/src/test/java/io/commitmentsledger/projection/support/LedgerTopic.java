package io.commitmentsledger.projection.support;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.AgencyCode;
import io.commitmentsledger.contracts.Area;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.CountryCode;
import io.commitmentsledger.contracts.PartnershipId;
import io.commitmentsledger.contracts.Party;
import io.commitmentsledger.contracts.Quarter;
import io.commitmentsledger.contracts.SourceReference;
import io.commitmentsledger.contracts.Target;
import io.commitmentsledger.contracts.events.CloudEventHeaders;
import io.commitmentsledger.contracts.events.CommitmentAgreed;
import io.commitmentsledger.contracts.events.CommitmentEvent;
import io.commitmentsledger.contracts.events.EventTypes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes to the event topic exactly what commitments-service publishes (see api-contracts' asyncapi.yaml):
 * key, CloudEvents headers, the event's JSON. Also publishes what it never would, to test the dead-letter path.
 */
public final class LedgerTopic implements AutoCloseable {

    public static final ActingAgency METI = ActingAgency.parse("JP/METI");
    public static final ActingAgency DSIT = ActingAgency.parse("GB/DSIT");
    public static final LocalDate MEETING = LocalDate.of(2024, 1, 16);
    /** A target long past: a commitment still open against it is overdue. */
    public static final Target LONG_AGO = Target.in(Quarter.parse("2024-Q1"));
    /** A target far ahead: never overdue while the tests run. */
    public static final Target FAR_AHEAD = Target.in(Quarter.parse("2099-Q4"));

    private static final AtomicInteger IDS = new AtomicInteger();
    private static final AtomicLong GLOBAL_POSITION = new AtomicLong();

    private final KafkaProducer<String, byte[]> producer;
    private final JsonMapper json = JsonMapper.builder().build();

    public LedgerTopic(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG,
                "all"));
    }

    public static CommitmentId newId(String prefix) {
        return new CommitmentId(prefix + "-" + ProcessHandle.current().pid() + "-" + IDS.incrementAndGet());
    }

    public static CommitmentAgreed agreed(
            CommitmentId id, String partnership, String area, String title, Target target) {
        return new CommitmentAgreed(
                id,
                new PartnershipId(partnership),
                new Area(area),
                title,
                "Joint action under the Japan-UK Digital Partnership",
                List.of(
                        new Party(new CountryCode("JP"), List.of(new AgencyCode("METI"))),
                        new Party(new CountryCode("GB"), List.of(new AgencyCode("DSIT")))),
                target,
                new SourceReference(
                        "Japan-UK Digital Partnership outcome document",
                        URI.create("https://www.meti.go.jp/english/press/2024/0116_002.html"),
                        "2"),
                METI,
                MEETING);
    }

    /** Publishes the event as the ledger records it at {@code sequence}, recorded now. */
    public void publish(CommitmentEvent event, long sequence) {
        publish(event, sequence, Instant.now());
    }

    public void publish(CommitmentEvent event, long sequence, Instant recordedAt) {
        publish(event, sequence, recordedAt, UUID.randomUUID().toString());
    }

    public void publish(CommitmentEvent event, long sequence, Instant recordedAt, String eventId) {
        String name = EventTypes.name(event.getClass());
        String revision = EventTypes.revision(event.getClass());
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(headers, CloudEventHeaders.ID, eventId);
        header(headers, CloudEventHeaders.SOURCE, CloudEventHeaders.SOURCE_VALUE);
        header(headers, CloudEventHeaders.TYPE, EventTypes.cloudEventType(name, revision));
        header(headers, CloudEventHeaders.SUBJECT, event.commitmentId().value());
        header(headers, CloudEventHeaders.TIME, recordedAt.toString());
        header(headers, CloudEventHeaders.CONTENT_TYPE, "application/json");
        header(
                headers,
                CloudEventHeaders.DATA_SCHEMA,
                EventTypes.dataSchema(name, revision).toString());
        header(headers, CloudEventHeaders.COMMITMENT_SEQUENCE, Long.toString(sequence));
        header(headers, CloudEventHeaders.GLOBAL_POSITION, Long.toString(GLOBAL_POSITION.incrementAndGet()));
        send(event.commitmentId().value(), json.writeValueAsBytes(event), headers);
    }

    /** A record with the given key, value and headers, whatever they are. */
    public void publishRaw(String key, byte[] value, Map<String, String> headerValues) {
        RecordHeaders headers = new RecordHeaders();
        headerValues.forEach((name, value1) -> header(headers, name, value1));
        send(key, value, headers);
    }

    private void send(String key, byte[] value, RecordHeaders headers) {
        try {
            producer.send(new ProducerRecord<>(EventTypes.DEFAULT_TOPIC, null, key, value, headers))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish", e);
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
