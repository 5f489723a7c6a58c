package io.commitmentsledger.projection.summary;

import io.commitmentsledger.contracts.events.CommitmentEvent;
import java.time.Instant;

/**
 * One event read from the topic: the fact, its place in its commitment and in the ledger, and its JSON as published
 * (kept for as-of queries and rebuilds).
 */
public record IncomingEvent(
        String commitmentId,
        long sequence,
        long globalPosition,
        String eventId,
        Instant recordedAt,
        String kind,
        String revision,
        CommitmentEvent event,
        String payload) {

    public AppliedEvent applied() {
        return new AppliedEvent(event, sequence, globalPosition, eventId, recordedAt);
    }
}
