package io.commitmentsledger.ledger.publication;

import io.commitmentsledger.contracts.CommitmentId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Publishes recorded events again, from the event store, the source of truth: for an operator to fill a hole on the
 * topic (records a broker lost, for example unflushed ones after an operating-system crash of a single broker). Each
 * record is built exactly as the live publisher builds it ({@link EventRecords}): same key, value and headers, so a
 * subscriber that deduplicates by commitment and sequence ignores what it already has; the log headers too, since an
 * event keeps its place in the verifiable log (one the live publisher has not reached yet is appended to the log
 * here, in global order, which keeps each commitment's order). Sends in batches and returns
 * once Kafka has acknowledged every record ({@link RecordSender}).
 */
@Component
public class Republication {

    private static final int BATCH_SIZE = 500;

    /** How many events were published again, to which topic. */
    public record Republished(String topic, long republished) {}

    /** No events are recorded for the commitment. */
    public static final class UnknownCommitment extends RuntimeException {

        private final CommitmentId commitmentId;

        UnknownCommitment(CommitmentId commitmentId) {
            super("no commitment " + commitmentId.value() + " has been agreed");
            this.commitmentId = commitmentId;
        }

        public CommitmentId commitmentId() {
            return commitmentId;
        }
    }

    private final EventStorageEngine storageEngine;
    private final EventRecords records;
    private final RecordSender sender;
    private final JdbcClient jdbc;
    private final PublicationProperties properties;

    Republication(
            EventStorageEngine storageEngine,
            EventRecords records,
            RecordSender sender,
            JdbcClient jdbc,
            PublicationProperties properties) {
        this.storageEngine = storageEngine;
        this.records = records;
        this.sender = sender;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * Every event from global position {@code from} up to {@code to} (inclusive; the newest recorded event when
     * null), in global order.
     */
    public Republished fromGlobalPosition(long from, @Nullable Long to) {
        long last = to != null ? to : newestGlobalPosition();
        // A token that has seen everything before `from`. Events come in global order; a token's position is the
        // highest index read so far, so the first one past `last` ends the range.
        GapAwareTrackingToken start = GapAwareTrackingToken.newInstance(from - 1, List.of());
        try (Stream<? extends TrackedEventMessage<?>> events = storageEngine.readEvents(start, false)) {
            return publishAll(
                    events.takeWhile(event -> event.trackingToken().position().orElse(Long.MAX_VALUE) <= last)
                            .filter(DomainEventMessage.class::isInstance)
                            .map(event -> (DomainEventMessage<?>) event));
        }
    }

    /** A commitment's events from sequence {@code from} up to {@code to} (inclusive; its newest when null). */
    public Republished ofCommitment(CommitmentId commitmentId, long from, @Nullable Long to) {
        if (storageEngine.lastSequenceNumberFor(commitmentId.value()).isEmpty()) {
            throw new UnknownCommitment(commitmentId);
        }
        long last = to != null ? to : Long.MAX_VALUE;
        DomainEventStream events = storageEngine.readEvents(commitmentId.value(), from);
        return publishAll(events.asStream().takeWhile(event -> event.getSequenceNumber() <= last));
    }

    private Republished publishAll(Stream<? extends DomainEventMessage<?>> events) {
        List<String> batch = new ArrayList<>(BATCH_SIZE);
        long published = 0;
        for (var iterator = events.iterator(); iterator.hasNext(); ) {
            batch.add(iterator.next().getIdentifier());
            if (batch.size() == BATCH_SIZE || !iterator.hasNext()) {
                sender.sendAndAwait(records.of(batch));
                published += batch.size();
                batch.clear();
            }
        }
        return new Republished(properties.topic(), published);
    }

    private long newestGlobalPosition() {
        return jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry")
                .query(Long.class)
                .single();
    }
}
