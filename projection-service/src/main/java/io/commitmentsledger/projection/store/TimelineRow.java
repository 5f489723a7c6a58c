package io.commitmentsledger.projection.store;

import java.time.Instant;
import java.time.LocalDate;

/** One stored timeline entry. */
public record TimelineRow(
        String commitmentId,
        long sequence,
        long globalPosition,
        String eventId,
        String kind,
        String revision,
        LocalDate occurredOn,
        Instant recordedAt,
        String actor,
        String summary,
        String payload) {}
