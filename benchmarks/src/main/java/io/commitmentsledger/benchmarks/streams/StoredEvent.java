package io.commitmentsledger.benchmarks.streams;

import io.commitmentsledger.contracts.events.CommitmentEvent;
import io.commitmentsledger.contracts.upcasting.EventUpcasters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One row of commitments-service's event store ({@code domain_event_entry}) as Axon's JdbcEventStorageEngine writes
 * it: the payload as the service's Jackson 2 serializer writes api-contracts' records (properties in declaration
 * order, nulls written, ISO dates), the type's current revision ({@link EventUpcasters}), Axon's metadata (a trace and
 * correlation id) and the time stamp in Axon's form (UTC, milliseconds).
 */
record StoredEvent(
        String eventIdentifier,
        String aggregateIdentifier,
        long sequenceNumber,
        String timeStamp,
        String payloadType,
        String payloadRevision,
        byte[] payload,
        byte[] metaData) {

    /** The aggregate type Axon stores with every event of the commitment aggregate. */
    static final String AGGREGATE_TYPE = "Commitment";

    private static final EventUpcasters UPCASTERS = EventUpcasters.ledger();

    /**
     * Jackson 3 set to write what the service's Jackson 2 mapper writes: Jackson 3 sorts properties alphabetically by
     * default, Jackson 2 keeps the record's order.
     */
    static final JsonMapper JSON = JsonMapper.builder()
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    /** Axon's {@code DateTimeUtils.formatInstant}: always three fraction digits, {@code 2024-01-16T00:00:41.324Z}. */
    private static final DateTimeFormatter AXON_TIME =
            new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

    static StoredEvent of(CommitmentEvent event, long sequence, Instant recordedAt) {
        String traceId = randomUuid();
        return new StoredEvent(
                randomUuid(),
                event.commitmentId().value(),
                sequence,
                AXON_TIME.format(recordedAt),
                event.getClass().getName(),
                Integer.toString(UPCASTERS.currentRevision(event.getClass())),
                JSON.writeValueAsBytes(event),
                ("{\"traceId\":\"" + traceId + "\",\"correlationId\":\"" + traceId + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A version-4 UUID from a fast generator: SecureRandom (UUID.randomUUID) would cost more than the rest of a row,
     * and these ids need to be unique, not unguessable.
     */
    static String randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xf000L | 0x4000L;
        long low = random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
