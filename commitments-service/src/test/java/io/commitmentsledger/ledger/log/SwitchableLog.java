package io.commitmentsledger.ledger.log;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The verifiable log with a switch, for {@link LogCostBenchmark}: while on, {@link #append} is the real one; while
 * off, it answers the batch's events as read from the event store (one query) with no log work at all: no lock, no
 * hashing, no signing, nothing inserted ({@link #NOT_LOGGED} index, zero hashes, an empty signature). The publisher
 * goes on sending every event at its own pace, only without the log.
 *
 * <p>An event published while off is never logged, so a commitment must not receive commands in both states (its
 * next event could not be chained): the benchmark gives each round commitments of its own, and lets the publisher
 * catch up before it flips the switch.
 */
class SwitchableLog extends VerifiableLog {

    static final long NOT_LOGGED = -1;

    private static final byte[] ZEROS = new byte[32];

    private final JdbcClient jdbc;
    private volatile boolean on = true;

    SwitchableLog(JdbcClient jdbc, PlatformTransactionManager transactionManager, SubtreeStore subtrees, LogKeys keys) {
        super(jdbc, transactionManager, subtrees, keys);
        this.jdbc = jdbc;
    }

    void on(boolean on) {
        this.on = on;
    }

    boolean isOn() {
        return on;
    }

    @Override
    public List<LoggedEvent> append(List<String> eventIdsInVisibleOrder) {
        return on ? super.append(eventIdsInVisibleOrder) : unlogged(eventIdsInVisibleOrder);
    }

    private List<LoggedEvent> unlogged(List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        Map<String, LoggedEvent> events = new HashMap<>();
        jdbc.sql("""
                        SELECT global_index, event_identifier, aggregate_identifier, sequence_number, payload_type,
                               payload_revision, time_stamp, payload
                        FROM domain_event_entry WHERE event_identifier = ANY (?)""").param(eventIds.toArray(String[]::new)).query(row -> {
            String payloadType = row.getString("payload_type");
            String revision = row.getString("payload_revision");
            LoggedEvent event = new LoggedEvent(
                    row.getString("event_identifier"),
                    row.getString("aggregate_identifier"),
                    row.getLong("sequence_number"),
                    payloadType.substring(payloadType.lastIndexOf('.') + 1),
                    revision == null ? "" : revision,
                    row.getString("time_stamp"),
                    row.getBytes("payload"),
                    row.getLong("global_index"),
                    NOT_LOGGED,
                    ZEROS,
                    ZEROS,
                    "");
            events.put(event.eventId(), event);
        });
        List<LoggedEvent> inOrder = new ArrayList<>(eventIds.size());
        for (String id : eventIds) {
            LoggedEvent event = events.get(id);
            if (event == null) {
                throw new IllegalStateException("event " + id + " is not in the event store");
            }
            inOrder.add(event);
        }
        return inOrder;
    }
}
