package io.commitmentsledger.projection.store;

import io.commitmentsledger.contracts.PartialDate;
import java.time.Instant;

/** One stored timeline entry; {@code occurredOn} as precise as the event gives it (an agreement may give a year). */
public record TimelineRow(
        String commitmentId,
        long sequence,
        long globalPosition,
        String eventId,
        String kind,
        String revision,
        PartialDate occurredOn,
        Instant recordedAt,
        String actor,
        String summary) {}
