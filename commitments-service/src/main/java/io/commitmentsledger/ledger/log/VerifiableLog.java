package io.commitmentsledger.ledger.log;

import io.commitmentsledger.contracts.log.CompactRange;
import io.commitmentsledger.contracts.log.LeafSignature;
import io.commitmentsledger.contracts.log.LogLeaf;
import io.commitmentsledger.ledger.log.SubtreeStore.Subtree;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives recorded events their place in the log, and tells the place of events already given one.
 *
 * <p><b>How the index is assigned.</b> The Kafka publisher, one tracking segment that reads the event store in the
 * order events become visible, hands every batch to {@link #append} before sending it. In a transaction of its own,
 * holding the log's advisory lock ({@link LogLocks#APPEND}), {@code append} reads the highest index and gives the
 * batch's new events the next ones, {@code max(log_index) + 1} onwards (0 for an empty log), in the order given, then
 * commits before anything is sent.
 *
 * <p><b>Why it cannot skip or reorder an event.</b> Indexes are taken as {@code max + 1} under the lock and in the
 * same transaction that inserts them, so each append continues exactly where the last committed one ended: no gap.
 * Should a second writer ever append without the lock, the primary key on {@code log_index} and the unique keys on the
 * event id and on (commitment, sequence) make its transaction fail rather than fork the log or log an event twice. A
 * commitment's events are chained: an event's previous leaf hash is the one of its predecessor (sequence - 1), which
 * is logged first, so a commitment's events are logged in sequence order (an event handed over before its unlogged
 * predecessors, by a re-publication while the publisher is behind, has them logged ahead of it: they became visible
 * before it). A ledger upgraded from a version without the log logs the events it published before ahead of its first
 * new batch, in publication order. An event logged before keeps its index, hash and signature: a batch retried after
 * a Kafka failure, or re-published later, sends the identical records again. The log, like the event store, refuses
 * any update or deletion by trigger.
 */
@Component
public class VerifiableLog {

    /** Events recorded before the log existed are logged this many at a time. */
    private static final int EARLIER_EVENTS_CHUNK = 1_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final SubtreeStore subtrees;
    private final LogKeys keys;

