package io.commitmentsledger.ledger.history;

import io.commitmentsledger.contracts.CommitmentId;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a commitment's events straight from the event store's table, not through Axon's upcasting and
 * deserialization, so auditors see exactly what was recorded.
 */
@Repository
public class EventHistory {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    EventHistory(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The commitment's events in sequence order; empty when no commitment has this id. */
    public List<RecordedEvent> of(CommitmentId commitmentId) {
        return jdbc.sql(SELECT + " WHERE aggregate_identifier = ? ORDER BY sequence_number")
                .param(commitmentId.value())
                .query(this::recorded)
                .list();
    }

    /** The event at a global position, as a timeline entry or a Kafka record names it. */
    public Optional<RecordedEvent> at(long globalPosition) {
        return jdbc.sql(SELECT + " WHERE global_index = ?")
                .param(globalPosition)
                .query(this::recorded)
                .optional();
    }

    private static final String SELECT = """
            SELECT global_index, sequence_number, event_identifier, payload_type, payload_revision, time_stamp,
                   payload, meta_data
              FROM domain_event_entry""";

    private RecordedEvent recorded(ResultSet row, int rowNumber) throws SQLException {
        String payload = new String(row.getBytes("payload"), StandardCharsets.UTF_8);
        byte[] metadata = row.getBytes("meta_data");
        JsonNode fields = json.readTree(payload);
        return new RecordedEvent(
                row.getLong("global_index"),
                row.getLong("sequence_number"),
                row.getString("event_identifier"),
                simpleName(row.getString("payload_type")),
                row.getString("payload_revision"),
                Instant.parse(row.getString("time_stamp")),
                fields.path("actor").asString(null),
                fields.path("occurredOn").asString(null),
                payload,
                metadata == null ? "{}" : new String(metadata, StandardCharsets.UTF_8));
    }

    private static String simpleName(String payloadType) {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
