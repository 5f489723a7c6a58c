package io.commitmentsledger.projection.support;

import io.commitmentsledger.contracts.ActingAgency;
import io.commitmentsledger.contracts.AgencyCode;
import io.commitmentsledger.contracts.Area;
import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.CountryCode;
import io.commitmentsledger.contracts.PartialDate;
import io.commitmentsledger.contracts.PartnershipId;
import io.commitmentsledger.contracts.Party;
import io.commitmentsledger.contracts.SourceReference;
import io.commitmentsledger.contracts.events.CloudEventHeaders;
import io.commitmentsledger.contracts.events.CommitmentAgreed;
import io.commitmentsledger.contracts.events.CommitmentEvent;
import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.contracts.log.LeafSignature;
import io.commitmentsledger.contracts.log.LogLeaf;
import io.commitmentsledger.contracts.log.NoteSigner;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes to the event topic exactly what commitments-service publishes (see api-contracts' asyncapi.yaml):
 * key, CloudEvents headers with the log's (log index, leaf hash, previous leaf hash, the ledger's signature with
 * {@link TestLedgerKey}), the event's JSON. Also publishes what it never would, to test the dead-letter path.
 */
public final class LedgerTopic implements AutoCloseable {

    public static final ActingAgency METI = ActingAgency.parse("JP/METI");
    public static final ActingAgency DSIT = ActingAgency.parse("GB/DSIT");
    public static final LocalDate MEETING = LocalDate.of(2024, 1, 16);
    /** A target long past: a commitment still open against it is overdue. */
    public static final PartialDate LONG_AGO = PartialDate.parse("2024-Q1");
    /** A target far ahead: never overdue while the tests run. */
    public static final PartialDate FAR_AHEAD = PartialDate.parse("2099-Q4");

    private static final AtomicInteger IDS = new AtomicInteger();
    private static final AtomicLong GLOBAL_POSITION = new AtomicLong();
    /** The ledger's log in this test JVM: the next log index, and each commitment's events by place. */
    private static final AtomicLong LOG_INDEX = new AtomicLong();