    VerifiableLog(JdbcClient jdbc, PlatformTransactionManager transactionManager, SubtreeStore subtrees, LogKeys keys) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.subtrees = subtrees;
        this.keys = keys;
    }

    /**
     * The events with these ids, in this order, each with its place in the log: those already logged as they were
     * logged, the others appended in this order. Committed before it returns.
     *
     * @throws IllegalStateException if an event is not in the event store
     */
    public List<LoggedEvent> append(List<String> eventIdsInVisibleOrder) {
        if (eventIdsInVisibleOrder.isEmpty()) {
            return List.of();
        }
        List<LoggedEvent> logged = ownTransaction.execute(tx -> appendInTransaction(eventIdsInVisibleOrder));
        if (logged == null) {
            throw new IllegalStateException("the log's transaction returned nothing");
        }
        return logged;
    }

    private List<LoggedEvent> appendInTransaction(List<String> eventIds) {
        LogLocks.lockForTransaction(jdbc, LogLocks.APPEND);
        if (logIsEmpty()) {
            logEventsRecordedBeforeTheLog(eventIds);
        }
        return appendLocked(eventIds);
    }

    private boolean logIsEmpty() {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM log_entry)")
                .query(Boolean.class)
                .single();
    }

    /**
     * A ledger upgraded from a version without the log has events its publisher sent before the log existed, which
     * the publisher will never hand over again. Before the first append, they are logged in the order of the store's
     * global index, in which they were published; an event not yet visible below the batch's first one is not among
     * them and is logged when the publisher reaches it. Chunks keep the memory small however long the history.
     */
    private void logEventsRecordedBeforeTheLog(List<String> batch) {
        Long firstOfBatch = jdbc.sql(
                        "SELECT min(global_index) FROM domain_event_entry WHERE event_identifier = ANY (?)")
                .param(batch.toArray(String[]::new))
                .query(Long.class)
                .optional()
                .orElse(null);
        if (firstOfBatch == null) {
            return;
        }
        long after = Long.MIN_VALUE;
        while (true) {
            List<Map.Entry<Long, String>> chunk = jdbc.sql("""
                            SELECT global_index, event_identifier FROM domain_event_entry
                            WHERE global_index > ? AND global_index < ? ORDER BY global_index LIMIT ?""")
                    .params(after, firstOfBatch, EARLIER_EVENTS_CHUNK)
                    .query((row, n) -> Map.entry(row.getLong(1), row.getString(2)))
                    .list();
            if (chunk.isEmpty()) {
                return;
            }
            appendLocked(chunk.stream().map(Map.Entry::getValue).toList());
            after = chunk.get(chunk.size() - 1).getKey();
        }
    }

    private List<LoggedEvent> appendLocked(List<String> eventIds) {
        Map<String, StoredEvent> stored = stored(eventIds);
        Map<Link, byte[]> previousHashes = previousLeafHashes(eventIds, stored);
        List<String> earlier = unloggedEarlierEvents(eventIds, stored, previousHashes);
        if (!earlier.isEmpty()) {
            appendLocked(earlier);
            stored = stored(eventIds);
            previousHashes = previousLeafHashes(eventIds, stored);
        }

        long size = jdbc.sql("SELECT coalesce(max(log_index) + 1, 0) FROM log_entry")
                .query(Long.class)
                .single();
        CompactRange tree = subtrees.compute(source -> CompactRange.of(size, source));
        List<LoggedEvent> result = new ArrayList<>(eventIds.size());
        List<LoggedEvent> appended = new ArrayList<>();
        List<Subtree> completed = new ArrayList<>();
        Map<String, LoggedEvent> appendedNow = new HashMap<>();
        for (String eventId : eventIds) {
            StoredEvent event = stored.get(eventId);
            if (event == null) {
                throw new IllegalStateException("event " + eventId + " is not in the event store");
            }
            LoggedEvent entry = event.logged != null ? event.logged : appendedNow.get(eventId);
            if (entry == null) {
                entry = event.leafAt(tree.size(), previousLeafHash(event, previousHashes));
                tree.append(
                        entry.leafHash(), (level, position, hash) -> completed.add(new Subtree(level, position, hash)));
                appended.add(entry);
                appendedNow.put(eventId, entry);
            }
            previousHashes.put(new Link(entry.commitmentId(), entry.sequence()), entry.leafHash());
            result.add(entry);
        }
        insert(appended);
        subtrees.insert(completed);
        return result;
    }

    private LoggedEvent signed(LogLeaf leaf, long globalIndex) {
        byte[] hash = leaf.hash();
        return new LoggedEvent(
                leaf.eventId(),
                leaf.commitmentId(),
                leaf.sequence(),
                leaf.type(),
                leaf.revision(),
                leaf.recordedAt(),
                leaf.payload(),
                globalIndex,
                leaf.logIndex(),
                hash,
                leaf.previousLeafHash(),
                LeafSignature.sign(keys.signer(), hash));
    }

    private static byte[] previousLeafHash(StoredEvent event, Map<Link, byte[]> previousHashes) {
        if (event.sequence == 0) {
            return LogLeaf.NO_PREVIOUS_LEAF;
        }
        byte[] previous = previousHashes.get(new Link(event.commitmentId, event.sequence - 1));
        if (previous == null) {
            throw new IllegalStateException("event " + event.eventId + " (" + event.commitmentId + " #"
                    + event.sequence + ") cannot be logged before its commitment's previous event, which is not"
                    + " logged");
        }
        return previous;
    }

    /**
     * The unlogged earlier events of the commitments whose previous event is neither logged nor in the list, in
     * sequence order: a caller other than the live publisher (a re-publication of a commitment's later events while
     * the publisher is behind) may hand over an event before its predecessors. They were visible before it (its
     * command read them), so logging them first keeps the log in an order in which events became visible. Usually
     * empty, at the cost of no query.
     */
    private List<String> unloggedEarlierEvents(
            List<String> eventIds, Map<String, StoredEvent> stored, Map<Link, byte[]> previousHashes) {
        java.util.Set<Link> inList = new java.util.HashSet<>();
        Map<String, Long> firstMissing = new java.util.LinkedHashMap<>();
        for (String eventId : eventIds) {
            StoredEvent event = stored.get(eventId);
            if (event == null) {
                continue;
            }
            Link previous = new Link(event.commitmentId, event.sequence - 1);
            if (event.logged == null
                    && event.sequence > 0
                    && !previousHashes.containsKey(previous)
                    && !inList.contains(previous)) {
                firstMissing.merge(event.commitmentId, event.sequence, Math::min);
            }
            inList.add(new Link(event.commitmentId, event.sequence));
        }
        List<String> earlier = new ArrayList<>();
        firstMissing.forEach((commitmentId, sequence) -> earlier.addAll(
                jdbc.sql("""
                        SELECT e.event_identifier FROM domain_event_entry e
                        WHERE e.aggregate_identifier = ? AND e.sequence_number < ?
                          AND NOT EXISTS (SELECT 1 FROM log_entry l WHERE l.event_identifier = e.event_identifier)
                        ORDER BY e.sequence_number""").params(commitmentId, sequence).query(String.class).list()));
        return earlier;
    }

    /** A commitment's event by sequence: the key of the hash chain. */
    private record Link(String commitmentId, long sequence) {}

    /** An event as the store holds it, and its log entry if it has one. */
    private final class StoredEvent {
        final String eventId;
        final String commitmentId;
        final long sequence;
        final String type;
        final String revision;
        final String recordedAt;
        final byte[] payload;
        final long globalIndex;
        final @Nullable LoggedEvent logged;

        StoredEvent(ResultSet row) throws SQLException {
            eventId = row.getString("event_identifier");
            commitmentId = row.getString("aggregate_identifier");
            sequence = row.getLong("sequence_number");
            String payloadType = row.getString("payload_type");
            type = payloadType.substring(payloadType.lastIndexOf('.') + 1);
            String storedRevision = row.getString("payload_revision");
            revision = storedRevision == null ? "" : storedRevision;
            recordedAt = row.getString("time_stamp");
            payload = row.getBytes("payload");
            globalIndex = row.getLong("global_index");
            long logIndex = row.getLong("log_index");
            logged = row.wasNull()
                    ? null
                    : new LoggedEvent(
                            eventId,
                            commitmentId,
                            sequence,
                            type,
                            revision,
                            recordedAt,
                            payload,
                            globalIndex,
                            logIndex,
                            row.getBytes("leaf_hash"),
                            row.getBytes("previous_leaf_hash"),
                            row.getString("leaf_signature"));
        }

        LoggedEvent leafAt(long logIndex, byte[] previousLeafHash) {
            return signed(
                    LogLeaf.of(
                            logIndex,
                            commitmentId,
                            sequence,
                            eventId,
                            type,
                            revision,
                            recordedAt,
                            payload,
                            previousLeafHash),
                    globalIndex);
        }
    }

    /** The events and their log entries, if any, in one query. */
    private Map<String, StoredEvent> stored(List<String> eventIds) {
        Map<String, StoredEvent> events = new HashMap<>();
        jdbc.sql("""
                        SELECT e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number,
                               e.payload_type, e.payload_revision, e.time_stamp, e.payload,
                               l.log_index, l.leaf_hash, l.previous_leaf_hash, l.leaf_signature
                        FROM domain_event_entry e
                        LEFT JOIN log_entry l ON l.event_identifier = e.event_identifier
                        WHERE e.event_identifier = ANY (?)""").param(eventIds.toArray(String[]::new)).query(row -> {
            StoredEvent event = new StoredEvent(row);
            events.put(event.eventId, event);
        });
        return events;
    }

    /**
     * The leaf hashes of the logged predecessors of the events not yet logged whose predecessor is not in the list,
     * in one query.
     */
    private Map<Link, byte[]> previousLeafHashes(List<String> eventIds, Map<String, StoredEvent> stored) {
        Map<Link, byte[]> hashes = new HashMap<>();
        List<String> commitments = new ArrayList<>();
        List<Long> sequences = new ArrayList<>();
        for (StoredEvent event : stored.values()) {
            if (event.logged == null && event.sequence > 0) {
                commitments.add(event.commitmentId);
                sequences.add(event.sequence - 1);
            }
        }
        if (commitments.isEmpty()) {
            return hashes;
        }
        jdbc.sql("""
                        SELECT l.commitment_id, l.sequence_number, l.leaf_hash FROM log_entry l
                        JOIN unnest(?::varchar[], ?::bigint[]) AS wanted(commitment_id, sequence_number)
                          ON l.commitment_id = wanted.commitment_id AND l.sequence_number = wanted.sequence_number""")
                .params(commitments.toArray(String[]::new), sequences.toArray(Long[]::new))
                .query(row -> {
                    hashes.put(new Link(row.getString(1), row.getLong(2)), row.getBytes(3));
                });
        return hashes;
    }

    /** One statement for the whole batch: a round trip per row cost more than signing it. */
    private void insert(List<LoggedEvent> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO log_entry (log_index, event_identifier, commitment_id, sequence_number, leaf_hash,
                                               previous_leaf_hash, leaf_signature)
                        SELECT * FROM unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::bigint[], ?::bytea[],
                                             ?::bytea[], ?::varchar[])""")
                .params(
                        entries.stream().map(LoggedEvent::logIndex).toArray(Long[]::new),
                        entries.stream().map(LoggedEvent::eventId).toArray(String[]::new),
                        entries.stream().map(LoggedEvent::commitmentId).toArray(String[]::new),
                        entries.stream().map(LoggedEvent::sequence).toArray(Long[]::new),
                        entries.stream().map(LoggedEvent::leafHash).toArray(byte[][]::new),
                        entries.stream().map(LoggedEvent::previousLeafHash).toArray(byte[][]::new),
                        entries.stream().map(LoggedEvent::leafSignature).toArray(String[]::new))
                .update();
    }
}
