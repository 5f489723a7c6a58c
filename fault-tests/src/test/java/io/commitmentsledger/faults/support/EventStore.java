package io.commitmentsledger.faults.support;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The write side's event store, read straight from Axon's table over JDBC. */
public final class EventStore {

    private EventStore() {}

    /** Every stored event of the commitments whose ids start with {@code prefix}, in global order. */
    public static List<Recorded> read(PostgresServer postgres, String database, String prefix) {
        try (Connection connection = postgres.connect(database);
                PreparedStatement query = connection.prepareStatement("""
                        SELECT aggregate_identifier, sequence_number, event_identifier, payload
                        FROM domain_event_entry WHERE aggregate_identifier LIKE ? ORDER BY global_index""")) {
            query.setString(1, prefix + "%");
            List<Recorded> events = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(new Recorded(
                            rows.getString(1),
                            rows.getLong(2),
                            rows.getString(3),
                            Recorded.tokenIn(new String(rows.getBytes(4), StandardCharsets.UTF_8))));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the event store failed", e);
        }
    }
}
