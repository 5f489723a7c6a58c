package io.commitmentsledger.projection.store;

import io.commitmentsledger.contracts.events.CommitmentEvent;
import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.projection.summary.CommitmentSummary;
import io.commitmentsledger.projection.summary.IncomingEvent;
import java.time.Instant;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** The JSON the read model keeps: summaries as folded, events as published, and how both are read back. */
@Component
class ReadModelJson {

    private final ObjectMapper json;

    ReadModelJson(ObjectMapper json) {
        this.json = json;
    }

    /** Reads a summary from the first column of a row. */
    RowMapper<CommitmentSummary> summaryColumn() {
        return (row, n) -> summary(row.getString(1));
    }

    CommitmentSummary summary(String text) {
        return json.readValue(text, CommitmentSummary.class);
    }

    String text(CommitmentSummary summary) {
        return json.writeValueAsString(summary);
    }

    /** A stored event as it was received; the type is looked up from its kind and revision. */
    IncomingEvent event(
            String commitmentId,
            long sequence,
            long globalPosition,
            String eventId,
            String kind,
            String revision,
            Instant recordedAt,
            String payload) {
        Class<? extends CommitmentEvent> type = EventTypes.forCloudEventType(EventTypes.cloudEventType(kind, revision))
                .orElseThrow(() -> new IllegalStateException(
                        "the read model holds an event of unknown type or revision " + kind + " v" + revision));
        CommitmentEvent event = json.readValue(payload, type);
        return new IncomingEvent(
                commitmentId, sequence, globalPosition, eventId, recordedAt, kind, revision, event, payload);
    }
}
