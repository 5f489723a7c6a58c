package io.commitmentsledger.ledger.publication;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each event's own global index, as the event store holds it. Axon's tracking token cannot tell it: under concurrent
 * writers rows commit out of index order, and the token of an event that fills such a gap names the highest index
 * seen so far, not the event's. One query per batch, by the events' unique ids.
 */
@Component
class GlobalPositions {

    private final JdbcClient jdbc;

    GlobalPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The global index of each of these events, by event id. */
    Map<String, Long> of(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("SELECT event_identifier, global_index FROM domain_event_entry WHERE event_identifier = ANY (?)")
                .param(eventIds.toArray(String[]::new))
                .query((row, n) -> Map.entry(row.getString(1), row.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
