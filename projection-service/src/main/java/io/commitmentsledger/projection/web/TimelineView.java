package io.commitmentsledger.projection.web;

import io.commitmentsledger.projection.store.TimelineRow;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A commitment's timeline: every applied event in sequence order. */
@Schema(name = "Timeline")
record TimelineView(
        String commitmentId,
        long version,
        @Nullable Instant asOf,
        List<Entry> entries,

        @Schema(description = "As for the commitment: an incident holds later events back")
        boolean stale) {

    @Schema(name = "TimelineEntry")
    record Entry(
            long sequence,

            @Schema(description = "Finds the raw event in the write side's /events and on the topic")
            long globalPosition,

            String eventId,
            @Schema(example = "WorkshopScheduled") String kind,

            @Schema(
                    description = "When it happened in the world, as precise as the event says: a day, or for an"
                            + " agreement possibly a year, quarter or month",
                    pattern = io.commitmentsledger.contracts.PartialDate.FORMAT,
                    maxLength = io.commitmentsledger.contracts.PartialDate.MAX_LENGTH,
                    example = "2024-01-16")
            String occurredOn,

            @Schema(description = "When the ledger recorded it")
            Instant recordedAt,

            @Schema(example = "JP/METI") String actor,
            String actorCountry,
            @Nullable String actorAgency,
            @Schema(description = "One line for people") String summary) {

        static Entry of(TimelineRow row) {
            String[] actor = row.actor().split("/", 2);
            return new Entry(
                    row.sequence(),
                    row.globalPosition(),
                    row.eventId(),
                    row.kind(),
                    row.occurredOn().toString(),
                    row.recordedAt(),
                    row.actor(),
                    actor[0],
                    actor.length > 1 ? actor[1] : null,
                    row.summary());
        }
    }
}
