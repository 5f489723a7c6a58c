package io.commitmentsledger.projection.store;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * An event the ledger recorded that this generation of the read model could not apply. Its commitment stops at the
 * sequence before it (later events are parked) and is marked stale until an event at {@code sequence} is applied.
 */
@Schema(name = "Incident")
public record Incident(
        String commitmentId,
        long sequence,
        long globalPosition,
        String eventId,
        @Schema(example = "CommitmentConfirmed") String kind,
        @Schema(description = "Why it could not be applied") String reason,
        Instant raisedAt) {}
