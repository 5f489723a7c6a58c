package io.commitmentsledger.projection.store;

import io.commitmentsledger.projection.revisions.CurrentEvent;
import io.commitmentsledger.projection.revisions.EventPayloads;
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
    private final EventPayloads payloads;

    ReadModelJson(ObjectMapper json, EventPayloads payloads) {
        this.json = json;
        this.payloads = payloads;
    }

    /** Reads a summary from the first column of a row. */
    RowMapper<CommitmentSummary> summaryColumn() {
        return (row, n) -> summary(row.getString(1));
    }

    CommitmentSummary summary(String text) {
        return json.readValue(text, CommitmentSummary.class);
    }

    /** Reads any JSON the read model keeps (a part of a summary, say) as {@code type}. */
    <T> T read(String text, Class<T> type) {
        return json.readValue(text, type);
    }

    String text(CommitmentSummary summary) {
        return json.writeValueAsString(summary);
    }

    /**
     * A stored event, in its current revision: one stored before an upgrade brought a new revision of its type is
     * upcast, as records on the topic are.
     */
    IncomingEvent event(
            String commitmentId,
            long sequence,
            long globalPosition,
            String eventId,
            String kind,
            String revision,
            Instant recordedAt,
            String payload) {
        CurrentEvent current = payloads.read(kind, Integer.parseInt(revision), payload)
                .orElseThrow(() -> new IllegalStateException("the read model holds an event of unknown type " + kind));
        return new IncomingEvent(
                commitmentId,
                sequence,
                globalPosition,
                eventId,
                recordedAt,
                kind,
                Integer.toString(current.revision()),
                current.event(),
                current.payload());
    }
}
