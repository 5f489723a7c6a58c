package io.commitmentsledger.benchmarks.streams;

import io.commitmentsledger.contracts.events.CommitmentEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads generated histories straight into commitments-service's event store with PostgreSQL's COPY (binary), one
 * transaction per {@value #EVENTS_PER_TRANSACTION} events or so, whole commitments at a time, so the publisher follows
 * commit by commit as it would follow many commands. A commitment's events are in one transaction in sequence order,
 * as the ledger's rule that a commitment's events become visible in order requires; rows get their global index from
 * the table's identity, as Axon's own inserts do.
 */
final class EventStoreLoader {

    static final int EVENTS_PER_TRANSACTION = 10_000;

    private static final String COPY = """
            COPY domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                payload_type, payload_revision, payload, meta_data) FROM STDIN (FORMAT binary)""";
    private static final byte[] BINARY_SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final short FIELDS = 9;

    private final String jdbcUrl;
    private final CommitmentHistories histories;
    private final AtomicLong loaded = new AtomicLong();

    EventStoreLoader(String jdbcUrl, CommitmentHistories histories) {
        this.jdbcUrl = jdbcUrl;
        this.histories = histories;
    }

    /** Events committed so far. */
    long loaded() {
        return loaded.get();
    }

    /**
     * Loads {@code commitments} histories; {@code committed} hears the number of events committed after each
     * transaction (the first call marks the start of publication).
     */
    void load(int commitments, LongConsumer committed) throws Exception {
        int perTransaction = Math.max(1, EVENTS_PER_TRANSACTION / histories.eventsPerCommitment());
        // the next transaction's rows are generated while the current one is copied: generating is half the work
        ExecutorService generator = Executors.newSingleThreadExecutor(task -> new Thread(task, "streams-rows"));
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            connection.setAutoCommit(false);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            Future<byte[]> next = generator.submit(() -> rows(0, Math.min(commitments, perTransaction)));
            for (int first = 0; first < commitments; first += perTransaction) {
                int end = Math.min(commitments, first + perTransaction);
                byte[] rows = next.get();
                if (end < commitments) {
                    next = generator.submit(() -> rows(end, Math.min(commitments, end + perTransaction)));
                }
                copy.copyIn(COPY, new ByteArrayInputStream(rows));
                connection.commit();
                committed.accept(loaded.addAndGet((long) (end - first) * histories.eventsPerCommitment()));
            }
        } finally {
            generator.shutdownNow();
        }
    }

    /** The commitments {@code [first, end)} in COPY's binary format. */
    byte[] rows(int first, int end) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024 * histories.eventsPerCommitment() * (end - first));
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(BINARY_SIGNATURE);
        out.writeInt(0); // flags
        out.writeInt(0); // header extension length
        Instant now = Instant.now();
        for (int index = first; index < end; index++) {
            List<CommitmentEvent> history = histories.history(index);
            for (int sequence = 0; sequence < history.size(); sequence++) {
                write(out, StoredEvent.of(history.get(sequence), sequence, now));
            }
        }
        out.writeShort(-1); // trailer
        out.flush();
        return bytes.toByteArray();
    }

    private static void write(DataOutputStream out, StoredEvent event) throws IOException {
        out.writeShort(FIELDS);
        text(out, event.eventIdentifier());
        text(out, event.aggregateIdentifier());
        out.writeInt(Long.BYTES);
        out.writeLong(event.sequenceNumber());
        text(out, StoredEvent.AGGREGATE_TYPE);
        text(out, event.timeStamp());
        text(out, event.payloadType());
        text(out, event.payloadRevision());
        bytes(out, event.payload());
        bytes(out, event.metaData());
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        bytes(out, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }
}
