package io.commitmentsledger.ledger.history;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One event exactly as the event store holds it, with the fields an auditor replays and verifies. */
@Schema(name = "RecordedEvent")
public record RecordedEvent(
        @Schema(description = "Position in the whole ledger, across commitments; unique and increasing")
        long globalPosition,

        @Schema(description = "Position in this commitment's history, from 0 without gaps")
        long sequence,

        @Schema(description = "The event's unique id, also its CloudEvents id")
        String eventId,

        @Schema(example = "CommitmentAgreed") String type,
        @Schema(example = "1") String revision,

        @Schema(description = "When the ledger recorded it (server time)")
        Instant recordedAt,

        @Schema(description = "Who acted, COUNTRY/AGENCY", example = "JP/METI")
        String actor,

        @Schema(description = "The day it happened in the world, as the acting agency gave it", format = "date")
        String occurredOn,

        @Schema(description = "The stored JSON payload, byte for byte", type = "object") @JsonRawValue
        String payload,

        @Schema(description = "The stored metadata (correlation and trace ids)", type = "object") @JsonRawValue
        String metadata) {}
