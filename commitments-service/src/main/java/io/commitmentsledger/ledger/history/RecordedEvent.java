package io.commitmentsledger.ledger.history;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.commitmentsledger.contracts.PartialDate;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One event exactly as the event store holds it, with the fields an auditor replays and verifies. */
@Schema(name = "RecordedEvent")
public record RecordedEvent(
        @Schema(
                description = "Position in the whole ledger, across commitments; unique and increasing",
                minimum = "0",
                maximum = "9223372036854775807")
        long globalPosition,

        @Schema(
                description = "Position in this commitment's history, from 0 without gaps",
                minimum = "0",
                maximum = "9223372036854775807")
        long sequence,

        @Schema(description = "The event's unique id, also its CloudEvents id", maxLength = 255)
        String eventId,

        @Schema(example = "CommitmentAgreed", maxLength = 255)
        String type,

        @Schema(example = "1", maxLength = 255) String revision,

        @Schema(description = "When the ledger recorded it (server time)", maxLength = 40)
        Instant recordedAt,

        @Schema(
                description = "Who acted, COUNTRY/AGENCY; null if the payload names no actor",
                example = "JP/METI",
                maxLength = 255)
        @Nullable
        String actor,

        @Schema(
                description = "When it happened in the world, as the acting agency gave it: a day (YYYY-MM-DD) for"
                        + " every fact but an agreement, whose date is as precise as its source (revision 2: a year,"
                        + " quarter, month or day, such as 2022); null if the payload names none",
                example = "2024-01-16",
                maxLength = PartialDate.MAX_LENGTH,
                pattern = PartialDate.FORMAT)
        @Nullable
        String occurredOn,

        @Schema(description = "The stored JSON payload, byte for byte", types = "object") @JsonRawValue
        String payload,

        @Schema(description = "The stored metadata (correlation and trace ids)", types = "object") @JsonRawValue
        String metadata) {}
