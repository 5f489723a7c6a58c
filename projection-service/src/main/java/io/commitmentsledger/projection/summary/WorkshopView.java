package io.commitmentsledger.projection.summary;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A workshop under a commitment as it stands now. {@code state} is SCHEDULED, CANCELLED or HELD. */
public record WorkshopView(
        String workshopId,
        String title,
        LocalDate start,
        LocalDate end,
        @Nullable String format,
        @Nullable String location,
        @Nullable String host,
        String state,
        @Nullable LocalDate heldOn,
        @Nullable String outcome) {}
