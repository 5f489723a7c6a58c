package io.commitmentsledger.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The raw limit the write path is measured against: one event appended per transaction with plain JDBC, into a copy
 * of the event store's table ({@code LIKE domain_event_entry INCLUDING ALL}: the same columns, keys and indexes, and
 * its own identity sequence, so the real store's global positions are untouched) in commitments-service's own
 * PostgreSQL, with the same settings and durability (fsync, synchronous commit). Each row carries the bytes of a real
 * event recorded by the seeds: the same payload, metadata and type.
 */
final class RawAppendBaseline implements AutoCloseable {

    private static final String TABLE = "benchmark_raw_event";

    private record RealEvent(String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {}

    private final String jdbcUrl;
    private final RealEvent event;
    private final List<Connection> connections = new ArrayList<>();

    RawAppendBaseline(String jdbcUrl) throws SQLException {
        this.jdbcUrl = jdbcUrl;
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
            statement.execute("CREATE TABLE " + TABLE + " (LIKE domain_event_entry INCLUDING ALL)");
            this.event = largestRealEvent(statement);
        }
    }

    /** The payload size a real event has: the seeds' largest (an agreement, with its title and source). */
    private static RealEvent largestRealEvent(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery(
                "SELECT payload_type, payload_revision, payload, meta_data FROM domain_event_entry"
                        + " ORDER BY octet_length(payload) DESC LIMIT 1")) {
            if (!row.next()) {
                throw new IllegalStateException("the event store holds no event to copy: were the seeds loaded?");
            }
            byte[] metaData = row.getBytes(4);
            return new RealEvent(
                    row.getString(1), row.getString(2), row.getBytes(3), metaData == null ? new byte[0] : metaData);
        }
    }

    int payloadBytes() {
        return event.payload().length + event.metaData().length;
    }

    /** Appends at {@code concurrency}, each client into its own stream, as commands on distinct commitments do. */
    ClosedLoop.Result measure(int concurrency, Duration warmUp, Duration measure) throws Exception {
        List<ClosedLoop.Client> clients = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            clients.add(appender(UUID.randomUUID().toString()));
        }
        try {
            return ClosedLoop.run(concurrency, warmUp, measure, clients::get);
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
            connections.clear();
        }
    }

    private ClosedLoop.Client appender(String aggregate) throws SQLException {
        Connection connection = DriverManager.getConnection(jdbcUrl);
        connections.add(connection);
        connection.setAutoCommit(true);
        PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                + " (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,"
                + " payload_revision, payload, meta_data) VALUES (?, ?, ?, 'Commitment', ?, ?, ?, ?, ?)");
        long[] sequence = {0};
        return () -> {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, aggregate);
            insert.setLong(3, sequence[0]++);
            insert.setString(4, Instant.now().toString());
            insert.setString(5, event.payloadType());
            insert.setString(6, event.payloadRevision());
            insert.setBytes(7, event.payload());
            insert.setBytes(8, event.metaData());
            insert.executeUpdate();
            return null;
        };
    }

    /** Drops the table, so nothing of the baseline stays in the ledger's database. */
    @Override
    public void close() throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
        }
    }
}
