package io.commitmentsledger.ledger.log;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the log's entries with the events they log, for proofs and verification: the event's fields as the event
 * store holds them (its commitment and sequence included), its place, hashes and signature as the log holds them. Either
 * side may be missing when the stored data was tampered with, so both are read independently and may disagree.
 */
@Component
public class LogEntries {

    /** A log entry as stored, with the event it logs as the event store holds it now (null if it is gone). */
    public record Entry(
            long logIndex,
            String eventId,
            String commitmentId,
            long sequence,
            byte[] leafHash,
            byte[] previousLeafHash,
            String leafSignature,
            @Nullable StoredEvent event) {}

    /** An event as the event store holds it, with its log index if it is logged. */
    public record StoredEvent(
            long globalIndex,
            String eventId,
            String commitmentId,
            long sequence,
            String type,
            String revision,
            String recordedAt,
            byte[] payload,
            @Nullable Long logIndex) {

        /** The event with its place in the log, as the log's leaf is rebuilt from the stored row. */
        public LoggedEvent logged(Entry entry) {
            return new LoggedEvent(
                    eventId,
                    commitmentId,
                    sequence,
                    type,
                    revision,
                    recordedAt,
                    payload,
                    globalIndex,
                    entry.logIndex(),
                    entry.leafHash(),
                    entry.previousLeafHash(),
                    entry.leafSignature());
        }
    }

    private static final String ENTRY = """
            SELECT l.log_index, l.event_identifier, l.commitment_id, l.sequence_number, l.leaf_hash,
                   l.previous_leaf_hash, l.leaf_signature,
                   e.global_index, e.event_identifier AS stored_id, e.aggregate_identifier, e.sequence_number AS stored_sequence,
                   e.payload_type, e.payload_revision, e.time_stamp, e.payload, l.log_index AS logged_index
              FROM log_entry l
              LEFT JOIN domain_event_entry e ON e.event_identifier = l.event_identifier""";

    private static final String EVENT = """
            SELECT e.global_index, e.event_identifier AS stored_id, e.aggregate_identifier,
                   e.sequence_number AS stored_sequence, e.payload_type, e.payload_revision, e.time_stamp, e.payload,
                   l.log_index AS logged_index
              FROM domain_event_entry e
              LEFT JOIN log_entry l ON l.event_identifier = e.event_identifier""";

    private final JdbcClient jdbc;

    LogEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Entry> at(long logIndex) {
        return jdbc.sql(ENTRY + " WHERE l.log_index = ?")
                .param(logIndex)
                .query(LogEntries::entry)
                .optional();
    }

    public Optional<Entry> ofEvent(String eventId) {
        return jdbc.sql(ENTRY + " WHERE l.event_identifier = ?")
                .param(eventId)
                .query(LogEntries::entry)
                .optional();
    }

    /** The event as the event store holds it, logged or not. */
    public Optional<StoredEvent> storedEvent(String eventId) {
        return jdbc.sql(EVENT + " WHERE e.event_identifier = ?")
                .param(eventId)
                .query(LogEntries::storedEvent)
                .optional();
    }

    /** The commitment's events in the event store, in sequence order. */
    public List<StoredEvent> storedEventsOf(String commitmentId) {
        return jdbc.sql(EVENT + " WHERE e.aggregate_identifier = ? ORDER BY e.sequence_number")
                .param(commitmentId)
                .query(LogEntries::storedEvent)
                .list();
    }

    /** The log's entries for the commitment, in the sequence order the log gives them. */
    public List<Entry> entriesOf(String commitmentId) {
        return jdbc.sql(ENTRY + " WHERE l.commitment_id = ? ORDER BY l.sequence_number")
                .param(commitmentId)
                .query(LogEntries::entry)
                .list();
    }

    /**
     * The first log index after {@code logIndex}, an index that has an entry, and below {@code size} that has none, if
     * any: an entry there was deleted.
     */
    public Optional<Long> firstMissingAfter(long logIndex, long size) {
        if (logIndex >= size - 1) {
            return Optional.empty();
        }
        Long present = jdbc.sql("SELECT count(*) FROM log_entry WHERE log_index > ? AND log_index < ?")
                .params(logIndex, size)
                .query(Long.class)
                .single();
        if (present == size - logIndex - 1) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT min(l.log_index + 1) FROM log_entry l
                         WHERE l.log_index >= ? AND l.log_index < ? - 1
                           AND NOT EXISTS (SELECT 1 FROM log_entry n WHERE n.log_index = l.log_index + 1)""").params(logIndex, size).query(Long.class).list().stream()
                .filter(Objects::nonNull)
                .findFirst();
    }

    /** The tree size of the newest checkpoint, as stored; empty while none has been signed. */
    public Optional<Long> newestCheckpointSize() {
        return jdbc.sql("SELECT max(tree_size) FROM log_checkpoint").query(Long.class).list().stream()
                .filter(Objects::nonNull)
                .findFirst();
    }

    /** The event store position of the newest logged event: events up to it have been seen by the log's writer. */
    public Optional<Long> newestLoggedGlobalIndex() {
        return jdbc.sql("""
                        SELECT e.global_index FROM log_entry l
                          JOIN domain_event_entry e ON e.event_identifier = l.event_identifier
                         ORDER BY l.log_index DESC LIMIT 1""").query(Long.class).optional();
    }

    private static Entry entry(ResultSet row, int rowNumber) throws SQLException {
        row.getLong("global_index");
        StoredEvent event = row.wasNull() ? null : storedEvent(row, rowNumber);
        return new Entry(
                row.getLong("log_index"),
                row.getString("event_identifier"),
                row.getString("commitment_id"),
                row.getLong("sequence_number"),
                row.getBytes("leaf_hash"),
                row.getBytes("previous_leaf_hash"),
                row.getString("leaf_signature"),
                event);
    }

    private static StoredEvent storedEvent(ResultSet row, int rowNumber) throws SQLException {
        String payloadType = row.getString("payload_type");
        String revision = row.getString("payload_revision");
        return new StoredEvent(
                row.getLong("global_index"),
                row.getString("stored_id"),
                row.getString("aggregate_identifier"),
                row.getLong("stored_sequence"),
                payloadType.substring(payloadType.lastIndexOf('.') + 1),
                revision == null ? "" : revision,
                row.getString("time_stamp"),
                row.getBytes("payload"),
                row.getObject("logged_index", Long.class));
    }
}