    private static final Map<String, LedgerRecord> RECORDED = new ConcurrentHashMap<>();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaProducer<String, byte[]> producer;

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
            CommitmentId id, String partnership, String area, String title, @Nullable PartialDate target) {
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
                PartialDate.day(MEETING));
    }

    /**
     * One record as it goes onto the topic: key, value bytes and headers. Tests that forge records start from one the
     * ledger would publish and change it.
     */
    public record LedgerRecord(String key, byte[] value, Map<String, String> headers) {

        public LedgerRecord {
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }

        public String header(String name) {
            return headers.get(name);
        }

        public LedgerRecord withKey(String otherKey) {
            return new LedgerRecord(otherKey, value, headers);
        }

        public LedgerRecord withValue(byte[] otherValue) {
            return new LedgerRecord(key, otherValue, headers);
        }

        public LedgerRecord withHeader(String name, String headerValue) {
            Map<String, String> changed = new LinkedHashMap<>(headers);
            changed.put(name, headerValue);
            return new LedgerRecord(key, value, changed);
        }

        public LedgerRecord withoutHeaders(String... names) {
            Map<String, String> changed = new LinkedHashMap<>(headers);
            for (String name : names) {
                changed.remove(name);
            }
            return new LedgerRecord(key, value, changed);
        }
    }

    /** Publishes the event as the ledger records it at {@code sequence}, recorded now. */
    public void publish(CommitmentEvent event, long sequence) {
        publish(event, sequence, Instant.now());
    }

    public void publish(CommitmentEvent event, long sequence, Instant recordedAt) {
        publish(event, sequence, recordedAt, UUID.randomUUID().toString());
    }

    /**
     * Publishes the event as the ledger records it at {@code sequence}. Publishing the same event id at the same
     * place again re-sends the very record, as the ledger's re-publication does, whatever {@code recordedAt} says.
     */
    public void publish(CommitmentEvent event, long sequence, Instant recordedAt, String eventId) {
        send(record(event, sequence, recordedAt, eventId));
    }

    /** The record the ledger publishes for this event at {@code sequence}, recorded now; remembered, not sent. */
    public static LedgerRecord record(CommitmentEvent event, long sequence) {
        return record(event, sequence, Instant.now(), UUID.randomUUID().toString());
    }

    public static LedgerRecord record(CommitmentEvent event, long sequence, Instant recordedAt, String eventId) {
        return recorded(
                event.commitmentId().value(),
                sequence,
                EventTypes.name(event.getClass()),
                EventTypes.revision(event.getClass()),
                JSON.writeValueAsBytes(event),
                recordedAt,
                eventId);
    }

    /**
     * The record the ledger publishes for an event of any revision with exactly this JSON: signed with {@link
     * TestLedgerKey}, chained onto the commitment's event at {@code sequence - 1} as recorded here before (so record
     * a later event only once its predecessor is recorded, sent or not). Remembered as the commitment's event at that
     * place; the same event id there again gives the same record.
     */
    public static LedgerRecord recorded(
            String commitmentId,
            long sequence,
            String name,
            String revision,
            byte[] payload,
            Instant recordedAt,
            String eventId) {
        String place = commitmentId + "#" + sequence;
        LedgerRecord earlier = RECORDED.get(place);
        if (earlier != null && eventId.equals(earlier.header(CloudEventHeaders.ID))) {
            return earlier;
        }
        LedgerRecord record = build(
                commitmentId,
                sequence,
                name,
                revision,
                payload,
                recordedAt,
                eventId,
                LOG_INDEX.getAndIncrement(),
                TestLedgerKey.signer());
        RECORDED.put(place, record);
        return record;
    }

    /**
     * What a forger with another key makes of this event at {@code sequence}: every hash computed as the ledger would,
     * chained as the ledger chained the commitment, but signed with {@code key}. Not remembered.
     */
    public static LedgerRecord forged(CommitmentEvent event, long sequence, NoteSigner key) {
        return build(
                event.commitmentId().value(),
                sequence,
                EventTypes.name(event.getClass()),
                EventTypes.revision(event.getClass()),
                JSON.writeValueAsBytes(event),
                Instant.now(),
                UUID.randomUUID().toString(),
                LOG_INDEX.get() + 1_000_000,
                key);
    }

    /** The record published for the commitment's event at {@code sequence}. */
    public static LedgerRecord published(CommitmentId id, long sequence) {
        LedgerRecord record = RECORDED.get(id.value() + "#" + sequence);
        if (record == null) {
            throw new IllegalStateException("no event of " + id + " was recorded at sequence " + sequence);
        }
        return record;
    }

    /** Sends the commitment's event at {@code sequence} again, exactly as before (a redelivery). */
    public void redeliver(CommitmentId id, long sequence) {
        send(published(id, sequence));
    }

    public void send(LedgerRecord record) {
        RecordHeaders headers = new RecordHeaders();
        record.headers().forEach((name, value) -> header(headers, name, value));
        send(record.key(), record.value(), headers);
    }

    private static LedgerRecord build(
            String commitmentId,
            long sequence,
            String name,
            String revision,
            byte[] payload,
            Instant recordedAt,
            String eventId,
            long logIndex,
            NoteSigner key) {
        byte[] previous = LogLeaf.NO_PREVIOUS_LEAF;
        if (sequence > 0) {
            LedgerRecord before = RECORDED.get(commitmentId + "#" + (sequence - 1));
            if (before == null) {
                throw new IllegalStateException("record " + commitmentId + "'s event at sequence " + (sequence - 1)
                        + " first (LedgerTopic.record, without sending it, makes a hole)");
            }
            previous = Base64.getDecoder().decode(before.header(CloudEventHeaders.LEAF_HASH));
        }
        String time = recordedAt.toString();
        byte[] leafHash = LogLeaf.of(logIndex, commitmentId, sequence, eventId, name, revision, time, payload, previous)
                .hash();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        headers.put(CloudEventHeaders.ID, eventId);
        headers.put(CloudEventHeaders.SOURCE, CloudEventHeaders.SOURCE_VALUE);
        headers.put(CloudEventHeaders.TYPE, EventTypes.cloudEventType(name, revision));
        headers.put(CloudEventHeaders.SUBJECT, commitmentId);
        headers.put(CloudEventHeaders.TIME, time);
        headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.CONTENT_TYPE_VALUE);
        headers.put(
                CloudEventHeaders.DATA_SCHEMA,
                EventTypes.dataSchema(name, revision).toString());
        headers.put(CloudEventHeaders.COMMITMENT_SEQUENCE, Long.toString(sequence));
        headers.put(CloudEventHeaders.GLOBAL_POSITION, Long.toString(GLOBAL_POSITION.incrementAndGet()));
        headers.put(CloudEventHeaders.LOG_INDEX, Long.toString(logIndex));
        headers.put(CloudEventHeaders.LEAF_HASH, Base64.getEncoder().encodeToString(leafHash));
        headers.put(CloudEventHeaders.PREVIOUS_LEAF_HASH, Base64.getEncoder().encodeToString(previous));
        headers.put(CloudEventHeaders.LEDGER_SIGNATURE, LeafSignature.sign(key, leafHash));
        return new LedgerRecord(commitmentId, payload, headers);
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
