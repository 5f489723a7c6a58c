package io.commitmentsledger.projection.summary;

import io.commitmentsledger.contracts.events.CommitmentEvent;
import java.time.Instant;

/** An event as the projection receives it: the fact, and where and when the ledger recorded it. */
public record AppliedEvent(
        CommitmentEvent event, long sequence, long globalPosition, String eventId, Instant recordedAt) {}
